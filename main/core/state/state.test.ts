// The data folder itself: where it is, how a failed write is said, and the install lock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { AppFailure } from '../errors';
import { failureOf as caught } from '../../../e2e/support/failures';
import { defaultDataDir, PRODUCT_NAME, storageFailure, storageReason } from './files';
import { InstallLock } from './install-lock';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A PID that was a process a moment ago and is not one now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data folder', () => {
  it('is RC_LICENSE_HOME when set, else where the desktop app keeps its data on each system', () => {
    expect(defaultDataDir({ RC_LICENSE_HOME: '/srv/rc' }, 'linux')).toBe('/srv/rc');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', PRODUCT_NAME));
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', PRODUCT_NAME));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\jo\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\jo\\AppData\\Roaming', PRODUCT_NAME));
    expect(defaultDataDir({}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', PRODUCT_NAME));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', PRODUCT_NAME));
    expect(PRODUCT_NAME).toBe('Offline License Installer for Rocket.Chat');
  });

  it('a failed write is said by its cause', () => {
    expect(storageReason({ code: 'EDQUOT' })).toBe('the disk is full');
    expect(storageReason({ code: 'EROFS' })).toBe('the disk is read-only');
    expect(storageReason({ code: 'EACCES' })).toBe('this user may not write there');
    expect(storageReason({ code: 'ENOENT' })).toBe('the folder was removed or replaced while the app was running');
    expect(storageReason({ code: 'EEXIST' })).toBe('the folder was removed or replaced while the app was running');
    expect(storageReason({ code: 'EIO' })).toBe('the disk reported an input/output error');
    expect(storageReason({ code: 'EMFILE' })).toBe('writing failed (EMFILE)');
    expect(storageReason('odd')).toBe('writing failed (odd)');
    expect(storageReason(null)).toBe('writing failed (null)');
    const e = storageFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/data/jobs.jsonl').toError();
    expect(e).toMatchObject({ code: 'STORAGE_FAILED', detail: 'Could not write /data/jobs.jsonl: the disk is full.', data: { errno: 'ENOSPC' } });
    expect(storageFailure(new Error('plain'), '/p').toError().data).toEqual({ errno: null });
    expect(storageFailure(null, '/p').toError()).toMatchObject({ detail: 'Could not write /p: writing failed (null).', data: { errno: null } });
    const already = new AppFailure('BUSY');
    expect(storageFailure(already, '/p')).toBe(already);
  });
});

describe('the install lock', () => {
  it('is one file per workspace, holding who took it; a second taker is told who and since when', () => {
    const dir = tempDir();
    const release = new InstallLock(dir, 'rc-license').acquire('https://chat.plant7.lan', 'Plant 7');
    const files = readdirSync(join(dir, 'locks'));
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.lock$/)]);
    const holder = JSON.parse(readFileSync(join(dir, 'locks', files[0]), 'utf8'));
    expect(holder).toEqual({ pid: process.pid, host: hostname(), since: expect.any(String), by: 'rc-license' });
    expect(statSync(join(dir, 'locks', files[0])).mode & 0o777).toBe(0o600);
    const busy = caught(() => new InstallLock(dir, 'the desktop app').acquire('https://chat.plant7.lan', 'Plant 7'));
    expect(busy.code).toBe('BUSY');
    expect(busy.detail).toBe(`An installation to Plant 7 is running in rc-license (process ${process.pid}) since ${holder.since.slice(0, 19).replace('T', ' ')} UTC.`);
    expect(busy.data).toEqual({ pid: process.pid, since: holder.since, by: 'rc-license' });
    // Another workspace is another lock.
    new InstallLock(dir, 'the desktop app').acquire('https://chat.plant9.lan', 'Plant 9')();
    release();
    expect(readdirSync(join(dir, 'locks'))).toEqual([]);
    new InstallLock(dir, 'the desktop app').acquire('https://chat.plant7.lan', 'Plant 7')();
  });

  it("a dead holder's lock, or one that cannot be read, is taken over at once", () => {
    const dir = tempDir();
    const lock = new InstallLock(dir, 'rc-license');
    lock.acquire('ws', 'W');
    const file = join(dir, 'locks', readdirSync(join(dir, 'locks'))[0]);
    for (const content of [JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-11-27T10:00:00.000Z', by: 'rc-license' }), 'torn {', JSON.stringify({ pid: 'x' }), 'null']) {
      writeFileSync(file, content);
      const release = new InstallLock(dir, 'the desktop app').acquire('ws', 'W');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, by: 'the desktop app' });
      release();
      expect(existsSync(file)).toBe(false);
      writeFileSync(file, '');
    }
  });

  it('a holder on another machine sharing the folder is never taken over', () => {
    const dir = tempDir();
    new InstallLock(dir, 'rc-license').acquire('ws', 'W');
    const file = join(dir, 'locks', readdirSync(join(dir, 'locks'))[0]);
    writeFileSync(file, JSON.stringify({ pid: deadPid(), host: 'other-laptop', since: '2026-11-27T10:00:00.000Z', by: 'rc-license' }));
    const busy = caught(() => new InstallLock(dir, 'rc-license').acquire('ws', 'W'));
    expect(busy).toMatchObject({ code: 'BUSY', detail: expect.stringMatching(/^An installation to W is running on other-laptop \(process \d+\) since 2026-11-27 10:00:00 UTC\.$/) });
    // Its PID means nothing here, even when a process of this machine has it.
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: 'other-laptop', since: '2026-11-27T10:00:00.000Z', by: 'rc-license' }));
    expect(caught(() => new InstallLock(dir, 'rc-license').acquire('ws', 'W')).detail).toBe(`An installation to W is running on other-laptop (process ${process.pid}) since 2026-11-27 10:00:00 UTC.`);
  });

  it("a holder whose process exists but is another user's (EPERM to signal it) is alive: BUSY, not taken over", () => {
    const dir = tempDir();
    new InstallLock(dir, 'rc-license').acquire('ws', 'W');
    const file = join(dir, 'locks', readdirSync(join(dir, 'locks'))[0]);
    writeFileSync(file, JSON.stringify({ pid: 424242, host: hostname(), since: '2026-11-27T10:00:00.000Z', by: 'the desktop app' }));
    // As root every process may be signalled, so the other user's process is played by process.kill.
    const kill = vi.spyOn(process, 'kill').mockImplementation((pid) => {
      throw Object.assign(new Error(`kill EPERM ${pid}`), { code: pid === 424242 ? 'EPERM' : 'ESRCH' });
    });
    try {
      expect(caught(() => new InstallLock(dir, 'rc-license').acquire('ws', 'W')).detail).toBe('An installation to W is running in the desktop app (process 424242) since 2026-11-27 10:00:00 UTC.');
      writeFileSync(file, JSON.stringify({ pid: 424243, host: hostname(), since: '2026-11-27T10:00:00.000Z', by: 'the desktop app' }));
      new InstallLock(dir, 'rc-license').acquire('ws', 'W')(); // ESRCH: gone, taken over
      expect(kill).toHaveBeenCalledWith(424243, 0);
    } finally {
      kill.mockRestore();
    }
  });

  it('releasing a lock someone else took over leaves theirs in place', () => {
    const dir = tempDir();
    const release = new InstallLock(dir, 'rc-license').acquire('ws', 'W');
    const file = join(dir, 'locks', readdirSync(join(dir, 'locks'))[0]);
    const theirs = JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-11-27T10:00:00.000Z', by: 'the desktop app' });
    writeFileSync(file, theirs);
    release();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('a data folder that is a file is STORAGE_FAILED, not BUSY', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'locks'), 'not a folder');
    // The folder is named, not the lock file inside it that could not be opened after.
    expect(caught(() => new InstallLock(dir, 'rc-license').acquire('ws', 'W'))).toMatchObject({
      code: 'STORAGE_FAILED',
      detail: `Could not write ${join(dir, 'locks')}: the folder was removed or replaced while the app was running.`,
    });
  });
});

