// The preload: exactly one global, with one function per contract call and `on` for the contract's
// events, wired to ipcRenderer on the contract's channels — and nothing else reaches the page.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  exposed: [] as Array<[string, Record<string, unknown>]>,
  invoked: [] as Array<[string, unknown]>,
  listeners: new Map<string, (e: unknown, payload: unknown) => void>(),
  removed: [] as string[],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => h.exposed.push([name, api]) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      h.invoked.push([channel, input]);
      return { ok: true, value: channel };
    },
    on: (channel: string, fn: (e: unknown, payload: unknown) => void) => h.listeners.set(channel, fn),
    removeListener: (channel: string, fn: unknown) => {
      if (h.listeners.get(channel) === fn) h.removed.push(channel);
    },
  },
}));

beforeAll(async () => {
  await import('./preload');
});

describe('the preload', () => {
  it('exposes one frozen global with exactly the contract calls and `on`', async () => {
    const { CALL_NAMES, INSTALLER_GLOBAL } = await import('./core/contract');
    expect(h.exposed).toHaveLength(1);
    const [name, api] = h.exposed[0];
    expect(name).toBe(INSTALLER_GLOBAL);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends each call on its own channel with its input, and returns the answer', async () => {
    const api = h.exposed[0][1] as Record<string, (input?: unknown) => Promise<unknown>>;
    expect(await api['workspace.connect']({ workspaceId: 'w1' })).toEqual({ ok: true, value: 'installer:workspace.connect' });
    expect(h.invoked.at(-1)).toEqual(['installer:workspace.connect', { workspaceId: 'w1' }]);
  });

  it('relays only contract events, without the Electron event object, and unsubscribes exactly its listener', () => {
    const api = h.exposed[0][1] as { on: (event: string, fn: (p: unknown) => void) => () => void };
    const got: unknown[] = [];
    const off = api.on('install.progress', (p) => got.push(p));
    h.listeners.get('installer:install.progress')!({ sender: 'secret electron internals' }, { step: 'x' });
    expect(got).toEqual([{ step: 'x' }]);
    off();
    expect(h.removed).toEqual(['installer:install.progress']);
    expect(() => api.on('ipc-message', () => undefined)).toThrow('Unknown event ipc-message');
    expect(() => api.on('install.progress', 'not a function' as never)).toThrow('listener must be a function');
  });
});
