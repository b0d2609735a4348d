// A JSON document in the app data folder, validated by a zod schema on every read.
// A file that is not valid JSON or does not match the schema is moved aside (renamed to
// "<name>.corrupt-<timestamp>.json") and reported, never silently reset.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic';

export interface LoadResult<T> {
  value: T;
  /** set when the stored file was unusable and moved aside */
  movedAside?: { from: string; to: string; problem: string };
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
    let problem: string;
    try {
      const parsed = this.schema.safeParse(JSON.parse(text));
      if (parsed.success) return { value: parsed.data };
      problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    } catch (err) {
      problem = `not valid JSON (${(err as Error).message})`;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const to = path.join(path.dirname(this.file), `${path.basename(this.file, '.json')}.corrupt-${stamp}.json`);
    await fs.rename(this.file, to);
    return { value: this.initial(), movedAside: { from: this.file, to, problem } };
  }

  async save(value: z.infer<S>): Promise<void> {
    const checked = this.schema.parse(value);
    await writeFileAtomic(this.file, JSON.stringify(checked, null, 2) + '\n');
  }
}
