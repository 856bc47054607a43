// The license a workspace stored before an install, kept beside the job that replaced it so it
// can be put back in one step. One file per job under <data>/backups/, mode 0600, written
// atomically; it holds only the license text as the server stored it — never a credential — and
// its text appears in no log and no receipt (they name its SHA-256).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../errors';
import { storageReason, writeFileAtomic } from './files';

const JOB_ID = /^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$/;
/** A license is a few KiB; anything this large is not one we wrote. */
const MAX_BACKUP_BYTES = 64 * 1024;

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class BackupStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'backups');
  }

  private file(jobId: string): string {
    if (!JOB_ID.test(jobId)) throw new AppFailure('INVALID_INPUT', `${JSON.stringify(jobId)} is not a job id.`);
    return join(this.dir, `${jobId}.license`);
  }

  /** Writes the stored license for this job; throws (and leaves nothing behind) when it cannot. */
  save(jobId: string, text: string): { file: string; sha256: string } {
    const path = this.file(jobId);
    try {
      writeFileAtomic(path, text);
    } catch (e) {
      const cause = (e as AppFailure).data?.errno ?? null;
      throw new AppFailure('BACKUP_FAILED', `Could not write ${this.dir}: ${storageReason({ code: cause ?? undefined })}.`);
    }
    return { file: `${jobId}.license`, sha256: sha256Hex(text) };
  }

  /** The backed-up text, checked against the SHA-256 the job recorded. */
  read(jobId: string, expectedSha256: string): string {
    const path = this.file(jobId);
    if (!existsSync(path)) {
      throw new AppFailure('BACKUP_DAMAGED', `The backup of job ${jobId} is missing from ${this.dir}: it was deleted or pruned.`);
    }
    if (statSync(path).size > MAX_BACKUP_BYTES) throw new AppFailure('BACKUP_DAMAGED', `The backup of job ${jobId} is larger than any license: it is not the file this app wrote.`);
    const text = readFileSync(path, 'utf8');
    if (sha256Hex(text) !== expectedSha256) {
      throw new AppFailure('BACKUP_DAMAGED', `The backup of job ${jobId} has changed since it was written (SHA-256 ${sha256Hex(text).slice(0, 12)}…, expected ${expectedSha256.slice(0, 12)}…): it is truncated or altered.`);
    }
    return text;
  }

  remove(jobId: string): void {
    rmSync(this.file(jobId), { force: true });
  }

  /** When the backup of a job was written (ms since the epoch), or null when there is none. */
  writtenAt(jobId: string): number | null {
    const path = this.file(jobId);
    return existsSync(path) ? statSync(path).mtimeMs : null;
  }

  /** Job ids that have a backup file. */
  list(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return []; // none yet, or the folder is not one (nothing of ours is in it)
    }
    return names
      .filter((f) => f.endsWith('.license'))
      .map((f) => f.slice(0, -'.license'.length))
      .filter((id) => JOB_ID.test(id));
  }
}
