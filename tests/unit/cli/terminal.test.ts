// issue 25 "Colour", "Progress" and "--quiet": colour by NO_COLOR / FORCE_COLOR / --color / TERM
// and the terminal, decided in one place; the progress line of `check` (areas, the area it waits
// for) and of the network test (seconds left); --quiet printing the verdict line alone.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { colourWanted, outputWidth } from '../../../electron/cli/terminal';
import { inspectionText, networkText, trackInspection, trackNetwork } from '../../../electron/cli/step-progress';
import { createProgress } from '../../../electron/cli/progress';
import { createI18n } from '../../../shared/i18n';
import { FACT_AREAS, type Facts } from '../../../shared/facts';
import { machines } from '../../fixtures/facts/machines';
import { runInProcess } from './in-process';
import type { CliIo } from '../../../electron/cli/context';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-term-'));
const ESC = '\x1b[';

describe('colour: one decision', () => {
  // [flag, env, stdout is a TTY, colour]
  const table: [boolean | undefined, NodeJS.ProcessEnv, boolean, boolean][] = [
    [undefined, {}, true, true],
    [undefined, {}, false, false], // a pipe stays plain
    [undefined, { NO_COLOR: '1' }, true, false], // NO_COLOR on a terminal
    [undefined, { NO_COLOR: 'yes' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true], // empty NO_COLOR is not set (no-color.org)
    [undefined, { FORCE_COLOR: '1' }, false, true], // FORCE_COLOR in a pipe
    [undefined, { FORCE_COLOR: '2' }, false, true],
    [undefined, { FORCE_COLOR: '3' }, false, true],
    [undefined, { FORCE_COLOR: 'true' }, false, true],
    [undefined, { FORCE_COLOR: '' }, false, true], // as Node: empty means 16 colours
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true], // as Node: FORCE_COLOR wins
    [undefined, { TERM: 'dumb' }, true, false],
    [undefined, { TERM: 'dumb', FORCE_COLOR: '1' }, false, true],
    [false, { FORCE_COLOR: '1' }, true, false], // --no-color wins over everything
    [true, { NO_COLOR: '1' }, false, true], // --color too
  ];
  it.each(table)('flag %s, env %o, TTY %s → %s', (flag, env, isTTY, want) => {
    expect(colourWanted({ flag, env, isTTY })).toBe(want);
  });
});

describe('output width', () => {
  it("the terminal's columns on a TTY, else COLUMNS, else 80; never below 20", () => {
    expect(outputWidth({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(outputWidth({ isTTY: true, columns: 132 }, { COLUMNS: '70' })).toBe(132);
    expect(outputWidth({ isTTY: false, columns: 132 }, {})).toBe(80);
    expect(outputWidth({}, { COLUMNS: '100' })).toBe(100);
    expect(outputWidth({}, { COLUMNS: 'wide' })).toBe(80);
    expect(outputWidth({}, { COLUMNS: '0' })).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 8 }, {})).toBe(20);
  });
});

const check = (
  argv: string[],
  o: { facts?: Facts; env?: NodeJS.ProcessEnv; isTTY?: boolean; stderrTTY?: boolean; inspect?: CliIo['inspect']; columns?: number } = {},
) => runInProcess(['check', '--profile', 'mitx-sds-capstone', ...argv], { cwd: tmp, ...o });

describe('colour in the CLI', () => {
  // [env, stdout is a TTY, escape codes expected]
  const matrix: [NodeJS.ProcessEnv, boolean, boolean][] = [
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '1' }, false, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '1' }, true, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ TERM: 'dumb' }, true, false],
  ];
  it.each(matrix)('env %o, stdout TTY %s → escape codes %s', async (env, isTTY, codes) => {
    const r = await check([], { env, isTTY });
    expect(r.code).toBe(0);
    expect(r.stdout.includes(ESC)).toBe(codes);
  });

  it('--color in a pipe and --no-color on a terminal; a file written with --out stays plain', async () => {
    expect((await check(['--color'])).stdout).toContain(ESC);
    expect((await check(['--no-color'], { isTTY: true, env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    const out = path.join(tmp, 'report.txt');
    const r = await check(['--out', out], { isTTY: true });
    expect(r.stdout).toBe('');
    expect((await import('node:fs')).readFileSync(out, 'utf8')).not.toContain(ESC);
  });
});

describe('--quiet', () => {
  it('check and evaluate print only the verdict line, with the same exit code', async () => {
    const ready = await check(['--quiet']);
    expect(ready).toMatchObject({ code: 0, stdout: "Ready: this computer meets the exam's requirements.\n", stderr: '' });
    const notReady = await check(['-q', '--lang', 'es'], { facts: machines.surfaceLaptop() });
    expect(notReady.code).toBe(1);
    expect(notReady.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(notReady.stdout).toMatch(/^No está lista/);
    const full = await check([], { facts: machines.surfaceLaptop() });
    expect(full.code).toBe(1);
    expect(full.stdout.split('\n').length).toBeGreaterThan(5);
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(tmp, 'surface.json'), JSON.stringify(machines.surfaceLaptop()));
    const evaluated = await runInProcess(['evaluate', '--facts', 'surface.json', '--profile', 'mitx-sds-capstone', '--quiet'], { cwd: tmp });
    expect(evaluated).toMatchObject({ code: 1, stdout: 'Not ready: fix the failed checks above, then run the check again.\n', stderr: '' });
    // on a terminal the one sentence wraps at its width like the rest
    const narrow = await check(['-q'], { facts: machines.surfaceLaptop(), isTTY: true, columns: 40, env: { NO_COLOR: '1' } });
    expect(narrow.stdout.trimEnd().split('\n').length).toBeGreaterThan(1);
    for (const l of narrow.stdout.trimEnd().split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(40);
  });

  it('--format json is unchanged by --quiet; --out keeps the file and says nothing', async () => {
    const json = await check(['--format', 'json']);
    const quietJson = await check(['--format', 'json', '--quiet']);
    expect(quietJson.stdout).toBe(json.stdout);
    const out = path.join(tmp, 'quiet.json');
    const written = await check(['--format', 'json', '--quiet', '--out', out]);
    expect(written).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')).verdict).toBe('ready');
  });

  it('profile validate --quiet says nothing for a valid file and still lists problems', async () => {
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(tmp, 'bad.json'), '{"id": 3}');
    const ok = await runInProcess(['profile', 'validate', 'mitx-sds-ml', '--quiet'], { cwd: tmp });
    expect(ok).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const bad = await runInProcess(['profile', 'validate', 'bad.json', '-q'], { cwd: tmp });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json:');
  });
});

describe('progress on stderr', () => {
  // a fake inspection that reports its areas landing one by one, the last one slowest
  const landing: CliIo['inspect'] = async (_req, o = {}) => {
    const facts = machines.good();
    for (const area of FACT_AREAS) o.onArea?.(area, facts[area] as never);
    return facts;
  };

  it('check draws the areas done on a terminal and erases the line; nothing on a pipe or with --quiet', async () => {
    const tty = await check([], { stderrTTY: true, inspect: landing });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain(`\r${ESC}KChecking this computer: 0 of ${FACT_AREAS.length} areas`);
    expect(tty.stderr.endsWith(`\r${ESC}K`)).toBe(true);
    expect(tty.stdout).not.toContain('\r');
    for (const o of [{ stderrTTY: false }, { stderrTTY: true, quiet: true }]) {
      const r = await check(o.quiet ? ['--quiet'] : [], { stderrTTY: o.stderrTTY, inspect: landing });
      expect(r.stderr).toBe('');
    }
  });

  it('names the area it waits for, and how many more', () => {
    const en = createI18n('en');
    expect(inspectionText(en, { done: 9, total: 10, waiting: ['software'], seconds: 12 })).toBe(
      'Checking this computer: 9 of 10 areas, 12 s · waiting for the installed software',
    );
    expect(inspectionText(createI18n('es'), { done: 7, total: 10, waiting: ['browsers', 'software', 'processes'], seconds: 3 })).toBe(
      'Revisando esta computadora: 7 de 10 áreas, 3 s · esperando los navegadores instalados y 2 más',
    );
    expect(inspectionText(en, { done: 10, total: 10, waiting: [], seconds: 4 })).toBe('Checking this computer: 10 of 10 areas, 4 s');
    expect(networkText(createI18n('pt'), { phase: 'download', secondsLeft: 18 })).toBe('Medindo a rede: velocidade de download · faltam 18 s');
  });

  it('the inspection tracker follows the areas landing and the clock', () => {
    let t = 0;
    const out: string[] = [];
    const track = trackInspection({ isTTY: true, columns: 120, write: (s) => out.push(s) }, createI18n('en'), ['os', 'software', 'browsers'], {
      now: () => t,
      ticker: () => () => {},
    });
    t = 1500;
    track.landed('os');
    t = 7200;
    track.landed('browsers');
    track.stop();
    expect(out).toEqual([
      `\r${ESC}KChecking this computer: 0 of 3 areas, 0 s · waiting for the operating system and 2 more`,
      `\r${ESC}KChecking this computer: 1 of 3 areas, 1 s · waiting for the installed software and 1 more`,
      `\r${ESC}KChecking this computer: 2 of 3 areas, 7 s · waiting for the installed software`,
      `\r${ESC}K`,
    ]);
  });

  it('the network tracker counts the seconds left of the budget', () => {
    let t = 0;
    const out: string[] = [];
    const track = trackNetwork({ isTTY: true, columns: 120, write: (s) => out.push(s) }, createI18n('en'), 30_000, { now: () => t, ticker: () => () => {} });
    t = 12_400;
    track.phase('download');
    t = 40_000;
    track.phase('upload');
    track.stop();
    expect(out).toEqual([
      `\r${ESC}KMeasuring the network: exam sites and UDP · 30 s left`,
      `\r${ESC}KMeasuring the network: download speed · 18 s left`,
      `\r${ESC}KMeasuring the network: upload speed · 0 s left`,
      `\r${ESC}K`,
    ]);
  });

  it('cuts a long line by display width (CJK and emoji take two columns) and marks the cut', () => {
    const out: string[] = [];
    createProgress({ isTTY: true, columns: 21, write: (s) => out.push(s) }).update('読み込み中 ファイル 🚀🚀 一二三四五六七八九十');
    const line = out[0]!.slice(`\r${ESC}K`.length);
    expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(line.endsWith('…')).toBe(true);
    expect(line.startsWith('読み込み中 ファイル')).toBe(true);
  });
});
