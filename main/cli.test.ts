// The built CLI as a subprocess against the simulator: every exit code from a real scenario.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../e2e/simulator/simulator';
import { licenses, sharedTestKeyPair, signV3 } from '../e2e/simulator/license-factory';
import { KeytarSecretStore, KEYCHAIN_SERVICE } from './core/secret-store';

const CLI = join(process.cwd(), 'out/cli/rc-license.cjs');
const realKeychain = process.env.RC_TEST_KEYCHAIN === '1';
if (!realKeychain) console.log('[skipped] CLI sign-in with the keychain: no gnome-keyring session in this run (scripts/test.sh starts one)');

let dir: string;
let keyFile: string;
const sims: Simulator[] = [];
beforeAll(() => {
  // Test the CLI built from the current source.
  const b = spawnSync(process.execPath, ['scripts/build.mjs', 'main'], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error(b.stderr);
  dir = mkdtempSync(join(tmpdir(), 'rc-cli-'));
  keyFile = join(dir, 'test-key.pem');
  writeFileSync(keyFile, sharedTestKeyPair().publicKeyPem);
});
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});
afterAll(async () => {
  if (realKeychain) {
    const store = new KeytarSecretStore({ service: KEYCHAIN_SERVICE });
    for (const a of await store.list()) if (a.startsWith('http://127.0.0.1:')) await store.delete(a);
  }
  rmSync(dir, { recursive: true, force: true });
});

async function sim(o: SimulatorOptions = {}) {
  const s = await startSimulator({ validationDelayMs: 20, ...o });
  sims.push(s);
  return s;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

function home() {
  return mkdtempSync(join(dir, 'home-'));
}

function cli(args: string[], o: { stdin?: string; env?: Record<string, string | undefined>; home?: string } = {}): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, RC_LICENSE_HOME: o.home ?? home(), RC_LICENSE_PUBLIC_KEY: keyFile, NO_COLOR: '1', ...o.env };
  for (const [k, val] of Object.entries(env)) if (val === undefined) delete env[k];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: env as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(o.stdin ?? '');
    child.on('close', (code) => {
      let json = {};
      try {
        json = JSON.parse(stdout);
      } catch {
        /* human output */
      }
      resolve({ code: code ?? -1, stdout, stderr, json });
    });
  });
}

function file(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const host = (s: Simulator) => s.url.replace(/^http:\/\//, '');

describe('rc-license inspect', () => {
  it('0: a genuine license, with --json as one object', async () => {
    const lic = file('good.lic', await signV3(licenses.trial('chat.acme.lan', { id: 'TRIAL-7' })));
    const r = await cli(['inspect', lic, '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      ok: true,
      license: { format: 'v3', signature: 'custom', id: 'TRIAL-7', trial: true, expired: false, serverUrls: [{ value: 'chat.acme.lan', type: 'url' }] },
      checks: expect.arrayContaining([expect.objectContaining({ name: 'period', status: 'pass' })]),
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reads standard input with "-" and prints an aligned summary', async () => {
    const r = await cli(['inspect', '-'], { stdin: await signV3(licenses.boundTo('chat.acme.lan', { id: 'STDIN-1' })) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^License\s+V3 STDIN-1$/m);
    expect(r.stdout).toMatch(/^For\s+chat\.acme\.lan \(url\)$/m);
  });

  it('4: not a license', async () => {
    const r = await cli(['inspect', file('prose.txt', 'Dear customer, here is your license.'), '--json']);
    expect(r.code).toBe(4);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'LICENSE_MALFORMED' } });
  });

  it('4: with --server, a license for another workspace', async () => {
    const s = await sim();
    const r = await cli(['inspect', file('other.lic', await signV3(licenses.boundTo('other.lan'))), '--server', s.url, '--json']);
    expect(r.code).toBe(4);
    expect((r.json.checks as Array<{ name: string; status: string }>).find((c) => c.name === 'url')?.status).toBe('fail');
  });

  it('2: usage errors say what is wrong', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate".');
    expect((await cli(['inspect', join(dir, 'missing.lic')])).code).toBe(2);
    expect((await cli(['inspect', 'x', '--bogus'])).code).toBe(2);
  });
});

describe('rc-license apply', () => {
  it('0: unattended with RC_USER_ID/RC_AUTH_TOKEN (no keychain), confirmed active, steps in --json', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const lic = file('good.lic', await signV3(licenses.boundTo(host(s), { id: 'APPLY-1' })));
    const r = await cli(['apply', lic, '--server', s.url, '--yes', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken, DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined } });
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, result: 'active', jobId: expect.any(String) });
    expect((r.json.steps as Array<{ step: string }>).map((x) => x.step)).toContain('verify');
    expect(s.state.active?.decoded.v3.information.id).toBe('APPLY-1');
  });

  it('2: refuses to go on without --yes when stdin is not a terminal, sending nothing', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const r = await cli(['apply', file('a.lic', await signV3(licenses.boundTo(host(s)))), '--server', s.url], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --yes');
    expect(s.requests.some((q) => q.path.endsWith('licenses.add'))).toBe(false);
  });

  it('4: blocked by a pre-check (another workspace URL), nothing sent', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const r = await cli(['apply', file('b.lic', await signV3(licenses.boundTo('other.lan'))), '--server', s.url, '--yes', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(4);
    expect(r.json).toMatchObject({ ok: false, result: 'blocked' });
    expect(s.state.licenseAdds).toBe(0);
  });

  it('3: a non-admin account is refused', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('jo');
    const r = await cli(['apply', file('c.lic', await signV3(licenses.boundTo(host(s)))), '--server', s.url, '--yes', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(3);
    expect(r.json).toMatchObject({ ok: false, result: 'failed', error: { code: 'FORBIDDEN' } });
  });

  it('1: sent but not confirmed within --wait', async () => {
    const s = await sim({ validationDelayMs: 5000 });
    const { userId, authToken } = s.login('admin');
    const r = await cli(['apply', file('d.lic', await signV3(licenses.boundTo(host(s)))), '--server', s.url, '--yes', '--wait', '1', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, result: 'unconfirmed' });
  });

  it('5: the server cannot be reached; 6: a proxy answers instead of Rocket.Chat', async () => {
    const s = await sim();
    const dead = s.url;
    const r5 = await cli(['status', '--server', 'http://127.0.0.1:9', '--json']);
    expect(r5.code).toBe(5);
    expect(r5.json).toMatchObject({ ok: false, error: { code: 'NETWORK_UNREACHABLE' } });
    s.setFault({ kind: 'html502' });
    const r6 = await cli(['status', '--server', dead, '--json']);
    expect(r6.code).toBe(6);
    expect(r6.json).toMatchObject({ error: { code: 'NOT_ROCKETCHAT' } });
  });

  it('5: an untrusted certificate; --pin makes it work and is remembered', async () => {
    const s = await sim({ tls: true });
    const h = home();
    expect((await cli(['status', '--server', s.url, '--json'], { home: h })).json).toMatchObject({ error: { code: 'TLS_UNTRUSTED' } });
    const pin = s.certificate!.fingerprint256.replace(/(..)/g, '$1:').slice(0, -1).toUpperCase();
    const ok = await cli(['status', '--server', s.url, '--pin', pin, '--json'], { home: h });
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ workspace: { version: '8.8', workspaceUrl: s.url.replace(/^https:\/\//, '') } });
    expect((await cli(['status', '--server', s.url], { home: h })).stdout).toMatch(/^SHA-256\s+[0-9a-f]{64}/m);
  });
});

describe('rc-license login / logout', () => {
  it('7: no keychain available, with the way out named', async () => {
    const s = await sim();
    const r = await cli(['login', '--server', s.url, '--user', 'admin', '--password-stdin'], { stdin: 'admin-pass\n', env: { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined } });
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/keychain/i);
    expect(s.requests.some((q) => q.path === '/api/v1/login')).toBe(false);
  });

  it('3: a wrong password', async () => {
    const s = await sim();
    const r = await cli(['login', '--server', s.url, '--user', 'admin', '--password-stdin', '--json'], { stdin: 'nope\n' });
    expect([r.code, r.json]).toEqual([realKeychain ? 3 : 7, expect.objectContaining({ ok: false })]);
  });

  it.skipIf(!realKeychain)('password and TOTP code from stdin/flags, status, then logout revokes the session', async () => {
    const s = await sim();
    const h = home();
    const noCode = await cli(['login', '--server', s.url, '--user', 'tech', '--password-stdin'], { stdin: 'tech-pass\n', home: h });
    expect(noCode.code).toBe(3);
    expect(noCode.stderr).toContain('--code');
    const r = await cli(['login', '--server', s.url, '--user', 'tech', '--password-stdin', '--code', s.totp('tech')], { stdin: 'tech-pass\n', home: h });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signed in to');
    const status = await cli(['status', '--server', s.url, '--json'], { home: h });
    expect(status.json).toMatchObject({ signedInAs: { username: 'tech', kind: 'login' }, license: { valid: false } });
    const out = await cli(['logout', '--server', s.url], { home: h });
    expect(out.stdout).toContain('session ended on the server');
    expect(s.requests.some((q) => q.path === '/api/v1/logout')).toBe(true);
  });

  it.skipIf(!realKeychain)('a personal access token from stdin; logout only forgets it', async () => {
    const s = await sim();
    const h = home();
    const pat = s.createPersonalAccessToken('admin');
    const r = await cli(['login', '--server', s.url, '--user-id', pat.userId, '--token-stdin'], { stdin: `${pat.token}\n`, home: h });
    expect(r.code).toBe(0);
    const lic = file('pat.lic', await signV3(licenses.boundTo(host(s), { id: 'PAT-1' })));
    expect((await cli(['apply', lic, '--server', s.url, '--yes'], { home: h })).code).toBe(0);
    const out = await cli(['logout', '--server', s.url], { home: h });
    expect(out.stdout).toContain('stays valid on the server');
    expect(s.requests.some((q) => q.path === '/api/v1/logout')).toBe(false);
  });
});

describe('rc-license restore', () => {
  /** A active, then B forced and rejected, in one data directory: the job that kept A. */
  async function replaced() {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    const h = home();
    const a = await signV3(licenses.boundTo(host(s), { id: 'ACME-A' }));
    expect((await cli(['apply', file('a.lic', a), '--server', s.url, '--yes'], { env, home: h })).code).toBe(0);
    const b = await cli(['apply', file('b.lic', await signV3(licenses.boundTo('chat.other.example', { id: 'ACME-B' }))), '--server', s.url, '--yes', '--force', '--wait', '4'], { env, home: h });
    expect(b.code).toBe(4);
    const jobId = /rc-license restore (\S+)/.exec(b.stdout)?.[1];
    expect(jobId, b.stdout).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    return { s, env, h, a, jobId: jobId! };
  }

  it('0: puts the previous license back, confirmed active by the server', async () => {
    const { s, env, h, a, jobId } = await replaced();
    expect(s.state.active).toBeNull();
    const r = await cli(['restore', jobId, '--yes'], { env, home: h });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Job ${jobId} (rejected) on `); // the job is named before anything is sent
    expect(r.stdout).toMatch(/ACME-A \(V3\), SHA-256 [0-9a-f]{64}/);
    expect(r.stdout).toMatch(/^ACTIVE {2}Installed and active/m);
    expect(s.state.active?.text).toBe(a);
    const json = await cli(['restore', jobId, '--yes', '--json'], { env, home: h });
    expect(json.json).toMatchObject({ ok: true, result: 'already-active' });
  });

  it('2: an unknown job; 4: a job that kept nothing; 4: a damaged backup — nothing sent', async () => {
    const { s, env, h, jobId } = await replaced();
    const sent = s.state.licenseAdds;
    const unknown = await cli(['restore', '20990101-000000-abcd', '--yes'], { env, home: h });
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('No installation with that id is recorded')]);
    const first = (await cli(['history', '--json'], { home: h })).json.jobs as Array<{ jobId: string; hasBackup: boolean }>;
    const nothingKept = first.find((j) => !j.hasBackup)!;
    const none = await cli(['restore', nothingKept.jobId, '--yes', '--json'], { env, home: h });
    expect([none.code, (none.json.error as { code: string }).code]).toEqual([4, 'BACKUP_MISSING']);
    writeFileSync(join(h, 'backups', `${jobId}.license`), 'RCV3_cut');
    const damaged = await cli(['restore', jobId, '--yes'], { env, home: h });
    expect([damaged.code, damaged.stderr]).toEqual([4, expect.stringMatching(/The saved previous license cannot be used: nothing was sent\. — The backup of job \S+ has changed since it was written/)]);
    expect(s.state.licenseAdds).toBe(sent);
  });
});

describe('rc-license history and receipt', () => {
  it('lists the jobs and writes a receipt', async () => {
    const s = await sim();
    const h = home();
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    await cli(['apply', file('h.lic', await signV3(licenses.boundTo(host(s), { id: 'HIST-1' }))), '--server', s.url, '--yes'], { home: h, env });
    const history = await cli(['history', '--json'], { home: h });
    const jobs = history.json.jobs as Array<{ jobId: string; outcome: string; licenseId: string }>;
    expect(jobs).toEqual([expect.objectContaining({ outcome: 'active', licenseId: 'HIST-1' })]);
    const out = join(dir, 'receipt.html');
    expect((await cli(['receipt', jobs[0].jobId, '--out', out], { home: h })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('HIST-1');
    expect((await cli(['receipt', 'no-such-job'], { home: h })).code).toBe(2);
  });
});
