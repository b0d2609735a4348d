// reg.exe read on any Windows (issue 24): its messages and the default value's name are translated
// and its bytes are in the console's OEM code page. Recorded output: tests/fixtures/reg (SOURCES.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePageIn, decodeOem, isEmptyDefault, parseRegOutput, regOutcome, runRegQuery, type RegRunner } from '../../../electron/storage/reg-query';

const dir = path.join(__dirname, '../../fixtures/reg');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const text = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const LANGS = ['de', 'fr', 'es', 'pt', 'ja', 'zh'] as const;

describe('a missing key in every language', () => {
  it.each(LANGS)('%s: the message is not English, and holds no value line to mistake for data', (lang) => {
    const stderr = text(`not-found-${lang}.stderr.txt`);
    expect(stderr).not.toMatch(/unable to find/i);
    expect(parseRegOutput(stderr)).toEqual([]);
  });
  it('captured Japanese (oyahiroki/nlp4j, SOURCES.md): two error lines, no value line, nothing read as data', () => {
    const stderr = text('not-found-ja-captured.stderr.txt');
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stderr).not.toMatch(/unable to find/i);
    expect(parseRegOutput(stderr)).toEqual([]);
  });
  it('exit status 1 is "absent"; success is "found" with the text', () => {
    expect(regOutcome({ ok: false, stdout: '', failure: 'exit', detail: 'reg exited with status 1' })).toEqual({ state: 'absent' });
    expect(regOutcome({ ok: true, stdout: 'x' })).toEqual({ state: 'found', text: 'x' });
  });
  it('a timeout is a failure that says "timed out"; a missing reg.exe says so', () => {
    expect(regOutcome({ ok: false, stdout: '', failure: 'timeout', detail: 'reg did not answer within 2000 ms' })).toEqual({
      state: 'failed',
      reason: 'timed out (reg did not answer within 2000 ms)',
    });
    expect(regOutcome({ ok: false, stdout: '', failure: 'not-found', detail: 'reg not found' })).toEqual({ state: 'failed', reason: 'reg not found' });
  });
});

describe("the console's code page", () => {
  it('reads the OEM code page number from the registry (and from chcp in any language)', () => {
    expect(codePageIn('\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\r\n    OEMCP    REG_SZ    850\r\n\r\n')).toBe(850);
    expect(codePageIn('Aktive Codepage: 850.\r\n')).toBe(850);
    expect(codePageIn('現在のコード ページ: 932\r\n')).toBe(932);
    expect(codePageIn('')).toBeNull();
  });
  it('cp850 (German, French, Spanish, Portuguese Windows): accented names and data come out right', () => {
    const raw = bytes('policy-fr-cp850.bin');
    // read as UTF-8 the same bytes are garbled: that was the bug
    expect(new TextDecoder().decode(raw)).not.toContain('Équipe');
    const { text: t, note } = decodeOem(raw, 850);
    expect(note).toBeUndefined();
    const [key] = parseRegOutput(t);
    expect([...key!.values.keys()]).toEqual(['(par défaut)', 'SupportName', 'ExtraProfilesDir']);
    expect(key!.values.get('SupportName')!.data).toBe("Équipe d'assistance de l'Université");
    expect(key!.values.get('ExtraProfilesDir')!.data).toBe('\\\\serveur\\examens\\modèles');
    expect(isEmptyDefault('(par défaut)', key!.values.get('(par défaut)')!)).toBe(true);
  });
  it('cp936 (Chinese Windows, GBK): decoded with TextDecoder; "(数值未设置)" is an empty default', () => {
    const [key] = parseRegOutput(decodeOem(bytes('policy-zh-cp936.bin'), 936).text);
    expect(key!.values.get('SupportName')!.data).toBe('信息技术服务中心');
    expect(isEmptyDefault('(默认)', key!.values.get('(默认)')!)).toBe(true);
  });
  it('an unknown code page keeps ASCII, marks the rest, and says so', () => {
    const d = decodeOem(bytes('policy-fr-cp850.bin'), 1);
    expect(d.text).toContain('SupportName    REG_SZ    \uFFFDquipe');
    expect(d.note).toMatch(/code page 1/);
  });
  it('runRegQuery asks for bytes and decodes them with the code page read once from the registry', async () => {
    const calls: string[] = [];
    const run: RegRunner = async (program, args, opts) => {
      calls.push(`${program} ${args.join(' ')}${opts?.bytes ? ' [bytes]' : ''}`);
      if (args.includes('OEMCP')) return { ok: true, stdout: '\r\nHKEY_LOCAL_MACHINE\\...\\CodePage\r\n    OEMCP    REG_SZ    850\r\n' };
      const raw = bytes('policy-fr-cp850.bin');
      return { ok: true, stdout: new TextDecoder().decode(raw), stdoutBytes: raw };
    };
    const a = await runRegQuery(run, ['HKLM\\SOFTWARE\\Policies\\ExamPreflight\\ExamPreflight']);
    await runRegQuery(run, ['HKLM\\SOFTWARE\\Policies\\ExamPreflight\\ExamPreflight']);
    expect(a.stdout).toContain("Équipe d'assistance de l'Université");
    expect(calls.filter((c) => c.includes('OEMCP'))).toHaveLength(1);
    expect(calls[0]).toBe('reg query HKLM\\SOFTWARE\\Policies\\ExamPreflight\\ExamPreflight [bytes]');
  });
});

describe('value lines', () => {
  it('names with spaces, empty data, long lines: read without backtracking', () => {
    const [k] = parseRegOutput('HKEY_CURRENT_USER\\X\r\n    Sleep On Power    REG_SZ    a    b\r\n    (Standard)    REG_SZ    \r\n    Empty    REG_SZ\r\n');
    expect(Object.fromEntries(k!.values)).toEqual({
      'Sleep On Power': { type: 'REG_SZ', data: 'a    b' },
      '(Standard)': { type: 'REG_SZ', data: '' },
      Empty: { type: 'REG_SZ', data: '' },
    });
    expect(parseRegOutput(`    ${' '.repeat(200_000)}x`)).toEqual([]);
  });
});
