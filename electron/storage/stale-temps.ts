// Temp files of saves that were killed or failed (writeFileAtomic names them
// ".<name>.<pid>.<8 hex>.tmp" beside the target) are removed when the handlers start: those of a
// process that no longer runs at once, any other after an hour (a live save takes milliseconds).
// The current process's fresh ones are left alone: a save may be under way.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const STALE_AFTER_MS = 60 * 60 * 1000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
};

/** Removes stale temp files in `dir` and its sub-folders (3 levels); returns the files removed. */
export async function cleanStaleTempFiles(dir: string, now = Date.now(), depth = 3): Promise<string[]> {
  const removed: string[] = [];
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0) removed.push(...(await cleanStaleTempFiles(full, now, depth - 1)));
    const m = e.isFile() ? TEMP.exec(e.name) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    try {
      const age = now - (await fs.stat(full)).mtimeMs;
      const stale = pid === process.pid || alive(pid) ? age > STALE_AFTER_MS : true;
      if (stale) {
        await fs.rm(full, { force: true });
        removed.push(full);
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return removed;
}
