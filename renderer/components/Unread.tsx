// The optional checks that could not be read on this computer, as ONE collapsed line grouped by
// why (shared/report/attention.ts): they do not decide the verdict, so they do not stand among what
// does. Opened, each reason lists its checks — as cards on the check screen and in the report
// viewer, as names in the summary.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../shared/check';
import { renderMsg } from '../../shared/i18n';
import type { Attention } from '../../shared/report/attention';
import './unread.css';

/** the icon of an unknown status (components/Status.tsx), beside the words */
const ICON = '?';

export function Unread({ attention, item }: { attention: Attention; item: (r: CheckResult) => ReactNode }) {
  const { t, i18n } = useTranslation();
  if (!attention.unreadCount) return null;
  return (
    <details className="unread" data-testid="unread" data-count={attention.unreadCount}>
      <summary>
        <span className="unread-icon" aria-hidden="true">
          {ICON}
        </span>
        {t('report:attention.unread', { count: attention.unreadCount })}
      </summary>
      {attention.unread.map((g, i) => (
        <div key={i} className="unread-group">
          <p className="unread-reason">{t('report:attention.why', { reason: renderMsg(i18n, g.reason) })}</p>
          {g.results.map(item)}
        </div>
      ))}
    </details>
  );
}
