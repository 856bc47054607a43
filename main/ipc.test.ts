// registerIpc without Electron: the sender check comes first, events reach only a live window, and
// a core that cannot load answers as a value.
import { describe, expect, it, vi } from 'vitest';
import { registerIpc } from './ipc';
import { CALL_NAMES } from './core/contract';
import type { Handlers } from './core/handlers';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

function setup(o: { destroyed?: boolean; contents?: boolean; handlers?: () => Promise<Handlers> } = {}) {
  const handlers = new Map<string, Handler>();
  const send = vi.fn();
  const contents = o.contents === false ? null : { id: 7, send, isDestroyed: () => Boolean(o.destroyed) };
  const load = vi.fn(
    o.handlers ??
      (async () =>
        ({
          'app.info': async (_input: unknown, ctx: { emit: (e: string, p: unknown) => void }) => {
            ctx.emit('install.progress', { jobId: 'j', step: { step: 'apply', status: 'running', message: 'x' } });
            return { shell: 'electron' };
          },
        }) as unknown as Handlers),
  );
  registerIpc({ handle: (channel: string, fn: Handler) => handlers.set(channel, fn) } as never, load, () => contents as never);
  const ours = { sender: { id: 7 }, senderFrame: { url: 'app://renderer/index.html', parent: null } };
  return { handlers, send, load, ours };
}

describe('registerIpc', () => {
  it('registers one channel per call, prefixed', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `installer:${n}`).sort());
  });

  it('checks the sender before loading anything, and says why in words', async () => {
    const { handlers, load } = setup();
    const call = handlers.get('installer:app.info')!;
    for (const event of [
      { sender: { id: 8 }, senderFrame: { url: 'app://renderer/index.html', parent: null } },
      { sender: { id: 7 }, senderFrame: null },
      { sender: { id: 7 }, senderFrame: { url: 'app://renderer/index.html', parent: { url: 'app://renderer/' } } },
      { sender: { id: 7 }, senderFrame: { url: undefined, parent: null } },
    ]) {
      expect(await call(event, undefined)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This account is not allowed to install licenses.', detail: 'This request did not come from the app window.', fix: expect.any(String) } });
    }
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses every call when the window is gone', async () => {
    const { handlers, ours } = setup({ contents: false });
    expect(await handlers.get('installer:app.info')!(ours, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('sends events on the event channel to a live window only', async () => {
    const live = setup();
    expect(await live.handlers.get('installer:app.info')!(live.ours, undefined)).toEqual({ ok: true, value: { shell: 'electron' } });
    expect(live.send).toHaveBeenCalledWith('installer:install.progress', { jobId: 'j', step: { step: 'apply', status: 'running', message: 'x' } });
    const gone = setup({ destroyed: true });
    await gone.handlers.get('installer:app.info')!(gone.ours, undefined);
    expect(gone.send).not.toHaveBeenCalled();
  });

  it('a core that fails to load answers as a value with its code', async () => {
    const { handlers, ours } = setup({ handlers: () => Promise.reject(Object.assign(new Error('keytar.node: cannot open shared object file'))) });
    expect(await handlers.get('installer:app.info')!(ours, undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside the app.', detail: 'keytar.node: cannot open shared object file', fix: expect.any(String) },
    });
  });
});
