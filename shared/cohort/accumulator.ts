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

/** A list kept sorted by `key` and cut to `cap` entries lazily (amortised: one sort per `cap` additions). */
class CappedList<T> {
  private items: T[] = [];
  private dropped = 0;
  constructor(
    private readonly cap: number,
    private readonly cmp: (a: T, b: T) => number,
  ) {}
  push(x: T) {
    this.items.push(x);
    if (this.items.length > this.cap * 2) this.trim();
  }
  private trim() {
    this.items.sort(this.cmp);
    if (this.items.length > this.cap) {
      this.dropped += this.items.length - this.cap;
      this.items.length = this.cap;
    }
  }
  result(): { items: T[]; omitted: number } {
    this.trim();
    return { items: [...this.items], omitted: this.dropped };
  }
}

interface CheckStats {
  id: string;
  area: CheckResult['area'];
  title: Msg;
  required: boolean;
  total: number;
  counts: Record<CheckStatus, number>;
  fixes: Map<string, { msg: Msg; n: number; fails: number }>;
}

class BreakdownCounter {
  private rows = new Map<string, BreakdownRow>();
  private other: BreakdownRow | null = null;
  constructor(private readonly cap: number) {}
  add(key: string, label: string | null, verdict: keyof VerdictCounts) {
    let row = this.rows.get(key);
    if (!row) {
      if (this.rows.size >= this.cap) row = this.other ??= { label: null, total: 0, verdicts: emptyVerdicts() };
      else this.rows.set(key, (row = { label, total: 0, verdicts: emptyVerdicts() }));
    }
    row.total++;
    row.verdicts[verdict]++;
  }
  result(): Breakdown {
    const rows = [...this.rows.values()].map((r) => ({ ...r, verdicts: { ...r.verdicts } }));
    rows.sort((a, b) => b.total - a.total || (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff'));
    return { rows, other: this.other ? { ...this.other, verdicts: { ...this.other.verdicts } } : null };
  }
}

const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, unknown: 1, warn: 2, pass: 3, 'not-applicable': 4 };

/** The calendar day (UTC) of an ISO time, or null when the text is not a time. */
function dayOf(iso: string): string | null {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

export function createCohort(opts: { reevaluatedAgainst?: { id: string; version: string } | null; limits?: Partial<CohortLimits> } = {}): CohortAccumulator {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const verdicts = emptyVerdicts();
  const checks = new Map<string, CheckStats>();
  let checksOmitted = 0;
  const omittedIds = new Set<string>();
  const breakdowns = Object.fromEntries(BREAKDOWN_KINDS.map((k) => [k, new BreakdownCounter(limits.breakdownValues)])) as Record<
    BreakdownKind,
    BreakdownCounter
  >;
  const needsHelp = new CappedList<NeedsHelp>(limits.needsHelp, (a, b) => byFile(a, b) || (a.checkId < b.checkId ? -1 : 1));
  const skipped = new CappedList<SkippedFile>(limits.skipped, byFile);
  const skippedByKind: Partial<Record<SkipKind, number>> = {};
  let skippedCount = 0;
  const days = new Map<string, VerdictCounts>();
  let reports = 0;
  let first: { t: number; iso: string } | null = null;
  let last: { t: number; iso: string } | null = null;

  const countCheck = (r: CheckResult) => {
    let s = checks.get(r.id);
    if (!s) {
      if (checks.size >= limits.checks) {
        // a file can invent any number of ids: rank the first ones, count the rest once each
        if (omittedIds.size < limits.checks * 10 && !omittedIds.has(r.id)) {
          omittedIds.add(r.id);
          checksOmitted++;
        }
        return;
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
      checks.set(r.id, s);
    }
    s.counts[r.status]++;
    // a machine the check does not apply to is not one it ran on: counted apart, never in the total
    if (r.status === 'not-applicable') return;
    s.total++;
    s.required ||= r.required;
    if (r.status !== 'pass' && r.fix) {
      const key = JSON.stringify(r.fix);
      const f = s.fixes.get(key);
      const fails = r.status === 'fail' ? 1 : 0;
      if (f) {
        f.n++;
        f.fails += fails;
      } else if (s.fixes.size < limits.fixesPerCheck) s.fixes.set(key, { msg: r.fix, n: 1, fails });
    }
  };

  return {
    get reports() {
      return reports;
    },
    get skipped() {
      return skippedCount;
    },

    add(file, report) {
      reports++;
      const v = report.verdict;
      verdicts[v]++;
      for (const r of report.results) countCheck(r);

      const f = report.facts;
      breakdowns.exam.add(report.profile.id, cleanLabel(report.profile.id), v);
      const os = cleanLabel(f.os.name) ?? cleanLabel(f.os.platform === 'other' ? null : f.os.platform);
      breakdowns.os.add((os ?? '').toLowerCase(), os, v);
      const maker = cleanLabel(f.device.manufacturer);
      breakdowns.maker.add((maker ?? '').toLowerCase(), maker, v);
      // a machine counts once per browser it has, and once under "none" when it has none
      const seen = new Set<string>();
      for (const b of f.browsers.browsers) {
        const name = cleanLabel(b.name) ?? b.id;
        const key = b.id === 'other' ? `other:${name.toLowerCase()}` : b.id;
        if (seen.has(key)) continue;
        seen.add(key);
        breakdowns.browser.add(key, name, v);
      }
      if (!seen.size) breakdowns.browser.add('', null, v);

      if (v !== 'ready') {
        const want: CheckStatus = v === 'not-ready' ? 'fail' : 'unknown';
        const list = report.results
          .filter((r) => r.required && (r.status === want || r.status === 'fail'))
          .map((r) => ({ id: r.id, title: r.title, status: r.status }));
        needsHelp.push({ file, checkId: report.checkId, createdAt: report.createdAt, verdict: v, profileId: report.profile.id, checks: list.slice(0, 30) });
      }

      const day = dayOf(report.createdAt);
      if (day) {
        let d = days.get(day);
        if (!d) {
          days.set(day, (d = emptyVerdicts()));
          if (days.size > limits.days) days.delete([...days.keys()].sort()[0]!);
        }
        if (days.has(day)) d[v]++;
        const t = Date.parse(report.createdAt);
        if (!first || t < first.t) first = { t, iso: report.createdAt };
        if (!last || t > last.t) last = { t, iso: report.createdAt };
      }
    },

    skip(file, kind, message) {
      skippedCount++;
      skippedByKind[kind] = (skippedByKind[kind] ?? 0) + 1;
      skipped.push({ file, kind, message });
    },

    summary() {
      const ranked: RankedCheck[] = [...checks.values()].map((s) => {
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
      const help = needsHelp.result();
      for (const h of help.items) h.checks.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      const skip = skipped.result();
      return {
        reports,
        skipped: skippedCount,
        skippedByKind: { ...skippedByKind },
        skippedFiles: skip.items,
        skippedOmitted: skip.omitted,
        verdicts: { ...verdicts },
        reevaluatedAgainst: opts.reevaluatedAgainst ?? null,
        checks: ranked,
        checksOmitted,
        breakdowns: Object.fromEntries(BREAKDOWN_KINDS.map((k) => [k, breakdowns[k].result()])) as CohortSummary['breakdowns'],
        needsHelp: help.items,
        needsHelpOmitted: help.omitted,
        trend: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, v]) => ({ day, verdicts: { ...v } })),
        firstAt: first?.iso ?? null,
        lastAt: last?.iso ?? null,
      };
    },
  };
}
