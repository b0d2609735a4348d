// Loading exam profiles from data: built-ins and admins' files, with errors that say which file,
// where in it and what is wrong. Two flavours of each entry point: parseX throws InvalidInputError
// (the CLI turns it into exit code 2), safeParseX returns a Result (screens list problems).
import { ProfileSchema, type Profile } from './schema';
import { InvalidInputError, assertNoForbiddenKeys, parseJsonText, toResult, zodProblems, type InputProblem, type Result } from './parse-errors';
import { BUILTIN_PROFILE_DATA } from './builtin/data';
import type { InspectRequest } from '../facts';
import { localize, type Language } from '../i18n/text';
import type { ProfileSummary } from '../scan';

export { InvalidInputError, type InputProblem, type Result } from './parse-errors';

/** A profile is a few kilobytes; anything near this is not a profile (or an attack on memory). */
export const MAX_PROFILE_BYTES = 1024 * 1024;

/** Validates a parsed JSON value as a profile; throws InvalidInputError naming `origin`. */
export function parseProfile(json: unknown, origin: string): Profile {
  assertNoForbiddenKeys(json, origin);
  const r = ProfileSchema.safeParse(json);
  if (!r.success) throw new InvalidInputError(zodProblems(origin, r.error));
  const problems = danglingSources(r.data, origin);
  if (problems.length) throw new InvalidInputError(problems);
  return r.data;
}

export function parseProfileText(text: string, file: string): Profile {
  if (text.length > MAX_PROFILE_BYTES) {
    throw new InvalidInputError([{ file, path: '', message: `file is too large for a profile (${text.length} bytes; the limit is ${MAX_PROFILE_BYTES})` }]);
  }
  return parseProfile(parseJsonText(text, file), file);
}

export const safeParseProfile = (json: unknown, origin: string): Result<Profile> => toResult(() => parseProfile(json, origin));
export const safeParseProfileText = (text: string, file: string): Result<Profile> => toResult(() => parseProfileText(text, file));

/** Every `source: { source: id }` anywhere in the profile (requirements, checklists…) must name a listed source. */
function danglingSources(p: Profile, file: string): InputProblem[] {
  const ids = new Set(p.sources.map((s) => s.id));
  const out: InputProblem[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    for (const [k, x] of Object.entries(v)) {
      const here = path ? `${path}.${k}` : k;
      if (k === 'source' && x && typeof x === 'object' && typeof (x as { source?: unknown }).source === 'string') {
        const id = (x as { source: string }).source;
        if (!ids.has(id)) out.push({ file, path: `${here}.source`, message: `cites source "${id}", which is not listed in "sources" (${[...ids].join(', ') || 'none listed'})` });
      } else walk(x, here);
    }
  };
  walk({ requirements: p.requirements, checklists: p.checklists, mockExam: p.mockExam }, '');
  return out;
}

let builtins: Profile[] | null = null;
/** The profiles shipped with the app (validated once; a broken built-in is a bug the tests catch). */
export function builtinProfiles(): Profile[] {
  builtins ??= BUILTIN_PROFILE_DATA.map(([name, data]) => parseProfile(data, `builtin/${name}.json`));
  return builtins;
}

/**
 * Finds a profile by id among the built-ins and any extra (admin-provided) ones; extras win.
 * No id (nothing chosen yet) or an unknown id gives undefined.
 */
export function findProfile(id: string | null | undefined, extra: readonly Profile[] = []): Profile | undefined {
  if (!id) return undefined;
  return extra.find((p) => p.id === id) ?? builtinProfiles().find((p) => p.id === id);
}

/** Like findProfile, with a message that lists the known ids when the id is missing or unknown. */
export function resolveProfile(id: string | null | undefined, extra: readonly Profile[] = [], origin = 'profile'): Result<Profile> {
  const p = findProfile(id, extra);
  if (p) return { ok: true, value: p };
  const known = allProfiles(extra).map((x) => x.id).join(', ');
  return { ok: false, problems: [{ file: origin, path: '', message: id ? `unknown profile "${id}" (known: ${known})` : `no profile chosen (known: ${known})` }] };
}

export function allProfiles(extra: readonly Profile[] = []): Profile[] {
  const ids = new Set(extra.map((p) => p.id));
  return [...builtinProfiles().filter((p) => !ids.has(p.id)), ...extra];
}

/** What the inspectors must look for to evaluate this profile (nothing else is probed or contacted). */
export function inspectRequestFor(profile: Profile, opts: { networkChecks?: boolean } = {}): InspectRequest {
  const sw = profile.requirements.software;
  return {
    pythonPackages: (sw?.python?.packages ?? []).map((p) => p.name),
    endpoints: profile.requirements.network?.endpoints ?? [],
    networkChecks: opts.networkChecks ?? true,
    // only the programs the exam asks about are run: an exam without R never starts Rscript
    software: { python: sw?.python !== undefined, r: sw?.r !== undefined },
  };
}

export function summarizeProfile(p: Profile, lang: Language, origin = 'builtin'): ProfileSummary {
  const title = localize(p.title, lang);
  const program = localize(p.program, lang);
  const course = p.course ? localize(p.course, lang) : null;
  return {
    id: p.id,
    version: p.version,
    title: title.text,
    program: program.text,
    course: course ? course.text : null,
    untranslated: title.fallback || program.fallback || !!course?.fallback,
    support: p.support ?? null,
    origin,
    hasChecklists: p.checklists !== undefined,
    hasMockExam: p.mockExam !== undefined,
  };
}
