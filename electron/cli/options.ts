// The options every command shares, defined once: --lang and --debug on every command, --format
// with the formats a command can write, --out on every command that writes a document. The
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

/** what a command's output options are */
export interface OutputOptions<F extends string> {
  /** the --format choices, the first being the default; none: the command has one form */
  formats?: readonly [F, ...F[]];
  /** the help text of --format, when the command's formats need their own words */
  formatHelp?: string;
  /** --out: the command writes a document (through electron/storage/output.ts) */
  out?: boolean;
}

/** The values of the shared options, as commander hands them to an action. */
export interface SharedOptions<F extends string = string> {
  format: F;
  out?: string;
  lang?: Language;
  debug?: boolean;
}

/** Adds the shared options to a command (in this order in its help: format, out, lang, debug). */
export function withSharedOptions<F extends string>(cmd: Command, i18n: I18n, o: OutputOptions<F> = {}): Command {
  if (o.formats) cmd.addOption(new Option('--format <format>', o.formatHelp ?? i18n.t('cli:help.format')).choices(o.formats).default(o.formats[0]));
  if (o.out) cmd.option('--out <file>', i18n.t('cli:help.out'));
  return cmd.addOption(new Option('--lang <lang>', i18n.t('cli:help.lang')).choices(LANGUAGES)).option('--debug', i18n.t('cli:help.debug'));
}
