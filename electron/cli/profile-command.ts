// `exam-preflight profile validate|resolve|explain`: tools for course teams writing profiles.
//   validate FILE      every problem at once, one "file:path: message" line each; exit 2 if any
//   resolve FILE|ID    the flat profile after `extends` and the catalogs, as JSON
//   explain ID|FILE    each rule, required or advisory, with the FAQ sentence it rests on
import type { Command } from 'commander';
import type { Profile } from '../../shared/profile/schema';
import { formatProblem, type InputProblem } from '../../shared/input-problem';
import { explainProfile, type ExplainedRule } from '../../shared/profile/explain';
import { terminalSafe } from '../../shared/report/safe-text';
import { localize } from '../../shared/i18n/localize';
import type { CommandContext } from './context';
import { withSharedOptions, type SharedOptions } from './options';
import { outputWidth } from './terminal';

/** profile texts are data: control characters shown escaped, never acted on (long quotes kept whole) */
const plainText = (s: string) => terminalSafe(s, 4000);

/** "file:path: message" (shared/parse-errors.ts formatProblem, the one form of every command), made safe for a terminal */
export const problemLine = (p: InputProblem) => plainText(formatProblem(p));

export function addProfileCommands(program: Command, ctx: CommandContext): void {
  const t = (k: string, o?: Record<string, unknown>) => ctx.i18n.t(`profiles:cli.${k}`, o ?? {});
  const { io } = ctx;
  // an exam or a shared base by id, or a file; the policy's exam never stands in for the argument
  const load = async (arg: string): Promise<{ profile: Profile; parents: string[] }> => {
    let parents: string[] = [];
    const profile = await ctx.profile(arg, { bases: true, origin: arg, onParents: (p) => (parents = p) });
    return { profile, parents };
  };
  // no `help` sub-command (as at the top level): `profile --help` and `profile validate --help` say it all
  const cmd = program.command('profile').description(t('help.profile')).helpCommand(false);
  const sub = (name: string, arg: string, out: boolean, formats?: readonly ['text', 'json'], quiet?: { help: string }) =>
    withSharedOptions(
      cmd
        .command(name)
        .description(t(`help.${name}`))
        .argument(arg, t('help.target')),
      ctx.i18n,
      { out, formats, quiet },
    );

  sub('validate', '<file>', false, undefined, { help: ctx.t('help.quietValidate') }).action(async (file: string, opts: SharedOptions) => {
    try {
      const { profile, parents } = await load(file);
      if (opts.quiet) return;
      io.stdout.write(
        plainText(
          parents.length
            ? t('validExtends', { file, id: profile.id, version: profile.version, parents: parents.join(' → ') })
            : t('valid', { file, id: profile.id, version: profile.version }),
        ) + '\n',
      );
    } catch (err) {
      if (!(err instanceof (await import('../../shared/parse-errors')).InvalidInputError)) throw err;
      io.stderr.write(err.problems.map(problemLine).join('\n') + '\n');
      io.stderr.write(plainText(t('invalid', { file, count: err.problems.length })) + '\n');
      ctx.exitCode = 2;
    }
  });

  sub('resolve', '<file>', true).action(async (file: string, opts: SharedOptions) => {
    await ctx.emit(opts.out, JSON.stringify((await load(file)).profile, null, 2) + '\n');
  });

  sub('explain', '<id>', true, ['text', 'json']).action(async (id: string, opts: SharedOptions<'text' | 'json'>) => {
    const { profile } = await load(id);
    const ex = explainProfile(profile);
    if (opts.format === 'json') {
      await ctx.emit(opts.out, JSON.stringify({ id: profile.id, version: profile.version, sources: profile.sources, ...ex }, null, 2) + '\n');
      return;
    }
    const lines: string[] = [`${profile.id} ${profile.version} — ${localize(profile.title, ctx.lang).text}`, '', t('explain.sources')];
    for (const s of profile.sources) lines.push(`  ${s.id}: ${s.title} (${s.ref})`);
    const section = (title: string, rules: ExplainedRule[]) => {
      if (!rules.length) return;
      lines.push('', title);
      const w = Math.max(t('explain.required').length, t('explain.advisory').length);
      for (const r of rules) {
        lines.push(`  ${(r.required ? t('explain.required') : t('explain.advisory')).padEnd(w)}  ${r.path}${r.label ? ` (${r.label})` : ''}`);
        lines.push(
          `  ${''.padEnd(w)}    ${r.source?.quote ? `${r.source.source}: “${r.source.quote}”` : r.source ? r.source.source : `— ${t('explain.noSource')}`}`,
        );
        if (r.note) lines.push(`  ${''.padEnd(w)}    ${t('explain.note')}: ${r.note}`);
        lines.push(
          `  ${''.padEnd(w)}    ${r.tier === 'delegated' ? t('explain.tier.delegated', { source: r.source?.source ?? '', quote: r.delegatedBy?.quote ?? '' }) : t(`explain.tier.${r.tier}`)}`,
        );
      }
    };
    section(t('explain.rules'), ex.rules);
    section(t('explain.checklists'), ex.checklists);
    // on a terminal, at its width, each long quote wrapped under its own indent; a pipe or a file
    // keeps each quote on one line, whole for grep (the width libraries load only here, not for --help)
    const width = !opts.out && io.stdout.isTTY ? outputWidth(io.stdout, io.env) : Infinity;
    const { hanging } = await import('../../shared/report/text-layout');
    const keepIndent = (line: string) => hanging(line.length - line.trimStart().length, '', line.trimStart(), width);
    await ctx.emit(opts.out, lines.flatMap((l) => keepIndent(plainText(l).trimEnd())).join('\n') + '\n');
  });
}
