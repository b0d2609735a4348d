// `exam-preflight policy validate FILE`: an IT admin checks a policy file before deploying it, with
// the parser the app itself uses at start-up (electron/storage/policy.ts: schema, profile ids, the
// extra-profiles folder). Like `profile validate`: every problem as "file:path: message" (every bad
// key, not only the first), exit 0 valid, 2 invalid; under --format json the effective policy on
// stdout, or the problems as the one JSON error object on stderr.
import path from 'node:path';
import type { Command } from 'commander';
import { terminalSafe } from '../../shared/report/safe-text';
import { EXIT, type CommandContext } from './context';
import { errorJson } from './error-json';
import { withSharedOptions, type SharedOptions } from './options';
import { problemLine } from './profile-command';

export function addPolicyCommands(program: Command, ctx: CommandContext): void {
  const { io, t } = ctx;
  // no `help` sub-command (as at the top level): `policy --help` says it all
  const cmd = program.command('policy').description(t('help.policy')).helpCommand(false);
  withSharedOptions(cmd.command('validate').description(t('help.policyValidate')).argument('<file>', t('help.policyFile')), ctx.i18n, {
    formats: ['text', 'json'],
  }).action(async (file: string, opts: SharedOptions<'text' | 'json'>) => {
    await ctx.work(); // zod's messages in the chosen language
    const [{ readInputFile, stdinName }, { checkPolicyText, realPolicyDeps }] = await Promise.all([import('./inputs'), import('../storage/policy')]);
    const name = stdinName(file);
    // read with the CLI's caps (a pipe or "-" too); checked with the policy's own size limit
    const text = await readInputFile(file, io.cwd, { stdin: io.stdin });
    // where it is decides where its extra-profiles folder is; standard input is taken to be here
    const where = path.resolve(io.cwd, file === '-' ? 'policy.json' : file);
    const loaded = await checkPolicyText(text, where, realPolicyDeps(io.cwd));
    const named = (f: string) => (f === where ? name : f);
    if (loaded.rejected) {
      const problems = (loaded.rejectedFor ?? []).map((p) => ({ ...p, file: named(p.file) }));
      const summary = t('policyValidate.invalid', { file: name, count: problems.length });
      if (opts.format === 'json') {
        const first = problems[0];
        io.stderr.write(errorJson({ code: 'invalid-input', message: summary, file: name, path: first?.path ?? null, problems }));
      } else io.stderr.write(`${problems.map(problemLine).join('\n')}\n${terminalSafe(summary)}\n`);
      ctx.exitCode = EXIT.usage;
      return;
    }
    // bad files in the extra-profiles folder do not reject a policy (the app skips them): said, exit 0
    const warnings = loaded.problems.map((p) => p.split(where).join(name));
    if (opts.format === 'json') {
      io.stdout.write(JSON.stringify({ file: name, valid: true, policy: loaded.policy, warnings }, null, 2) + '\n');
      return;
    }
    if (warnings.length) io.stderr.write(`${warnings.map((w) => terminalSafe(w, 1000)).join('\n')}\n`);
    io.stdout.write(`${terminalSafe(t('policyValidate.valid', { file: name }))}\n`);
  });
}
