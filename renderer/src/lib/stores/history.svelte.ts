// The installations recorded on this laptop, as History lists them.
import type { JobSummary } from '../../../../main/core/contract';
import { installer } from '../installer';

export class HistoryStore {
  /** Replaced whole, never changed in place: raw, so that 1 000 jobs are not made into 1 000 deep proxies. */
  jobs = $state.raw<JobSummary[]>([]);
  jobWarnings = $state<string[]>([]);

  async loadHistory(): Promise<void> {
    const r = await installer()['history.list']();
    if (r.ok) {
      this.jobs = r.value.jobs;
      this.jobWarnings = r.value.warnings;
    }
  }

  reset(): void {
    this.jobs = [];
    this.jobWarnings = [];
  }
}
