// Reading the parent a profile file names in `extends` ("./base.json") for the headless command:
// relative to the file that names it, beside it or below its folder (shared/profile/extends.ts
// refuses "..", absolute paths and URLs before asking), size-capped like a profile. A link that
// leads out of that folder is refused, and what a refused file holds is never quoted. (An admin's
// profiles folder resolves parents among its own files instead: electron/storage/policy.ts.)
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../../shared/parse-errors';
import { MAX_PROFILE_BYTES, parentRefProblem } from '../../shared/profile/extends';
import type { ReadParent } from '../../shared/profile/load';

const inside = (folder: string, file: string) => {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

export function fileParentReader(opts: { cwd: string }): ReadParent {
  return (ref, from) => {
    const refuse = (message: string) => new InvalidInputError([{ file: from, path: 'extends', message }]);
    // shared/ checks this before asking; checked again here, as this reader touches the disk
    const where = parentRefProblem(ref);
    if (where) throw refuse(where);
    const shown = path.join(path.dirname(from), ref);
    const full = path.resolve(opts.cwd, shown);
    const folder = path.resolve(opts.cwd, path.dirname(from));
    try {
      // links are followed only while they stay in the naming profile's folder
      const realFolder = realpathSync(folder);
      const real = realpathSync(full);
      if (!inside(realFolder, real))
        throw refuse(`"${ref}" leads out of this profile's folder (a link); a parent must be beside the profile or below its folder`);
      if (!statSync(real).isFile()) throw refuse(`"${ref}" is not a file`);
      const fd = openSync(real, 'r');
      try {
        const st = fstatSync(fd);
        if (!st.isFile()) throw refuse(`"${ref}" is not a file`);
        if (st.size > MAX_PROFILE_BYTES) throw refuse(`"${ref}" is too large for a profile (${st.size} bytes; the limit is ${MAX_PROFILE_BYTES})`);
        // at most one byte over the cap, whatever the file grew to since
        const buf = Buffer.alloc(Math.min(st.size, MAX_PROFILE_BYTES) + 1);
        const n = readSync(fd, buf, 0, buf.length, 0);
        if (n > MAX_PROFILE_BYTES) throw refuse(`"${ref}" is too large for a profile (over ${MAX_PROFILE_BYTES} bytes)`);
        return { file: shown, text: buf.subarray(0, n).toString('utf8') };
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if (err instanceof InvalidInputError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      // the OS's reason only (its message names the path, which the author wrote anyway)
      throw refuse(code === 'ENOENT' ? `"${ref}" does not exist (looked for ${shown})` : `"${ref}" cannot be read (${code ?? 'error'})`);
    }
  };
}
