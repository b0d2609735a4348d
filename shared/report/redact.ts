// Privacy by default: before a report leaves the machine, what identifies the person or the device
// is removed — user names, host names, serial numbers, MAC addresses (the vendor prefix stays: it
// is the evidence for a virtual machine) and home-folder paths — wherever it appears: in the facts,
// and inside evidence, observed values and error texts. Pure; the learner may opt out.
// This is the ONE redactor: reports (redactReportBody), log lines (electron/log/logger.ts:
// redactText on each value before it is cut or quoted) and facts go through redactString below.

export const REDACTED = '[redacted]';

export interface Secrets {
  username: string | null;
  hostname: string | null;
  serial: string | null;
  /** other names of the person (a full name, the home folder's name): replaced by "[user]" */
  names?: readonly string[];
  /** proxy credentials known to this run ("user:pass@", the password alone…): removed outright */
  credentials?: readonly string[];
}

// no \b: an address right after an escaped newline ("\naa:bb:…") has a letter before it
const MAC = /(?<![0-9a-f])([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2[0-9a-f]{2}\2[0-9a-f]{2}\2[0-9a-f]{2}(?![0-9a-f])/gi;
// the same address as Cisco writes it (0123.4567.89ab) and with no separators at all (0123456789ab);
// twelve hex digits standing alone: over-redacting a stray hex word is the safe side
const MAC_DOTTED = /(?<![0-9a-f.])([0-9a-f]{4})\.([0-9a-f]{2})[0-9a-f]{2}\.[0-9a-f]{4}(?![0-9a-f.])/gi;
const MAC_BARE = /(?:(?<![0-9a-z_])|(?<=\\[nrt]))([0-9a-f]{6})[0-9a-f]{6}(?![0-9a-z_])/gi;
/**
 * Credentials in a URL or a proxy setting: everything between "scheme://" (or the start of a
 * "user:pass@host" value) and the LAST "@" before the host — a password may hold "@", "/" or
 * spaces. In a whole value (a proxy setting) up to the last "@"; inside a sentence, within one word
 * (the machine's own proxy userinfo is also removed literally, spaces and all: stripCredentials).
 */
const URL_USERINFO = /(?:(?<![a-z0-9+.-])|(?<=\\[nrt]))([a-z][a-z0-9+.-]{0,30}:\/\/)[^\s]*@(?=[^\s@/]+)/gi;
// "http://bob:pa ss word@proxy" quoted in a sentence: a password with up to three spaces, when a
// user and ":" come first and a host follows the "@". A scheme starts only where no scheme character
// comes before it and is at most 31 characters: a long run of letters is not tried at every position.
const URL_USERINFO_SPACED = /(?:(?<![a-z0-9+.-])|(?<=\\[nrt]))([a-z][a-z0-9+.-]{0,30}:\/\/)[^\s:@/]*:[^\s@]*(?:\s+[^\s@]+){1,3}@(?=[\p{L}\p{N}[])/giu;
export function withoutCredentials(value: string): string {
  const v = value.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(v)?.[0] ?? '';
  const at = v.lastIndexOf('@');
  if (at < 0) return v;
  // "http://proxy.example:3128/a@b": a dotted host (and port) before the first "/", and no "@" in it,
  // is an address whose path holds the "@" — not credentials
  const rest = v.slice(scheme.length);
  const slash = rest.indexOf('/');
  if (slash >= 0 && slash < at - scheme.length && /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i.test(rest.slice(0, slash))) return v;
  return scheme + v.slice(at + 1);
}
/** Credentials in free text (an error quoting a proxy URL); the host after the last "@" stays. */
function credentialsOut(s: string): string {
  return s.includes('@') ? s.replace(URL_USERINFO_SPACED, (_m, scheme: string) => scheme).replace(URL_USERINFO, (_m, scheme: string) => scheme) : s;
}
// home folders on every OS; the user's folder name is replaced by "~"
const HOMES: Array<[RegExp, string]> = [
  // Windows profile folders may contain spaces ("C:\Users\Maria Silva"): up to the next separator,
  // even if that takes a few more words of a sentence with it (over-redacting is the safe side)
  // (also written with escaped backslashes, as JSON text holds it: "C:\\Users\\Maria Silva")
  [/\b([A-Za-z]:\\{1,2}(?:Users|Documents and Settings)\\{1,2})[^\\/"]+/gi, '$1~'],
  // the same folder written with forward slashes (Git Bash, Python, Node tools print it that way)
  [/\b([A-Za-z]:\/(?:Users|Documents and Settings)\/)[^\\/"]+/gi, '$1~'],
  [/\/Users\/[^/"\s]+/g, '/Users/~'],
  [/\/home\/[^/"\s]+/g, '/home/~'],
  [/(?<![\w/])\/root(?=\/|\b)/g, '~'],
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// \b is ASCII-only in JavaScript: "José" has no boundary after "é". Letters, marks and digits of
// any script (and "_") count as word characters here. The boundaries are checked around each match
// rather than written into each name's pattern: a pattern with Unicode classes is slow to compile,
// and every report and log line brings names of its own.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
// a name also starts right after an escaped control character, as JSON and logs write them
// ("\nmaria", "\tMARIA-PC": the "n" is not part of the name)
const ESCAPED_BEFORE = /\\[nrtfbv0]$/;
/**
 * Short names ("vm", "pc", "jo") are names too, but matched as written (case-sensitive) so that
 * "VM" in evidence or an ordinary capitalised word is not erased; longer ones in any case.
 */
const SHORT = 3;
const compiled = new Map<string, RegExp>();
function nameRe(value: string): RegExp {
  let re = compiled.get(value);
  if (!re) {
    if (compiled.size >= 256) compiled.clear();
    re = new RegExp(escape(value), [...value].length < SHORT ? 'gu' : 'giu');
    compiled.set(value, re);
  }
  return re;
}
/** Is the match at [start, end) of `s` a whole name (no word character glued to either side)? */
function standsAlone(s: string, start: number, end: number): boolean {
  const before = s.slice(Math.max(0, start - 2), start);
  const prev = Array.from(before).at(-1);
  const next = Array.from(s.slice(end, end + 2))[0];
  return (!prev || !WORD_CHAR.test(prev) || ESCAPED_BEFORE.test(before)) && (!next || !WORD_CHAR.test(next));
}
function replaceName(s: string, value: string, label: string): string {
  return s.replace(nameRe(value), (m: string, offset: number) => (standsAlone(s, offset, offset + m.length) ? label : m));
}
function containsName(s: string, value: string): boolean {
  return replaceName(s, value, '\u0000') !== s;
}

/** The forms a host name takes in program output: whole, without its domain, and as Windows' 15-character NetBIOS name. */
function hostForms(host: string | null): string[] {
  if (!host) return [];
  const short = host.split('.')[0]!;
  return [host, short, short.slice(0, 15)];
}

/** Removes the known proxy credentials (literally), then anything shaped like URL userinfo. */
function credentialsOutOf(s: string, known: readonly string[] = []): string {
  let out = s;
  for (const k of known) if (k) out = out.split(k).join('');
  return credentialsOut(out);
}

function redactString(s: string, secrets: Secrets): string {
  let out = credentialsOutOf(s, secrets.credentials)
    .replace(MAC, (_m, a: string, sep: string, b: string, c: string) => `${a}${sep}${b}${sep}${c}${sep}xx${sep}xx${sep}xx`)
    .replace(MAC_DOTTED, (_m, a: string, b: string) => `${a}.${b}xx.xxxx`)
    .replace(MAC_BARE, (_m, a: string) => `${a}xxxxxx`);
  for (const [re, to] of HOMES) out = out.replace(re, to);
  for (const [value, label] of namesOf(secrets)) out = replaceName(out, value, label);
  return out;
}

const namePairs = new WeakMap<Secrets, Array<[string, string]>>();
/** The names to replace and their labels, longest first (a full name before the user name in it); worked out once per set of secrets. */
function namesOf(secrets: Secrets): Array<[string, string]> {
  let pairs = namePairs.get(secrets);
  if (!pairs) {
    const all: Array<[string, string]> = [
      ...(secrets.serial ? [[secrets.serial, '[serial]'] as [string, string]] : []),
      ...hostForms(secrets.hostname).map((h): [string, string] => [h, '[host]']),
      ...[secrets.username, ...(secrets.names ?? [])].filter((n): n is string => !!n).map((n): [string, string] => [n, '[user]']),
    ];
    const seen = new Set<string>();
    pairs = all.filter(([v]) => v.trim() && !seen.has(v) && seen.add(v)).sort((a, b) => b[0].length - a[0].length);
    namePairs.set(secrets, pairs);
  }
  return pairs;
}

// identifiers, not texts: a message key or a rule id must come out as it went in (a short host "os"
// or "vm" must not turn "os.title" into "[host].title")
const IDENTIFIERS = new Set(['key', 'id', 'area', 'status', 'kind', 'strength', 'platform', 'formFactor', 'via']);
/** a message's param NAMED "@x" holds a message key (shared/i18n/msg.ts renderMsg), when it has a key's shape */
const MESSAGE_KEY = /^[a-z]+:[A-Za-z0-9_.-]+$/;
const isIdentifier = (k: string, x: string) => IDENTIFIERS.has(k) || (k.startsWith('@') && MESSAGE_KEY.test(x));

function walk(v: unknown, secrets: Secrets): unknown {
  if (typeof v === 'string') return redactString(v, secrets);
  if (Array.isArray(v)) return v.map((x) => walk(x, secrets));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && isIdentifier(k, x) ? x : walk(x, secrets)]));
  return v;
}

/**
 * Secrets are never "personal data" a learner opts in to: proxy credentials are removed from every
 * report, redacted or not — also from facts read from a file (the CLI's evaluate --facts, the viewer).
 */
export function stripCredentials<T>(v: T, known: readonly string[] = []): T {
  if (typeof v === 'string') {
    // the userinfo of the machine's own proxy settings, wherever an error quotes it (with or without a scheme)
    let out: string = v;
    for (const k of known) out = out.split(k).join('');
    return credentialsOut(out) as unknown as T;
  }
  if (Array.isArray(v)) return v.map((x) => stripCredentials(x, known)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stripCredentials(x, known)])) as T;
  return v;
}

/**
 * What to remove of each proxy setting's credentials, longest first: "user:pass@" as written,
 * percent-decoded and percent-encoded (a program may quote it either way), and the password alone
 * (an error may quote it without the user).
 */
export function proxyUserinfo(proxy: ReadonlyArray<{ value: string }>): string[] {
  const out = new Set<string>();
  const decoded = (x: string) => {
    try {
      return decodeURIComponent(x);
    } catch {
      return x; // not percent-encoded
    }
  };
  for (const { value } of proxy) {
    const v = value.trim();
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(v)?.[0] ?? '';
    const at = v.lastIndexOf('@');
    if (at <= scheme.length) continue;
    const info = v.slice(scheme.length, at);
    const colon = info.indexOf(':');
    const user = colon < 0 ? info : info.slice(0, colon);
    const pass = colon < 0 ? '' : info.slice(colon + 1);
    const forms: Array<[string, string]> = [
      [user, pass],
      [decoded(user), decoded(pass)],
      [encodeURIComponent(decoded(user)), encodeURIComponent(decoded(pass))],
    ];
    for (const [u, p] of forms) {
      out.add(`${u}${colon < 0 ? '' : `:${p}`}@`);
      if ([...p].length >= 3) out.add(p);
    }
  }
  return [...out].filter((x) => x.length > 1).sort((a, b) => b.length - a.length);
}

/** The proxy settings' values are whole URLs: their userinfo is cut at the last "@". */
export function stripProxyCredentials<F extends { network: { proxy: Array<{ source: string; value: string }> } }>(facts: F): F {
  return { ...facts, network: { ...facts.network, proxy: facts.network.proxy.map((p) => ({ ...p, value: withoutCredentials(p.value) })) } };
}

type Body = { facts: { os: unknown; device: { hostname: string | null; username: string | null; serial: string | null } }; results: unknown };

/**
 * A copy of the report body with personal data removed from the machine's facts and the check
 * results; the fields that are nothing but personal data become "[redacted]". The OS's name and
 * distribution are the OS's own words and stay as they are (a host called "debian" must not turn
 * "Debian GNU/Linux" into "[host] GNU/Linux"); its kernel, version and build strings and the
 * probe's error are redacted like any text ("6.8.0-maria-laptop", "… root@josé-pc …"), except for
 * a name that is itself a word of the OS's name.
 */
export function redactReportBody<T extends Body>(body: T): T {
  const d = body.facts.device;
  const secrets: Secrets = { username: d.username, hostname: d.hostname, serial: d.serial };
  const os = body.facts.os as { name?: string | null; distro?: string | null; probe?: { error?: string } } & Record<string, unknown>;
  const osWords = `${os.name ?? ''} ${os.distro ?? ''}`;
  const notOsWord = (v: string | null) => (v && containsName(osWords, v) ? null : v);
  const osSecrets: Secrets = { username: notOsWord(d.username), hostname: notOsWord(d.hostname), serial: d.serial };
  const osOut: Record<string, unknown> = { ...os };
  for (const k of ['kernel', 'version', 'build'] as const) if (typeof os[k] === 'string') osOut[k] = redactString(os[k], osSecrets);
  if (os.probe?.error) osOut.probe = { ...os.probe, error: redactString(os.probe.error, secrets) };
  const facts = { ...(walk(body.facts, secrets) as T['facts']), os: osOut };
  const out = { ...body, facts, results: walk(body.results, secrets) } as T;
  const dev = out.facts.device;
  dev.hostname = d.hostname === null ? null : REDACTED;
  dev.username = d.username === null ? null : REDACTED;
  dev.serial = d.serial === null ? null : REDACTED;
  return out;
}

/**
 * One free text (a log line, an error) with the same removals as a report: proxy credentials, MAC
 * addresses, home folders, and the given user, host, serial and other names. For texts outside a
 * report's body; a logger calls it on each value before cutting it to length.
 */
export function redactText(text: string, secrets: Partial<Secrets>): string {
  return redactString(text, {
    username: secrets.username ?? null,
    hostname: secrets.hostname ?? null,
    serial: secrets.serial ?? null,
    names: secrets.names ?? [],
    credentials: secrets.credentials ?? [],
  });
}
