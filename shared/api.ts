// The one typed contract between renderer and main. Each area declares its methods and channel
// names in shared/api/<area>.ts; this file joins them. The preload (electron/preload.ts), the
// Electron main (electron/main.ts) and the end-to-end harness all derive their wiring from the
// two tables below, so a method without a channel or a handler is a type error, not a runtime bug.
import type { ScanApi } from './api/scan';
import type { SettingsApi } from './api/settings';
import type { ChecklistApi } from './api/checklist';
import type { ExamApi } from './api/exam';
import type { ReportApi } from './api/report';
import type { NetworkApi } from './api/network';
import type { DesktopApi } from './api/desktop';
import type { CohortApi } from './api/cohort';
import { scanInvoke, scanEvents } from './api/scan';
import { settingsInvoke, settingsEvents } from './api/settings';
import { checklistInvoke, checklistEvents } from './api/checklist';
import { examInvoke, examEvents } from './api/exam';
import { reportInvoke, reportEvents } from './api/report';
import { networkInvoke, networkEvents } from './api/network';
import { desktopInvoke, desktopEvents } from './api/desktop';
import { cohortInvoke, cohortEvents } from './api/cohort';

export interface PreflightApi extends ScanApi, SettingsApi, ChecklistApi, ExamApi, ReportApi, NetworkApi, DesktopApi, CohortApi {}

/** request/response methods: every non-`on*` method of the API */
export type InvokeMethod = { [K in keyof PreflightApi]: K extends `on${string}` ? never : K }[keyof PreflightApi];
/** subscriptions: `onX(cb) => unsubscribe` */
export type EventMethod = Exclude<keyof PreflightApi, InvokeMethod>;

export const InvokeChannel = {
  ...scanInvoke,
  ...settingsInvoke,
  ...checklistInvoke,
  ...examInvoke,
  ...reportInvoke,
  ...networkInvoke,
  ...desktopInvoke,
  ...cohortInvoke,
} as const satisfies Record<InvokeMethod, `preflight:${string}`>;

export const EventChannel = {
  ...scanEvents,
  ...settingsEvents,
  ...checklistEvents,
  ...examEvents,
  ...reportEvents,
  ...networkEvents,
  ...desktopEvents,
  ...cohortEvents,
} as const satisfies Record<EventMethod, `preflight:${string}`>;

type EventPayload<K extends EventMethod> = PreflightApi[K] extends (cb: (p: infer P) => void) => () => void ? P : never;

/**
 * Main-process side: plain Node functions. Arguments arrive as `unknown` (they crossed a process
 * boundary) and each handler parses them before use.
 */
export type Handlers = {
  [K in InvokeMethod]: (...args: unknown[]) => ReturnType<PreflightApi[K]>;
};

/** How main-process code pushes an event to the window. */
export type Emit = <K extends EventMethod>(method: K, payload: EventPayload<K>) => void;

/**
 * Builds window.preflight from two transport functions. The Electron preload passes
 * ipcRenderer.invoke / ipcRenderer.on; the browser test harness passes Playwright bindings.
 * One function per message; each unsubscribe removes exactly the listener it registered.
 */
export function buildApi(
  invoke: (channel: string, args: unknown[]) => Promise<unknown>,
  subscribe: (channel: string, listener: (payload: unknown) => void) => () => void,
): PreflightApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(InvokeChannel)) {
    api[method] = (...args: unknown[]) => invoke(channel, args);
  }
  for (const [method, channel] of Object.entries(EventChannel)) {
    api[method] = (cb: (payload: unknown) => void) => subscribe(channel, (payload) => cb(payload));
  }
  return Object.freeze(api) as unknown as PreflightApi;
}

declare global {
  interface Window {
    preflight: PreflightApi;
  }
}
