// "State that survives a crash": a process holding an attempt is killed with SIGKILL mid-section
// (no chance to flush or clean up); fresh handlers over the same data folder resume it with every
// saved answer and the right remaining time, or submit it at its deadline if that has passed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createExamHandlers } from '../../../electron/handlers/exam';

const CHILD = path.join(import.meta.dirname, 'crash', 'child.ts');
const T0 = Date.UTC(2026, 11, 1, 14, 0, 0);
const MIN = 60_000;

interface ChildReport {
  attemptId: string;
  sectionId: string;
  saved: Record<string, string | string[]>;
  deadline: number;
  limitMs: number;
}

/** Runs the child until it reports, then SIGKILLs it. Resolves with its report. */
function runAndKill(dataDir: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(T0)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      child.once('exit', (_code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`child ended by ${signal}`));
        else resolve(JSON.parse(line) as ChildReport);
      });
      child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited (${code}) before reporting: ${stderr}`));
    });
  });
}

const handlersAt = (dataDir: string, now: number) => createExamHandlers({ dataDir, appVersion: 'test', emit: () => {}, now: () => now });

describe('mock exam after a crash', () => {
  it('resumes with every saved answer and the remaining time counted from the stored deadline', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-crash-'));
    const r = await runAndKill(dir);
    expect(r.limitMs).toBe((120 + 30) * MIN); // two hours plus the 30 extra minutes
    expect(r.deadline).toBe(T0 + r.limitMs);
    // no temp files left half-written next to the attempt
    expect(readdirSync(path.join(dir, ...attemptFolder(dir))).filter((f) => f.includes('.tmp'))).toEqual([]);

    // the app comes back 50 minutes after the section opened: the clock kept running meanwhile
    const later = T0 + 50 * MIN;
    const view = await handlersAt(dir, later).getAttempt(r.attemptId);
    const s = view.sections.find((x) => x.id === r.sectionId)!;
    expect(s.status).toBe('open');
    expect(s.answers).toEqual(r.saved);
    expect(s.flags).toHaveLength(1);
    expect(s.deadline! - later).toBe(100 * MIN);
  }, 30_000);

  it('submits the section at its deadline, with what was saved, when the app returns too late', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-crash-'));
    const r = await runAndKill(dir);
    const view = await handlersAt(dir, r.deadline + 5 * MIN).getAttempt(r.attemptId);
    const s = view.sections.find((x) => x.id === r.sectionId)!;
    expect(s.status).toBe('expired');
    expect(s.closedAt).toBe(r.deadline);
    expect(s.answers).toEqual(r.saved);
    // the results are there: the closed section reveals its solutions and its pacing
    expect(s.questions.every((q) => q.solution)).toBe(true);
    expect(s.pacing?.usedMs).toBe(r.limitMs);
  }, 30_000);
});

describe('mock exam hidden by policy', () => {
  it('refuses to start an attempt', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-hidden-'));
    const h = createExamHandlers({ dataDir: dir, appVersion: 'test', emit: () => {}, now: () => T0 }, { hidden: true });
    await expect(h.startAttempt('mitx-pom-final', { kind: 'none' })).rejects.toThrow(/turned off by the administrator/);
  });
});

/** the attempts folder relative to the data folder (wherever the store keeps it) */
function attemptFolder(dir: string): string[] {
  const found = readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('bank'));
  return found ? [path.relative(dir, found.parentPath)] : [];
}
