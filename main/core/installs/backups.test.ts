// The previous licenses kept on this laptop: their names, their owners, damage and removal.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureOf as caught } from '../../../e2e/support/failures';
import { BackupStore, sha256Hex } from './backups';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
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

