// What every main-process handler may use. Passed in, so tests and the browser harness can give
// fakes or a temp folder, and the Electron main gives the real app data folder.
import type { Emit } from '../../shared/api';
import type { Logger } from '../log/logger';

export interface HandlerContext {
  /** app data folder (Electron: app.getPath('userData')); everything durable lives below it */
  dataDir: string;
  /** app version, for reports */
  appVersion: string;
  /** push an event to the window */
  emit: Emit;
  /** the wall clock; injected so exam deadlines and reports are testable */
  now: () => number;
  /** the install's log (redacted, rotating); absent: nothing is logged */
  log?: Logger;
}
