// The one list of calls the renderer can make. The preload, the Electron IPC registration, the CLI
// and the browser test bridge are all generated from it; the renderer imports only its types.
import type { AppError, Result } from './errors';
import type { InstallProgress, InstallResult, JobSummary } from './installs/types';
import type { Inspection } from './license/types';
import type { AppInfo } from './types';
import type { KeychainStatus, SignedInUser, WorkspaceConnection, WorkspaceView } from './workspaces/types';
import type { Lang } from './i18n/format';

export type LicenseSource =
  | { kind: 'file'; name: string; /** the file's bytes, base64 (at most 64 KiB + 1 byte are sent) */ base64: string; /** the whole file's size, for "too large" */ size?: number }
  | { kind: 'text'; text: string };

export interface TrustInput {
  /** Trust exactly this certificate (SHA-256 hex), after the technician compared it. */
  pinnedSha256?: string | null;
  /** Trust this CA (PEM text of a file the technician chose). */
  caPem?: string | null;
  caFileName?: string | null;
}

export interface Calls {
  'app.info': { input: void; output: AppInfo };
  'keychain.status': { input: void; output: KeychainStatus };
  'workspace.list': { input: void; output: { workspaces: WorkspaceView[]; warnings: string[] } };
  'workspace.add': { input: { url: string; name?: string; proxyUrl?: string } & TrustInput; output: WorkspaceConnection };
  'workspace.connect': { input: { workspaceId: string }; output: WorkspaceConnection };
  'workspace.update': { input: { workspaceId: string; name?: string; proxyUrl?: string | null } & TrustInput; output: WorkspaceView };
  'workspace.remove': { input: { workspaceId: string }; output: { removed: true } };
  'auth.login': { input: { workspaceId: string; user: string; password: string; code?: string; sessionOnly?: boolean }; output: SignedInUser };
  'auth.token': { input: { workspaceId: string; userId: string; token: string; sessionOnly?: boolean }; output: SignedInUser };
  'auth.logout': { input: { workspaceId: string }; output: { revokedOnServer: boolean; kind: 'login' | 'pat' | null } };
  /** Read, verify and summarize a license; checked against a workspace when one is named. */
  'license.inspect': { input: { source: LicenseSource; workspaceId?: string }; output: Inspection };
  'license.install': { input: { workspaceId: string; sha256: string; force?: boolean; waitSeconds?: number }; output: InstallResult };
  'history.list': { input: void; output: { jobs: JobSummary[]; warnings: string[] } };
  'history.get': { input: { jobId: string }; output: InstallResult };
  /** Puts back the license a job kept before sending, through the same verified flow. */
  'license.restore': { input: { jobId: string; force?: boolean; waitSeconds?: number; /** Restore even though the job's own license is active now. */ evenIfActive?: boolean }; output: InstallResult };
  /** Reads the server's state for a job again ("Verify again") and records the outcome now. */
  'history.verify': { input: { jobId: string }; output: InstallResult };
  'receipt.save': { input: { jobId: string; format: 'html' | 'json' | 'pdf'; lang?: Lang }; output: { path: string | null } };
  /** The desktop app's native "open file" dialog (not available in other shells); source is null when cancelled. */
  'file.open': { input: void; output: { available: boolean; source: LicenseSource | null } };
  /** Copy text (a Site URL, its SHA-256, a fingerprint) without giving the page clipboard access. */
  'clipboard.write': { input: { text: string }; output: { copied: boolean } };
}

/** Messages main pushes to the renderer (progress of long work). */
export interface Events {
  'install.progress': InstallProgress;
}

export type CallName = keyof Calls;
export type EventName = keyof Events;
export type CallInput<K extends CallName> = Calls[K]['input'];
export type CallOutput<K extends CallName> = Calls[K]['output'];
export type CallResult<K extends CallName> = Result<CallOutput<K>>;
export type { AppError, Result };
export type * from './types';
export type * from './workspaces/types';
export type * from './rocketchat/types';
export type * from './license/types';
export type * from './installs/types';

export const CALL_NAMES = [
  'app.info',
  'keychain.status',
  'workspace.list',
  'workspace.add',
  'workspace.connect',
  'workspace.update',
  'workspace.remove',
  'auth.login',
  'auth.token',
  'auth.logout',
  'license.inspect',
  'license.install',
  'history.list',
  'history.get',
  'license.restore',
  'history.verify',
  'receipt.save',
  'file.open',
  'clipboard.write',
] as const satisfies readonly CallName[];
export const EVENT_NAMES = ['install.progress'] as const satisfies readonly EventName[];

// Compile-time proof that the runtime lists name every call and event exactly once.
type Missing<All, Listed> = Exclude<All, Listed>;
const _allCalls: Missing<CallName, (typeof CALL_NAMES)[number]> extends never ? true : never = true;
const _allEvents: Missing<EventName, (typeof EVENT_NAMES)[number]> extends never ? true : never = true;
void _allCalls;
void _allEvents;

/** The IPC channel prefix, so our channels never collide with Electron's own. */
export const CHANNEL_PREFIX = 'installer:';

/** The API the preload exposes as `window.installer`. */
export type InstallerApi = {
  [K in CallName]: CallInput<K> extends void ? () => Promise<CallResult<K>> : (input: CallInput<K>) => Promise<CallResult<K>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export const INSTALLER_GLOBAL = 'installer';
