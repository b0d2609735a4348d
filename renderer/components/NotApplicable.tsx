// The checks that do not apply to this computer (issue 24: Windows S mode on Linux, macOS Screen
// Recording on Windows): not cards and not passes — one collapsed line, each check with its reason.
// The check screen and the report viewer show them the same way.
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../shared/check';
import { renderMsg } from '../../shared/i18n';

export function NotApplicable({ results, className, testId }: { results: readonly CheckResult[]; className: string; testId: string }) {
  const { t, i18n } = useTranslation();
  if (!results.length) return null;
  return (
    <details className={className} data-testid={testId}>
      <summary>{t('journey:check.notApplicable', { count: results.length })}</summary>
      <ul>
        {results.map((r) => (
          <li key={r.id} data-check-id={r.id}>
            <strong>{renderMsg(i18n, r.title)}</strong> — {r.evidence.map((e) => renderMsg(i18n, e)).join(' ')}
          </li>
        ))}
      </ul>
    </details>
  );
}
