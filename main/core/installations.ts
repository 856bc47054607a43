// Installations and their record: running one (or a restore of what one replaced), the job log,
// the previous licenses kept with jobs, their retention, and receipts. Workspaces and sign-in live
// in installer.ts, which hands this a signed-in client.
import { join } from 'node:path';
import { AppFailure } from './errors';
import { decodeLicense } from './license/license';
import type { VerificationKey } from './license/license-decode';
import type { LoadedLicense } from './license/license-store';
import { installLicense, newJobId, serverLogHint, type InstallOptions } from './rocketchat/install-flow';
import type { RocketChatClient } from './rocketchat/rocketchat-client';
import { BackupStore, sha256Hex, type BackupOwner } from './state/backups';
import { InstallLock } from './state/install-lock';
import { writeFileAtomic } from './state/files';
import { JobLog, capJobStrings } from './state/job-log';
import { receiptHtml, receiptJson } from './state/receipt';
import { getAppInfo } from './app-info';
import type { InstallProgress, InstallResult, JobSummary, LicenseBackup } from './types';

/** Backups kept per workspace by default: the newest jobs' ones; older files are removed. */
export const DEFAULT_BACKUPS_PER_WORKSPACE = 20;
const ORPHAN_BACKUP_MS = 60 * 60 * 1000;

export interface InstallationsOptions {
  dataDir: string;
  keys: VerificationKey[];
  backupsPerWorkspace?: number;
  /** Which program holds the installation lock, as another process is told ("rc-license"…). */
  program?: string;
  saveFile?: (suggestedName: string, data: string | Buffer) => Promise<string | null>;
  renderPdf?: (html: string) => Promise<Buffer>;
  timing?: InstallTiming;
}

/** How the flow waits: the real clock unless a test passes a faster one. */
export type InstallTiming = Pick<InstallOptions, 'now' | 'sleep' | 'settleMs'>;

export interface RunOptions {
  force?: boolean;
  waitSeconds?: number;
  onProgress?: (p: InstallProgress) => void;
}

export class Installations {
  readonly jobs: JobLog;
  readonly backups: BackupStore;

  private readonly lock: InstallLock;

  constructor(private readonly options: InstallationsOptions) {
    this.jobs = new JobLog(options.dataDir);
    this.backups = new BackupStore(options.dataDir);
    this.lock = new InstallLock(options.dataDir, options.program ?? 'this app');
  }

  /** Runs the verified flow for a loaded license, keeping the stored license first, and records it. */
  async run(
    client: RocketChatClient,
    workspace: { id: string; name: string },
    license: LoadedLicense,
    options: RunOptions & { restoreOf?: string } = {},
  ): Promise<InstallResult> {
    // One installation per workspace across the window and the CLI, held for the whole flow.
    const release = this.lock.acquire(client.transport.baseUrl, workspace.name);
    try {
      return await this.runLocked(client, workspace, license, options);
    } finally {
      release();
    }
  }

  private async runLocked(client: RocketChatClient, workspace: { id: string; name: string }, license: LoadedLicense, options: RunOptions & { restoreOf?: string }): Promise<InstallResult> {
    let keptFor: string | null = null;
    const jobId = newJobId();
    // The job as it stands, recorded with the outcome a crash from this point on would leave.
    const checkpoint = (outcome: InstallResult['outcome'], headline: string) => (job: InstallResult) =>
      this.jobs.append(capJobStrings({ ...job, outcome, headline, reasons: [], finishedAt: new Date().toISOString() }));
    const result = capJobStrings(
      await installLicense({
        ...this.options.timing,
        client,
        license,
        jobId,
        workspace,
        force: options.force,
        waitSeconds: options.waitSeconds,
        onProgress: options.onProgress,
        restoreOf: options.restoreOf,
        // If the process dies from here until the "sending" record, this one says so: nothing
        // was sent, and the backup it names is found and pruned like any other.
        afterBackup: (job) => {
          checkpoint('failed', 'Stopped before sending: the app ended after keeping the stored license and before sending the new one. Nothing was sent; the workspace is as it was.')(job);
          // Now that a job names the backup, its owner lets retention skip reading the log. If it
          // cannot be written, retention finds the owner in the log instead, as for older backups.
          if (keptFor) {
            try {
              this.backups.setOwner(keptFor, { workspaceId: workspace.id, keptAt: job.startedAt });
            } catch {
              // See above: nothing is lost.
            }
          }
        },
        beforeSend: checkpoint('interrupted', 'Interrupted while sending: the app stopped before the server’s answer was read, so whether it took the license is unknown. Verify again.'),
        keepBackup: async (text, activeBefore) => {
          const saved = this.backups.save(jobId, text);
          keptFor = jobId;
          const decoded = await decodeLicense(text, this.options.keys).catch(() => null);
          return {
            status: 'kept',
            sha256: saved.sha256,
            licenseId: decoded?.summary.id ?? null,
            format: decoded?.summary.format ?? null,
            activeBefore,
          };
        },
      }),
    );
    try {
      this.jobs.append(result);
    } catch (e) {
      // A backup with no job to name it would never be found or pruned.
      if (keptFor) this.backups.remove(keptFor);
      throw e;
    }
    this.prune(workspace.id);
    return result;
  }

  /**
   * "Verify again": reads the server's state for a job that sent a license (unconfirmed, or any
   * other that did) and records what it says now — appended to the log, the last record counts.
   * Ours means: the server stores this exact text (by SHA-256), or reports our license id as active.
   */
  async verify(client: RocketChatClient, jobId: string): Promise<InstallResult> {
    const job = this.jobs.get(jobId);
    if (job.outcome !== 'interrupted' && !job.steps.some((st) => st.step === 'apply' && st.status === 'done')) {
      throw new AppFailure('INVALID_INPUT', `Job ${jobId} (${job.outcome}) sent nothing to the server, so there is nothing to verify.`);
    }
    const info = await client.info();
    const state = await client.licenseState(info.capabilities).catch((e) => (e instanceof AppFailure && e.code === 'FORBIDDEN' ? null : Promise.reject(e)));
    const stored = await client.storedLicense();
    const storesThis = stored.readable ? sha256Hex(stored.value.trim()) === job.license.sha256 : null;
    const idActive = state?.state.valid && state.state.id && job.license.id ? state.state.id === job.license.id : null;
    const valid = state?.state.valid ?? null;
    let outcome: InstallResult['outcome'];
    let headline: string;
    const reasons: string[] = [];
    if (valid === true && (storesThis === true || idActive === true)) {
      outcome = 'active';
      headline = `Active: ${info.workspaceUrl} confirms license ${job.license.id ?? job.license.hashTail}.`;
    } else if (storesThis === true && valid === false) {
      outcome = 'rejected';
      headline = 'Rejected: the workspace stores this license but did not activate it.';
      reasons.push(serverLogHint(info));
    } else if (storesThis === false && stored.readable && !stored.value.trim()) {
      outcome = 'rejected';
      headline = 'Not in force: the workspace stores no license, so this one never arrived (or was removed since). Apply it again.';
    } else if (storesThis === false) {
      outcome = 'rejected';
      headline = 'Not in force: the workspace now stores a different license than this job sent.';
      if (valid) reasons.push(`The license active now is ${state?.state.id ?? 'another one'}.`);
    } else {
      outcome = 'unconfirmed';
      headline = 'Still not confirmed: this account cannot read what the workspace stores or runs. Sign in as an administrator and verify again.';
    }
    const verifiedAt = new Date().toISOString();
    const updated = capJobStrings({
      ...job,
      outcome,
      headline,
      reasons,
      after: state?.state ?? job.after,
      verifiedAt,
      steps: [...job.steps, { step: 'verify' as const, status: outcome === 'active' ? ('done' as const) : outcome === 'rejected' ? ('failed' as const) : ('warning' as const), message: `Verified again at ${verifiedAt.slice(0, 16).replace('T', ' ')} UTC: ${headline}` }],
    });
    this.jobs.append(updated);
    return updated;
  }

  /** The license a job kept, checked before anything is sent. */
  async backupOf(
    jobId: string,
  ): Promise<{ job: InstallResult; text: string; backup: Extract<LicenseBackup, { status: 'kept' }> }> {
    const job = this.jobs.get(jobId);
    const backup = job.backup;
    if (!backup || backup.status !== 'kept') {
      const why =
        backup?.status === 'none-before'
          ? 'No license was stored on the workspace before it.'
          : backup?.status === 'unavailable'
            ? `The stored license could not be read then: ${backup.reason}.`
            : 'It stopped before anything was kept.';
      throw new AppFailure('BACKUP_MISSING', `Job ${jobId} kept no previous license. ${why}`);
    }
    return { job, text: this.backups.read(jobId, backup.sha256), backup };
  }

  /** Keeps the backups of the newest jobs of a workspace, removes older ones. */
  prune(workspaceId: string): void {
    const keep = this.options.backupsPerWorkspace ?? DEFAULT_BACKUPS_PER_WORKSPACE;
    const mine = [...this.backupOwners()].filter(([, o]) => o.workspaceId === workspaceId).sort((a, b) => b[1].keptAt.localeCompare(a[1].keptAt));
    for (const [jobId] of mine.slice(keep)) this.backups.remove(jobId);
  }

  /**
   * Every backup with the workspace it belongs to, from the small owner file beside it: an install
   * costs the same however long the job log has grown. A backup without one (kept by an earlier
   * version, or by a process that died before its job named it) is looked up in the job log, and
   * its owner recorded so that this happens once. One no job names is removed an hour after it was
   * written: by then no installation in any process can still be about to record it.
   */
  private backupOwners(): Map<string, BackupOwner> {
    const owners = new Map<string, BackupOwner>();
    const unowned: string[] = [];
    for (const id of this.backups.list()) {
      const owner = this.backups.owner(id);
      if (owner) owners.set(id, owner);
      else unowned.push(id);
    }
    if (!unowned.length) return owners;
    const named = new Map(this.jobs.retentionIndex().map((j) => [j.jobId, j]));
    for (const id of unowned) {
      const job = named.get(id);
      if (job?.kept && job.workspaceId) {
        const owner = { workspaceId: job.workspaceId, keptAt: job.startedAt };
        owners.set(id, owner);
        try {
          this.backups.setOwner(id, owner);
        } catch {
          // Read-only or full: the log is read again next time, as now.
        }
      } else if (!job) {
        const at = this.backups.writtenAt(id);
        if (at !== null && Date.now() - at > ORPHAN_BACKUP_MS) this.backups.remove(id);
      }
    }
    return owners;
  }

  /** Deletes every backup kept for a workspace (it is being forgotten). */
  forgetWorkspace(workspaceId: string): void {
    for (const [jobId, owner] of this.backupOwners()) if (owner.workspaceId === workspaceId) this.backups.remove(jobId);
  }

  history(): { jobs: JobSummary[]; warnings: string[] } {
    const listed = this.jobs.list();
    const files = new Set(this.backups.list());
    // A pruned or deleted backup cannot be restored: say so in the list, not on the click.
    return { ...listed, jobs: listed.jobs.map((j) => ({ ...j, hasBackup: j.hasBackup && files.has(j.jobId) })) };
  }

  job(jobId: string): InstallResult {
    return this.jobs.get(jobId);
  }

  async saveReceipt(jobId: string, format: 'html' | 'json' | 'pdf'): Promise<{ path: string | null }> {
    const job = this.jobs.get(jobId);
    const version = getAppInfo('cli').version;
    const html = receiptHtml(job, version);
    let data: string | Buffer;
    if (format === 'pdf') {
      if (!this.options.renderPdf)
        throw new AppFailure(
          'INVALID_INPUT',
          'PDF receipts are made by the desktop app; save the HTML receipt and print it instead.',
        );
      data = await this.options.renderPdf(html);
    } else data = format === 'html' ? html : receiptJson(job, version);
    const name = `receipt-${jobId}.${format}`;
    if (this.options.saveFile) return { path: await this.options.saveFile(name, data) };
    const dir = join(this.options.dataDir, 'receipts');
    const path = join(dir, name);
    writeFileAtomic(path, data);
    return { path };
  }

  receiptHtml(jobId: string): string {
    return receiptHtml(this.jobs.get(jobId), getAppInfo('cli').version);
  }
}
