// Checklist part of the renderer <-> main contract. Add methods to the interface and a channel
// (prefixed "preflight:") to the matching table; electron/handlers/checklist.ts implements them.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChecklistApi {}

export const checklistInvoke = {} as const;

export const checklistEvents = {} as const;
