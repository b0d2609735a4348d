// Main-process implementation of ScanApi (shared/api/scan.ts). Plain Node, tested without Electron.
// Every argument arrives as unknown: parse it (zod) before use.
import type { Handlers } from '../../shared/api';
import type { scanInvoke } from '../../shared/api/scan';
import type { HandlerContext } from './context';

export type ScanHandlers = Pick<Handlers, keyof typeof scanInvoke>;

export function createScanHandlers(ctx: HandlerContext): ScanHandlers {
  void ctx;
  const notYet = () => Promise.reject(new Error('not implemented yet'));
  return { listProfiles: notYet, runScan: notYet, rerunCheck: notYet };
}
