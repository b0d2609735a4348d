// Many reports at once, for a support desk: a folder (or several files) picked or dropped, read here
// one file at a time with the File API, sent to main in small batches (main opens and counts them
// with the CLI's own code and keeps only the aggregates), then shown as the cohort dashboard.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortSummary } from '../../../shared/cohort/summary';
import { COHORT_FILE, MAX_COHORT_FILE_BYTES } from '../../../shared/cohort/summary';
import type { CohortFileText } from '../../../shared/api/cohort';
import type { ProfileSummary } from '../../../shared/scan';
import { CohortDashboard } from './CohortDashboard';
import { FilePick } from '../../components/FilePick';
import { ProfileSelect } from '../../components/ProfileSelect';

/** A batch stays small: a few MB of text per message, however large the folder. */
const BATCH_FILES = 100;
const BATCH_CHARS = 8 * 1024 * 1024;

const nameOf = (f: File) => f.webkitRelativePath || f.name;

export function CohortPanel({ profiles, dropped }: { profiles: ProfileSummary[]; dropped: File[] | null }) {
  const { t } = useTranslation();
  const [exam, setExam] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<CohortSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useRef(0);

  const summarize = async (files: File[]) => {
    const mine = ++run.current;
    setSummary(null);
    setProblem(null);
    if (!files.length) {
      setProblem(t('cohort:app.nothing'));
      return;
    }
    const started = await window.preflight.startCohort(exam || null);
    if (!started.ok) {
      setProblem(started.unknownProfile);
      return;
    }
    let batch: CohortFileText[] = [];
    let chars = 0;
    const send = async () => {
      if (batch.length) await window.preflight.addToCohort(started.id, batch);
      batch = [];
      chars = 0;
    };
    setProgress({ done: 0, total: files.length });
    for (let i = 0; i < files.length; i++) {
      if (run.current !== mine) return; // a newer pick replaced this one
      const f = files[i]!;
      // over the cap: refused from its size, never read
      const text = f.size > MAX_COHORT_FILE_BYTES ? null : await f.text();
      batch.push({ name: nameOf(f), size: f.size, text });
      chars += text?.length ?? 0;
      if (batch.length >= BATCH_FILES || chars >= BATCH_CHARS) {
        await send();
        setProgress({ done: i + 1, total: files.length });
      }
    }
    await send();
    const s = await window.preflight.finishCohort(started.id);
    if (run.current !== mine) return;
    setProgress(null);
    setSummary(s);
    if (s.reports === 0) setProblem(t('cohort:app.noneRead'));
  };

  // several files dropped on the viewer come here
  useEffect(() => {
    if (dropped) void summarize(dropped);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);

  const picked = (files: File[], folder: boolean) => {
    void summarize(folder ? files.filter((f) => COHORT_FILE.test(f.name)) : files);
  };

  return (
    <section aria-labelledby="co-h" className="rp-box" data-testid="cohort-panel">
      <h3 id="co-h">{t('cohort:app.heading')}</h3>
      <p className="cl-hint">{t('cohort:app.help')}</p>
      <div className="cl-fields">
        <ProfileSelect label={t('cohort:app.exam')} value={exam} onChange={setExam} profiles={profiles} none={t('cohort:app.asWritten')} />
        <FilePick label={t('cohort:app.files')} multiple accept=".json,.epreport,application/json" onFiles={(files) => picked(files, false)} />
        <FilePick label={t('cohort:app.folder')} folder onFiles={(files) => picked(files, true)} />
        {summary && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              run.current++;
              setSummary(null);
              setProblem(null);
            }}
          >
            {t('cohort:app.close')}
          </button>
        )}
      </div>
      {progress && <p role="status">{t('cohort:app.reading', progress)}</p>}
      {problem && (
        <p className="notice" role="alert" data-testid="cohort-problem">
          {problem}
        </p>
      )}
      {summary && <CohortDashboard summary={summary} />}
    </section>
  );
}
