// Checklists: photo ID, allowed materials, room and desk. Each tick is saved at once (per exam, in
// the app data folder) and counts towards the verdict; the ID comparison and camera rehearsal run
// on this computer only and keep nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import type { ChecklistState } from '../../../shared/api/checklist';
import type { ScreenProps } from '../../screen';
import { Local } from '../../components/Local';
import { ContinueButton } from '../../components/ContinueButton';
import { Notice, movedAsideParams } from '../../components/Notice';
import { refreshJourney } from '../../app/useJourney';
import { useFromMain } from '../../app/useFromMain';
import { ChecklistItem } from './ChecklistItem';
import { IdCompare } from './IdCompare';
import { IdCamera } from './IdCamera';
import { ExamDate } from './ExamDate';
import './checklists.css';

export default function ChecklistsScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const loaded = useFromMain(() => (profileId ? window.preflight.getChecklists(profileId) : null), [profileId]);
  const state = loaded.value ?? null;
  const setState = loaded.set;
  // a failed save, kept as its cause and worded at render time (the message follows a change of
  // language); until a save is tried, a failed load shows instead
  const [saveFailure, setSaveFailure] = useState<{ cause: unknown } | null | undefined>(undefined);
  const failure = saveFailure === undefined ? loaded.error : saveFailure;
  const error = failure && errorMessage(i18n, failure.cause);
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetDone, setResetDone] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const resetBtn = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirmReset) yes.current?.focus();
  }, [confirmReset]);

  const apply = useCallback(
    async (p: Promise<ChecklistState>) => {
      try {
        setState(await p);
        setSaveFailure(null);
        // the navigation and the summary show the checklists' state
        void refreshJourney(profileId);
      } catch (e) {
        setSaveFailure({ cause: e });
      }
    },
    [profileId, setState],
  );

  if (!profileId) return null;
  const ticked = new Set(state?.progress.ticked ?? []);
  const toggle = (itemId: string, done: boolean) => {
    // show the tick at once; the saved state replaces it when main confirms
    setState((s) =>
      s ? { ...s, progress: { ...s.progress, ticked: done ? [...s.progress.ticked, itemId] : s.progress.ticked.filter((x) => x !== itemId) } } : s,
    );
    setResetDone(false);
    void apply(window.preflight.setChecklistItem(profileId, itemId, done));
  };
  const summary = state?.summary;

  return (
    <section className="checklists">
      <h1 tabIndex={-1}>{t('checklist:title')}</h1>
      <p className="lead">{t('checklist:lead')}</p>
      <p className="cl-privacy">{t('checklist:privacy')}</p>
      {state?.notice && <Notice>{t('checklist:movedAside', movedAsideParams(i18n, state.notice))}</Notice>}
      {error && <Notice>{t('checklist:saveError', { error })}</Notice>}
      {!state ? (
        <p role="status">{t('checklist:loading')}</p>
      ) : !state.checklists ? (
        <p>{t('checklist:none')}</p>
      ) : (
        <>
          <p className="cl-progress" role="status" data-testid="cl-progress" data-status={summary!.status}>
            <span aria-hidden="true">{summary!.status === 'complete' ? '✓ ' : ''}</span>
            {summary!.status === 'complete'
              ? t('checklist:complete')
              : t('checklist:progress', { done: summary!.done, total: summary!.total, open: summary!.requiredOpen })}
          </p>
          {state.checklists.sections.map((s) => {
            const items = s.items.filter((i) => i.enabled);
            if (!items.length) return null;
            return (
              <section key={s.id} className="cl-section" aria-labelledby={`cl-h-${s.id}`}>
                <h2 id={`cl-h-${s.id}`}>{t(`checklist:section.${s.id}`)}</h2>
                {s.intro && (
                  <p className="cl-hint">
                    <Local text={s.intro} />
                  </p>
                )}
                <ul className="cl-items">
                  {items.map((i) => (
                    <ChecklistItem key={i.id} item={i} checked={ticked.has(i.id)} onChange={(d) => toggle(i.id, d)} />
                  ))}
                </ul>
                {s.id === 'id' && (
                  <>
                    <IdCompare examDate={state.progress.examDate} />
                    <IdCamera />
                  </>
                )}
              </section>
            );
          })}
          <ExamDate value={state.progress.examDate} onChange={(d) => void apply(window.preflight.setExamDate(profileId, d))} />
          <div className="cl-reset">
            {!confirmReset ? (
              <button type="button" className="btn" ref={resetBtn} onClick={() => setConfirmReset(true)}>
                {t('checklist:reset.button')}
              </button>
            ) : (
              <div role="group" aria-labelledby="cl-reset-q" className="cl-confirm">
                <p id="cl-reset-q">{t('checklist:reset.confirm')}</p>
                <button
                  type="button"
                  className="btn btn-primary"
                  ref={yes}
                  onClick={() => {
                    setConfirmReset(false);
                    setResetDone(true);
                    void apply(window.preflight.resetChecklists(profileId));
                    requestAnimationFrame(() => resetBtn.current?.focus());
                  }}
                >
                  {t('checklist:reset.yes')}
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    setConfirmReset(false);
                    requestAnimationFrame(() => resetBtn.current?.focus());
                  }}
                >
                  {t('checklist:reset.no')}
                </button>
              </div>
            )}
            {resetDone && <p role="status">{t('checklist:reset.done')}</p>}
          </div>
        </>
      )}
      <div className="actions">
        <ContinueButton from="checklists" go={go} />
      </div>
    </section>
  );
}
