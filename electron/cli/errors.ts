// What the headless command says, and which exit code it gives, for each kind of error a command
// can end with: one row per kind. A row names the error's class, the exit code and the words
// (in the user's language where the error carries a message). The first row whose class matches
// wins, so a subclass comes before its parent. Bad input is exit 2 and says which file, where in
// it and what is wrong; anything else is an internal error, exit 3. The stack is shown only with
// --debug. Loaded only when a command fails (the classes pull in zod and the profiles); commander's
// own usage errors are handled before, in run.ts.
import { InvalidInputError } from '../../shared/parse-errors';
import { UnknownProfileError } from '../../shared/profile/load';
import { MessageError } from '../../shared/errors';
import { renderMsg } from '../../shared/i18n/msg';
import { OutputError } from '../storage/output';
import { LogFileError } from '../storage/append-file';
import { TextFileError } from '../storage/read-text';
import { RefusedTargetError } from '../network/address';
import { EXIT, type CommandContext, type ExitCode } from './context';

interface ErrorKind {
  kind: abstract new (...args: never[]) => Error;
  exit: ExitCode;
  /** the lines for stderr (made safe for a terminal afterwards) */
  say: (err: Error, ctx: CommandContext) => string;
}
const row = <E extends Error>(kind: abstract new (...args: never[]) => E, exit: ExitCode, say: (err: E, ctx: CommandContext) => string): ErrorKind => ({
  kind,
  exit,
  say: (err, ctx) => say(err as E, ctx),
});

export const ERROR_KINDS: readonly ErrorKind[] = [
  // one line an admin's log can hold; the path as they typed it would be relative, so it is shown resolved
  row(OutputError, EXIT.usage, (e, c) => c.i18n.t(`safety:out.${e.problem}`, { file: e.file, detail: e.detail })),
  row(LogFileError, EXIT.usage, (e, c) => c.i18n.t(`safety:log.${e.problem}`, { file: e.file, detail: e.detail })),
  row(InvalidInputError, EXIT.usage, (e, c) => `${c.t('error.invalidInput')}\n${e.message}`),
  row(TextFileError, EXIT.usage, (e, c) => `${c.t('error.invalidInput')}\n${e.file || '?'}: ${e.message}`),
  row(UnknownProfileError, EXIT.usage, (e, c) => `${c.t('error.invalidInput')}\n--profile: ${e.text}`),
  // an exam's endpoint this computer will not contact (a profile or policy to fix)
  row(RefusedTargetError, EXIT.usage, (e, c) => `${c.t('error.invalidInput')}\n${e.message}`),
  // failures with a message of their own (a full disk, no permission): said in the user's language
  row(MessageError, EXIT.internal, (e, c) => c.t('error.internal', { message: renderMsg(c.i18n, e.msg) })),
];

/** Says what went wrong on stderr and gives the exit code. */
export function reportError(err: unknown, ctx: CommandContext): number {
  const kind = ERROR_KINDS.find((k) => err instanceof k.kind);
  const text = kind ? kind.say(err as Error, ctx) : ctx.t('error.internal', { message: err instanceof Error ? err.message : String(err) });
  ctx.io.stderr.write(`${ctx.safe(text)}\n`);
  if (ctx.debug && err instanceof Error) ctx.io.stderr.write(`${err.stack}\n`);
  return kind?.exit ?? EXIT.internal;
}
