// Opening a path an admin named for a command run as root or SYSTEM (`--out`, `--log`), often in a
// folder a learner can write: the last part of the path is never followed if it is a link (a
// learner's link would make the command write over a system file). O_NOFOLLOW where the OS has it
// (the check and the open are one step, no race); on Windows the path is checked with lstat first.
// Shared by output.ts and append-file.ts so both refuse the same things in the same way.
import { promises as fs, constants, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export interface NoFollowDeps {
  open: (file: string, flags: number, mode: number) => Promise<FileHandle>;
  lstat: (file: string) => Promise<Stats>;
  /** O_NOFOLLOW; undefined on Windows */
  noFollow: number | undefined;
}

export const realNoFollowDeps: NoFollowDeps = {
  open: (f, flags, mode) => fs.open(f, flags, mode),
  lstat: (f) => fs.lstat(f),
  noFollow: constants.O_NOFOLLOW,
};

/** lstat, with a missing file as null */
export const lstatOrNull = (file: string, lstat: NoFollowDeps['lstat'] = realNoFollowDeps.lstat): Promise<Stats | null> =>
  lstat(file).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));

/**
 * Opens `file` with `flags` plus O_NOFOLLOW; a link as the last part of the path gives
 * `refuseLink()` (ELOOP on Linux, EMLINK on the BSDs and macOS). Other errors are thrown as they are.
 */
export async function openNoFollow(file: string, flags: number, mode: number, d: NoFollowDeps, refuseLink: () => Error): Promise<FileHandle> {
  if (d.noFollow === undefined && (await lstatOrNull(file, d.lstat))?.isSymbolicLink()) throw refuseLink();
  try {
    return await d.open(file, flags | (d.noFollow ?? 0), mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw refuseLink();
    throw err;
  }
}

/**
 * A regular file with other names (hard links): the other name may be a system file a learner
 * linked into their folder. Writing through it would change that file; replacing it would silently
 * cut the admin's file off from the name they named. Either way it is refused, never guessed at.
 */
export const hasOtherNames = (st: Stats): boolean => st.isFile() && st.nlink > 1;

/**
 * Whether this process may write where its user could not (root). Windows has no cheap answer
 * (an elevated shell or SYSTEM look like anyone else to Node), so it is assumed there.
 */
export const isPrivileged = (): boolean => (process.getuid ? process.getuid() === 0 : true);
