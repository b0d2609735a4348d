// Durable writes: write a temp file beside the target, fsync it, rename over the target, fsync
// the folder. A crash leaves either the old file or the new one, never half of one.
import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    // a full disk, a folder at the target, a failed rename: never leave the temp file behind
    await fs.rm(tmp, { force: true });
    throw err;
  }
  // Persist the rename itself. Not possible on Windows (EPERM/EISDIR), where rename is durable enough.
  try {
    const d = await fs.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* platform without directory fsync */
  }
}
