// Main-process implementation of ChecklistApi (shared/api/checklist.ts). Plain Node, tested without Electron.
// Every argument arrives as unknown: parse it (zod) before use.
import type { Handlers } from '../../shared/api';
import type { checklistInvoke } from '../../shared/api/checklist';
import type { HandlerContext } from './context';

export type ChecklistHandlers = Pick<Handlers, keyof typeof checklistInvoke>;

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createChecklistHandlers(ctx: HandlerContext): ChecklistHandlers {
  return {};
}
