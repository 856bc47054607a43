// The job log: appended, never rewritten, read a chunk at a time, and what it says when damaged.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LicenseBackup } from './types';
import { jobRecord } from '../../../e2e/support/job-fixture';
import { capJobStrings, JobLog } from './job-log';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
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

