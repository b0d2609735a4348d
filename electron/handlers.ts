// createHandlers(ctx): the whole PreflightApi implemented in plain Node. The Electron main wires it
// to ipcMain.handle; the end-to-end harness wires the same object to Playwright bindings.
import type { Handlers } from '../shared/api';
import { asMessageError } from '../shared/errors';
import type { HandlerContext } from './handlers/context';
import { createScanHandlers, type ScanOptions } from './handlers/scan';
import { createSettingsHandlers, type SettingsOptions } from './handlers/settings';
import { createChecklistHandlers } from './handlers/checklist';
import { createExamHandlers } from './handlers/exam';
import { createReportHandlers, type ReportOptions } from './handlers/report';
import { createNetworkHandlers, type NetworkOptions } from './handlers/network';
import { createDesktopHandlers, type DesktopOptions } from './handlers/desktop';
import { cleanStaleTempFiles } from './storage/stale-temps';
import { createCohortHandlers } from './handlers/cohort';

export type { HandlerContext } from './handlers/context';

export interface HandlerOptions {
  settings?: SettingsOptions;
  scan?: ScanOptions;
  report?: ReportOptions;
  network?: NetworkOptions;
  desktop?: DesktopOptions;
}

/**
 * Every handler, with the failures a learner can act on (disk full, no permission) turned into
 * messages the window shows in the learner's language (shared/errors.ts).
 */
function withMessages(handlers: Handlers): Handlers {
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(handlers) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    out[name] = async (...args) => {
      try {
        return await fn(...args);
      } catch (err) {
        throw asMessageError(err);
      }
    };
  }
  return out as Handlers;
}

export function createHandlers(ctx: HandlerContext, opts: HandlerOptions = {}): Handlers {
  // temp files of saves killed mid-write (never this process's fresh ones); errors are ignored
  void cleanStaleTempFiles(ctx.dataDir).catch(() => undefined);
  const scan = createScanHandlers(ctx, opts.scan);
  const network = createNetworkHandlers(ctx, {
    extraProfiles: opts.scan?.extraProfiles,
    networkChecks: opts.scan?.networkChecks,
    policy: opts.scan?.policy?.policy.networkTest,
    afterRun: scan.timeEndpoints,
    ...opts.network,
  });
  return withMessages({
    ...scan.handlers,
    ...createSettingsHandlers(ctx, opts.settings),
    ...createChecklistHandlers(ctx, { extraProfiles: opts.scan?.extraProfiles }),
    ...createExamHandlers(ctx, { extraProfiles: opts.scan?.extraProfiles, hidden: opts.scan?.policy?.policy.hideMockExam }),
    ...createReportHandlers(ctx, {
      extraProfiles: opts.scan?.extraProfiles,
      latestScan: scan.latestScan,
      latestNetwork: network.latestNetwork,
      supportContact: opts.scan?.policy?.policy.supportContact ?? null,
      ...opts.report,
    }),
    ...network.handlers,
    ...createDesktopHandlers(ctx, opts.desktop),
    ...createCohortHandlers({ extraProfiles: opts.scan?.extraProfiles }),
  } satisfies Handlers);
}
