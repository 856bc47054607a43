// The browser bridge: the built renderer in Chromium, with `window.installer` installed from the
// contract and every call forwarded to the real main-side handlers running in this test process.
// It stands in for Electron's IPC transport only; sender checks and input validation still apply.
import type { Page } from '@playwright/test';
import { CALL_NAMES, EVENT_NAMES, INSTALLER_GLOBAL } from '../../main/core/contract';
import { dispatch, type Handlers } from '../../main/core/handlers';
import { AppFailure } from '../../main/core/errors';
import { buildInstallerApi } from '../../main/core/installer-api';

export interface BridgeCall {
  name: string;
  ok: boolean;
  code?: string;
}

/** Installs the API in `page` (before any page script runs) and returns the log of calls made. */
export async function installBridge(page: Page, handlers: Handlers, appOrigin: string): Promise<BridgeCall[]> {
  const calls: BridgeCall[] = [];
  // Events are delivered in order, and before the call that emitted them returns — as Electron's
  // IPC orders webContents.send before the invoke reply.
  let delivered: Promise<unknown> = Promise.resolve();
  const emit = (event: string, payload: unknown) => {
    delivered = delivered.then(() =>
      page
        .evaluate(([e, p]) => (window as unknown as { __installerEmit?: (e: string, p: unknown) => void }).__installerEmit?.(e, p), [event, payload] as const)
        .catch(() => undefined),
    );
  };
  await page.exposeBinding('__installerInvoke', async (source, name: unknown, input: unknown): Promise<string> => {
    // Same rule as the app's IPC: only our page's top frame may call.
    if (source.frame !== source.page.mainFrame() || new URL(source.frame.url()).origin !== appOrigin) {
      return JSON.stringify({ ok: false, error: new AppFailure('FORBIDDEN', 'This request did not come from the app window.').toError() });
    }
    const result = await dispatch(handlers, name, input, { emit });
    await delivered;
    calls.push({ name: String(name), ok: result.ok, code: result.ok ? undefined : result.error.code });
    // As text: Playwright's own serializer walks a value node by node, and took ~0.6 s for a
    // history of 1 000 jobs (300 KB) — a cost of this bridge, not of Electron's structured clone,
    // that drowned the figure the History bench measures. Results are JSON values by contract.
    return JSON.stringify(result);
  });
  await page.addInitScript({
    content: `(() => {
      const listeners = new Map();
      const build = ${buildInstallerApi.toString()};
      const api = build(${JSON.stringify(CALL_NAMES)}, ${JSON.stringify(EVENT_NAMES)},
        (name, input) => window.__installerInvoke(name, input === undefined ? null : input).then((text) => JSON.parse(text)),
        (event, listener) => {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event).add(listener);
          return () => listeners.get(event).delete(listener);
        });
      Object.defineProperty(window, '__installerEmit', { value: (event, payload) => {
        for (const l of listeners.get(event) ?? []) l(payload);
      } });
      Object.defineProperty(window, ${JSON.stringify(INSTALLER_GLOBAL)}, { value: api });
    })();`,
  });
  return calls;
}
