// What every screen is given, and the ids of the routes it can go to. The bottom floor of the
// renderer: shell/routes.ts imports the screens, so a screen importing it closed an import circle.

export type RouteId = 'choose' | 'check' | 'camera' | 'microphone' | 'speakers' | 'network' | 'checklists' | 'exam' | 'summary' | 'report' | 'about';

export interface ScreenProps {
  /** the exam profile chosen (or locked by policy); null until the learner picks one */
  profileId: string | null;
  /** navigate to another route */
  go: (route: RouteId) => void;
}
