// Privacy by default: before a report leaves the machine, what identifies the person or the device
// is removed — user names, host names, serial numbers, MAC addresses (the vendor prefix stays: it
// is the evidence for a virtual machine) and home-folder paths — wherever it appears: in the facts,
// and inside evidence, observed values and error texts. Pure; the learner may opt out.

export const REDACTED = '[redacted]';

interface Secrets {
  username: string | null;
  hostname: string | null;
  serial: string | null;
}

const MAC = /\b([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2[0-9a-f]{2}\2[0-9a-f]{2}\2[0-9a-f]{2}\b/gi;
// the same address as Cisco writes it (0123.4567.89ab) and with no separators at all (0123456789ab);
// twelve hex digits standing alone: over-redacting a stray hex word is the safe side
const MAC_DOTTED = /(?<![0-9a-f.])([0-9a-f]{4})\.([0-9a-f]{2})[0-9a-f]{2}\.[0-9a-f]{4}(?![0-9a-f.])/gi;
const MAC_BARE = /(?<![0-9a-z_])([0-9a-f]{6})[0-9a-f]{6}(?![0-9a-z_])/gi;
/**
 * Credentials in a URL or a proxy setting: everything between "scheme://" (or the start of a
 * "user:pass@host" value) and the LAST "@" before the host — a password may hold "@", "/" or
 * spaces. In a whole value (a proxy setting) up to the last "@"; inside a sentence, within one word
 * (the machine's own proxy userinfo is also removed literally, spaces and all: stripCredentials).
 */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s]*@(?=[^\s@/]+)/gi;
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
  return s.includes('@') ? s.replace(URL_USERINFO, (_m, scheme: string) => scheme) : s;
}
// home folders on every OS; the user's folder name is replaced by "~"
const HOMES: Array<[RegExp, string]> = [
  // Windows profile folders may contain spaces ("C:\Users\Maria Silva"): up to the next separator,
  // even if that takes a few more words of a sentence with it (over-redacting is the safe side)
  [/\b([A-Za-z]:\\(?:Users|Documents and Settings)\\)[^\\/"]+/gi, '$1~'],
  // the same folder written with forward slashes (Git Bash, Python, Node tools print it that way)
  [/\b([A-Za-z]:\/(?:Users|Documents and Settings)\/)[^\\/"]+/gi, '$1~'],
  [/\/Users\/[^/"\s]+/g, '/Users/~'],
  [/\/home\/[^/"\s]+/g, '/home/~'],
  [/(?<![\w/])\/root(?=\/|\b)/g, '~'],
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// \b is ASCII-only in JavaScript: "José" has no boundary after "é". Letters, marks and digits of
// any script (and "_") count as word characters here.
const WORD = '[\\p{L}\\p{M}\\p{N}_]';
/** Short ASCII names ("pi", "ab") would erase ordinary words; two characters of Han or Cyrillic are a name. */
const worthRedacting = (v: string) => [...v].length >= 3 || (/[^\x00-\x7f]/.test(v) && [...v].length >= 2);

function redactString(s: string, secrets: Secrets): string {
  let out = s
    .replace(MAC, (_m, a: string, sep: string, b: string, c: string) => `${a}${sep}${b}${sep}${c}${sep}xx${sep}xx${sep}xx`)
    .replace(MAC_DOTTED, (_m, a: string, b: string) => `${a}.${b}xx.xxxx`)
    .replace(MAC_BARE, (_m, a: string) => `${a}xxxxxx`);
  for (const [re, to] of HOMES) out = out.replace(re, to);
  // the names themselves wherever they appear (short ones like "pi" would erase ordinary words)
  // a macOS host "Marias-MacBook-Pro.local" is also named without its domain in evidence and errors
  const shortHost = secrets.hostname?.includes('.') ? secrets.hostname.split('.')[0]! : null;
  for (const [value, label] of [
    [secrets.serial, '[serial]'],
    [secrets.hostname, '[host]'],
    [shortHost, '[host]'],
    [secrets.username, '[user]'],
  ] as const) {
    if (value && worthRedacting(value)) out = out.replace(new RegExp(`(?<!${WORD})${escape(value)}(?!${WORD})`, 'giu'), label);
  }
  return out;
}

function walk(v: unknown, secrets: Secrets): unknown {
  if (typeof v === 'string') return redactString(v, secrets);
  if (Array.isArray(v)) return v.map((x) => walk(x, secrets));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, secrets)]));
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

/** "user:pass@" of each proxy setting (as written, and percent-decoded), longest first. */
export function proxyUserinfo(proxy: ReadonlyArray<{ value: string }>): string[] {
  const out = new Set<string>();
  for (const { value } of proxy) {
    const v = value.trim();
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(v)?.[0] ?? '';
    const at = v.lastIndexOf('@');
    if (at <= scheme.length) continue;
    const info = v.slice(scheme.length, at + 1);
    out.add(info);
    try {
      out.add(decodeURIComponent(info));
    } catch {
      /* not percent-encoded */
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
 * results; the fields that are nothing but personal data become "[redacted]". The OS facts, the
 * profile and the rest are the app's own words and stay as they are (a host called "debian" must
 * not turn "Debian GNU/Linux" into "[host] GNU/Linux").
 */
export function redactReportBody<T extends Body>(body: T): T {
  const d = body.facts.device;
  const secrets: Secrets = { username: d.username, hostname: d.hostname, serial: d.serial };
  // the OS facts stay as they are, except the probe's error: that is a program's message and may
  // quote the user, the host or a home folder like any other
  const os = body.facts.os as { probe?: { error?: string } };
  const osOut = os.probe?.error ? { ...os, probe: { ...os.probe, error: redactString(os.probe.error, secrets) } } : os;
  const facts = { ...(walk(body.facts, secrets) as T['facts']), os: osOut };
  const out = { ...body, facts, results: walk(body.results, secrets) } as T;
  const dev = out.facts.device;
  dev.hostname = d.hostname === null ? null : REDACTED;
  dev.username = d.username === null ? null : REDACTED;
  dev.serial = d.serial === null ? null : REDACTED;
  return out;
}

/**
 * One free text (a log line, an error) with the same removals as a report: MAC addresses, home
 * folders, and the given user, host and serial names. For texts outside a report's body.
 */
export function redactText(text: string, secrets: { username?: string | null; hostname?: string | null; serial?: string | null }): string {
  return redactString(text, { username: secrets.username ?? null, hostname: secrets.hostname ?? null, serial: secrets.serial ?? null });
}
