// The one list of calls the renderer can make. The preload, the Electron IPC registration, the CLI
// and the browser test bridge are all generated from it; the renderer imports only its types.
import type { AppError, Result } from './errors';
import type { AppInfo, KeychainStatus, LicenseCheck, LicenseReading, LicenseSummary } from './types';

export interface Calls {
  'app.info': { input: void; output: AppInfo };
  'keychain.status': { input: void; output: KeychainStatus };
  /** Read, verify and summarize a license; checked against a workspace when one is named. */
  'license.inspect': { input: LicenseInspectInput; output: LicenseInspection };
}

export type LicenseSource =
  | { kind: 'file'; name: string; /** the file's bytes, base64 (at most 64 KiB + 1 byte are sent) */ base64: string }
  | { kind: 'text'; text: string };

export interface LicenseInspectInput {
  source: LicenseSource;
  workspaceId?: string;
}

export interface LicenseInspection {
  reading: LicenseReading;
  summary: LicenseSummary;
  checks: LicenseCheck[];
}

/** Messages main pushes to the renderer (progress of long work). */
export interface Events {
  'app.notice': { message: string };
}

export type CallName = keyof Calls;
export type EventName = keyof Events;
export type CallInput<K extends CallName> = Calls[K]['input'];
export type CallOutput<K extends CallName> = Calls[K]['output'];
export type CallResult<K extends CallName> = Result<CallOutput<K>>;
export type { AppError, Result };
export type * from './types';

export const CALL_NAMES = ['app.info', 'keychain.status', 'license.inspect'] as const satisfies readonly CallName[];
export const EVENT_NAMES = ['app.notice'] as const satisfies readonly EventName[];

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
