// One installation per workspace at a time, across processes (the window and rc-license share the
// data folder): a lock file created with O_EXCL, holding who took it. A lock whose process is gone
// (killed, crashed, the laptop lost power) is taken over at once — never waited on.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../errors';
import { storageFailure } from './files';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Which program: the desktop app or rc-license. */
  by: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but is someone else's — still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class InstallLock {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly by: string,
  ) {
    this.dir = join(dataDir, 'locks');
  }

  private path(workspaceKey: string): string {
    return join(this.dir, `${createHash('sha256').update(workspaceKey).digest('hex').slice(0, 32)}.lock`);
  }

  /** Takes the lock for a workspace or throws BUSY naming its holder. Returns the release. */
  acquire(workspaceKey: string, label: string): () => void {
    const path = this.path(workspaceKey);
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (e) {
      throw storageFailure(e, this.dir);
    }
    const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), by: this.by };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        try {
          writeSync(fd, JSON.stringify(me));
        } catch (e) {
          // A lock file without its holder (disk full) would read as stale: never leave one.
          closeSync(fd);
          rmSync(path, { force: true });
          throw e;
        }
        closeSync(fd);
        return () => this.release(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw storageFailure(e, path);
      }
      const holder = this.holder(path);
      // A holder on this machine whose process is gone (or a lock that cannot be read) is stale.
      if (holder && holder.host === me.host && alive(holder.pid)) {
        throw new AppFailure('BUSY', `An installation to ${label} is running in ${holder.by} (process ${holder.pid}) since ${holder.since.slice(0, 19).replace('T', ' ')} UTC.`, {
          pid: holder.pid,
          since: holder.since,
          by: holder.by,
        });
      }
      if (holder && holder.host !== me.host) {
        throw new AppFailure('BUSY', `An installation to ${label} is running on ${holder.host} (process ${holder.pid}) since ${holder.since.slice(0, 19).replace('T', ' ')} UTC.`);
      }
      rmSync(path, { force: true });
    }
    throw new AppFailure('BUSY', `Another installation to ${label} took the lock at the same moment; try again.`);
  }

  private holder(path: string): LockHolder | null {
    try {
      const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
      return typeof h.pid === 'number' ? h : null;
    } catch {
      return null;
    }
  }

  private release(path: string): void {
    const h = this.holder(path);
    if (h && h.pid === process.pid) rmSync(path, { force: true });
  }
}
