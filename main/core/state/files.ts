// Files the app keeps: where they live, and writes that never leave a half-written file behind.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppFailure } from '../errors';

export const PRODUCT_NAME = 'Offline License Installer for Rocket.Chat';

/** The data directory: env RC_LICENSE_HOME, else where Electron's userData would be. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RC_LICENSE_HOME) return env.RC_LICENSE_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** What a failed write of the data folder means to a technician, by the system's error code. */
export function storageReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'this user may not write there';
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EEXIST': // a file stands where a folder was
      return 'the folder was removed or replaced while the app was running';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return `writing failed (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}

/** A write of the data folder that failed, as the error a technician reads. */
export function storageFailure(e: unknown, path: string): AppFailure {
  if (e instanceof AppFailure) return e;
  return new AppFailure('STORAGE_FAILED', `Could not write ${path}: ${storageReason(e)}.`, { errno: (e as NodeJS.ErrnoException)?.code ?? null });
}

/**
 * Temp file beside the target, flushed, then renamed over it: readers see old or new, never half.
 * A failure at any point removes the temp file, leaves the target as it was, and throws STORAGE_FAILED.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  let fd: number | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    fd = openSync(temp, 'w', 0o600);
    writeFileSync(fd, data); // loops until every byte is written
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // Already failing: the write's own error is the one to report.
      }
    }
    try {
      rmSync(temp, { force: true });
    } catch {
      // A read-only or vanished folder holds no temp file to remove.
    }
    throw storageFailure(e, path);
  }
}
