// The report as the learner saw it: the verdict, the checklist and mock exam lines, every check.
import { useTranslation } from 'react-i18next';
import { applies } from '../../../../shared/check';
import { renderMsg } from '../../../../shared/i18n';
import type { Report } from '../../../../shared/report/model';
import { verdictTitle } from '../../../../shared/report/verdict-line';
import { CheckCard } from '../../../components/CheckCard';
import { Verdict } from '../../../components/Verdict';

export function ReportBody({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  // checks that do not apply to the machine are not cards: one collapsed line, each with its reason
  const shown = report.results.filter(applies);
  const notApplicable = report.results.filter((r) => !applies(r));
  return (
    <>
      <Verdict verdict={report.verdict} title={renderMsg(i18n, verdictTitle(report.verdict, report.results))} />
      {report.checklist && report.checklist.status !== 'none' && (
        <p>
          {report.checklist.status === 'complete'
            ? t('checklist:complete')
            : t('checklist:progress', { done: report.checklist.done, total: report.checklist.total, open: report.checklist.requiredOpen })}
        </p>
      )}
      {report.mockExam && (
        <p>
          {t('report:html.mockExam')}:{' '}
          {t(`exam:verdict.${report.mockExam.verdict}`, { percent: report.mockExam.percent, pass: report.mockExam.passMarkPercent })}
        </p>
      )}
      <h3>{t('viewer:checks.heading', { count: shown.length })}</h3>
      <div className="rp-checks">
        {shown.map((r) => (
          <CheckCard key={r.id} result={r} />
        ))}
      </div>
      {notApplicable.length > 0 && (
        <details className="rp-not-applicable" data-testid="report-not-applicable">
          <summary>{t('journey:check.notApplicable', { count: notApplicable.length })}</summary>
          <ul>
            {notApplicable.map((r) => (
              <li key={r.id} data-check-id={r.id}>
                <strong>{renderMsg(i18n, r.title)}</strong> — {r.evidence.map((e) => renderMsg(i18n, e)).join(' ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
