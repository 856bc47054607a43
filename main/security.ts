// Security settings of the window, in one place so tests can assert them without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Content types of the built renderer's files, for the app:// protocol and the test server. */
export const RENDERER_MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The renderer loads nothing from anywhere but its own bundle and talks only through the preload. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The page may load only its own bundle (app://renderer/…) and data: images; every other request
 * Chromium would make — http(s), ws(s), file, ftp, another app:// host — is cancelled. Workspace
 * traffic goes through main (Node), never through the page. DevTools' own scheme only in development.
 */
export function pageMayRequest(url: string, development: boolean): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:')) return true;
  return development && url.startsWith('devtools://');
}

export function windowOptions(preloadPath: string, bounds?: { width: number; height: number; x?: number; y?: number }, options: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 800,
    x: bounds?.x,
    y: bounds?.y,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Offline License Installer for Rocket.Chat',
    backgroundColor: '#1f2329',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: options.devTools ?? false,
    },
  };
}

/** Only our own page, in our own window's top frame, may call main. */
export function isTrustedSender(
  sender: { id: number } | null | undefined,
  frameUrl: string | null | undefined,
  frameIsTop: boolean,
  windowContentsId: number | null,
): boolean {
  // No window (null) never equals a sender's numeric id.
  if (!sender || sender.id !== windowContentsId) return false;
  if (!frameIsTop || !frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Resolves a request path inside the renderer folder; anything that escapes it is refused. */
export function resolveRendererPath(root: string, requestUrl: string, join: (...p: string[]) => string, normalize: (p: string) => string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // a malformed %-escape is a 404, not a throw
  }
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const full = normalize(join(root, relative));
  // One separator after the root (normalize folds a doubled one): a sibling that merely starts
  // with the root's name ("renderer-evil") is outside it.
  const base = normalize(root + (root.includes('\\') ? '\\' : '/'));
  return full.startsWith(base) ? full : null;
}
