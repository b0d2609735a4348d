// The one shape of a failed command under `--format json`: one JSON object on stderr, so a script
// reads a stable `code` instead of parsing sentences (the codes are listed in docs/admins.md).
// stdout stays empty and the exit code is the one the text form gives.
import type { InputProblem } from '../../shared/parse-errors';

/** Every code a failed command can give under --format json (docs/admins.md lists them; a test keeps the two equal). */
export const ERROR_CODES = [
  // commander's usage errors (exit 2)
  'unknown-option',
  'unknown-command',
  'missing-argument',
  'missing-option-value',
  'missing-option',
  'invalid-value',
  'too-many-arguments',
  'usage',
  // bad input or a refused file (exit 2)
  'invalid-input',
  'unknown-profile',
  'output',
  'log-file',
  'refused-target',
  // the command could not finish (exit 3)
  'system',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface JsonError {
  code: ErrorCode;
  /** what the text form says, in the chosen language */
  message: string;
  /** the file (or option) the error is about, when there is one */
  file?: string | null;
  /** where inside that file */
  path?: string | null;
  /** every problem of bad input ("file", "path", "message" each) */
  problems?: InputProblem[];
  /** --debug only */
  stack?: string;
}

export function errorJson(e: JsonError): string {
  const { code, message, file = null, path = null, problems = [], stack } = e;
  return JSON.stringify({ error: { code, message, file, path: path || null, problems, ...(stack ? { stack } : {}) } }) + '\n';
}
