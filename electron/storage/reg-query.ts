// `reg.exe query` as every caller reads it: the policy loader (storage) and the inspectors (camera
// privacy, OS states, browsers). What reg.exe prints is read the way a person reading it would on
// any Windows, whatever its display language:
// - only untranslated parts are read: key paths (HKEY_…), value names, REG_* types and data. Its
//   messages ("ERROR: The system was unable to find the specified registry key or value." /
//   "FEHLER: …" / "错误: 系统找不到指定的注册表项或值。") and the default value's name ("(Default)",
//   "(Standard)", "(par défaut)", "(Predeterminado)", "(Padrão)", "(既定)") are translated, so a
//   missing key or value is told by the exit status (1) and by the absence of value lines;
// - its bytes are in the console's OEM code page (850 on a German, French, Spanish or Portuguese
//   Windows, 437 in the US, 936 in China …), not UTF-8: they are decoded with that code page, read
//   from the registry (its number is ASCII, so reading it needs no decoding).
// Parsing is linear (indexOf, no regular expression that can backtrack on a long line), and value
// names land in a Map: a value named "__proto__" or "constructor" is a value like any other.
import { OEM_UPPER_HALVES } from './oem-code-pages';

export interface RegValue {
  /** REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ, REG_BINARY, REG_QWORD … */
  type: string;
  /** as reg.exe prints it: DWORDs as hex ("0x1"), strings as written (trailing blanks trimmed) */
  data: string;
}

export interface RegKey {
  /** the key's path as printed ("HKEY_CURRENT_USER\\Software\\…") */
  key: string;
  /** value names as written (case kept); the default value appears under its translated name */
  values: Map<string, RegValue>;
}

const SEPARATOR = '    ';

/** One value line: four spaces, the name, four spaces, REG_TYPE, four spaces, the data (absent when empty). */
export function parseValueLine(line: string): { name: string; value: RegValue } | null {
  if (!line.startsWith(SEPARATOR)) return null;
  const at = line.indexOf(`${SEPARATOR}REG_`, SEPARATOR.length);
  if (at < 0) return null;
  const name = line.slice(SEPARATOR.length, at);
  if (!name.trim()) return null;
  const rest = line.slice(at + SEPARATOR.length);
  const end = rest.indexOf(' ');
  const type = end < 0 ? rest : rest.slice(0, end);
  if (!/^REG_[A-Z0-9_]{1,40}$/.test(type)) return null;
  const data =
    end < 0
      ? ''
      : rest
          .slice(end)
          .replace(/^ {1,4}/, '')
          .trimEnd();
  return { name, value: { type, data } };
}

/**
 * `reg query KEY [/s] [/v NAME | /ve]` output as keys with their values. Value lines before any key
 * line (none in practice) are kept under the key "".
 */
export function parseRegOutput(text: string): RegKey[] {
  const out: RegKey[] = [];
  let current: RegKey | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('HKEY_')) {
      current = { key: line.trim(), values: new Map() };
      out.push(current);
      continue;
    }
    const v = parseValueLine(line);
    if (!v) continue;
    if (!current) {
      current = { key: '', values: new Map() };
      out.push(current);
    }
    current.values.set(v.name, v.value);
  }
  return out;
}

/** Every value line of the output, names lower-cased (for `reg query KEY /v NAME` and one-key queries). */
export function regValuesLower(text: string): Map<string, RegValue> {
  const out = new Map<string, RegValue>();
  for (const k of parseRegOutput(text)) for (const [name, v] of k.values) out.set(name.trim().toLowerCase(), v);
  return out;
}

/**
 * The default value's line: Windows prints its name translated and in parentheses ("(Default)",
 * "(Standard)", "(par défaut)", "(既定)"), and when it holds nothing, "(value not set)" translated, or
 * no data at all (what `reg add KEY /f` writes). A named value in parentheses is not told apart;
 * callers that know their value names treat such a line as the default only when it has no data.
 */
export const looksLikeDefaultName = (name: string): boolean => name.length >= 3 && name.startsWith('(') && name.endsWith(')');

/** The default value holds no data: empty, or reg.exe's translated "(value not set)" in parentheses. */
export const isEmptyDefault = (name: string, v: RegValue): boolean =>
  looksLikeDefaultName(name) && v.type === 'REG_SZ' && (v.data === '' || looksLikeDefaultName(v.data));

/** What a reg.exe run needs of a program runner (electron/inspect/exec.ts's execProbe is one). */
export interface RegRunResult {
  ok: boolean;
  stdout: string;
  /** the raw bytes of stdout, when the runner was asked for them ({ bytes: true }) */
  stdoutBytes?: Uint8Array;
  failure?: 'not-found' | 'timeout' | 'exit' | 'error';
  detail?: string;
}

/**
 * How a `reg query` ended, told without reading its (translated) words: 'found' with the value
 * lines, 'absent' when reg.exe ran and exited with status 1 (the key or value does not exist), or
 * 'failed' when it could not be run or did not answer (then `reason` says which).
 */
export type RegOutcome = { state: 'found'; text: string } | { state: 'absent' } | { state: 'failed'; reason: string };

export function regOutcome(r: RegRunResult, text = r.stdout): RegOutcome {
  if (r.ok) return { state: 'found', text };
  if (r.failure === 'exit') return { state: 'absent' };
  return { state: 'failed', reason: r.failure === 'timeout' ? `timed out${r.detail ? ` (${r.detail})` : ''}` : (r.detail ?? r.failure ?? 'no answer') };
}

/** The code page number in `reg query …\Nls\CodePage /v OEMCP` output (or `chcp`'s "Active code page: 850"). */
export function codePageIn(text: string): number | null {
  const v = regValuesLower(text).get('oemcp');
  const digits = v ? v.data : (/(\d{3,5})\D*$/.exec(text.trim())?.[1] ?? '');
  const n = Number(digits);
  return Number.isInteger(n) && n > 0 && n < 70000 ? n : null;
}

/** WHATWG names of the code pages TextDecoder knows. */
const DECODER_NAMES: Readonly<Record<number, string>> = {
  866: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  65001: 'utf-8',
};

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * reg.exe's bytes as text. Pure ASCII needs no code page. Otherwise: bytes that are valid UTF-8
 * are UTF-8 (a console switched to 65001; a DOS code page's accented letters almost never form
 * valid UTF-8), else the OEM code page's table or TextDecoder. An unknown code page keeps ASCII
 * and marks every other byte U+FFFD, and says so in `note`.
 */
export function decodeOem(bytes: Uint8Array, codePage: number | null): { text: string; note?: string } {
  if (bytes.every((b) => b < 0x80)) return { text: new TextDecoder('utf-8').decode(bytes) };
  const utf8 = validUtf8(bytes);
  if (utf8 !== null) return { text: utf8 };
  const table = codePage === null ? undefined : OEM_UPPER_HALVES[codePage];
  if (table) {
    let text = '';
    for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : table[b - 0x80]!;
    return { text };
  }
  const name = codePage === null ? undefined : DECODER_NAMES[codePage];
  if (name) {
    try {
      return { text: new TextDecoder(name).decode(bytes) };
    } catch {
      /* this runtime has no such decoder: fall through */
    }
  }
  let text = '';
  for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : '\uFFFD';
  return { text, note: `reg.exe wrote in code page ${codePage ?? 'unknown'}, which could not be decoded: letters outside ASCII are shown as �` };
}

export type RegRunner = (program: string, args: readonly string[], opts?: { timeoutMs?: number; bytes?: boolean }) => Promise<RegRunResult>;

export const NLS_CODE_PAGE_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';

/** One OEM code page lookup per runner (per process in the app and the CLI; per fake in tests). */
const codePages = new WeakMap<RegRunner, Promise<number | null>>();

export function oemCodePage(run: RegRunner, program = 'reg'): Promise<number | null> {
  let p = codePages.get(run);
  if (!p) {
    p = run(program, ['query', NLS_CODE_PAGE_KEY, '/v', 'OEMCP'], { timeoutMs: 2000 }).then(
      (r) => (r.ok ? codePageIn(r.stdout) : null),
      () => null,
    );
    codePages.set(run, p);
  }
  return p;
}

/**
 * Runs `reg query …` and decodes its output with the console's code page. The result is the
 * runner's, with `stdout` replaced by the decoded text (and `detail` noting an undecodable page).
 */
export async function runRegQuery(run: RegRunner, args: readonly string[], opts: { timeoutMs?: number; program?: string } = {}): Promise<RegRunResult> {
  const program = opts.program ?? 'reg';
  const r = await run(program, ['query', ...args], { timeoutMs: opts.timeoutMs ?? 2000, bytes: true });
  if (!r.stdoutBytes || r.stdoutBytes.every((b) => b < 0x80)) return r;
  const decoded = decodeOem(r.stdoutBytes, await oemCodePage(run, program));
  return { ...r, stdout: decoded.text, ...(decoded.note ? { detail: decoded.note } : {}) };
}
