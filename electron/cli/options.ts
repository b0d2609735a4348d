// The options every command shares, defined once: --lang and --debug on every command, --format
// with the formats a command can write, --out on every command that writes a document, --quiet on
// the commands that can say less (only the verdict line, or nothing; the exit code is the same). The
// language is picked before the arguments are parsed (the help itself is translated).
import { Option, type Command } from 'commander';
import type { i18n as I18n } from 'i18next';
import { isLanguage, languageFromLocale, LANGUAGES, type Language } from '../../shared/i18n/languages';

export function pickLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (isLanguage(given)) return given;
  return languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** The --format asked for, read before parsing: a usage error under `--format json` is said as JSON too. */
export function pickFormat(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
  return i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--format='.length) : argv[i + 1];
}

/** what a command's output options are */
export interface OutputOptions<F extends string> {
  /** the --format choices, the first being the default; none: the command has one form */
  formats?: readonly [F, ...F[]];
  /** the help text of --format, when the command's formats need their own words */
  formatHelp?: string;
  /** --out: the command writes a document (through electron/storage/output.ts) */
  out?: boolean;
  /** -q/--quiet, with what it does for this command (only the verdict line, or nothing on success) */
  quiet?: { help: string };
}

/** The values of the shared options, as commander hands them to an action. */
export interface SharedOptions<F extends string = string> {
  format: F;
  out?: string;
  /** -q/--quiet: only the verdict line (or nothing), no progress or notes on stderr; warnings and errors stay */
  quiet?: boolean;
  lang?: Language;
  debug?: boolean;
}

/** Adds the shared options to a command (in this order in its help: format, out, quiet, lang, debug). */
export function withSharedOptions<F extends string>(cmd: Command, i18n: I18n, o: OutputOptions<F> = {}): Command {
  if (o.formats) cmd.addOption(new Option('--format <format>', o.formatHelp ?? i18n.t('cli:help.format')).choices(o.formats).default(o.formats[0]));
  if (o.out) cmd.option('--out <file>', i18n.t('cli:help.out'));
  if (o.quiet) cmd.option('-q, --quiet', o.quiet.help);
  return cmd.addOption(new Option('--lang <lang>', i18n.t('cli:help.lang')).choices(LANGUAGES)).option('--debug', i18n.t('cli:help.debug'));
}
