// Saved workspaces, trust, the keychain and sign-in, as they cross the contract. Plain types only.
import type { ActiveLicenseState, WorkspaceInfo } from '../rocketchat/types';
import type { Msg } from '../i18n/messages';

export type SecretBackend = 'Secret Service' | 'macOS Keychain' | 'Windows Credential Manager' | 'session memory';

export interface KeychainStatus {
  available: boolean;
  backend: SecretBackend;
  /** Why the keychain cannot be used, in words a technician can act on. */
  reason?: string;
  checkedInMs: number;
}

export interface CertificateInfo {
  fingerprint256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  subjectAltName: string | null;
  selfSigned: boolean;
}

export interface SignedInUser {
  userId: string;
  username: string;
  name: string | null;
  roles: string[];
  isAdmin: boolean;
}

export interface LastSeen {
  version: string;
  workspaceUrl: string;
  workspaceUrlSource: 'server' | 'guess';
  at: string;
}

export interface SignedInAs {
  userId: string;
  username: string;
  kind: 'login' | 'pat';
  isAdmin: boolean;
  /** keychain, or this session only (memory). */
  storage: 'keychain' | 'session';
}

/** What the window may know about a workspace: no secrets, no CA text. */
export interface WorkspaceView {
  id: string;
  name: string;
  baseUrl: string;
  unencrypted: boolean;
  trust: { pinnedSha256: string | null; caFileName: string | null };
  proxyUrl: string | null;
  lastSeen: LastSeen | null;
  signedInAs: SignedInAs | null;
}

/**
 * The air-gapped read-only countdown (7.0+, spec §5.13): Cloud_Workspace_AirGapped_Restrictions_
 * Remaining_Days, a public setting. -1 no restriction (a valid license, or Cloud has the
 * statistics); 1–10 days left; 0 read-only: users read rooms but cannot send, edit or upload.
 */
export interface RestrictionReading {
  /** none; warning: read-only in `remainingDays`; read-only now; unknown: could not be read;
   * not-applicable: this version has no such countdown (before 7.0). */
  phase: 'none' | 'warning' | 'read-only' | 'unknown' | 'not-applicable';
  remainingDays: number | null;
  /** Where it was read: the public setting (no sign-in needed), or why it could not be. */
  source: 'settings.public' | null;
  reason?: string;
  at: string;
}

/** A limit of the active license with the workspace's use of it. */
export interface LimitUse {
  kind: string;
  label: string;
  /** null: unlimited. */
  max: number | null;
  used: number | null;
}

/** The license as the workspace runs it, for the status: more than active / not active. */
export interface LicenseDetail {
  /** active; none (nothing stored); pending: stored while the Site URL is not set, applied once it
   * is; stored-not-active: stored, not running (refused, or expired since); unknown: this account
   * cannot tell (not signed in, not an administrator). */
  state: 'active' | 'none' | 'pending' | 'stored-not-active' | 'unknown';
  id: string | null;
  tags: string[];
  trial: boolean;
  validUntil: string | null;
  /** Days left until validUntil by the server's clock (negative once past). */
  daysLeft: number | null;
  limits: LimitUse[];
  modules: string[];
  /** 8.7+: a license marked offline — no Cloud sync, push gateway, marketplace or telemetry. */
  offline: boolean;
  /** For `unknown`: what signing in (as an administrator) would show. */
  reason?: string;
}

/** The server's clock against this laptop's, from the Date header (a proxy may set it). */
export interface ClockReading {
  serverTime: string | null;
  localTime: string;
  /** Server minus laptop, ms; null when the server sent no Date. */
  skewMs: number | null;
}

/** A finding in words: a short label (the window's badge, the CLI's first words) and what it means. */
export interface Said {
  label: string;
  text: string;
  /** label and text as codes with parameters, for shells that speak another language. */
  say?: { label: Msg; text: Msg };
}

/** The status in words (the window and the CLI show the same sentences). */
export interface StatusWords {
  license: Said;
  /** "Active users (seats): 87 of 150", one per limit of the active license. */
  limits: string[];
  modules: string | null;
  /** 8.7+: what a license marked offline turns off. */
  offline: string | null;
  /** null before 7.0 (no read-only mode). */
  restriction: Said | null;
  /** "2026-12-03 09:14 UTC by the server, as this laptop" and the like. */
  clock: string;
  /** Said when the server's clock and the laptop's differ by more than a few minutes. */
  skew: string | null;
  /** Said when the Site URL setting is empty. */
  siteUrlUnset: string | null;
  /** The sentences above as codes with parameters (license and restriction carry their own). */
  say?: { limits: Msg[]; modules: Msg | null; offline: Msg | null; clock: Msg; skew: Msg | null; siteUrlUnset: Msg | null };
}

export interface WorkspaceConnection {
  workspace: WorkspaceView;
  info: WorkspaceInfo;
  license: ActiveLicenseState | null;
  /** The air-gapped countdown, read without signing in. */
  restriction: RestrictionReading;
  /** What the license is doing, in detail. */
  licenseDetail: LicenseDetail;
  clock: ClockReading;
  /** The Site_Url setting as read: '' when not set (licenses are then held pending), null when this account could not read it. */
  siteUrlSetting: string | null;
  said: StatusWords;
}
