// Saved workspaces, sign-in with each keychain, a keychain that cannot be used, and a license
// checked against a signed-in workspace — through the Installer, as the shells call it.
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Simulator } from '../../../e2e/simulator/simulator';
import { licenseV3Payload, licenses, signV3 } from '../../../e2e/simulator/license-factory';
import { allFileText } from '../../../e2e/support/files';
import { useInstallerKit } from '../../../e2e/support/installer-kit';
import { KeytarSecretStore, MemorySecretStore, type SecretStore } from './secret-store';
import { WorkspaceStore } from './workspace-store';

const realKeychain = process.env.RC_TEST_KEYCHAIN === '1';
if (!realKeychain) console.log('[skipped] sign-in against the real keychain: no gnome-keyring session in this run (scripts/test.sh starts one)');

const { cleanup, tempDir, sim, installer } = useInstallerKit({ withRocketChatKey: true });



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
    expect(app.licenses.get(summary.sha256).summary.sha256).toBe(summary.sha256);
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

  it('a license read moments after the workspace is checked against that reading, without asking the server again; an older reading, one made as another account or before a change is read afresh', async () => {
    const s = await sim({ usage: { activeUsers: 30 } });
    const app = installer(new MemorySecretStore());
    const { workspace } = await app.addWorkspace({ url: s.url });
    await app.login(workspace.id, { user: 'admin', password: 'admin-pass' });
    const lic = await signV3(licenseV3Payload({ url: host(s), activeUsers: 25 }));
    await app.connect(workspace.id);
    const asked = () => s.requests.length;
    let before = asked();
    const reused = await app.inspect(lic, null, workspace.id);
    expect(asked()).toBe(before);
    expect(reused.checks.find((c) => c.name === 'limits')).toMatchObject({ status: 'fail' });

    // 30 s later the workspace is read again (the usage may have moved).
    s.state.usage.activeUsers = 20;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 30_001 });
    try {
      before = asked();
      expect((await app.inspect(lic, null, workspace.id)).checks.find((c) => c.name === 'limits')).toMatchObject({ status: 'pass' });
      expect(asked()).toBeGreaterThan(before);
    } finally {
      vi.useRealTimers();
    }

    // A changed setting, and a sign-out: read afresh, as whoever is signed in now.
    before = asked();
    app.updateWorkspace(workspace.id, { name: 'Plant 2' });
    await app.inspect(lic, null, workspace.id);
    expect(asked()).toBeGreaterThan(before);
    await app.connect(workspace.id);
    await app.logout(workspace.id);
    before = asked();
    expect((await app.inspect(lic, null, workspace.id)).checks.find((c) => c.name === 'limits')?.status).toBe('unknown');
    expect(asked()).toBeGreaterThan(before);
  });
});
