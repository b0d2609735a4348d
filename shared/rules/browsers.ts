// Browsers: a current Chrome, Firefox, Safari or Edge (Chromium relatives noted, not counted).
// "Current" is either a fixed minimum (where an exam names one) or the current major and the N
// before it, from the release calendars in shared/catalogs/browsers.json, judged on the day the
// facts were collected — so re-judging the same facts gives the same answer, and the rule never
// quietly goes stale: when the calendar itself is out of date, the check says so (unknown).
import { msg, type Msg, reported } from '../check';
import type { BrowserId, Facts } from '../facts';
import type { Requirements } from '../profile/requirements';
import { browserCatalog, findBrowser } from '../catalogs';
import { dayOf, judgeMajor, releasesUntil } from '../catalogs/calendar';
import { compareVersions, define, failOrWarn } from './template';

const NAME: Record<BrowserId, string> = {
  chrome: 'Chrome',
  firefox: 'Firefox',
  safari: 'Safari',
  edge: 'Edge',
  chromium: 'Chromium',
  brave: 'Brave',
  opera: 'Opera',
  vivaldi: 'Vivaldi',
  other: '?',
};

type Accepted = NonNullable<Requirements['browsers']>['accepted'][number];
type Installed = Facts['browsers']['browsers'][number];
/** ok: true/false; null: the version could not be read; 'stale'/'no-date'/'no-calendar': "current" cannot be judged */
type Outcome = { a: Accepted; b: Installed; ok: boolean | null | 'stale' | 'no-date' | 'no-calendar'; note?: Msg };

/** Safari has no "About" updater: it comes with macOS updates. */
const updateFix = (id: BrowserId) =>
  id === 'safari' ? msg('checks:browsers.supported.fix.updateSafari') : msg('checks:browsers.supported.fix.update', { name: NAME[id] });

/** The oldest major a calendar rule accepts today ("Chrome 142+"), or null when it cannot be told. */
function oldestAccepted(a: Accepted & { majorsBehind: number }, today: string | null): number | null {
  const cal = findBrowser(a.id);
  if (!cal || !today || judgeMajor(cal, 0, today, browserCatalog().staleAfterDays).stale) return null;
  const rs = releasesUntil(cal, today);
  return rs[Math.max(0, rs.length - 1 - a.majorsBehind)]?.major ?? null;
}

function judge(a: Accepted, b: Installed, today: string | null): Outcome {
  if ('minVersion' in a) return { a, b, ok: b.version ? compareVersions(b.version, a.minVersion) >= 0 : null };
  const major = b.version ? parseInt(b.version, 10) : NaN;
  if (!Number.isFinite(major)) return { a, b, ok: null };
  const cal = findBrowser(a.id);
  if (!cal) return { a, b, ok: 'no-calendar', note: msg('profiles:browsers.calendar.none', { name: NAME[a.id] }) };
  if (!today) return { a, b, ok: 'no-date', note: msg('profiles:browsers.calendar.noDate') };
  const j = judgeMajor(cal, major, today, browserCatalog().staleAfterDays);
  if (j.stale || !j.current) {
    return {
      a,
      b,
      ok: 'stale',
      note: msg('profiles:browsers.calendar.stale', {
        name: NAME[a.id],
        last: j.lastAnchor.major,
        lastDate: j.lastAnchor.date,
        today,
        catalog: browserCatalog().version,
      }),
    };
  }
  const first = cal.anchors[0]!;
  // older than anything the calendar knows: how far behind cannot be counted, only that it is too old
  if (major < first.major && a.majorsBehind < j.behind) {
    return {
      a,
      b,
      ok: false,
      note: msg('profiles:browsers.calendar.older', {
        name: NAME[a.id],
        ...reported('version', b.version),
        current: j.current.major,
        today,
        oldest: first.major,
        oldestDate: first.date,
      }),
    };
  }
  const params = { name: NAME[a.id], ...reported('version', b.version), current: j.current.major, today, count: j.behind, n: a.majorsBehind };
  return {
    a,
    b,
    ok: j.behind <= a.majorsBehind,
    note: msg(j.behind === 0 ? 'profiles:browsers.calendar.isCurrent' : 'profiles:browsers.calendar.behind', params),
  };
}

export const browsersSupported = define({
  id: 'browsers.supported',
  area: 'browsers',
  reads: ['browsers'],
  rule: (req) => req.browsers,
  judge: (facts, rule) => {
    const installed = facts.browsers.browsers;
    const today = dayOf(facts.collectedAt);
    const listed = rule.accepted
      .map((a) => {
        if ('minVersion' in a) return `${NAME[a.id]} ${a.minVersion}+`;
        const oldest = oldestAccepted(a, today);
        return oldest === null ? `${NAME[a.id]} (?)` : `${NAME[a.id]} ${oldest}+`;
      })
      .join(', ');
    const usesCalendar = rule.accepted.some((a) => 'majorsBehind' in a);
    const expected = usesCalendar
      ? msg('profiles:browsers.calendar.expected', { list: listed, ...reported('today', today), catalog: browserCatalog().version })
      : msg('checks:browsers.supported.expected', { list: listed, ...reported('reviewed', rule.reviewed) });
    const observed = installed.length
      ? msg('checks:browsers.supported.observed.list', { list: installed.map((b) => [NAME[b.id], b.version].filter(Boolean).join(' ')).join(', ') })
      : msg('checks:browsers.supported.observed.none');
    const judged = rule.accepted.flatMap((a) => installed.filter((b) => b.id === a.id).map((b) => judge(a, b, today)));
    const evidence = [
      ...installed.map((b) => msg('checks:browsers.supported.evidence.found', { name: b.name, ...reported('version', b.version), via: b.via })),
      ...judged.flatMap((j) => (j.note ? [j.note] : [])),
    ];
    const recommended = rule.recommended ? NAME[rule.recommended] : null;
    if (judged.some((j) => j.ok === true)) {
      const hasRecommended = !rule.recommended || judged.some((j) => j.ok === true && j.b.id === rule.recommended);
      return {
        status: 'pass',
        observed,
        expected,
        evidence: hasRecommended ? evidence : [...evidence, msg('checks:browsers.supported.evidence.recommended', { name: recommended ?? '' })],
      };
    }
    const unread = judged.find((j) => j.ok === null);
    if (unread)
      return {
        status: 'unknown',
        observed,
        expected,
        evidence: [...evidence, msg('checks:browsers.supported.evidence.noVersion')],
        fix: updateFix(unread.b.id),
      };
    // the calendar cannot say what "current" is today: say so rather than guess
    const undetermined = judged.find((j) => typeof j.ok === 'string');
    if (undetermined)
      return { status: 'unknown', observed, expected, evidence, fix: msg('profiles:browsers.calendar.fixUpdateApp', { name: NAME[undetermined.b.id] }) };
    const old = judged.find((j) => j.ok === false);
    if (old) {
      const why =
        'minVersion' in old.a
          ? [msg('checks:browsers.supported.evidence.old', { name: NAME[old.b.id], ...reported('version', old.b.version), min: old.a.minVersion })]
          : [];
      return { status: failOrWarn(rule.required), observed, expected, evidence: [...evidence, ...why], fix: updateFix(old.b.id) };
    }
    const relatives = installed.filter((b) => !rule.accepted.some((a) => a.id === b.id));
    return {
      status: failOrWarn(rule.required),
      observed,
      expected,
      evidence: relatives.length
        ? [...evidence, msg('checks:browsers.supported.evidence.relativesOnly', { list: relatives.map((b) => NAME[b.id]).join(', ') })]
        : evidence,
      fix: msg('checks:browsers.supported.fix.install', { name: recommended ?? NAME[rule.accepted[0]!.id] }),
    };
  },
});
