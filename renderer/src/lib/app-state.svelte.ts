// The window's state: one small store per area (stores/), composed here. Components import the
// store they use; nothing here touches a token or the network — every call goes through the
// preload API.
import { tick } from 'svelte';
import { HistoryStore } from './stores/history.svelte';
import { InstallStore } from './stores/install.svelte';
import { LicenseStore } from './stores/license.svelte';
import { StatusStore } from './stores/status.svelte';
import { WorkspacesStore } from './stores/workspaces.svelte';

export { fileSource } from './stores/license.svelte';

export type View = 'install' | 'history' | 'about';

export const status = new StatusStore();
export const history = new HistoryStore();
export const workspaces: WorkspacesStore = new WorkspacesStore(status, {
  selected: () => install.clear(),
  connected: () => license.reinspect(),
  focusNext: () => focusNext(),
});
export const license: LicenseStore = new LicenseStore(status, workspaces, {
  replacedResult: () => install.clear(),
  installing: () => install.installing,
  focusNext: () => focusNext(),
});
export const install: InstallStore = new InstallStore(status, workspaces, license, history);

/**
 * Focus goes to the next thing to do, never back to <body>: sign in, then choose the license,
 * then Apply (or the license's summary when a check stops it). Results focus their own heading.
 */
function focusNext(): void {
  if (typeof document === 'undefined') return;
  void tick().then(() => {
    const signedIn = Boolean(workspaces.selected?.signedInAs);
    const selectors = !signedIn
      ? ['#signin-user']
      : license.inspection
        ? ['[data-testid="apply-button"]:not([disabled])', '#license-customer']
        : ['[data-testid="dropzone"] button'];
    for (const selector of selectors) {
      const el = document.querySelector<HTMLElement>(selector);
      if (el) return el.focus();
    }
  });
}

class AppState {
  view = $state<View>('install');

  /**
   * Reads what the window opens with. It is usable (`interactive`) once the saved workspaces are
   * listed; the keychain's state and the first workspace's answer (a server that may take seconds)
   * arrive after, each shown where it belongs. Resolves when all of it is in.
   */
  async start(options: { interactive?: () => void } = {}): Promise<void> {
    install.listen();
    const keychain = workspaces.checkKeychain();
    await workspaces.loadWorkspaces();
    options.interactive?.();
    const first = !workspaces.selectedId && workspaces.workspaces.length ? workspaces.select(workspaces.workspaces[0].id) : null;
    await Promise.all([keychain, first]);
  }

  /** Back to a fresh window (used by component tests between cases). */
  reset(): void {
    this.view = 'install';
    install.reset();
    workspaces.reset();
    license.reset();
    history.reset();
  }
}

export const app = new AppState();
