// Failures a learner can meet, as messages rather than English text. A handler that expects a
// failure (an unknown exam, a full disk, a folder it may not write) throws a MessageError; the
// message crosses the process boundary inside the error's text (Electron keeps only the text of a
// rejected call) and the window turns it back into a message in the learner's language.
// errorMessage() is the one way the window words any error, expected or not.
import type { i18n as I18n } from 'i18next';
import { MsgSchema, msg, type Msg } from './check';
import { renderMsg } from './i18n/msg';

const OPEN = ' [[msg:';
const CLOSE = ']]';
/** only messages of this namespace are taken from an error's text (never a key a file could choose) */
const NAMESPACE = 'errors:';

export class MessageError extends Error {
  override name = 'MessageError';
  /** `english` stays readable in logs and tests; the message is what the learner sees */
  constructor(
    readonly msg: Msg,
    english: string = msg.key,
  ) {
    super(`${english}${OPEN}${JSON.stringify(msg)}${CLOSE}`);
  }
}

/** Error codes of the file system the learner can act on. */
const CODE = /\b(ENOSPC|EACCES|EPERM|EROFS)\b/;

function textOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : String(err);
}

/** The message an error carries, a message for a file-system failure, or "something went wrong: …". */
export function messageOf(err: unknown): Msg {
  const text = textOf(err);
  const at = text.lastIndexOf(OPEN);
  if (at >= 0 && text.endsWith(CLOSE)) {
    try {
      const m = MsgSchema.safeParse(JSON.parse(text.slice(at + OPEN.length, -CLOSE.length)));
      if (m.success && m.data.key.startsWith(NAMESPACE)) return m.data;
    } catch {
      /* not ours: fall through */
    }
  }
  const code = (err as { code?: unknown } | null)?.code;
  const fsCode = typeof code === 'string' && CODE.test(code) ? code : CODE.exec(text.slice(0, 500))?.[1];
  if (fsCode === 'ENOSPC') return msg('errors:diskFull');
  if (fsCode) return msg('errors:permission');
  // Electron prefixes a rejected call: "Error invoking remote method 'preflight:x': Error: …"
  const detail = text.replace(/^Error invoking remote method '[^']{0,100}': (?:\w{0,40}Error: )?/, '').slice(0, 500);
  return msg('errors:unexpected', { detail });
}

/** Any error in the learner's language. */
export const errorMessage = (i18n: I18n, err: unknown): string => renderMsg(i18n, messageOf(err));

/**
 * Turns the file-system failures a learner can fix (disk full, no permission) into MessageErrors;
 * everything else passes through unchanged.
 */
export function asMessageError(err: unknown): unknown {
  if (err instanceof MessageError) return err;
  const m = messageOf(err);
  return m.key === 'errors:unexpected' ? err : new MessageError(m, textOf(err));
}
