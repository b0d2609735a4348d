// `extends`: a profile may build on one other profile (a built-in id or a file), stating only what
// differs. Resolved on the raw JSON before validation, keeping where every value came from, so a
// problem found after merging is reported in the file (and at the path) the author wrote.
//
// Merge rules (docs/profiles.md):
// - top level: the child's value replaces the parent's, except `sources` (merged by id),
//   `requirements` and `checklists` (merged as below);
// - requirements: sections and rules merge key by key; a `source` and a translated text
//   ({ en, es, pt }) are replaced whole; `null` removes what the parent set;
// - lists whose entries carry an `id` (checklist sections and items, prohibited programs,
//   accepted browsers, sources) or a `name` (Python packages) merge entry by entry; an entry with
//   `enabled: false` removes the parent's entry; other lists are replaced whole.
import { InvalidInputError, assertNoForbiddenKeys, formatPath, parseJsonText, type InputProblem } from '../parse-errors';

export type PathSeg = string | number;
export interface Origin {
  file: string;
  path: PathSeg[];
}

/**
 * Reads a parent profile named by a relative path; the platform layer supplies it (shared/ has no
 * files). It is only ever asked for a path that passed parentRefProblem (beside or below the naming
 * file's folder); it must still refuse a link that leads out of that folder, and big files.
 */
export type ReadParent = (ref: string, fromFile: string) => { file: string; text: string };

export interface ExtendsOptions {
  /** raw JSON of profiles that can be extended by id (the built-ins and their shared bases) */
  builtins: ReadonlyMap<string, unknown>;
  readParent?: ReadParent;
  /** the keys a profile may have at its top; a parent file with any other is not a profile */
  profileKeys?: ReadonlySet<string>;
}

/** A profile is a few kilobytes; anything near this is not a profile (or an attack on memory). Parents too. */
export const MAX_PROFILE_BYTES = 1024 * 1024;

/**
 * Why `ref` may not name a parent file, or null. A parent is a file beside the profile or below its
 * folder: a relative path without "..", not absolute, not a drive, share or URL. (Each parent's own
 * parents are relative to it, so the whole chain stays under the first profile's folder.)
 */
export function parentRefProblem(ref: string): string | null {
  const outside = 'a parent file must be beside this profile or in a folder below it (e.g. ./base.json or parts/base.json)';
  if (ref.length > 1024 || ref.includes('\0')) return outside;
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return `${outside}; not a drive or a web address`;
  if (/^[\\/]/.test(ref)) return `${outside}; not an absolute path`;
  if (ref.split(/[\\/]/).some((seg) => seg === '..')) return `${outside}; ".." is not allowed`;
  return null;
}

export interface Resolved {
  value: unknown;
  /** where the value at a path of the merged profile was written: file and path in that file */
  locate: (path: readonly PathSeg[]) => Origin;
  /** the chain of files, the author's first */
  chain: string[];
}

const MAX_DEPTH = 5;
const looksLikeFile = (s: string) => /[\\/:]/.test(s) || /\.json$/i.test(s);
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isLocalText = (v: Record<string, unknown>) => Object.keys(v).length > 0 && Object.keys(v).every((k) => k === 'en' || k === 'es' || k === 'pt');

export function resolveExtends(json: unknown, file: string, opts: ExtendsOptions): Resolved {
  const origins = new WeakMap<object, Map<PathSeg, Origin>>();
  const rootOrigin: Origin = { file, path: [] };
  const chain: string[] = [];

  const setOrigin = (container: object, key: PathSeg, o: Origin) => {
    let m = origins.get(container);
    if (!m) origins.set(container, (m = new Map()));
    m.set(key, o);
  };
  /** a fresh copy of a value written in `f` at `p`, every node remembering where it was written */
  const annotate = (v: unknown, f: string, p: PathSeg[]): unknown => {
    if (Array.isArray(v)) {
      const out = v.map((x, i) => annotate(x, f, [...p, i]));
      out.forEach((_, i) => setOrigin(out, i, { file: f, path: [...p, i] }));
      return out;
    }
    if (isObj(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = annotate(x, f, [...p, k]);
        setOrigin(out, k, { file: f, path: [...p, k] });
      }
      return out;
    }
    return v;
  };

  const keyOf = (e: unknown): string | null => {
    if (typeof e === 'string') return e; // a prohibited program named by its catalog id
    if (!isObj(e)) return null;
    if (typeof e.id === 'string') return e.id;
    if (typeof e.name === 'string') return `name:${e.name}`;
    return null;
  };
  const byKey = (a: unknown[]) => a.length > 0 && a.every((e) => keyOf(e) !== null);

  /** child `c` (written in `f` at `p`) over the parent's merged value `b` */
  const merge = (b: unknown, c: unknown, f: string, p: PathSeg[], deep: boolean): unknown => {
    if (!deep) return annotate(c, f, p);
    if (Array.isArray(b) && Array.isArray(c) && byKey(b) && (c.length === 0 || byKey(c))) return mergeList(b, c, f, p);
    // a `source` is replaced whole; `null` removes any key
    if (isObj(b) && isObj(c) && !isLocalText(c))
      return mergeKeys(
        b,
        c,
        f,
        p,
        (k) => k !== 'source',
        () => true,
      );
    return annotate(c, f, p);
  };

  /**
   * Child list `c` over the parent's list `b`, entry by entry (matched by key). Linear: the entries
   * sit in a linked list with an index by key, so a 20,000-entry list costs 20,000 steps, not 20,000².
   */
  const mergeList = (b: unknown[], c: unknown[], f: string, p: PathSeg[]): unknown[] => {
    interface Node {
      v: unknown;
      o: Origin;
      key: string;
      prev: Node | null;
      next: Node | null;
    }
    let head = null as Node | null;
    let tail = null as Node | null;
    /** nodes in the list by key, in list order (the first is the one a child entry amends) */
    const index = new Map<string, Node[]>();
    const link = (n: Node, before: Node | null) => {
      n.next = before;
      n.prev = before ? before.prev : tail;
      if (n.prev) n.prev.next = n;
      else head = n;
      if (before) before.prev = n;
      else tail = n;
    };
    const unlink = (n: Node) => {
      if (n.prev) n.prev.next = n.next;
      else head = n.next;
      if (n.next) n.next.prev = n.prev;
      else tail = n.prev;
    };
    /** a node entering the list before `before` (null: at the end); `first`: it precedes every node of its key */
    const add = (n: Node, before: Node | null, first: boolean) => {
      link(n, before);
      const same = index.get(n.key);
      if (!same) index.set(n.key, [n]);
      else if (first) same.unshift(n);
      else same.push(n);
    };
    // parent entries keep their origins; the child's replace, amend or remove them
    const parentOrigins = origins.get(b);
    b.forEach((e, i) => add({ v: e, o: parentOrigins?.get(i) ?? { file: f, path: [...p, i] }, key: keyOf(e)!, prev: null, next: null }, null, false));
    // new entries go where the child put them: before the next inherited entry it lists after them
    let pending: Node[] = [];
    c.forEach((e, i) => {
      const k = keyOf(e)!;
      const same = index.get(k);
      const at = same && same.length > 0 ? same[0]! : null;
      const here = [...p, i];
      if (isObj(e) && e.enabled === false && at) {
        unlink(at);
        same!.shift();
        return;
      }
      if (!at) {
        pending.push({ v: annotate(e, f, here), o: { file: f, path: here }, key: k, prev: null, next: null });
        return;
      }
      // (a pending entry's key is not in the list, or it would not be pending)
      for (const n of pending) add(n, at, false);
      pending = [];
      const parentEntry = typeof at.v === 'string' ? { id: at.v } : at.v;
      const childEntry = typeof e === 'string' ? { id: e } : e;
      at.v = merge(parentEntry, childEntry, f, here, true);
      at.o = { file: f, path: here };
    });
    for (const n of pending) add(n, null, false);
    const out: unknown[] = [];
    for (let n: Node | null = head; n; n = n.next) {
      setOrigin(out, out.length, n.o);
      out.push(n.v);
    }
    return out;
  };

  /**
   * Child object `c` (written in `f` at `p`) over the parent's `b`, key by key: the parent's keys keep
   * their origins; the child's replace them, merge into them (the keys `deep` names) or, where
   * `removes` allows, remove them with `null`.
   */
  const mergeKeys = (
    b: Record<string, unknown>,
    c: Record<string, unknown>,
    f: string,
    p: PathSeg[],
    deep: (k: string) => boolean,
    removes: (k: string) => boolean,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const parentOrigins = origins.get(b);
    for (const [k, x] of Object.entries(b)) {
      out[k] = x;
      const o = parentOrigins?.get(k);
      if (o) setOrigin(out, k, o);
    }
    for (const [k, x] of Object.entries(c)) {
      if (x === null && removes(k)) {
        delete out[k];
        continue;
      }
      out[k] = k in b ? merge(b[k], x, f, [...p, k], deep(k)) : annotate(x, f, [...p, k]);
      setOrigin(out, k, { file: f, path: [...p, k] });
    }
    return out;
  };

  const load = (raw: unknown, f: string, depth: number): unknown => {
    if (chain.includes(f))
      throw new InvalidInputError([{ file: chain[0]!, path: 'extends', message: `extends itself in a circle: ${[...chain, f].join(' → ')}` }]);
    chain.push(f);
    assertNoForbiddenKeys(raw, f);
    if (!isObj(raw) || !('extends' in raw)) return annotate(raw, f, []);
    const ref = raw.extends;
    if (typeof ref !== 'string' || !ref)
      throw new InvalidInputError([{ file: f, path: 'extends', message: 'expected the id of a built-in profile or the path of a profile file' }]);
    if (depth >= MAX_DEPTH) throw new InvalidInputError([{ file: f, path: 'extends', message: `profiles may extend at most ${MAX_DEPTH} levels deep` }]);
    let parentRaw: unknown;
    let parentFile: string;
    if (looksLikeFile(ref)) {
      if (!opts.readParent)
        throw new InvalidInputError([{ file: f, path: 'extends', message: `extends the file "${ref}", but files cannot be read here (give a built-in id)` }]);
      const where = parentRefProblem(ref);
      if (where) throw new InvalidInputError([{ file: f, path: 'extends', message: where }]);
      const got = opts.readParent(ref, f);
      parentFile = got.file;
      parentRaw = parseParent(got.text, got.file, ref, f, opts.profileKeys);
    } else {
      if (!opts.builtins.has(ref))
        throw new InvalidInputError([
          {
            file: f,
            path: 'extends',
            message: `unknown profile "${ref}" (built-ins: ${[...opts.builtins.keys()].join(', ')}; or a path to a file, e.g. ./base.json)`,
          },
        ]);
      parentFile = `builtin/${ref}.json`;
      parentRaw = opts.builtins.get(ref);
    }
    const parent = load(parentRaw, parentFile, depth + 1);
    const { extends: _omit, ...own } = raw;
    void _omit;
    if (!isObj(parent)) return annotate(own, f, []);
    // at the top only these merge (and only these does `null` remove); the rest is replaced whole
    const deep = (k: string) => k === 'requirements' || k === 'checklists' || k === 'sources';
    return mergeKeys(parent, own, f, [], deep, deep);
  };

  const value = load(json, file, 0);
  const locate = (path: readonly PathSeg[]): Origin => {
    let best: Origin = rootOrigin;
    let rest: PathSeg[] = [...path];
    let cur: unknown = value;
    for (let i = 0; i < path.length; i++) {
      if (cur === null || typeof cur !== 'object') break;
      const o = origins.get(cur)?.get(path[i]!);
      if (o) {
        best = o;
        rest = path.slice(i + 1);
      }
      cur = (cur as Record<PathSeg, unknown>)[path[i]!];
    }
    return { file: best.file, path: [...best.path, ...rest] };
  };
  return { value, locate, chain };
}

/**
 * A parent file's JSON, refused without quoting it unless it is a profile: a file that is too big,
 * not JSON, or not an object of profile keys is named, never shown (no first bytes, no key names:
 * `extends: ../../etc/passwd` must not print "root:x:0", nor a secrets file its "client_secret").
 */
function parseParent(text: string, parentFile: string, ref: string, childFile: string, profileKeys: ReadonlySet<string> | undefined): unknown {
  const refuse = (why: string) => new InvalidInputError([{ file: childFile, path: 'extends', message: `"${ref}" ${why}` }]);
  if (text.length > MAX_PROFILE_BYTES) throw refuse(`is too large for a profile (over ${MAX_PROFILE_BYTES} bytes)`);
  let value: unknown;
  try {
    value = parseJsonText(text, parentFile);
  } catch (err) {
    // a prototype key inside a profile's own sections is named where it is (its path holds profile keys only)
    const inProfile = (path: string) => profileKeys?.has(parsePath(path)[0] as string) ?? false;
    if (err instanceof InvalidInputError && err.problems.every((pr) => /^the key "[a-z_]+" is not allowed$/.test(pr.message) && inProfile(pr.path))) throw err;
    throw refuse('is not an exam profile (not valid JSON)');
  }
  if (!isObj(value)) throw refuse('is not an exam profile (not a JSON object)');
  if (profileKeys && Object.keys(value).some((k) => !profileKeys.has(k))) throw refuse('is not an exam profile (it has keys a profile does not have)');
  return value;
}

/** Re-homes problems found in the merged profile to the file and path their value came from. */
export function relocate(problems: InputProblem[], r: Resolved, mergedFile: string): InputProblem[] {
  return problems.map((pr) => {
    if (pr.file !== mergedFile) return pr;
    const o = r.locate(parsePath(pr.path));
    return { ...pr, file: o.file, path: formatPath(o.path) };
  });
}

/** "a.b[2].c" → ['a', 'b', 2, 'c'] (the inverse of formatPath) */
export function parsePath(s: string): PathSeg[] {
  const out: PathSeg[] = [];
  for (const m of s.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
