// Answers of program probes (`python -c …`, `chromium --version`, `Rscript --version`) kept between
// scans and between runs of the command. An answer is reused only while nothing it depends on has
// changed: the program file itself (real path, size, modification time) and every folder the probe
// said it depends on (a Python's sys.path folders: installing a package changes their listing, so
// the next scan asks that Python again). Anything unreadable or different means: ask again.
import path from 'node:path';
import os from 'node:os';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';

const EntrySchema = z.object({
  value: z.unknown(),
  /** folders (or files) whose modification time must be unchanged; null = did not exist */
  validators: z.array(z.tuple([z.string(), z.number().nullable()])),
});
const FileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), EntrySchema) });
export type CacheEntry = z.infer<typeof EntrySchema>;

export interface ProbeCache {
  get(key: string): CacheEntry | undefined;
  set(key: string, entry: CacheEntry): void;
  /** persist if anything changed (no-op for in-memory caches) */
  flush(): Promise<void>;
}

export function memoryCache(): ProbeCache {
  const map = new Map<string, CacheEntry>();
  return { get: (k) => map.get(k), set: (k, e) => void map.set(k, e), flush: async () => {} };
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

/** A cache backed by a file; a missing or damaged file is simply an empty cache (it is only a cache). */
export async function fileCache(file: string): Promise<ProbeCache> {
  let entries: Record<string, CacheEntry> = {};
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    if (parsed.success) entries = parsed.data.entries;
  } catch {
    /* no cache yet */
  }
  let dirty = false;
  return {
    get: (k) => entries[k],
    set: (k, e) => {
      entries[k] = e;
      dirty = true;
    },
    flush: async () => {
      if (!dirty) return;
      dirty = false;
      await writeFileAtomic(file, JSON.stringify({ version: 1, entries })).catch(() => {
        /* read-only home: run uncached */
      });
    },
  };
}
