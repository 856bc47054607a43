// The license a workspace stored before an install, kept beside the job that replaced it so it
// can be put back in one step. One file per job under <data>/backups/, mode 0600, written
// atomically; it holds only the license text as the server stored it — never a credential — and
// its text appears in no log and no receipt (they name its SHA-256).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../errors';
import { storageReason, writeFileAtomic } from '../state/files';

const JOB_ID = /^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$/;
/** A license is a few KiB; anything this large is not one we wrote. */
const MAX_BACKUP_BYTES = 64 * 1024;

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Which workspace a backup belongs to and when it was kept, written beside it (<job>.owner) once
 * the job that kept it is in the job log: retention then reads these few small files instead of
 * the whole log, whose length grows with every job.
 */
export interface BackupOwner {
  workspaceId: string;
  keptAt: string;
}

export class BackupStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'backups');
  }

  private file(jobId: string, ext: '.license' | '.owner' = '.license'): string {
    if (!JOB_ID.test(jobId)) throw new AppFailure('INVALID_INPUT', `${JSON.stringify(jobId)} is not a job id.`);
    return join(this.dir, `${jobId}${ext}`);
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
    rmSync(this.file(jobId, '.owner'), { force: true });
  }

  /** Records the workspace a backup belongs to; throws STORAGE_FAILED when it cannot be written. */
  setOwner(jobId: string, owner: BackupOwner): void {
    writeFileAtomic(this.file(jobId, '.owner'), JSON.stringify({ workspaceId: owner.workspaceId, keptAt: owner.keptAt }));
  }

  /** The recorded owner of a backup, or null when none was recorded or it cannot be read. */
  owner(jobId: string): BackupOwner | null {
    try {
      const o = JSON.parse(readFileSync(this.file(jobId, '.owner'), 'utf8')) as Partial<BackupOwner> | null;
      return typeof o?.workspaceId === 'string' && typeof o.keptAt === 'string' ? { workspaceId: o.workspaceId, keptAt: o.keptAt } : null;
    } catch {
      return null;
    }
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
