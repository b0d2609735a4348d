// A tiny stand-in for the parts of Electron's objects our main-process modules touch.
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, l: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]);
    return this;
  }
  once(name: string, l: Listener) {
    return this.on(name, l);
  }
  emit(name: string, ...args: unknown[]) {
    return (this.listeners.get(name) ?? []).map((l) => l(...args));
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  sent: [string, unknown][] = [];
  destroyed = false;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return 'app://preflight/index.html';
  }
}

/** fires `name` with a preventable event; returns whether it was prevented */
export function fire(wc: FakeEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  wc.emit(
    name,
    {
      preventDefault: () => {
        prevented = true;
      },
    },
    ...args,
  );
  return prevented;
}

export function fakeSession() {
  return {
    request: null as null | ((...a: unknown[]) => void),
    check: null as null | ((...a: unknown[]) => boolean),
    display: null as null | ((...a: unknown[]) => void),
    setPermissionRequestHandler: vi.fn(function (this: ReturnType<typeof fakeSession>, h) {
      this.request = h;
    }),
    setPermissionCheckHandler: vi.fn(function (this: ReturnType<typeof fakeSession>, h) {
      this.check = h;
    }),
    setDisplayMediaRequestHandler: vi.fn(function (this: ReturnType<typeof fakeSession>, h) {
      this.display = h;
    }),
  };
}
