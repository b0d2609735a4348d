// Operating system: mobile and tablet systems, versions that do not work (Windows XP), minimums.
import { msg, reported } from '../check';
import { anyRequired, compareVersions, define, failOrWarn, matches, PLATFORM_NAMES } from './template';
import type { Platform } from '../facts';
import { versionBesideName } from './fact-labels';

/** Product names: the same in every language (kept in the template, which names platforms in "not applicable"). */
export { PLATFORM_NAMES };

/** systems where learners cannot install desktop software (a proctoring app, R, Python) */
const CANNOT_INSTALL: readonly Platform[] = ['chromeos', 'android', 'ios', 'ipados'];

export const osSupported = define({
  id: 'os.supported',
  area: 'system',
  reads: ['os'],
  rule: (req) => {
    const os = req.os;
    if (!os) return undefined;
    const ref = anyRequired(
      [os.blockedPlatforms, os.desktopSoftware, ...os.blockedVersions, os.vendorUnsupported, ...os.minimumVersions].filter((r) => r !== undefined),
    );
    return ref && { ...os, ...ref };
  },
  judge: (facts, rules, profile) => {
    const os = facts.os;
    const observed = msg('checks:os.supported.observed', {
      name: os.name ?? os.platform,
      ...(os.version === null ? reported('version', null) : { version: versionBesideName(os.name, os.version) }),
      build: os.build ?? '',
    });
    const expected = msg('checks:os.supported.expected', {
      blocked: [...(rules.blockedPlatforms?.platforms ?? []).map((p) => PLATFORM_NAMES[p]), ...rules.blockedVersions.map((b) => b.label)].join(', ') || '—',
      minimums: rules.minimumVersions.map((m) => `${m.label}+`).join(', ') || '—',
    });
    const bp = rules.blockedPlatforms;
    if (bp && (bp.platforms.includes(os.platform) || (os.mobile && bp.platforms.some((p) => ['android', 'ios', 'ipados'].includes(p))))) {
      return {
        status: failOrWarn(bp.required),
        required: bp.required,
        ...(bp.source ? { source: bp.source } : {}),
        observed,
        expected,
        evidence: [msg('checks:os.supported.evidence.platform', { platform: PLATFORM_NAMES[os.platform], name: os.name ?? '' })],
        fix: msg('checks:os.supported.fix.mobile'),
      };
    }
    // ChromeOS (and a phone or tablet system the exam did not block outright) cannot install the
    // desktop software the exam's FAQ says learners download: at least a warning, with that reason
    const ds = rules.desktopSoftware;
    if (ds && (os.mobile || CANNOT_INSTALL.includes(os.platform))) {
      return {
        status: failOrWarn(ds.required),
        required: ds.required,
        ...(ds.source ? { source: ds.source } : {}),
        observed,
        expected,
        evidence: [msg('profiles:os.desktopSoftware.evidence', { platform: PLATFORM_NAMES[os.platform] })],
        fix: msg('profiles:os.desktopSoftware.fix'),
      };
    }
    for (const b of rules.blockedVersions) {
      if (b.platform === os.platform && os.version && matches(b.versionPattern, os.version, '')) {
        return {
          status: failOrWarn(b.required),
          required: b.required,
          ...(b.source ? { source: b.source } : {}),
          observed,
          expected,
          evidence: [msg('checks:os.supported.evidence.blockedVersion', { version: os.version, label: b.label })],
          fix: msg('checks:os.supported.fix.upgrade', { min: rules.minimumVersions.find((m) => m.platform === os.platform)?.label ?? b.label }),
        };
      }
    }
    // a platform the proctoring vendors disagree on: a warning that names who refuses it
    const vu = rules.vendorUnsupported;
    if (vu && vu.platforms.includes(os.platform)) {
      const who = (vu.source && profile.sources.find((s) => s.id === vu.source!.source)?.publisher) ?? null;
      return {
        status: failOrWarn(vu.required),
        required: vu.required,
        ...(vu.source ? { source: vu.source } : {}),
        observed,
        expected,
        evidence: [
          who
            ? msg('checks:os.supported.evidence.vendorUnsupported', { platform: PLATFORM_NAMES[os.platform], who })
            : msg('checks:os.supported.evidence.vendorUnsupportedAnon', { platform: PLATFORM_NAMES[os.platform] }),
        ],
        fix: msg('checks:os.supported.fix.vendorUnsupported', { platform: PLATFORM_NAMES[os.platform] }),
      };
    }
    for (const m of rules.minimumVersions) {
      if (m.platform !== os.platform) continue;
      if (!os.version)
        return { status: 'unknown', observed, expected, evidence: [msg('checks:os.supported.evidence.noVersion')], fix: msg('checks:common.fix.rerun') };
      if (compareVersions(os.version, m.min) < 0) {
        return {
          status: failOrWarn(m.required),
          required: m.required,
          observed,
          expected,
          evidence: [msg('checks:os.supported.evidence.belowMinimum', { version: os.version, min: m.min, label: m.label })],
          fix: msg('checks:os.supported.fix.upgrade', { min: m.label }),
        };
      }
    }
    if (os.platform === 'other')
      return {
        status: 'unknown',
        observed,
        expected,
        evidence: [msg('checks:os.supported.evidence.unrecognised', { name: os.name ?? '' })],
        fix: msg('checks:common.fix.contact'),
      };
    return {
      status: 'pass',
      observed,
      expected,
      evidence: [msg('checks:os.supported.evidence.ok', { platform: PLATFORM_NAMES[os.platform], ...reported('version', os.version) })],
    };
  },
});
