// Wires every request channel of the contract to the plain-Node handlers, checking who is asking:
// only a frame served from app://preflight may call. Events go back with webContents.send.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EventChannel, InvokeChannel, type Emit, type Handlers } from '../../shared/api';
import { isAppUrl } from './hardening';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && isAppUrl(frame.url);
}

/**
 * The longest string any request carries: a report's text (electron/handlers/report.ts, 20 MB) plus
 * a margin. Each handler's zod schema sets the real, much smaller limit per argument (ids ≤ 100,
 * file names ≤ 1000); this is the floor under all of them, checked before any handler runs.
 */
export const MAX_IPC_STRING_CHARS = 21 * 1024 * 1024;
const MAX_IPC_DEPTH = 32;

/** Refuses an argument list with an over-long string or absurd nesting anywhere inside (iterative). */
export function assertArgsBounded(channel: string, args: readonly unknown[]): void {
  const stack: Array<[unknown, number]> = args.map((a) => [a, 0]);
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_IPC_STRING_CHARS) throw new Error(`refused ${channel}: an argument is too long (${v.length} characters)`);
    } else if (v && typeof v === 'object') {
      if (depth > MAX_IPC_DEPTH) throw new Error(`refused ${channel}: an argument is nested too deeply`);
      for (const [k, x] of Object.entries(v)) stack.push([k, depth + 1], [x, depth + 1]);
    }
  }
}

export function wireIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers): void {
  for (const [method, channel] of Object.entries(InvokeChannel) as [keyof Handlers, string][]) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) throw new Error(`refused ${channel}: sender is not the app`);
      assertArgsBounded(channel, args);
      const fn = handlers[method] as (...a: unknown[]) => Promise<unknown>;
      return fn(...args);
    });
  }
}

/** ctx.emit for the handlers: sends to the current window, if any and still alive. */
export function makeEmit(target: () => WebContents | null | undefined): Emit {
  return (method, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(EventChannel[method], payload);
  };
}
