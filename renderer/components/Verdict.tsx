// Overall verdict banner: icon + words, never colour alone.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict as V } from '../../shared/check';
import './verdict.css';

const ICON: Record<V, string> = { ready: '✓', 'not-ready': '✗', incomplete: '?' };

/** `title`: the shared verdict wording (shared/report/verdict-line.ts), e.g. "Ready — 3 warnings to read before exam day". */
export function Verdict({ verdict, title, detail, children }: { verdict: V; title?: string; detail?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <span className="verdict-icon" aria-hidden="true">
        {ICON[verdict]}
      </span>
      <div>
        <p className="verdict-title">{title ?? t(`common:verdict.${verdict}`)}</p>
        <p className="verdict-detail">{detail ?? t(`common:verdictDetail.${verdict}`)}</p>
        {children}
      </div>
    </div>
  );
}
