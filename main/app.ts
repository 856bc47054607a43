// Electron entry: app lifecycle, one locked-down window, the app:// protocol and IPC. Everything
// the app does is in ./core; this file only wires it to Electron.
import { app, BrowserWindow, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createHandlers } from './core/handlers';
import { KeytarSecretStore } from './core/secret-store';
import { registerIpc } from './ipc';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, resolveRendererPath, windowOptions } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const rendererRoot = join(__dirname, '..', 'renderer');

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents, present and future: no navigation, no new windows, no <webview>.
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.whenReady().then(async () => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // The page never talks to the network: workspace traffic goes through main (Node), not Chromium.
    ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
      callback({ cancel: true }),
    );

    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveRendererPath(rendererRoot, request.url, join, normalize);
      if (!file) return new Response('Not found', { status: 404 });
      try {
        const body = await readFile(file);
        return new Response(body, {
          headers: {
            'content-type': MIME[extname(file)] ?? 'application/octet-stream',
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
          },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate([
        ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
        { role: 'fileMenu' },
        { role: 'editMenu' },
        { role: 'viewMenu' },
        { role: 'windowMenu' },
      ]),
    );

    const handlers = createHandlers({ shell: 'electron', secrets: new KeytarSecretStore() });
    registerIpc(ipcMain, handlers, () => mainWindow?.webContents ?? null);

    mainWindow = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs')));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
}
