// Issue 13: values from facts or files cannot control the terminal in `--format text` (escape
// sequences, CR, BS, BEL, C0/C1, bidi overrides), lines are bounded, and JUnit stays well-formed XML
// for any input. Property-style: many generated hostile strings, seeded.
import { describe, expect, it } from 'vitest';
import sax from 'sax';
import { hostileString, rng } from './hostile';
import { runIn, tmpDir } from './helpers';
import { terminalSafe } from '../../../shared/report/safe-text';
import { machines } from '../../fixtures/facts/machines';
import type { Facts } from '../../../shared/facts';

const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const XML_CHAR = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function hostileFacts(s: string): Facts {
  const f = machines.surfaceLaptop();
  f.device.model = `Surface ${s}`;
  f.device.manufacturer = `Microsoft ${s}`;
  f.os.name = s;
  f.os.version = `5.1 ${s}`;
  f.browsers.browsers = f.browsers.browsers.map((b) => ({ ...b, version: `1${s}` }));
  f.network.probe = { status: 'error', error: s, durationMs: 1 };
  return f;
}

describe('terminalSafe', () => {
  it('escapes every control and bidi character visibly and bounds the length', () => {
    expect(terminalSafe('a\x1b[2Jb\rc\bd\x07e\x9bf\u202eg')).toBe('a\\x1B[2Jb\\x0Dc\\x08d\\x07e\\x9Bf\\u202Eg');
    expect([...terminalSafe('x'.repeat(5000))]).toHaveLength(300);
    const next = rng(7);
    for (let i = 0; i < 2000; i++) expect(terminalSafe(hostileString(next))).not.toMatch(CONTROL);
  });
});

describe('--format text and junit with hostile facts', () => {
  it('text: no control character from facts reaches the terminal, with or without colour; lines are bounded', async () => {
    const next = rng(42);
    const cwd = tmpDir('term');
    for (let i = 0; i < 40; i++) {
      const s = hostileString(next);
      for (const isTTY of [false, true]) {
        const r = await runIn(cwd, ['check', '--profile', 'mitx-sds-capstone', ...(isTTY ? [] : ['--no-color'])], { facts: hostileFacts(s), isTTY });
        // the only escapes allowed are our own colour codes
        const stripped = r.stdout.replace(/\x1b\[(?:0|1|3[1-5]|1;3[1-5]|1\x1b\[3[1-5])m/g, '').replace(/\x1b\[[0-9;]*m/g, (m) => (isTTY ? '' : m));
        for (const line of stripped.split('\n')) {
          expect(line, `seed 42 #${i}: ${JSON.stringify(s)}`).not.toMatch(CONTROL);
          expect([...line].length).toBeLessThan(700);
        }
        expect(r.stdout).not.toContain('\r');
      }
    }
  });

  it('junit: well-formed XML 1.0 for any input (incl. U+FFFE/U+FFFF and lone surrogates)', async () => {
    const next = rng(1234);
    const cwd = tmpDir('junit');
    for (let i = 0; i < 40; i++) {
      const s = hostileString(next);
      const r = await runIn(cwd, ['check', '--profile', 'mitx-sds-capstone', '--format', 'junit'], { facts: hostileFacts(s) });
      expect(r.stdout, JSON.stringify(s)).toMatch(XML_CHAR);
      const parser = sax.parser(true);
      let error: Error | null = null;
      parser.onerror = (e) => {
        error = e;
        parser.resume();
      };
      parser.write(r.stdout).close();
      expect(error, JSON.stringify(s)).toBeNull();
    }
  });

  it('a profile title or id from a file cannot control the terminal either (`profiles`, errors)', async () => {
    const cwd = tmpDir('term');
    const r = await runIn(cwd, ['check', '--profile', 'nope\x1b[2J\r✓ Pass']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(CONTROL.source ? /[\u001B\r]/ : /x/);
  });
});
