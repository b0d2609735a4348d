// Running the headless command in-process for the hardening tests (issue 13).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../../electron/cli/run';
import { machines } from '../../fixtures/facts/machines';
import type { Facts } from '../../../shared/facts';
import type { LoadedPolicy } from '../../../electron/storage/policy';

export const tmpDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `preflight-${prefix}-`));

export async function runIn(cwd: string, argv: string[], opts: { facts?: Facts; loadPolicy?: () => Promise<LoadedPolicy>; isTTY?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.isTTY },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
    inspect: async () => opts.facts ?? machines.good(),
    now: () => new Date('2026-11-20T10:00:00Z'),
    ...(opts.loadPolicy ? { loadPolicy: opts.loadPolicy } : {}),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

export const writeIn = (dir: string, name: string, content: string) => {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};
