// Reading what the user points the headless command at: profiles (id or file) and facts or report
// files. Every problem becomes an InvalidInputError naming the file, the place in it and the issue.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FactsSchema, type Facts } from '../../shared/facts';
import type { Profile } from '../../shared/profile/schema';
import { allProfiles, findProfile, parseProfile } from '../../shared/profile/load';
import { InvalidInputError, MAX_INPUT_BYTES, parseJsonText, zodProblems } from '../../shared/profile/parse-errors';
import { fileParentReader } from '../storage/profile-parent';

export async function readInputFile(file: string, cwd: string): Promise<string> {
  const full = path.resolve(cwd, file);
  let size: number;
  try {
    const st = await fs.stat(full);
    if (!st.isFile()) throw new InvalidInputError([{ file, path: '', message: 'is not a file' }]);
    size = st.size;
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InvalidInputError([{ file, path: '', message: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message }]);
  }
  if (size > MAX_INPUT_BYTES) throw new InvalidInputError([{ file, path: '', message: `file is too large (${size} bytes; the limit is ${MAX_INPUT_BYTES})` }]);
  try {
    return await fs.readFile(full, 'utf8');
  } catch (err) {
    throw new InvalidInputError([{ file, path: '', message: (err as Error).message }]);
  }
}

export const looksLikeFile = (s: string) => /[\\/]/.test(s) || /\.json$/i.test(s);

/** A built-in (or admin-provided) profile id, or a path to a profile file. */
export async function resolveProfile(arg: string, cwd: string, extra: readonly Profile[] = []): Promise<Profile> {
  if (!looksLikeFile(arg)) {
    const p = findProfile(arg, extra);
    if (p) return p;
    const known = allProfiles(extra).map((x) => x.id).join(', ');
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
