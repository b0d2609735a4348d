// Wires every request channel of the contract to the plain-Node handlers, checking who is asking:
// only a frame served from app://preflight may call. Events go back with webContents.send.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EventChannel, InvokeChannel, type Emit, type Handlers } from '../../shared/api';
import { isAppUrl } from './hardening';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && isAppUrl(frame.url);
}

export function wireIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers): void {
  for (const [method, channel] of Object.entries(InvokeChannel) as [keyof Handlers, string][]) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) throw new Error(`refused ${channel}: sender is not the app`);
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
