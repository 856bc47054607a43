// An installation (or a restore) and its record. Plain types only.
import type { RestrictionChange } from './countdown';
import type { Status } from '../vocabulary';
import type { ActiveLicenseState } from '../rocketchat/types';
import type { LicenseCheck, LicenseFormat, Replacement } from '../license/types';
import type { Msg } from '../i18n/messages';

export type InstallStepName = 'license' | 'connect' | 'account' | 'usage' | 'stored' | 'prechecks' | 'backup' | 'server-validation' | 'apply' | 'verify';
export type StepStatus = 'running' | 'done' | 'failed' | 'skipped' | 'warning';

export interface InstallStep {
  step: InstallStepName;
  status: StepStatus;
  message: string;
  /** `message` as a code with parameters (absent in older records and for an error's own words). */
  msg?: Msg;
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
export type InstallOutcome = 'active' | 'rejected' | 'unconfirmed' | 'not-active' | 'blocked' | 'already-active' | 'already-rejected' | 'failed' | 'interrupted';

/**
 * Where a verdict comes from. Every verdict after a send names its evidence; elapsed time alone
 * never earns "rejected" (it can only end the wait as "not active", when no source could say more).
 */
export type EvidenceSource = 'license-state' | 'server-log' | 'status-setting' | 'server-validation' | 'stored-license' | 'elapsed-time';

export interface Evidence {
  source: EvidenceSource;
  /** What it showed, as a stable code: license-state ours-active | other-active | none-active |
   * cannot-tell; server-log installed | rejected | applied-not-validated | silent; status-setting
   * invalid-after-valid; server-validation valid | invalid; stored-license stores-this |
   * stores-other | stores-none; elapsed-time waited. */
  says: string;
  /** When: the server's own clock for a log line, else this laptop's. */
  at: string;
  clock: 'rocket.chat' | 'laptop';
  /** The endpoint or the log message it came from ("licenses.info", "Url validation failed"), or the seconds waited. */
  detail?: string;
}

/** Why the server did not take a license, as it said it (its log, or licenses.validate). */
export type RejectionReason =
  | { kind: 'url'; licensed: Array<{ value: string; type: string }>; workspaceUrl: string | null }
  | { kind: 'period'; validFrom: string | null; validUntil: string | null; rocketChatClock: string | null; dateHeader: string | null }
  | { kind: 'limit'; limit: string; max: number | null; current: number | null }
  | { kind: 'unreadable' }
  | { kind: 'site-url-unknown' }
  | { kind: 'not-logged' }
  /** A reason this app does not know, in the server's word. */
  | { kind: 'other'; said: string };

/** The evidence a verdict rests on, and the server's own reasons for a rejection. */
export interface VerdictRecord {
  evidence: Evidence[];
  reasons: RejectionReason[];
  /** Rocket.Chat's clock minus the Date header's, when the two disagree (a proxy on another host). */
  clockSkewMs?: number | null;
}

export interface InstallResult {
  jobId: string;
  outcome: InstallOutcome;
  /** One or two sentences: what happened and what to do next. */
  headline: string;
  /** `headline` as a message, for a shell that speaks another language (absent in older records). */
  headlineMsg?: Msg;
  /** `reasons` as messages, one per reason (null where a reason is text made elsewhere). */
  reasonsMsg?: Array<Msg | null>;
  reasons: string[];
  startedAt: string;
  finishedAt: string;
  workspace: { id: string | null; name: string | null; baseUrl: string; version: string | null; workspaceUrl: string | null; workspaceUrlSource: 'server' | 'guess' | null };
  user: { username: string; isAdmin: boolean } | null;
  license: {
    sha256: string;
    hashTail: string;
    id: string | null;
    format: 'v2' | 'v3';
    customer: string | null;
    validUntil: string | null;
    seats: number | null;
    /** The workspace addresses it is bound to (absent in older records): how a V2 license, which
     * has no id, is recognised among the ones a server lists. */
    boundTo?: string[];
  };
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
  /** The restore job that put back what this job replaced (absent until one did). */
  restoredBy?: string | null;
  /** When the outcome was last read again from the server ("Verify again"). */
  verifiedAt?: string | null;
  /** Whether the license left this laptop: yes (answered), no (provably not: refused, not
   * connected), unknown (no answer after the request went out). Absent in older records. */
  sent?: 'yes' | 'no' | 'unknown';
  /** What the outcome after the send rests on. Absent in older records. */
  verdict?: VerdictRecord | null;
  /** The air-gapped read-only countdown (7.0+) before the send and after the outcome. Absent in older records. */
  restriction?: RestrictionChange | null;
  forced: boolean;
  error: { code: string; message: string; detail?: string; fix?: string; detailMsg?: Msg } | null;
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

export interface InstallProgress {
  jobId: string;
  step: InstallStep;
}

export interface JobSummary {
  jobId: string;
  outcome: InstallOutcome;
  /** The outcome in the six words everyone uses (vocabulary.ts). */
  status: Status;
  headline: string;
  startedAt: string;
  workspace: string;
  licenseId: string | null;
  sha256: string;
  username: string | null;
  /** A previous license was kept with this job and can be restored. */
  hasBackup: boolean;
  restoreOf: string | null;
  /** The restore that undid this job, if one did. */
  restoredBy: string | null;
  /** The read-only countdown's change, "read-only → lifted" (7.0+); null when none. */
  restriction: string | null;
  /** The same as a message (made from the readings the job kept, so older jobs have it too). */
  restrictionMsg?: Msg | null;
}

