// Main-process implementation of ExamApi (shared/api/exam.ts). Plain Node, tested without Electron.
// Every argument arrives as unknown: parse it (zod) before use.
import type { Handlers } from '../../shared/api';
import type { examInvoke } from '../../shared/api/exam';
import type { HandlerContext } from './context';

export type ExamHandlers = Pick<Handlers, keyof typeof examInvoke>;

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createExamHandlers(ctx: HandlerContext): ExamHandlers {
  return {};
}
