// Overall verdict banner: icon + words, never colour alone.
import { useTranslation } from 'react-i18next';
import type { Verdict as V } from '../../shared/check';
import './verdict.css';

const ICON: Record<V, string> = { ready: '✓', 'not-ready': '✗', incomplete: '?' };

export function Verdict({ verdict, detail }: { verdict: V; detail?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <span className="verdict-icon" aria-hidden="true">{ICON[verdict]}</span>
      <div>
        <p className="verdict-title">{t(`common:verdict.${verdict}`)}</p>
        <p className="verdict-detail">{detail ?? t(`common:verdictDetail.${verdict}`)}</p>
      </div>
    </div>
  );
}
