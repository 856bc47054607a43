// Saved workspaces kept as copies and set aside when damaged, and the credential vault's two places.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../errors';
import { MemorySecretStore, type SecretStore } from './secret-store';
import { failureOf as caught } from '../../../e2e/support/failures';
import { CredentialVault, credentialKey } from './credential-vault';
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
