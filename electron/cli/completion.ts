// `exam-preflight completion <shell>` prints a completion script for bash, zsh, fish or PowerShell;
// the hidden `exam-preflight man` prints the man page (`npm run man` saves it as man/exam-preflight.1).
// Both are written from the commander program itself (completion-spec.ts), so they list exactly
// the commands and options `--help` shows; the generators load only when one of them runs.
import { Argument, type Command } from 'commander';
import type { Shell } from './completion-scripts';
import type { CommandContext } from './context';
import { withSharedOptions, type SharedOptions } from './options';

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const satisfies readonly Shell[];

/** the program a command belongs to */
const rootOf = (cmd: Command): Command => (cmd.parent ? rootOf(cmd.parent) : cmd);

export function registerCompletion(program: Command, ctx: CommandContext): void {
  const t = (k: string, o?: Record<string, unknown>) => ctx.i18n.t(`cli:completion.${k}`, o ?? {});
  const describe = async () => {
    const [{ describeCommand }, { allProfiles }] = await Promise.all([import('./completion-spec'), ctx.work()]);
    // the exams this computer knows (built-in and the admin's extra profiles), offered by id
    const ids = allProfiles((await ctx.policy())?.extraProfiles ?? []).map((p) => p.id);
    return describeCommand(rootOf(program), ids);
  };

  withSharedOptions(
    program
      .command('completion')
      .description(t('help'))
      .addArgument(new Argument('<shell>', t('shell')).choices(SHELLS)),
    ctx.i18n,
    { out: true },
  ).action(async (shell: Shell, opts: SharedOptions) => {
    const { completionScript } = await import('./completion-scripts');
    await ctx.emit(opts.out, completionScript(shell, await describe()));
  });

  withSharedOptions(program.command('man', { hidden: true }).description(t('man.help')), ctx.i18n, { out: true }).action(async (opts: SharedOptions) => {
    const { manPage } = await import('./man-page');
    const exitCodes = (['0', '1', '2', '3'] as const).map((code) => [code, t(`man.exit.${code}`)] as const);
    await ctx.emit(opts.out, manPage(await describe(), { version: ctx.appVersion, exitCodes, seeAlso: t('man.seeAlso') }));
  });
}
