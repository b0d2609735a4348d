// Each route's screen. Screens load lazily so the first screen stays small; each screen module
// default-exports a component taking ScreenProps. The order and labels of the routes are in
// renderer/app/route-ids.ts (below the screens: a screen's Continue button reads them).
// Owners: choose/check/camera/microphone/summary/about = desktop shell; checklists; exam; report.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteId, ScreenProps } from '../screen';

/** every route id has a screen (checked by the type: a Record over RouteId) */
export const SCREENS: Readonly<Record<RouteId, LazyExoticComponent<ComponentType<ScreenProps>>>> = {
  choose: lazy(() => import('../screens/choose/ChooseScreen')),
  check: lazy(() => import('../screens/check/CheckScreen')),
  camera: lazy(() => import('../screens/camera/CameraScreen')),
  microphone: lazy(() => import('../screens/microphone/MicrophoneScreen')),
  speakers: lazy(() => import('../screens/speakers/SpeakersScreen')),
  network: lazy(() => import('../screens/network/NetworkScreen')),
  checklists: lazy(() => import('../screens/checklists/ChecklistsScreen')),
  exam: lazy(() => import('../screens/exam/ExamScreen')),
  summary: lazy(() => import('../screens/summary/SummaryScreen')),
  report: lazy(() => import('../screens/report/ReportScreen')),
  about: lazy(() => import('../screens/about/AboutScreen')),
};
