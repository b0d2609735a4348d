// Running the headless command in-process for the hardening tests (issue 13).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Facts } from '../../../shared/facts';
import type { LoadedPolicy } from '../../../electron/storage/policy';
import { runInProcess } from '../cli/in-process';

export const tmpDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `preflight-${prefix}-`));

export async function runIn(cwd: string, argv: string[], opts: { facts?: Facts; loadPolicy?: () => Promise<LoadedPolicy>; isTTY?: boolean } = {}) {
  return runInProcess(argv, { cwd, ...opts });
}

export const writeIn = (dir: string, name: string, content: string) => {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};
