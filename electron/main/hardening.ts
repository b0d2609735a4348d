// One hardening function for every window and session (Electron security checklist):
// no navigation away, no redirects, no <webview>, no new windows, and only camera/microphone
// permissions, only for the app's own origin.
import type { App, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './protocol';

/** true when `url` belongs to the app's own app:// origin */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    // not URL.origin: Node's URL does not know app: is a standard scheme and answers "null"
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: WebContents): void {
  // The app is a single page with hash routing: any real navigation is unexpected.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url) || new URL(url).pathname !== '/index.html') event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type PermissionRequest = Parameters<Parameters<Session['setPermissionRequestHandler']>[0] & object>;
type PermissionCheck = Parameters<Parameters<Session['setPermissionCheckHandler']>[0] & object>;

/** Camera/microphone only ("media"), only for app://preflight; everything else is refused. */
export function allowPermission(permission: string, requestingUrl: string | undefined, mediaTypes?: readonly string[]): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(requestingUrl)) return false;
  // media requests name what they want: only audio and video (never screen capture)
  return (mediaTypes ?? []).every((t) => t === 'audio' || t === 'video');
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((...[wc, permission, callback, details]: PermissionRequest) => {
    const url = details.requestingUrl ?? wc?.getURL();
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes as string[] | undefined) : undefined;
    callback(allowPermission(permission, url, mediaTypes));
  });
  session.setPermissionCheckHandler((...[, permission, requestingOrigin]: PermissionCheck) => allowPermission(permission, requestingOrigin));
  // screen capture is never offered
  session.setDisplayMediaRequestHandler((_req, callback) => callback({}));
}

/** Applies hardenWebContents to every web contents the app ever creates (incl. ones we did not). */
export function hardenApp(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
