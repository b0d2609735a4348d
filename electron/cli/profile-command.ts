// `exam-preflight profile validate|resolve|explain`: tools for course teams writing profiles.
//   validate FILE      every problem at once, one "file:path: message" line each; exit 2 if any
//   resolve FILE|ID    the flat profile after `extends` and the catalogs, as JSON
//   explain ID|FILE    each rule, required or advisory, with the FAQ sentence it rests on
import { Option, type Command } from 'commander';
import type { i18n as I18n } from 'i18next';
import type { Profile } from '../../shared/profile/schema';
import { InvalidInputError, type InputProblem } from '../../shared/parse-errors';
import { explainProfile, type ExplainedRule } from '../../shared/profile/explain';
import { terminalSafe } from '../../shared/report/safe-text';

/** profile texts are data: control characters shown escaped, never acted on (long quotes kept whole) */
const plainText = (s: string) => terminalSafe(s, 4000);
import { localize, type Language } from '../../shared/i18n/text';
import { fileParentReader } from '../storage/profile-parent';

interface Ctx {
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown }; cwd: string };
  i18n: I18n;
  lang: Language;
  extra: () => Promise<readonly Profile[]>;
  setExit: (code: number) => void;
}

/** "file:path: message", the form editors and CI logs link from */
export const problemLine = (p: InputProblem) => plainText(`${p.file}:${p.path}: ${p.message}`);

export function addProfileCommands(program: Command, ctx: Ctx): void {
  const t = (k: string, o?: Record<string, unknown>) => ctx.i18n.t(`profiles:cli.${k}`, o);
  const { io } = ctx;
  const load = async (arg: string): Promise<{ profile: Profile; parents: string[] }> => {
    // loaded when a profile command runs, not for the CLI's --help (schemas and built-ins are heavy)
    const [{ findProfile, allProfiles, builtinBase, parseProfileText }, { looksLikeFile, readInputFile }] = await Promise.all([
      import('../../shared/profile/load'),
      import('./inputs'),
    ]);
    if (!looksLikeFile(arg)) {
      const p = findProfile(arg, await ctx.extra()) ?? builtinBase(arg);
      if (p) return { profile: p, parents: [] };
      const known = allProfiles(await ctx.extra())
        .map((x) => x.id)
        .join(', ');
      throw new InvalidInputError([{ file: arg, path: '', message: `unknown profile "${arg}" (known: ${known}; or give a path to a profile file)` }]);
    }
    const text = await readInputFile(arg, io.cwd);
    const parents: string[] = [];
    const reader = fileParentReader({ cwd: io.cwd });
    const profile = parseProfileText(text, arg, {
      readParent: (ref, from) => {
        parents.push(ref);
        return reader(ref, from);
      },
    });
    const ext = (JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { extends?: unknown }).extends;
    return { profile, parents: typeof ext === 'string' && !parents.includes(ext) ? [ext, ...parents] : parents };
  };
  const lang = () => new Option('--lang <lang>', ctx.i18n.t('cli:help.lang')).choices(['en', 'es', 'pt']);

  const cmd = program.command('profile').description(t('help.profile'));

  cmd
    .command('validate')
    .description(t('help.validate'))
    .argument('<file>', t('help.target'))
    .addOption(lang())
    .option('--debug', ctx.i18n.t('cli:help.debug'))
    .action(async (file: string) => {
      try {
        const { profile, parents } = await load(file);
        io.stdout.write(
          plainText(
            parents.length
              ? t('validExtends', { file, id: profile.id, version: profile.version, parents: parents.join(' → ') })
              : t('valid', { file, id: profile.id, version: profile.version }),
          ) + '\n',
        );
      } catch (err) {
        if (!(err instanceof InvalidInputError)) throw err;
        io.stderr.write(err.problems.map(problemLine).join('\n') + '\n');
        io.stderr.write(plainText(t('invalid', { file, count: err.problems.length })) + '\n');
        ctx.setExit(2);
      }
    });

  cmd
    .command('resolve')
    .description(t('help.resolve'))
    .argument('<file>', t('help.target'))
    .addOption(lang())
    .option('--debug', ctx.i18n.t('cli:help.debug'))
    .action(async (file: string) => {
      io.stdout.write(JSON.stringify((await load(file)).profile, null, 2) + '\n');
    });

  cmd
    .command('explain')
    .description(t('help.explain'))
    .argument('<id>', t('help.target'))
    .addOption(lang())
    .option('--debug', ctx.i18n.t('cli:help.debug'))
    .addOption(new Option('--format <format>', ctx.i18n.t('cli:help.format')).choices(['text', 'json']).default('text'))
    .action(async (id: string, opts: { format: 'text' | 'json' }) => {
      const { profile } = await load(id);
      const ex = explainProfile(profile);
      if (opts.format === 'json') {
        io.stdout.write(JSON.stringify({ id: profile.id, version: profile.version, sources: profile.sources, ...ex }, null, 2) + '\n');
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
        }
      };
      section(t('explain.rules'), ex.rules);
      section(t('explain.checklists'), ex.checklists);
      io.stdout.write(lines.map((l) => plainText(l).trimEnd()).join('\n') + '\n');
    });
}
