// Answers of program probes (`python -c …`, `chromium --version`, `Rscript --version`) kept between
// scans and between runs of the command. An answer is reused only while nothing it depends on has
// changed: the program file itself (real path, size, modification time) and every folder the probe
// said it depends on (a Python's sys.path folders: installing a package changes their listing, so
// the next scan asks that Python again). Anything unreadable or different means: ask again.
// Only successful answers are stored (deps.ts memoByFile), each for at most MAX_AGE_MS: an answer
// older than that, or stamped in the future (a clock set back), is asked again. `refresh` (the
// CLI's --no-cache) reads nothing from the file but writes every fresh answer to it.
import path from 'node:path';
import os from 'node:os';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';

const EntrySchema = z.object({
  value: z.unknown(),
  /** folders (or files) whose modification time must be unchanged; null = did not exist */
  validators: z.array(z.tuple([z.string(), z.number().nullable()])),
  /** when the answer was stored (ms since 1970); entries without one are from before ages were kept */
  storedAt: z.number().optional(),
});
const FileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), EntrySchema) });
export type CacheEntry = z.infer<typeof EntrySchema>;

export interface ProbeCache {
  /** a stored answer still young enough to use */
  get(key: string): CacheEntry | undefined;
  set(key: string, entry: Omit<CacheEntry, 'storedAt'>): void;
  /** forget a key (its program failed this time) */
  delete(key: string): void;
  /** persist if anything changed (no-op for in-memory caches) */
  flush(): Promise<void>;
}

/** A week: a program updated in place keeps its size and time only by accident, but not for ever. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface CacheOptions {
  /** the clock (tests pass their own) */
  now?: () => number;
  maxAgeMs?: number;
  /** read nothing, write every answer: `check --no-cache` refreshes the cache */
  refresh?: boolean;
}

const young = (e: CacheEntry, now: number, maxAgeMs: number) => e.storedAt !== undefined && e.storedAt <= now && now - e.storedAt <= maxAgeMs;

function entries(initial: Record<string, CacheEntry>, opts: CacheOptions) {
  const now = opts.now ?? Date.now;
  const maxAgeMs = opts.maxAgeMs ?? MAX_AGE_MS;
  const map = new Map<string, CacheEntry>(Object.entries(initial).filter(([, e]) => young(e, now(), maxAgeMs)));
  return {
    map,
    get: (k: string) => {
      const e = opts.refresh ? undefined : map.get(k);
      return e && young(e, now(), maxAgeMs) ? e : undefined;
    },
    set: (k: string, e: Omit<CacheEntry, 'storedAt'>) => void map.set(k, { ...e, storedAt: now() }),
  };
}

export function memoryCache(opts: CacheOptions = {}): ProbeCache {
  const c = entries({}, opts);
  return { get: c.get, set: c.set, delete: (k) => void c.map.delete(k), flush: async () => {} };
}

/** The per-user cache folder of the OS (never shared, never sent anywhere). */
export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? path.join(home, '.cache'));
  return path.join(base, 'exam-preflight', 'probe-cache.json');
}

/**
 * A cache backed by a file; a missing or damaged file is simply an empty cache (it is only a cache).
 * Entries past their age are dropped on reading, and failed answers are never in it.
 */
export async function fileCache(file: string, opts: CacheOptions = {}): Promise<ProbeCache> {
  let initial: Record<string, CacheEntry> = {};
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    // a stored failure (written by an earlier version) is never an answer
    if (parsed.success) initial = Object.fromEntries(Object.entries(parsed.data.entries).filter(([, e]) => (e.value as { ok?: unknown } | null)?.ok === true));
  } catch {
    /* no cache yet */
  }
  const c = entries(initial, opts);
  let dirty = opts.refresh === true || Object.keys(initial).length !== c.map.size;
  return {
    get: c.get,
    set: (k, e) => {
      c.set(k, e);
      dirty = true;
    },
    delete: (k) => {
      if (c.map.delete(k)) dirty = true;
    },
    flush: async () => {
      if (!dirty) return;
      dirty = false;
      await writeFileAtomic(file, JSON.stringify({ version: 1, entries: Object.fromEntries(c.map) })).catch(() => {
        /* read-only home: run uncached */
      });
    },
  };
}
