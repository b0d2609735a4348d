// Status shown with an icon AND a word, never colour alone.
import { useTranslation } from 'react-i18next';
import type { CheckStatus } from '../../shared/check';

const ICON: Record<CheckStatus, string> = { pass: '✓', warn: '⚠', fail: '✗', unknown: '?', 'not-applicable': '–' };

export function Status({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`}>
      <span className="status-icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {t(`common:status.${status}`)}
    </span>
  );
}
