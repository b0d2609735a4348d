// Loading exam profiles from data: built-ins and admins' files, with errors that say which file,
// where in it and what is wrong.
import { ProfileSchema, type Profile } from './schema';
import { InvalidInputError, parseJsonText, zodProblems } from './parse-errors';
import { BUILTIN_PROFILE_DATA } from './builtin';
import type { InspectRequest } from '../facts';
import { localize, type Language } from '../i18n/text';
import type { ProfileSummary } from '../scan';

export { InvalidInputError } from './parse-errors';

/** Validates a parsed JSON value as a profile; throws InvalidInputError naming `origin`. */
export function parseProfile(json: unknown, origin: string): Profile {
  const r = ProfileSchema.safeParse(json);
  if (!r.success) throw new InvalidInputError(zodProblems(origin, r.error));
  const ids = new Set(r.data.sources.map((s) => s.id));
  const dangling = JSON.stringify(r.data.requirements).match(/"source":\{"source":"([^"]+)"/g) ?? [];
  for (const d of dangling) {
    const id = d.slice('"source":{"source":"'.length, -1);
    if (!ids.has(id)) throw new InvalidInputError([{ file: origin, path: 'requirements', message: `a rule cites source "${id}", which is not listed in "sources"` }]);
  }
  return r.data;
}

export function parseProfileText(text: string, file: string): Profile {
  return parseProfile(parseJsonText(text, file), file);
}

let builtins: Profile[] | null = null;
/** The profiles shipped with the app (validated once; a broken built-in is a bug the tests catch). */
export function builtinProfiles(): Profile[] {
  builtins ??= BUILTIN_PROFILE_DATA.map(([name, data]) => parseProfile(data, `builtin/${name}.json`));
  return builtins;
}

/** Finds a profile by id among the built-ins and any extra (admin-provided) ones; extras win. */
export function findProfile(id: string, extra: readonly Profile[] = []): Profile | undefined {
  return extra.find((p) => p.id === id) ?? builtinProfiles().find((p) => p.id === id);
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
  };
}

export function summarizeProfile(p: Profile, lang: Language, origin = 'builtin'): ProfileSummary {
  return {
    id: p.id,
    version: p.version,
    title: localize(p.title, lang).text,
    program: localize(p.program, lang).text,
    course: p.course ? localize(p.course, lang).text : null,
    origin,
    hasChecklists: p.checklists !== undefined,
    hasMockExam: p.mockExam !== undefined,
  };
}
