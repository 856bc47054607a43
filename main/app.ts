// Electron entry: app lifecycle, one locked-down window, the app:// protocol and IPC. Everything
// the app does is in ./core; this file only wires it to Electron.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Handlers } from './core/handlers';
import { KeytarSecretStore } from './core/secret-store';
import { registerIpc } from './ipc';
import { writeFileAtomic } from './core/state/files';
import { MAX_LICENSE_BYTES } from './core/license/license-read';
import type { LicenseSource } from './core/contract';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, RENDERER_MIME, resolveRendererPath, windowOptions } from './security';

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
            'content-type': RENDERER_MIME[extname(file)] ?? 'application/octet-stream',
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

    const userData = app.getPath('userData');
    let handlers: Promise<Handlers> | undefined;
    const loadHandlers = () => (handlers ??= import('./core/handlers').then(({ createHandlers }) => createHandlers({
      shell: 'electron',
      keychain: new KeytarSecretStore(),
      dataDir: process.env.RC_LICENSE_HOME ?? userData,
      openFile: () => openLicenseFile(mainWindow),
      saveFile: async (name, data) => {
        const options = { defaultPath: join(app.getPath('documents'), name) };
        const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return null;
        await writeFile(choice.filePath, data);
        return choice.filePath;
      },
      renderPdf,
      writeClipboard: (text) => clipboard.writeText(text),
    })));
    registerIpc(ipcMain, loadHandlers, () => mainWindow?.webContents ?? null);

    const statePath = join(userData, 'window-state.json');
    mainWindow = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs'), readBounds(statePath)));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('close', () => {
      if (mainWindow) writeFileAtomic(statePath, JSON.stringify(mainWindow.getNormalBounds()));
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
}

function readBounds(path: string): { width: number; height: number; x?: number; y?: number } | undefined {
  try {
    const b = JSON.parse(readFileSync(path, 'utf8')) as { width: number; height: number; x: number; y: number };
    return b.width >= 1024 && b.height >= 700 ? b : undefined;
  } catch {
    return undefined;
  }
}

async function openLicenseFile(parent: BrowserWindow | null): Promise<LicenseSource | null> {
  const options = { properties: ['openFile' as const], filters: [{ name: 'License files', extensions: ['txt', 'lic', 'license', 'json', '*'] }] };
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return null;
  // One byte past the limit is enough for the reader to say "too large".
  const bytes = (await readFile(path)).subarray(0, MAX_LICENSE_BYTES + 1);
  return { kind: 'file', name: path.split(/[\\/]/).pop() ?? path, base64: bytes.toString('base64') };
}

/** Receipts as PDF: the receipt's own HTML, printed by a hidden, script-less window. */
async function renderPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await win.loadURL(`data:text/html;base64,${Buffer.from(html).toString('base64')}`);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    win.destroy();
  }
}
