// Every screen of the app, in journey order. Screens load lazily so the first screen stays small.
// Each screen module default-exports a component taking ScreenProps.
// Owners: choose/check/camera/microphone/summary/about = desktop shell; checklists; exam; report.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteId, ScreenProps } from './screen';

// screens import these from ./screen (re-exported here for callers written before the move)
export type { RouteId, ScreenProps } from './screen';

export interface RouteDef {
  id: RouteId;
  /** i18n key of the navigation label */
  labelKey: string;
  /** needs a chosen profile before it can open */
  needsProfile: boolean;
  Screen: LazyExoticComponent<ComponentType<ScreenProps>>;
}

export const ROUTES: readonly RouteDef[] = [
  { id: 'choose', labelKey: 'common:nav.choose', needsProfile: false, Screen: lazy(() => import('./screens/choose/ChooseScreen')) },
  { id: 'check', labelKey: 'common:nav.check', needsProfile: true, Screen: lazy(() => import('./screens/check/CheckScreen')) },
  { id: 'camera', labelKey: 'common:nav.camera', needsProfile: true, Screen: lazy(() => import('./screens/camera/CameraScreen')) },
  { id: 'microphone', labelKey: 'common:nav.microphone', needsProfile: true, Screen: lazy(() => import('./screens/microphone/MicrophoneScreen')) },
  { id: 'speakers', labelKey: 'common:nav.speakers', needsProfile: true, Screen: lazy(() => import('./screens/speakers/SpeakersScreen')) },
  { id: 'network', labelKey: 'common:nav.network', needsProfile: true, Screen: lazy(() => import('./screens/network/NetworkScreen')) },
  { id: 'checklists', labelKey: 'common:nav.checklists', needsProfile: true, Screen: lazy(() => import('./screens/checklists/ChecklistsScreen')) },
  { id: 'exam', labelKey: 'common:nav.exam', needsProfile: true, Screen: lazy(() => import('./screens/exam/ExamScreen')) },
  { id: 'summary', labelKey: 'common:nav.summary', needsProfile: true, Screen: lazy(() => import('./screens/summary/SummaryScreen')) },
  { id: 'report', labelKey: 'common:nav.report', needsProfile: false, Screen: lazy(() => import('./screens/report/ReportScreen')) },
  { id: 'about', labelKey: 'common:nav.about', needsProfile: false, Screen: lazy(() => import('./screens/about/AboutScreen')) },
];

export function isRouteId(x: string): x is RouteId {
  return ROUTES.some((r) => r.id === x);
}
