// Loading exam profiles from data: built-ins and admins' files, with errors that say which file,
// where in it and what is wrong. Two flavours of each entry point: parseX throws InvalidInputError
// (the CLI turns it into exit code 2), safeParseX returns a Result (screens list problems).
import { reviewState } from './review';
import { tierProblems } from './tier';
import { ProfileSchema, type Profile } from './schema';
import { InvalidInputError, assertNoForbiddenKeys, parseJsonText, toResult, zodProblems, type InputProblem, type Result } from '../parse-errors';
import { BUILTIN_BASE_DATA, BUILTIN_PROFILE_DATA } from './builtin/data';
import { MAX_PROFILE_BYTES, relocate, resolveExtends, type ReadParent } from './extends';
import type { InspectRequest } from '../facts';
import { osStatesAsked } from './os-state-requirements';
import { localize, type Language } from '../i18n/text';
import type { ProfileSummary } from '../scan';
import { msg } from '../check';
import { MessageError } from '../errors';

export { InvalidInputError, type InputProblem, type Result } from '../parse-errors';
export type { ReadParent } from './extends';

export interface ParseProfileOptions {
  /** reads a parent named by `extends: "./file.json"` (the CLI and the app pass one; shared code has no files) */
  readParent?: ReadParent;
}

/** Everything a profile can extend by id: the built-in exams and the shared bases they are written on. */
const EXTENDABLE: ReadonlyMap<string, unknown> = new Map([...BUILTIN_BASE_DATA, ...BUILTIN_PROFILE_DATA]);
/** what may stand at the top of a profile (a parent file with other keys is not one, and is not quoted) */
const PROFILE_KEYS: ReadonlySet<string> = new Set(Object.keys(ProfileSchema.shape));

/**
 * A profile's raw JSON with `extends` resolved (before validation), and a function that moves a
 * problem found in the merged profile to the file and path its value was written at.
 */
export function flattenProfile(json: unknown, origin: string, opts: ParseProfileOptions = {}) {
  return resolveExtends(json, origin, { builtins: EXTENDABLE, readParent: opts.readParent, profileKeys: PROFILE_KEYS });
}

export { MAX_PROFILE_BYTES } from './extends';

/** Validates a parsed JSON value as a profile; throws InvalidInputError naming `origin`. */
export function parseProfile(json: unknown, origin: string, opts: ParseProfileOptions = {}): Profile {
  assertNoForbiddenKeys(json, origin);
  const flat = flattenProfile(json, origin, opts);
  const r = ProfileSchema.safeParse(flat.value);
  // every problem at once: the schema's, and sources cited but not listed (read from the raw merge)
  const problems = [
    ...(r.success ? [] : zodProblems(origin, r.error, ProfileSchema)),
    ...danglingSources(flat.value, origin),
    // a reference text cannot make a rule required; a delegated one names the FAQ sentence that delegates
    ...(r.success ? tierProblems(r.data.requirements, r.data.sources).map(([path, message]) => ({ file: origin, path, message })) : []),
  ];
  if (problems.length) throw new InvalidInputError(relocate(problems, flat, origin));
  return r.data!;
}

export function parseProfileText(text: string, file: string, opts: ParseProfileOptions = {}): Profile {
  if (text.length > MAX_PROFILE_BYTES) {
    throw new InvalidInputError([{ file, path: '', message: `file is too large for a profile (${text.length} bytes; the limit is ${MAX_PROFILE_BYTES})` }]);
  }
  return parseProfile(parseJsonText(text, file), file, opts);
}

export const safeParseProfile = (json: unknown, origin: string, opts: ParseProfileOptions = {}): Result<Profile> =>
  toResult(() => parseProfile(json, origin, opts));
export const safeParseProfileText = (text: string, file: string, opts: ParseProfileOptions = {}): Result<Profile> =>
  toResult(() => parseProfileText(text, file, opts));

/** Every `source: { source: id }` anywhere in the profile (requirements, checklists…) must name a listed source. */
function danglingSources(raw: unknown, file: string): InputProblem[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const p = raw as { sources?: unknown; requirements?: unknown; checklists?: unknown; mockExam?: unknown };
  const ids = new Set(
    Array.isArray(p.sources)
      ? p.sources.flatMap((s: unknown) => (s && typeof s === 'object' && typeof (s as { id?: unknown }).id === 'string' ? [(s as { id: string }).id] : []))
      : [],
  );
  const out: InputProblem[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    for (const [k, x] of Object.entries(v)) {
      const here = path ? `${path}.${k}` : k;
      if (k === 'source' && x && typeof x === 'object' && typeof (x as { source?: unknown }).source === 'string') {
        const id = (x as { source: string }).source;
        if (!ids.has(id))
          out.push({
            file,
            path: `${here}.source`,
            message: `cites source "${id}", which is not listed in "sources" (${[...ids].join(', ') || 'none listed'})`,
          });
      } else walk(x, here);
    }
  };
  walk({ requirements: p.requirements, checklists: p.checklists, mockExam: p.mockExam }, '');
  return out;
}

/** A shared base the built-ins extend (mitx-base, mitx-sds-base), resolved, for `profile explain`/`resolve`. */
export function builtinBase(id: string): Profile | undefined {
  const data = BUILTIN_BASE_DATA.find(([name]) => name === id)?.[1];
  return data === undefined ? undefined : parseProfile(data, `builtin/${id}.json`);
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

/**
 * The one way an unknown (or missing) profile id is worded, in every front end: the CLI, the app's
 * handlers, the report viewer. English, for logs, scripts and support staff; it lists the ids
 * that would have been understood.
 */
export function unknownProfileText(id: string | null | undefined, extra: readonly Profile[] = []): string {
  const known = allProfiles(extra)
    .map((x) => x.id)
    .join(', ');
  return id ? `unknown profile "${id}" (known: ${known})` : `no profile chosen (known: ${known})`;
}

/**
 * Thrown by requireProfile. A MessageError, so the window shows it in the learner's language
 * (errors:unknownProfile); its English text is unknownProfileText.
 */
export class UnknownProfileError extends MessageError {
  override name = 'UnknownProfileError';
  constructor(
    readonly id: string | null,
    /** the English sentence, without the message the window decodes */
    readonly text: string,
  ) {
    super(msg('errors:unknownProfile', { id: id ?? '' }), text);
  }
}

/** findProfile for a caller that cannot go on without the profile: throws UnknownProfileError. */
export function requireProfile(id: string | null | undefined, extra: readonly Profile[] = []): Profile {
  const p = findProfile(id, extra);
  if (p) return p;
  throw new UnknownProfileError(id ?? null, unknownProfileText(id, extra));
}

/** requireProfile as a Result (for callers that list problems), the problem naming `origin`. */
export function resolveProfile(id: string | null | undefined, extra: readonly Profile[] = [], origin = 'profile'): Result<Profile> {
  const p = findProfile(id, extra);
  return p ? { ok: true, value: p } : { ok: false, problems: [{ file: origin, path: '', message: unknownProfileText(id, extra) }] };
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
    osStates: osStatesAsked(profile.requirements.osState),
  };
}

/** `today` (YYYY-MM-DD) says whether the profile's review date is long ago. */
export function summarizeProfile(p: Profile, lang: Language, origin = 'builtin', today = new Date().toISOString().slice(0, 10)): ProfileSummary {
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
    ...reviewState(p.reviewed, today),
  };
}
