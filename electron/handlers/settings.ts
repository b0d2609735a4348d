// Main-process implementation of SettingsApi: settings.json in the app data folder.
import path from 'node:path';
import type { Handlers } from '../../shared/api';
import { DEFAULT_SETTINGS, SettingsSchema, type SettingsState, type settingsInvoke } from '../../shared/api/settings';
import { languageFromLocale } from '../../shared/i18n';
import { setZodLanguage } from '../../shared/i18n/zod-locale';
import { JsonStore } from '../storage/json-store';
import { serialized } from '../storage/file-queue';
import type { HandlerContext } from './context';

export type SettingsHandlers = Pick<Handlers, keyof typeof settingsInvoke>;

export interface SettingsOptions {
  /** OS locale, e.g. "pt-BR" (Electron: app.getLocale(); CLI/tests: Intl) */
  osLocale?: string;
  /** exam profile locked by an admin policy */
  lockedProfileId?: string | null;
  /** exam profile an admin policy preselects until the learner picks one */
  defaultProfileId?: string | null;
}

export function createSettingsHandlers(ctx: HandlerContext, opts: SettingsOptions = {}): SettingsHandlers {
  const store = new JsonStore(path.join(ctx.dataDir, 'settings.json'), SettingsSchema, () => ({ ...DEFAULT_SETTINGS }));
  const osLanguage = languageFromLocale(opts.osLocale ?? Intl.DateTimeFormat().resolvedOptions().locale);
  const locked = opts.lockedProfileId ?? null;
  // A corrupt file is moved aside on the first load; the notice stays for this session so the
  // window shows it even if a write happened first.
  let notice: SettingsState['notice'] = null;
  const load = async () => {
    const { value, movedAside } = await store.load();
    if (movedAside) notice = { movedTo: movedAside.to, problem: movedAside.problem, message: movedAside.message };
    return value;
  };

  const state = (s: typeof DEFAULT_SETTINGS): SettingsState => {
    // schema problems the window shows (bank imports, moved-aside files) follow the app's language
    setZodLanguage(s.language ?? osLanguage);
    return {
      ...s,
      profileId: locked ?? s.profileId ?? opts.defaultProfileId ?? null,
      effectiveLanguage: s.language ?? osLanguage,
      lockedProfileId: locked,
      notice,
    };
  };

  return {
    async getSettings() {
      return state(await load());
    },
    async updateSettings(patch: unknown) {
      const parsed = SettingsSchema.partial().strict().parse(patch);
      // load-merge-save one at a time per file (another handler set on this folder included)
      return serialized(store.file, async () => {
        const next = { ...(await load()), ...parsed };
        if (locked) next.profileId = locked;
        await store.save(next);
        return state(next);
      });
    },
  };
}
