// The data folder's pieces one by one: where it is, the install lock, the backups, the saved
// workspaces and the credential vault — each decision and the words a technician reads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { AppFailure } from '../errors';
import { MemorySecretStore, type SecretStore } from '../secret-store';
import { failureOf as caught } from '../test-support';
import { BackupStore, sha256Hex } from './backups';
import { CredentialVault, credentialKey } from './credential-vault';
import { defaultDataDir, PRODUCT_NAME, storageFailure, storageReason } from './files';
import { InstallLock } from './install-lock';
import type { LicenseBackup } from '../types';
import { jobRecord } from './job-fixture';
import { capJobStrings, JobLog } from './job-log';
import { WorkspaceStore } from './workspace-store';

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

describe('the job log', () => {
  const kept: LicenseBackup = { status: 'kept', sha256: 'b'.repeat(64), licenseId: 'OLD-1', format: 'v3', activeBefore: null };
  it('cuts every long string of a record, however deep, and leaves other values as they are', () => {
    const long = 'e'.repeat(30);
    expect(capJobStrings({ a: long, list: [long, 3, ['short', long]], deep: { x: { y: long } }, n: 7, t: true, none: null, undef: undefined }, 10)).toEqual({
      a: `${'e'.repeat(10)} … [cut: 20 more characters]`,
      list: [`${'e'.repeat(10)} … [cut: 20 more characters]`, 3, ['short', `${'e'.repeat(10)} … [cut: 20 more characters]`]],
      deep: { x: { y: `${'e'.repeat(10)} … [cut: 20 more characters]` } },
      n: 7,
      t: true,
      none: null,
      undef: undefined,
    });
    expect(capJobStrings('e'.repeat(10), 10)).toBe('e'.repeat(10));
  });

  it('is readable by this user only, and an empty log takes its first record on its first line', () => {
    const dir = tempDir();
    const log = new JobLog(dir);
    writeFileSync(log.path, ''); // created, then the app stopped before writing anything
    log.append(jobRecord('20261127-100000-aaaa'));
    expect(readFileSync(log.path, 'utf8')).toMatch(/^\{"jobId":"20261127-100000-aaaa",[^\n]*\}\n$/); // no blank line before it
    rmSync(log.path);
    log.append(jobRecord('20261127-100000-aaaa'));
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('a log that is there but cannot be opened is an error, not an empty history', () => {
    const dir = tempDir();
    const log = new JobLog(dir);
    symlinkSync(log.path, log.path); // a loop: ELOOP on open
    expect(() => log.read()).toThrow(/ELOOP/);
    rmSync(log.path);
    expect(log.read()).toEqual({ jobs: [], warnings: [] }); // no log yet: nothing to show
  });

  it('History names the workspace by what the job knew, newest first, the log breaking ties', () => {
    const dir = tempDir();
    const log = new JobLog(dir);
    const at = '2026-11-27T10:00:00.000Z';
    const ws = { id: 'w1', baseUrl: 'https://chat.example', version: '8.8.0', workspaceUrlSource: 'guess' as const };
    log.append(jobRecord('20261127-100000-aaaa', { startedAt: at, workspace: { ...ws, name: 'Plant 7', workspaceUrl: 'chat.example' } }));
    log.append(jobRecord('20261127-100000-bbbb', { startedAt: at, workspace: { ...ws, name: null, workspaceUrl: 'chat.example' } }));
    log.append(jobRecord('20261127-100000-cccc', { startedAt: at, workspace: { ...ws, name: null, workspaceUrl: null }, user: null, backup: null }));
    log.append(jobRecord('20261127-090000-dddd', { startedAt: '2026-11-27T09:00:00.000Z', backup: kept }));
    const { jobs } = log.list();
    expect(jobs.map((j) => [j.jobId, j.workspace, j.username, j.hasBackup])).toEqual([
      ['20261127-100000-cccc', 'https://chat.example', null, false],
      ['20261127-100000-bbbb', 'chat.example', 'tech', false],
      ['20261127-100000-aaaa', 'Plant 7', 'tech', false],
      ['20261127-090000-dddd', 'Plant 7', 'tech', true],
    ]);
  });

  it("retention's index: each job's last record, a torn line skipped, an old record without workspace or start kept", () => {
    const dir = tempDir();
    const log = new JobLog(dir);
    log.append(jobRecord('20261127-100000-aaaa', { startedAt: '2026-11-27T10:00:00.000Z' }));
    log.append(jobRecord('20261127-100000-aaaa', { startedAt: '2026-11-27T10:00:00.000Z', backup: kept }));
    const old = { jobId: '20261127-080000-eeee', outcome: 'active' };
    writeFileSync(log.path, `${readFileSync(log.path, 'utf8')}{"torn\n${JSON.stringify(old)}\n`);
    expect(log.retentionIndex()).toEqual([
      { jobId: '20261127-100000-aaaa', workspaceId: 'w1', kept: true, startedAt: '2026-11-27T10:00:00.000Z' },
      { jobId: '20261127-080000-eeee', workspaceId: null, kept: false, startedAt: '' },
    ]);
  });
});

describe('backups', () => {
  const JOB = '20261127-120000-abcd';

  it('are kept per job, read back only as written, and listed by job id', () => {
    const dir = tempDir();
    const store = new BackupStore(dir);
    expect(store.list()).toEqual([]);
    expect(store.writtenAt(JOB)).toBeNull();
    expect(store.save(JOB, 'RCV3_a.b.c')).toEqual({ file: `${JOB}.license`, sha256: sha256Hex('RCV3_a.b.c') });
    expect(statSync(join(dir, 'backups', `${JOB}.license`)).mode & 0o777).toBe(0o600);
    expect(store.read(JOB, sha256Hex('RCV3_a.b.c'))).toBe('RCV3_a.b.c');
    expect(store.writtenAt(JOB)).toBeGreaterThan(Date.now() - 60_000);
    writeFileSync(join(dir, 'backups', 'notes.txt'), 'x');
    writeFileSync(join(dir, 'backups', 'not-a-job.license'), 'x');
    writeFileSync(join(dir, 'backups', `${JOB}.license.tmp`), 'x');
    writeFileSync(join(dir, 'backups', '20261127-130000-abcd.partial'), 'x'); // a job id, but no backup of it
    expect(store.list()).toEqual([JOB]);
    store.remove(JOB);
    expect(store.list()).toEqual([]);
    store.remove(JOB);
  });

  it('name their workspace in an owner file beside them, read back only when whole; removing one removes both', () => {
    const dir = tempDir();
    const store = new BackupStore(dir);
    store.save(JOB, 'RCV3_a.b.c');
    expect(store.owner(JOB)).toBeNull();
    store.setOwner(JOB, { workspaceId: 'w1', keptAt: '2026-11-27T12:00:00.000Z' });
    expect(store.owner(JOB)).toEqual({ workspaceId: 'w1', keptAt: '2026-11-27T12:00:00.000Z' });
    expect(statSync(join(dir, 'backups', `${JOB}.owner`)).mode & 0o777).toBe(0o600);
    expect(store.list()).toEqual([JOB]);
    for (const broken of ['{"workspaceId":"w1"}', '{"keptAt":"x"}', '{"workspaceId":1,"keptAt":"x"}', '{"workspaceId":"w1","keptAt":2}', 'null', '{"work', '']) {
      writeFileSync(join(dir, 'backups', `${JOB}.owner`), broken);
      expect(store.owner(JOB)).toBeNull();
    }
    store.remove(JOB);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
    expect(caught(() => store.setOwner('../x', { workspaceId: 'w1', keptAt: 'x' }))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuse what is not a job id, so that no path can be made of one', () => {
    const store = new BackupStore(tempDir());
    for (const id of ['../../etc/passwd', '20261127-120000-ABCD', '20261127-120000-abcd.x', ' 20261127-120000-abcd', '']) {
      expect(caught(() => store.read(id, 'x'))).toMatchObject({ code: 'INVALID_INPUT', detail: `${JSON.stringify(id)} is not a job id.` });
    }
  });

  it('a missing, oversized or altered backup is BACKUP_DAMAGED, saying which', () => {
    const dir = tempDir();
    const store = new BackupStore(dir);
    expect(caught(() => store.read(JOB, 'x')).detail).toBe(`The backup of job ${JOB} is missing from ${join(dir, 'backups')}: it was deleted or pruned.`);
    store.save(JOB, 'RCV3_a.b.c');
    writeFileSync(join(dir, 'backups', `${JOB}.license`), 'RCV3_a.b.X');
    expect(caught(() => store.read(JOB, sha256Hex('RCV3_a.b.c')))).toMatchObject({
      code: 'BACKUP_DAMAGED',
      detail: `The backup of job ${JOB} has changed since it was written (SHA-256 ${sha256Hex('RCV3_a.b.X').slice(0, 12)}…, expected ${sha256Hex('RCV3_a.b.c').slice(0, 12)}…): it is truncated or altered.`,
    });
    writeFileSync(join(dir, 'backups', `${JOB}.license`), 'A'.repeat(64 * 1024));
    expect(store.read(JOB, sha256Hex('A'.repeat(64 * 1024)))).toHaveLength(64 * 1024);
    writeFileSync(join(dir, 'backups', `${JOB}.license`), 'A'.repeat(64 * 1024 + 1));
    expect(caught(() => store.read(JOB, sha256Hex('A'.repeat(64 * 1024 + 1)))).detail).toBe(`The backup of job ${JOB} is larger than any license: it is not the file this app wrote.`);
  });

  it('a backup that cannot be written is BACKUP_FAILED with the cause, and nothing is left behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'backups'), 'a file where the folder goes');
    expect(caught(() => new BackupStore(dir).save(JOB, 'RCV3_a.b.c'))).toMatchObject({
      code: 'BACKUP_FAILED',
      detail: `Could not write ${join(dir, 'backups')}: the folder was removed or replaced while the app was running.`,
    });
    expect(new BackupStore(dir).list()).toEqual([]);
  });
});

describe('saved workspaces', () => {
  it('add, get, find, update and remove; what they return is a copy', () => {
    const dir = tempDir();
    const store = new WorkspaceStore(dir);
    const w = store.add({ name: 'Plant 7', baseUrl: 'https://chat.plant7.lan' });
    expect(w).toEqual({ id: expect.stringMatching(/^[0-9a-f]{12}$/), name: 'Plant 7', baseUrl: 'https://chat.plant7.lan', trust: { caPem: null, caFileName: null, pinnedSha256: null }, proxyUrl: null, lastSeen: null, signedInAs: null, createdAt: expect.any(String) });
    w.name = 'changed by the caller';
    store.get(w.id).name = 'changed again';
    store.list()[0].name = 'and again';
    store.findByUrl('https://chat.plant7.lan')!.name = 'and again';
    expect(new WorkspaceStore(dir).get(w.id).name).toBe('Plant 7');
    expect(store.get(w.id).name).toBe('Plant 7');
    expect(store.findByUrl('https://chat.plant9.lan')).toBeUndefined();
    expect(caught(() => store.add({ name: 'again', baseUrl: 'https://chat.plant7.lan' }))).toMatchObject({ code: 'INVALID_INPUT', detail: 'https://chat.plant7.lan is already saved.' });
    expect(store.update(w.id, { name: 'Plant 7 (main)', proxyUrl: 'http://proxy.lan:3128' })).toMatchObject({ id: w.id, name: 'Plant 7 (main)', proxyUrl: 'http://proxy.lan:3128', baseUrl: 'https://chat.plant7.lan' });
    expect(new WorkspaceStore(dir).get(w.id).name).toBe('Plant 7 (main)');
    for (const fn of [() => store.get('nope'), () => store.update('nope', { name: 'x' }), () => store.remove('nope')]) {
      expect(caught(fn)).toMatchObject({ code: 'WORKSPACE_UNKNOWN', detail: 'No saved workspace has the id nope.' });
    }
    const other = store.add({ name: 'Plant 9', baseUrl: 'https://chat.plant9.lan', proxyUrl: 'http://p:1', trust: { caPem: null, caFileName: null, pinnedSha256: 'ab' } });
    expect(other).toMatchObject({ proxyUrl: 'http://p:1', trust: { pinnedSha256: 'ab' } });
    store.remove(w.id);
    expect(new WorkspaceStore(dir).list().map((x) => x.name)).toEqual(['Plant 9']);
    const saved = JSON.parse(readFileSync(join(dir, 'workspaces.json'), 'utf8'));
    expect(saved.schemaVersion).toBe(1);
    expect(readFileSync(join(dir, 'workspaces.json'), 'utf8')).toMatch(/^\{\n {2}"schemaVersion": 1,\n[\s\S]*\}\n$/);
  });

  it('every kind of sign-in and workspace address is read back as saved, with no warning', () => {
    const dir = tempDir();
    expect(new WorkspaceStore(dir).warnings).toEqual([]); // no file yet is no problem
    const store = new WorkspaceStore(dir);
    const at = '2026-11-27T12:00:00.000Z';
    const a = store.add({ name: 'A', baseUrl: 'https://a.lan' });
    const b = store.add({ name: 'B', baseUrl: 'https://b.lan' });
    store.update(a.id, { lastSeen: { version: '8.8.0', workspaceUrl: 'a.lan', workspaceUrlSource: 'server', at }, signedInAs: { userId: 'u1', username: 'tech', kind: 'login', isAdmin: true, storage: 'keychain' } });
    store.update(b.id, { lastSeen: { version: '6.3.0', workspaceUrl: 'b.lan', workspaceUrlSource: 'guess', at }, signedInAs: { userId: 'u2', username: 'bot', kind: 'pat', isAdmin: false, storage: 'session' } });
    const again = new WorkspaceStore(dir);
    expect(again.warnings).toEqual([]);
    expect(again.list()).toEqual(store.list());
    expect(again.get(b.id).signedInAs).toEqual({ userId: 'u2', username: 'bot', kind: 'pat', isAdmin: false, storage: 'session' });
  });

  it('a damaged file is set aside with a warning that names where it is kept; nothing is lost', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'workspaces.json'), '{ torn');
    const store = new WorkspaceStore(dir);
    expect(store.list()).toEqual([]);
    expect(store.warnings).toHaveLength(1);
    const aside = readdirSync(dir).find((f) => f.startsWith('workspaces.json.corrupt-'))!;
    expect(aside).toMatch(/^workspaces\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{ torn');
    expect(store.warnings[0]).toMatch(new RegExp(`^The saved workspaces file was set aside because it could not be read \\(.+\\)\\. It is kept as ${join(dir, aside).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; add the workspaces again\\.$`));

    const dir2 = tempDir();
    writeFileSync(join(dir2, 'workspaces.json'), JSON.stringify({ schemaVersion: 1, workspaces: [{ id: 1 }] }));
    expect(new WorkspaceStore(dir2).warnings[0]).toMatch(/^The saved workspaces file was set aside because it does not have the expected content \(workspaces\.0\.id: Invalid input: expected string, received number\)\. It is kept as /);
    const dir3 = tempDir();
    writeFileSync(join(dir3, 'workspaces.json'), '[]');
    expect(new WorkspaceStore(dir3).warnings[0]).toMatch(/^The saved workspaces file was set aside because it does not have the expected content \(Invalid input: expected object, received array\)\. /);
  });

  it('a damaged file that cannot be moved aside is left where it is, and said so', () => {
    // A folder already standing at the name it would be moved to (the clock is fixed so that the
    // name is known): the move fails for root too.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T12:00:00.000Z'));
    try {
      const dir = tempDir();
      writeFileSync(join(dir, 'workspaces.json'), '{ torn');
      mkdirSync(join(dir, 'workspaces.json.corrupt-2026-11-27T12-00-00-000Z', 'inside'), { recursive: true });
      const store = new WorkspaceStore(dir);
      expect(store.warnings).toEqual([expect.stringMatching(/^The saved workspaces file could not be read because it could not be read \(.+\), nor moved aside \(.+\)\.$/)]);
      expect(readFileSync(join(dir, 'workspaces.json'), 'utf8')).toBe('{ torn');
      expect(store.list()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the credential vault', () => {
  it('keeps a sign-in in the keychain or for this session only, keyed by address and user', async () => {
    const keychain = new MemorySecretStore();
    const vault = new CredentialVault(keychain);
    const cred = { kind: 'login' as const, userId: 'u1', token: 'tok-1' };
    await vault.save('https://a.lan', cred, 'keychain');
    expect(await keychain.get(credentialKey('https://a.lan', 'u1'))).toBe(JSON.stringify(cred));
    expect(credentialKey('https://a.lan', 'u1')).toBe('https://a.lan|u1');
    expect(await vault.load('https://a.lan', 'u1', 'keychain')).toEqual(cred);
    expect(await vault.load('https://a.lan', 'u1', 'session')).toBeNull();

    await vault.save('https://a.lan', { kind: 'pat', userId: 'u2', token: 'tok-2' }, 'session');
    expect(await keychain.list()).toEqual(['https://a.lan|u1']);
    expect(await vault.load('https://a.lan', 'u2', 'session')).toEqual({ kind: 'pat', userId: 'u2', token: 'tok-2' });

    await vault.forget('https://a.lan', 'u2', 'session');
    expect(await vault.load('https://a.lan', 'u2', 'session')).toBeNull();
    await vault.forget('https://a.lan', 'u1', 'keychain');
    expect(await keychain.list()).toEqual([]);
  });

  it('reads back only what it wrote: anything else in the keychain entry is no sign-in', async () => {
    const keychain = new MemorySecretStore();
    const vault = new CredentialVault(keychain);
    for (const value of ['', 'not json', 'null', '{"kind":"oauth","userId":"u","token":"t"}', '{"kind":"login","userId":1,"token":"t"}', '{"kind":"pat","userId":"u"}']) {
      await keychain.set('https://a.lan|u', value);
      expect(await vault.load('https://a.lan', 'u', 'keychain')).toBeNull();
    }
    await keychain.set('https://a.lan|u', '{"kind":"login","userId":"u","token":"t","extra":"dropped"}');
    expect(await vault.load('https://a.lan', 'u', 'keychain')).toEqual({ kind: 'login', userId: 'u', token: 't' });
  });

  it("forgetting a workspace removes its sign-ins in both places and no other workspace's", async () => {
    const keychain = new MemorySecretStore();
    const vault = new CredentialVault(keychain);
    await vault.save('https://a.lan', { kind: 'login', userId: 'u1', token: '1' }, 'keychain');
    await vault.save('https://a.lan', { kind: 'login', userId: 'u2', token: '2' }, 'session');
    await vault.save('https://a.lan:8443', { kind: 'login', userId: 'u3', token: '3' }, 'keychain');
    await vault.save('https://a.lan:8443', { kind: 'login', userId: 'u4', token: '4' }, 'session');
    await vault.forgetWorkspace('https://a.lan');
    expect(await keychain.list()).toEqual(['https://a.lan:8443|u3']);
    expect(await vault.load('https://a.lan', 'u2', 'session')).toBeNull();
    expect(await vault.load('https://a.lan:8443', 'u4', 'session')).toMatchObject({ token: '4' });
  });

  it('a keychain that cannot list still lets the session sign-ins go; any other failure is not hidden', async () => {
    const failing = (error: Error): SecretStore => Object.assign(new MemorySecretStore(), { list: async () => Promise.reject(error) });
    const vault = new CredentialVault(failing(new AppFailure('KEYCHAIN_UNAVAILABLE', 'locked')));
    await vault.save('https://a.lan', { kind: 'login', userId: 'u', token: 't' }, 'session');
    await vault.forgetWorkspace('https://a.lan');
    expect(await vault.load('https://a.lan', 'u', 'session')).toBeNull();
    await expect(new CredentialVault(failing(new TypeError('bug'))).forgetWorkspace('https://a.lan')).rejects.toThrow('bug');
  });
});
