// The headless command run in-process, as the tests drive it: what it prints on stdout and stderr
// and its exit code. By default it inspects the good Windows laptop at a fixed time with no policy;
// a test passes what it needs instead (its facts, a policy, network deps, an environment).
import { runCli, type CliIo } from '../../../electron/cli/run';
import type { Facts } from '../../../shared/facts';
import { machines } from '../../fixtures/facts/machines';

export interface InProcess extends Partial<Omit<CliIo, 'stdout' | 'stderr'>> {
  cwd: string;
  /** the machine `check` inspects (default: the good Windows laptop) */
  facts?: Facts;
  /** stdout is a terminal (colour) */
  isTTY?: boolean;
  /** the terminal's width (stdout's and stderr's columns) */
  columns?: number;
  /** stderr is a terminal (the progress line is drawn) */
  stderrTTY?: boolean;
}

export async function runInProcess(argv: string[], o: InProcess): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const { facts, isTTY, columns, stderrTTY, ...rest } = o;
  const io: CliIo = {
    env: {},
    inspect: async () => facts ?? machines.good(),
    now: () => new Date('2026-11-20T10:00:00Z'),
    ...rest,
    stdout: { write: (s: string) => (stdout += s), isTTY, columns },
    stderr: { write: (s: string) => (stderr += s), isTTY: stderrTTY, columns },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
