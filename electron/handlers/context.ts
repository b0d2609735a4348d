// What every main-process handler may use. Passed in, so tests and the browser harness can give
// fakes or a temp folder, and the Electron main gives the real app data folder.
import type { Emit } from '../../shared/api';
import type { Logger } from '../log/logger';
import type { ClockReading } from '../../shared/exam/clock';

export interface HandlerContext {
  /** app data folder (Electron: app.getPath('userData')); everything durable lives below it */
  dataDir: string;
  /** app version, for reports */
  appVersion: string;
  /** push an event to the window */
  emit: Emit;
  /** the wall clock; injected so exam deadlines and reports are testable */
  now: () => number;
  /**
   * The wall and monotonic clocks read together, with this run's id (electron/main/clock.ts), for
   * the mock exam's clock (shared/exam/clock.ts). Absent: both are now() (a fake clock that does
   * not jump), and the run is this handler set's.
   */
  clockReading?: () => ClockReading;
  /** the install's log (redacted, rotating); absent: nothing is logged */
  log?: Logger;
}
