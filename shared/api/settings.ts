// App settings part of the renderer <-> main contract: language and the chosen exam.
import type { Msg } from '../check';
import { z } from 'zod';
import { LANGUAGES } from '../i18n/text';

export const SettingsSchema = z.object({
  /** null: follow the OS language */
  language: z.enum(LANGUAGES).nullable(),
  /** the exam the learner chose last (remembered); a policy may lock it */
  profileId: z.string().max(100).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: null, profileId: null };

export interface SettingsState extends Settings {
  /** language actually in use (the setting, or the OS language) */
  effectiveLanguage: (typeof LANGUAGES)[number];
  /** set when a policy locks the exam profile; the chooser is then read-only */
  lockedProfileId: string | null;
  /** the settings file was unreadable: moved aside (kept for support) and defaults used */
  /** `message` says what was wrong in the learner's language; `problem` is the English detail */
  notice: { movedTo: string; problem: string; message?: Msg } | null;
}

export interface SettingsApi {
  getSettings(): Promise<SettingsState>;
  /** merges the patch, saves atomically, returns the new state */
  updateSettings(patch: Partial<Settings>): Promise<SettingsState>;
}

export const settingsInvoke = {
  getSettings: 'preflight:get-settings',
  updateSettings: 'preflight:update-settings',
} as const;

export const settingsEvents = {} as const;
