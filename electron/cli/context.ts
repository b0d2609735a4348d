// The one set-up every command of the headless command runs through: the language, the admin's
// policy (loaded once, on first use), the profile resolver, the output writer and the exit code.
// A command's action receives this and its own options; nothing else is set up per command.
import path from 'node:path';
import type { i18n as I18n } from 'i18next';
import type { Language } from '../../shared/i18n/languages';
import type { Profile } from '../../shared/profile/schema';
import { terminalSafe } from '../../shared/report/safe-text';
import type { LoadedPolicy } from '../storage/policy';
import type { OutputSink } from '../storage/output';
import type { NetworkDeps } from '../network/deps';
import type { MeasureTuning } from '../network/for-profile';
import type { inspectMachine } from '../inspect';
import type { ProfileChoice, StdinSource } from './inputs';

/** 0 ready, 1 not ready (a required check failed or could not be determined), 2 usage error or invalid input, 3 internal error */
export const EXIT = { ready: 0, notReady: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliIo {
  /** `columns`: the terminal's width (a TTY's own; tests pass one), see terminal.ts */
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number; once?: (e: 'drain', cb: () => void) => unknown };
  /** a progress line is drawn only when stderr is a TTY (progress.ts) */
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  /** standard input, read only when a command is given "-" (a function: process.stdin is not touched otherwise) */
  stdin?: StdinSource['stdin'];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** injected in tests: a fake inspection instead of probing this machine */
  inspect?: typeof inspectMachine;
  now?: () => Date;
  /**
   * The admin's policy (electron/storage/policy.ts): the bin and the installed app pass the real
   * loader; without one (tests) no policy applies. Its locked or default exam stands in for a
   * missing --profile, its extra profiles are known by id, and its network switch is obeyed.
   */
  loadPolicy?: () => Promise<LoadedPolicy>;
  /** injected in tests: a trusted test certificate, loopback allowed, shorter runs */
  network?: { deps?: Partial<NetworkDeps>; tuning?: MeasureTuning };
}

/** loaded on first use (see work.ts): the help and usage errors start without it */
const work = () => import('./work');
export type Work = Awaited<ReturnType<typeof work>>;

/** How a command asks for its profile; the working folder, extra profiles and wording are the context's. */
export type ProfileUse = Pick<ProfileChoice, 'bases' | 'onParents'> & {
  /** the admin policy's locked or default exam applies (commands that judge this computer's facts) */
  policyExam?: boolean;
  /** what a problem names (default "--profile") */
  origin?: string;
};

export interface CommandContext {
  io: CliIo;
  i18n: I18n;
  lang: Language;
  /** --debug anywhere on the line: errors show their stack */
  debug: boolean;
  appVersion: string;
  /** a `cli:` message */
  t(key: string, o?: Record<string, unknown>): string;
  /** text quoting files or arguments, made safe for a terminal line by line */
  safe(text: string): string;
  now(): Date;
  /** the command's modules, with zod's messages in the chosen language */
  work(): Promise<Work>;
  /** the admin's policy, loaded (and its problems said on stderr) once */
  policy(): Promise<LoadedPolicy | null>;
  profile(arg: string | undefined, use?: ProfileUse): Promise<Profile>;
  /** --out as a sink (electron/storage/output.ts), or stdout; "Written to" is said when a file is done (not under --quiet) */
  output(out: string | undefined, o?: { quiet?: boolean }): Promise<OutputSink>;
  /** a whole document to --out or stdout */
  emit(out: string | undefined, text: string, o?: { quiet?: boolean }): Promise<void>;
  exitCode: number;
}

export function createContext(io: CliIo, i18n: I18n, lang: Language, opts: { debug: boolean; appVersion: string }): CommandContext {
  const t = (k: string, o?: Record<string, unknown>) => i18n.t(`cli:${k}`, o ?? {});
  let policy: Promise<LoadedPolicy | null> | null = null;
  const loadPolicy = async (): Promise<LoadedPolicy | null> => {
    if (!io.loadPolicy) return null;
    const pol = await io.loadPolicy();
    // a rejected policy never stops a check: it is reported and the app's defaults apply
    if (pol.rejected) io.stderr.write(`${t('policy.rejected', { file: pol.source })}\n${pol.problems.map((p) => `  ${terminalSafe(p, 1000)}`).join('\n')}\n`);
    else if (pol.warnings?.length)
      io.stderr.write(`${pol.warnings.map((w) => i18n.t('safety:policy.warning', { warning: terminalSafe(w, 1000) })).join('\n')}\n`);
    return pol;
  };
  const ctx: CommandContext = {
    io,
    i18n,
    lang,
    debug: opts.debug,
    appVersion: opts.appVersion,
    t,
    safe: (text) =>
      text
        .split('\n')
        .map((l) => terminalSafe(l, 1000))
        .join('\n'),
    now: () => io.now?.() ?? new Date(),
    work: async () => {
      const w = await work();
      w.setZodLanguage(lang);
      return w;
    },
    policy: () => (policy ??= loadPolicy()),
    async profile(arg, use = {}) {
      const pol = await ctx.policy();
      const { resolveProfile } = await ctx.work();
      return resolveProfile(arg, {
        cwd: io.cwd,
        extra: pol?.extraProfiles ?? [],
        bases: use.bases,
        onParents: use.onParents,
        origin: use.origin ?? '--profile',
        noneGiven: t('policy.noProfile'),
        policyExam: use.policyExam
          ? {
              locked: pol?.policy.lockedProfile ?? null,
              default: pol?.policy.defaultProfile ?? null,
              // docs/admins.md: the locked exam wins over --profile, and the admin's script is told so
              onLockedWins: (locked, given) => io.stderr.write(`${i18n.t('safety:policy.lockedWins', { locked, given: terminalSafe(given) })}\n`),
            }
          : undefined,
      });
    },
    async output(out, o = {}) {
      if (!out) return stdoutSink(io.stdout);
      const { openOutput } = await import('../storage/output');
      const sink = await openOutput(path.resolve(io.cwd, out));
      return {
        ...sink,
        done: async () => {
          await sink.done();
          if (!o.quiet) io.stderr.write(`${t('written', { file: terminalSafe(out) })}\n`);
        },
      };
    },
    async emit(out, text, o) {
      const { writeWhole } = await import('../storage/output');
      await writeWhole(await ctx.output(out, o), text);
    },
    exitCode: EXIT.ready,
  };
  return ctx;
}

/** A pipe to a slow reader (| head, | duckdb): wait for it to drain rather than buffer everything. */
function stdoutSink(stdout: CliIo['stdout']): OutputSink {
  return {
    write: async (s) => {
      if (stdout.write(s) === false && stdout.once) await new Promise<void>((ok) => stdout.once!('drain', ok));
    },
    done: async () => {},
    abort: async () => {},
  };
}
