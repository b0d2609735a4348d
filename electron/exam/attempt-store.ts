// One file per mock exam attempt: <dataDir>/exam/attempts/<attemptId>.json, rewritten atomically
// on every change (each answer is on disk before the call returns). A file that is not valid JSON
// or not a valid attempt is moved aside ("<id>.corrupt-<stamp>.json") and reported, never reset.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic';
import { moveAside, parseStored, readStored, type MovedAside } from '../storage/move-aside';
import { msg } from '../../shared/check';
import { MessageError } from '../../shared/errors';
import { serialized } from '../storage/file-queue';
import { AttemptSchema, type Attempt } from '../../shared/exam/attempt';

export type { MovedAside } from '../storage/move-aside';

/** An attempt holds one exam's questions and answers: never more than a bank (20 MB) and its answers. */
export const MAX_ATTEMPT_BYTES = 32 * 1024 * 1024;

/**
 * Saves per attempt file by any store in this process. An inode alone cannot tell that another
 * store saved: after two renames the file system may hand the first inode number out again (seen
 * when two handler sets checkpoint the same attempt), so a cached copy also needs the save count.
 */
const savesOf = new Map<string, number>();

export class AttemptStore {
  readonly dir: string;
  private readonly cache = new Map<string, Attempt>();
  /** the file's inode when cached: every save renames a new file in, so another writer's save shows */
  private readonly cachedIno = new Map<string, bigint>();
  /** the process-wide save count of the file when cached */
  private readonly cachedSaves = new Map<string, number>();
  readonly movedAside: MovedAside[] = [];

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'exam', 'attempts');
  }

  fileOf(id: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`invalid attempt id "${id}"`);
    return path.join(this.dir, `${id}.json`);
  }

  async load(id: string): Promise<Attempt | null> {
    const cached = this.cache.get(id);
    const file = this.fileOf(id);
    if (cached) {
      // another handler set on this folder may have saved since: then read the file again
      const ino = await fs.stat(file, { bigint: true }).then(
        (st) => st.ino,
        () => null,
      );
      if (ino !== null && ino === this.cachedIno.get(id) && (savesOf.get(file) ?? 0) === this.cachedSaves.get(id)) return cached;
      this.cache.delete(id);
    }
    const read = await readStored(file, MAX_ATTEMPT_BYTES);
    if (read.state === 'missing') return null;
    if (read.state === 'refused') {
      this.movedAside.push(await moveAside(file, read, new Date(), '.json.bak'));
      return null;
    }
    const attempt = await this.parseOrMoveAside(file, read.text);
    if (attempt) await this.remember(attempt);
    return attempt;
  }

  async save(attempt: Attempt): Promise<void> {
    const file = this.fileOf(attempt.id);
    await writeFileAtomic(file, JSON.stringify(attempt));
    savesOf.set(file, (savesOf.get(file) ?? 0) + 1);
    await this.remember(attempt);
  }

  private async remember(attempt: Attempt): Promise<void> {
    const ino = await fs.stat(this.fileOf(attempt.id), { bigint: true }).then(
      (st) => st.ino,
      () => null,
    );
    if (ino === null) return;
    this.cache.set(attempt.id, attempt);
    this.cachedIno.set(attempt.id, ino);
    this.cachedSaves.set(attempt.id, savesOf.get(this.fileOf(attempt.id)) ?? 0);
  }

  /** Runs fn with exclusive access to one attempt; its result is saved when it differs. */
  update(id: string, fn: (a: Attempt) => Attempt): Promise<Attempt> {
    // one at a time per file across every store in this process (two handler sets on one folder too)
    return serialized(this.fileOf(id), async () => {
      const a = await this.load(id);
      if (!a) throw new MessageError(msg('errors:noAttempt'), `no attempt "${id}"`);
      const b = fn(a);
      if (b !== a) await this.save(b);
      return b;
    });
  }

  /** Every readable attempt; unreadable files are moved aside and listed in movedAside. */
  async list(): Promise<Attempt[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: Attempt[] = [];
    for (const name of names.filter((n) => /^[A-Za-z0-9-]{1,64}\.json$/.test(n))) {
      const a = await this.load(name.slice(0, -5));
      if (a) out.push(a);
    }
    return out.sort((x, y) => y.createdAt - x.createdAt);
  }

  private async parseOrMoveAside(file: string, text: string): Promise<Attempt | null> {
    const stored = parseStored(AttemptSchema, text, 5);
    if (stored.ok) return stored.value;
    this.movedAside.push(await moveAside(file, stored, new Date(), '.json.bak'));
    return null;
  }
}
