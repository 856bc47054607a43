// Which previous licenses are kept: the newest jobs' backups per workspace, read from each backup's
// small owner file so that an install costs the same however long the job log has grown.
import { BackupStore, type BackupOwner } from './backups';
import type { JobLog } from './job-log';

/** Backups kept per workspace by default: the newest jobs' ones; older files are removed. */
export const DEFAULT_BACKUPS_PER_WORKSPACE = 20;
const ORPHAN_BACKUP_MS = 60 * 60 * 1000;

export class Retention {
  constructor(
    private readonly backups: BackupStore,
    private readonly jobs: JobLog,
    private readonly perWorkspace = DEFAULT_BACKUPS_PER_WORKSPACE,
  ) {}

  /** Keeps the backups of the newest jobs of a workspace, removes older ones. */
  prune(workspaceId: string): void {
    const mine = [...this.owners()].filter(([, o]) => o.workspaceId === workspaceId).sort((a, b) => b[1].keptAt.localeCompare(a[1].keptAt));
    for (const [jobId] of mine.slice(this.perWorkspace)) this.backups.remove(jobId);
  }

  /** Deletes every backup kept for a workspace (it is being forgotten). */
  forgetWorkspace(workspaceId: string): void {
    for (const [jobId, owner] of this.owners()) if (owner.workspaceId === workspaceId) this.backups.remove(jobId);
  }

  /**
   * Every backup with the workspace it belongs to, from the small owner file beside it. A backup
   * without one (kept by an earlier version, or by a process that died before its job named it) is
   * looked up in the job log, and its owner recorded so that this happens once. One no job names
   * is removed an hour after it was written: by then no installation in any process can still be
   * about to record it.
   */
  private owners(): Map<string, BackupOwner> {
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
}
