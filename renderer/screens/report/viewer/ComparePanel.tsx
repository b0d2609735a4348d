// Comparing the opened report with a second file: what was fixed, broke, is new or was removed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedReport, ReportComparison } from '../../../../shared/api/report';
import { languageFromLocale, renderMsg } from '../../../../shared/i18n';
import { Status } from '../../../components/Status';
import { FilePick } from '../../../components/FilePick';
import { ColumnHeads } from '../../../components/ColumnHeads';
import { readFileText } from '../download';
import { viewerDate } from './date';
import { REPORT_LIMIT_BYTES, REPORT_LIMIT_CHARS, mb } from './limits';
import { errorMessage } from '../../../../shared/errors';
import { examTitle } from '../../../../shared/report/exam-title';

export function ComparePanel({ text, opened }: { text: string; opened: OpenedReport }) {
  const { t, i18n } = useTranslation();
  const [comparison, setComparison] = useState<ReportComparison | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const date = (iso: string) => viewerDate(i18n.language, iso);
  const tooLarge = (name: string, size: number) =>
    setProblem(t('journey:viewer.tooLarge', { file: name, size: mb(i18n.language, size), limit: mb(i18n.language, REPORT_LIMIT_CHARS) }));
  const compare = async (file: File | undefined) => {
    if (!file) return;
    setComparison(null);
    if (file.size > REPORT_LIMIT_BYTES) return tooLarge(file.name, file.size);
    const other = await readFileText(file);
    if (other.length > REPORT_LIMIT_CHARS) return tooLarge(file.name, other.length);
    try {
      const r = await window.preflight.compareReports(text, opened.fileName, other, file.name);
      if (r.ok) {
        setComparison(r.value);
        setProblem(null);
      } else setProblem(renderMsg(i18n, r.problem.message));
    } catch (e) {
      setProblem(t('journey:viewer.failed', { file: file.name, error: errorMessage(i18n, e) }));
    }
  };
  return (
    <section aria-labelledby="rp-compare-h" className="rp-box">
      <h3 id="rp-compare-h">{t('viewer:compare.heading')}</h3>
      <p className="cl-hint">{t('viewer:compare.help')}</p>
      <FilePick label={t('viewer:compare.label')} accept=".epreport,.json,application/json" onFiles={(files) => void compare(files[0])} />
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      {comparison && (
        <div data-testid="comparison">
          <p>
            {t('viewer:compare.older', { file: comparison.older.fileName, date: date(comparison.older.report.createdAt) })}
            <br />
            {t('viewer:compare.newer', { file: comparison.newer.fileName, date: date(comparison.newer.report.createdAt) })}
          </p>
          {!comparison.sameProfile && (
            <p className="notice">
              {t('viewer:compare.differentProfiles', {
                older: examTitle(comparison.older.report, languageFromLocale(i18n.language)),
                newer: examTitle(comparison.newer.report, languageFromLocale(i18n.language)),
              })}
            </p>
          )}
          <p role="status">
            <strong>{t('viewer:compare.summary', comparison.counts)}</strong>
          </p>
          <label className="rp-optin">
            <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> {t('viewer:compare.showUnchanged')}
          </label>
          <table className="rp-diff">
            <ColumnHeads labels={[t('viewer:compare.check'), t('viewer:compare.before'), t('viewer:compare.after'), t('viewer:compare.change')]} />
            <tbody>
              {comparison.checks
                .filter((c) => showUnchanged || c.change !== 'unchanged')
                .map((c) => (
                  <tr key={c.id} data-change={c.change} data-check-id={c.id}>
                    <th scope="row">{renderMsg(i18n, (c.after ?? c.before)!.title)}</th>
                    <td>{c.before ? <Status status={c.before.status} /> : t('viewer:compare.absent')}</td>
                    <td>{c.after ? <Status status={c.after.status} /> : t('viewer:compare.absent')}</td>
                    <td>
                      <strong>{t(`viewer:compare.changes.${c.change}`)}</strong>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
