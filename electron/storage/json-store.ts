// A JSON document in the app data folder, read through the one guarded reader (regular file only,
// size cap) and validated by a zod schema on every read. A file that is a pipe or device, too large,
// not valid JSON or not what the schema says is moved aside (renamed to
// "<name>.corrupt-<timestamp>.json") and reported, never silently reset.
import type { z } from 'zod';
import { writeFileAtomic } from './atomic';
import { moveAside, parseStored, readStored, type MovedAside } from './move-aside';

/** Settings, preferences, checklist ticks: a few kB. A store that holds more says so. */
export const DEFAULT_STORE_BYTES = 1024 * 1024;

export interface LoadResult<T> {
  value: T;
  /** set when the stored file was unusable and moved aside */
  movedAside?: MovedAside;
}

export class JsonStore<S extends z.ZodType> {
  constructor(
    readonly file: string,
    private readonly schema: S,
    private readonly initial: () => z.infer<S>,
    /** the cap on read and on write: a file over it was not written by this app */
    readonly maxBytes = DEFAULT_STORE_BYTES,
  ) {}

  async load(): Promise<LoadResult<z.infer<S>>> {
    const read = await readStored(this.file, this.maxBytes);
    if (read.state === 'missing') return { value: this.initial() };
    if (read.state === 'refused') return { value: this.initial(), movedAside: await moveAside(this.file, read) };
    const stored = parseStored(this.schema, read.text);
    if (stored.ok) return { value: stored.value };
    return { value: this.initial(), movedAside: await moveAside(this.file, stored) };
  }

  async save(value: z.infer<S>): Promise<void> {
    const checked = this.schema.parse(value);
    const text = JSON.stringify(checked, null, 2) + '\n';
    // what could not be read back is not written
    if (Buffer.byteLength(text) > this.maxBytes) throw new Error(`${this.file}: ${Buffer.byteLength(text)} bytes is over the store's cap of ${this.maxBytes}`);
    await writeFileAtomic(this.file, text);
  }
}
