// commander's usage errors (unknown option, missing argument, a value not among the choices…) in the
// user's language, as one line of text or, under --format json, one JSON object. commander words its
// errors in English only and hands over the values inside its sentence, quoted: they are read back
// from there by error code (a test per code fails if a commander update changes a sentence).
import type { CommanderError } from 'commander';
import type { CommandContext } from './context';
import { errorJson, type ErrorCode } from './error-json';

const CODES: Record<string, ErrorCode> = {
  'commander.unknownOption': 'unknown-option',
  'commander.unknownCommand': 'unknown-command',
  'commander.missingArgument': 'missing-argument',
  'commander.optionMissingArgument': 'missing-option-value',
  'commander.missingMandatoryOptionValue': 'missing-option',
  'commander.invalidArgument': 'invalid-value',
  'commander.excessArguments': 'too-many-arguments',
};

/** the 'quoted' values of commander's first line; bounded and without nested quantifiers (no backtracking) */
const quotedIn = (line: string) => [...line.matchAll(/'([^'\n]{0,500})'/g)].map((m) => `'${m[1]}'`);

export function usageError(err: CommanderError, ctx: CommandContext): { code: ErrorCode; message: string } {
  const t = (k: string, o: Record<string, unknown>) => ctx.t(`usage.${k}`, o);
  const first = err.message.split('\n')[0] ?? '';
  const q = quotedIn(first);
  // commander's own did-you-mean for options and commands (edit distance over the known names)
  const similar = /\(Did you mean (?:one of )?([^?\n]{1,500})\?\)/.exec(err.message)?.[1];
  const hint = similar ? ` ${t('didYouMean', { names: similar })}` : '';
  const code = CODES[err.code] ?? 'usage';
  const choices = /Allowed choices are ([^\n]{0,1000})\.$/.exec(first)?.[1];
  let message: string | null = null;
  if (code === 'unknown-option' && q[0]) message = t('unknownOption', { option: q[0] }) + hint;
  else if (code === 'unknown-command' && q[0]) message = t('unknownCommand', { command: q[0] }) + hint;
  else if (code === 'missing-argument' && q[0]) message = t('missingArgument', { name: q[0] });
  else if (code === 'missing-option-value' && q[0]) message = t('optionMissingArgument', { option: q[0] });
  else if (code === 'missing-option' && q[0]) message = t('missingOption', { option: q[0] });
  else if (code === 'invalid-value' && choices && q.length >= 2) {
    // an option: "option '<flags>' argument '<value>'"; an argument: "value '<value>' … argument '<name>'"
    const [option, value] = first.startsWith('error: option') ? [q[0], q[1]] : [q[1], q[0]];
    message = t('invalidValue', { option, value, choices });
  } else if (code === 'too-many-arguments') {
    const args = /got \d+: ([^\n]{0,1000})\.$/.exec(first)?.[1];
    if (args) message = t('tooManyArguments', { args });
  }
  return { code, message: message ?? first.replace(/^error: /, '') };
}

/** Says the usage error on stderr (text or JSON); the exit code is the caller's (2). */
export function reportUsageError(err: CommanderError, ctx: CommandContext, json: boolean): void {
  const { code, message } = usageError(err, ctx);
  ctx.io.stderr.write(json ? errorJson({ code, message }) : `${ctx.safe(ctx.t('usage.error', { message }))}\n`);
}
