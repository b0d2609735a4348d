// For support staff: open a learner's report (file picker or drag and drop) and see it as the
// learner saw it, re-evaluate its facts against another exam, and compare it with another report.
// The file's text goes to main, which parses and judges it; a damaged file gets a clear message.
// One part per feature in ./viewer/: what the report is, re-evaluation, the checks, comparison.
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedReport } from '../../../shared/api/report';
import { refusedFileMessage } from './viewer/refused-file';
import type { Report } from '../../../shared/report/model';
import { renderMsg, languageFromLocale } from '../../../shared/i18n';
import { readFileText } from './download';
import { useApp } from '../../app/store';
import { useFromMain } from '../../app/useFromMain';
import { FilePick } from '../../components/FilePick';
import { errorMessage } from '../../../shared/errors';
import { ReportMeta } from './viewer/ReportMeta';
import { Reevaluate } from './viewer/Reevaluate';
import { ReportBody } from './viewer/ReportBody';
import { ComparePanel } from './viewer/ComparePanel';
import { REPORT_LIMIT_BYTES, REPORT_LIMIT_CHARS, mb } from './viewer/limits';

export { REPORT_LIMIT_CHARS } from './viewer/limits';
import { CohortPanel } from './CohortPanel';
import './cohort.css';

/** `n` counts opens: each opened file starts with fresh re-evaluation and comparison parts */
interface Loaded {
  text: string;
  opened: OpenedReport;
  n: number;
}

export function ViewerPanel() {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [reeval, setReeval] = useState<Report | null>(null);
  const [many, setMany] = useState<File[] | null>(null);
  const profiles = useFromMain(() => window.preflight.listProfiles(languageFromLocale(i18n.language)), [i18n.language]).value ?? [];

  // Every outcome replaces what was shown before: support staff must never read a verdict about
  // the previous file under the name of a new one.
  const fail = (text: string) => {
    setLoaded(null);
    setReeval(null);
    setProblem(text);
  };
  const tooLarge = (fileName: string, size: number) =>
    fail(t('journey:viewer.tooLarge', { file: fileName, size: mb(i18n.language, size), limit: mb(i18n.language, REPORT_LIMIT_CHARS) }));
  const openText = async (text: string, fileName: string) => {
    setReeval(null);
    if (text.length > REPORT_LIMIT_CHARS) return tooLarge(fileName, text.length);
    try {
      const r = await window.preflight.openReport(text, fileName);
      if (r.ok) {
        setLoaded((prev) => ({ text, opened: r.value, n: (prev?.n ?? 0) + 1 }));
        setProblem(null);
      } else fail(renderMsg(i18n, r.problem.message));
    } catch (e) {
      fail(t('journey:viewer.failed', { file: fileName, error: errorMessage(i18n, e) }));
    }
  };
  const open = async (file: File | undefined) => {
    if (!file) return;
    // not even read when it cannot fit: a huge file would only slow the window down
    if (file.size > REPORT_LIMIT_BYTES) return tooLarge(file.name, file.size);
    await openText(await readFileText(file), file.name);
  };
  // a file chosen from the desktop app's File menu
  const pending = useApp((s) => s.pendingReport);
  useEffect(() => {
    if (!pending) return;
    useApp.getState().setPendingReport(null);
    // a file main would not read (a web address, a network share…): say why, not "empty"
    if (pending.refused) fail(refusedFileMessage(t, pending));
    else void openText(pending.text, pending.fileName);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending]);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    // several files at once: the cohort dashboard below
    if (files.length > 1) {
      setProblem(null);
      setMany(files);
      return;
    }
    if (files.length !== 1) {
      fail(t('viewer:file.oneAtATime'));
      return;
    }
    void open(files[0]);
  };

  const shown = reeval ?? loaded?.opened.report ?? null;

  return (
    <section className="rp-panel" aria-labelledby="rp-viewer-h">
      <h2 id="rp-viewer-h">{t('viewer:title')}</h2>
      <p>{t('viewer:lead')}</p>
      <div
        className={`rp-drop${dragging ? ' is-dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <FilePick label={t('viewer:file.label')} accept=".epreport,.json,application/json" onFiles={(files) => void open(files[0])} />
        <p className="cl-hint" aria-hidden="true">
          {dragging ? t('viewer:file.dropActive') : t('viewer:file.drop')}
        </p>
      </div>
      {problem && (
        <p className="notice" role="alert" data-testid="viewer-problem">
          {problem}
        </p>
      )}
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
