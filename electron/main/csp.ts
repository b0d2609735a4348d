// The one Content-Security-Policy of the app. The renderer's index.html carries the same policy as
// a <meta> tag; the app:// protocol handler also sends it as a header (a header also covers
// frame-ancestors, which a meta tag cannot). No inline script, no JavaScript eval, no remote origins.
export const CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the camera's face detector compile its WebAssembly (tfjs wasm backend);
  // it allows WebAssembly compilation only, never JavaScript eval or inline scripts
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
