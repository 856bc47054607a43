// Installations and their record: running one (or a restore of what one replaced) under the
// cross-process lock, with crash-safe checkpoints and the stored license kept first; verifying a
// job again; history and receipts. The facade (../installer.ts) hands this a signed-in client.
import { statusOf } from '../vocabulary';
import { AppFailure } from '../errors';
import { decodeLicense } from '../license/license';
import type { VerificationKey } from '../license/license-decode';
import type { LoadedLicense } from '../license/license-store';
import type { RocketChatClient } from '../rocketchat/rocketchat-client';
import { InstallLock } from '../state/install-lock';
import { BackupStore } from './backups';
import { installLicense, newJobId, type InstallOptions } from './install-flow';
import { JobLog, capJobStrings } from './job-log';
import { Records } from './records';
import { saveReceipt } from './receipt';
import { Retention } from './retention';
import { jobLicenseNow, verifyAgain } from './verify-again';
import type { InstallProgress, InstallResult, JobSummary, LicenseBackup } from './types';
import type { Lang } from '../i18n/format';

export { DEFAULT_BACKUPS_PER_WORKSPACE } from './retention';

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
export type InstallTiming = Pick<InstallOptions, 'now' | 'sleep'>;

export interface RunOptions {
  force?: boolean;
  waitSeconds?: number;
  onProgress?: (p: InstallProgress) => void;
  /** Interrupts it (Ctrl-C, the window closing): recorded as interrupted, the lock released. */
  signal?: AbortSignal;
}

export class Installations {
  readonly records: Records;
  readonly jobs: JobLog;
  readonly backups: BackupStore;

  private readonly lock: InstallLock;
  private readonly retention: Retention;

  constructor(private readonly options: InstallationsOptions) {
    this.records = new Records(options.dataDir);
    this.jobs = this.records.jobs;
    this.backups = this.records.backups;
    this.lock = new InstallLock(options.dataDir, options.program ?? 'this app');
    this.retention = new Retention(this.backups, this.jobs, options.backupsPerWorkspace);
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
        signal: options.signal,
        // If the process dies from here until the "sending" record, this one says so: nothing
        // was sent, and the backup it names is found and pruned like any other.
        afterBackup: (job) => {
          checkpoint('failed', 'The app ended after keeping the stored license and before sending the new one. Nothing was sent; the workspace is as it was.')(job);
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
        beforeSend: checkpoint('interrupted', 'The app stopped while sending, before the server’s answer was read, so whether it took the license is unknown. Verify again.'),
        afterSend: checkpoint('interrupted', 'The app stopped while waiting for the outcome: the license was sent (or may have been), and the server had not yet said whether it is active. Verify again.'),
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
    // The job a restore undid says so from now on: in History, on its receipt, and by offering no
    // second restore. The log is append-only; its last record of a job counts.
    if (options.restoreOf && statusOf(result) === 'restored') {
      try {
        this.jobs.append({ ...this.jobs.get(options.restoreOf), restoredBy: result.jobId });
      } catch {
        // The restore itself is recorded; only the back link is missing, and History still lists both.
      }
    }
    this.retention.prune(workspace.id);
    return result;
  }

  /** "Verify again": the server's state for a job that sent a license, recorded as its outcome now. */
  verify(client: RocketChatClient, jobId: string): Promise<InstallResult> {
    return verifyAgain(this.jobs, client, jobId);
  }

  /**
   * Before putting back what a job replaced: is the job's own license active now (a slow server
   * took it after all)? Then restoring would replace a working license: refused unless asked for.
   */
  async guardRestore(client: RocketChatClient, jobId: string, evenIfActive = false): Promise<void> {
    const job = this.jobs.get(jobId);
    // An undo of a job that ended active is asked for knowingly; the check is for the others.
    if (evenIfActive || job.outcome === 'active' || job.outcome === 'already-active') return;
    const now = await jobLicenseNow(client, job);
    if (now.inForce) throw new AppFailure('NEWER_LICENSE_ACTIVE', `${job.license.id ?? `License …${job.license.hashTail}`} (job ${jobId}) is active on ${now.info.workspaceUrl}.`, { jobId });
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

  /** Deletes every backup kept for a workspace (it is being forgotten). */
  forgetWorkspace(workspaceId: string): void {
    this.retention.forgetWorkspace(workspaceId);
  }

  history(): { jobs: JobSummary[]; warnings: string[] } {
    return this.records.history();
  }

  job(jobId: string): InstallResult {
    return this.records.job(jobId);
  }

  /** The receipt in the technician's language (English by default); its codes stay beside the words. */
  saveReceipt(jobId: string, format: 'html' | 'json' | 'pdf', lang?: Lang): Promise<{ path: string | null }> {
    return saveReceipt(this.jobs.get(jobId), format, { dataDir: this.options.dataDir, saveFile: this.options.saveFile, renderPdf: this.options.renderPdf }, lang);
  }
}
