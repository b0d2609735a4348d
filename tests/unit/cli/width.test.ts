// issue 25 "Width": `check` laid out for the terminal's columns (80 in a pipe), each value wrapped
// under its own column, with CJK, emoji and combining marks in the facts and the long labels of the
// Spanish and Portuguese catalogs: no line wider than the terminal, no word split, columns aligned.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../../shared/facts';
import { machines } from '../../fixtures/facts/machines';
import { runInProcess } from './in-process';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'preflight-width-'));

// values a real machine can report: a localized Windows name, a maker's model with an emoji
// (ZWJ sequence), a CPU brand with a combining accent
const OS_NAME = 'Microsoft Windows 11 Pro 日本語版 インサイダー プレビュー 🚀 Édition spéciale';
const CPU = 'Core i7-1260P プロセッサー cafe\u0301 ✨ edition';
function withWideFacts(f: Facts): Facts {
  f.os.name = OS_NAME;
  f.os.distro = OS_NAME;
  if (f.device.cpu) f.device.cpu.brand = CPU;
  f.device.model = 'ThinkPad T14 Gen 3 超軽量モデル 👩‍💻';
  return f;
}

const check = (facts: Facts, lang: string, o: { columns?: number; env?: NodeJS.ProcessEnv; isTTY?: boolean } = {}) =>
  runInProcess(['check', '--profile', 'mitx-sds-capstone', '--lang', lang], { cwd: tmp, facts, ...o });

/** display column where `needle` starts on `line` */
const columnOf = (line: string, needle: string) => stringWidth(line.slice(0, line.indexOf(needle)));
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('check at the terminal width', () => {
  const machinesToTry = { good: () => withWideFacts(machines.good()), teamViewer: () => withWideFacts(machines.teamViewer()) };

  for (const width of [80, 60, 120])
    for (const lang of ['en', 'es', 'pt'])
      it(`${width} columns, ${lang}: no line wider, no word split, values in one column`, async () => {
        for (const [name, facts] of Object.entries(machinesToTry)) {
          const narrow = await check(facts(), lang, { columns: width, isTTY: true, env: { NO_COLOR: '1' } });
          // the same facts, laid out with room to spare: every word it shows must appear whole
          const wide = await check(facts(), lang, { env: { COLUMNS: '2000' } });
          expect(narrow.code, name).toBe(wide.code);
          const lines = narrow.stdout.trimEnd().split('\n');
          for (const l of lines) expect(stringWidth(l), `${name}: ${l}`).toBeLessThanOrEqual(width);
          // only a word wider than its whole column may be broken; these are all narrower
          const shown = new Set(words(narrow.stdout));
          for (const w of words(wide.stdout).filter((w) => stringWidth(w) <= 12)) expect(shown.has(w), `${name}: "${w}" split`).toBe(true);
          // the OS name and the CPU wrap under the value column, which starts at the same place on every row
          const rows = lines.filter((l) => /^[✓!✗?] /.test(l));
          const osRow = lines.findIndex((l) => l.includes('Microsoft Windows 11'));
          expect(osRow, name).toBeGreaterThan(-1);
          const valueColumn = columnOf(lines[osRow]!, 'Microsoft');
          const memory = rows.find((l) => / GB$/.test(l));
          expect(memory, name).toBeDefined();
          expect(columnOf(memory!, memory!.match(/\S+ GB$/)![0]), `${name}: memory value`).toBe(valueColumn);
          // the OS name's later lines sit in the value column, two spaces clear of the title column
          let next = lines.findIndex((l, k) => k > osRow && /^[✓!✗?] /.test(l));
          if (next < 0) next = lines.length;
          const osLines = lines.slice(osRow, next);
          for (const l of osLines) expect(stringWidth(l) <= valueColumn || head(l, valueColumn).endsWith('  '), `${name}: ${l}`).toBe(true);
          expect(words(osLines.map((l) => tail(l, valueColumn)).join(' ')).join(' '), `${name}: OS value`).toContain(words(OS_NAME).join(' '));
        }
      });

  it('80 columns when stdout is not a terminal, COLUMNS when set, and the terminal’s own width on a TTY', async () => {
    const facts = () => withWideFacts(machines.good());
    const widest = (s: string) => Math.max(...s.split('\n').map((l) => stringWidth(l)));
    const pipe = await check(facts(), 'en', { columns: 200 });
    expect(widest(pipe.stdout)).toBeLessThanOrEqual(80);
    expect(widest(pipe.stdout)).toBeGreaterThan(60);
    expect(widest((await check(facts(), 'en', { env: { COLUMNS: '100' } })).stdout)).toBeGreaterThan(80);
    expect(widest((await check(facts(), 'en', { columns: 50, isTTY: true, env: { NO_COLOR: '1' } })).stdout)).toBeLessThanOrEqual(50);
  });
});

/** a table line up to the value column (the status and title columns) */
const head = (line: string, valueColumn: number) => line.slice(0, line.length - tail(line, valueColumn).length);

/** the part of a table line from the value column on (the title column's words left out) */
function tail(line: string, valueColumn: number): string {
  let used = 0;
  let k = 0;
  for (const ch of line) {
    if (used >= valueColumn) break;
    used += stringWidth(ch);
    k += ch.length;
  }
  return line.slice(k);
}
