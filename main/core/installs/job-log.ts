// The job log: one JSON line per installation attempt, appended, never rewritten. Holds no token,
// password or license text — licenses are named by id and SHA-256.
import { statusOf } from '../vocabulary';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { dirname, join } from 'node:path';
import { AppFailure } from '../errors';
import type { InstallResult, JobSummary } from './types';
import { storageFailure } from '../state/files';
import { restrictionShiftMsg } from '../workspaces/restriction';

export interface JobLogRead {
  jobs: InstallResult[];
  /** Lines that could not be read (a torn last line after a crash), reported, never fatal. */
  warnings: string[];
}

/** The longest text a job keeps from anywhere (a server's error words are unbounded). */
export const MAX_JOB_STRING = 2048;

/** Every string in a job record cut to MAX_JOB_STRING characters, marked as cut. */
export function capJobStrings<T>(value: T, max = MAX_JOB_STRING): T {
  if (typeof value === 'string') return (value.length > max ? `${value.slice(0, max)} … [cut: ${value.length - max} more characters]` : value) as T;
  if (Array.isArray(value)) return value.map((v) => capJobStrings(v, max)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capJobStrings(v, max)])) as T;
  return value;
}

/** The saved workspace a recorded job was for. */
export function workspaceIdOf(job: Pick<InstallResult, 'jobId' | 'workspace'>): string {
  if (!job.workspace.id) throw new AppFailure('WORKSPACE_UNKNOWN', `Job ${job.jobId} names no saved workspace.`);
  return job.workspace.id;
}

const READ_CHUNK = 64 * 1024;

/** What retention needs of one job. */
export interface RetentionEntry {
  jobId: string;
  workspaceId: string | null;
  kept: boolean;
  startedAt: string;
}

function parseRecord(line: string): InstallResult | null {
  try {
    const parsed = JSON.parse(line) as InstallResult;
    return typeof parsed?.jobId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export class JobLog {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'jobs.jsonl');
  }

  /** Throws STORAGE_FAILED when the record cannot be written; the records before it stay as they were. */
  append(job: InstallResult): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      // One write call per record with O_APPEND: records never interleave, and a crash (or a full
      // disk) can at worst leave the last line torn — which read() skips and reports.
      appendFileSync(this.path, (this.endsTorn() ? '\n' : '') + JSON.stringify(job) + '\n', { mode: 0o600 });
    } catch (e) {
      throw storageFailure(e, this.path);
    }
  }

  /** Whether a crash left the last line without its newline: the next record starts on a new line. */
  private endsTorn(): boolean {
    if (!existsSync(this.path)) return false;
    const size = statSync(this.path).size;
    if (size === 0) return false;
    const fd = openSync(this.path, 'r');
    try {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      return last[0] !== 0x0a;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Each non-blank line in turn, parsed (null where it is not a job record); `final`: the last one.
   * The file is read 64 KiB at a time, so reading the log costs the same memory however long it is.
   */
  private *records(): Generator<{ job: InstallResult | null; line: number; final: boolean }> {
    let pending: { text: string; line: number } | null = null;
    for (const { text, line } of this.lines()) {
      if (!text.trim()) continue;
      if (pending) yield { job: parseRecord(pending.text), line: pending.line, final: false };
      pending = { text, line };
    }
    if (pending) yield { job: parseRecord(pending.text), line: pending.line, final: true };
  }

  /** The file's lines (split on \n, numbered from 1), decoded as UTF-8 across chunk edges. */
  private *lines(): Generator<{ text: string; line: number }> {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    try {
      const chunk = Buffer.alloc(READ_CHUNK);
      const decoder = new StringDecoder('utf8');
      let rest = '';
      let line = 0;
      for (let n = readSync(fd, chunk, 0, READ_CHUNK, null); n > 0; n = readSync(fd, chunk, 0, READ_CHUNK, null)) {
        const parts = (rest + decoder.write(chunk.subarray(0, n))).split('\n');
        rest = parts.pop() ?? '';
        for (const text of parts) yield { text, line: ++line };
      }
      yield { text: rest + decoder.end(), line: ++line };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * What retention needs of each job (its last record), reduced as each line is parsed so that
   * only one record is ever held whole. Retention reads the backups' owner files instead; this is
   * read only for a backup without one (kept by an earlier version, or by a process that died).
   */
  retentionIndex(): RetentionEntry[] {
    const last = new Map<string, RetentionEntry>();
    for (const { job: j } of this.records()) {
      if (j) last.set(j.jobId, { jobId: j.jobId, workspaceId: j.workspace?.id ?? null, kept: j.backup?.status === 'kept', startedAt: String(j.startedAt ?? '') });
    }
    return [...last.values()];
  }

  /** Every job once, as last recorded (a job verified again is appended again). */
  read(): JobLogRead {
    const { jobs, warnings } = this.readRecords();
    const last = new Map<string, number>();
    jobs.forEach((j, i) => last.set(j.jobId, i));
    return { jobs: jobs.filter((j, i) => last.get(j.jobId) === i), warnings };
  }

  private readRecords(): JobLogRead {
    const jobs: InstallResult[] = [];
    const warnings: string[] = [];
    for (const { job, line, final } of this.records()) {
      if (job) jobs.push(job);
      else
        warnings.push(
          final
            ? `The last job log entry (line ${line}) is incomplete — the app probably stopped while writing it — and was skipped.`
            : `Job log line ${line} could not be read and was skipped.`,
        );
    }
    return { jobs, warnings };
  }

  list(): { jobs: JobSummary[]; warnings: string[] } {
    const { jobs, warnings } = this.read();
    return {
      jobs: jobs
        .map((j, index) => ({
          index,
          jobId: j.jobId,
          outcome: j.outcome,
          status: statusOf(j),
          headline: j.headline,
          startedAt: j.startedAt,
          workspace: j.workspace.name ?? j.workspace.workspaceUrl ?? j.workspace.baseUrl,
          licenseId: j.license.id,
          sha256: j.license.sha256,
          username: j.user?.username ?? null,
          hasBackup: j.backup?.status === 'kept',
          restoreOf: j.restoreOf ?? null,
          restoredBy: j.restoredBy ?? null,
          restriction: j.restriction?.shift ?? null,
          restrictionMsg: j.restriction?.shift ? restrictionShiftMsg(j.restriction.before, j.restriction.after) : null,
        }))
        // Newest first; the log's own order breaks ties.
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.index - a.index)
        .map(({ index: _index, ...summary }) => summary),
      warnings,
    };
  }

  get(jobId: string): InstallResult {
    // The log is append-only: a job verified again is appended again, and the last record counts.
    const job = this.read().jobs.findLast((j) => j.jobId === jobId);
    if (!job) throw new AppFailure('JOB_UNKNOWN', `No installation ${jobId} in the job log.`);
    return job;
  }
}
