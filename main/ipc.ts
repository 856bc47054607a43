// Registers one IPC handler per contract call; every call is checked for its sender first.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES, CHANNEL_PREFIX, type EventName, type Events } from './core/contract';
import type { Handlers } from './core/handlers';
import { AppFailure, toAppError } from './core/errors';
import { isTrustedSender } from './security';

/**
 * One handler per contract call. The core (HTTP client, stores, schemas) is loaded by the first
 * call, not at start-up, so the window shows first: `loadHandlers` is awaited per call.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, loadHandlers: () => Promise<Handlers>, getContents: () => WebContents | null): void {
  const core = () => import('./core/handlers');
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(CHANNEL_PREFIX + event, payload);
  };
  for (const name of CALL_NAMES) {
    ipcMain.handle(CHANNEL_PREFIX + name, async (event: IpcMainInvokeEvent, input: unknown) => {
      const contents = getContents();
      const frame = event.senderFrame;
      // A missing frame (null: navigated away or destroyed) has no parent of null: not the top frame.
      if (!isTrustedSender(event.sender, frame?.url, frame?.parent === null, contents ? contents.id : null)) {
        return { ok: false, error: new AppFailure('FORBIDDEN', 'This request did not come from the app window.').toError() };
      }
      try {
        const [{ dispatch }, handlers] = await Promise.all([core(), loadHandlers()]);
        return await dispatch(handlers, name, input, { emit });
      } catch (e) {
        // The core could not be loaded (e.g. the keychain module): a value, like every other error.
        return { ok: false, error: toAppError(e) };
      }
    });
  }
}
