// The record an installation leaves on this machine — the job log and the licenses kept before
// each change — read on its own: `rc-license history` and `receipt` open only this, not the
// installer with its HTTP client and license verification (perf issue), and Installations answers
// the window and the other commands through the same object.
import { BackupStore } from './backups';
import { JobLog } from './job-log';
import type { InstallResult, JobSummary } from './types';

export interface RecordsOptions {
  dataDir: string;
  saveFile?: (suggestedName: string, data: string | Buffer) => Promise<string | null>;
  renderPdf?: (html: string) => Promise<Buffer>;
}

export class Records {
  readonly jobs: JobLog;
  readonly backups: BackupStore;

  constructor(private readonly options: RecordsOptions) {
    this.jobs = new JobLog(options.dataDir);
    this.backups = new BackupStore(options.dataDir);
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

  // The receipt's code (and the verdict words it prints) is loaded when a receipt is made.
  async saveReceipt(jobId: string, format: 'html' | 'json' | 'pdf'): Promise<{ path: string | null }> {
    const { saveReceipt } = await import('./receipt');
    return saveReceipt(this.jobs.get(jobId), format, { dataDir: this.options.dataDir, saveFile: this.options.saveFile, renderPdf: this.options.renderPdf });
  }

  async receiptHtml(jobId: string): Promise<string> {
    const [{ receiptHtml }, { getAppInfo }] = await Promise.all([import('./receipt'), import('../app-info')]);
    return receiptHtml(this.jobs.get(jobId), getAppInfo('cli').version);
  }
}
