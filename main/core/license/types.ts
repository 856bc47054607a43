// A license as read, summarized and checked against a workspace. Plain types only.
import type { RestrictionReading } from '../workspaces/types';
import type { ActiveLicenseState } from '../rocketchat/types';
import type { Msg } from '../i18n/messages';

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
  /** Details the server does not check; `code` names the label (info.<code> in main/core/i18n), `said` a value in words. */
  informational: Array<{ label: string; value: string; code?: string; said?: 'yes' | 'no' | 'required' | 'notRequired' }>;
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
  items?: Array<{ label: string; status: CheckStatus; detail: string; say?: { label: Msg; detail: Msg } }>;
  /** `message` as a code with parameters, for shells that speak another language. */
  msg?: Msg;
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
  /** `current`, `warning` and `afterRejection` as messages (absent in older records). */
  currentMsg?: Msg;
  warningMsg?: Msg;
  afterRejectionMsg?: Msg;
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
  /** The air-gapped countdown (7.0+) and what this license would do to it; null when there is none to lift. */
  restriction: { reading: RestrictionReading; effect: string; effectMsg?: Msg } | null;
}
