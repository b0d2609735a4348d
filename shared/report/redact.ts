// Privacy by default: before a report leaves the machine, what identifies the person or the device
// is removed — user names, host names, serial numbers, MAC addresses (the vendor prefix stays: it
// is the evidence for a virtual machine) and home-folder paths — wherever it appears: in the facts,
// and inside evidence, observed values and error texts. Pure; the learner may opt out.

export const REDACTED = '[redacted]';

interface Secrets { username: string | null; hostname: string | null; serial: string | null }

const MAC = /\b([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2[0-9a-f]{2}\2[0-9a-f]{2}\2[0-9a-f]{2}\b/gi;
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

function redactString(s: string, secrets: Secrets): string {
  let out = s.replace(MAC, (_m, a: string, sep: string, b: string, c: string) => `${a}${sep}${b}${sep}${c}${sep}xx${sep}xx${sep}xx`);
  for (const [re, to] of HOMES) out = out.replace(re, to);
  // the names themselves wherever they appear (short ones like "pi" would erase ordinary words)
  // a macOS host "Marias-MacBook-Pro.local" is also named without its domain in evidence and errors
  const shortHost = secrets.hostname?.includes('.') ? secrets.hostname.split('.')[0]! : null;
  for (const [value, label] of [[secrets.serial, '[serial]'], [secrets.hostname, '[host]'], [shortHost, '[host]'], [secrets.username, '[user]']] as const) {
    if (value && value.length >= 3) out = out.replace(new RegExp(`\\b${escape(value)}\\b`, 'gi'), label);
  }
  return out;
}

function walk(v: unknown, secrets: Secrets): unknown {
  if (typeof v === 'string') return redactString(v, secrets);
  if (Array.isArray(v)) return v.map((x) => walk(x, secrets));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, secrets)]));
  return v;
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
  const facts = { ...(walk(body.facts, secrets) as T['facts']), os: body.facts.os };
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
