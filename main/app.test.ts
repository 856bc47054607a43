// The Electron shell with the `electron` module mocked: what the window is allowed to do, and
// that only our own page may call main.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;
const h = vi.hoisted(() => {
  const state = {
    appEvents: new Map<string, Handler>(),
    ipc: new Map<string, Handler>(),
    windows: [] as Array<{ options: Record<string, unknown>; webContents: { id: number; send: Handler; isDestroyed: () => boolean }; loadURL: ReturnType<typeof import('vitest').vi.fn> }>,
    privileged: [] as unknown[],
    protocolHandler: null as null | ((req: { url: string }) => Promise<Response>),
    permissionRequest: null as null | Handler,
    permissionCheck: null as null | Handler,
    blockedUrls: null as null | { urls: string[] },
    ready: null as null | (() => void),
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: 7, send: vi.fn(), isDestroyed: () => false, printToPDF: vi.fn() };
    loadURL = vi.fn(async () => undefined);
    constructor(readonly options: Record<string, unknown>) {
      h.windows.push(this as never);
    }
    once() {}
    on() {}
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    static getAllWindows() {
      return h.windows;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: Handler) => h.appEvents.set(event, fn),
      whenReady: () => new Promise<void>((resolve) => (h.ready = resolve)),
      getPath: (name: string) => join(mkdtempSync(join(tmpdir(), `electron-${name}-`))),
      quit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Handler) => h.ipc.set(channel, fn) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (t: unknown) => t },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => h.privileged.push(...s),
      handle: (_scheme: string, fn: (req: { url: string }) => Promise<Response>) => (h.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => (h.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Handler) => (h.permissionCheck = fn),
        webRequest: { onBeforeRequest: (filter: { urls: string[] }) => (h.blockedUrls = filter) },
      },
    },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    clipboard: { writeText: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  };
});

beforeAll(async () => {
  process.env.RC_LICENSE_HOME = mkdtempSync(join(tmpdir(), 'rc-li-app-'));
  await import('./app');
  h.ready!();
  await vi.waitFor(() => expect(h.windows.length).toBe(1));
});

describe('the Electron shell', () => {
  it('registers app:// as a standard secure scheme and loads the page from it', () => {
    expect(h.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(h.windows[0].loadURL).toHaveBeenCalledWith('app://renderer/index.html');
  });

  it('creates the window isolated, sandboxed, without Node', () => {
    expect(h.windows[0].options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('denies navigation, new windows, webviews and every permission, and blocks all web requests from the page', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    h.appEvents.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e);
      expect(e.preventDefault).toHaveBeenCalled();
    }
    expect(contents.setWindowOpenHandler.mock.calls[0][0]()).toEqual({ action: 'deny' });
    const callback = vi.fn();
    h.permissionRequest!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(h.permissionCheck!()).toBe(false);
    expect(h.blockedUrls?.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
  });

  it('serves the renderer with the CSP header, and nothing outside it', async () => {
    // Under test, __dirname/../renderer is the renderer source folder, which has an index.html too.
    const page = await h.protocolHandler!({ url: 'app://renderer/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const traversal = await h.protocolHandler!({ url: 'app://renderer/..%2f..%2fpackage.json' });
    expect(traversal.status).toBe(404);
    const other = await h.protocolHandler!({ url: 'app://elsewhere/index.html' });
    expect(other.status).toBe(404);
  });

  it('answers IPC only from our own window, validating the input', async () => {
    const call = h.ipc.get('installer:app.info')!;
    const ours = { sender: { id: 7 }, senderFrame: { url: 'app://renderer/index.html', parent: null } };
    expect(await call(ours, undefined)).toMatchObject({ ok: true, value: { shell: 'electron' } });
    const foreign = { sender: { id: 8 }, senderFrame: { url: 'app://renderer/index.html', parent: null } };
    expect(await call(foreign, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const subframe = { sender: { id: 7 }, senderFrame: { url: 'app://renderer/index.html', parent: {} } };
    expect(await call(subframe, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(ours, { evil: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('registers exactly one handler per contract call', async () => {
    const { CALL_NAMES } = await import('./core/contract');
    expect([...h.ipc.keys()].sort()).toEqual(CALL_NAMES.map((n) => `installer:${n}`).sort());
  });
});
