// The simulator against the spec's test vectors (../shared/spec/rocketchat-api.md, "Test vectors"),
// era by era: exact status codes and bodies.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash, X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { Agent } from 'undici';
import { startSimulator, type Simulator, type SimulatorOptions } from './simulator';
import { licenseV2Payload, licenseV3Payload, licenses, sharedTestKeyPair, signV2, signV3 } from './license-factory';
import { caSignedCert, selfSignedCert, testCa } from './certs';
import type { V3 } from './server-license';

const running: Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function sim(options: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ validationDelayMs: 5, ...options });
  running.push(s);
  return s;
}

interface CallOptions {
  body?: unknown;
  raw?: string;
  auth?: { userId: string; authToken: string };
  headers?: Record<string, string>;
  contentType?: string | null;
  dispatcher?: Agent;
}

async function call(s: Simulator, method: string, path: string, o: CallOptions = {}) {
  const headers: Record<string, string> = { ...o.headers };
  if (o.auth) {
    headers['X-User-Id'] = o.auth.userId;
    headers['X-Auth-Token'] = o.auth.authToken;
  }
  const hasBody = o.body !== undefined || o.raw !== undefined;
  if (hasBody && o.contentType !== null) headers['Content-Type'] = o.contentType ?? 'application/json';
  const res = await fetch(s.url + path, {
    method,
    headers,
    body: hasBody ? (o.raw ?? JSON.stringify(o.body)) : undefined,
    redirect: 'manual',
    // @ts-expect-error undici's dispatcher option on Node's fetch
    dispatcher: o.dispatcher,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text, headers: res.headers };
}

const ERAS = ['3.10.5', '6.3.0', '6.5.1', '7.10.0', '8.2.0', '8.6.0', '8.7.1', '8.8.0'] as const;
const era = (v: string) => {
  const [maj, min] = v.split('.').map(Number);
  const at = (a: number, b: number) => maj > a || (maj === a && min >= b);
  return {
    restivus: !at(7, 0),
    newEngine: at(6, 5),
    e: at(8, 8),
    validate: at(8, 7),
    info: at(6, 5),
    legacy: !at(7, 0),
    isEnterprise: at(5, 0) && !at(7, 0),
    v83: at(8, 3),
    v86: at(8, 6),
    v40: at(4, 0),
    v74: at(7, 4),
  };
};

beforeAll(() => {
  sharedTestKeyPair(); // generate the 4096-bit test key once, outside any test's time
});

/** A license that is valid for this simulator's workspace, in the format its era understands. */
async function goodLicense(s: Simulator, v: string, extra = {}): Promise<string> {
  const url = s.url.replace(/^https?:\/\//, '');
  return era(v).newEngine ? signV3(licenses.boundTo(url, extra)) : signV2(licenseV2Payload({ url }));
}

const UNAUTH = 'You must be logged in to do this.';
/** A vector that does not apply to an era is not generated for it (rather than shown as skipped). */
const itIf = (applies: boolean) => (applies ? it : ((() => undefined) as unknown as typeof it));

describe.each(ERAS)('Rocket.Chat %s', (version) => {
  const e = era(version);

  describe('licenses.add', () => {
    it('A1: a valid, correctly signed license → 200 {success:true}, applied afterwards', async () => {
      const s = await sim({ version });
      const lic = await goodLicense(s, version);
      const r = await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: lic } });
      expect(r.status).toBe(200);
      expect(r.text).toBe('{"success":true}');
      await s.settled();
      expect(s.state.active?.text).toBe(lic);
      expect(s.state.status).toBe('Valid');
    });

    it('A2/A3: no auth headers or a wrong token → 401 with the era body', async () => {
      const s = await sim({ version });
      const expected = e.restivus ? { status: 'error', message: UNAUTH } : { success: false, error: UNAUTH, status: 'error', message: UNAUTH };
      for (const auth of [undefined, { userId: 'admin-id-0001', authToken: 'expired' }]) {
        const r = await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: 'x' } });
        expect(r.status).toBe(401);
        expect(r.text).toBe(JSON.stringify(expected));
      }
    });

    it('A4: a user without edit-privileged-setting → 403 with the era body', async () => {
      const s = await sim({ version });
      const r = await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('jo'), body: { license: 'x' } });
      expect(r.status).toBe(403);
      expect(r.json).toEqual(e.restivus ? { success: false, error: 'unauthorized' } : { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' });
    });

    it('A5: an empty license → 400 Empty license (6.5+) / Invalid license (≤6.4)', async () => {
      const s = await sim({ version });
      const r = await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: '' } });
      expect(r.status).toBe(400);
      expect(r.text).toBe(JSON.stringify({ success: false, error: e.newEngine ? 'Empty license' : 'Invalid license' }));
    });

    it("A6: 'not-a-license' → 400 Invalid license (6.5+) / OpenSSL's text (≤6.4)", async () => {
      const s = await sim({ version });
      const r = await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: 'not-a-license' } });
      expect(r.status).toBe(400);
      if (e.newEngine) expect(r.json).toEqual({ success: false, error: 'Invalid license' });
      else expect(r.json).toEqual({ success: false, error: expect.stringMatching(/rsa routines/) });
    });

    it('A7–A9: body validation per era', async () => {
      const s = await sim({ version });
      const auth = s.login('admin');
      const post = (body: unknown) => call(s, 'POST', '/api/v1/licenses.add', { auth, body });
      const cases = e.e
        ? [
            [{}, { success: false, errorType: 'error-invalid-params', error: "must have required property 'license'" }],
            [{ license: 'x', foo: 1 }, { success: false, errorType: 'error-invalid-params', error: 'must NOT have additional properties' }],
            [{ license: 123 }, { success: false, error: 'Invalid license' }],
            [{ license: ['a'] }, { success: false, errorType: 'error-invalid-params', error: 'must be string' }],
          ]
        : [
            [{}, { success: false, error: "Match error: Missing key 'license'" }],
            [{ license: 'x', foo: 1 }, { success: false, error: 'Match error: Unknown key in field foo' }],
            [{ license: 123 }, { success: false, error: 'Match error: Expected string, got number in field license' }],
          ];
      for (const [body, expected] of cases) {
        const r = await post(body);
        expect(r.status).toBe(400);
        expect(r.text).toBe(JSON.stringify(expected));
      }
    });

    it('A10: a JSON body without Content-Type: application/json is not read', async () => {
      const s = await sim({ version });
      const r = await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), raw: JSON.stringify({ license: 'x' }), contentType: 'text/plain' });
      expect(r.status).toBe(400);
      expect(r.json).toEqual(
        e.e ? { success: false, errorType: 'error-invalid-params', error: "must have required property 'license'" } : { success: false, error: "Match error: Missing key 'license'" },
      );
    });

    it('A11: a genuine license for another URL → 200, then rejected in the background', async () => {
      const s = await sim({ version });
      const lic = e.newEngine ? await signV3(licenses.boundTo('other.example')) : signV2(licenseV2Payload({ url: 'other.example' }));
      const r = await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: lic } });
      expect(r.text).toBe('{"success":true}');
      await s.settled();
      expect(s.state.active).toBeNull();
      if (e.newEngine) {
        expect(s.state.log.join('\n')).toMatch(/Url validation failed/);
      } else {
        // The old engine's quirk (spec §1.4): the status says Valid for a URL-rejected license.
        // 3.10–3.12 log nothing for it; 3.13+ log `#### License error: invalid url…` (spec §5.11).
        if (e.v40) expect(s.state.log.join('\n')).toMatch(/invalid url, licensed to other.example/);
        else expect(s.state.log.join('\n')).not.toMatch(/License error/);
        expect(s.state.status).toBe('Valid');
      }
    });

    it('A12: the 11th call within a minute from a non-admin → 429 with X-RateLimit headers', async () => {
      const s = await sim({ version });
      const auth = s.login('jo');
      let last;
      for (let i = 0; i < 11; i++) last = await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: 'x' } });
      expect(last!.status).toBe(429);
      expect(last!.json).toEqual({ success: false, error: expect.stringMatching(/^Error, too many requests\. Please slow down\. You must wait \d+ seconds before trying this endpoint again\. \[error-too-many-requests\]$/) });
      expect(last!.headers.get('x-ratelimit-limit')).toBe('10');
      expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(last!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now());
    });
  });

  describe('licenses.validate', () => {
    itIf(e.validate)('V1–V4: valid, URL mismatch, expired, malformed', async () => {
      const s = await sim({ version });
      const auth = s.login('admin');
      const post = async (license: string) => call(s, 'POST', '/api/v1/licenses.validate', { auth, body: { license } });
      expect((await post(await goodLicense(s, version))).text).toBe('{"success":true}');
      const url = await post(await signV3(licenses.boundTo('other.example')));
      expect(url.status).toBe(400);
      expect(url.text).toBe('{"error":"license-invalid","reasons":[{"behavior":"invalidate_license","reason":"url"}],"success":false}');
      const expired = await post(await signV3(licenses.expired(s.url.replace(/^https?:\/\//, ''))));
      expect(expired.text).toBe('{"error":"license-invalid","reasons":[{"behavior":"invalidate_license","reason":"period"}],"success":false}');
      expect((await post('garbage')).text).toBe('{"error":"license-invalid","reasons":[],"success":false}');
      expect(s.state.licenseAdds).toBe(0);
    });

    itIf(e.validate)('V5/V6: not ready, no auth, no permission', async () => {
      const s = await sim({ version, siteUrl: '' });
      s.state.siteUrl = '';
      const lic = await signV3(licenses.boundTo('x'));
      expect((await call(s, 'POST', '/api/v1/licenses.validate', { auth: s.login('admin'), body: { license: lic } })).json).toEqual({ success: false, error: 'Not ready for validation' });
      expect((await call(s, 'POST', '/api/v1/licenses.validate', { body: { license: lic } })).status).toBe(401);
      expect((await call(s, 'POST', '/api/v1/licenses.validate', { auth: s.login('jo'), body: { license: lic } })).status).toBe(403);
    });

    itIf(!e.validate)('V7: before 8.7 the endpoint does not exist: no JSON (404 text from 7.0, the web app before)', async () => {
      const s = await sim({ version });
      const r = await call(s, 'POST', '/api/v1/licenses.validate', { auth: s.login('admin'), body: { license: 'x' } });
      expect([r.status, r.json]).toEqual([e.restivus ? 405 : 404, null]);
    });
  });

  describe('licenses.info', () => {
    itIf(e.info)('I1: admin, valid license, loadValues → license, limits with values, hasValidLicense from 8.3', async () => {
      const s = await sim({ version, usage: { activeUsers: 12 } });
      const auth = s.login('admin');
      await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await goodLicense(s, version, { activeUsers: 200 }) } });
      await s.settled();
      const r = await call(s, 'GET', '/api/v1/licenses.info?loadValues=true', { auth });
      const info = (r.json as { license: Record<string, unknown> }).license;
      expect(Object.keys(info)).toEqual(['license', 'activeModules', ...(e.v83 ? ['externalModules'] : []), 'preventedActions', 'limits', 'tags', 'trial', ...(e.v83 ? ['hasValidLicense'] : [])]);
      expect(info.limits).toMatchObject({ activeUsers: { value: 12, max: 200 } });
      expect(info.activeModules).toEqual(expect.arrayContaining(['auditing']));
      if (e.v83) expect(info.hasValidLicense).toBe(true);
    });

    itIf(e.info)('I2/I3: no valid license; non-admin view', async () => {
      const s = await sim({ version });
      const admin = await call(s, 'GET', '/api/v1/licenses.info', { auth: s.login('admin') });
      expect((admin.json as { license: unknown }).license).toEqual({
        activeModules: [],
        ...(e.v83 ? { externalModules: [] } : {}),
        preventedActions: { activeUsers: false, guestUsers: false, roomsPerGuest: false, privateApps: false, marketplaceApps: false, monthlyActiveContacts: false },
        limits: { activeUsers: { max: -1 }, guestUsers: { max: -1 }, privateApps: { max: 3 }, marketplaceApps: { max: 5 }, monthlyActiveContacts: { max: -1 } },
        tags: [],
        trial: false,
        ...(e.v83 ? { hasValidLicense: false } : {}),
      });
      const user = await call(s, 'GET', '/api/v1/licenses.info', { auth: s.login('jo') });
      expect((user.json as { license: { limits: unknown } }).license.limits).toEqual({});
      expect((await call(s, 'GET', '/api/v1/licenses.info')).status).toBe(401); // I4
    });

    itIf(e.info)('I5: loadValues=yes → 400 with the era body', async () => {
      const s = await sim({ version });
      const r = await call(s, 'GET', '/api/v1/licenses.info?loadValues=yes', { auth: s.login('admin') });
      expect(r.status).toBe(400);
      expect(r.text).toBe(
        e.e
          ? '{"success":false,"errorType":"error-invalid-params","error":"must be boolean"}'
          : '{"success":false,"error":"must be boolean [invalid-params]","errorType":"invalid-params"}',
      );
    });

    itIf(!e.info)('I6: before 6.5 the endpoint does not exist: the web app answers its HTML page', async () => {
      const s = await sim({ version });
      const r = await call(s, 'GET', '/api/v1/licenses.info', { auth: s.login('admin') });
      expect([r.status, r.json, r.headers.get('content-type')]).toEqual([200, null, 'text/html; charset=utf-8']);
    });
  });

  describe('legacy license endpoints', () => {
    itIf(e.legacy)('G1–G3: licenses.get lists only valid licenses; isEnterprise for any user', async () => {
      const s = await sim({ version });
      const admin = s.login('admin');
      expect((await call(s, 'GET', '/api/v1/licenses.get', { auth: admin })).text).toBe('{"licenses":[],"success":true}');
      expect((await call(s, 'GET', '/api/v1/licenses.get', { auth: s.login('jo') })).text).toBe('{"success":false,"error":"unauthorized"}');
      await call(s, 'POST', '/api/v1/licenses.add', { auth: admin, body: { license: await goodLicense(s, version) } });
      await s.settled();
      const list = (await call(s, 'GET', '/api/v1/licenses.get', { auth: admin })).json as { licenses: unknown[] };
      expect(list.licenses).toHaveLength(1);
    });

    itIf(e.isEnterprise)('G3: licenses.isEnterprise for any user (5.0 – 6.x)', async () => {
      const s = await sim({ version });
      await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await goodLicense(s, version) } });
      await s.settled();
      expect((await call(s, 'GET', '/api/v1/licenses.isEnterprise', { auth: s.login('jo') })).text).toBe('{"isEnterprise":true,"success":true}');
    });

    itIf(e.legacy && !e.isEnterprise)('licenses.isEnterprise does not exist before 5.0: the web app answers with its page', async () => {
      const s = await sim({ version });
      const r = await call(s, 'GET', '/api/v1/licenses.isEnterprise', { auth: s.login('admin') });
      expect([r.status, r.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(r.json).toBeNull();
    });

    itIf(!e.legacy)('licenses.get and licenses.isEnterprise are gone from 7.0', async () => {
      const s = await sim({ version });
      for (const route of ['licenses.get', 'licenses.isEnterprise']) {
        const r = await call(s, 'GET', `/api/v1/${route}`, { auth: s.login('admin') });
        expect([r.status, r.text, r.headers.get('content-type')]).toEqual([404, '404 Not Found', 'text/plain; charset=UTF-8']);
      }
    });

    itIf(e.v40)('G4: licenses.maxActiveUsers', async () => {
      const s = await sim({ version, usage: { activeUsers: 12 } });
      const auth = s.login('jo');
      expect((await call(s, 'GET', '/api/v1/licenses.maxActiveUsers', { auth })).text).toBe('{"maxActiveUsers":null,"activeUsers":12,"success":true}');
      await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await goodLicense(s, version, { activeUsers: 200 }) } });
      await s.settled();
      expect((await call(s, 'GET', '/api/v1/licenses.maxActiveUsers', { auth })).text).toBe('{"maxActiveUsers":200,"activeUsers":12,"success":true}');
    });
  });

  describe('authentication', () => {
    const fail = (error: string | number, message: string, details?: unknown) =>
      JSON.stringify(e.restivus ? { status: 'error', error, ...(details ? { details } : {}), message } : { success: false, error, status: 'error', ...(details ? { details } : {}), message });

    it('L1/L9/M1: user, username and email logins; resume; /me', async () => {
      const s = await sim({ version });
      for (const body of [{ user: 'admin', password: 'admin-pass' }, { username: 'admin', password: 'admin-pass' }, { email: 'admin@acme.example', password: 'admin-pass' }]) {
        const r = await call(s, 'POST', '/api/v1/login', { body });
        expect(r.status).toBe(200);
        const j = r.json as { status: string; data: { userId: string; authToken: string; me: { username: string } }; success?: boolean };
        expect(j.status).toBe('success');
        expect(j.data.userId).toBe('admin-id-0001');
        expect(j.data.me.username).toBe('admin');
        expect('success' in j).toBe(!e.restivus);
        expect(Object.keys(j).at(-1)).toBe(e.restivus ? 'data' : 'success');
      }
      const first = (await call(s, 'POST', '/api/v1/login', { body: { user: 'admin', password: 'admin-pass' } })).json as { data: { authToken: string } };
      const resumed = await call(s, 'POST', '/api/v1/login', { body: { resume: first.data.authToken } });
      expect(resumed.status).toBe(200);
      const meR = await call(s, 'GET', '/api/v1/me', { auth: { userId: 'admin-id-0001', authToken: first.data.authToken } });
      expect(meR.json).toMatchObject({ _id: 'admin-id-0001', username: 'admin', roles: ['user', 'admin'], success: true });
      expect((await call(s, 'GET', '/api/v1/me', { auth: { userId: 'admin-id-0001', authToken: 'nope' } })).status).toBe(401); // M2
    });

    it('L2/L3/L7: wrong password, unknown user, blocked user → 401', async () => {
      const s = await sim({ version });
      const login = (body: unknown) => call(s, 'POST', '/api/v1/login', { body });
      const wrong = await login({ user: 'admin', password: 'nope' });
      expect([wrong.status, wrong.text]).toEqual([401, fail(403, 'Incorrect password')]);
      const unknown = await login({ user: 'ghost', password: 'x' });
      expect([unknown.status, unknown.text]).toEqual([401, fail('Unauthorized', 'Unauthorized')]);
      const blocked = await login({ user: 'locked', password: 'locked-pass' });
      expect(blocked.status).toBe(401);
      expect(blocked.text).toBe(fail('error-login-blocked-for-user', 'Login has been temporarily blocked For User', { function: 'Accounts.validateLoginAttempt' }));
    });

    it('L4/L5: TOTP required, then invalid, then accepted from the body or the x-2fa-code header', async () => {
      const s = await sim({ version });
      const body = { user: 'tech', password: 'tech-pass' };
      const none = await call(s, 'POST', '/api/v1/login', { body });
      expect([none.status, none.text]).toEqual([401, fail('totp-required', 'TOTP Required', { method: 'totp', availableMethods: ['totp'] })]);
      const bad = await call(s, 'POST', '/api/v1/login', { body: { ...body, code: '000000' } });
      expect([bad.status, bad.text]).toEqual([401, fail('totp-invalid', 'TOTP Invalid', { method: 'totp' })]);
      expect((await call(s, 'POST', '/api/v1/login', { body: { ...body, code: s.totp('tech') } })).status).toBe(200);
      expect((await call(s, 'POST', '/api/v1/login', { body, headers: { 'x-2fa-code': s.totp('tech') } })).status).toBe(200);
    });

    it('L6: e-mail 2FA sends a code on the first attempt; dashes are ignored', async () => {
      const s = await sim({ version });
      const body = { user: 'mailer', password: 'mailer-pass' };
      const first = await call(s, 'POST', '/api/v1/login', { body });
      expect(first.text).toBe(fail('totp-required', 'TOTP Required', { method: 'email', emailOrUsername: 'mailer', codeGenerated: true, availableMethods: ['email'] }));
      const { code, expires } = s.state.emailCodes.get('mailer')!;
      // EmailCheck.processInvalidCode: an unexpired code is reused, not mailed again.
      const again = await call(s, 'POST', '/api/v1/login', { body });
      expect(again.text).toBe(
        fail('totp-required', 'TOTP Required', { method: 'email', emailOrUsername: 'mailer', codeGenerated: false, codeExpires: expires.toISOString(), availableMethods: ['email'] }),
      );
      expect(s.state.emailCodes.get('mailer')?.code).toBe(code);
      expect((await call(s, 'POST', '/api/v1/login', { body: { ...body, code: `${code.slice(0, 3)}-${code.slice(3)}` } })).status).toBe(200);
    });

    it('L6: an expired e-mail code is not accepted and a new one is mailed', async () => {
      const s = await sim({ version });
      const body = { user: 'mailer', password: 'mailer-pass' };
      await call(s, 'POST', '/api/v1/login', { body });
      const { code } = s.state.emailCodes.get('mailer')!;
      s.setClockOffset(3601_000);
      expect((await call(s, 'POST', '/api/v1/login', { body: { ...body, code } })).status).toBe(401);
      const fresh = await call(s, 'POST', '/api/v1/login', { body });
      expect(fresh.json).toMatchObject({ details: { codeGenerated: true } });
    });

    it('L8: the 11th login within a minute from one address → 429', async () => {
      const s = await sim({ version });
      let last;
      for (let i = 0; i < 11; i++) last = await call(s, 'POST', '/api/v1/login', { body: { user: 'admin', password: 'admin-pass' } });
      expect(last!.status).toBe(429);
      expect(last!.headers.get('x-ratelimit-limit')).toBe('10');
    });

    it('O1: logout revokes the token', async () => {
      const s = await sim({ version });
      const auth = s.login('admin');
      const r = await call(s, 'POST', '/api/v1/logout', { auth });
      expect(r.status).toBe(200);
      // 7.4+ answers an empty body (Rocket.Chat issue #35922).
      expect(r.text).toBe(e.v74 ? '' : '{"status":"success","data":{"message":"You\'ve been logged out!"}}');
      expect((await call(s, 'GET', '/api/v1/me', { auth })).status).toBe(401);
    });

    it('P1/P2: personal access tokens need a 2FA code; the token then works as X-Auth-Token', async () => {
      const s = await sim({ version });
      const auth = s.login('admin');
      const p1 = await call(s, 'POST', '/api/v1/users.generatePersonalAccessToken', { auth, body: { tokenName: 'tech', bypassTwoFactor: true } });
      expect(p1.status).toBe(400);
      expect(p1.text).toBe('{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"password","codeGenerated":false,"availableMethods":[]}}');
      const p2 = await call(s, 'POST', '/api/v1/users.generatePersonalAccessToken', {
        auth,
        body: { tokenName: 'tech', bypassTwoFactor: true },
        headers: { 'x-2fa-code': createHash('sha256').update('admin-pass').digest('hex'), 'x-2fa-method': 'password' },
      });
      const token = (p2.json as { token: string }).token;
      expect(p2.json).toEqual({ token: expect.any(String), success: true });
      expect((await call(s, 'GET', '/api/v1/me', { auth: { userId: 'admin-id-0001', authToken: token } })).status).toBe(200);
    });
  });

  describe('/api/info', () => {
    it('N1–N4: public shape per era; admins see the full version', async () => {
      const s = await sim({ version, cloudWorkspaceId: e.v86 ? 'ws-1' : undefined });
      const short = version.replace(/(\d+\.\d+).*/, '$1');
      const pub = (await call(s, 'GET', '/api/info')).json as Record<string, unknown>;
      const host = s.url.replace(/^https?:\/\//, '');
      if (e.v86) {
        expect(pub).toEqual({
          workspaceUrl: host,
          hashedWorkspaceUrl: createHash('sha256').update(host).digest('hex'),
          version: short,
          minimumClientVersions: expect.any(Object),
          cloudWorkspaceId: 'ws-1',
          success: true,
        });
        expect(Object.keys(pub)).toEqual(['workspaceUrl', 'hashedWorkspaceUrl', 'version', 'minimumClientVersions', 'cloudWorkspaceId', 'success']);
      } else if (e.info) {
        expect(pub).toEqual({ version: short, minimumClientVersions: expect.any(Object), success: true });
      } else if (version.startsWith('3.')) {
        expect(pub).toEqual({ version, success: true });
      } else {
        expect(pub).toEqual({ version: short, success: true });
      }
      const admin = (await call(s, 'GET', '/api/info', { auth: s.login('admin') })).json as { version?: string; info: { version: string } };
      expect(admin.info.version).toBe(version);
      if (e.info) expect(admin.version).toBe(version);
    });
  });
});

describe('background apply (spec §1.2)', () => {
  it('checks periods against the simulated clock, not the machine clock', async () => {
    const s = await sim({ version: '8.8.0', clock: { offsetMs: 60 * 86400000 } });
    const host = s.url.replace(/^https?:\/\//, '');
    const lic = await signV3(licenseV3Payload({ url: host, validUntil: new Date(Date.now() + 30 * 86400000) }));
    const r = await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: lic } });
    expect(Date.parse(r.headers.get('date')!)).toBeGreaterThan(Date.now() + 59 * 86400000);
    await s.settled();
    expect(s.state.active).toBeNull();
    expect(s.state.log.join('\n')).toMatch(/Period validation failed/);
  });

  it('rejects a license over an invalidating seat limit, and a rejected license leaves no active license', async () => {
    const s = await sim({ version: '8.8.0', usage: { activeUsers: 30 } });
    const host = s.url.replace(/^https?:\/\//, '');
    const auth = s.login('admin');
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await signV3(licenses.boundTo(host)) } });
    await s.settled();
    expect(s.state.status).toBe('Valid');
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await signV3(licenses.seats(host, 25)) } });
    await s.settled();
    expect(s.state.active).toBeNull();
    expect(s.state.status).toBe('Invalid');
    expect(s.state.log.join('\n')).toMatch(/Limit validation failed.*activeUsers/);
  });

  it('keeps the untrimmed setting but applies the trimmed license', async () => {
    const s = await sim({ version: '8.8.0' });
    const lic = await goodLicense(s, '8.8.0');
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: `${lic}\n` } });
    await s.settled();
    expect(s.state.setting).toBe(`${lic}\n`);
    expect(s.state.active?.text).toBe(lic);
  });

  it('serves a sub-path deployment under its path', async () => {
    const s = await sim({ version: '8.8.0', basePath: '/chat' });
    expect(s.url).toMatch(/\/chat$/);
    expect(((await call(s, 'GET', '/api/info')).json as { workspaceUrl: string }).workspaceUrl).toMatch(/^127\.0\.0\.1:\d+\/chat$/);
    expect((await fetch(s.origin + '/api/info')).status).toBe(404);
  });
});

describe('faults on demand', () => {
  it('an HTML 502 page, malformed JSON, a 500, a redirect, a dropped connection, a delay', async () => {
    const s = await sim();
    s.setFault({ kind: 'html502' });
    const html = await call(s, 'GET', '/api/info');
    expect([html.status, html.headers.get('content-type'), html.text]).toEqual([502, 'text/html', expect.stringContaining('502 Bad Gateway')]);
    s.setFault({ kind: 'malformed' });
    expect((await call(s, 'GET', '/api/info')).text).toBe('{"success":tr');
    s.setFault({ kind: 'error500' });
    expect((await call(s, 'GET', '/api/info')).status).toBe(500);
    s.setFault({ kind: 'redirect', location: 'http://elsewhere.invalid/api/info' });
    const redirect = await call(s, 'GET', '/api/info');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, 'http://elsewhere.invalid/api/info']);
    s.setFault({ kind: 'drop' });
    await expect(call(s, 'GET', '/api/info')).rejects.toThrow();
    s.setFault({ kind: 'delay', ms: 150, times: 1 });
    const t = Date.now();
    expect((await call(s, 'GET', '/api/info')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    expect((await call(s, 'GET', '/api/info')).status).toBe(200);
  });

  it('records every request with its headers and parsed body', async () => {
    const s = await sim();
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: 'x' } });
    expect(s.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/licenses.add', body: { license: 'x' }, headers: { 'x-user-id': 'admin-id-0001' } });
  });
});

describe('TLS', () => {
  async function peerFingerprint(port: number, ca: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
        const fp = socket.getPeerX509Certificate()!.fingerprint256.replace(/:/g, '').toLowerCase();
        socket.end();
        resolve(fp);
      });
      socket.on('error', reject);
    });
  }

  it('serves a self-signed certificate and swaps it at runtime', async () => {
    const s = await sim({ tls: true });
    const first = s.certificate!;
    expect(s.url).toMatch(/^https:/);
    expect(await peerFingerprint(s.port, first.cert)).toBe(first.fingerprint256);
    await expect(fetch(s.url + '/api/info')).rejects.toThrow();
    const trusted = await call(s, 'GET', '/api/info', { dispatcher: new Agent({ connect: { ca: first.cert } }) });
    expect(trusted.status).toBe(200);
    const second = await selfSignedCert();
    s.setCertificate(second);
    expect(await peerFingerprint(s.port, second.cert)).toBe(second.fingerprint256);
    expect(second.fingerprint256).not.toBe(first.fingerprint256);
  });

  it('serves a certificate signed by a test CA', async () => {
    const ca = await testCa();
    const cert = await caSignedCert(ca);
    const s = await sim({ tls: { cert } });
    expect(new X509Certificate(cert.cert).verify(new X509Certificate(ca.cert).publicKey)).toBe(true);
    const r = await call(s, 'GET', '/api/info', { dispatcher: new Agent({ connect: { ca: ca.cert } }) });
    expect(r.status).toBe(200);
  });
});

describe('unknown routes are never JSON (spec §5.11)', () => {
  it('7.0+: the router answers a plain-text 404', async () => {
    const s = await sim({ version: '7.10.0' });
    const r = await call(s, 'POST', '/api/v1/nothing.here', { auth: s.login('admin'), body: {} });
    expect([r.status, r.text]).toEqual([404, '404 Not Found']);
  });

  it('≤6.x: a GET falls through to the web app (HTML 200), another method gets an empty 405', async () => {
    const s = await sim({ version: '6.3.0' });
    const get = await call(s, 'GET', '/api/v1/nothing.here', { auth: s.login('admin') });
    expect([get.status, get.json, get.text]).toEqual([200, null, expect.stringContaining('<title>Rocket.Chat</title>')]);
    const post = await call(s, 'POST', '/api/v1/licenses.validate', { auth: s.login('admin'), body: { license: 'x' } });
    expect([post.status, post.text]).toEqual([405, '']);
  });
});

describe('what the server does with a V2 license, era by era', () => {
  const v2For = (s: Simulator, o: Parameters<typeof licenseV2Payload>[0] = {}) => signV2(licenseV2Payload({ url: s.url.replace(/^https?:\/\//, ''), ...o }));

  // ee/packages/license/src/v2/convertToV3.ts, every release from 6.5.0: 'hide-watermark' always
  // (6.5.0-rc.4 … 6.14.0-develop, hmchangw/Rocket.Chat); 8.8 also 'teams-voip' and 'contact-id-verification' (spec §5.3).
  it.each([
    ['6.5.1', ['auditing', 'hide-watermark']],
    ['7.10.0', ['auditing', 'hide-watermark']],
    ['8.8.0', ['auditing', 'contact-id-verification', 'hide-watermark', 'teams-voip']],
  ])('%s shows it converted: regex URL, ISO instants, the always-granted modules added', async (version, modules) => {
    const s = await sim({ version });
    const auth = s.login('admin');
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await v2For(s, { expiry: '2031-01-01', modules: ['auditing'] }) } });
    await s.settled();
    const info = (await call(s, 'GET', '/api/v1/licenses.info', { auth })).json as { license: { license: V3 } };
    const l = info.license.license;
    expect(l.validation.serverUrls).toEqual([{ value: s.url.replace(/^https?:\/\//, ''), type: 'regex' }]);
    expect(l.validation.validPeriods).toEqual([{ validUntil: '2031-01-01T00:00:00.000Z', invalidBehavior: 'invalidate_license' }]);
    expect(l.information.visualExpiration).toBe('2031-01-01T00:00:00.000Z');
    expect(l.grantedModules.map((m: { module: string }) => m.module).sort()).toEqual(modules);
  });

  it.each([
    ['6.6.0', false],
    ['6.7.0', true],
    ['8.8.0', true],
  ])('%s: the enterprise bundle includes unlimited-presence: %s (6.7.0 added it to bundles.ts)', async (version, has) => {
    const s = await sim({ version });
    const auth = s.login('admin');
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await v2For(s, { modules: ['enterprise:*'] }) } });
    await s.settled();
    const info = (await call(s, 'GET', '/api/v1/licenses.info', { auth })).json as { license: { license: V3 } };
    const granted = info.license.license.grantedModules.map((m: { module: string }) => m.module);
    expect(granted).toContain('custom-roles');
    expect(granted.includes('unlimited-presence')).toBe(has);
  });

  it.each(['3.10.5', '3.18.0'])('%s invalidates it when active users exceed maxActiveUsers (logged from 3.13)', async (version) => {
    const s = await sim({ version, usage: { activeUsers: 30 } });
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await v2For(s, { maxActiveUsers: 25 }) } });
    await s.settled();
    expect(s.state.active).toBeNull();
    expect(s.state.status).toBe('Valid'); // the old engine's status is not to be trusted
    if (version === '3.18.0') expect(s.state.log).toContain('#### License error: over seats, max allowed 25, current active users 30');
    else expect(s.state.log.join('\n')).not.toMatch(/License error/);
    // …and has no licenses.maxActiveUsers (4.0+) to read usage with: the web app answers.
    expect((await call(s, 'GET', '/api/v1/licenses.maxActiveUsers', { auth: s.login('admin') })).json).toBeNull();
  });

  it('4.0+ no longer counts seats on apply, and logs why a URL fails', async () => {
    const s = await sim({ version: '4.0.0', usage: { activeUsers: 30 } });
    const auth = s.login('admin');
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await v2For(s, { maxActiveUsers: 25 }) } });
    await s.settled();
    expect(s.state.active).not.toBeNull();
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await signV2(licenseV2Payload({ url: 'other.example' })) } });
    await s.settled();
    expect(s.state.log.join('\n')).toMatch(/#### License error: invalid url, licensed to other\.example/);
  });
});

describe('the stored license setting (spec §5.11)', () => {
  it('an admin reads Enterprise_License as stored; a non-admin gets 403', async () => {
    const s = await sim({ version: '8.8.0' });
    const lic = await goodLicense(s, '8.8.0');
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: lic } });
    expect((await call(s, 'GET', '/api/v1/settings/Enterprise_License', { auth: s.login('admin') })).json).toEqual({ _id: 'Enterprise_License', value: lic, success: true });
    expect((await call(s, 'GET', '/api/v1/settings/Enterprise_License', { auth: s.login('jo') })).status).toBe(403);
  });

  it.each(['6.3.0', '8.8.0'])('%s: the same text again writes nothing, so a rejected license is not checked again', async (version) => {
    const s = await sim({ version, siteUrl: 'https://wrong.example/' });
    const lic = await goodLicense(s, version);
    const auth = s.login('admin');
    expect((await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: lic } })).status).toBe(200);
    await s.settled();
    expect(s.state.active).toBeNull();
    s.state.siteUrl = `${s.url}/`; // the Site URL is fixed…
    const again = await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: lic } });
    expect(again.text).toBe('{"success":true}');
    await s.settled();
    expect(s.state.active).toBeNull(); // …but only a restart checks the stored license again
    await s.restart();
    expect(s.state.active?.text).toBe(lic);
  });

  it('≤6.4: a rejected license leaves the old one active until Rocket.Chat restarts', async () => {
    const s = await sim({ version: '6.3.0' });
    const auth = s.login('admin');
    const good = await goodLicense(s, '6.3.0');
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: good } });
    await s.settled();
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await signV2(licenseV2Payload({ url: 'other.example' })) } });
    await s.settled();
    expect(s.state.active?.text).toBe(good);
    await s.restart();
    expect(s.state.active).toBeNull();
  });

  it('6.5+: a rejected license leaves nothing active at once', async () => {
    const s = await sim({ version: '7.10.0' });
    const auth = s.login('admin');
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await goodLicense(s, '7.10.0') } });
    await s.settled();
    await call(s, 'POST', '/api/v1/licenses.add', { auth, body: { license: await signV3(licenses.boundTo('other.example')) } });
    await s.settled();
    expect(s.state.active).toBeNull();
  });
});


describe("the server's log over REST: GET /api/v1/stdout.queue (spec §5.12)", () => {
  type Entry = { id: string; string: string; ts: string };
  const queue = async (s: Simulator, user = 'admin') => call(s, 'GET', '/api/v1/stdout.queue', { auth: s.login(user) });
  const lines = async (s: Simulator) => ((await queue(s)).json as { queue: Entry[] }).queue.map((e) => e.string);

  it('6.5 – 7.x: one pino JSON line per event, only warn and above — the rejection with its reason, never the info lines', async () => {
    for (const version of ['6.5.1', '7.10.0']) {
      const s = await sim({ version, siteUrl: 'https://chat.plant7.lan/' });
      await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await signV3(licenses.boundTo('other.example')) } });
      await s.settled();
      const json = (await lines(s)).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      const failed = json.find((l) => l.msg === 'Url validation failed')!;
      expect(failed, version).toMatchObject({ level: 50, name: 'License', url: { value: 'other.example', type: 'url' }, workspaceUrl: 'chat.plant7.lan' });
      expect(Date.parse(String(failed.time))).toBeGreaterThan(0);
      expect(json.map((l) => l.msg)).not.toContain('New Enterprise License');
      expect((await lines(s)).every((l) => l.endsWith('\n'))).toBe(true);
    }
  });

  it('6.5+: success is the startup line "License installed" with the last 8 characters of the license', async () => {
    const s = await sim({ version: '7.10.0' });
    const lic = await signV3(licenses.boundTo(s.url.replace(/^https?:\/\//, '')));
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: lic } });
    await s.settled();
    const installed = (await lines(s)).map((l) => (l.startsWith('{') ? JSON.parse(l) : {})).find((l) => l.msg === 'License installed');
    expect(installed).toMatchObject({ level: 51, hash: lic.slice(-8) });
  });

  it('6.5+: a license that fails to decrypt at apply logs "Invalid raw license" with the whole text, as the real server does', async () => {
    const s = await sim({ version: '7.10.0', licenseKeys: [sharedTestKeyPair().publicKeyPem] });
    const bad = 'RCV3_not.a.license';
    // Written straight into the setting: the endpoint would refuse it, a restart applies it.
    s.state.setting = bad;
    await s.restart();
    const raw = (await lines(s)).find((l) => l.includes('Invalid raw license'))!;
    expect(JSON.parse(raw)).toMatchObject({ level: 50, encryptedLicense: bad });
  });

  it('≤6.4: console lines — "New" and "validated" on stdout; the errors go to stderr and never reach the queue', async () => {
    const s = await sim({ version: '6.3.0', siteUrl: 'https://chat.plant7.lan/' });
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await signV2(licenseV2Payload({ url: 'other.example' })) } });
    await s.settled();
    const text = (await lines(s)).join('');
    expect(text).toContain('### New Enterprise License\n');
    expect(text).not.toMatch(/License error|validated/);
    expect(s.state.log.join('\n')).toMatch(/#### License error: invalid url/);
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await signV2(licenseV2Payload({ url: 'chat.plant7.lan' })) } });
    await s.settled();
    expect((await lines(s)).join('')).toMatch(/#### License validated: /);
  });

  it('gone in 8.0 (a plain-text 404); 403 without view-logs; an empty queue when the viewer is disabled', async () => {
    expect((await queue(await sim({ version: '8.0.0' }))).status).toBe(404);
    expect((await queue(await sim({ version: '8.8.0' }))).status).toBe(404);
    const old = await sim({ version: '6.3.0' });
    expect(await queue(old, 'jo')).toMatchObject({ status: 403, json: { success: false, error: 'unauthorized' } });
    expect((await queue(await sim({ version: '7.10.0' }), 'jo')).status).toBe(403);
    expect(await queue(await sim({ version: '7.10.0', logViewerDisabled: true }))).toMatchObject({ status: 200, json: { queue: [], success: true } });
  });

  it('a proxy on another host stamps Date with its clock; Rocket.Chat logs with its own', async () => {
    const s = await sim({ version: '7.10.0', dateHeaderOffsetMs: -3 * 3600_000, siteUrl: 'https://chat.plant7.lan/' });
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await signV3(licenses.boundTo('other.example')) } });
    await s.settled();
    const r = await queue(s);
    const failed = JSON.parse((r.json as { queue: Entry[] }).queue.find((e) => e.string.includes('Url validation failed'))!.string);
    const skew = Date.parse(r.headers.get('date')!) - Date.parse(failed.time);
    expect(skew).toBeLessThan(-3 * 3600_000 + 5000);
    expect(skew).toBeGreaterThan(-3 * 3600_000 - 5000);
  });

  it('a cluster: requests go to each instance in turn; each applies after its own delay and has its own queue', async () => {
    const s = await sim({ version: '7.10.0', cluster: { applyDelaysMs: [10, 400] } });
    const lic = await signV3(licenses.boundTo(s.url.replace(/^https?:\/\//, '')));
    const admin = s.login('admin');
    await call(s, 'POST', '/api/v1/licenses.add', { auth: admin, body: { license: lic } });
    await new Promise((r) => setTimeout(r, 100));
    const seen = [];
    for (let i = 0; i < 2; i++) seen.push(((await call(s, 'GET', '/api/v1/licenses.info', { auth: admin })).json as { license: { license?: unknown } }).license.license !== undefined);
    expect(seen.sort()).toEqual([false, true]);
    expect(s.state.instances.map((i) => i.queue.entries.some((e) => e.string.includes('License installed')))).toEqual([true, false]);
    await s.settled();
    expect(s.state.instances.every((i) => i.active?.text === lic)).toBe(true);
  });

  it('an answer held back after the work was done: the license is stored and applied before the reply', async () => {
    const s = await sim({ version: '8.8.0' });
    s.setFault({ kind: 'slowReply', ms: 300, match: 'licenses.add' });
    const lic = await signV3(licenses.boundTo(s.url.replace(/^https?:\/\//, '')));
    const started = Date.now();
    const reply = call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: lic } });
    await new Promise((r) => setTimeout(r, 150));
    expect(s.state.setting).toBe(lic);
    expect((await reply).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    s.setFault({ kind: 'dropAfter', match: 'licenses.add' });
    const other = await signV3(licenses.boundTo(s.url.replace(/^https?:\/\//, ''), { id: 'DROP-2' }));
    await expect(call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: other } })).rejects.toThrow();
    expect(s.state.setting).toBe(other);
    s.setFault({ kind: 'html502After', match: 'licenses.add' });
    const third = await signV3(licenses.boundTo(s.url.replace(/^https?:\/\//, ''), { id: 'PROXY-3' }));
    expect((await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: third } })).status).toBe(502);
    expect(s.state.setting).toBe(third);
  });
});

describe('the air-gapped read-only countdown (7.0+, spec §5.13)', () => {
  const ID = 'Cloud_Workspace_AirGapped_Restrictions_Remaining_Days';
  const days = async (s: Simulator) => ((await call(s, 'GET', `/api/v1/settings.public?_id=${ID}`)).json as { settings: Array<{ _id: string; value: number }> }).settings[0]?.value;

  it('7.0+ without a license: read-only at once with no stats token, 10 days from the last one; a public setting read by _id without signing in', async () => {
    expect(await days(await sim({ version: '7.10.0' }))).toBe(0);
    expect(await days(await sim({ version: '7.0.0', statsTokenAgeDays: 6 }))).toBe(4);
    expect(await days(await sim({ version: '8.8.0', statsTokenAgeDays: 1 }))).toBe(9);
    expect(await days(await sim({ version: '8.8.0', statsTokenAgeDays: 12 }))).toBe(0);
    const r = await call(await sim({ version: '7.10.0' }), 'GET', `/api/v1/settings.public?_id=${ID},Site_Name`);
    expect(r.json).toMatchObject({ settings: [{ _id: 'Site_Name' }, { _id: ID, value: 0 }], count: 2, total: 2, success: true });
  });

  it('a valid license lifts it at once (-1); a rejected replacement or a removed license brings it back', async () => {
    const s = await sim({ version: '7.10.0', siteUrl: undefined });
    const admin = s.login('admin');
    const here = s.url.replace(/^https?:\/\//, '');
    await call(s, 'POST', '/api/v1/licenses.add', { auth: admin, body: { license: await signV3(licenses.boundTo(here)) } });
    await s.settled();
    expect(await days(s)).toBe(-1);
    expect((await call(s, 'GET', `/api/v1/settings/${ID}`, { auth: admin })).json).toMatchObject({ _id: ID, value: -1 });
    await call(s, 'POST', '/api/v1/licenses.add', { auth: admin, body: { license: await signV3(licenses.boundTo('other.example')) } });
    await s.settled();
    expect(await days(s)).toBe(0);
  });

  it('before 7.0 there is no such setting', async () => {
    const r = await call(await sim({ version: '6.14.0' }), 'GET', `/api/v1/settings.public?_id=${ID}`);
    expect((r.json as { settings: Array<{ _id: string }> }).settings.map((x) => x._id)).not.toContain(ID);
  });

  it('a Site URL not set yet: a license is held as pending, not rejected', async () => {
    const s = await sim({ version: '7.10.0', siteUrl: null });
    await call(s, 'POST', '/api/v1/licenses.add', { auth: s.login('admin'), body: { license: await signV3(licenses.boundTo('chat.plant7.lan')) } });
    await s.settled();
    expect(s.state.active).toBeNull();
    expect(s.state.log).toContain('Storing license as pending validation.');
    expect(s.state.log.join('\n')).not.toMatch(/validation failed/);
  });
});
