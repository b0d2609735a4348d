// Main-process implementation of SettingsApi (shared/api/settings.ts). Plain Node, tested without Electron.
// Every argument arrives as unknown: parse it (zod) before use.
import type { Handlers } from '../../shared/api';
import type { settingsInvoke } from '../../shared/api/settings';
import type { HandlerContext } from './context';

export type SettingsHandlers = Pick<Handlers, keyof typeof settingsInvoke>;

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createSettingsHandlers(ctx: HandlerContext): SettingsHandlers {
  return {};
}
