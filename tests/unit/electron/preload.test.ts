// The preload with a mocked electron: exposes window.preflight only, one function per message,
// and each unsubscribe removes exactly the wrapper it registered.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel, type PreflightApi } from '../../../shared/api';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => invoke(channel, ...args),
    on: (channel: string, l: (...a: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
    removeListener: (channel: string, l: (...a: unknown[]) => void) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((x) => x !== l),
      ),
  },
}));

describe('preload', () => {
  beforeEach(() => {
    invoke.mockClear();
  });

  it('exposes exactly window.preflight with one function per message', async () => {
    await import('../../../electron/preload');
    expect([...exposed.keys()]).toEqual(['preflight']);
    const api = exposed.get('preflight') as Record<string, unknown>;
    const methods = [...Object.keys(InvokeChannel), ...Object.keys(EventChannel)].sort();
    expect(Object.keys(api).sort()).toEqual(methods);
    for (const m of methods) expect(typeof api[m], m).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the channel of each method with its arguments', async () => {
    await import('../../../electron/preload');
    const api = exposed.get('preflight') as PreflightApi;
    await api.rerunCheck('mitx-pom-final', 'os.version');
    expect(invoke).toHaveBeenCalledWith(InvokeChannel.rerunCheck, 'mitx-pom-final', 'os.version');
  });

  it('unsubscribe removes exactly its own wrapper and drops the event object', async () => {
    await import('../../../electron/preload');
    const api = exposed.get('preflight') as PreflightApi;
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.onScanProgress(a);
    api.onScanProgress(b);
    const ch = EventChannel.onScanProgress;
    expect(listeners.get(ch)).toHaveLength(2);
    for (const l of listeners.get(ch)!) l({ sender: 'event' }, { id: 'x' });
    expect(a).toHaveBeenCalledWith({ id: 'x' });
    offA();
    expect(listeners.get(ch)).toHaveLength(1);
    for (const l of listeners.get(ch)!) l({}, { id: 'y' });
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });
});
