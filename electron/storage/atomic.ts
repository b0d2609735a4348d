// Durable writes: write a temp file beside the target, fsync it, rename over the target, fsync
// the folder. A crash leaves either the old file or the new one, never half of one. The file can
// be written whole (writeFileAtomic) or piece by piece (createAtomicFile: the CLI streams rows of a
// cohort summary through it without holding them).
import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A temp file being written in place of `file`: nothing is visible at `file` until commit. */
export interface AtomicFile {
  /** appends; resolves once the bytes are with the system (the caller waits on a slow disk) */
  write(data: string | Uint8Array): Promise<void>;
  /** fsync, rename over the target, fsync the folder */
  commit(): Promise<void>;
  /** closes and removes the temp file; the target is untouched */
  discard(): Promise<void>;
}

export async function createAtomicFile(file: string): Promise<AtomicFile> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // a new name of its own: O_EXCL fails on anything already there, O_NOFOLLOW on a link (where the OS has it)
  const handle = await fs.open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0), 0o600);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  // a full disk, a folder at the target, a failed rename: never leave the temp file behind
  const discard = async () => {
    await close().catch(() => {});
    await fs.rm(tmp, { force: true });
  };
  return {
    async write(data) {
      try {
        // writeFile on a handle writes all of it from the current position (partial writes retried)
        await handle.writeFile(data);
      } catch (err) {
        await discard();
        throw err;
      }
    },
    async commit() {
      try {
        try {
          await handle.sync();
        } finally {
          await close();
        }
        await fs.rename(tmp, file);
      } catch (err) {
        await discard();
        throw err;
      }
      await syncFolder(dir);
    },
    discard,
  };
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const f = await createAtomicFile(file);
  await f.write(data);
  await f.commit();
}

/** Persist a rename itself. Not possible on Windows (EPERM/EISDIR), where rename is durable enough. */
async function syncFolder(dir: string): Promise<void> {
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
