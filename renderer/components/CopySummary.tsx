// One button that puts the check id and a one-line summary (exam, verdict, failed checks) on the
// clipboard, for a support ticket or a chat. The renderer has no clipboard permission: main writes
// it. The result is announced to screen readers; if copying is impossible the text is shown
// selected-ready instead, so the learner can copy it by hand.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../shared/check';

export function summaryLine(
  t: (k: string, o?: Record<string, unknown>) => string,
  a: { checkId?: string | null; exam: string; verdict: Verdict; failed: string[] },
): string {
  const head = a.checkId
    ? t('desktop:copy.line', { checkId: a.checkId, exam: a.exam, verdict: t(`common:verdict.${a.verdict}`) })
    : t('desktop:copy.lineNoId', { exam: a.exam, verdict: t(`common:verdict.${a.verdict}`) });
  return a.failed.length ? head + t('desktop:copy.failedList', { list: a.failed.join(', ') }) : head;
}

export function CopySummary(props: { checkId?: string | null; exam: string; verdict: Verdict; failed: string[] }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const text = summaryLine((k, o) => t(k, o ?? {}), props);
  const copy = async () => {
    try {
      setState((await window.preflight.copyText(text)).ok ? 'done' : 'failed');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="copy-summary">
      <button type="button" className="btn" onClick={() => void copy()}>
        {t(props.checkId ? 'desktop:copy.button' : 'desktop:copy.buttonNoId')}
      </button>
      <p role="status" className="copy-status">
        {state === 'done' ? t('desktop:copy.done') : state === 'failed' ? t('desktop:copy.failed') : ''}
      </p>
      {state === 'failed' && (
        <label className="copy-fallback">
          {t('desktop:copy.preview')}
          <textarea readOnly rows={2} value={text} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
