// The app's own facts, as the About panel shows them. Each noun keeps its types beside it
// (workspaces/types.ts, license/types.ts, installs/types.ts, rocketchat/types.ts); contract.ts
// re-exports them all. Plain types only: the renderer type-checks against them.

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
  /** The system's preferred languages, first first (Electron: app.getPreferredSystemLanguages()). */
  preferredLanguages: string[];
}
