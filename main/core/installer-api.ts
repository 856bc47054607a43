// Builds the `window.installer` object from the contract's names. Kept free of imports and
// closures so the browser test bridge can inject the very same function into a page as source.
import type { InstallerApi } from './contract';

export function buildInstallerApi(
  callNames: readonly string[],
  eventNames: readonly string[],
  invoke: (name: string, input: unknown) => Promise<unknown>,
  subscribe: (event: string, listener: (payload: unknown) => void) => () => void,
): InstallerApi {
  const api: Record<string, unknown> = {};
  for (const name of callNames) {
    api[name] = (input?: unknown) => invoke(name, input);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${event}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return subscribe(event, listener);
  };
  return Object.freeze(api) as unknown as InstallerApi;
}
