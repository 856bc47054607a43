import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { licenseV2Payload, licenseV3Payload, licenses, signV2, signV3 } from '../../../e2e/simulator/license-factory';
import { caSignedCert, selfSignedCert, testCa } from '../../../e2e/simulator/certs';
import type { Simulator } from '../../../e2e/simulator/simulator';
import { Transport } from '../rocketchat/http';
import { normalizeBaseUrl } from '../rocketchat/addresses';
import { probeCertificate } from '../rocketchat/tls';
import { RocketChatClient } from '../rocketchat/rocketchat-client';
import { installLicense, newJobId } from './install-flow';
import { AppFailure } from '../errors';
import { DAY, useFlowKit } from '../../../e2e/support/flow-kit';

const { running, sim, clientFor, load, host, adds, quick } = useFlowKit();

const ERAS = ['6.3.0', '6.5.1', '7.10.0', '8.2.0', '8.7.1', '8.8.0'];
const newEngine = (v: string) => !v.startsWith('6.3');
/** What a forced, doomed send ends as. 8.0 – 8.6 have no log over REST and no licenses.validate,
 * and with no license valid before, the status setting does not move: nothing there can say
 * "rejected", so the wait ends as "not active" (verdict.ts). Elsewhere the server says why. */
const doomed = (v: string) => (v.startsWith('8.2') ? 'not-active' : 'rejected');

describe.each(ERAS)('installing on Rocket.Chat %s', (version) => {
  const sign = async (s: Simulator, o: { url?: string; validUntil?: Date; seats?: number } = {}) =>
    newEngine(version)
      ? signV3(licenseV3Payload({ url: o.url ?? host(s), validUntil: o.validUntil, activeUsers: o.seats }))
      : signV2(licenseV2Payload({ url: o.url ?? host(s), expiry: o.validUntil?.toISOString().slice(0, 10) }));

  it('a valid license ends active, confirmed by the server', async () => {
    const s = await sim({ version });
    const result = await quick({ client: clientFor(s), license: await load(await sign(s)) });
    expect(result.outcome).toBe('active');
    expect(result.headline).toMatch(/ confirms license .*: it is in force now\.$/);
    expect(result.after?.valid).toBe(true);
    expect(result.before?.valid).toBe(false);
    expect(adds(s)).toHaveLength(1);
    expect(adds(s)[0].headers['content-type']).toBe('application/json');
    const validated = s.requests.some((r) => r.path.endsWith('/licenses.validate'));
    expect(validated).toBe(version >= '8.7');
    if (validated) expect(s.requests.findIndex((r) => r.path.endsWith('/licenses.validate'))).toBeLessThan(s.requests.indexOf(adds(s)[0]));
    // A finished job's log says what happened, not what was still to come.
    expect(result.steps.find((st) => st.step === 'apply')?.message).toBe('The server accepted the license file (200).');
    expect(result.steps.map((st) => st.step)).toEqual(['license', 'connect', 'account', 'usage', 'stored', 'prechecks', ...(validated ? ['server-validation'] : []), 'apply', 'verify']);
  });

  it('a license bound to another URL is stopped before sending; with force it ends rejected for its URL', async () => {
    const s = await sim({ version });
    const license = await load(await sign(s, { url: 'chat.other.example' }));
    const blocked = await quick({ client: clientFor(s), license });
    expect(blocked.outcome).toBe('blocked');
    expect(blocked.reasons[0]).toContain(`This license is for chat.other.example; this workspace's Site URL is ${host(s)}`);
    expect(adds(s)).toHaveLength(0);
    const forced = await quick({ client: clientFor(s), license, force: true });
    expect(forced.outcome).toBe(doomed(version));
    expect(forced.reasons.join(' ')).toMatch(/chat\.other\.example/);
    expect(adds(s)).toHaveLength(1);
  });

  it("an expired license by the server's clock (the laptop's says valid) is stopped; forced, it is rejected", async () => {
    const s = await sim({ version, clock: { offsetMs: 60 * DAY } });
    const license = await load(await sign(s, { validUntil: new Date(Date.now() + 30 * DAY) }));
    const blocked = await quick({ client: clientFor(s), license });
    expect(blocked.outcome).toBe('blocked');
    const serverDay = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
    expect(blocked.reasons[0]).toMatch(new RegExp(`by the server's clock \\(${serverDay}`));
    expect(blocked.reasons[0]).toMatch(/The server's clock is 60 days ahead of this laptop's/);
    expect(adds(s)).toHaveLength(0);
    expect((await quick({ client: clientFor(s), license, force: true })).outcome).toBe(doomed(version));
  });

  if (newEngine(version)) {
    it('a license for fewer seats than in use is stopped; forced, it is rejected', async () => {
      const s = await sim({ version, usage: { activeUsers: 30 } });
      const license = await load(await sign(s, { seats: 25 }));
      const blocked = await quick({ client: clientFor(s), license });
      expect(blocked.outcome).toBe('blocked');
      expect(blocked.reasons[0]).toContain('Active users (seats): 30 in use, the license allows 25');
      expect(adds(s)).toHaveLength(0);
      expect((await quick({ client: clientFor(s), license, force: true })).outcome).toBe(doomed(version));
    });
  }

  it('the same license twice is reported as already active, and sent only once', async () => {
    const s = await sim({ version });
    const license = await load(await sign(s));
    expect((await quick({ client: clientFor(s), license })).outcome).toBe('active');
    const again = await quick({ client: clientFor(s), license });
    expect(again.outcome).toBe('already-active');
    expect(adds(s)).toHaveLength(1);
  });
});

describe('8.7+ licenses.validate', () => {
  it("the server's own reasons stop the job even when the local checks pass", async () => {
    const s = await sim({ version: '8.7.1', usage: { activeUsers: 20 } });
    const license = await load(await signV3(licenseV3Payload({ url: host(s), activeUsers: 25 })));
    // Users are added on the server between the app's usage read and its validation request.
    const result = await quick({
      client: clientFor(s),
      license,
      onProgress: (p) => {
        if (p.step.step === 'prechecks' && p.step.status === 'done') s.state.usage.activeUsers = 40;
      },
    });
    expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(result.outcome).toBe('blocked');
    expect(result.reasons).toEqual(['The license allows 25 active users (seats), but this workspace has more. Deactivate some, or ask for a license with more.']);
    expect(adds(s)).toHaveLength(0);
  });

  it('shows the reasons licenses.validate gives', async () => {
    const s = await sim({ version: '8.7.1', usage: { activeUsers: 40 } });
    const license = await load(await signV3(licenseV3Payload({ url: host(s), activeUsers: 30 })));
    const client = clientFor(s);
    const v = await client.validate(license.canonical.text);
    expect(v).toEqual({ valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'limit', limit: 'activeUsers' }] });
    const forced = await quick({ client, license, force: true });
    expect(forced.serverValidation).toEqual({ valid: false, reasons: ['The license allows 30 active users (seats), but this workspace has 40. Deactivate some, or ask for a license with more.'] });
    expect(forced.outcome).toBe('rejected');
  });
});

describe('errors a technician meets on site', () => {
  it('401: an expired token ends the job with AUTH_REQUIRED', async () => {
    const s = await sim();
    const client = new RocketChatClient(new Transport({ baseUrl: s.url }), { userId: 'admin-id-0001', authToken: 'stale' });
    const result = await quick({ client, license: await load(await signV3(licenses.boundTo(host(s)))) });
    expect(result.outcome).toBe('failed');
    expect(result.error?.code).toBe('AUTH_REQUIRED');
  });

  it('403: a non-admin is warned, then the server refusal is reported as FORBIDDEN', async () => {
    const s = await sim({ version: '8.8.0' });
    const result = await quick({ client: clientFor(s, 'jo'), license: await load(await signV3(licenses.boundTo(host(s)))) });
    expect(result.steps.find((x) => x.step === 'account')).toMatchObject({ status: 'warning', message: expect.stringMatching(/not an administrator/) });
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(/error-unauthorized/) });
    expect(adds(s)).toHaveLength(0);
  });

  it('429: too many sign-ins gives RATE_LIMITED with the wait', async () => {
    const s = await sim();
    const client = new RocketChatClient(new Transport({ baseUrl: s.url }));
    for (let i = 0; i < 10; i++) await client.login('admin', 'admin-pass');
    const e = await client.login('admin', 'admin-pass').catch((x) => x);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', data: { waitSeconds: expect.any(Number) } });
    expect(e.detail).toMatch(/Try again in \d+ seconds/);
  });

  it('HTML 502 from a reverse proxy gives NOT_ROCKETCHAT naming the proxy', async () => {
    const s = await sim();
    s.setFault({ kind: 'html502' });
    const e = await clientFor(s).info().catch((x) => x);
    expect(e).toMatchObject({ code: 'NOT_ROCKETCHAT', detail: expect.stringMatching(/502 “502 Bad Gateway” with a web page from nginx: a reverse proxy is in front/) });
  });

  it('a dropped connection, a timeout, malformed JSON, a 500 and a stopped server', async () => {
    const s = await sim();
    const client = clientFor(s, 'admin', { timeoutMs: 400 });
    s.setFault({ kind: 'drop' });
    expect(await client.info().catch((x) => x)).toMatchObject({ code: 'NETWORK_UNREACHABLE', detail: expect.stringMatching(/dropped the connection/) });
    s.setFault({ kind: 'delay', ms: 1500 });
    expect(await client.info().catch((x) => x)).toMatchObject({ code: 'TIMEOUT' });
    s.setFault({ kind: 'malformed' });
    expect(await client.info().catch((x) => x)).toMatchObject({ code: 'SERVER_ERROR', detail: expect.stringMatching(/not readable JSON/) });
    s.setFault({ kind: 'error500' });
    expect(await client.info().catch((x) => x)).toMatchObject({ code: 'NOT_ROCKETCHAT' });
    s.setFault(null);
    await s.stop();
    running.splice(running.indexOf(s), 1);
    const fresh = new RocketChatClient(new Transport({ baseUrl: s.url }));
    expect(await fresh.info().catch((x) => x)).toMatchObject({ code: 'NETWORK_UNREACHABLE', detail: expect.stringMatching(/refused the connection/) });
  });

  it('a server older than 3.10 cannot take licenses', async () => {
    const s = await sim({ version: '3.9.0' });
    const result = await quick({ client: clientFor(s), license: await load(signV2(licenseV2Payload({ url: host(s) }))) });
    expect(result.error?.code).toBe('SERVER_TOO_OLD');
  });

  it('a cross-origin redirect is refused, and the other origin never sees the credentials', async () => {
    const elsewhere = await sim();
    const s = await sim();
    s.setFault({ kind: 'redirect', location: `${elsewhere.url}/api/v1/me`, match: '/api/v1/me' });
    const e = await clientFor(s).me().catch((x) => x);
    expect(e).toMatchObject({ code: 'REDIRECT_BLOCKED', detail: `${s.origin} redirected to ${elsewhere.origin}.` });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('a same-origin redirect is followed', async () => {
    const s = await sim();
    s.setFault({ kind: 'redirect', location: `${s.url}/api/info`, match: '/api/info', times: 1 });
    expect((await clientFor(s).info()).version).toBe('8.8.0');
  });

  it('keeps a sub-path deployment’s path', async () => {
    const s = await sim({ basePath: '/chat' });
    expect(normalizeBaseUrl(`${s.origin}/chat/`)).toBe(`${s.origin}/chat`);
    const info = await clientFor(s).info();
    expect(info.workspaceUrl).toBe(`${host(s)}`);
    expect(info.workspaceUrl.endsWith('/chat')).toBe(true);
  });

  it('one installation at a time per workspace', async () => {
    const s = await sim();
    const license = await load(await signV3(licenses.boundTo(host(s))));
    const first = quick({ client: clientFor(s), license });
    await expect(quick({ client: clientFor(s), license })).rejects.toMatchObject({ code: 'BUSY', detail: `An installation to ${s.url} is still running.` });
    expect((await first).outcome).toBe('active');
  });
});

describe('an explicit proxy', () => {
  it('carries the requests when one is set for the workspace, and is refused together with a pin', async () => {
    const s = await sim();
    const seen: string[] = [];
    // A minimal forward proxy on loopback: CONNECT tunnels, which is how undici goes through one.
    const proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, socket, head) => {
      seen.push(`CONNECT ${req.url}`);
      const [host, port] = req.url!.split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    running.push({ stop: () => new Promise<void>((r) => (proxy.closeAllConnections(), proxy.close(() => r()))) });
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const info = await clientFor(s, 'admin', { proxyUrl }).info();
    expect(info.version).toBe('8.8.0');
    expect(seen).toEqual([`CONNECT ${s.url.replace('http://', '')}`]);
    expect(s.requests.map((r) => r.path)).toEqual(['/api/info']);
    expect(() => new Transport({ baseUrl: s.url, proxyUrl, trust: { pinnedSha256: 'ab'.repeat(32) } })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('TLS on site', () => {
  it('a self-signed server is untrusted, shows its fingerprint, works once pinned, and a swapped certificate is refused', async () => {
    const s = await sim({ tls: true });
    const untrusted = await clientFor(s).info().catch((x) => x);
    expect(untrusted).toMatchObject({ code: 'TLS_UNTRUSTED', detail: expect.stringMatching(/self-signed/) });
    const cert = await probeCertificate(s.url);
    expect(cert.fingerprint256).toBe(s.certificate!.fingerprint256);
    expect(cert.selfSigned).toBe(true);
    const pinned = clientFor(s, 'admin', { trust: { pinnedSha256: cert.fingerprint256 } });
    expect((await pinned.info()).version).toBe('8.8.0');
    const next = await selfSignedCert();
    s.setCertificate(next);
    const changed = await clientFor(s, 'admin', { trust: { pinnedSha256: cert.fingerprint256 } }).info().catch((x) => x);
    expect(changed).toMatchObject({ code: 'CERT_CHANGED', data: { expected: cert.fingerprint256, actual: next.fingerprint256 } });
  });

  it('an imported CA file makes a private-CA server trusted', async () => {
    const ca = await testCa();
    const s = await sim({ tls: { cert: await caSignedCert(ca) } });
    expect(await clientFor(s).info().catch((x) => x)).toMatchObject({ code: 'TLS_UNTRUSTED' });
    expect((await clientFor(s, 'admin', { trust: { caPem: ca.cert } }).info()).version).toBe('8.8.0');
  });
});

// What the job record says about itself, step by step: the receipt, History and the CLI print these.
describe('the job record', () => {
  it('names the workspace, the license, the account and each step, in the words a technician reads', async () => {
    const s = await sim({ version: '8.8.0', usage: { activeUsers: 42 } });
    const license = await load(await signV3(licenses.seats(host(s), 100, { id: 'REC-1', customer: { company: 'ACME Corp' } })));
    const t0 = performance.now();
    const result = await quick({ client: clientFor(s), license, workspace: { id: 'w-1', name: 'Plant 7' }, restoreOf: '20261127-100000-abcd', jobId: '20261127-120000-beef' });
    const elapsed = performance.now() - t0;
    expect(result).toMatchObject({
      jobId: '20261127-120000-beef',
      outcome: 'active',
      reasons: [],
      workspace: { id: 'w-1', name: 'Plant 7', baseUrl: s.url, version: '8.8.0', workspaceUrl: host(s), workspaceUrlSource: 'server' },
      user: { username: 'admin', isAdmin: true },
      license: { sha256: license.summary.sha256, id: 'REC-1', format: 'v3', customer: 'ACME Corp', seats: 100 },
      restoreOf: '20261127-100000-abcd',
      forced: false,
      error: null,
    });
    const step = (name: string) => result.steps.find((x) => x.step === name);
    expect(step('license')).toMatchObject({ status: 'warning', message: `V3 license REC-1, SHA-256 ${license.summary.sha256.slice(0, 12)}…, signature verified with a non-Rocket.Chat key.` });
    expect(step('connect')).toMatchObject({ status: 'done', message: `Rocket.Chat 8.8.0; Site URL ${host(s)}.` });
    expect(step('account')).toMatchObject({ status: 'done', message: 'Signed in as admin (administrator).' });
    expect(step('usage')).toMatchObject({ status: 'done', message: 'No license is active; 42 active users.' });
    for (const st of result.steps) {
      expect(st.durationMs).toBeGreaterThanOrEqual(0);
      expect(st.durationMs).toBeLessThanOrEqual(elapsed + 1);
    }
    // The same again: the usage step names the license in force.
    const again = await quick({ client: clientFor(s), license });
    expect(again.steps.find((x) => x.step === 'usage')?.message).toBe('A license is active (REC-1); 42 active users.');
    expect(again).toMatchObject({ workspace: { id: null, name: null }, restoreOf: null, reasons: [] });
    // A license with no id, no company and no seats: the record says so, not a guess.
    const bare = await load(await signV3(licenses.boundTo(host(s), { customer: { name: 'Jane' } })));
    const third = await quick({ client: clientFor(s), license: bare });
    expect(third.license).toMatchObject({ customer: 'Jane', seats: null });
    // Signed with Rocket.Chat's own key (the test cannot sign one: the summary says so instead).
    const genuine = { ...bare, summary: { ...bare.summary, verifiedWith: { ...bare.summary.verifiedWith, key: 'rocket.chat' as const } } };
    const official = await quick({ client: clientFor(s), license: genuine });
    expect(official.steps[0]).toMatchObject({ step: 'license', status: 'done', message: `V3 license ${bare.summary.id}, SHA-256 ${bare.summary.sha256.slice(0, 12)}…, signature verified.` });
    // Plain http to another machine (loopback is exempt), and a version that does not report its Site URL.
    const client = clientFor(s);
    const info = client.info.bind(client);
    client.info = async () => ({ ...(await info()), unencrypted: true, workspaceUrlSource: 'guess' as const });
    client.withSiteUrl = async (i) => i;
    const plain = await quick({ client, license: bare });
    expect(plain.steps.find((x) => x.step === 'connect')).toMatchObject({
      status: 'warning',
      message: `Rocket.Chat 8.8.0; Site URL ${host(s)} (from the address entered: this version does not report it). The connection is not encrypted (http://).`,
    });
  });

  it('a step that fails keeps the server’s status and words, and the job says it stopped', async () => {
    const s = await sim({ version: '8.8.0' });
    s.setFault({ kind: 'error500', match: '/api/v1/me' });
    const broken = await quick({ client: clientFor(s), license: await load(await signV3(licenses.boundTo(host(s)))) });
    expect(broken.error).toMatchObject({ code: 'SERVER_ERROR' });
    expect(broken.steps.at(-1)).toMatchObject({ step: 'account', status: 'failed', httpStatus: 500, message: `${broken.error!.message} ${broken.error!.detail}`, serverError: broken.error!.detail });
    s.setFault(null);
    const result = await quick({ client: clientFor(s, 'jo'), license: await load(await signV3(licenses.boundTo(host(s)))) });
    const failed = result.steps.find((x) => x.status === 'failed');
    expect(result.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(failed).toMatchObject({ message: `${result.error!.message} ${result.error!.detail}`, serverError: result.error!.detail });
    expect(result.headline).toBe(`${result.error!.message} Nothing was sent to the server.`);
    expect(result.reasons).toEqual([result.error!.detail, result.error!.fix].filter(Boolean));
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('only a non-admin refused the license state goes on; any other failure to read it stops the job', async () => {
    const s = await sim({ version: '8.8.0' });
    const license = await load(await signV3(licenses.boundTo(host(s))));
    const failing = (user: string, error: unknown) => {
      const client = clientFor(s, user);
      client.licenseState = async () => Promise.reject(error);
      return quick({ client, license });
    };
    const forbidden = new AppFailure('FORBIDDEN', 'Refused.');
    // A non-admin may not read the license state: a warning, and the job goes on (the server then refuses the send).
    const jo = await failing('jo', forbidden);
    expect(jo.steps.find((x) => x.step === 'usage')).toMatchObject({ status: 'warning', message: 'This account may not read the license state.' });
    expect(jo.steps.map((x) => x.step)).toContain('stored');
    expect((await failing('admin', forbidden)).error).toMatchObject({ code: 'FORBIDDEN', detail: 'Refused.' });
    expect((await failing('jo', new AppFailure('SERVER_ERROR', 'Broken.'))).error).toMatchObject({ code: 'SERVER_ERROR' });
    // Not our FORBIDDEN, only something that looks like it: the job stops at that step.
    const odd = await failing('jo', Object.assign(new Error('odd'), { code: 'FORBIDDEN' }));
    expect(odd.steps.at(-1)).toMatchObject({ step: 'usage', status: 'failed' });
    expect(adds(s)).toHaveLength(0);
  });

  it('a non-admin is not sent to read the Site URL setting it may not read', async () => {
    const s = await sim({ version: '8.5.0' });
    await quick({ client: clientFor(s, 'jo'), license: await load(await signV3(licenses.boundTo(host(s)))) });
    expect(s.requests.some((r) => r.path.includes('Site_Url'))).toBe(false);
    const admin = await quick({ client: clientFor(s), license: await load(await signV3(licenses.boundTo(host(s)))) });
    expect(s.requests.some((r) => r.path.includes('Site_Url'))).toBe(true);
    expect(admin.workspace.workspaceUrlSource).toBe('server');
  });

  it('servers before 3.10 are refused at connect, before anything is read or sent; 3.10 is not', async () => {
    for (const version of ['2.4.0', '3.9.0', '3.10.0', '4.0.0']) {
      const s = await sim({ version });
      const result = await quick({ client: clientFor(s), license: await load(signV2(licenseV2Payload({ url: host(s) }))) });
      const old = version === '2.4.0' || version === '3.9.0';
      expect(result.steps.find((x) => x.step === 'connect')?.status).toBe(old ? 'failed' : 'done');
      if (old) {
        expect(result.error).toMatchObject({ code: 'SERVER_TOO_OLD', detail: `This workspace runs Rocket.Chat ${version}.` });
        expect(result.steps.map((x) => x.step)).toEqual(['license', 'connect']);
      }
    }
  });

  it('job ids are the start time in UTC and four random hex digits; one given is kept', async () => {
    expect(newJobId(new Date('2026-11-27T09:08:07.654Z'))).toMatch(/^20261127-090807-[0-9a-f]{4}$/);
    const ids = new Set(Array.from({ length: 20 }, () => newJobId(new Date('2026-11-27T09:08:07Z'))));
    expect(ids.size).toBeGreaterThan(1);
    expect(newJobId()).toMatch(new RegExp(`^${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-\\d{6}-[0-9a-f]{4}$`));
  });

  it('without a clock given, the flow waits for real between reads (a few reads a second, not a busy loop)', async () => {
    const s = await sim({ version: '8.8.0', validationDelayMs: 5000 });
    const result = await installLicense({ client: clientFor(s), license: await load(await signV3(licenses.boundTo(host(s)))), waitSeconds: 1 });
    expect(result.outcome).toBe('unconfirmed');
    const reads = s.requests.filter((r) => r.path.endsWith('/licenses.info')).length;
    expect(reads).toBeGreaterThan(1);
    expect(reads).toBeLessThan(12);
  });
});
