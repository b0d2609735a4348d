// Settings part of the renderer <-> main contract. Add methods to the interface and a channel
// (prefixed "preflight:") to the matching table; electron/handlers/settings.ts implements them.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SettingsApi {}

export const settingsInvoke = {} as const;

export const settingsEvents = {} as const;
