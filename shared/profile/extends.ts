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

/** Reads a parent profile named by a relative path; the platform layer supplies it (shared/ has no files). */
export type ReadParent = (ref: string, fromFile: string) => { file: string; text: string };

export interface ExtendsOptions {
  /** raw JSON of profiles that can be extended by id (the built-ins and their shared bases) */
  builtins: ReadonlyMap<string, unknown>;
  readParent?: ReadParent;
}

export interface Resolved {
  value: unknown;
  /** where the value at a path of the merged profile was written: file and path in that file */
  locate: (path: readonly PathSeg[]) => Origin;
  /** the chain of files, the author's first */
  chain: string[];
}

const MAX_DEPTH = 5;
const looksLikeFile = (s: string) => /[\\/]/.test(s) || /\.json$/i.test(s);
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
    if (Array.isArray(b) && Array.isArray(c) && byKey(b) && (c.length === 0 || byKey(c))) {
      const out: unknown[] = [];
      const from: Origin[] = [];
      // parent entries keep their origins; the child's replace, amend or remove them
      const parentOrigins = origins.get(b);
      b.forEach((e, i) => {
        out.push(e);
        from.push(parentOrigins?.get(i) ?? { file: f, path: [...p, i] });
      });
      // new entries go where the child put them: before the next inherited entry it lists after them
      let pending: Array<{ v: unknown; o: Origin }> = [];
      c.forEach((e, i) => {
        const k = keyOf(e)!;
        let at = out.findIndex((x) => keyOf(x) === k);
        const here = [...p, i];
        if (isObj(e) && e.enabled === false && at >= 0) {
          out.splice(at, 1);
          from.splice(at, 1);
          return;
        }
        if (at < 0) {
          pending.push({ v: annotate(e, f, here), o: { file: f, path: here } });
          return;
        }
        if (pending.length) {
          out.splice(at, 0, ...pending.map((x) => x.v));
          from.splice(at, 0, ...pending.map((x) => x.o));
          at += pending.length;
          pending = [];
        }
        const parentEntry = typeof out[at] === 'string' ? { id: out[at] } : out[at];
        const childEntry = typeof e === 'string' ? { id: e } : e;
        out[at] = merge(parentEntry, childEntry, f, here, true);
        from[at] = { file: f, path: here };
      });
      for (const x of pending) {
        out.push(x.v);
        from.push(x.o);
      }
      from.forEach((o, i) => setOrigin(out, i, o));
      return out;
    }
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
      const got = opts.readParent(ref, f);
      parentFile = got.file;
      parentRaw = parseJsonText(got.text, got.file);
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
