// Electron entry: app lifecycle, one locked-down window, the app:// protocol and IPC. Everything
// the app does is in ./core, the file work in ./shell-files; this file only wires them to Electron.
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Handlers } from './core/handlers';
import { KeytarSecretStore } from './core/workspaces/secret-store';
import { registerIpc } from './ipc';
import { RunningJobs } from './core/installs/running-jobs';
import { MAX_LICENSE_BYTES } from './core/license/license-read';
import type { LicenseSource } from './core/contract';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  RENDERER_MIME,
  pageMayRequest,
  resolveRendererPath,
  windowOptions,
} from './security';
import {
  developmentSwitches,
  openDialogStart,
  printFromTempFile,
  readLicenseFile,
  readWindowState,
  saveWindowState,
} from './shell-files';

// Before `ready`, as Electron requires for privileged schemes.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

const development = !app.isPackaged;
const switches = developmentSwitches(app.isPackaged, process.env);
// Development and tests only: a throw-away profile beside the data folder (never the real one).
if (switches.dataDir) app.setPath('userData', join(switches.dataDir, 'electron-profile'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const jobs = new RunningJobs();
  let lastLicenseFile: string | null = null;
  const rendererRoot = join(app.getAppPath(), 'out', 'renderer');

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
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
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pageMayRequest(details.url, development) }));

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

    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(development)));

    const userData = app.getPath('userData');
    let handlers: Promise<Handlers> | undefined;
    const loadHandlers = () =>
      (handlers ??= import('./core/handlers')
        .then(async ({ createHandlers }) => {
          const { verificationKeys } = await import('./core/license/license-decode');
          return createHandlers({
            shell: 'electron',
            keychain: new KeytarSecretStore(),
            dataDir: switches.dataDir ?? userData,
            licenseKeys: verificationKeys({
              env: switches.publicKeyPath ? { RC_LICENSE_PUBLIC_KEY: switches.publicKeyPath } : {},
            }),
            openFile: async () => {
              const picked = await openLicenseFile(mainWindow, openDialogStart(lastLicenseFile, app.getPath('documents')));
              if (picked) lastLicenseFile = picked.path;
              return picked?.source ?? null;
            },
            saveFile: async (name, data) => {
              const options = { defaultPath: join(app.getPath('documents'), name) };
              const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
              if (choice.canceled || !choice.filePath) return null;
              await writeFile(choice.filePath, data);
              return choice.filePath;
            },
            renderPdf,
            writeClipboard: (text) => clipboard.writeText(text),
            // The window speaks the first of these it can (C and POSIX are skipped: core/i18n/choose.ts).
            preferredLanguages: () => app.getPreferredSystemLanguages(),
            jobs,
          });
        })
        // A failed first load (a broken keychain module, a bad key file) is retried by the next
        // call, not remembered as a rejection for the life of the process.
        .catch((e: unknown) => {
          handlers = undefined;
          throw e;
        }));
    registerIpc(ipcMain, loadHandlers, () => mainWindow?.webContents ?? null);

    const statePath = join(userData, 'window-state.json');
    const displays = screen.getAllDisplays().map((d) => d.workArea);
    mainWindow = new BrowserWindow(
      windowOptions(join(__dirname, 'preload.cjs'), readWindowState(statePath, displays), { devTools: development }),
    );
    const win = mainWindow;
    win.once('ready-to-show', () => win.show());
    win.on('close', () => saveWindowState(statePath, win.getNormalBounds()));
    // The page refuses to unload while a license is being sent or confirmed (its beforeunload):
    // ask. Closing anyway ends the job as "interrupted" (before-quit below), never half-written.
    win.webContents.on('will-prevent-unload', (event) => {
      if (dialog.showMessageBoxSync(win, CLOSE_WHILE_INSTALLING) === 1) event.preventDefault();
    });
    win.on('closed', () => {
      mainWindow = null;
    });
    // The window must never stay hidden or blank: a failed load or a crashed page is said, and
    // the page is loaded again once.
    let reloads = 0;
    const explain = (what: string) =>
      dialog.showMessageBox(win, { type: 'error', message: 'The window could not be shown.', detail: `${what} Restart the app; if it happens again, reinstall it.` });
    const recover = async (what: string) => {
      if (win.isDestroyed()) return;
      win.show();
      if (reloads++ < 1) {
        await win.loadURL(`${APP_ORIGIN}/index.html`).catch(() => explain(what));
        return;
      }
      await explain(what);
    };
    win.webContents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
      if (isMainFrame) void recover(`Loading ${url} failed (${code} ${description}).`);
    });
    win.webContents.on('render-process-gone', (_e, details) => void recover(`The page stopped (${details.reason}).`));
    await win.loadURL(`${APP_ORIGIN}/index.html`).catch(() => recover('The page could not be loaded.'));
  });

  app.on('window-all-closed', () => app.quit());
  // An installation still in flight is interrupted and recorded (lock released) before the process ends.
  app.on('before-quit', (event) => {
    if (!jobs.size) return;
    event.preventDefault();
    void jobs.interruptAll().finally(() => app.quit());
  });
}

/** Asked when the window is closed while a license is being sent or confirmed. */
export const CLOSE_WHILE_INSTALLING = {
  type: 'warning' as const,
  buttons: ['Keep waiting', 'Close anyway'],
  defaultId: 0,
  cancelId: 0,
  message: 'A license is being installed.',
  detail:
    'The license may already have reached the workspace. If you close now, the job is recorded as interrupted; open the app again and use Verify again in History to read its outcome.',
};

/** The application menu; DevTools (and reload) only in development, never in a packaged build. */
export function menuTemplate(development: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(development ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

async function openLicenseFile(
  parent: BrowserWindow | null,
  defaultPath: string,
): Promise<{ path: string; source: LicenseSource } | null> {
  const options = {
    defaultPath,
    properties: ['openFile' as const],
    filters: [{ name: 'License files', extensions: ['txt', 'lic', 'license', 'json', '*'] }],
  };
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return null;
  const { bytes, size } = readLicenseFile(path, MAX_LICENSE_BYTES);
  return { path, source: { kind: 'file', name: path.split(/[\\/]/).pop() ?? path, base64: bytes.toString('base64'), size } };
}

/** Receipts as PDF: the receipt's own HTML, from a temporary file, printed by a hidden, script-less window. */
async function renderPdf(html: string): Promise<Buffer> {
  return printFromTempFile(html, async (fileUrl) => {
    // Its own in-memory session: the app's session cancels every file:// request of the page.
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        partition: 'receipt-print',
      },
    });
    try {
      await win.loadURL(fileUrl);
      return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    } finally {
      win.destroy();
    }
  });
}
