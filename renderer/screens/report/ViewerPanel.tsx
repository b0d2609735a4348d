// For support staff: open a learner's report (file picker or drag and drop) and see it as the
// learner saw it, re-evaluate its facts against another exam, and compare it with another report.
// The file's text goes to main, which parses and judges it; a damaged file gets a clear message.
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedReport, ReportComparison } from '../../../shared/api/report';
import type { Report } from '../../../shared/report/model';
import type { ProfileSummary } from '../../../shared/scan';
import { renderMsg, languageFromLocale } from '../../../shared/i18n';
import { CheckCard } from '../../components/CheckCard';
import { Verdict } from '../../components/Verdict';
import { Status } from '../../components/Status';
import { readFileText } from './download';
import { useApp } from '../../app/store';
import { CohortPanel } from './CohortPanel';
import './cohort.css';

interface Loaded { text: string; opened: OpenedReport }

/** "Debian GNU/Linux 12 (bookworm)", not "... (bookworm) 12": the name often carries the version already */
function osText(r: Report): string {
  const { name, version } = r.facts.os;
  return name && version && name.includes(version) ? name : [name, version].filter(Boolean).join(' ');
}

export function ViewerPanel() {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [target, setTarget] = useState('');
  const [reeval, setReeval] = useState<Report | null>(null);
  const [comparison, setComparison] = useState<ReportComparison | null>(null);
  const [compareProblem, setCompareProblem] = useState<string | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [many, setMany] = useState<File[] | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  useEffect(() => { void window.preflight.listProfiles(languageFromLocale(i18n.language)).then(setProfiles); }, [i18n.language]);

  const openText = async (text: string, fileName: string) => {
    setReeval(null); setComparison(null); setCompareProblem(null);
    const r = await window.preflight.openReport(text, fileName);
    if (r.ok) { setLoaded({ text, opened: r.value }); setProblem(null); setTarget(r.value.report.profile.id); } else { setLoaded(null); setProblem(renderMsg(i18n, r.problem.message)); }
  };
  const open = async (file: File | undefined) => { if (file) await openText(await readFileText(file), file.name); };
  // a file chosen from the desktop app's File menu
  const pending = useApp((s) => s.pendingReport);
  useEffect(() => {
    if (!pending) return;
    useApp.getState().setPendingReport(null);
    void openText(pending.text, pending.fileName);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending]);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    // several files at once: the cohort dashboard below
    if (files.length > 1) { setProblem(null); setMany(files); return; }
    if (files.length !== 1) { setProblem(t('viewer:file.oneAtATime')); return; }
    void open(files[0]);
  };
  const reevaluate = async () => {
    if (!loaded) return;
    const r = await window.preflight.reevaluateReport(loaded.text, loaded.opened.fileName, target);
    if (r.ok) setReeval(r.value); else setProblem(renderMsg(i18n, r.problem.message));
  };
  const compare = async (file: File | undefined) => {
    if (!file || !loaded) return;
    const r = await window.preflight.compareReports(loaded.text, loaded.opened.fileName, await readFileText(file), file.name);
    if (r.ok) { setComparison(r.value); setCompareProblem(null); } else { setComparison(null); setCompareProblem(renderMsg(i18n, r.problem.message)); }
  };

  const shown = reeval ?? loaded?.opened.report ?? null;
  const titleOf = (id: string) => profiles.find((p) => p.id === id)?.title ?? id;
  // who the learner was told to ask (as text: support staff may need to hand the case over)
  const sc = loaded?.opened.report.support;
  const support = sc ? [sc.name, sc.email, sc.url].filter(Boolean).join(' · ') : '';

  return (
    <section className="rp-panel" aria-labelledby="rp-viewer-h">
      <h2 id="rp-viewer-h">{t('viewer:title')}</h2>
      <p>{t('viewer:lead')}</p>
      <div className={`rp-drop${dragging ? ' is-dragging' : ''}`} data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={drop}>
        <label className="btn file-pick">{t('viewer:file.label')}<input type="file" accept=".epreport,.json,application/json" onChange={(e) => { void open(e.target.files?.[0]); e.target.value = ''; }} /></label>
        <p className="cl-hint" aria-hidden="true">{dragging ? t('viewer:file.dropActive') : t('viewer:file.drop')}</p>
      </div>
      {problem && <p className="notice" role="alert" data-testid="viewer-problem">{problem}</p>}
      <CohortPanel profiles={profiles} dropped={many} />
      {loaded && shown && (
        <div data-testid="viewer">
          {loaded.opened.tampered && <p className="notice" role="alert">{t('viewer:tampered', { checkId: loaded.opened.report.checkId, expected: loaded.opened.tampered.expectedCheckId })}</p>}
          <h3>{t('viewer:meta.heading')}</h3>
          <dl className="rp-meta">
            <dt>{t('viewer:meta.file')}</dt><dd>{loaded.opened.fileName}</dd>
            <dt>{t('viewer:meta.checkId')}</dt><dd className="rp-checkid">{loaded.opened.report.checkId}</dd>
            <dt>{t('viewer:meta.created')}</dt><dd>{date(loaded.opened.report.createdAt)}</dd>
            <dt>{t('viewer:meta.appVersion')}</dt><dd>{loaded.opened.report.appVersion}</dd>
            <dt>{t('viewer:meta.profile')}</dt><dd>{loaded.opened.report.profile.title}</dd>
            <dt>{t('viewer:meta.os')}</dt><dd>{osText(loaded.opened.report)}</dd>
            {support && <><dt>{t('report:html.support')}</dt><dd>{support}</dd></>}
          </dl>
          <p className="cl-hint" data-testid="checkid-note">{t('safety:checkId.note')}</p>
          <p className="rp-privacy">{t(loaded.opened.report.redacted ? 'report:html.redacted' : 'report:html.personal')}</p>

          <section aria-labelledby="rp-reeval-h" className="rp-box">
            <h3 id="rp-reeval-h">{t('viewer:reevaluate.heading')}</h3>
            <p className="cl-hint">{t('viewer:reevaluate.help')}</p>
            <div className="cl-fields">
              <label>{t('viewer:reevaluate.profile')}
                <select value={target} onChange={(e) => setTarget(e.target.value)}>
                  {profiles.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
                </select>
              </label>
              <button type="button" className="btn" onClick={() => void reevaluate()}>{t('viewer:reevaluate.run')}</button>
              {reeval && <button type="button" className="btn" onClick={() => setReeval(null)}>{t('viewer:reevaluate.original')}</button>}
            </div>
            {reeval && <p role="status" data-testid="reevaluated">{t('viewer:reevaluate.showing', { profile: titleOf(reeval.profile.id), date: date(reeval.createdAt) })}</p>}
          </section>

          <Verdict verdict={shown.verdict} />
          {shown.checklist && shown.checklist.status !== 'none' && (
            <p>{shown.checklist.status === 'complete' ? t('checklist:complete') : t('checklist:progress', { done: shown.checklist.done, total: shown.checklist.total, open: shown.checklist.requiredOpen })}</p>
          )}
          {shown.mockExam && <p>{t('report:html.mockExam')}: {t(`exam:verdict.${shown.mockExam.verdict}`, { percent: shown.mockExam.percent, pass: shown.mockExam.passMarkPercent })}</p>}
          <h3>{t('viewer:checks.heading', { count: shown.results.length })}</h3>
          <div className="rp-checks">{shown.results.map((r) => <CheckCard key={r.id} result={r} />)}</div>

          <section aria-labelledby="rp-compare-h" className="rp-box">
            <h3 id="rp-compare-h">{t('viewer:compare.heading')}</h3>
            <p className="cl-hint">{t('viewer:compare.help')}</p>
            <label className="btn file-pick">{t('viewer:compare.label')}<input type="file" accept=".epreport,.json,application/json" onChange={(e) => { void compare(e.target.files?.[0]); e.target.value = ''; }} /></label>
            {compareProblem && <p className="notice" role="alert">{compareProblem}</p>}
            {comparison && (
              <div data-testid="comparison">
                <p>{t('viewer:compare.older', { file: comparison.older.fileName, date: date(comparison.older.report.createdAt) })}<br />{t('viewer:compare.newer', { file: comparison.newer.fileName, date: date(comparison.newer.report.createdAt) })}</p>
                {!comparison.sameProfile && <p className="notice">{t('viewer:compare.differentProfiles', { older: comparison.older.report.profile.title, newer: comparison.newer.report.profile.title })}</p>}
                <p role="status"><strong>{t('viewer:compare.summary', comparison.counts)}</strong></p>
                <label className="rp-optin"><input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> {t('viewer:compare.showUnchanged')}</label>
                <table className="rp-diff">
                  <thead><tr><th scope="col">{t('viewer:compare.check')}</th><th scope="col">{t('viewer:compare.before')}</th><th scope="col">{t('viewer:compare.after')}</th><th scope="col">{t('viewer:compare.change')}</th></tr></thead>
                  <tbody>
                    {comparison.checks.filter((c) => showUnchanged || c.change !== 'unchanged').map((c) => (
                      <tr key={c.id} data-change={c.change} data-check-id={c.id}>
                        <th scope="row">{renderMsg(i18n, (c.after ?? c.before)!.title)}</th>
                        <td>{c.before ? <Status status={c.before.status} /> : t('viewer:compare.absent')}</td>
                        <td>{c.after ? <Status status={c.after.status} /> : t('viewer:compare.absent')}</td>
                        <td><strong>{t(`viewer:compare.changes.${c.change}`)}</strong></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
