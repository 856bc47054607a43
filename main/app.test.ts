// The Electron shell with the `electron` module mocked. The mock keeps every listener and handler
// the shell registers, and the tests call them: what the window may do, what the page may load,
// that only our own page may call main, and the shell's own work (dialogs, clipboard, PDF,
// window state). No Electron binary runs on our machines, so these are what must fail when the
// shell is wrong.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedTestKeyPair, licenses, signV3 } from '../e2e/simulator/license-factory';
import { CONTENT_SECURITY_POLICY } from './security';
import { JobLog } from './core/installs/job-log';
import type { InstallResult } from './core/installs/types';
import { jobRecord } from '../e2e/support/job-fixture';

type Handler = (...args: unknown[]) => unknown;
type FakeWindow = EventEmitter & {
  options: Record<string, unknown>;
  webContents: EventEmitter & { id: number; send: Handler; isDestroyed: () => boolean; printToPDF: ReturnType<typeof vi.fn> };
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
  destroy: ReturnType<typeof vi.fn>;
};

const h = vi.hoisted(() => ({
  order: [] as string[],
  packaged: false,
  appEvents: new Map<string, Handler>(),
  ipc: new Map<string, Handler>(),
  windows: [] as FakeWindow[],
  privileged: [] as unknown[],
  protocolHandler: null as null | ((req: { url: string }) => Promise<Response>),
  permissionRequest: null as null | Handler,
  permissionCheck: null as null | Handler,
  webRequest: null as null | Handler,
  ready: null as null | (() => void),
  paths: {} as Record<string, string>,
  setPaths: [] as Array<[string, string]>,
  menu: null as unknown,
  clipboard: async (_text: string): Promise<void> => undefined,
  openDialog: null as null | Handler,
  saveDialog: null as null | Handler,
  messageBoxes: [] as unknown[],
  /** What a synchronous message box answers (the button's index). */
  syncAnswer: 0,
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  failLoads: 0,
  lock: true,
  destroyed: false,
  minimized: true,
  lastLoad: '',
  fileExistedWhilePrinting: null as null | boolean,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      id: 7 + h.windows.length,
      send: vi.fn(),
      isDestroyed: () => false,
      printToPDF: vi.fn(async () => {
        h.fileExistedWhilePrinting = existsSync(fileURLToPath(h.lastLoad));
        return Buffer.from('%PDF-1.7');
      }),
    });
    loadURL = vi.fn(async (url: string) => {
      h.order.push(`load ${url}`);
      h.lastLoad = url;
      if (h.failLoads > 0) {
        h.failLoads--;
        throw new Error('ERR_FAILED');
      }
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    destroy = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      h.order.push('window');
      h.windows.push(this as never);
    }
    isMinimized() {
      return h.minimized;
    }
    isDestroyed() {
      return h.destroyed;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1300, height: 820 };
    }
  }
  return {
    app: {
      get isPackaged() {
        return h.packaged;
      },
      requestSingleInstanceLock: () => h.lock,
      on: (event: string, fn: Handler) => h.appEvents.set(event, fn),
      whenReady: () => new Promise<void>((resolve) => (h.ready = resolve)),
      getPath: (name: string) => (h.paths[name] ??= mkdtempSync(join(tmpdir(), `electron-${name}-`))),
      getPreferredSystemLanguages: () => ['de-DE', 'en-US'],
      setPath: (name: string, path: string) => {
        h.setPaths.push([name, path]);
        h.paths[name] = path;
      },
      getAppPath: () => process.cwd(),
      quit: vi.fn(() => h.order.push('quit')),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Handler) => h.ipc.set(channel, fn) },
    Menu: { setApplicationMenu: (m: unknown) => (h.menu = m), buildFromTemplate: (t: unknown) => t },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => {
        h.order.push('privileged');
        h.privileged.push(...s);
      },
      handle: (_scheme: string, fn: (req: { url: string }) => Promise<Response>) => {
        h.order.push('protocol');
        h.protocolHandler = fn;
      },
    },
    screen: { getAllDisplays: () => h.displays },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => (h.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Handler) => (h.permissionCheck = fn),
        webRequest: { onBeforeRequest: (fn: Handler) => (h.webRequest = fn) },
      },
    },
    dialog: {
      showOpenDialog: (...a: unknown[]) => h.openDialog!(...a),
      showSaveDialog: (...a: unknown[]) => h.saveDialog!(...a),
      showMessageBox: async (...a: unknown[]) => void h.messageBoxes.push(a[1]),
      showMessageBoxSync: (...a: unknown[]) => (h.messageBoxes.push(a[1]), h.syncAnswer),
    },
    clipboard: { writeText: (text: string) => h.clipboard(text) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  };
});

const home = mkdtempSync(join(tmpdir(), 'rc-li-app-'));

/** A recorded job, as the job log holds it. */
const jobFixture = (outcome: InstallResult['outcome'], o: { jobId: string; headline?: string }) => jobRecord(o.jobId, { outcome, ...(o.headline ? { headline: o.headline } : {}) });
const keyFile = join(home, 'test-key.pem');

/** Loads the shell afresh (as a new process would), then lets Electron become ready. */
async function boot(o: { packaged?: boolean; state?: unknown } = {}): Promise<FakeWindow> {
  vi.resetModules();
  Object.assign(h, { order: [], packaged: Boolean(o.packaged), windows: [], privileged: [], paths: {}, setPaths: [], messageBoxes: [] });
  h.appEvents.clear();
  h.ipc.clear();
  if (o.state !== undefined) {
    const userData = o.packaged ? (h.paths.userData = mkdtempSync(join(tmpdir(), 'electron-userData-'))) : join(home, 'electron-profile');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify(o.state));
  }
  await import('./app');
  h.order.push('ready');
  h.ready!();
  await vi.waitFor(() => expect(h.windows.length).toBe(1));
  await vi.waitFor(() => expect(h.order.some((x) => x.startsWith('load '))).toBe(true));
  return h.windows[0];
}

const ours = () => ({ sender: { id: h.windows[0].webContents.id }, senderFrame: { url: 'app://renderer/index.html', parent: null } });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- IPC answers are untyped at this edge; each test reads the fields it asserts
const call = (name: string, input?: unknown) => h.ipc.get(`installer:${name}`)!(ours(), input) as Promise<{ ok: boolean; value: any; error?: unknown }>;

/** Every permission name Electron's own typings list for setPermissionRequestHandler. */
function electronPermissionNames(): string[] {
  const dts = readFileSync(join(process.cwd(), 'node_modules/electron/electron.d.ts'), 'utf8');
  const signature = /setPermissionRequestHandler\(handler: \(\(webContents: WebContents, permission: ([^,]+(?:, [^,]+)*?), callback:/.exec(dts)![1];
  return [...signature.matchAll(/'([a-z-A-Z]+)'/g)].map((m) => m[1]);
}

beforeAll(() => {
  // The app:// handler serves the *built* renderer: build it if this run has not.
  if (!existsSync(join(process.cwd(), 'out/renderer/index.html'))) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer'], { encoding: 'utf8' });
    if (b.status !== 0) throw new Error(b.stderr);
  }
  writeFileSync(keyFile, sharedTestKeyPair().publicKeyPem);
  process.env.RC_LICENSE_HOME = home;
  process.env.RC_LICENSE_PUBLIC_KEY = keyFile;
}, 60_000);
afterAll(() => {
  delete process.env.RC_LICENSE_HOME;
  delete process.env.RC_LICENSE_PUBLIC_KEY;
  rmSync(home, { recursive: true, force: true });
});

describe('the Electron shell in development', () => {
  it('registers app:// before ready, and the protocol and window only after it', async () => {
    await boot();
    expect(h.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const at = (x: string) => h.order.findIndex((o) => o.startsWith(x));
    expect(at('privileged')).toBeGreaterThanOrEqual(0);
    expect(at('privileged')).toBeLessThan(at('ready'));
    expect(at('protocol')).toBeGreaterThan(at('ready'));
    expect(at('window')).toBeGreaterThan(at('ready'));
    expect(h.order).toContain('load app://renderer/index.html');
  });

  it('creates the window isolated, sandboxed, without Node; DevTools only in development', async () => {
    const win = await boot();
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: true });
    expect((win.options.webPreferences as { preload: string }).preload).toBe(join(__dirname, 'preload.cjs'));
    // Development uses a throw-away profile beside the data folder, never the real one.
    expect(h.setPaths).toEqual([['userData', join(home, 'electron-profile')]]);
  });

  it('denies navigation, new windows and webviews in every webContents', async () => {
    await boot();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    h.appEvents.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e);
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.setWindowOpenHandler.mock.calls[0][0]({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission Electron knows, in both handlers', async () => {
    await boot();
    const names = electronPermissionNames();
    expect(names.length).toBeGreaterThan(40);
    for (const permission of names) {
      const callback = vi.fn();
      h.permissionRequest!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(h.permissionCheck!(null, permission, 'app://renderer', {}), permission).toBe(false);
    }
  });

  it('cancels every request of the page but its own bundle, whatever the scheme', async () => {
    await boot();
    const cancelled = (url: string) => {
      const callback = vi.fn();
      h.webRequest!({ url }, callback);
      return (callback.mock.calls[0][0] as { cancel: boolean }).cancel;
    };
    for (const url of ['http://chat.acme.lan/api/info', 'https://chat.acme.lan/', 'ws://chat.acme.lan/websocket', 'wss://x/', 'file:///etc/passwd', 'ftp://x/', 'app://elsewhere/index.html', 'chrome://gpu']) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(cancelled('app://renderer/index.html')).toBe(false);
    expect(cancelled('data:image/png;base64,iVBORw0KGgo=')).toBe(false);
  });

  it('serves the built renderer with exactly our CSP, and refuses traversal, encoded traversal and a bad %', async () => {
    await boot();
    const page = await h.protocolHandler!({ url: 'app://renderer/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await page.arrayBuffer()).equals(readFileSync('out/renderer/index.html'))).toBe(true);
    for (const url of ['app://renderer/../package.json', 'app://renderer/..%2f..%2fpackage.json', 'app://renderer/%2e%2e/%2e%2e/package.json', 'app://renderer/%E0%A4%A', 'app://elsewhere/index.html', 'app://renderer/missing.js']) {
      expect((await h.protocolHandler!({ url })).status, url).toBe(404);
    }
  });

  it('answers IPC only from our own window and its top frame, validating the input', async () => {
    await boot();
    const handler = h.ipc.get('installer:app.info')!;
    // The window's language comes from the system's preferred languages (Electron's own list).
    expect(await handler(ours(), undefined)).toMatchObject({ ok: true, value: { shell: 'electron', preferredLanguages: ['de-DE', 'en-US'] } });
    const id = h.windows[0].webContents.id;
    expect(await handler({ sender: { id: id + 1 }, senderFrame: { url: 'app://renderer/index.html', parent: null } }, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler({ sender: { id }, senderFrame: { url: 'app://renderer/index.html', parent: {} } }, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler({ sender: { id }, senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler(ours(), { evil: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const { CALL_NAMES } = await import('./core/contract');
    expect([...h.ipc.keys()].sort()).toEqual(CALL_NAMES.map((n) => `installer:${n}`).sort());
  });

  it('says "copied" only once the clipboard write is done; a failed write is "not copied", never a crash', async () => {
    await boot();
    const written: string[] = [];
    h.clipboard = async (text) => void written.push(text);
    expect(await call('clipboard.write', { text: 'abc' })).toEqual({ ok: true, value: { copied: true } });
    expect(written).toEqual(['abc']);
    h.clipboard = () => Promise.reject(new Error('no clipboard owner'));
    expect(await call('clipboard.write', { text: 'abc' })).toEqual({ ok: true, value: { copied: false } });
  });

  it('opens a license from the folder last used, reads at most the limit + 1 from a regular file, and refuses anything else', async () => {
    await boot();
    const dir = mkdtempSync(join(tmpdir(), 'rc-li-open-'));
    const license = join(dir, 'ACME.lic');
    writeFileSync(license, 'RCV3_abc');
    const big = join(dir, 'big.iso');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 0x41));
    const starts: string[] = [];
    let pick = license;
    h.openDialog = async (_win: unknown, options: unknown) => {
      starts.push((options as { defaultPath: string }).defaultPath);
      return { canceled: false, filePaths: [pick] };
    };
    const first = await call('file.open');
    expect(first.value.source).toEqual({ kind: 'file', name: 'ACME.lic', base64: Buffer.from('RCV3_abc').toString('base64'), size: 8 });
    pick = big;
    const { MAX_LICENSE_BYTES } = await import('./core/license/license-read');
    const bigSource = (await call('file.open')).value.source;
    expect(Buffer.from(bigSource.base64, 'base64').length).toBe(MAX_LICENSE_BYTES + 1);
    // …and the real size travels with it, for the message.
    expect(await call('license.inspect', { source: bigSource })).toMatchObject({ ok: false, error: { code: 'LICENSE_TOO_LARGE', detail: 'It is 3.0 MiB.' } });
    expect(starts).toEqual([h.paths.documents, dir]);
    pick = dir;
    expect(await call('file.open')).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE', detail: expect.stringContaining('not a regular file') } });
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe.lic');
      spawnSync('mkfifo', [fifo]);
      pick = fifo;
      expect(await call('file.open')).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a PDF receipt from a temporary file in its own session, and removes the file', async () => {
    await boot();
    new JobLog(home).append(jobFixture('active', { jobId: '20261127-120000-abcd', headline: 'x'.repeat(3 * 1024 * 1024) }));
    const out = join(home, 'receipt.pdf');
    h.saveDialog = async () => ({ canceled: false, filePath: out });
    const saved = await call('receipt.save', { jobId: '20261127-120000-abcd', format: 'pdf' });
    const printer = h.windows[1];
    const printedFrom = printer.loadURL.mock.calls[0][0] as string;
    expect(saved).toEqual({ ok: true, value: { path: out } });
    expect(printedFrom).toMatch(/^file:\/\//);
    expect(h.fileExistedWhilePrinting).toBe(true);
    expect(existsSync(fileURLToPath(printedFrom))).toBe(false);
    expect(printer.options).toEqual({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'receipt-print' } });
    expect(printer.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true });
    expect(printer.destroy).toHaveBeenCalled();
    expect(readFileSync(out, 'utf8')).toBe('%PDF-1.7');
  });

  it('a second start brings the window back to the front', async () => {
    const win = await boot();
    h.appEvents.get('second-instance')!();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('reopens where it was when that is on a screen; off-screen bounds keep only the size; a failed save is no crash', async () => {
    let win = await boot({ state: { x: 100, y: 80, width: 1300, height: 820 } });
    expect(win.options).toMatchObject({ x: 100, y: 80, width: 1300, height: 820 });
    win = await boot({ state: { x: 5000, y: 3000, width: 1300, height: 820 } });
    expect(win.options).toMatchObject({ width: 1300, height: 820, x: undefined, y: undefined });
    win = await boot({ state: { x: 0, y: 0, width: 200, height: 100 } });
    expect(win.options).toMatchObject({ width: 1280, height: 800 });
    const statePath = join(home, 'electron-profile', 'window-state.json');
    win.emit('close');
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toEqual({ x: 10, y: 20, width: 1300, height: 820 });
    rmSync(statePath);
    mkdirSync(statePath); // the save now fails: it must not throw into Electron's error dialog
    expect(() => win.emit('close')).not.toThrow();
    rmSync(statePath, { recursive: true });
  });

  it('a page that fails to load or crashes is shown, loaded again once, then explained', async () => {
    h.failLoads = 1;
    const win = await boot();
    await vi.waitFor(() => expect(h.order.filter((o) => o.startsWith('load ')).length).toBe(2));
    expect(win.show).toHaveBeenCalled();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await vi.waitFor(() => expect(h.messageBoxes).toHaveLength(1));
    expect(h.order.filter((o) => o === 'load app://renderer/index.html')).toHaveLength(2);
    expect(h.messageBoxes[0]).toMatchObject({ detail: 'The page stopped (crashed). Restart the app; if it happens again, reinstall it.' });
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://renderer/index.html', false);
    expect(h.messageBoxes).toHaveLength(1); // a subframe's failure is not the window's
  });

  it('a page that cannot be loaded even once more is explained at once', async () => {
    h.failLoads = 2;
    await boot();
    await vi.waitFor(() => expect(h.messageBoxes).toHaveLength(1));
    expect(h.messageBoxes[0]).toMatchObject({ detail: 'The page could not be loaded. Restart the app; if it happens again, reinstall it.' });
  });

  it('a destroyed window is not shown again; closing the last window quits', async () => {
    const win = await boot();
    h.destroyed = true;
    win.webContents.emit('render-process-gone', {}, { reason: 'killed' });
    await new Promise((r) => setTimeout(r, 20));
    expect(win.show).not.toHaveBeenCalled();
    h.destroyed = false;
    h.appEvents.get('window-all-closed')!();
    expect(h.order.at(-1)).toBe('quit');
  });

  it('closing while a license is being sent asks first: "Keep waiting" keeps the page, "Close anyway" lets it go', async () => {
    const win = await boot();
    h.syncAnswer = 0;
    const keep = { preventDefault: vi.fn() };
    win.webContents.emit('will-prevent-unload', keep);
    expect(keep.preventDefault).not.toHaveBeenCalled(); // the page's beforeunload stands: the window stays
    expect(h.messageBoxes.at(-1)).toMatchObject({ type: 'warning', buttons: ['Keep waiting', 'Close anyway'], defaultId: 0, cancelId: 0, message: 'A license is being installed.' });
    // What closing would mean, and where the outcome is read afterwards.
    expect(h.messageBoxes.at(-1)).toMatchObject({ detail: expect.stringMatching(/recorded as interrupted.*Verify again in History/) });
    h.syncAnswer = 1;
    const close = { preventDefault: vi.fn() };
    win.webContents.emit('will-prevent-unload', close);
    expect(close.preventDefault).toHaveBeenCalledOnce(); // Electron's way to unload anyway
    h.syncAnswer = 0;
  });

  it('quitting with an installation in flight interrupts it, records it, then quits', async () => {
    const { startSimulator } = await import('../e2e/simulator/simulator');
    const s = await startSimulator({ version: '8.8.0', validationDelayMs: 60_000 });
    try {
      await boot();
      const added = await call("workspace.add", { url: s.url });
      const workspaceId = added.value.workspace.id as string;
      expect((await call('auth.login', { workspaceId, user: 'admin', password: 'admin-pass', sessionOnly: true })).ok).toBe(true);
      const text = await signV3(licenses.boundTo(s.url.replace(/^https?:\/\//, ''), { id: 'QUIT-1' }));
      const inspected = await call('license.inspect', { source: { kind: 'text', text }, workspaceId });
      const install = call('license.install', { workspaceId, sha256: inspected.value.summary.sha256, waitSeconds: 300 });
      await vi.waitFor(() => expect(s.state.licenseAdds).toBe(1), { timeout: 10_000 });
      const quit = { preventDefault: vi.fn() };
      const quitsBefore = h.order.filter((x) => x === 'quit').length;
      h.appEvents.get('before-quit')!(quit);
      expect(quit.preventDefault).toHaveBeenCalledOnce();
      const result = await install;
      expect(result.value).toMatchObject({ outcome: 'interrupted', sent: 'yes' });
      await vi.waitFor(() => expect(h.order.filter((x) => x === 'quit').length).toBe(quitsBefore + 1));
      expect(new JobLog(home).get(result.value.jobId).outcome).toBe('interrupted');
      // Nothing left running: the next quit goes ahead at once.
      const again = { preventDefault: vi.fn() };
      h.appEvents.get('before-quit')!(again);
      expect(again.preventDefault).not.toHaveBeenCalled();
    } finally {
      await s.stop();
    }
  }, 30_000);

  it('a failed first load of the core is retried by the next call, not remembered', async () => {
    rmSync(keyFile);
    await boot();
    expect(await call('license.inspect', { source: { kind: 'text', text: 'x' } })).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    writeFileSync(keyFile, sharedTestKeyPair().publicKeyPem);
    const text = await signV3(licenses.boundTo('chat.acme.lan'));
    expect(await call('license.inspect', { source: { kind: 'text', text } })).toMatchObject({ ok: true, value: { summary: { verifiedWith: { key: 'custom' } } } });
  });
});

describe('the Electron shell, more closely', () => {
  it('a second copy of the app quits at once and opens no window', async () => {
    vi.resetModules();
    Object.assign(h, { order: [], windows: [], lock: false });
    await import('./app');
    expect(h.order).toEqual(['privileged', 'quit']);
    expect(h.windows).toHaveLength(0);
    h.lock = true;
  });

  it('shows the window when ready; a second start does not restore a window that is not minimized; a closed window takes no calls', async () => {
    const win = await boot();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
    h.minimized = false;
    h.appEvents.get('second-instance')!();
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    h.minimized = true;
    win.emit('closed');
    h.appEvents.get('second-instance')!();
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(await call('app.info')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('serves scripts and styles with their own types, anything else as bytes, and says "Not found"', async () => {
    await boot();
    const assets = readdirSync('out/renderer/assets');
    const js = assets.find((f) => f.endsWith('.js'))!;
    const css = assets.find((f) => f.endsWith('.css'))!;
    expect((await h.protocolHandler!({ url: `app://renderer/assets/${js}` })).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await h.protocolHandler!({ url: `app://renderer/assets/${css}` })).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const odd = join('out/renderer', `test-${process.pid}.bin`);
    writeFileSync(odd, 'x');
    try {
      expect((await h.protocolHandler!({ url: `app://renderer/test-${process.pid}.bin` })).headers.get('content-type')).toBe('application/octet-stream');
    } finally {
      rmSync(odd);
    }
    for (const url of ['app://renderer/missing.js', 'app://elsewhere/index.html']) {
      const r = await h.protocolHandler!({ url });
      expect([r.status, await r.text()]).toEqual([404, 'Not found']);
    }
  });

  it('asks for license files with the right dialog; cancelling the open or the save dialog is no error', async () => {
    await boot();
    const seen: unknown[] = [];
    h.openDialog = async (_win: unknown, options: unknown) => {
      seen.push(options);
      return { canceled: true, filePaths: [] };
    };
    expect(await call('file.open')).toEqual({ ok: true, value: { available: true, source: null } });
    expect(await call('file.open')).toEqual({ ok: true, value: { available: true, source: null } });
    expect(seen).toEqual([
      { defaultPath: h.paths.documents, properties: ['openFile'], filters: [{ name: 'License files', extensions: ['txt', 'lic', 'license', 'json', '*'] }] },
      { defaultPath: h.paths.documents, properties: ['openFile'], filters: [{ name: 'License files', extensions: ['txt', 'lic', 'license', 'json', '*'] }] },
    ]);
    new JobLog(home).append(jobFixture('active', { jobId: '20261127-140000-cccc' }));
    const saves: unknown[] = [];
    h.saveDialog = async (_win: unknown, options: unknown) => {
      saves.push(options);
      return { canceled: true, filePath: '' };
    };
    expect(await call('receipt.save', { jobId: '20261127-140000-cccc', format: 'html' })).toEqual({ ok: true, value: { path: null } });
    // Cancelled is cancelled, even where the dialog also reports a path.
    h.saveDialog = async () => ({ canceled: true, filePath: join(home, 'should-not-exist.html') });
    expect(await call('receipt.save', { jobId: '20261127-140000-cccc', format: 'html' })).toEqual({ ok: true, value: { path: null } });
    expect(existsSync(join(home, 'should-not-exist.html'))).toBe(false);
    h.openDialog = async () => ({ canceled: true, filePaths: [join(home, 'test-key.pem')] });
    expect(await call('file.open')).toEqual({ ok: true, value: { available: true, source: null } });
    expect(saves).toEqual([{ defaultPath: join(h.paths.documents, 'receipt-20261127-140000-cccc.html') }]);
  });

  it('explains a window that cannot be shown, with what failed', async () => {
    const win = await boot();
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://renderer/index.html', true);
    await vi.waitFor(() => expect(h.order.filter((o) => o.startsWith('load ')).length).toBe(2));
    expect(h.messageBoxes).toEqual([]);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://renderer/index.html', true);
    await vi.waitFor(() => expect(h.messageBoxes).toHaveLength(1));
    expect(h.messageBoxes[0]).toEqual({
      type: 'error',
      message: 'The window could not be shown.',
      detail: 'Loading app://renderer/index.html failed (-6 ERR_FILE_NOT_FOUND). Restart the app; if it happens again, reinstall it.',
    });
  });

  it('the menus a technician gets, in development and packaged', async () => {
    const { menuTemplate } = await import('./app');
    const common = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }];
    const macOnly = process.platform === 'darwin' ? [{ role: 'appMenu' }] : [];
    expect(menuTemplate(false)).toEqual([...macOnly, { role: 'fileMenu' }, { role: 'editMenu' }, { label: 'View', submenu: common }, { role: 'windowMenu' }]);
    expect(menuTemplate(true)).toEqual([
      ...macOnly,
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, ...common] },
      { role: 'windowMenu' },
    ]);
  });
});

describe('the Electron shell as packaged', () => {
  it('has no DevTools, and ignores the test-only switches for the signing key and the data folder', async () => {
    const win = await boot({ packaged: true });
    expect((win.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    const view = (h.menu as Array<{ label?: string; submenu?: Array<{ role?: string }> }>).find((m) => m.label === 'View')!;
    expect(view.submenu!.map((i) => i.role)).not.toContain('toggleDevTools');
    expect(view.submenu!.map((i) => i.role)).not.toContain('reload');
    expect(h.setPaths).toEqual([]);
    // RC_LICENSE_PUBLIC_KEY is set in this process, but a packaged app trusts Rocket.Chat's key only.
    const text = await signV3(licenses.boundTo('chat.acme.lan'));
    expect(await call('license.inspect', { source: { kind: 'text', text } })).toMatchObject({ ok: false, error: { code: 'LICENSE_SIGNATURE' } });
    // …and keeps its data in userData, not in RC_LICENSE_HOME.
    new JobLog(h.paths.userData).append(jobFixture('active', { jobId: '20261127-130000-aaaa' }));
    new JobLog(home).append(jobFixture('active', { jobId: '20261127-130000-bbbb' }));
    expect((await call('history.list')).value.jobs.map((j: { jobId: string }) => j.jobId)).toEqual(['20261127-130000-aaaa']);
  });

  it('the development menu has DevTools', async () => {
    await boot();
    const view = (h.menu as Array<{ label?: string; submenu?: Array<{ role?: string }> }>).find((m) => m.label === 'View')!;
    expect(view.submenu!.map((i) => i.role)).toContain('toggleDevTools');
  });
});
