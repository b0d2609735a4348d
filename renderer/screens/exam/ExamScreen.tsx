// The mock exam: rehearse the real exam against its real clock. Home (sections, rules,
// accommodation, past attempts, bank import) or one attempt (sections, timer, results).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import type { AttemptSummary, ExamInfo } from '../../../shared/api/exam';
import type { Accommodation } from '../../../shared/exam/attempt';
import type { ScreenProps } from '../../screen';
import { ExamHome } from './ExamHome';
import { AttemptPanel } from './AttemptPanel';
import { ContinueButton } from '../../components/ContinueButton';
import { Notice } from '../../components/Notice';
import { refreshJourney } from '../../app/useJourney';
import './exam.css';

export default function ExamScreen({ profileId, go }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<ExamInfo | null>(null);
  const [attempts, setAttempts] = useState<{ attempts: AttemptSummary[]; movedAside: { file: string; movedTo: string; problem: string }[] }>({
    attempts: [],
    movedAside: [],
  });
  const [current, setCurrent] = useState<string | null>(null);
  // the failure itself, worded at render time: the message follows a change of language
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const error = failure && errorMessage(i18n, failure.cause);

  const load = useCallback(async () => {
    if (!profileId) return;
    try {
      const [i, a] = await Promise.all([window.preflight.examInfo(profileId), window.preflight.listAttempts(profileId)]);
      setInfo(i);
      setAttempts(a);
      void refreshJourney(profileId);
    } catch (e) {
      setFailure({ cause: e });
    }
  }, [profileId]);
  useEffect(() => {
    void load();
  }, [load]);

  const start = async (acc: Accommodation) => {
    try {
      const v = await window.preflight.startAttempt(profileId!, acc);
      setCurrent(v.id);
    } catch (e) {
      setFailure({ cause: e });
    }
  };
  const leave = () => {
    setCurrent(null);
    void load();
    requestAnimationFrame(() => title.current?.focus());
  };

  if (!profileId) return null;
  return (
    <section className="exam-screen">
      <h1 tabIndex={-1} ref={title}>
        {t('exam:title')}
      </h1>
      <p className="lead">{t('exam:lead')}</p>
      {error && <Notice>{t('exam:errors.load', { error })}</Notice>}
      {!info ? (
        <p role="status">{t('exam:loading')}</p>
      ) : current ? (
        <AttemptPanel attemptId={current} onLeave={leave} />
      ) : (
        <ExamHome
          info={info}
          attempts={attempts.attempts}
          movedAside={attempts.movedAside}
          onStart={(a) => void start(a)}
          onOpen={setCurrent}
          onImported={() => void load()}
        />
      )}
      {!current && (
        <div className="actions">
          <ContinueButton from="exam" go={go} />
        </div>
      )}
    </section>
  );
}
