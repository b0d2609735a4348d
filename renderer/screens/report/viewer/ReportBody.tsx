// The report as the learner saw it: the verdict, the checklist and mock exam lines, every check.
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../shared/report/model';
import { CheckCard } from '../../../components/CheckCard';
import { Verdict } from '../../../components/Verdict';

export function ReportBody({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <>
      <Verdict verdict={report.verdict} />
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
      <h3>{t('viewer:checks.heading', { count: report.results.length })}</h3>
      <div className="rp-checks">
        {report.results.map((r) => (
          <CheckCard key={r.id} result={r} />
        ))}
      </div>
    </>
  );
}
