// Faults of the laptop (reliability issue, item 3): a data folder that is full, read-only or gone.
// Each write fails with STORAGE_FAILED naming the cause; the file written before stays byte for
// byte; no temp file is left; and an installation whose job record cannot be written sends nothing.
//
// Two kinds of fault: injected (node:fs answers with the system's error code at one chosen call,
// so every step of a write is covered on any machine) and real (a tiny tmpfs filled up, then
// remounted read-only — where this process may mount, i.e. as root; otherwise skipped, said why).
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as realFs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../errors';
import { failureOf as caught } from '../../../e2e/support/failures';

// One armed fault at a time: the next call of `op` whose first argument contains `match` throws
// (every such call while `persist` is set: a disk that stays full).
type Fault = { op: string; code: string; match?: string; persist?: boolean };
let armed: Fault | null = null;
/** How many calls the armed fault has failed. */
let injected = 0;
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const wrap =
    <A extends unknown[], R>(op: string, fn: (...a: A) => R) =>
    (...args: A): R => {
      if (armed && armed.op === op && (armed.match === undefined || String(args[0]).includes(armed.match))) {
        const { code } = armed;
        if (!armed.persist) armed = null;
        injected++;
        throw Object.assign(new Error(`${code}: injected at ${op}`), { code, syscall: op });
      }
      return fn(...args);
    };
  const ops = ['openSync', 'writeFileSync', 'fsyncSync', 'renameSync', 'mkdirSync', 'appendFileSync', 'closeSync', 'writeSync'] as const;
  const mocked: Record<string, unknown> = { ...fs };
  for (const op of ops) mocked[op] = wrap(op, fs[op] as (...a: unknown[]) => unknown);
  return { ...mocked, default: mocked };
});

const { writeFileAtomic, storageReason } = await import('./files');
const { WorkspaceStore } = await import('../workspaces/workspace-store');
const { JobLog } = await import('../installs/job-log');
const { InstallLock } = await import('./install-lock');
const { jobRecord } = await import('../../../e2e/support/job-fixture');

const dirs: string[] = [];
afterEach(() => {
  armed = null;
  injected = 0;
  for (const d of dirs.splice(0)) realFs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = realFs.mkdtempSync(join(tmpdir(), 'rc-li-faults-'));
  dirs.push(d);
  return d;
}
const listing = (dir: string) => (realFs.existsSync(dir) ? realFs.readdirSync(dir) : []);
const leftovers = (dir: string) => realFs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
describe('writeFileAtomic: a failed write leaves the previous file as it was, and no temp file', () => {
  it.each([
    ['openSync', 'EROFS', /the disk is read-only/],
    ['writeFileSync', 'ENOSPC', /the disk is full/],
    ['fsyncSync', 'EIO', /input\/output error/],
    ['renameSync', 'EACCES', /may not write there/],
    ['mkdirSync', 'ENOENT', /removed or replaced/],
    ['writeFileSync', 'EDQUOT', /the disk is full/],
    ['openSync', 'EMFILE', /writing failed \(EMFILE\)/],
  ])('%s fails with %s', (op, code, reason) => {
    const dir = tempDir();
    const path = join(dir, 'workspaces.json');
    writeFileAtomic(path, 'the good one\n');
    armed = { op, code };
    const error = caught(() => writeFileAtomic(path, 'the new one, never half-written\n'));
    expect(armed).toBeNull(); // the fault was met
    expect(error).toBeInstanceOf(AppFailure);
    expect(error.toError()).toMatchObject({ code: 'STORAGE_FAILED', detail: expect.stringMatching(reason), data: { errno: code } });
    expect(error.detail).toContain(path);
    expect(realFs.readFileSync(path, 'utf8')).toBe('the good one\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('names each cause a technician can act on', () => {
    expect(storageReason({ code: 'ENOSPC' })).toBe('the disk is full');
    expect(storageReason({ code: 'EPERM' })).toBe('this user may not write there');
    expect(storageReason({ code: 'ENOTDIR' })).toBe('the folder was removed or replaced while the app was running');
    expect(storageReason(new Error('odd'))).toBe('writing failed (odd)');
  });
});

describe('the saved workspaces survive a failed write', () => {
  it.each([
    ['add', (s: InstanceType<typeof WorkspaceStore>) => s.add({ name: 'New', baseUrl: 'https://new.example' })],
    ['rename', (s: InstanceType<typeof WorkspaceStore>) => s.update(s.list()[0].id, { name: 'Renamed' })],
    ['remove', (s: InstanceType<typeof WorkspaceStore>) => s.remove(s.list()[0].id)],
  ])('%s on a full disk: file and list unchanged, and it works once there is space', (_what, change) => {
    const dir = tempDir();
    const store = new WorkspaceStore(dir);
    store.add({ name: 'Plant 7', baseUrl: 'https://chat.plant7.lan' });
    const bytes = realFs.readFileSync(store.path, 'utf8');
    const listed = store.list();
    armed = { op: 'writeFileSync', code: 'ENOSPC' };
    expect(caught(() => change(store)).code).toBe('STORAGE_FAILED');
    expect(realFs.readFileSync(store.path, 'utf8')).toBe(bytes);
    expect(store.list()).toEqual(listed); // memory did not move ahead of the file
    expect(new WorkspaceStore(dir).list()).toEqual(listed);
    change(store); // space again
    expect(new WorkspaceStore(dir).list()).toEqual(store.list());
  });
});

describe('the job log survives a failed append', () => {
  it('a full disk: STORAGE_FAILED, every earlier record still read', () => {
    const dir = tempDir();
    const log = new JobLog(dir);
    log.append(jobRecord('20261127-100000-aaaa'));
    log.append(jobRecord('20261127-100001-bbbb', { outcome: 'rejected' }));
    const bytes = realFs.readFileSync(log.path, 'utf8');
    armed = { op: 'appendFileSync', code: 'ENOSPC' };
    expect(caught(() => log.append(jobRecord('20261127-100002-cccc'))).toError()).toMatchObject({ code: 'STORAGE_FAILED', detail: expect.stringContaining('the disk is full') });
    expect(realFs.readFileSync(log.path, 'utf8')).toBe(bytes);
    expect(log.read()).toEqual({ jobs: [expect.objectContaining({ jobId: '20261127-100000-aaaa' }), expect.objectContaining({ jobId: '20261127-100001-bbbb' })], warnings: [] });
  });

  it('a lock that cannot be written is STORAGE_FAILED, not BUSY, and leaves no lock file behind', () => {
    const dir = tempDir();
    const lock = new InstallLock(dir, 'rc-license');
    armed = { op: 'openSync', code: 'EROFS', match: '.lock' };
    expect(caught(() => lock.acquire('https://chat.plant7.lan', 'Plant 7')).toError()).toMatchObject({ code: 'STORAGE_FAILED', detail: expect.stringContaining('read-only') });
    expect(realFs.readdirSync(join(dir, 'locks'))).toEqual([]);
    lock.acquire('https://chat.plant7.lan', 'Plant 7')(); // and works again
  });

  it('a lock file that cannot take its holder (disk full) is removed, never left to read as stale', () => {
    const dir = tempDir();
    const lock = new InstallLock(dir, 'rc-license');
    armed = { op: 'writeSync', code: 'ENOSPC' };
    expect(caught(() => lock.acquire('https://chat.plant7.lan', 'Plant 7')).toError()).toMatchObject({
      code: 'STORAGE_FAILED',
      detail: expect.stringMatching(/^Could not write .*\.lock: the disk is full\.$/),
    });
    expect(injected).toBe(1);
    expect(realFs.readdirSync(join(dir, 'locks'))).toEqual([]);
    lock.acquire('https://chat.plant7.lan', 'Plant 7')();
  });

  it('a lock taken by another process each time this one clears a stale one: BUSY after the second try, never a loop', () => {
    const dir = tempDir();
    const lock = new InstallLock(dir, 'rc-license');
    // Every exclusive create finds the file there, and reading it finds it gone (the other
    // process's own release or takeover in between): two tries, then BUSY.
    armed = { op: 'openSync', code: 'EEXIST', match: '.lock', persist: true };
    expect(caught(() => lock.acquire('https://chat.plant7.lan', 'Plant 7')).toError()).toMatchObject({
      code: 'BUSY',
      detail: 'Another installation to Plant 7 took the lock at the same moment; try again.',
    });
    expect(injected).toBe(2);
  });
});

describe('an installation whose job record cannot be written sends nothing', () => {
  async function installer() {
    const { startSimulator } = await import('../../../e2e/simulator/simulator');
    const { licenses, sharedTestKeyPair, signV3 } = await import('../../../e2e/simulator/license-factory');
    const { Installer } = await import('../installer');
    const { MemorySecretStore } = await import('../workspaces/secret-store');
    const { makeKey } = await import('../license/license-decode');
    const { fastClock } = await import('../../../e2e/support/flow-kit');
    const s = await startSimulator({ version: '8.8.0', validationDelayMs: 10 });
    const dir = tempDir();
    const inst = new Installer({ dataDir: dir, keychain: new MemorySecretStore(), licenseKeys: [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')], timeoutMs: 5000, timing: fastClock() });
    const { workspace } = await inst.addWorkspace({ url: s.url, name: 'Plant 7' });
    await inst.login(workspace.id, { user: 'admin', password: 'admin-pass', sessionOnly: true });
    const host = s.url.replace(/^https?:\/\//, '');
    const apply = async (id: string) => {
      const inspection = await inst.inspect(await signV3(licenses.boundTo(host, { id })), null, workspace.id);
      return inst.install(workspace.id, inspection.summary.sha256).then(
        (r) => ({ outcome: r.outcome, error: r.error }),
        (e: AppFailure) => ({ outcome: 'thrown', error: e.toError() }),
      );
    };
    expect((await apply('GOOD-1')).outcome).toBe('active');
    const close = async () => {
      inst.close();
      await s.stop();
    };
    return { s, dir, inst, apply, close, adds: () => s.requests.filter((r) => r.path.endsWith('/licenses.add')).length };
  }

  it('the "sending" record fails once: nothing is sent, and the job is recorded as failed with the reason', async () => {
    const { s, dir, inst, apply, close, adds } = await installer();
    try {
      const sent = adds();
      armed = { op: 'appendFileSync', code: 'ENOSPC', match: 'jobs.jsonl' };
      expect(await apply('NEXT-2')).toEqual({ outcome: 'failed', error: expect.objectContaining({ code: 'STORAGE_FAILED', detail: expect.stringContaining('the disk is full') }) });
      expect(adds()).toBe(sent);
      expect(s.state.active?.decoded.v3.information.id).toBe('GOOD-1');
      const jobs = inst.history().jobs;
      expect(jobs.map((j) => [j.licenseId, j.outcome])).toEqual([['NEXT-2', 'failed'], ['GOOD-1', 'active']]); // never "interrupted"
      expect(realFs.readdirSync(join(dir, 'locks'))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the disk stays full: nothing is sent, the error says why, the log and backups are as before', async () => {
    const { s, dir, apply, close, adds } = await installer();
    try {
      const log = realFs.readFileSync(join(dir, 'jobs.jsonl'), 'utf8');
      const backups = listing(join(dir, 'backups'));
      const sent = adds();
      armed = { op: 'appendFileSync', code: 'ENOSPC', match: 'jobs.jsonl', persist: true };
      expect(await apply('NEXT-2')).toEqual({ outcome: 'thrown', error: expect.objectContaining({ code: 'STORAGE_FAILED', detail: expect.stringContaining('the disk is full') }) });
      armed = null;
      expect(adds()).toBe(sent);
      expect(s.state.active?.decoded.v3.information.id).toBe('GOOD-1');
      expect(realFs.readFileSync(join(dir, 'jobs.jsonl'), 'utf8')).toBe(log);
      expect(listing(join(dir, 'backups'))).toEqual(backups); // the backup no job names is removed
      expect(realFs.readdirSync(join(dir, 'locks'))).toEqual([]);
    } finally {
      await close();
    }
  });
});

// ---- real faults: a 256 KiB tmpfs, filled, then remounted read-only ------------------------------
const mountPoint = realFs.mkdtempSync(join(tmpdir(), 'rc-li-tmpfs-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint], { encoding: 'utf8' });
const canMount = mounted.status === 0;
if (!canMount) {
  console.log(`[skipped] real disk-full / read-only tests: this process may not mount a tmpfs (${(mounted.stderr || mounted.error?.message || 'no mount').trim()}); the injected faults above cover the same writes`);
  realFs.rmSync(mountPoint, { recursive: true, force: true });
}

describe.skipIf(!canMount)('real faults on a tmpfs data folder', () => {
  const umount = () => {
    spawnSync('umount', [mountPoint]);
    realFs.rmSync(mountPoint, { recursive: true, force: true });
  };

  it('full, then read-only, then deleted: specific errors, the good files intact, then it recovers', () => {
    try {
      const dataDir = join(mountPoint, 'data');
      const store = new WorkspaceStore(dataDir);
      store.add({ name: 'Plant 7', baseUrl: 'https://chat.plant7.lan' });
      const log = new JobLog(dataDir);
      log.append(jobRecord('20261127-100000-aaaa'));
      const saved = realFs.readFileSync(store.path, 'utf8');
      const logged = realFs.readFileSync(log.path, 'utf8');

      // Fill the disk to the last byte.
      const filler = realFs.openSync(join(mountPoint, 'filler'), 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) realFs.writeSync(filler, block);
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
      for (;;) {
        try {
          realFs.writeSync(filler, Buffer.alloc(1));
        } catch {
          break;
        }
      }
      realFs.closeSync(filler);
      expect(caught(() => store.add({ name: 'New', baseUrl: 'https://new.example'.padEnd(9000, 'x') })).toError()).toMatchObject({
        code: 'STORAGE_FAILED',
        detail: expect.stringContaining('the disk is full'),
      });
      expect(caught(() => log.append(jobRecord('20261127-100001-bbbb', { headline: 'x'.repeat(8000) }))).code).toBe('STORAGE_FAILED');
      expect(realFs.readFileSync(store.path, 'utf8')).toBe(saved);
      expect(new JobLog(dataDir).read().jobs.map((j) => j.jobId)).toEqual(['20261127-100000-aaaa']);
      expect(realFs.readFileSync(log.path, 'utf8').startsWith(logged)).toBe(true);
      expect(leftovers(dataDir)).toEqual([]);
      realFs.rmSync(join(mountPoint, 'filler'));

      // Read-only.
      expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
      expect(caught(() => store.update(store.list()[0].id, { name: 'Renamed' })).toError()).toMatchObject({ code: 'STORAGE_FAILED', detail: expect.stringContaining('read-only') });
      expect(caught(() => log.append(jobRecord('20261127-100002-cccc'))).detail).toContain('read-only');
      expect(caught(() => new InstallLock(dataDir, 'rc-license').acquire('https://chat.plant7.lan', 'Plant 7')).code).toBe('STORAGE_FAILED');
      expect(realFs.readFileSync(store.path, 'utf8')).toBe(saved);
      expect(spawnSync('mount', ['-o', 'remount,rw', mountPoint]).status).toBe(0);

      // Deleted while running: the next write puts the folder and what the app holds back.
      realFs.rmSync(dataDir, { recursive: true });
      store.update(store.list()[0].id, { name: 'Plant 7 (again)' });
      log.append(jobRecord('20261127-100003-dddd'));
      expect(new WorkspaceStore(dataDir).list().map((w) => w.name)).toEqual(['Plant 7 (again)']);
      expect(new JobLog(dataDir).read().jobs.map((j) => j.jobId)).toEqual(['20261127-100003-dddd']);
    } finally {
      umount();
    }
  });
});
