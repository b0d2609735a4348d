import { describe, expect, it, vi } from 'vitest';
import { isTrustedSender, makeEmit, wireIpc } from '../../../electron/main/ipc';
import { EventChannel, InvokeChannel, type Handlers } from '../../../shared/api';
import { FakeWebContents } from './electron-mock';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time');
});

function setup() {
  const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: vi.fn((ch: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
      registered.set(ch, fn);
    }),
  };
  const calls: [string, unknown[]][] = [];
  const handlers = new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        async (...args: unknown[]) => {
          calls.push([method, args]);
          return `${method}-ok`;
        },
    },
  ) as Handlers;
  wireIpc(ipcMain, handlers);
  return { registered, calls };
}
const from = (url: string | null) => ({ senderFrame: url === null ? null : { url } });

describe('IPC wiring', () => {
  it('registers one handler per request channel', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(Object.values(InvokeChannel).sort());
  });

  it('passes the arguments through to the matching handler', async () => {
    const { registered, calls } = setup();
    const out = await registered.get(InvokeChannel.rerunCheck)!(from('app://preflight/index.html#/check'), 'mitx-pom-final', 'os.version');
    expect(out).toBe('rerunCheck-ok');
    expect(calls).toEqual([['rerunCheck', ['mitx-pom-final', 'os.version']]]);
  });

  it('refuses callers that are not the app', async () => {
    const { registered, calls } = setup();
    const call = registered.get(InvokeChannel.runScan)!;
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'about:blank', null]) {
      expect(() => call(from(url), 'mitx-pom-final'), String(url)).toThrow(/sender is not the app/);
    }
    expect(calls).toEqual([]);
    expect(isTrustedSender(from('app://preflight/index.html') as never)).toBe(true);
  });

  it('emit sends the event on its channel to the live window only', () => {
    const wc = new FakeWebContents();
    let target: FakeWebContents | null = wc;
    const emit = makeEmit(() => target as never);
    const result = { id: 'os.version' };
    emit('onScanProgress', result as never);
    expect(wc.sent).toEqual([[EventChannel.onScanProgress, result]]);
    wc.destroyed = true;
    emit('onScanProgress', result as never);
    target = null;
    emit('onScanProgress', result as never);
    expect(wc.sent).toHaveLength(1);
  });
});
