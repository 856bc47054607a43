// Safe apply: the license a workspace stored is kept before another is sent, and put back in one
// step through the same verified flow.
import { describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Simulator } from '../../../e2e/simulator/simulator';
import { licenseV2Payload, licenses, signV2, signV3 } from '../../../e2e/simulator/license-factory';
import { Installer } from '../installer';
import { MemorySecretStore } from '../workspaces/secret-store';
import { sha256Hex } from './backups';
import { receiptHtml } from './receipt';
import { JobLog } from './job-log';
import { hostOf as host, useInstallerKit } from '../../../e2e/support/installer-kit';

const { cleanup, keys, tempDir, sim, ready } = useInstallerKit();
const adds = (s: Simulator) => s.requests.filter((r) => r.path.endsWith('/licenses.add')).length;

/** Every file of the data directory outside backups/, as text. */
function textOutsideBackups(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !relative(dataDir, join(d.parentPath, d.name)).startsWith('backups'))
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'))
    .join('\n');
}

describe.each([
  ['6.3.0', 'restart'],
  ['7.10.0', 'now'],
  ['8.8.0', 'now'],
] as const)('Rocket.Chat %s: A active → B forced and rejected → restore → A active', (version, lostWhen) => {
  it('puts A back byte for byte, verified by the server, as a job of its own', async () => {
    const s = await sim({ version });
    const { inst, dataDir, apply } = await ready(s);
    const v3 = !version.startsWith('6.3');
    const a = v3 ? await signV3(licenses.boundTo(host(s), { id: 'ACME-A', activeUsers: 120 })) : signV2(licenseV2Payload({ url: host(s), maxActiveUsers: 120 }));
    const b = v3 ? await signV3(licenses.boundTo('chat.other.example', { id: 'ACME-B' })) : signV2(licenseV2Payload({ url: 'chat.other.example' }));
    expect((await apply(a)).result.outcome).toBe('active');
    const settingBefore = s.state.setting;

    const { inspection, result: rejected } = await apply(b, true);
    expect(inspection.replaces?.warning).toMatch(/is backed up first and can be restored in one step\.$/);
    expect(rejected.outcome).toBe('rejected');
    expect(rejected.replaced?.lostWhen).toBe(lostWhen);
    expect(rejected.backup).toMatchObject({ status: 'kept', sha256: sha256Hex(a), licenseId: v3 ? 'ACME-A' : null, activeBefore: { valid: true } });
    const file = join(dataDir, 'backups', `${rejected.jobId}.license`);
    expect(readFileSync(file, 'utf8')).toBe(a);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // 6.5+: nothing active at once; ≤6.4: A lives in memory until the next restart.
    expect(Boolean(s.state.active)).toBe(lostWhen === 'restart');

    const restored = await inst.restore(rejected.jobId, { waitSeconds: 5 });
    expect(restored.outcome).toBe('active');
    expect(restored.restoreOf).toBe(rejected.jobId);
    expect(s.state.setting).toBe(settingBefore);
    await s.restart(); // what the server stores is what comes back after a restart
    expect(s.state.active?.text).toBe(a);
    expect(inst.history().jobs.find((j) => j.jobId === restored.jobId)?.restoreOf).toBe(rejected.jobId);

    // No license text outside the backup files, in any state file, log or receipt.
    await inst.saveReceipt(rejected.jobId, 'html');
    const elsewhere = textOutsideBackups(dataDir);
    for (const token of s.state.tokens.keys()) expect(elsewhere + readdirSync(join(dataDir, 'backups')).map((f) => readFileSync(join(dataDir, 'backups', f), 'utf8')).join()).not.toContain(token);
    expect(elsewhere).not.toContain(a.slice(-40));
    expect(elsewhere).not.toContain(b.slice(-40));
    expect(receiptHtml(inst.job(rejected.jobId), "1")).toContain(sha256Hex(a));
  });
});

describe('what cannot be backed up, and bad backups', () => {
  it('a non-admin gets no backup; the confirmation says why and the install still goes to the server', async () => {
    const s = await sim({ version: '7.10.0' }); // no licenses.validate: licenses.add itself answers
    const admin = await ready(s);
    await admin.apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-A' })));
    const jo = await ready(s, 'jo');
    const { inspection, result } = await jo.apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-B' })));
    expect(inspection.replaces?.warning).toMatch(/No backup: this account may not read the server’s privileged settings \(view-privileged-setting\)\.$/);
    expect(result.backup).toEqual({ status: 'unavailable', reason: expect.stringContaining('view-privileged-setting') });
    expect(adds(s)).toBe(2); // sent: the server, not the backup, decides
    expect(result.error?.code).toBe('FORBIDDEN');
  });

  it('no license stored before: nothing to keep, and restoring says so', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, apply } = await ready(s);
    const { result } = await apply(await signV3(licenses.boundTo(host(s))));
    expect(result.backup).toEqual({ status: 'none-before' });
    await expect(inst.restore(result.jobId)).rejects.toMatchObject({ code: 'BACKUP_MISSING', detail: expect.stringContaining('No license was stored on the workspace before it.') });
    await expect(inst.restore('20990101-000000-abcd')).rejects.toMatchObject({ code: 'JOB_UNKNOWN' });
  });

  it.each([
    ['truncated', (f: string) => writeFileSync(f, readFileSync(f, 'utf8').slice(0, 100)), /truncated or altered/],
    ['deleted', (f: string) => rmSync(f), /is missing/],
    ['replaced by something else', (f: string) => writeFileSync(f, 'x'.repeat(70 * 1024)), /larger than any license/],
  ])('a backup %s is refused with its reason and nothing is sent', async (_what, damage, words) => {
    const s = await sim({ version: '8.8.0' });
    const { inst, dataDir, apply } = await ready(s);
    await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-A' })));
    const { result } = await apply(await signV3(licenses.boundTo('chat.other.example', { id: 'ACME-B' })), true);
    damage(join(dataDir, 'backups', `${result.jobId}.license`));
    const sent = adds(s);
    await expect(inst.restore(result.jobId)).rejects.toMatchObject({ code: 'BACKUP_DAMAGED', detail: expect.stringMatching(words) });
    expect(adds(s)).toBe(sent);
  });

  it('a backup that cannot be written stops the install before anything is sent', async () => {
    const s = await sim({ version: '8.8.0' });
    const { dataDir, apply } = await ready(s);
    await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-A' })));
    writeFileSync(join(dataDir, 'backups'), 'not a folder'); // the data folder cannot take the file
    const { result } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-B' })));
    expect(result.outcome).toBe('failed');
    expect(result.error?.code).toBe('BACKUP_FAILED');
    expect(adds(s)).toBe(1);
    expect(s.state.active?.decoded.v3.information.id).toBe('ACME-A');
  });

  it('restoring what the server already stores and runs sends nothing', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, apply } = await ready(s);
    const a = await signV3(licenses.boundTo(host(s), { id: 'ACME-A' }));
    await apply(a);
    const { result } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-B' })));
    expect(result.outcome).toBe('active');
    expect((await inst.restore(result.jobId, { waitSeconds: 5 })).outcome).toBe('active'); // back to A
    const sent = adds(s);
    const again = await inst.restore(result.jobId, { waitSeconds: 5 });
    expect(again.outcome).toBe('already-active');
    expect(adds(s)).toBe(sent);
  });
});

describe('retention', () => {
  it('keeps the newest backups per workspace, and forgetting the workspace deletes its backups', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, id, dataDir, apply } = await ready(s, 'admin', { backupsPerWorkspace: 2 });
    const jobs: string[] = [];
    for (const n of [1, 2, 3, 4]) jobs.push((await apply(await signV3(licenses.boundTo(host(s), { id: `ACME-${n}` })))).result.jobId);
    const kept = inst.history().jobs.filter((j) => j.hasBackup).map((j) => j.jobId);
    expect(kept.sort()).toEqual(jobs.slice(2).sort());
    await expect(inst.restore(jobs[1])).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
    await inst.removeWorkspace(id);
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([]);
  });

  it('a backup no job names (the process died right after writing it) is removed an hour later, not before', async () => {
    const s = await sim({ version: '8.8.0' });
    const { dataDir, apply } = await ready(s);
    await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-1' })));
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    const stray = (id: string, ageMs: number) => {
      const f = join(dataDir, 'backups', `${id}.license`);
      writeFileSync(f, 'RCV3_stray');
      const t = new Date(Date.now() - ageMs);
      utimesSync(f, t, t);
    };
    stray('20261127-090000-aaaa', 2 * 3600_000);
    stray('20261127-120000-bbbb', 60_000); // another process may be about to record it
    const { result } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-2' })));
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual(['20261127-120000-bbbb.license', `${result.jobId}.license`, `${result.jobId}.owner`].sort());
  });

  it('an install does not read the job log to keep backups: each backup names its workspace beside it', async () => {
    const s = await sim({ version: '8.8.0' });
    const { dataDir, id, apply } = await ready(s, 'admin', { backupsPerWorkspace: 1 });
    await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-1' })));
    const { result: second } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-2' })));
    expect(JSON.parse(readFileSync(join(dataDir, 'backups', `${second.jobId}.owner`), 'utf8'))).toEqual({ workspaceId: id, keptAt: second.startedAt });
    const read = vi.spyOn(JobLog.prototype, 'retentionIndex');
    cleanup.push(() => read.mockRestore());
    const { result: third } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-3' })));
    expect(read).not.toHaveBeenCalled();
    // …and retention still works: one backup per workspace, the newest.
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual([`${third.jobId}.license`, `${third.jobId}.owner`]);
  });

  it('a backup kept by an earlier version (no owner file) is found in the job log once, and counts', async () => {
    const s = await sim({ version: '8.8.0' });
    const { dataDir, id, apply } = await ready(s, 'admin', { backupsPerWorkspace: 2 });
    await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-1' })));
    const { result: old } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-2' })));
    const ownerFile = join(dataDir, 'backups', `${old.jobId}.owner`);
    rmSync(ownerFile);
    // Two hours old: were it not named by its job, it would be removed as a stray.
    const t = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(dataDir, 'backups', `${old.jobId}.license`), t, t);
    const read = vi.spyOn(JobLog.prototype, 'retentionIndex');
    cleanup.push(() => read.mockRestore());
    const { result: next } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-3' })));
    expect(read).toHaveBeenCalledTimes(1);
    expect(JSON.parse(readFileSync(ownerFile, 'utf8'))).toEqual({ workspaceId: id, keptAt: old.startedAt });
    const { result: last } = await apply(await signV3(licenses.boundTo(host(s), { id: 'ACME-4' })));
    expect(read).toHaveBeenCalledTimes(1); // recorded: not looked up again
    // The older backup counts in retention like any other: the newest two are kept.
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.license')).sort()).toEqual([`${next.jobId}.license`, `${last.jobId}.license`].sort());
  });
});

describe('verify again', () => {
  it('an unconfirmed job is read again and recorded with what the server says now; the last record counts', async () => {
    // The flow waits 1 s on fastClock's time (a few real polls of ≤ 30 ms); the server validates
    // after 1 s of real time, so the send is unconfirmed with a wide margin on a loaded machine.
    const s = await sim({ version: '8.8.0', validationDelayMs: 1000 });
    const { inst, apply } = await ready(s);
    const text = await signV3(licenses.boundTo(host(s), { id: 'LATE-1' }));
    const id = inst.listWorkspaces().workspaces[0].id;
    const inspection = await inst.inspect(text, null, id);
    const sent = await inst.install(id, inspection.summary.sha256, { waitSeconds: 1 });
    expect(sent.outcome).toBe('unconfirmed');
    await s.settled();
    const verified = await inst.verify(sent.jobId);
    expect(verified).toMatchObject({ outcome: 'active', headline: expect.stringContaining('confirms license LATE-1'), verifiedAt: expect.any(String) });
    expect(verified.steps.at(-1)).toMatchObject({ step: 'verify', status: 'done' });
    expect(inst.history().jobs.filter((j) => j.jobId === sent.jobId)).toEqual([expect.objectContaining({ outcome: 'active' })]);
    expect(inst.job(sent.jobId).outcome).toBe('active');

    // Someone installs another license afterwards: this job's license is no longer in force.
    await apply(await signV3(licenses.boundTo(host(s), { id: 'OTHER-2' })));
    await s.settled();
    // Not in force is "not active", not "rejected": nothing says the server refused it.
    expect(await inst.verify(sent.jobId)).toMatchObject({ outcome: 'not-active', headline: expect.stringContaining('now stores a different license'), reasons: ['The license active now is OTHER-2.'] });
  });

  it('a job whose license never reached the server says so', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, dataDir } = await ready(s);
    const { jobRecord } = await import('../../../e2e/support/job-fixture');
    const id = inst.listWorkspaces().workspaces[0].id;
    new JobLog(dataDir).append(jobRecord('20261127-100000-abcd', { outcome: 'interrupted', workspace: { id, name: 'Plant 7', baseUrl: s.url, version: '8.8.0', workspaceUrl: host(s), workspaceUrlSource: 'server' } }));
    expect(await inst.verify('20261127-100000-abcd')).toMatchObject({ outcome: 'not-active', headline: expect.stringContaining('The workspace stores no license, so this one never arrived') });
  });

  it('a slow "yes": restore first reads the state, and replaces a license that became active meanwhile only when asked again', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, apply } = await ready(s);
    await apply(await signV3(licenses.boundTo(host(s), { id: 'OLD-1' })));
    s.state.instances[0].applyDelayMs = 1000;
    const slow = await signV3(licenses.boundTo(host(s), { id: 'SLOW-2' }));
    const inspection = await inst.inspect(slow, null, inst.listWorkspaces().workspaces[0].id);
    const sent = await inst.install(inst.listWorkspaces().workspaces[0].id, inspection.summary.sha256, { waitSeconds: 1 });
    expect(sent.outcome).toBe('unconfirmed');
    await s.settled();
    const before = adds(s);
    await expect(inst.restore(sent.jobId, { waitSeconds: 5 })).rejects.toMatchObject({ code: 'NEWER_LICENSE_ACTIVE', detail: expect.stringContaining('SLOW-2') });
    expect(adds(s)).toBe(before); // nothing sent
    expect(s.state.active?.decoded.v3.information.id).toBe('SLOW-2');
    s.state.instances[0].applyDelayMs = 20;
    const anyway = await inst.restore(sent.jobId, { waitSeconds: 5, evenIfActive: true });
    expect([anyway.outcome, s.state.active?.decoded.v3.information.id]).toEqual(['active', 'OLD-1']);
  });

  it('≤6.4 stores a refused license while the old one stays in memory: that is not the job\'s license in force', async () => {
    const s = await sim({ version: '6.3.0' });
    const { inst, apply } = await ready(s);
    await apply(signV2(licenseV2Payload({ url: host(s), maxActiveUsers: 120 })));
    const { result } = await apply(signV2(licenseV2Payload({ url: 'chat.other.example' })), true);
    expect(s.state.setting).not.toBe('');
    const now = await inst.verify(result.jobId);
    expect(now.outcome).not.toBe('active');
    expect(now.verdict?.evidence).toContainEqual(expect.objectContaining({ source: 'license-state', says: 'other-active' }));
  });

  it('a job that sent nothing has nothing to verify', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, apply } = await ready(s);
    const { result } = await apply(await signV3(licenses.boundTo('chat.other.example')));
    expect(result.outcome).toBe('blocked');
    await expect(inst.verify(result.jobId)).rejects.toMatchObject({ code: 'INVALID_INPUT', detail: expect.stringContaining('sent nothing to the server') });
  });

  it('a non-admin cannot tell: still not confirmed, and says how to find out', async () => {
    const s = await sim({ version: '7.10.0', validationDelayMs: 1000 });
    const admin = await ready(s);
    const text = await signV3(licenses.boundTo(host(s), { id: 'LATE-2' }));
    const inspection = await admin.inst.inspect(text, null, admin.id);
    const sent = await admin.inst.install(admin.id, inspection.summary.sha256, { waitSeconds: 1 });
    await admin.inst.logout(admin.id);
    await admin.inst.login(admin.id, { user: 'jo', password: 'jo-pass', sessionOnly: true });
    const verified = await admin.inst.verify(sent.jobId);
    expect(verified.outcome).toBe('unconfirmed');
    expect(verified.headline).toMatch(/Sign in as an administrator and verify again/);
  });
});

describe('an address a technician types', () => {
  it('http:// to a port that speaks HTTPS says so, with the address to use', async () => {
    const s = await sim({ version: '8.8.0', tls: true });
    const inst = new Installer({ dataDir: tempDir(), keychain: new MemorySecretStore(), licenseKeys: keys, timeoutMs: 5000 });
    cleanup.push(() => inst.close());
    const plain = s.url.replace(/^https:/, 'http:');
    await expect(inst.addWorkspace({ url: plain })).rejects.toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      detail: `This port speaks HTTPS: use ${s.url} instead of ${plain}.`,
      data: { suggestedUrl: s.url },
    });
  });
});

describe('a workspace that stops answering', () => {
  it('the checks say it did not answer, instead of asking a signed-in admin to sign in', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, id } = await ready(s);
    const text = await signV3(licenses.seats(host(s), 100));
    await s.stop();
    const inspection = await inst.inspect(text, null, id);
    const limits = inspection.checks.find((c) => c.name === 'limits')!;
    expect(limits.status).toBe('unknown');
    expect(limits.message).toMatch(/The workspace did not answer \(The workspace could not be reached\. .*refused the connection.*\), so current usage could not be read\./);
    expect(limits.message).not.toMatch(/Sign in as an administrator/);
    expect(inspection.checks.find((c) => c.name === 'url')!.message).toMatch(/did not answer .* so its Site URL could not be compared/);
  });
});

describe('one installation per workspace, across processes', () => {
  it('a second installer on the same data folder is told who holds the workspace, and since when', async () => {
    const s = await sim({ version: '8.8.0', validationDelayMs: 1500 });
    const first = await ready(s, 'admin', { realClock: true });
    const second = new Installer({ dataDir: first.dataDir, keychain: new MemorySecretStore(), licenseKeys: keys, timeoutMs: 5000, program: 'rc-license' });
    cleanup.push(() => second.close());
    await second.login(first.id, { user: 'admin', password: 'admin-pass', sessionOnly: true });
    const text = await signV3(licenses.boundTo(host(s), { id: 'LOCK-1' }));
    const running = first.apply(text);
    await vi.waitFor(() => expect(readdirSync(join(first.dataDir, 'locks'))).toHaveLength(1));
    const inspection = await second.inspect(text, null, first.id);
    await expect(second.install(first.id, inspection.summary.sha256, { waitSeconds: 5 })).rejects.toMatchObject({
      code: 'BUSY',
      detail: expect.stringMatching(new RegExp(`^An installation to Plant 7 is running in this app \\(process ${process.pid}\\) since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.$`)),
    });
    expect((await running).result.outcome).toBe('active');
    expect(readdirSync(join(first.dataDir, 'locks'))).toEqual([]); // released
  });

  it('a lock left by a process that is gone is taken over, not waited on', async () => {
    const s = await sim({ version: '8.8.0' });
    const { dataDir, apply } = await ready(s);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { InstallLock } = await import('../state/install-lock');
    new InstallLock(dataDir, 'rc-license').acquire(s.url, 'Plant 7'); // taken here…
    const [file] = readdirSync(join(dataDir, 'locks'));
    writeFileSync(join(dataDir, 'locks', file), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '2026-11-27T09:00:00.000Z', by: 'rc-license' })); // …by a process now gone
    expect((await apply(await signV3(licenses.boundTo(host(s))))).result.outcome).toBe('active');
  });
});

describe('crash-safe job records', () => {
  it('the job is recorded as interrupted before licenses.add, and the outcome replaces it after', async () => {
    const s = await sim({ version: '8.8.0' });
    const { inst, dataDir, apply } = await ready(s);

    s.setFault({ kind: 'delay', ms: 300, match: 'licenses.add' });
    const running = apply(await signV3(licenses.boundTo(host(s), { id: 'CRASH-1' })));
    await vi.waitFor(() => expect(s.requests.some((r) => r.path.endsWith('/licenses.add'))).toBe(true));
    const atSend = readFileSync(join(dataDir, 'jobs.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(atSend.at(-1)!)).toMatchObject({ outcome: 'interrupted', license: { id: 'CRASH-1' } });
    const { result } = await running;
    expect(result.outcome).toBe('active');
    expect(inst.history().jobs.find((j) => j.jobId === result.jobId)?.outcome).toBe('active');
  });
});
