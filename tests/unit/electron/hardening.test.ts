import { describe, expect, it, vi } from 'vitest';
import { allowPermission, hardenApp, hardenSession, hardenWebContents, isAppUrl } from '../../../electron/main/hardening';
import { FakeEmitter, FakeWebContents, fakeSession, fire } from './electron-mock';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at run time');
});

describe('web contents hardening', () => {
  const wc = new FakeWebContents();
  hardenWebContents(wc as never);

  it('denies navigation away from the app, keeps in-app reloads', () => {
    expect(fire(wc, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(wc, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(wc, 'will-navigate', 'app://other/index.html')).toBe(true);
    expect(fire(wc, 'will-navigate', 'app://preflight/other.html')).toBe(true);
    expect(fire(wc, 'will-navigate', 'app://preflight/index.html#/check')).toBe(false);
  });
  it('denies every redirect', () => {
    expect(fire(wc, 'will-redirect', 'app://preflight/index.html')).toBe(true);
  });
  it('denies <webview>', () => {
    expect(fire(wc, 'will-attach-webview', {}, {})).toBe(true);
  });
  it('denies new windows', () => {
    expect(wc.windowOpenHandler?.({ url: 'app://preflight/index.html' })).toEqual({ action: 'deny' });
  });
  it('hardens every web contents the app creates', () => {
    const app = new FakeEmitter();
    hardenApp(app as never);
    const other = new FakeWebContents();
    app.emit('web-contents-created', {}, other);
    expect(fire(other, 'will-attach-webview')).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'x' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('allows only camera/microphone for the app origin', () => {
    expect(allowPermission('media', 'app://preflight/index.html', ['video', 'audio'])).toBe(true);
    expect(allowPermission('media', 'app://preflight/index.html')).toBe(true);
    expect(allowPermission('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(allowPermission('media', undefined, ['video'])).toBe(false);
    expect(allowPermission('geolocation', 'app://preflight/index.html')).toBe(false);
    expect(allowPermission('notifications', 'app://preflight/index.html')).toBe(false);
    expect(allowPermission('display-capture', 'app://preflight/index.html')).toBe(false);
  });

  it('wires request, check and screen-capture handlers on the session', () => {
    const s = fakeSession();
    hardenSession(s as never);
    const answers: boolean[] = [];
    s.request!(new FakeWebContents(), 'media', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://preflight/index.html', mediaTypes: ['video'] });
    s.request!(new FakeWebContents(), 'media', (ok: boolean) => answers.push(ok), { requestingUrl: 'https://x.example/', mediaTypes: ['video'] });
    s.request!(new FakeWebContents(), 'openExternal', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://preflight/index.html' });
    expect(answers).toEqual([true, false, false]);
    expect(s.check!(null, 'media', 'app://preflight')).toBe(true);
    expect(s.check!(null, 'media', 'https://x.example')).toBe(false);
    expect(s.check!(null, 'clipboard-read', 'app://preflight')).toBe(false);
    const screen = vi.fn();
    s.display!({}, screen);
    expect(screen).toHaveBeenCalledWith({});
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('app://preflight/x')).toBe(true);
    expect(isAppUrl('app://preflight.evil/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
