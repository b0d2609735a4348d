// Report part of the renderer <-> main contract. Add methods to the interface and a channel
// (prefixed "preflight:") to the matching table; electron/handlers/report.ts implements them.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReportApi {}

export const reportInvoke = {} as const;

export const reportEvents = {} as const;
