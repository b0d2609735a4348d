// A streaming accumulator: fed one report (or one skipped file) at a time, it keeps only counts and
// capped lists, never the reports, so memory stays bounded however many files a support desk or an
// IT admin points it at. The same code serves the CLI (`summarize`) and the app's viewer.
import type { CheckResult, CheckStatus, Msg } from '../check';
import type { Report } from '../report/model';
import {
  BREAKDOWN_KINDS,
  emptyVerdicts,
  type Breakdown,
  type BreakdownKind,
  type BreakdownRow,
  type CohortSummary,
  type NeedsHelp,
  type RankedCheck,
  type SkipKind,
  type SkippedFile,
  type VerdictCounts,
} from './summary';

export interface CohortLimits {
  /** not-ready / incomplete reports listed (the rest are counted) */
  needsHelp: number;
  /** skipped files listed (the rest are counted) */
  skipped: number;
  /** distinct values per breakdown before the rest go to "other" */
  breakdownValues: number;
  /** distinct check ids ranked */
  checks: number;
  /** distinct fix messages counted per check (the rest of the fixes go uncounted) */
  fixesPerCheck: number;
  /** days kept in the trend (the most recent) */
  days: number;
}

export const DEFAULT_LIMITS: CohortLimits = { needsHelp: 1000, skipped: 1000, breakdownValues: 40, checks: 200, fixesPerCheck: 5, days: 400 };

/** What the accumulator reads of a report (a re-evaluated report has the same shape). */
export type CohortReport = Pick<Report, 'checkId' | 'createdAt' | 'verdict' | 'profile' | 'results' | 'facts'>;

export interface CohortAccumulator {
  add(file: string, report: CohortReport): void;
  skip(file: string, kind: SkipKind, message: Msg): void;
  /** how many reports were counted, and files skipped, so far */
  readonly reports: number;
  readonly skipped: number;
  /** the summary of everything added so far (the accumulator can keep going afterwards) */
  summary(): CohortSummary;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LABEL_CHARS = 80;

/** A value from a file, made fit to be a label: no control or bidi characters, bounded length. */
export function cleanLabel(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  return [...t].length > LABEL_CHARS ? `${[...t].slice(0, LABEL_CHARS - 1).join('')}…` : t;
}

interface CheckStats {
  id: string;
  area: CheckResult['area'];
  title: Msg;
  required: boolean;
  total: number;
  counts: Record<CheckStatus, number>;
  /** distinct fixes in the order first seen (the cap keeps the first ones) */
  fixes: Map<string, { msg: Msg; n: number; fails: number }>;
}

interface BreakdownPart {
  /** distinct values in the order first seen (the cap keeps the first ones) */
  rows: Map<string, BreakdownRow>;
  other: BreakdownRow | null;
}

/** A list kept sorted and cut to a cap lazily (one sort per `cap` additions); `dropped` counts what was cut. */
interface CappedPart<T> {
  items: T[];
  dropped: number;
}

/**
 * The aggregates of a run of reports, in a form that merges: a worker thread summarises its batch of
 * files into one, and the batches are merged in walk order into what one thread reading every file
 * would have counted (merge(split) == whole; tests/unit/cohort/merge.test.ts). Plain data (Maps,
 * Sets, objects), so it crosses postMessage as it is.
 * `limits: null` — nothing dropped yet: a batch, which can be merged on the right of anything. With
 * limits, the caps are applied as reports arrive (memory stays bounded however many are added); a
 * capped partial is a prefix of the cohort, the left side of a merge, never the right: what it cut
 * (a check id past the cap, an "other" value) could be one the left side still needs counted.
 */
export interface CohortPartial {
  limits: CohortLimits | null;
  reports: number;
  verdicts: VerdictCounts;
  checks: Map<string, CheckStats>;
  /** ids past the check cap, counted once each (bounded too: a file can invent any number) */
  omittedIds: Set<string>;
  breakdowns: Record<BreakdownKind, BreakdownPart>;
  needsHelp: CappedPart<NeedsHelp>;
  skipped: CappedPart<SkippedFile>;
  skippedByKind: Partial<Record<SkipKind, number>>;
  skippedCount: number;
  days: Map<string, VerdictCounts>;
  first: { t: number; iso: string } | null;
  last: { t: number; iso: string } | null;
}

const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const needsHelpOrder = (a: NeedsHelp, b: NeedsHelp) => byFile(a, b) || (a.checkId < b.checkId ? -1 : 1);
const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, unknown: 1, warn: 2, pass: 3, 'not-applicable': 4 };

/** Sorts (stable: equal entries keep their arrival order) and cuts to `cap`. */
function trim<T>(list: CappedPart<T>, cap: number, cmp: (a: T, b: T) => number) {
  list.items.sort(cmp);
  if (list.items.length > cap) {
    list.dropped += list.items.length - cap;
    list.items.length = cap;
  }
}

function pushCapped<T>(list: CappedPart<T>, items: readonly T[], dropped: number, cap: number | null, cmp: (a: T, b: T) => number) {
  for (const x of items) list.items.push(x);
  list.dropped += dropped;
  if (cap !== null && list.items.length > cap * 2) trim(list, cap, cmp);
}

/** The calendar day (UTC) of an ISO time, or null when the text is not a time. */
function dayOf(iso: string): string | null {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

export function emptyPartial(limits: Partial<CohortLimits> | null = DEFAULT_LIMITS): CohortPartial {
  return {
    limits: limits ? { ...DEFAULT_LIMITS, ...limits } : null,
    reports: 0,
    verdicts: emptyVerdicts(),
    checks: new Map(),
    omittedIds: new Set(),
    breakdowns: Object.fromEntries(BREAKDOWN_KINDS.map((k) => [k, { rows: new Map(), other: null }])) as unknown as Record<BreakdownKind, BreakdownPart>,
    needsHelp: { items: [], dropped: 0 },
    skipped: { items: [], dropped: 0 },
    skippedByKind: {},
    skippedCount: 0,
    days: new Map(),
    first: null,
    last: null,
  };
}

const addVerdicts = (to: VerdictCounts, from: VerdictCounts) => {
  to.ready += from.ready;
  to['not-ready'] += from['not-ready'];
  to.incomplete += from.incomplete;
};

/** `n` machines of one value: a row of its own while there is room (or when uncapped), else "other". */
function countValue(b: BreakdownPart, cap: number | null, key: string, label: string | null, verdicts: VerdictCounts, total: number) {
  let row = b.rows.get(key);
  if (!row) {
    if (cap !== null && b.rows.size >= cap) row = b.other ??= { label: null, total: 0, verdicts: emptyVerdicts() };
    else b.rows.set(key, (row = { label, total: 0, verdicts: emptyVerdicts() }));
  }
  row.total += total;
  addVerdicts(row.verdicts, verdicts);
}

const oneVerdict = (v: keyof VerdictCounts): VerdictCounts => {
  const c = emptyVerdicts();
  c[v] = 1;
  return c;
};

/** The stats of a check id, made when there is room; null when the id is past the cap (counted once). */
function statsFor(p: CohortPartial, r: Pick<CheckStats, 'id' | 'area' | 'title'>): CheckStats | null {
  let s = p.checks.get(r.id);
  if (s) return s;
  const cap = p.limits?.checks;
  if (cap !== undefined && p.checks.size >= cap) {
    if (p.omittedIds.size < cap * 10) p.omittedIds.add(r.id);
    return null;
  }
  s = {
    id: r.id,
    area: r.area,
    title: r.title,
    required: false,
    total: 0,
    counts: { pass: 0, warn: 0, fail: 0, unknown: 0, 'not-applicable': 0 },
    fixes: new Map(),
  };
  p.checks.set(r.id, s);
  return s;
}

function countFix(p: CohortPartial, s: CheckStats, key: string, msg: Msg, n: number, fails: number) {
  const f = s.fixes.get(key);
  if (f) {
    f.n += n;
    f.fails += fails;
  } else if (p.limits === null || s.fixes.size < p.limits.fixesPerCheck) s.fixes.set(key, { msg, n, fails });
}

function countDay(p: CohortPartial, day: string, verdicts: VerdictCounts) {
  let d = p.days.get(day);
  if (!d) p.days.set(day, (d = emptyVerdicts()));
  addVerdicts(d, verdicts);
  // the most recent days are kept: a day cut here has `days` newer ones, so it could never come back
  // into the trend, and the ones kept have every report counted whatever order they came in
  const cap = p.limits?.days;
  if (cap !== undefined && p.days.size > cap) {
    const sorted = [...p.days.keys()].sort();
    for (const old of sorted.slice(0, p.days.size - cap)) p.days.delete(old);
  }
}

function countTimes(p: CohortPartial, first: { t: number; iso: string } | null, last: { t: number; iso: string } | null) {
  // strict: on a tie the one seen first stays, however the run was split
  if (first && (!p.first || first.t < p.first.t)) p.first = first;
  if (last && (!p.last || last.t > p.last.t)) p.last = last;
}

export function addReport(p: CohortPartial, file: string, report: CohortReport): void {
  p.reports++;
  const v = report.verdict;
  p.verdicts[v]++;
  for (const r of report.results) {
    const s = statsFor(p, r);
    if (!s) continue;
    s.counts[r.status]++;
    // a machine the check does not apply to is not one it ran on: counted apart, never in the total
    if (r.status === 'not-applicable') continue;
    s.total++;
    s.required ||= r.required;
    if (r.status !== 'pass' && r.fix) countFix(p, s, JSON.stringify(r.fix), r.fix, 1, r.status === 'fail' ? 1 : 0);
  }

  const cap = p.limits?.breakdownValues ?? null;
  const one = oneVerdict(v);
  const f = report.facts;
  const b = p.breakdowns;
  countValue(b.exam, cap, report.profile.id, cleanLabel(report.profile.id), one, 1);
  const os = cleanLabel(f.os.name) ?? cleanLabel(f.os.platform === 'other' ? null : f.os.platform);
  countValue(b.os, cap, (os ?? '').toLowerCase(), os, one, 1);
  const maker = cleanLabel(f.device.manufacturer);
  countValue(b.maker, cap, (maker ?? '').toLowerCase(), maker, one, 1);
  // a machine counts once per browser it has, and once under "none" when it has none
  const seen = new Set<string>();
  for (const br of f.browsers.browsers) {
    const name = cleanLabel(br.name) ?? br.id;
    const key = br.id === 'other' ? `other:${name.toLowerCase()}` : br.id;
    if (seen.has(key)) continue;
    seen.add(key);
    countValue(b.browser, cap, key, name, one, 1);
  }
  if (!seen.size) countValue(b.browser, cap, '', null, one, 1);

  if (v !== 'ready') {
    const want: CheckStatus = v === 'not-ready' ? 'fail' : 'unknown';
    const list = report.results
      .filter((r) => r.required && (r.status === want || r.status === 'fail'))
      .map((r) => ({ id: r.id, title: r.title, status: r.status }));
    const h: NeedsHelp = { file, checkId: report.checkId, createdAt: report.createdAt, verdict: v, profileId: report.profile.id, checks: list.slice(0, 30) };
    pushCapped(p.needsHelp, [h], 0, p.limits?.needsHelp ?? null, needsHelpOrder);
  }

  const day = dayOf(report.createdAt);
  if (day) {
    countDay(p, day, one);
    const at = { t: Date.parse(report.createdAt), iso: report.createdAt };
    countTimes(p, at, at);
  }
}

export function addSkip(p: CohortPartial, file: string, kind: SkipKind, message: Msg): void {
  p.skippedCount++;
  p.skippedByKind[kind] = (p.skippedByKind[kind] ?? 0) + 1;
  pushCapped(p.skipped, [{ file, kind, message }], 0, p.limits?.skipped ?? null, byFile);
}

/**
 * `right` (the files after `left`'s, uncapped) counted into `left`, as if its reports had been added
 * one by one: values, ids and fixes are taken in the order `right` first saw them, so the caps keep
 * the same first ones. Associative; `left` is changed and returned, `right` is left alone.
 */
export function mergePartials(left: CohortPartial, right: CohortPartial): CohortPartial {
  if (right.limits !== null) throw new Error('a capped cohort partial can only be the left side of a merge');
  const p = left;
  p.reports += right.reports;
  addVerdicts(p.verdicts, right.verdicts);
  for (const rs of right.checks.values()) {
    const s = statsFor(p, rs);
    if (!s) continue;
    for (const k of Object.keys(s.counts) as CheckStatus[]) s.counts[k] += rs.counts[k];
    s.total += rs.total;
    s.required ||= rs.required;
    for (const [key, f] of rs.fixes) countFix(p, s, key, f.msg, f.n, f.fails);
  }
  const cap = p.limits?.breakdownValues ?? null;
  for (const k of BREAKDOWN_KINDS) for (const [key, row] of right.breakdowns[k].rows) countValue(p.breakdowns[k], cap, key, row.label, row.verdicts, row.total);
  pushCapped(p.needsHelp, right.needsHelp.items, right.needsHelp.dropped, p.limits?.needsHelp ?? null, needsHelpOrder);
  pushCapped(p.skipped, right.skipped.items, right.skipped.dropped, p.limits?.skipped ?? null, byFile);
  p.skippedCount += right.skippedCount;
  for (const [k, n] of Object.entries(right.skippedByKind) as Array<[SkipKind, number]>) p.skippedByKind[k] = (p.skippedByKind[k] ?? 0) + n;
  for (const [day, v] of right.days) countDay(p, day, v);
  countTimes(p, right.first, right.last);
  return p;
}

/** The summary of a partial (a capped copy is made from an uncapped one; the partial can keep going). */
export function summaryOf(partial: CohortPartial, reevaluatedAgainst: { id: string; version: string } | null, limits?: Partial<CohortLimits>): CohortSummary {
  const p = partial.limits ? partial : mergePartials(emptyPartial(limits ?? DEFAULT_LIMITS), partial);
  const lim = p.limits!;
  const ranked: RankedCheck[] = [...p.checks.values()].map((s) => {
    // the fix for a failure beats "run the check again" (the fix for an undetermined result),
    // then the most frequent; ties by text, so the arrival order never decides
    let best: { key: string; msg: Msg; n: number; fails: number } | null = null;
    for (const [key, f] of s.fixes)
      if (!best || f.fails > best.fails || (f.fails === best.fails && (f.n > best.n || (f.n === best.n && key < best.key)))) best = { key, ...f };
    const fix = best?.msg ?? null;
    return { id: s.id, area: s.area, title: s.title, required: s.required, total: s.total, counts: { ...s.counts }, fix };
  });
  ranked.sort(
    (a, b) =>
      b.counts.fail - a.counts.fail ||
      b.counts.unknown - a.counts.unknown ||
      b.counts.warn - a.counts.warn ||
      Number(b.required) - Number(a.required) ||
      a.id.localeCompare(b.id),
  );
  const help: CappedPart<NeedsHelp> = { items: [...p.needsHelp.items], dropped: p.needsHelp.dropped };
  trim(help, lim.needsHelp, needsHelpOrder);
  const helpItems = help.items.map((h) => ({ ...h, checks: [...h.checks].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) }));
  const skip: CappedPart<SkippedFile> = { items: [...p.skipped.items], dropped: p.skipped.dropped };
  trim(skip, lim.skipped, byFile);
  const breakdown = (b: BreakdownPart): Breakdown => {
    const rows = [...b.rows.values()].map((r) => ({ ...r, verdicts: { ...r.verdicts } }));
    rows.sort((x, y) => y.total - x.total || (x.label ?? '\uffff').localeCompare(y.label ?? '\uffff'));
    return { rows, other: b.other ? { ...b.other, verdicts: { ...b.other.verdicts } } : null };
  };
  return {
    reports: p.reports,
    skipped: p.skippedCount,
    skippedByKind: { ...p.skippedByKind },
    skippedFiles: skip.items,
    skippedOmitted: skip.dropped,
    verdicts: { ...p.verdicts },
    reevaluatedAgainst,
    checks: ranked,
    checksOmitted: p.omittedIds.size,
    breakdowns: Object.fromEntries(BREAKDOWN_KINDS.map((k) => [k, breakdown(p.breakdowns[k])])) as CohortSummary['breakdowns'],
    needsHelp: helpItems,
    needsHelpOmitted: help.dropped,
    trend: [...p.days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, v]) => ({ day, verdicts: { ...v } })),
    firstAt: p.first?.iso ?? null,
    lastAt: p.last?.iso ?? null,
  };
}

export function createCohort(opts: { reevaluatedAgainst?: { id: string; version: string } | null; limits?: Partial<CohortLimits> } = {}): CohortAccumulator {
  const p = emptyPartial({ ...DEFAULT_LIMITS, ...opts.limits });
  return {
    get reports() {
      return p.reports;
    },
    get skipped() {
      return p.skippedCount;
    },
    add: (file, report) => addReport(p, file, report),
    skip: (file, kind, message) => addSkip(p, file, kind, message),
    summary: () => summaryOf(p, opts.reevaluatedAgainst ?? null),
  };
}
