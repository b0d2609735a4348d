// What a report is: file, check id, when and by which app version, which exam, which system, who
// the learner was told to ask — with the tamper warning first and the privacy note after.
import { useTranslation } from 'react-i18next';
import type { OpenedReport } from '../../../../shared/api/report';
import type { Report } from '../../../../shared/report/model';
import { viewerDate } from './date';
import { examTitle } from '../../../../shared/report/exam-title';
import { languageFromLocale } from '../../../../shared/i18n';

/** "Debian GNU/Linux 12 (bookworm)", not "... (bookworm) 12": the name often carries the version already */
function osText(r: Report): string {
  const { name, version } = r.facts.os;
  return name && version && name.includes(version) ? name : [name, version].filter(Boolean).join(' ');
}

export function ReportMeta({ opened }: { opened: OpenedReport }) {
  const { t, i18n } = useTranslation();
  const report = opened.report;
  // who the learner was told to ask (as text: support staff may need to hand the case over)
  const sc = report.support;
  const support = sc ? [sc.name, sc.email, sc.url].filter(Boolean).join(' · ') : '';
  return (
    <>
      {opened.tampered && (
        <p className="notice" role="alert">
          {t('viewer:tampered', { checkId: report.checkId, expected: opened.tampered.expectedCheckId })}
        </p>
      )}
      <h3>{t('viewer:meta.heading')}</h3>
      <dl className="term-list rp-meta">
        <dt>{t('viewer:meta.file')}</dt>
        <dd>{opened.fileName}</dd>
        <dt>{t('viewer:meta.checkId')}</dt>
        <dd className="rp-checkid">{report.checkId}</dd>
        <dt>{t('viewer:meta.created')}</dt>
        <dd>{viewerDate(i18n.language, report.createdAt)}</dd>
        <dt>{t('viewer:meta.appVersion')}</dt>
        <dd>{report.appVersion}</dd>
        <dt>{t('viewer:meta.profile')}</dt>
        {/* the exam in the reader's language when this app knows it; else as the report stored it */}
        <dd data-testid="viewer-exam">{examTitle(report, languageFromLocale(i18n.language))}</dd>
        <dt>{t('viewer:meta.os')}</dt>
        <dd>{osText(report)}</dd>
        {support && (
          <>
            <dt>{t('report:html.support')}</dt>
            <dd>{support}</dd>
          </>
        )}
      </dl>
      <p className="cl-hint" data-testid="checkid-note">
        {t('safety:checkId.note')}
      </p>
      <p className="rp-privacy">{t(report.redacted ? 'report:html.redacted' : 'report:html.personal')}</p>
    </>
  );
}
