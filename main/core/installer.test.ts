import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../e2e/simulator/simulator';
import { licenseV3Payload, licenses, sharedTestKeyPair, signV3 } from '../../e2e/simulator/license-factory';
import { Installer } from './installer';
import { allFileText } from '../../e2e/support/files';
import { KeytarSecretStore, MemorySecretStore, type SecretStore } from './secret-store';
import { makeKey, rocketChatKey, type VerificationKey } from './license/license-decode';
import { WorkspaceStore } from './state/workspace-store';
import { JobLog } from './state/job-log';
import { receiptHtml } from './state/receipt';
import { jobRecord } from './state/job-fixture';

const realKeychain = process.env.RC_TEST_KEYCHAIN === '1';
if (!realKeychain) console.log('[skipped] sign-in against the real keychain: no gnome-keyring session in this run (scripts/test.sh starts one)');

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

let keys: VerificationKey[];
beforeAll(() => {
  keys = [rocketChatKey(), makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-li-state-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function sim(options: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ validationDelayMs: 10, ...options });
  cleanup.push(() => s.stop());
  return s;
}

function installer(keychain: SecretStore, dataDir = tempDir()): Installer {
  const i = new Installer({ dataDir, keychain, licenseKeys: keys, timeoutMs: 5000 });
  cleanup.push(() => i.close());
  return i;
}


const host = (s: Simulator) => s.url.replace(/^https?:\/\//, '');
const paths = (s: Simulator) => s.requests.map((r) => r.path);

const stores: Array<[string, () => SecretStore]> = [['an in-memory stand-in keychain', () => new MemorySecretStore()]];
if (realKeychain) {
  stores.push([
    'the real gnome-keyring',
    () => {
      const store = new KeytarSecretStore({ service: `rc-li-unit-${randomBytes(4).toString('hex')}` });
      cleanup.push(async () => {
        for (const a of await store.list()) await store.delete(a);
      });
      return store;
    },
  ]);
}

describe.each(stores)('sign-in with %s', (_name, makeStore) => {
  it('TOTP required → code → signed in; the token is in the keychain and in no file or job record', async () => {
    const s = await sim();
    const keychain = makeStore();
    const dataDir = tempDir();
    const app = installer(keychain, dataDir);
    const { workspace } = await app.addWorkspace({ url: s.url, name: 'Plant 7' });
    const first = await app.login(workspace.id, { user: 'tech', password: 'tech-pass' }).catch((e) => e);
    expect(first).toMatchObject({ code: 'AUTH_2FA_REQUIRED', data: { method: 'totp' } });
    expect(await app.login(workspace.id, { user: 'tech', password: 'tech-pass', code: '000000' }).catch((e) => e)).toMatchObject({ code: 'AUTH_2FA_INVALID' });
    const user = await app.login(workspace.id, { user: 'tech', password: 'tech-pass', code: s.totp('tech') });
    expect(user).toMatchObject({ username: 'tech', isAdmin: true });

    const [account] = await keychain.list();
    expect(account).toBe(`${s.url}|totp-id-0003`);
    const token = JSON.parse((await keychain.get(account))!).token as string;
    expect(s.state.tokens.has(token)).toBe(true);

    const license = await signV3(licenses.boundTo(host(s)));
    const inspected = await app.inspect(license, 'license.txt', workspace.id);
    const result = await app.install(workspace.id, inspected.summary.sha256, { waitSeconds: 5 });
    expect(result.outcome).toBe('active');
    await app.saveReceipt(result.jobId, 'html');
    await app.saveReceipt(result.jobId, 'json');

    const files = allFileText(dataDir);
    expect(files).toContain(result.jobId);
    expect(files).not.toContain(token);
    expect(files).not.toContain('tech-pass');
    expect(files).not.toContain(license.slice(5, 60));
  });

  it('sign-out of a login token calls /logout and forgets it', async () => {
    const s = await sim();
    const keychain = makeStore();
    const app = installer(keychain);
    const { workspace } = await app.addWorkspace({ url: s.url });
    await app.login(workspace.id, { user: 'admin', password: 'admin-pass' });
    expect(await app.logout(workspace.id)).toEqual({ revokedOnServer: true, kind: 'login' });
    expect(paths(s)).toContain('/api/v1/logout');
    expect(await keychain.list()).toEqual([]);
    expect(s.state.tokens.size).toBe(0);
    expect(app.workspaces.get(workspace.id).signedInAs).toBeNull();
  });

  it('a personal access token is checked with /me; sign-out forgets it without /logout (which would revoke it)', async () => {
    const s = await sim();
    const keychain = makeStore();
    const app = installer(keychain);
    const { workspace } = await app.addWorkspace({ url: s.url });
    expect(await app.useToken(workspace.id, { userId: 'admin-id-0001', token: 'wrong' }).catch((e) => e)).toMatchObject({ code: 'AUTH_INVALID' });
    const pat = s.createPersonalAccessToken('admin');
    const user = await app.useToken(workspace.id, { userId: pat.userId, token: pat.token });
    expect(user.username).toBe('admin');
    expect(app.workspaces.get(workspace.id).signedInAs).toMatchObject({ kind: 'pat', storage: 'keychain' });
    expect(await app.logout(workspace.id)).toEqual({ revokedOnServer: false, kind: 'pat' });
    expect(paths(s)).not.toContain('/api/v1/logout');
    expect([...s.state.tokens.keys()]).toContain(pat.token);
    expect(await keychain.list()).toEqual([]);
  });

  it('a token the server later rejects (401) signs the workspace out; the loaded license stays', async () => {
    const s = await sim();
    const keychain = makeStore();
    const app = installer(keychain);
    const { workspace } = await app.addWorkspace({ url: s.url });
    await app.login(workspace.id, { user: 'admin', password: 'admin-pass' });
    const { summary } = await app.inspect(await signV3(licenses.boundTo(host(s))), null, workspace.id);
    s.revokeTokens('admin');
    expect(await app.connect(workspace.id).catch((e) => e)).toMatchObject({ code: 'AUTH_REQUIRED', detail: expect.stringMatching(/the loaded license is kept/) });
    expect(app.workspaces.get(workspace.id).signedInAs).toBeNull();
    expect(await keychain.list()).toEqual([]);
    expect(app.loaded(summary.sha256).summary.sha256).toBe(summary.sha256);
  });
});

describe('when the keychain cannot be used', () => {
  const stuck = () => {
    const never = () => new Promise<never>(() => undefined);
    return new KeytarSecretStore({ timeoutMs: 300, keytar: { getPassword: never, setPassword: never, deletePassword: never, findCredentials: never } });
  };

  it('sign-in stops with KEYCHAIN_UNAVAILABLE before anything is sent to the server', async () => {
    const s = await sim();
    const app = installer(stuck());
    const { workspace } = await app.addWorkspace({ url: s.url });
    const e = await app.login(workspace.id, { user: 'admin', password: 'admin-pass' }).catch((x) => x);
    expect(e).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', detail: expect.stringMatching(/did not answer/) });
    expect(paths(s)).not.toContain('/api/v1/login');
    expect(s.state.tokens.size).toBe(0);
  });

  it('"this session only" keeps the sign-in in memory and writes nothing', async () => {
    const s = await sim();
    const dataDir = tempDir();
    const app = installer(stuck(), dataDir);
    const { workspace } = await app.addWorkspace({ url: s.url });
    await app.login(workspace.id, { user: 'admin', password: 'admin-pass', sessionOnly: true });
    const token = [...s.state.tokens.keys()][0];
    expect(app.workspaces.get(workspace.id).signedInAs).toMatchObject({ storage: 'session', username: 'admin' });
    const conn = await app.connect(workspace.id);
    expect(conn.license?.valid).toBe(false);
    expect(allFileText(dataDir)).not.toContain(token);
    // A new app instance (the app restarted) has no session sign-in any more.
    const again = installer(stuck(), dataDir);
    expect(await again.connect(workspace.id).catch((e) => e)).toMatchObject({ code: 'AUTH_REQUIRED', detail: expect.stringMatching(/session-only sign-in ended/) });
  });

  it('if saving the token fails after sign-in, the new token is revoked on the server', async () => {
    const s = await sim();
    const flaky: SecretStore = Object.assign(new MemorySecretStore(), {
      kind: 'keychain' as const,
      set: async () => {
        throw Object.assign(new Error('locked'), {});
      },
    });
    const app = installer(flaky);
    const { workspace } = await app.addWorkspace({ url: s.url });
    await expect(app.login(workspace.id, { user: 'admin', password: 'admin-pass' })).rejects.toThrow('locked');
    expect(paths(s)).toContain('/api/v1/logout');
    expect(s.state.tokens.size).toBe(0);
  });
});

describe('saved workspaces', () => {
  it('survive a restart, keep trust settings, and hold no secret', async () => {
    const s = await sim({ tls: true });
    const dataDir = tempDir();
    const app = installer(new MemorySecretStore(), dataDir);
    const untrusted = await app.addWorkspace({ url: s.url }).catch((e) => e);
    expect(untrusted).toMatchObject({ code: 'TLS_UNTRUSTED', data: { fingerprint256: s.certificate!.fingerprint256, selfSigned: true } });
    const { workspace, info } = await app.addWorkspace({ url: s.url, pinnedSha256: untrusted.data.fingerprint256 });
    expect(info.version).toBe('8.8');
    const reopened = new WorkspaceStore(dataDir).get(workspace.id);
    expect(reopened.trust.pinnedSha256).toBe(s.certificate!.fingerprint256);
    expect(reopened.lastSeen?.workspaceUrl).toBe(host(s));
    expect(statSync(join(dataDir, 'workspaces.json')).mode & 0o077).toBe(0);
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a corrupt workspaces file is moved aside (kept) with a warning, never silently dropped', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'workspaces.json'), '{"schemaVersion":1,"workspaces":[{"id":');
    const store = new WorkspaceStore(dataDir);
    expect(store.list()).toEqual([]);
    expect(store.warnings[0]).toMatch(/set aside because it could not be read/);
    const aside = readdirSync(dataDir).find((f) => f.startsWith('workspaces.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dataDir, aside!), 'utf8')).toBe('{"schemaVersion":1,"workspaces":[{"id":');
    store.add({ name: 'fresh', baseUrl: 'https://chat.example' });
    expect(new WorkspaceStore(dataDir).list().map((w) => w.name)).toEqual(['fresh']);
  });

  it('a file from a future version is set aside too, not misread', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'workspaces.json'), JSON.stringify({ schemaVersion: 99, workspaces: [] }));
    expect(new WorkspaceStore(dataDir).warnings[0]).toMatch(/does not have the expected content/);
  });
});

const job = jobRecord;

describe('job log', () => {
  it('a torn last line (crash mid-write) is skipped and reported; earlier lines are intact; the next record starts clean', () => {
    const dataDir = tempDir();
    const log = new JobLog(dataDir);
    log.append(job('j1'));
    log.append(job('j2'));
    appendFileSync(log.path, JSON.stringify(job('j3')).slice(0, 40));
    const read = log.read();
    expect(read.jobs.map((j) => j.jobId)).toEqual(['j1', 'j2']);
    expect(read.warnings).toEqual([expect.stringMatching(/last job log entry \(line 3\) is incomplete/)]);
    log.append(job('j4'));
    expect(log.read().jobs.map((j) => j.jobId)).toEqual(['j1', 'j2', 'j4']);
    expect(log.list().jobs[0].jobId).toBe('j4');
    expect(log.get('j2').license.id).toBe('lic-1');
    expect(() => log.get('nope')).toThrow(expect.objectContaining({ code: 'JOB_UNKNOWN' }));
  });

  it('a bad line in the middle is named by its line number; blank lines are counted and skipped; the last record of a job counts', () => {
    const log = new JobLog(tempDir());
    const lines = [JSON.stringify(job('j1')), '', '{"not":"a job"}', '   ', 'garbage', JSON.stringify(job('j1', { outcome: 'rejected' })), JSON.stringify(job('j2')), '', ''];
    writeFileSync(log.path, lines.join('\n'));
    const read = log.read();
    expect(read.jobs.map((j) => [j.jobId, j.outcome])).toEqual([
      ['j1', 'rejected'],
      ['j2', 'active'],
    ]);
    expect(read.warnings).toEqual(['Job log line 3 could not be read and was skipped.', 'Job log line 5 could not be read and was skipped.']);
    expect(log.retentionIndex().map((r) => r.jobId)).toEqual(['j1', 'j2']);
  });

  it('a bad last line is named as incomplete even when blank lines follow it; a missing log is empty', () => {
    const log = new JobLog(tempDir());
    expect(log.read()).toEqual({ jobs: [], warnings: [] });
    expect(log.retentionIndex()).toEqual([]);
    writeFileSync(log.path, `${JSON.stringify(job('j1'))}\nnull\n\n\n`);
    expect(log.read()).toEqual({ jobs: [expect.objectContaining({ jobId: 'j1' })], warnings: [expect.stringMatching(/^The last job log entry \(line 2\) is incomplete/)] });
  });

  it('is read in chunks: records longer than a chunk, and characters cut by a chunk edge, come back whole', () => {
    const log = new JobLog(tempDir());
    // 3-byte and 4-byte characters, shifted by one byte per record, so that chunk edges (every 64 KiB)
    // fall inside characters and inside lines; one record is longer than a whole chunk.
    const records = Array.from({ length: 40 }, (_, i) => job(`j${i}`, { headline: `${'x'.repeat(i)}${'Prüfung € 🔑 '.repeat(i === 7 ? 9000 : 300)}` }));
    writeFileSync(log.path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(readFileSync(log.path).length).toBeGreaterThan(4 * 64 * 1024);
    const read = log.read();
    expect(read.warnings).toEqual([]);
    expect(read.jobs.map((j) => j.headline)).toEqual(records.map((r) => r.headline));
  });
});

describe('receipts', () => {
  it('escape everything that came from a license or a server', () => {
    const html = receiptHtml(job('j1', { headline: '<img src=x onerror=alert(1)>', license: { ...job('j1').license, customer: '<script>alert(1)</script>' } }), '1.0.0');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<[a-z]+[^>]*\s(src|href)=/i);
  });

  it('are saved as HTML and JSON beside the data, and PDF only where a shell can print', async () => {
    const dataDir = tempDir();
    const app = installer(new MemorySecretStore(), dataDir);
    app.installations.jobs.append(job('j9'));
    const html = await app.saveReceipt('j9', 'html');
    expect(readFileSync(html.path!, 'utf8')).toContain('ACTIVE — confirmed by the workspace');
    const json = JSON.parse(readFileSync((await app.saveReceipt('j9', 'json')).path!, 'utf8'));
    expect(json).toMatchObject({ receipt: 'rc-license-installer', jobId: 'j9', outcome: 'active' });
    expect(await app.saveReceipt('j9', 'pdf').catch((e) => e)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(existsSync(join(dataDir, 'receipts', 'receipt-j9.html'))).toBe(true);
  });
});

describe('inspect against a workspace', () => {
  it('uses the server facts and current usage once signed in', async () => {
    const s = await sim({ usage: { activeUsers: 30 } });
    const app = installer(new MemorySecretStore());
    const { workspace } = await app.addWorkspace({ url: s.url });
    const lic = await signV3(licenseV3Payload({ url: host(s), activeUsers: 25 }));
    expect((await app.inspect(lic, null, workspace.id)).checks.find((c) => c.name === 'limits')?.status).toBe('unknown');
    await app.login(workspace.id, { user: 'admin', password: 'admin-pass' });
    const signedIn = await app.inspect(lic, null, workspace.id);
    expect(signedIn.checks.find((c) => c.name === 'limits')).toMatchObject({ status: 'fail' });
    expect(signedIn.facts.workspaceUrlSource).toBe('server');
    expect(signedIn.active).toMatchObject({ valid: false });
  });
});
