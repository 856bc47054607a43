// The record an installation leaves on this machine — the job log and the licenses kept before
// each change — read on its own: `rc-license history` and `receipt` open only this, not the
// installer with its HTTP client and license verification (perf issue), and Installations reads
// through the same object. Receipts are made from a job by receipt.ts.
import { BackupStore } from './backups';
import { JobLog } from './job-log';
import type { InstallResult, JobSummary } from './types';

export class Records {
  readonly jobs: JobLog;
  readonly backups: BackupStore;

  constructor(readonly dataDir: string) {
    this.jobs = new JobLog(dataDir);
    this.backups = new BackupStore(dataDir);
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
}
