// The install's log: one line per event, redacted like a report, no control characters, rotated
// at 1 MB into one archive; the headless command's --log writes the same lines.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileLogger, formatLine, readLogTail } from '../../../electron/log/logger';
import { runCli } from '../../../electron/cli/run';
import { machines } from '../../fixtures/facts/machines';

describe('log lines', () => {
  it('are redacted like a report: user, host, serial, MAC, home folders', () => {
    const line = formatLine(
      'probe',
      { error: 'C:\\Users\\maria\\AppData\\x.exe failed on MARIA-LAPTOP (aa:bb:cc:dd:ee:ff) serial SN12345' },
      { username: 'maria', hostname: 'MARIA-LAPTOP', serial: 'SN12345' },
    );
    expect(line).not.toMatch(/maria|MARIA-LAPTOP|SN12345|dd:ee:ff/i);
    expect(line).toContain('aa:bb:cc:xx:xx:xx');
  });
  it('stay on one line whatever a value holds (no CR/LF/ESC), and long values are cut', () => {
    const line = formatLine('probe', { error: 'a\nb\r\x1b[2Jc', long: 'x'.repeat(5000) });
    expect(line).not.toMatch(/[\n\r\x1b]/);
    expect(line.length).toBeLessThan(700);
  });
});

describe('file logger', () => {
  it('writes redacted lines and reads the tail back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'log-'));
    const file = path.join(dir, 'logs', 'main.log');
    const log = await createFileLogger(file, { username: 'zoe' });
    log.log('info', 'scan', { profile: 'mitx-sds-ml', path: '/home/zoe/x' });
    log.log('warn', 'probe', { area: 'software', status: 'timeout' });
    await log.flush();
    const lines = await readLogTail(file);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\[info\]\s+scan profile=mitx-sds-ml path=\/home\/~\/x/);
    expect(lines[1]).toMatch(/\[warn\]\s+probe area=software status=timeout/);
  });
  it('rotates at 1 MB into <name>.old.log, and the tail reads across both', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'log-'));
    const file = path.join(dir, 'main.log');
    writeFileSync(file, `${'filler line\n'.repeat(95_000)}`); // ~1.1 MB already there
    const log = await createFileLogger(file, {});
    log.log('info', 'after-rotation');
    await log.flush();
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.old.log']);
    expect(readFileSync(file, 'utf8')).toContain('after-rotation');
    const tail = await readLogTail(file, 3);
    expect(tail.at(-1)).toContain('after-rotation');
    expect(tail[0]).toBe('filler line');
  });
});

describe('exam-preflight check --log FILE', () => {
  it('writes the probe timings and errors, redacted, to the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-log-'));
    const facts = machines.probeTimeouts();
    facts.device.username = 'andrei';
    let out = '';
    const code = await runCli(['check', '--profile', 'mitx-sds-capstone', '--log', 'check.log', '--format', 'json'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {},
      cwd: dir,
      inspect: async () => facts,
    });
    expect([0, 1]).toContain(code);
    const text = readFileSync(path.join(dir, 'check.log'), 'utf8');
    expect(text).toMatch(/scan profile=mitx-sds-capstone/);
    expect(text).toMatch(/\[warn\]\s+probe area=\w+ status=timeout/);
    expect(text).not.toContain('andrei');
    expect(JSON.parse(out).profile.id).toBe('mitx-sds-capstone'); // stdout is still the report alone
  });
});
