// commander's help in the user's language: its headings ("Usage:", "Options:"…), the "[options]"
// and "[command]" of the usage line and the "(choices: …)" / "(default: …)" after an option are
// English in commander itself. The descriptions are ours, already translated where they are defined.
import type { Argument, HelpConfiguration, Option } from 'commander';
import type { CommandContext } from './context';

export function localizedHelp(ctx: CommandContext): HelpConfiguration {
  const t = (k: string, o?: Record<string, unknown>) => ctx.t(`helpText.${k}`, o);
  const titles: Record<string, string> = {
    'Usage:': t('usage'),
    'Options:': t('options'),
    'Commands:': t('commands'),
    'Arguments:': t('arguments'),
    'Global Options:': t('globalOptions'),
  };
  const words: Record<string, string> = { '[options]': t('optionsWord'), '[command]': t('commandWord') };
  // values quoted as commander quotes them ("text"), so a choice reads as something to type
  const extra = (description: string, choices: readonly string[] | undefined, value: unknown, showDefault: boolean) => {
    const info = [
      ...(choices ? [t('choices', { list: choices.map((c) => JSON.stringify(c)).join(', ') })] : []),
      ...(showDefault && value !== undefined ? [t('default', { value })] : []),
    ];
    return info.length ? `${description} (${info.join(', ')})`.trim() : description;
  };
  return {
    styleTitle: (s) => titles[s] ?? s,
    // the usage line and the command list hand these two words over one at a time
    styleOptionText: (s) => words[s] ?? s,
    styleSubcommandText: (s) => words[s] ?? s,
    // as commander: a default is shown for options taking a value (booleans' defaults are for programmers)
    optionDescription: (o: Option) => extra(o.description, o.argChoices, o.defaultValueDescription ?? JSON.stringify(o.defaultValue), o.required || o.optional),
    argumentDescription: (a: Argument) => extra(a.description, a.argChoices, a.defaultValueDescription ?? JSON.stringify(a.defaultValue), true),
  };
}
