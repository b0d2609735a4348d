// What the headless command says, and which exit code it gives, for each kind of error a command
// can end with: one row per kind. A row names the error's class, the exit code and the words
// (in the user's language where the error carries a message). The first row whose class matches
// wins, so a subclass comes before its parent. Bad input is exit 2 and says which file, where in
// it and what is wrong; anything else is an internal error, exit 3. The stack is shown only with
// --debug. Loaded only when a command fails (the classes pull in zod and the profiles); commander's
// own usage errors are handled before (run.ts, usage-errors.ts). Under --format json the same
// error is one JSON object with a stable code (error-json.ts).
import { InvalidInputError } from '../../shared/parse-errors';
import { UnknownProfileError } from '../../shared/profile/load';
import { MessageError } from '../../shared/errors';
import { renderMsg } from '../../shared/i18n/msg';
import { OutputError } from '../storage/output';
import { LogFileError } from '../storage/append-file';
import { TextFileError } from '../storage/read-text';
import { RefusedTargetError } from '../network/address';
import { EXIT, type CommandContext, type ExitCode } from './context';
import { errorJson, type ErrorCode, type JsonError } from './error-json';

interface ErrorKind {
  kind: abstract new (...args: never[]) => Error;
  exit: ExitCode;
  /** the stable code under --format json (./error-json.ts) */
  code: ErrorCode;
  /** the lines for stderr (made safe for a terminal afterwards) */
  say: (err: Error, ctx: CommandContext) => string;
  /** the file and place the error is about, and every problem of bad input (for --format json) */
  where: (err: Error) => Pick<JsonError, 'file' | 'path' | 'problems'>;
}
type Where<E> = (err: E) => Pick<JsonError, 'file' | 'path' | 'problems'>;
const row = <E extends Error>(
  kind: abstract new (...args: never[]) => E,
  exit: ExitCode,
  code: ErrorCode,
  say: (err: E, ctx: CommandContext) => string,
  where: Where<E> = () => ({}),
): ErrorKind => ({
  kind,
  exit,
  code,
  say: (err, ctx) => say(err as E, ctx),
  where: (err) => where(err as E),
});
const problemsOf: Where<InvalidInputError> = (e) => ({ file: e.problems[0]?.file ?? null, path: e.problems[0]?.path ?? null, problems: e.problems });

export const ERROR_KINDS: readonly ErrorKind[] = [
  // one line an admin's log can hold; the path as they typed it would be relative, so it is shown resolved
  row(
    OutputError,
    EXIT.usage,
    'output',
    (e, c) => c.i18n.t(`safety:out.${e.problem}`, { file: e.file, detail: e.detail }),
    (e) => ({ file: e.file }),
  ),
  row(
    LogFileError,
    EXIT.usage,
    'log-file',
    (e, c) => c.i18n.t(`safety:log.${e.problem}`, { file: e.file, detail: e.detail }),
    (e) => ({ file: e.file }),
  ),
  row(InvalidInputError, EXIT.usage, 'invalid-input', (e, c) => `${c.t('error.invalidInput')}\n${e.message}`, problemsOf),
  row(
    TextFileError,
    EXIT.usage,
    'invalid-input',
    (e, c) => `${c.t('error.invalidInput')}\n${e.file || '?'}: ${e.message}`,
    (e) => ({ file: e.file || null, problems: [{ file: e.file, path: '', message: e.message }] }),
  ),
  row(
    UnknownProfileError,
    EXIT.usage,
    'unknown-profile',
    (e, c) => `${c.t('error.invalidInput')}\n--profile: ${e.text}`,
    (e) => ({ file: '--profile', problems: [{ file: '--profile', path: '', message: e.text }] }),
  ),
  // an exam's endpoint this computer will not contact (a profile or policy to fix)
  row(RefusedTargetError, EXIT.usage, 'refused-target', (e, c) => `${c.t('error.invalidInput')}\n${e.message}`),
  // failures with a message of their own (a full disk, no permission): said in the user's language
  row(MessageError, EXIT.internal, 'system', (e, c) => c.t('error.internal', { message: renderMsg(c.i18n, e.msg) })),
];

/** Says what went wrong on stderr (as one JSON object under --format json) and gives the exit code. */
export function reportError(err: unknown, ctx: CommandContext, json = false): number {
  const kind = ERROR_KINDS.find((k) => err instanceof k.kind);
  const text = kind ? kind.say(err as Error, ctx) : ctx.t('error.internal', { message: err instanceof Error ? err.message : String(err) });
  const stack = ctx.debug && err instanceof Error ? err.stack : undefined;
  if (json) ctx.io.stderr.write(errorJson({ code: kind?.code ?? 'internal', message: text, ...kind?.where(err as Error), stack }));
  else {
    ctx.io.stderr.write(`${ctx.safe(text)}\n`);
    if (stack) ctx.io.stderr.write(`${stack}\n`);
  }
  return kind?.exit ?? EXIT.internal;
}
