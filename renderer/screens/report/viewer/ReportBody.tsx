// The report as the learner saw it: the verdict, the checklist and mock exam lines, every check —
// in the order that decides the verdict (shared/report/attention.ts, as the HTML and text reports),
// the optional checks that could not be read collapsed into one line, the passed ones collapsed.
import { useTranslation } from 'react-i18next';
import { applies } from '../../../../shared/check';
import { renderMsg } from '../../../../shared/i18n';
import type { Report } from '../../../../shared/report/model';
import { attentionOf } from '../../../../shared/report/attention';
import { verdictTitle } from '../../../../shared/report/verdict-line';
import { NotApplicable } from '../../../components/NotApplicable';
import { CheckCard } from '../../../components/CheckCard';
import { Unread } from '../../../components/Unread';
import { Verdict } from '../../../components/Verdict';

export function ReportBody({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const attention = attentionOf(report.results);
  const listed = new Set([...attention.first, ...attention.unread.flatMap((g) => g.results), ...attention.passed]);
  // checks that do not apply to the machine are not cards: one collapsed line below, each with its
  // reason; a status this version does not put in any list (e.g. from a newer app) is still shown
  const shown = report.results.filter(applies);
  const notApplicable = report.results.filter((r) => !applies(r));
  const others = shown.filter((r) => !listed.has(r));
  const card = (r: Report['results'][number]) => <CheckCard key={r.id} result={r} />;
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
        {attention.first.map(card)}
        <Unread attention={attention} item={card} />
        {others.map(card)}
        {attention.passed.length > 0 && (
          <details className="check-passed">
            <summary>{t('journey:check.showPassed', { count: attention.passed.length })}</summary>
            {attention.passed.map(card)}
          </details>
        )}
      </div>
      <NotApplicable results={notApplicable} className="rp-not-applicable" testId="report-not-applicable" />
    </>
  );
}
