// Main-process implementation of ReportApi (shared/api/report.ts). Plain Node, tested without Electron.
// Every argument arrives as unknown: parse it (zod) before use.
import type { Handlers } from '../../shared/api';
import type { reportInvoke } from '../../shared/api/report';
import type { HandlerContext } from './context';

export type ReportHandlers = Pick<Handlers, keyof typeof reportInvoke>;

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createReportHandlers(ctx: HandlerContext): ReportHandlers {
  return {};
}
