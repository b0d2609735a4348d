// A problem the learner has to read: shown in the notice style and announced at once (role="alert").
import type { ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import type { Msg } from '../../shared/check';
import { renderMsg } from '../../shared/i18n';

export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="notice" role="alert" data-testid={testId}>
      {children}
    </p>
  );
}

/**
 * The parameters of a "moved aside" notice (a saved file that could not be read was set aside):
 * where it went, and why — in the reader's language when main sent the reason as a message.
 */
export const movedAsideParams = (i18n: I18n, n: { movedTo: string; problem: string; message?: Msg }) => ({
  to: n.movedTo,
  problem: n.message ? renderMsg(i18n, n.message) : n.problem,
});
