// Reading what the user points the headless command at: profiles (id or file) and facts or report
// files. Every problem becomes an InvalidInputError naming the file, the place in it and the issue.
import path from 'node:path';
import { FactsSchema, type Facts } from '../../shared/facts';
import { NetworkRunSchema, type NetworkRun } from '../../shared/network/result';
import type { Profile } from '../../shared/profile/schema';
import { allProfiles, findProfile, parseProfile } from '../../shared/profile/load';
import { InvalidInputError, MAX_INPUT_BYTES, parseJsonText, zodProblems } from '../../shared/profile/parse-errors';
import { fileParentReader } from '../storage/profile-parent';
import { readTextFile, TextFileError } from '../storage/read-text';

export async function readInputFile(file: string, cwd: string): Promise<string> {
  try {
    // type and size checked on the open handle; UTF-16 with a byte-order mark decoded (./storage/read-text.ts)
    return await readTextFile(path.resolve(cwd, file), MAX_INPUT_BYTES);
  } catch (err) {
    const message = err instanceof TextFileError ? (err.code === 'not-regular' ? 'is not a file' : err.message) : (err as Error).message;
    throw new InvalidInputError([{ file, path: '', message }]);
  }
}

export const looksLikeFile = (s: string) => /[\\/]/.test(s) || /\.json$/i.test(s);

/** A built-in (or admin-provided) profile id, or a path to a profile file. */
export async function resolveProfile(arg: string, cwd: string, extra: readonly Profile[] = []): Promise<Profile> {
  if (!looksLikeFile(arg)) {
    const p = findProfile(arg, extra);
    if (p) return p;
    const known = allProfiles(extra)
      .map((x) => x.id)
      .join(', ');
    throw new InvalidInputError([{ file: '--profile', path: '', message: `unknown profile "${arg}" (known: ${known}; or give a path to a profile file)` }]);
  }
  return parseProfile(parseJsonText(await readInputFile(arg, cwd), arg), arg, { readParent: fileParentReader({ cwd }) });
}

/**
 * What to judge from a facts file, or from a report file: its facts and the network measurement it
 * carries (judged again against the exam asked for, as the report viewer does).
 */
export async function readJudgeInputs(file: string, cwd: string): Promise<{ facts: Facts; network: NetworkRun | null }> {
  const json = parseJsonText(await readInputFile(file, cwd), file);
  const isReport = typeof json === 'object' && json !== null && 'facts' in json && 'format' in json;
  const inReport = (p: { path: string }, key: string) => (isReport ? `${key}${p.path ? `.${p.path}` : ''}` : p.path);
  const r = FactsSchema.safeParse(isReport ? (json as { facts: unknown }).facts : json);
  if (!r.success) throw new InvalidInputError(zodProblems(file, r.error).map((p) => ({ ...p, path: inReport(p, 'facts') })));
  const rawNetwork = isReport ? (json as { network?: unknown }).network : undefined;
  if (rawNetwork === undefined || rawNetwork === null) return { facts: r.data, network: null };
  const n = NetworkRunSchema.safeParse(rawNetwork);
  if (!n.success) throw new InvalidInputError(zodProblems(file, n.error).map((p) => ({ ...p, path: inReport(p, 'network') })));
  return { facts: r.data, network: n.data };
}
