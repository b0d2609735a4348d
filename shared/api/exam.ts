// Exam part of the renderer <-> main contract. Add methods to the interface and a channel
// (prefixed "preflight:") to the matching table; electron/handlers/exam.ts implements them.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExamApi {}

export const examInvoke = {} as const;

export const examEvents = {} as const;
