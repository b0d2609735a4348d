// A JSON document in the app data folder, validated by a zod schema on every read.
// A file that is not valid JSON or does not match the schema is moved aside (renamed to
// "<name>.corrupt-<timestamp>.json") and reported, never silently reset.
import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic';
import { moveAside, parseStored, type MovedAside } from './move-aside';

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
  ) {}

  async load(): Promise<LoadResult<z.infer<S>>> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { value: this.initial() };
      throw err;
    }
    const stored = parseStored(this.schema, text);
    if (stored.ok) return { value: stored.value };
    return { value: this.initial(), movedAside: await moveAside(this.file, stored) };
  }

  async save(value: z.infer<S>): Promise<void> {
    const checked = this.schema.parse(value);
    await writeFileAtomic(this.file, JSON.stringify(checked, null, 2) + '\n');
  }
}
