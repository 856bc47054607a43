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

// ---- Licenses -------------------------------------------------------------------------------

export type LicenseFormat = 'v2' | 'v3';
export type UrlRuleType = 'url' | 'regex' | 'hash';
export type LicenseBehavior =
  | 'invalidate_license'
  | 'start_fair_policy'
  | 'prevent_action'
  | 'allow_action'
  | 'prevent_installation'
  | 'disable_modules';
export type LimitKind = 'activeUsers' | 'guestUsers' | 'roomsPerGuest' | 'privateApps' | 'marketplaceApps' | 'monthlyActiveContacts';

export interface LicensePeriod {
  validFrom: string | null;
  validUntil: string | null;
  invalidBehavior: LicenseBehavior;
  modules: string[];
}

export interface LicenseLimit {
  kind: LimitKind;
  /** The kind in the technician's words ("Active users (seats)"). */
  label: string;
  /** null = unlimited (the license says -1). */
  max: number | null;
  behavior: LicenseBehavior;
  modules: string[];
}

/** One normalized view of a V2 or V3 license (V2 converted as the server does, spec §5.3). */
export interface LicenseSummary {
  format: LicenseFormat;
  /** SHA-256 (hex) of the canonical license string: how the job log and receipts name it. */
  sha256: string;
  /** The server's own short name for it: the last 8 characters of the license string. */
  hashTail: string;
  id: string | null;
  /** Which key verified the signature. A non-default key is always shown as a warning. */
  verifiedWith: { key: 'rocket.chat' | 'custom'; fingerprint: string };
  customer: { name: string | null; company: string | null; email: string | null } | null;
  tags: Array<{ name: string; color: string }>;
  trial: boolean;
  createdAt: string | null;
  visualExpiration: string | null;
  grantedBy: string | null;
  periods: LicensePeriod[];
  /** The window in which the license as a whole is valid (from invalidate_license/prevent_installation periods). */
  validFrom: string | null;
  validUntil: string | null;
  serverUrls: Array<{ value: string; type: UrlRuleType }>;
  limits: LicenseLimit[];
  modules: string[];
  /** Facts the server does not check on apply (spec §5.9): shown, not enforced. */
  informational: Array<{ label: string; value: string }>;
  /** JWT `exp`/`nbf` claims, which the server's verifier enforces with no tolerance. */
  jwt: { exp: string | null; nbf: string | null } | null;
}

/** What was cleaned from the input to get the canonical license string. */
export interface LicenseReading {
  format: LicenseFormat;
  sha256: string;
  length: number;
  cleaned: string[];
}

export type CheckStatus = 'pass' | 'fail' | 'unknown';
export type CheckName = 'signature' | 'url' | 'period' | 'limits' | 'server';

export interface LicenseCheck {
  name: CheckName;
  status: CheckStatus;
  /** One or two sentences a technician can act on. */
  message: string;
  /** For a failure, the error code the same problem has elsewhere. */
  code?: string;
  /** Per-rule detail (one entry per URL rule, per limit, per period). */
  items?: Array<{ label: string; status: CheckStatus; detail: string }>;
}

/** What is known about the target workspace when checking a license against it. */
export interface WorkspaceFacts {
  /** Normalized workspace URL (Site_Url without scheme and one trailing slash, spec §5.4). */
  workspaceUrl: string | null;
  /** 'server' when the server said it (8.6+ /api/info), 'guess' when derived from the URL typed in. */
  workspaceUrlSource: 'server' | 'guess' | null;
  /** The server's clock (HTTP Date header), ISO. */
  serverTime: string | null;
  /** This machine's clock when the server time was read, ISO. */
  localTime: string;
  /** Current usage per limit kind, when known. */
  usage: Partial<Record<LimitKind, number>> | null;
  /** The workspace's Rocket.Chat version, when known: what it can read and check depends on it. */
  serverVersion?: string | null;
  /** Why nothing could be read from the named workspace (it did not answer…): the checks say it. */
  unreadable?: string | null;
}

// ---- Workspaces and the server ----------------------------------------------------------------

export interface ServerCapabilities {
  /** GET licenses.info (6.5+). */
  licensesInfo: boolean;
  /** licenses.info has hasValidLicense (8.3+). */
  hasValidLicense: boolean;
  /** POST licenses.validate (8.7+). */
  validate: boolean;
  /** licenses.get (< 7.0). */
  legacy: boolean;
  /** licenses.isEnterprise (5.0 – 6.x; absent in 4.8, removed in 7.0: spec §5.11). */
  isEnterprise: boolean;
  /** Reads V3 (`RCV3_…`) licenses (6.5+). */
  v3Licenses: boolean;
  /** Invalidates a V2 license whose maxActiveUsers is exceeded (3.10–3.18), and cannot report usage. */
  seatsCheckedOnApply: boolean;
  /** licenses.maxActiveUsers (4.0+). */
  maxActiveUsers: boolean;
  /** /api/info reports the workspace URL licenses are checked against (8.6+). */
  workspaceUrl: boolean;
}

export interface WorkspaceInfo {
  baseUrl: string;
  version: string;
  major: number;
  minor: number;
  /** Normalized Site URL licenses are checked against (spec §5.4). */
  workspaceUrl: string;
  workspaceUrlSource: 'server' | 'guess';
  /** SHA-256 of workspaceUrl: the value Rocket.Chat asks for when requesting an air-gapped license. */
  workspaceUrlHash: string;
  serverTime: string | null;
  localTime: string;
  /** http:// to something other than this machine. */
  unencrypted: boolean;
  capabilities: ServerCapabilities;
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

/** What the server says about its active license. */
export interface ActiveLicenseState {
  /** Whether the server could be asked at all (permissions, endpoints). */
  known: boolean;
  valid: boolean | null;
  id: string | null;
  modules: string[];
  tags: string[];
  seats: number | null;
  seatsInUse: number | null;
  validUntil: string | null;
  trial: boolean;
  /** Where the answer came from. */
  source: 'licenses.info' | 'licenses.get' | 'licenses.isEnterprise' | 'none';
}

// ---- Installations ----------------------------------------------------------------------------

export type InstallStepName = 'license' | 'connect' | 'account' | 'usage' | 'stored' | 'prechecks' | 'backup' | 'server-validation' | 'apply' | 'verify';
export type StepStatus = 'running' | 'done' | 'failed' | 'skipped' | 'warning';

export interface InstallStep {
  step: InstallStepName;
  status: StepStatus;
  message: string;
  /** HTTP status and the server's own words, when a request was made. */
  httpStatus?: number;
  serverError?: string;
  durationMs?: number;
}

/**
 * active: the server confirms it; rejected: the server did not take it; unconfirmed: the outcome
 * could not be read back; blocked: a pre-check failed and nothing was sent; already-active: the
 * same license is already in force; already-rejected: the server already stores this exact text
 * and did not activate it, so sending it again would change nothing (spec §5.11) and nothing was
 * sent; failed: an error stopped the job; interrupted: the app stopped (killed, power lost) after
 * recording that it was sending, so whether the server got the license is unknown.
 */
export type InstallOutcome = 'active' | 'rejected' | 'unconfirmed' | 'blocked' | 'already-active' | 'already-rejected' | 'failed' | 'interrupted';

export interface InstallResult {
  jobId: string;
  outcome: InstallOutcome;
  /** One or two sentences: what happened and what to do next. */
  headline: string;
  reasons: string[];
  startedAt: string;
  finishedAt: string;
  workspace: { id: string | null; name: string | null; baseUrl: string; version: string | null; workspaceUrl: string | null; workspaceUrlSource: 'server' | 'guess' | null };
  user: { username: string; isAdmin: boolean } | null;
  license: { sha256: string; hashTail: string; id: string | null; format: 'v2' | 'v3'; customer: string | null; validUntil: string | null; seats: number | null };
  checks: LicenseCheck[];
  serverValidation: { valid: boolean; reasons: string[] } | null;
  steps: InstallStep[];
  before: ActiveLicenseState | null;
  after: ActiveLicenseState | null;
  /** The license that was active when this one was sent, and its fate if this one is rejected
   * (absent in jobs recorded before it existed). */
  replaced?: Replacement | null;
  /** The stored license kept before sending; null when the job stopped before that point. */
  backup?: LicenseBackup | null;
  /** For a restore: the job whose previous license this one puts back. */
  restoreOf?: string | null;
  /** When the outcome was last read again from the server ("Verify again"). */
  verifiedAt?: string | null;
  forced: boolean;
  error: { code: string; message: string; detail?: string; fix?: string } | null;
}

/** The license the workspace stored when an install began, as kept with that job. */
export type LicenseBackup =
  | {
      status: 'kept';
      /** SHA-256 of the stored text, as saved; the text itself is only in the backup file. */
      sha256: string;
      licenseId: string | null;
      format: LicenseFormat | null;
      /** What the server said was active then. */
      activeBefore: ActiveLicenseState | null;
    }
  /** The setting was empty: no license before. */
  | { status: 'none-before' }
  /** Could not be read (no permission, a server error): why. */
  | { status: 'unavailable'; reason: string };

/** The license active before an install, and what a rejection of the new one does to it. */
export interface Replacement {
  /** "ACME-2026-001 (120 seats, until 2026-12-31)". */
  current: string;
  /** 6.5+: a rejected license leaves none active at once; ≤6.4: the old one lasts until a restart. */
  lostWhen: 'now' | 'restart';
  /** Before sending: the confirmation, `--force` and the CLI prompt. */
  warning: string;
  /** After a rejection: what became of it. */
  afterRejection: string;
}

export interface InstallProgress {
  jobId: string;
  step: InstallStep;
}

// ---- Saved workspaces, as the window sees them -----------------------------------------------

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

export interface WorkspaceConnection {
  workspace: WorkspaceView;
  info: WorkspaceInfo;
  license: ActiveLicenseState | null;
}

export interface Inspection {
  reading: LicenseReading;
  summary: LicenseSummary;
  checks: LicenseCheck[];
  facts: WorkspaceFacts;
  /** The license active on the workspace now, to compare with (when signed in). */
  active: ActiveLicenseState | null;
  /** What sending this license would do to the active one. */
  replaces: Replacement | null;
}

export interface JobSummary {
  jobId: string;
  outcome: InstallOutcome;
  headline: string;
  startedAt: string;
  workspace: string;
  licenseId: string | null;
  sha256: string;
  username: string | null;
  /** A previous license was kept with this job and can be restored. */
  hasBackup: boolean;
  restoreOf: string | null;
}
