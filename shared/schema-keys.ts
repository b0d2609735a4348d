// The keys a zod schema allows at a place in a document ("requirements.hardware" → minCpuCores,
// minRamGb, …), for the nearest-name hint on an unknown key. Follows objects, lists, records,
// optional/nullable/default wrappers, pipes, lazies and every branch of a union; what it cannot
// follow gives no keys (and so no hint), never a wrong one.
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | null => (s as { _zod?: { def?: Def } } | null)?._zod?.def ?? null;

/** the schemas a value at this node may be checked against, wrappers removed (bounded: a lazy loop ends) */
function unwrap(schema: unknown, out: unknown[], budget = { left: 200 }): unknown[] {
  const def = defOf(schema);
  if (!def || budget.left-- <= 0) return out;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unwrap(def.innerType, out, budget);
    case 'pipe':
      return unwrap(def.in, out, budget);
    case 'lazy':
      return unwrap((def.getter as () => unknown)(), out, budget);
    case 'union':
      for (const o of def.options as unknown[]) unwrap(o, out, budget);
      return out;
    case 'intersection':
      unwrap(def.left, out, budget);
      return unwrap(def.right, out, budget);
    default:
      out.push(schema);
      return out;
  }
}

/** The keys allowed in the object at `path` (empty when the place is not an object the schema knows). */
export function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let nodes = unwrap(schema, []);
  for (const seg of path.slice(0, 32)) {
    const next: unknown[] = [];
    for (const n of nodes) {
      const def = defOf(n)!;
      if (def.type === 'object' && typeof seg === 'string') {
        const child = (def.shape as Record<string, unknown>)[seg];
        if (child && Object.hasOwn(def.shape as object, seg)) unwrap(child, next);
      } else if (def.type === 'array' && typeof seg === 'number') unwrap(def.element, next);
      else if (def.type === 'record') unwrap(def.valueType, next);
      else if (def.type === 'tuple' && typeof seg === 'number') unwrap((def.items as unknown[])[seg], next);
    }
    nodes = next;
  }
  const keys = new Set<string>();
  for (const n of nodes) {
    const def = defOf(n)!;
    if (def.type === 'object') for (const k of Object.keys(def.shape as object)) keys.add(k);
  }
  return [...keys];
}
