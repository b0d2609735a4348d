// Vitest-only (servers.ts is also imported by the Playwright specs, which cannot load vitest).
import { afterEach } from 'vitest';
import type { Closable } from './servers';

/**
 * `keep(server)`: the server is closed after the test that opened it (call once per test file, at
 * its top level, so vitest registers the afterEach there).
 */
export function closedAfterEach(): <T extends Closable>(s: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return (s) => {
    open.push(s);
    return s;
  };
}
