// For support staff: open a learner's report (file picker or drag and drop) and see it as the
// learner saw it, re-evaluate its facts against another exam, and compare it with another report.
// The file's text goes to main, which parses and judges it; a damaged file gets a clear message.
// One part per feature in ./viewer/: what the report is, re-evaluation, the checks, comparison.
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedReport } from '../../../shared/api/report';
import type { Report } from '../../../shared/report/model';
import { renderMsg, languageFromLocale } from '../../../shared/i18n';
import { readFileText } from './download';
import { useApp } from '../../app/store';
import { useFromMain } from '../../app/useFromMain';
import { ReportMeta } from './viewer/ReportMeta';
import { Reevaluate } from './viewer/Reevaluate';
import { ReportBody } from './viewer/ReportBody';
import { ComparePanel } from './viewer/ComparePanel';
import { CohortPanel } from './CohortPanel';
import './cohort.css';

/** `n` counts opens: each opened file starts with fresh re-evaluation and comparison parts */
interface Loaded { text: string; opened: OpenedReport; n: number }

export function ViewerPanel() {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [reeval, setReeval] = useState<Report | null>(null);
  const [many, setMany] = useState<File[] | null>(null);
  const profiles = useFromMain(() => window.preflight.listProfiles(languageFromLocale(i18n.language)), [i18n.language]).value ?? [];

  const openText = async (text: string, fileName: string) => {
    setReeval(null);
    const r = await window.preflight.openReport(text, fileName);
    if (r.ok) { setLoaded((prev) => ({ text, opened: r.value, n: (prev?.n ?? 0) + 1 })); setProblem(null); } else { setLoaded(null); setProblem(renderMsg(i18n, r.problem.message)); }
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

  const shown = reeval ?? loaded?.opened.report ?? null;

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
        <div data-testid="viewer" key={loaded.n}>
          <ReportMeta opened={loaded.opened} />
          <Reevaluate text={loaded.text} opened={loaded.opened} profiles={profiles} reeval={reeval} onResult={setReeval} onProblem={setProblem} />
          <ReportBody report={shown} />
          <ComparePanel text={loaded.text} opened={loaded.opened} />
        </div>
      )}
    </section>
  );
}
