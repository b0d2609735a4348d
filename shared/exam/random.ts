// Deterministic randomness: the same seed gives the same questions, in the same order, with the
// same choice order, on every machine and after every restart (so a resumed attempt is unchanged).

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to derive independent seeds per section and question. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function seedFor(seed: number, ...parts: string[]): number {
  return hashString(`${seed >>> 0}|${parts.join('|')}`);
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  const rnd = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** n of the items, chosen and ordered by the seed (all of them, shuffled, when n is absent or too large). */
export function sample<T>(items: readonly T[], n: number | undefined, seed: number): T[] {
  const all = shuffle(items, seed);
  return n === undefined ? all : all.slice(0, Math.min(n, all.length));
}
