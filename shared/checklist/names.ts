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
/** words of a name: case folded, punctuation other than hyphens and apostrophes dropped */
const words = (s: string) => s.normalize('NFC').toLocaleLowerCase('en').replace(/[.,;:()"]/g, ' ').split(/\s+/).filter(Boolean);
/** apostrophes dropped ("O'Neil" = "ONeil"), hyphens split ("Mary-Jane" = "Mary Jane") */
const unhyphen = (ws: string[]) => ws.flatMap((w) => w.replace(/['’]/g, '').split(/[-‐‑–]/)).filter(Boolean);
/** each compared word (as `words` + accents + `unhyphen` make it) back to how the learner typed it */
function spellings(typed: string): (w: string) => string {
  const map = new Map<string, string>();
  for (const t of typed.normalize('NFC').replace(/[.,;:()"]/g, ' ').split(/[\s‐‑–-]+/).filter(Boolean)) {
    const key = stripAccents(t.toLocaleLowerCase('en')).replace(/['’]/g, '');
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
  const a0 = words(accountName);
  const b0 = words(idName);
  if (!a0.length || !b0.length) return { verdict: 'incomplete', notes: [], fix: null };
  const notes: Msg[] = [];
  if (a0.join(' ') === b0.join(' ')) {
    // IDs are often printed in capitals: a match, with a word saying it was noticed
    const cased = accountName.trim().replace(/\s+/g, ' ') !== idName.trim().replace(/\s+/g, ' ');
    return { verdict: 'match', notes: cased ? [msg('checklist:name.note.case')] : [], fix: null };
  }
  // accents: a word spelt with and without them on the two sides ("José" / "Jose")
  const differsByAccent = a0.some((x) => b0.some((y) => x !== y && stripAccents(x) === stripAccents(y)));
  if (differsByAccent) notes.push(msg('checklist:name.note.accents'));
  let a = a0.map(stripAccents);
  let b = b0.map(stripAccents);
  // hyphens and apostrophes: "Mary-Jane" / "Mary Jane", "O'Neil" / "ONeil" handled as separate words
  const hyphenated = (xs: string[], ys: string[]) => xs.some((w) => /[-‐‑–'’]/.test(w) && !ys.includes(w));
  if (hyphenated(a, b) || hyphenated(b, a)) notes.push(msg('checklist:name.note.hyphens'));
  a = unhyphen(a);
  b = unhyphen(b);
  if (a.join(' ') === b.join(' ')) return done(notes);
  if (sameSet(a, b)) return done([...notes, msg('checklist:name.note.order')]);

  // middle names or initials present on one side only: the first and last names must still agree
  const [short, long, shortIsAccount] = a.length <= b.length ? [a, b, true] : [b, a, false];
  // notes quote the words as typed ("Fernanda", not "fernanda")
  const [asTypedA, asTypedB] = [spellings(accountName), spellings(idName)];
  const [asShort, asLong] = shortIsAccount ? [asTypedA, asTypedB] : [asTypedB, asTypedA];
  const firstLast = short.length >= 2 && (short[0] === long[0] || (short[0]!.length === 1 && long[0]!.startsWith(short[0]!))) && short.at(-1) === long.at(-1);
  const inOrder = containedInOrder(short, long);
  if (firstLast && inOrder.ok) {
    if (inOrder.extra.length) notes.push(msg(shortIsAccount ? 'checklist:name.note.extraOnId' : 'checklist:name.note.extraOnAccount', { names: inOrder.extra.map(asLong).join(' ') }));
    if (inOrder.initials.length) notes.push(msg('checklist:name.note.initials', { initials: inOrder.initials.map(([i, w]) => `${asShort(i).toUpperCase()}. = ${asLong(w)}`).join(', ') }));
    return { verdict: 'match-with-notes', notes, fix: msg('checklist:name.fix.partial') };
  }
  const missing = a.filter((w) => !b.includes(w));
  const extra = b.filter((w) => !a.includes(w));
  return {
    verdict: 'mismatch',
    notes: [...notes, msg('checklist:name.note.different', { account: missing.map(asTypedA).join(' ') || '—', id: extra.map(asTypedB).join(' ') || '—' })],
    fix: msg('checklist:name.fix.mismatch'),
  };
}

function done(notes: Msg[]): NameComparison {
  return { verdict: notes.length ? 'match-with-notes' : 'match', notes, fix: null };
}
