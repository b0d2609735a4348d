// Reading the parent a profile file names in `extends` ("./base.json") for the headless command:
// relative to the file that names it, size-capped. (An admin's profiles folder resolves parents
// among its own files instead: electron/storage/policy.ts.)
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidInputError, MAX_INPUT_BYTES } from '../../shared/parse-errors';
import type { ReadParent } from '../../shared/profile/load';

export function fileParentReader(opts: { cwd: string }): ReadParent {
  return (ref, from) => {
    const shown = path.join(path.dirname(from), ref);
    const full = path.resolve(opts.cwd, shown);
    const refuse = (message: string) => new InvalidInputError([{ file: from, path: 'extends', message }]);
    try {
      const st = statSync(full);
      if (!st.isFile()) throw refuse(`"${ref}" is not a file`);
      if (st.size > MAX_INPUT_BYTES) throw refuse(`"${ref}" is too large (${st.size} bytes)`);
      return { file: shown, text: readFileSync(full, 'utf8') };
    } catch (err) {
      if (err instanceof InvalidInputError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw refuse(code === 'ENOENT' ? `"${ref}" does not exist (looked for ${shown})` : `"${ref}" cannot be read: ${(err as Error).message}`);
    }
  };
}
