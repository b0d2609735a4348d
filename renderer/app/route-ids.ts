// The steps of the app, in journey order, without their screens: the navigation, "Continue to …"
// and the journey read this order; the shell (shell/routes.ts) maps each id to its lazy screen.
// Kept below the screens so a screen's Continue button can know the order without importing them.
import type { RouteId } from '../screen';

export interface RouteDef {
  id: RouteId;
  /** i18n key of the navigation label */
  labelKey: string;
  /** needs a chosen profile before it can open */
  needsProfile: boolean;
}

export const ROUTES: readonly RouteDef[] = [
  { id: 'choose', labelKey: 'common:nav.choose', needsProfile: false },
  { id: 'check', labelKey: 'common:nav.check', needsProfile: true },
  { id: 'camera', labelKey: 'common:nav.camera', needsProfile: true },
  { id: 'microphone', labelKey: 'common:nav.microphone', needsProfile: true },
  { id: 'speakers', labelKey: 'common:nav.speakers', needsProfile: true },
  { id: 'network', labelKey: 'common:nav.network', needsProfile: true },
  { id: 'checklists', labelKey: 'common:nav.checklists', needsProfile: true },
  { id: 'exam', labelKey: 'common:nav.exam', needsProfile: true },
  { id: 'summary', labelKey: 'common:nav.summary', needsProfile: true },
  { id: 'report', labelKey: 'common:nav.report', needsProfile: false },
  { id: 'about', labelKey: 'common:nav.about', needsProfile: false },
];

export function isRouteId(x: string): x is RouteId {
  return ROUTES.some((r) => r.id === x);
}
