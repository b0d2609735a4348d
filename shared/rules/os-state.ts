// Operating-system states that break proctored sessions, one check per rule of requirements.osState.
// Every check says, in this order: not applicable on this platform (macOS has no S mode: the
// template's `not-applicable`, from the check's `platforms`), not collected (facts from an older version or another exam: unknown),
// not readable (unknown with the reason, and the fix says where to look by hand), then the verdict.
// Texts live in the `osstate` namespace; values read from the machine are data, never keys.
import { dataMsg, msg, NOT_REPORTED, reported, type CheckArea, type Msg } from '../check';
import { OS_STATE_REASONS, type FactArea, type Facts, type Observed, type OsStateFacts, type Platform } from '../facts';
import type { OsStateRequirements } from '../profile/os-state-requirements';
import type { Profile } from '../profile/schema';
import type { Requirements } from '../profile/requirements';
import { PLATFORM_NAMES } from './os';
import { compareVersions, define, failOrWarn, type CheckDef, type RuleRef, type Verdict } from './template';
import { versionBesideName } from './fact-labels';

/**
 * A value from the machine (or a report file) as a message parameter: no control characters (a
 * terminal would obey them), never read as a key ("@…" params are translated), bounded.
 */
const data = (s: string): string =>
  s
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/^[@\s]+/, '')
    .slice(0, 200);

const REASON_CODES = new Map<string, string>(Object.entries(OS_STATE_REASONS).map(([code, text]) => [text, code]));
/**
 * A collector's reason as the `reason` parameter: a known one in the reader's language (exact match
 * only; a "@"-named param holds a message key), any other as written (data, never a key).
 */
const reasonParam = (r: string | undefined): Record<string, string | number> => {
  const code = r === undefined ? undefined : REASON_CODES.get(r);
  return code ? { '@reason': `osstate:reason.${code}` } : r === undefined ? reported('reason', null) : { reason: data(r) };
};

type Key = Exclude<keyof OsStateRequirements, 'proctoringSoftware' | 'idleTimeouts' | 'displayScaling' | 'displayMode'>;
type BoolField = { [K in keyof OsStateFacts]-?: NonNullable<OsStateFacts[K]> extends Observed<boolean> ? K : never }[keyof OsStateFacts];

/** The desktop systems: most states exist on all three, and each has a fix text of its own. */
const DESKTOPS: readonly Platform[] = ['windows', 'macos', 'linux'];
const fixFor = (name: string, platform: Platform): Msg => dataMsg(`osstate:${name}.fix.${DESKTOPS.includes(platform) ? platform : 'other'}`);

const notCollected = (): Verdict => ({ status: 'unknown', evidence: [msg('osstate:common.notCollected')], fix: msg('checks:common.fix.rerun') });
const viaEvidence = (o: Observed<unknown>): Msg[] => [
  msg('osstate:common.via', { via: data(o.via) }),
  ...(o.details ?? []).slice(0, 5).map((d) => msg('osstate:common.detail', { detail: data(d) })),
];
const unreadable = (o: Observed<unknown>, fix: Msg): Verdict => ({
  status: 'unknown',
  evidence: [msg('osstate:common.unreadable', { via: data(o.via), ...reasonParam(o.reason) })],
  fix,
});
/** A state read with a value; anything else stops at notCollected or unreadable (`unjudged`). */
const readable = <T>(o: Observed<T> | undefined): o is Observed<T> & { value: T } => !!o && o.value !== null;
/** The verdict for a state with no value: not collected (absent), or not readable (null, with the reason). */
const unjudged = (o: Observed<unknown> | undefined, expected: Msg, fix: Msg): Verdict =>
  o ? { ...unreadable(o, fix), expected } : { ...notCollected(), expected };

/**
 * An OS-state check: id osstate.<name>, its title and texts in the osstate namespace, shown with the
 * system checks, reading the OS and its states unless it says otherwise.
 */
function stateCheck<R extends RuleRef>(
  name: string,
  def: { reads?: readonly FactArea[]; platforms?: readonly Platform[]; rule: CheckDef<R>['rule']; judge: CheckDef<R>['judge'] },
): CheckDef {
  return define<R>({ ...def, id: `osstate.${name}`, titleKey: `osstate:${name}.title`, area: 'system', reads: def.reads ?? ['os', 'osState'] });
}

interface BoolSpec {
  key: Key;
  /** the catalog name: osstate:<name>.title, .expected, .observed.yes|no, .fix.<platform> */
  name: string;
  field: BoolField;
  area?: CheckArea;
  /** platforms where the state exists; elsewhere the check is not applicable */
  platforms: readonly Platform[];
  /** the value that is a problem */
  bad: boolean;
  /** other facts to read (e.g. running programs for rdpclip.exe) */
  extraReads?: CheckDef['reads'];
  /** a second witness that can settle the value (e.g. rdpclip.exe running means a Remote Desktop session) */
  override?: (facts: Facts) => { value: boolean; evidence: Msg } | null;
}

function boolCheck(spec: BoolSpec): CheckDef {
  return stateCheck(spec.name, {
    reads: ['os', 'osState', ...(spec.extraReads ?? [])],
    platforms: spec.platforms,
    rule: (req) => req.osState?.[spec.key],
    judge: (facts, rule) => {
      const platform = facts.os.platform;
      const expected = dataMsg(`osstate:${spec.name}.expected`);
      const fix = fixFor(spec.name, platform);
      const forced = spec.override?.(facts) ?? null;
      const o = facts.osState[spec.field] as Observed<boolean> | undefined;
      if (!forced && !readable(o)) return unjudged(o, expected, fix);
      const value = forced ? forced.value : o!.value!;
      const evidence = [...(forced ? [forced.evidence] : []), ...(o ? viaEvidence(o) : [])];
      const observed = dataMsg(`osstate:${spec.name}.observed.${value ? 'yes' : 'no'}`);
      return value === spec.bad ? { status: failOrWarn(rule.required), observed, expected, evidence, fix } : { status: 'pass', observed, expected, evidence };
    },
  });
}

interface ValueSpec<T, R extends RuleRef> {
  /** the catalog name: osstate:<name>.title, .expected, .fix.<platform> */
  name: string;
  rule: (req: Requirements) => R | undefined;
  /** platforms where the state exists (absent: all); elsewhere the check is not applicable */
  platforms?: readonly Platform[];
  read: (facts: Facts) => Observed<T> | undefined;
  /** the parameters of osstate:<name>.expected */
  expected?: (rule: R) => Record<string, string | number>;
  judge: (state: { value: T; o: Observed<T>; rule: R; expected: Msg; fix: Msg }) => Verdict;
}

/** A check of one state the OS reports, in the order every check here follows; `judge` sees only a value read. */
function valueCheck<T, R extends RuleRef>(spec: ValueSpec<T, R>): CheckDef {
  return stateCheck<R>(spec.name, {
    rule: spec.rule,
    ...(spec.platforms ? { platforms: spec.platforms } : {}),
    judge: (facts, rule) => {
      const platform = facts.os.platform;
      const o = spec.read(facts);
      const expected = dataMsg(`osstate:${spec.name}.expected`, spec.expected?.(rule));
      const fix = fixFor(spec.name, platform);
      return readable(o) ? spec.judge({ value: o.value, o, rule, expected, fix }) : unjudged(o, expected, fix);
    },
  });
}

export const osStateSMode = boolCheck({ key: 'sMode', name: 'smode', field: 'sMode', platforms: ['windows'], bad: true });
export const osStateRestart = boolCheck({
  key: 'restartPending',
  name: 'restart',
  field: 'restartPending',
  platforms: DESKTOPS,
  bad: true,
});
export const osStateNotifications = boolCheck({
  key: 'doNotDisturb',
  name: 'notifications',
  field: 'doNotDisturb',
  platforms: DESKTOPS,
  bad: false,
});
export const osStatePowerSaver = boolCheck({ key: 'powerSaver', name: 'powersaver', field: 'powerSaver', platforms: DESKTOPS, bad: true });
export const osStateActivation = boolCheck({ key: 'activation', name: 'activation', field: 'activated', platforms: ['windows'], bad: false });
export const osStateTestSigning = boolCheck({ key: 'testSigning', name: 'testsigning', field: 'testSigning', platforms: ['windows'], bad: true });
export const osStateRemoteSession = boolCheck({
  key: 'remoteSession',
  name: 'remote',
  field: 'remoteSession',
  platforms: DESKTOPS,
  bad: true,
  extraReads: ['processes'],
  // the Remote Desktop clipboard helper runs only inside a remote session
  override: (facts) =>
    facts.os.platform === 'windows' && facts.processes.names.includes('rdpclip.exe') ? { value: true, evidence: msg('osstate:remote.evidence.rdpclip') } : null,
});
export const osStateTouch = boolCheck({
  key: 'touchScreen',
  name: 'touch',
  field: 'touchScreen',
  platforms: [...DESKTOPS, 'chromeos'],
  bad: true,
});
export const osStateScreenRecording = valueCheck({
  name: 'screenrecording',
  platforms: ['macos'],
  rule: (req) => req.osState?.screenRecording,
  read: (facts) => facts.osState.screenRecording,
  judge: ({ value, rule, expected, fix }) => {
    const observed = msg(`osstate:screenrecording.observed.${value}`);
    return value === 'granted' ? { status: 'pass', observed, expected } : { status: failOrWarn(rule.required), observed, expected, fix };
  },
});

export const osStateWayland = valueCheck({
  name: 'wayland',
  platforms: ['linux'],
  rule: (req) => req.osState?.waylandSession,
  read: (facts) => facts.osState.sessionType,
  judge: ({ value, o, rule, expected, fix }) => {
    const observed = msg('osstate:wayland.observed', { type: value });
    const evidence = viaEvidence(o);
    if (value === 'wayland') return { status: failOrWarn(rule.required), observed, expected, evidence, fix };
    if (value === 'x11') return { status: 'pass', observed, expected, evidence };
    // a text console or something else: no desktop to share at all
    return { status: 'unknown', observed, expected, evidence: [...evidence, msg('osstate:wayland.evidence.noDesktop')], fix };
  },
});

/** The longest section of the profile's mock exam: a timeout shorter than that can end a section. */
export function idleMinimum(rule: NonNullable<OsStateRequirements['idleTimeouts']>, profile: Profile): number {
  if (rule.minMinutes) return rule.minMinutes;
  const sections = profile.mockExam?.sections ?? [];
  return sections.length ? Math.max(...sections.map((s) => s.timeLimitMinutes)) : 60;
}

const IDLE_FIELDS = [
  ['sleepAfterMin', 'sleep'],
  ['displayOffAfterMin', 'display'],
  ['lockAfterMin', 'lock'],
] as const;

export const osStateIdle = stateCheck('idle', {
  rule: (req) => req.osState?.idleTimeouts,
  judge: (facts, rule, profile) => {
    const min = idleMinimum(rule, profile);
    const expected = msg('osstate:idle.expected', { minutes: min });
    const fix = fixFor('idle', facts.os.platform);
    const seen = IDLE_FIELDS.map(([field, name]) => [name, facts.osState[field]] as const);
    if (seen.every(([, o]) => !o)) return { ...notCollected(), expected };
    // "@"-named params hold a message key ("never"); a number or "?" is shown as it is
    const shown = (o: Observed<number> | undefined) => (!o || o.value === null ? NOT_REPORTED : o.value === 0 ? 'osstate:idle.never' : `${o.value}`);
    const observed = msg('osstate:idle.observed', Object.fromEntries(seen.map(([name, o]) => [`@${name}`, shown(o)])));
    const short = seen.filter(([, o]) => o && o.value !== null && o.value > 0 && o.value < min);
    if (short.length) {
      return {
        status: failOrWarn(rule.required),
        observed,
        expected,
        fix,
        evidence: short.map(([name, o]) => msg(`osstate:idle.evidence.${name}`, { minutes: o!.value!, min, via: data(o!.via) })),
      };
    }
    const unread = seen.filter(([, o]) => !o || o.value === null);
    if (unread.length) {
      return {
        status: 'unknown',
        observed,
        expected,
        fix,
        evidence: unread.map(([name, o]) =>
          o ? msg('osstate:idle.evidence.unread', { '@what': `osstate:idle.what.${name}`, ...reasonParam(o.reason) }) : msg('osstate:common.notCollected'),
        ),
      };
    }
    return { status: 'pass', observed, expected };
  },
});

export const osStateScaling = valueCheck({
  name: 'scaling',
  rule: (req) => req.osState?.displayScaling,
  read: (facts) => facts.osState.scalePercent,
  expected: (rule) => ({ max: rule.maxPercent }),
  judge: ({ value, o, rule, expected, fix }) => {
    const observed = msg('osstate:scaling.observed', { percent: value });
    return value <= rule.maxPercent
      ? { status: 'pass', observed, expected, evidence: viaEvidence(o) }
      : { status: failOrWarn(rule.required), observed, expected, evidence: viaEvidence(o), fix };
  },
});

/**
 * Mirrored or extended: the window's displays merged with the inspector's. Two window displays at
 * the same place show the same picture (mirrored); at different places, one desktop spread over
 * both (extended). Windows' "Duplicate" and macOS mirroring show the window a single display while
 * the inspector sees two monitors connected: that is mirrored too.
 */
export function displayMode(facts: Facts): { mode: 'single' | 'extended' | 'mirrored'; window: number; connected: number } | null {
  const list = facts.osState.windowDisplays?.displays;
  if (!list) return null;
  const connected = facts.displays.displays.length;
  const sameSpot = list.some((a, i) => list.some((b, j) => j > i && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height));
  if (list.length > 1) return { mode: sameSpot ? 'mirrored' : 'extended', window: list.length, connected };
  return { mode: connected > 1 ? 'mirrored' : 'single', window: list.length, connected };
}

export const osStateDisplayMode = stateCheck('displaymode', {
  reads: ['osState', 'displays'],
  rule: (req) => req.osState?.displayMode,
  judge: (facts, rule) => {
    const expected = msg('osstate:displaymode.expected');
    const w = facts.osState.windowDisplays;
    if (!w) return { ...notCollected(), expected };
    const m = displayMode(facts);
    if (!m)
      return {
        status: 'unknown',
        expected,
        evidence: [msg('osstate:common.unreadable', { via: 'window', ...reasonParam(w.reason) })],
        fix: msg('osstate:displaymode.fix.noWindow'),
      };
    const observed = msg(`osstate:displaymode.observed.${m.mode}`, { window: m.window, connected: m.connected });
    const evidence = (w.displays ?? []).map((d) =>
      msg('osstate:displaymode.evidence.display', {
        width: d.width,
        height: d.height,
        scale: Math.round(d.scaleFactor * 100),
        '@kind': d.internal ? 'osstate:displaymode.internal' : 'osstate:displaymode.external',
      }),
    );
    if (m.mode === 'single') return { status: 'pass', observed, expected, evidence };
    return { status: failOrWarn(rule.required), observed, expected, evidence, fix: msg(`osstate:displaymode.fix.${m.mode}`) };
  },
});

export const osStateProctoringOs = stateCheck('proctoringos', {
  reads: ['os'],
  rule: (req) => req.osState?.proctoringSoftware,
  judge: (facts, rule) => {
    const os = facts.os;
    const min = rule.minimumVersions.find((m) => m.platform === os.platform);
    const expected = msg('osstate:proctoringos.expected', {
      software: data(rule.name),
      minimums: rule.minimumVersions.map((m) => `${data(m.label)}+`).join(', '),
    });
    const observed = msg('osstate:proctoringos.observed', {
      name: data(os.name ?? PLATFORM_NAMES[os.platform]),
      ...(os.version === null ? reported('version', null) : { version: data(versionBesideName(os.name, os.version)) }),
    });
    if (!min)
      return {
        status: 'pass',
        observed,
        expected,
        evidence: [msg('osstate:proctoringos.evidence.noMinimum', { software: data(rule.name), platform: PLATFORM_NAMES[os.platform] })],
      };
    if (!os.version)
      return { status: 'unknown', observed, expected, evidence: [msg('checks:os.supported.evidence.noVersion')], fix: msg('checks:common.fix.rerun') };
    if (compareVersions(os.version, min.min) < 0)
      return {
        status: failOrWarn(rule.required),
        observed,
        expected,
        evidence: [msg('osstate:proctoringos.evidence.below', { version: data(os.version), min: min.min, software: data(rule.name) })],
        fix: msg('osstate:proctoringos.fix', { label: data(min.label), software: data(rule.name) }),
      };
    return { status: 'pass', observed, expected };
  },
});

/** In display order (the registry appends them after the operating-system check's neighbours). */
export const OS_STATE_CHECKS: readonly CheckDef[] = [
  osStateProctoringOs,
  osStateSMode,
  osStateActivation,
  osStateRestart,
  osStateIdle,
  osStatePowerSaver,
  osStateNotifications,
  osStateDisplayMode,
  osStateScaling,
  osStateTouch,
  osStateWayland,
  osStateScreenRecording,
  osStateTestSigning,
  osStateRemoteSession,
];
