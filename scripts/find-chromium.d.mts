// Types for scripts/find-chromium.mjs (plain JS so the pre-flight step runs before anything is built).
export function findChromium(env?: Record<string, string | undefined>): string | null;
export function missingChromiumMessage(env?: Record<string, string | undefined>): string;
