// Each route's screen. Screens load lazily so the first screen stays small; each screen module
// default-exports a component taking ScreenProps. The order and labels of the routes are in
// renderer/app/route-ids.ts (below the screens: a screen's Continue button reads them).
// Owners: choose/check/camera/microphone/summary/about = desktop shell; checklists; exam; report.
import { createElement, lazy, useEffect, type ComponentType } from 'react';
import { MARK, markPainted } from '../app/marks';
import type { RouteId, ScreenProps } from '../screen';

type Load = () => Promise<{ default: ComponentType<ScreenProps> }>;

/** every route id has a screen (checked by the type: a Record over RouteId) */
const LOAD: Readonly<Record<RouteId, Load>> = {
  choose: () => import('../screens/choose/ChooseScreen'),
  check: () => import('../screens/check/CheckScreen'),
  camera: () => import('../screens/camera/CameraScreen'),
  microphone: () => import('../screens/microphone/MicrophoneScreen'),
  speakers: () => import('../screens/speakers/SpeakersScreen'),
  network: () => import('../screens/network/NetworkScreen'),
  checklists: () => import('../screens/checklists/ChecklistsScreen'),
  exam: () => import('../screens/exam/ExamScreen'),
  summary: () => import('../screens/summary/SummaryScreen'),
  report: () => import('../screens/report/ReportScreen'),
  about: () => import('../screens/about/AboutScreen'),
};

/**
 * A screen rendered straight from its module once that is loaded (preloaded, or opened before), and
 * through React.lazy until then. Rendering a lazy component always suspends at least once, and React
 * holds back revealing suspended content for up to 300 ms after its fallback showed: a preloaded
 * screen behind lazy() alone would still wait that long (issue 27: click → first result).
 */
function screen(load: Load): { Screen: ComponentType<ScreenProps>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<ScreenProps> | null = null;
  const preload = () =>
    load().then((m) => {
      loaded = m.default;
      return m;
    });
  const Lazy = lazy(preload);
  const Screen = (props: ScreenProps) => {
    // runs when the screen commits (not while its code is still loading: a suspended tree commits nothing)
    useEffect(() => markPainted(MARK.screenPainted), []);
    return createElement(loaded ?? Lazy, props);
  };
  return { Screen, preload };
}

const BY_ROUTE = Object.fromEntries(Object.entries(LOAD).map(([id, load]) => [id, screen(load)])) as Readonly<Record<RouteId, ReturnType<typeof screen>>>;

export const SCREENS = Object.fromEntries(Object.entries(BY_ROUTE).map(([id, s]) => [id, s.Screen])) as Readonly<Record<RouteId, ComponentType<ScreenProps>>>;

/**
 * Fetches and evaluates a screen's code ahead of time: the shell calls it for the next step of the
 * journey, so "Start the system check" or "Continue to …" shows the screen without waiting for
 * its file. A screen that fails to load here fails again, visibly, when opened.
 */
export function preloadScreen(id: RouteId): void {
  BY_ROUTE[id].preload().catch(() => undefined);
}
