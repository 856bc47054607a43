// Data that crosses the contract. Plain types only, no runtime and no Node imports, so the
// renderer can type-check against them.

export interface AppInfo {
  name: string;
  version: string;
  /** Absent when the core runs outside Electron (CLI, tests, browser bridge). */
  electron: string | null;
  chromium: string | null;
  node: string;
  platform: string;
  arch: string;
  osRelease: string;
  /** Which shell is hosting the core: the desktop app, the CLI or the browser test bridge. */
  shell: 'electron' | 'cli' | 'browser-bridge';
}

export type SecretBackend = 'Secret Service' | 'macOS Keychain' | 'Windows Credential Manager' | 'session memory';

export interface KeychainStatus {
  available: boolean;
  backend: SecretBackend;
  /** Why the keychain cannot be used, in words a technician can act on. */
  reason?: string;
  checkedInMs: number;
}
