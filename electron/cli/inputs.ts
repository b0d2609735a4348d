// Reading what the user points the headless command at: profiles (id or file) and facts or report
// files. Every problem becomes an InvalidInputError naming the file, the place in it and the issue.
import path from 'node:path';
import { z } from 'zod';
import { FactsSchema, type Facts } from '../../shared/facts';
import { NetworkRunSchema, type NetworkRun } from '../../shared/network/result';
import type { Profile } from '../../shared/profile/schema';
import { builtinBase, findProfile, parseProfileText, unknownProfileText } from '../../shared/profile/load';
import { InvalidInputError, MAX_INPUT_BYTES, parseJsonText, zodProblems } from '../../shared/parse-errors';
import { fileParentReader } from '../storage/profile-parent';
import { readTextFile, TextFileError } from '../storage/read-text';
import { readTextStream, type ByteStream } from '../storage/read-stream';

/** Standard input, for "-" (CliIo.stdin); `idleMs`: how long a silent, unclosed input is waited for. */
export interface StdinSource {
  stdin?: () => ByteStream & { isTTY?: boolean };
  idleMs?: number;
}

/** "-" names standard input, as in most Unix tools; problems then name "stdin". */
export const STDIN = '-';
export const stdinName = (file: string) => (file === STDIN ? 'stdin' : file);

export async function readInputFile(file: string, cwd: string, from: StdinSource = {}): Promise<string> {
  try {
    // /dev/stdin too: opening it anew fails when standard input is a socket (as a service manager or
    // Node's spawn gives), and Windows has no such file
    if (file === STDIN || file === '/dev/stdin') return await readStdin(from);
    // type and size checked on the open handle; UTF-16 with a byte-order mark decoded (./storage/read-text.ts);
    // a pipe or device the user names (/dev/stdin, <(…)) is read with the same cap
    return await readTextFile(path.resolve(cwd, file), MAX_INPUT_BYTES, { streams: { idleMs: from.idleMs } });
  } catch (err) {
    const message = err instanceof TextFileError ? (err.code === 'not-regular' ? 'is not a file' : err.message) : (err as Error).message;
    throw new InvalidInputError([{ file: stdinName(file), path: '', message }]);
  }
}

async function readStdin(from: StdinSource): Promise<string> {
  const stdin = from.stdin?.();
  if (!stdin) throw new TextFileError('unreadable', 'standard input cannot be read here', STDIN);
  // a terminal would wait for typing that no one means to do: say how to pipe a file in instead
  if (stdin.isTTY) throw new TextFileError('unreadable', 'standard input is a terminal: pipe a file in (… < facts.json) or name the file', STDIN);
  return readTextStream(stdin, MAX_INPUT_BYTES, { file: 'stdin', idleMs: from.idleMs });
}

export const looksLikeFile = (s: string) => /[\\/]/.test(s) || /\.json$/i.test(s);

/** How a command asks for a profile (see resolveProfile). */
export interface ProfileChoice {
  cwd: string;
  /** the admin policy's extra profiles, known by id */
  extra?: readonly Profile[];
  /**
   * The admin policy's exam, for commands that check a computer (check, evaluate): the locked
   * exam wins over the argument (docs/admins.md), the default one stands in for a missing one.
   */
  policyExam?: { locked: string | null; default: string | null; onLockedWins: (locked: string, given: string) => void };
  /** the shared bases (mitx-base…) by id too: `profile explain` and `profile resolve` show them */
  bases?: boolean;
  /** the parents a profile file extends, as written (`profile validate` lists them); none for an id */
  onParents?: (refs: string[]) => void;
  /** what a problem names: "--profile", or a profile command's argument */
  origin: string;
  /** the sentence for no profile at all, in the user's language */
  noneGiven: string;
}

/**
 * The one profile resolver of the headless command: a built-in (or admin-provided) profile id, a
 * path to a profile file, or the admin policy's exam.
 */
export async function resolveProfile(arg: string | undefined, choice: ProfileChoice): Promise<Profile> {
  const pol = choice.policyExam;
  if (pol?.locked && arg !== undefined && arg !== pol.locked) pol.onLockedWins(pol.locked, arg);
  const id = pol?.locked ?? arg ?? pol?.default ?? undefined;
  if (!id) throw new InvalidInputError([{ file: choice.origin, path: '', message: choice.noneGiven }]);
  if (!looksLikeFile(id)) {
    const p = findProfile(id, choice.extra) ?? (choice.bases ? builtinBase(id) : undefined);
    if (p) return p;
    throw new InvalidInputError([{ file: choice.origin, path: '', message: `${unknownProfileText(id, choice.extra)}; or give a path to a profile file` }]);
  }
  const text = await readInputFile(id, choice.cwd);
  const reader = fileParentReader({ cwd: choice.cwd });
  const parents: string[] = [];
  const profile = parseProfileText(text, id, {
    readParent: (ref, from) => {
      parents.push(ref);
      return reader(ref, from);
    },
  });
  // a built-in parent is not read from a file: it is named from the file's own `extends`
  const ext = (JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { extends?: unknown }).extends;
  choice.onParents?.(typeof ext === 'string' && !parents.includes(ext) ? [ext, ...parents] : parents);
  return profile;
}

/** What can be judged again from a file: its facts, and the network measurement a report carries. */
export interface Judgeable {
  facts: Facts;
  /** null for a bare facts file, or a report without a measurement */
  network: NetworkRun | null;
}

const FromReport = z.object({ facts: z.unknown(), network: NetworkRunSchema.nullable().default(null) });

/** A facts file, or a report file (whose facts and network measurement are taken). */
export async function readJudgeable(file: string, cwd: string, from: StdinSource = {}): Promise<Judgeable> {
  const text = await readInputFile(file, cwd, from);
  file = stdinName(file);
  const json = parseJsonText(text, file);
  const isReport = typeof json === 'object' && json !== null && 'facts' in json && 'format' in json;
  const report = isReport ? FromReport.safeParse(json) : null;
  if (report && !report.success) throw new InvalidInputError(zodProblems(file, report.error));
  const candidate = report ? report.data!.facts : json;
  const r = FactsSchema.safeParse(candidate);
  if (!r.success) {
    const problems = zodProblems(file, r.error, FactsSchema).map((p) => ({ ...p, path: isReport ? `facts${p.path ? `.${p.path}` : ''}` : p.path }));
    throw new InvalidInputError(problems);
  }
  return { facts: r.data, network: report?.data?.network ?? null };
}
