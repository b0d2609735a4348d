// The section clock, always visible. It is DERIVED from the stored deadline (corrected by the
// difference between the attempt's clock in the main process and this page's monotonic clock,
// performance.now(), which a change of the computer's clock does not move), never counted down, so
// it cannot drift. Screen readers hear it only when a warning threshold is crossed, not every second.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clock } from './text';

interface Props {
  deadline: number;
  limitMs: number;
  /** the attempt's clock minus the page's performance.now(), measured when the attempt was fetched */
  skewMs: number;
  warningsPercent: number[];
  onExpire: () => void;
}

export function Timer({ deadline, limitMs, skewMs, warningsPercent, onExpire }: Props) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => performance.now() + skewMs);
  const expired = useRef(false);
  useEffect(() => {
    const id = setInterval(() => setNow(performance.now() + skewMs), 250);
    return () => clearInterval(id);
  }, [skewMs]);
  // never more than the limit: a clock set back must not show (or give) extra time
  const left = Math.min(limitMs, Math.max(0, deadline - now));
  useEffect(() => {
    if (left === 0 && !expired.current) {
      expired.current = true;
      onExpire();
    }
  }, [left, onExpire]);
  let level: number | null = null;
  for (const p of warningsPercent) if (left <= (limitMs * p) / 100 && (level === null || p < level)) level = p;
  const mins = Math.ceil(left / 60000);
  return (
    <div className="exam-timer" data-level={level ?? 'none'}>
      <span className="exam-timer-label">{t('exam:timer.left')}</span>{' '}
      <span className="exam-timer-value" data-testid="timer">
        {clock(left)}
      </span>
      {level !== null && (
        <span className="exam-timer-warn">
          {' '}
          <span aria-hidden="true">⚠</span> {t('exam:timer.warning', { percent: level })}
        </span>
      )}
      {/* announced once per threshold: the text only changes when the level does */}
      <p className="sr-only" role="status" aria-live="assertive">
        {level !== null ? t('exam:timer.announce', { count: mins, percent: level }) : ''}
      </p>
    </div>
  );
}
