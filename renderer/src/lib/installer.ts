// The renderer's only way out: the preload's `window.installer`, typed by the contract.
import type { InstallerApi } from '../../../main/core/contract';

declare global {
  interface Window {
    installer?: InstallerApi;
  }
}

export function installer(): InstallerApi {
  const api = window.installer;
  if (!api) throw new Error('The installer API is missing: the page was not started by the app.');
  return api;
}
