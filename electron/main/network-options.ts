// The network measurement in the desktop app asks Electron how to reach each address
// (session.resolveProxy: system settings, PAC scripts and WPAD, as Chromium itself would connect).
// Kept out of main.ts to be testable with a mocked session.
import type { NetworkOptions } from '../handlers/network';

export interface ProxyResolver {
  resolveProxy(url: string): Promise<string>;
}

export function networkOptionsFor(session: ProxyResolver): NetworkOptions {
  return { deps: { resolveProxy: (url) => session.resolveProxy(url) } };
}
