// What a learner reads first, in the order that decides the verdict (issue 29): required failures,
// then required checks that could not be determined, then advisory failures and warnings. Advisory
// checks that could not be read on this computer do not compete with those: they collapse into one
// line ("11 optional checks could not be read on this computer"), grouped by why. The check screen,
// the summary, the report (HTML and text) and the report viewer all read this one ordering.
//
// A status other than pass, fail, warn and unknown (e.g. a check that does not apply here) is left
// out of every list: only the statuses known to matter are ever put in front of the learner.
import { msg, type CheckResult, type Msg } from '../check';

/** The place of a result in the attention list; lower comes first. */
export type AttentionRank = 'required-fail' | 'required-unknown' | 'advisory';

export interface UnreadGroup {
  /** why these checks could not be read, in the learner's words (a message, rendered per language) */
  reason: Msg;
  results: CheckResult[];
}

export interface Attention {
  /** what to look at, in the order that decides the verdict */
  first: CheckResult[];
  /** advisory checks that could not be determined, grouped by reason (largest group first) */
  unread: UnreadGroup[];
  /** how many results are in `unread` */
  unreadCount: number;
  passed: CheckResult[];
}

/** The rank of one result, or null when it is not put in front of the learner (passed, collapsed, or a status not known here). */
export function attentionRank(r: Pick<CheckResult, 'status' | 'required'>): AttentionRank | null {
  const status: string = r.status;
  if (status === 'fail') return r.required ? 'required-fail' : 'advisory';
  if (status === 'unknown') return r.required ? 'required-unknown' : null;
  if (status === 'warn') return 'advisory';
  return null;
}

const ORDER: Record<AttentionRank, number> = { 'required-fail': 0, 'required-unknown': 1, advisory: 2 };
/** within the advisory findings: a failure before a warning */
const within = (r: CheckResult) => (r.status === 'fail' ? 0 : 1);

/**
 * Reasons that differ only in what the window would have seen (displays, scaling, touch) read as
 * one to a learner: "only the app's window can see the displays". Keys are the os-state collectors'
 * reason codes (shared/facts.ts OS_STATE_REASONS).
 */
const SAME_REASON: Readonly<Record<string, Msg>> = {
  'osstate:reason.noWindow': msg('report:attention.reason.window'),
  'osstate:reason.windowTouch': msg('report:attention.reason.window'),
  'osstate:reason.windowScale': msg('report:attention.reason.window'),
};

/**
 * Why an undetermined check could not be read: a known collector reason (an "@reason" parameter
 * holds its message key), else its first piece of evidence as written, else "no reason given".
 */
export function unreadReason(r: Pick<CheckResult, 'evidence'>): Msg {
  for (const e of r.evidence) {
    const code = e.params?.['@reason'];
    if (typeof code === 'string' && code.startsWith('osstate:reason.')) return SAME_REASON[code] ?? { key: code };
    // a program's own error, as written (data): the reason alone, without what was read
    const text = e.params?.reason;
    if (e.key === 'osstate:common.unreadable' && typeof text === 'string') return msg('report:attention.reason.text', { reason: text });
  }
  return r.evidence[0] ?? msg('report:attention.reason.none');
}

/** The identity of a reason: key and parameters in a stable order (two equal messages group together). */
const reasonId = (m: Msg) => JSON.stringify([m.key, Object.entries(m.params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);

export function attentionOf(results: readonly CheckResult[]): Attention {
  const first = results
    .map((r, i) => ({ r, i, rank: attentionRank(r) }))
    .filter((x): x is { r: CheckResult; i: number; rank: AttentionRank } => x.rank !== null)
    // a stable sort by rank, then fail before warn; ties keep the checks' own order
    .sort((a, b) => ORDER[a.rank] - ORDER[b.rank] || within(a.r) - within(b.r) || a.i - b.i)
    .map((x) => x.r);
  const groups = new Map<string, UnreadGroup>();
  for (const r of results) {
    if (r.status !== 'unknown' || r.required) continue;
    const reason = unreadReason(r);
    const id = reasonId(reason);
    const g = groups.get(id) ?? { reason, results: [] };
    g.results.push(r);
    groups.set(id, g);
  }
  const unread = [...groups.values()].sort((a, b) => b.results.length - a.results.length);
  return { first, unread, unreadCount: unread.reduce((n, g) => n + g.results.length, 0), passed: results.filter((r) => r.status === 'pass') };
}
