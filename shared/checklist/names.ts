// The name on the exam account against the name printed on the ID. Proctors compare them by eye:
// differences of case, spacing, accents or name order are usually accepted, a missing middle name
// or an initial often is, a different name is not. Each difference found is explained (i18n keys),
// so the learner can decide — or fix the account — before exam day. Pure.
import { msg, type Msg } from '../check';

export type NameVerdict = 'match' | 'match-with-notes' | 'mismatch' | 'incomplete';
export interface NameComparison {
  verdict: NameVerdict;
  /** what differs, each as a message (checklist:name.note.*) */
  notes: Msg[];
  /** what to do (null on a clean match) */
  fix: Msg | null;
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Longest name compared (the fields allow no more): a longer paste is cut, never echoed whole. */
export const MAX_NAME_CHARS = 200;

/**
 * Letters that NFD does not split into a base letter and a mark, with how they are written
 * without them (ID machine-readable lines and English keyboards do so): Polish ł, Nordic ø æ,
 * German ß, French œ, South Slavic đ, Turkish ı, Icelandic þ ð, Maltese ħ, Catalan ŀ.
 */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', ı: 'i', þ: 'th', ħ: 'h', ŀ: 'l', ŧ: 't', ĸ: 'k' };
const LETTERS_RE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');
/** special letters folded, accents kept */
const foldLetters = (s: string) => s.replace(LETTERS_RE, (c) => LETTERS[c]!);
/** what two spellings of one name share: no accents, no special letters */
const fold = (s: string) => foldLetters(stripAccents(s));

/** Small words of family names that are often left out or added: "da Silva", "van Gogh", "del Río". */
const PARTICLES = new Set([
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'den',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'y',
  'e',
  'zu',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'af',
  'av',
  'dei',
  'degli',
]);

/** Words quoted in a note: at most four, each at most 30 characters, so a pasted essay stays short. */
function quote(ws: string[]): string {
  const cut = (w: string) => (w.length > 30 ? `${w.slice(0, 30)}…` : w);
  return ws.slice(0, 4).map(cut).join(' ') + (ws.length > 4 ? ' …' : '');
}
/** words of a name: case folded, punctuation other than hyphens and apostrophes dropped */
const words = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[.,;:()"]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
/** apostrophes dropped ("O'Neil" = "ONeil"), hyphens split ("Mary-Jane" = "Mary Jane") */
const unhyphen = (ws: string[]) => ws.flatMap((w) => w.replace(/['’]/g, '').split(/[-‐‑–]/)).filter(Boolean);
/** each compared word (as `words` + accents + `unhyphen` make it) back to how the learner typed it */
function spellings(typed: string): (w: string) => string {
  const map = new Map<string, string>();
  for (const t of typed
    .normalize('NFC')
    .replace(/[.,;:()"]/g, ' ')
    .split(/[\s‐‑–-]+/)
    .filter(Boolean)) {
    const key = fold(t.toLocaleLowerCase('en')).replace(/['’]/g, '');
    if (!map.has(key)) map.set(key, t);
  }
  return (w) => map.get(w) ?? w;
}
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

/** Is every word of `short` in `long` (in order), counting an initial ("f") as its full word? */
function containedInOrder(short: string[], long: string[]): { ok: boolean; initials: Array<[string, string]>; extra: string[] } {
  const initials: Array<[string, string]> = [];
  const extra: string[] = [];
  let j = 0;
  for (const w of short) {
    while (j < long.length && long[j] !== w && !(w.length === 1 && long[j]!.startsWith(w))) extra.push(long[j++]!);
    if (j === long.length) return { ok: false, initials, extra };
    if (long[j] !== w) initials.push([w, long[j]!]);
    j++;
  }
  extra.push(...long.slice(j));
  return { ok: true, initials, extra };
}

export function compareNames(accountName: string, idName: string): NameComparison {
  accountName = accountName.slice(0, MAX_NAME_CHARS);
  idName = idName.slice(0, MAX_NAME_CHARS);
  const a0 = words(accountName);
  const b0 = words(idName);
  if (!a0.length || !b0.length) return { verdict: 'incomplete', notes: [], fix: null };
  const notes: Msg[] = [];
  if (a0.join(' ') === b0.join(' ')) {
    // IDs are often printed in capitals: a match, with a word saying it was noticed
    const cased = accountName.trim().replace(/\s+/g, ' ') !== idName.trim().replace(/\s+/g, ' ');
    return { verdict: 'match', notes: cased ? [msg('checklist:name.note.case')] : [], fix: null };
  }
  // the same word spelt two ways: with and without accents ("José" / "Jose"), or with a letter
  // NFD leaves whole ("Łukasz" / "Lukasz", "Strauß" / "Strauss")
  const pairs = a0.flatMap((x) => b0.filter((y) => x !== y && fold(x) === fold(y)).map((y) => [x, y] as const));
  if (pairs.some(([x, y]) => foldLetters(x) !== foldLetters(y))) notes.push(msg('checklist:name.note.accents'));
  if (pairs.some(([x, y]) => stripAccents(x) !== stripAccents(y))) notes.push(msg('checklist:name.note.letters'));
  let a = a0.map(fold);
  let b = b0.map(fold);
  // hyphens and apostrophes: "Mary-Jane" / "Mary Jane", "O'Neil" / "ONeil" handled as separate words
  const hyphenated = (xs: string[], ys: string[]) => xs.some((w) => /[-‐‑–'’]/.test(w) && !ys.includes(w));
  if (hyphenated(a, b) || hyphenated(b, a)) notes.push(msg('checklist:name.note.hyphens'));
  a = unhyphen(a);
  b = unhyphen(b);
  if (a.join(' ') === b.join(' ')) return done(notes);
  // notes quote the words as typed ("Fernanda", not "fernanda")
  const [asTypedA, asTypedB] = [spellings(accountName), spellings(idName)];
  // particles on one side only ("Maria da Silva" / "Maria Silva"): said, then set aside
  const onlyA = a.filter((w) => PARTICLES.has(w) && !b.includes(w));
  const onlyB = b.filter((w) => PARTICLES.has(w) && !a.includes(w));
  if (onlyB.length) notes.push(msg('checklist:name.note.particlesOnId', { names: quote(onlyB.map(asTypedB)) }));
  if (onlyA.length) notes.push(msg('checklist:name.note.particlesOnAccount', { names: quote(onlyA.map(asTypedA)) }));
  a = a.filter((w) => !onlyA.includes(w));
  b = b.filter((w) => !onlyB.includes(w));
  if (a.join(' ') === b.join(' ')) return done(notes);
  if (sameSet(a, b)) return done([...notes, msg('checklist:name.note.order')]);

  // middle names, initials or a second surname on one side only: the first name must agree and
  // every word of the shorter name be found, in order, in the longer one
  const [short, long, shortIsAccount] = a.length <= b.length ? [a, b, true] : [b, a, false];
  const [asShort, asLong] = shortIsAccount ? [asTypedA, asTypedB] : [asTypedB, asTypedA];
  const firstAgrees = short.length >= 2 && (short[0] === long[0] || (short[0]!.length === 1 && long[0]!.startsWith(short[0]!)));
  const inOrder = containedInOrder(short, long);
  if (firstAgrees && inOrder.ok) {
    // words after the last shared one are a further surname ("García" / "García López")
    const lastShared = long.lastIndexOf(short.at(-1)!);
    const trailing = lastShared >= 0 ? long.slice(lastShared + 1) : [];
    const middle = inOrder.extra.slice(0, inOrder.extra.length - trailing.length);
    const side = shortIsAccount ? 'OnId' : 'OnAccount';
    if (middle.length) notes.push(msg(`checklist:name.note.extra${side}`, { names: quote(middle.map(asLong)) }));
    if (inOrder.initials.length)
      notes.push(
        msg('checklist:name.note.initials', {
          initials: inOrder.initials
            .slice(0, 4)
            .map(([i, w]) => `${asShort(i).toUpperCase()}. = ${quote([asLong(w)])}`)
            .join(', '),
        }),
      );
    if (trailing.length) notes.push(msg(`checklist:name.note.surname${side}`, { names: quote(trailing.map(asLong)) }));
    return { verdict: 'match-with-notes', notes, fix: msg(trailing.length ? 'checklist:name.fix.surname' : 'checklist:name.fix.partial') };
  }
  const missing = a.filter((w) => !b.includes(w));
  const extra = b.filter((w) => !a.includes(w));
  return {
    verdict: 'mismatch',
    notes: [...notes, msg('checklist:name.note.different', { account: quote(missing.map(asTypedA)) || '—', id: quote(extra.map(asTypedB)) || '—' })],
    fix: msg('checklist:name.fix.mismatch'),
  };
}

function done(notes: Msg[]): NameComparison {
  return { verdict: notes.length ? 'match-with-notes' : 'match', notes, fix: null };
}
