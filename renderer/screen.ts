// What every screen is given, and the ids of the routes it can go to. Kept apart from routes.ts,
// which imports the screens: a screen importing routes.ts closed an import circle.

export type RouteId = 'choose' | 'check' | 'camera' | 'microphone' | 'speakers' | 'network' | 'checklists' | 'exam' | 'summary' | 'report' | 'about';

export interface ScreenProps {
  /** the exam profile chosen (or locked by policy); null until the learner picks one */
  profileId: string | null;
  /** navigate to another route */
  go: (route: RouteId) => void;
}
