// Main-process implementation of ScanApi (shared/api/scan.ts). Plain Node, tested without Electron.
// A scan streams: as each fact area lands, the checks that read only landed areas are evaluated
// and sent to the window, so the learner watches results arrive instead of a spinner.
import { z } from 'zod';
import type { Handlers } from '../../shared/api';
import type { scanInvoke } from '../../shared/api/scan';
import type { CheckResult } from '../../shared/check';
import type { FactArea, Facts } from '../../shared/facts';
import { isLanguage } from '../../shared/i18n';
import { allProfiles, findProfile, inspectRequestFor, summarizeProfile } from '../../shared/profile/load';
import type { Profile } from '../../shared/profile/schema';
import type { PolicyState } from '../../shared/policy/schema';
import { areasForCheck, CHECKS, evaluate } from '../../shared/rules';
import type { ScanResult } from '../../shared/scan';
import { inspectMachine, type InspectDeps } from '../inspect';
import { realDeps } from '../inspect/deps';
import type { HandlerContext } from './context';
import { logScan } from '../log/scan-log';

export type ScanHandlers = Pick<Handlers, keyof typeof scanInvoke>;

export interface ScanOptions {
  /** extra (admin-provided) profiles */
  extraProfiles?: Profile[];
  /** network checks turned off by policy */
  networkChecks?: boolean;
  /** the admin policy as loaded at start-up (shown on the About screen) */
  policy?: PolicyState;
  /** inspector dependencies (tests pass fakes; default: this machine) */
  inspectDeps?: InspectDeps;
  /** the displays as the app's window sees them (Electron's screen API; the desktop app only) */
  windowDisplays?: InspectDeps['windowDisplays'];
}

const ProfileId = z.string().min(1).max(100);
const CheckId = z.string().regex(/^[a-z0-9.-]{1,100}$/);

export function createScanHandlers(ctx: HandlerContext, opts: ScanOptions = {}) {
  const extra = opts.extraProfiles ?? [];
  const base = opts.inspectDeps ?? realDeps();
  const deps = opts.windowDisplays ? { ...base, windowDisplays: opts.windowDisplays } : base;
  /** the latest scan per profile: re-running one check updates it; reports are built from it */
  const latest = new Map<string, ScanResult>();

  const profileOrThrow = (raw: unknown): Profile => {
    const id = ProfileId.parse(raw);
    const p = findProfile(id, extra);
    if (!p) throw new Error(`unknown profile "${id}"`);
    return p;
  };

  const handlers: ScanHandlers = {
    async listProfiles(lang: unknown) {
      const l = isLanguage(lang) ? lang : 'en';
      const today = new Date(ctx.now()).toISOString().slice(0, 10);
      return allProfiles(extra).map((p) => summarizeProfile(p, l, extra.includes(p) ? 'policy' : 'builtin', today));
    },

    async runScan(profileId: unknown) {
      const profile = profileOrThrow(profileId);
      const startedAt = new Date(ctx.now()).toISOString();
      const landed = new Set<FactArea>();
      const partial: Partial<Facts> = {};
      const sent = new Set<string>();
      const facts = await inspectMachine(inspectRequestFor(profile, { networkChecks: opts.networkChecks }), {
        deps,
        appVersion: ctx.appVersion,
        now: () => new Date(ctx.now()),
        onArea: (area, areaFacts) => {
          landed.add(area);
          (partial as Record<string, unknown>)[area] = areaFacts;
          const ready = CHECKS.filter((c) => !sent.has(c.id) && c.reads.every((a) => landed.has(a))).map((c) => c.id);
          if (!ready.length) return;
          for (const id of ready) sent.add(id);
          for (const r of evaluate(profile, partial as Facts, { only: ready })) ctx.emit('onScanProgress', r);
        },
      });
      const scan: ScanResult = { profileId: profile.id, profileVersion: profile.version, startedAt, finishedAt: new Date(ctx.now()).toISOString(), facts, results: evaluate(profile, facts) };
      if (ctx.log) logScan(ctx.log, profile.id, facts, Date.parse(scan.finishedAt) - Date.parse(startedAt));
      latest.set(profile.id, scan);
      return scan;
    },

    async appInfo() {
      return { version: ctx.appVersion, policy: opts.policy ?? null };
    },

    async deviceRequirements(profileId: unknown) {
      const { camera, microphone, speakers } = profileOrThrow(profileId).requirements ?? {};
      return { camera: camera ?? null, microphone: microphone ?? null, speakers: speakers ?? null };
    },

    async rerunCheck(profileId: unknown, checkId: unknown) {
      const profile = profileOrThrow(profileId);
      const id = CheckId.parse(checkId);
      const areas = areasForCheck(id);
      if (!areas.length) throw new Error(`unknown check "${id}"`);
      const previous = latest.get(profile.id);
      const facts = await inspectMachine(inspectRequestFor(profile, { networkChecks: opts.networkChecks }), { deps, areas, previous: previous?.facts, appVersion: ctx.appVersion, now: () => new Date(ctx.now()) });
      const [result] = evaluate(profile, facts, { only: [id] });
      if (!result) throw new Error(`the exam "${profile.id}" has no check "${id}"`);
      if (previous) {
        latest.set(profile.id, { ...previous, facts, results: previous.results.map((r): CheckResult => (r.id === id ? result : r)) });
      }
      return result;
    },
  };
  return { handlers, latestScan: (id: string) => latest.get(id) };
}
