// For the learner: make a report of this exam's latest check to send to support. The screen says
// what will be in it before anything is saved, personal data is left out unless they opt in, and
// nothing is sent: the file is saved where they choose and shared by them, if at all.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import type { ReportExport } from '../../../shared/api/report';
import { languageFromLocale, renderMsg } from '../../../shared/i18n';
import type { RouteId } from '../../screen';
import { useApp } from '../../app/store';
import { Verdict } from '../../components/Verdict';
import { download } from './download';
import { CopySummary } from '../../components/CopySummary';
import { examTitle } from '../../../shared/report/exam-title';
import { notDone } from '../../../shared/journey';
import { useJourney } from '../../app/useJourney';

export function ExportPanel({ profileId, go }: { profileId: string; go: (r: RouteId) => void }) {
  const { t, i18n } = useTranslation();
  const scanPhase = useApp((s) => s.scanPhase);
  const measurements = useApp((s) => s.measurements);
  const [personal, setPersonal] = useState(false);
  const [withLog, setWithLog] = useState(false);
  const setLastCheckId = useApp((s) => s.setLastCheckId);
  const [made, setMade] = useState<ReportExport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  // the same journey the summary adds up: a report made now says nothing of the required steps still open
  const open = notDone(useJourney(profileId).steps).filter((s) => s.required && s.route !== 'check');

  const make = async () => {
    setPdf(null);
    const r = await window.preflight.makeReport(profileId, measurements, personal, languageFromLocale(i18n.language), withLog);
    if (r.ok) {
      setMade(r.value);
      setProblem(null);
      setLastCheckId(r.value.report.checkId);
    } else {
      setMade(null);
      setProblem(renderMsg(i18n, r.problem.message));
    }
  };
  const savePdf = async () => {
    if (!made) return;
    try {
      const r = await window.preflight.saveReportPdf(made.html, made.fileBase);
      setPdf(r.saved ? t('report:export.pdfSaved', { file: r.file }) : r.unavailable ? t('report:export.pdfUnavailable') : t('report:export.pdfCancelled'));
    } catch (e) {
      setPdf(t('report:export.pdfFailed', { error: errorMessage(i18n, e) }));
    }
  };

  return (
    <section className="rp-panel" aria-labelledby="rp-export-h">
      <h2 id="rp-export-h">{t('report:export.heading')}</h2>
      <p>{t('report:export.lead')}</p>
      {scanPhase !== 'done' && !made ? (
        <p className="notice">
          {t('report:export.needsScan')}{' '}
          <button type="button" className="btn" onClick={() => go('check')}>
            {t('common:summary.do.check')}
          </button>
        </p>
      ) : null}
      {open.length > 0 && (
        <div className="notice" data-testid="report-steps-open">
          <p>{t('report:export.stepsOpen', { count: open.length, steps: open.map((s) => t(`common:nav.${s.route}`)).join(', ') })}</p>
          <div className="actions">
            {open.map((s) => (
              <button key={s.route} type="button" className="btn" onClick={() => go(s.route)}>
                {t('journey:summary.do', { step: t(`common:nav.${s.route}`) })}
              </button>
            ))}
          </div>
        </div>
      )}
      <h3>{t('report:export.contains')}</h3>
      <ul className="rp-contents">
        {(['checks', 'devices', 'facts', 'checklist', 'mockExam', 'support'] as const).map((k) => (
          <li key={k}>{t(`report:export.part.${k}`)}</li>
        ))}
        <li>{t(personal ? 'report:export.part.personalIn' : 'report:export.part.personalOut')}</li>
      </ul>
      <label className="rp-optin">
        <input
          type="checkbox"
          checked={personal}
          onChange={(e) => {
            setPersonal(e.target.checked);
            setMade(null);
          }}
        />
        {t('report:export.includePersonal')}
      </label>
      <label className="rp-optin">
        <input
          type="checkbox"
          checked={withLog}
          aria-describedby="rp-log-hint"
          onChange={(e) => {
            setWithLog(e.target.checked);
            setMade(null);
          }}
        />
        {t('desktop:attachLog.label')}
      </label>
      <p id="rp-log-hint" className="cl-hint">
        {t('desktop:attachLog.hint')}
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => void make()}>
          {t('report:export.make')}
        </button>
      </div>
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      {made && (
        <div className="rp-made" role="status" data-testid="report-made">
          <p>{t('report:export.ready', { checkId: made.report.checkId })}</p>
          <p className="rp-checkid">{made.report.checkId}</p>
          <Verdict verdict={made.report.verdict} />
          <CopySummary
            checkId={made.report.checkId}
            exam={examTitle(made.report, languageFromLocale(i18n.language))}
            verdict={made.report.verdict}
            failed={made.report.results.filter((r) => r.required && r.status === 'fail').map((r) => renderMsg(i18n, r.title))}
          />
          <div className="actions">
            <button type="button" className="btn" onClick={() => download(made.json, `${made.fileBase}.epreport`, 'application/vnd.exampreflight.report+json')}>
              {t('report:export.saveJson')}
            </button>
            <button type="button" className="btn" onClick={() => download(made.html, `${made.fileBase}.html`, 'text/html')}>
              {t('report:export.saveHtml')}
            </button>
            <button type="button" className="btn" onClick={() => void savePdf()}>
              {t('report:export.savePdf')}
            </button>
          </div>
          {pdf && <p>{pdf}</p>}
          <p className="cl-hint">{t('report:export.nothingSent')}</p>
        </div>
      )}
    </section>
  );
}
