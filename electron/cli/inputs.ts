// Reading what the user points the headless command at: profiles (id or file) and facts or report
// files. Every problem becomes an InvalidInputError naming the file, the place in it and the issue.
import path from 'node:path';
import { FactsSchema, type Facts } from '../../shared/facts';
import type { Profile } from '../../shared/profile/schema';
import { allProfiles, findProfile, parseProfile } from '../../shared/profile/load';
import { InvalidInputError, MAX_INPUT_BYTES, parseJsonText, zodProblems } from '../../shared/parse-errors';
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

/** A facts file, or a report file (whose facts are taken). */
export async function readFacts(file: string, cwd: string): Promise<Facts> {
  const json = parseJsonText(await readInputFile(file, cwd), file);
  const isReport = typeof json === 'object' && json !== null && 'facts' in json && 'format' in json;
  const candidate = isReport ? (json as { facts: unknown }).facts : json;
  const r = FactsSchema.safeParse(candidate);
  if (!r.success) {
    const problems = zodProblems(file, r.error).map((p) => ({ ...p, path: isReport ? `facts${p.path ? `.${p.path}` : ''}` : p.path }));
    throw new InvalidInputError(problems);
  }
  return r.data;
}
