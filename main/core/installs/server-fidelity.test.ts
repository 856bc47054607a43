// What real Rocket.Chat servers do where our first spec, simulator and client agreed and were
// wrong (spec §5.3, §5.11). Each test names the server source it follows.
import { describe, expect, it } from 'vitest';
import { licenseV2Payload, licenseV3Payload, licenses, signV2, signV3 } from '../../../e2e/simulator/license-factory';
import { inspectLicense } from '../license/license';
import { makeKey } from '../license/license-decode';
import { sharedTestKeyPair } from '../../../e2e/simulator/license-factory';
import { Transport } from '../rocketchat/http';
import { RocketChatClient } from '../rocketchat/rocketchat-client';
import { isSameLicense, sameInstant } from './same-license';
import { serverLogHint } from './server-reasons';
import { useFlowKit } from '../../../e2e/support/flow-kit';

const { sim, clientFor, load, host, adds, quick } = useFlowKit();

describe('a V2 license on a 6.5+ server (ee/packages/license/src/v2/convertToV3.ts)', () => {
  it.each(['6.5.1', '7.10.0', '8.8.0'])('%s: ends active although the server shows its expiry as an ISO instant; sent again, it is already active', async (version) => {
    const s = await sim({ version });
    const license = await load(signV2(licenseV2Payload({ url: host(s), expiry: '2031-01-01' })));
    const result = await quick({ client: clientFor(s), license });
    expect(result.outcome).toBe('active');
    expect(result.headline).toMatch(/ confirms license .*: it is in force now\.$/);
    const again = await quick({ client: clientFor(s), license });
    expect(again.outcome).toBe('already-active');
    expect(adds(s)).toHaveLength(1);
  });

  it('compares dates as instants, never as strings', () => {
    expect(sameInstant('2031-01-01', '2031-01-01T00:00:00.000Z')).toBe(true);
    expect(sameInstant('2031-01-01', '2031-01-02T00:00:00.000Z')).toBe(false);
    expect(sameInstant('not a date', 'not a date')).toBe(false);
    expect(sameInstant(undefined, '2031-01-01')).toBe(false);
  });

  it('a converted V2 license that differs in URL or expiry is not ours', async () => {
    const license = await load(signV2(licenseV2Payload({ url: 'chat.acme.example', expiry: '2031-01-01' })));
    const shown = (url: string, validUntil: string) => ({
      state: { known: true, valid: true, id: null, modules: [], tags: [], seats: null, seatsInUse: null, validUntil, trial: false, source: 'licenses.info' as const },
      usage: null,
      payload: { validation: { serverUrls: [{ value: url, type: 'regex' }], validPeriods: [{ validUntil, invalidBehavior: 'invalidate_license' }] } },
      legacy: null,
    });
    expect(isSameLicense(license, shown('chat.acme.example', '2031-01-01T00:00:00.000Z'))).toBe(true);
    expect(isSameLicense(license, shown('chat.acme.example', '2032-01-01T00:00:00.000Z'))).toBe(false);
    expect(isSameLicense(license, shown('chat.other.example', '2031-01-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('the same text again is a no-op on the server (Settings.updateValueById writes only a changed value)', () => {
  it.each(['6.3.0', '8.8.0'])('%s: a rejected license sent again sends nothing and says why; after a restart it is active', async (version) => {
    const s = await sim({ version, siteUrl: 'https://wrong.example/' });
    const text = version.startsWith('6.3') ? signV2(licenseV2Payload({ url: host(s) })) : await signV3(licenses.boundTo(host(s), { id: 'ACME-1' }));
    const license = await load(text);
    expect((await quick({ client: clientFor(s), license, force: true })).outcome).toBe('rejected');
    s.state.siteUrl = `${s.url}/`; // the technician fixes the Site URL…

    const again = await quick({ client: clientFor(s), license });
    expect(again.outcome).toBe('already-rejected');
    expect(again.error?.code).toBe('LICENSE_ALREADY_REJECTED');
    expect(again.headline).toMatch(/already stores this exact license and did not activate it/);
    expect(again.reasons.join(' ')).toMatch(/restart Rocket\.Chat/);
    expect(adds(s)).toHaveLength(1);
    expect(s.requests.some((r) => r.path.endsWith('/licenses.validate') && s.requests.indexOf(r) > s.requests.indexOf(adds(s)[0]))).toBe(false);

    // …and even "apply anyway" does not send what would change nothing.
    expect((await quick({ client: clientFor(s), license, force: true })).outcome).toBe('already-rejected');
    expect(adds(s)).toHaveLength(1);

    await s.restart();
    expect((await quick({ client: clientFor(s), license })).outcome).toBe('already-active');
  });
});

describe('a rejected license takes the working one with it (setLicenseV3 → clearLicenseData)', () => {
  it('6.5+: the confirmation and the result name the license that stops at once', async () => {
    const s = await sim({ version: '8.8.0' });
    const a = await load(await signV3(licenses.boundTo(host(s), { id: 'ACME-A', activeUsers: 120 })));
    expect((await quick({ client: clientFor(s), license: a })).outcome).toBe('active');
    const b = await load(await signV3(licenses.boundTo('chat.other.example', { id: 'ACME-B' })));
    const result = await quick({ client: clientFor(s), license: b, force: true });
    expect(result.outcome).toBe('rejected');
    expect(result.replaced?.lostWhen).toBe('now');
    expect(result.replaced?.warning).toMatch(/^Replaces ACME-A \(120 seats, until \d{4}-\d\d-\d\d\), which is active now\. If the server rejects the new license, nothing stays active/);
    expect(result.headline).toContain('ACME-A (120 seats');
    expect(result.headline).toContain('is no longer active: nothing is active now');
    expect(result.after?.valid).toBe(false);
  });

  it('≤6.4: the old license stays active until a restart, and the result says so', async () => {
    const s = await sim({ version: '6.3.0' });
    const a = await load(signV2(licenseV2Payload({ url: host(s), maxActiveUsers: 120 })));
    expect((await quick({ client: clientFor(s), license: a })).outcome).toBe('active');
    const b = await load(signV2(licenseV2Payload({ url: 'chat.other.example' })));
    const result = await quick({ client: clientFor(s), license: b, force: true });
    expect(result.outcome).toBe('rejected');
    expect(result.replaced?.lostWhen).toBe('restart');
    expect(result.headline).toMatch(/is still active, but only until Rocket\.Chat restarts/);
    expect(result.after?.valid).toBe(true);
    await s.restart();
    expect(s.state.active).toBeNull();
  });

  it('with nothing active there is nothing to lose, and nothing is said about it', async () => {
    const s = await sim({ version: '8.8.0' });
    const result = await quick({ client: clientFor(s), license: await load(await signV3(licenses.boundTo('chat.other.example'))), force: true });
    expect(result.outcome).toBe('rejected');
    expect(result.replaced).toBeNull();
    expect(result.headline).toBe('The workspace accepted the file but did not activate the license.');
  });
});

describe('servers older than the license format or the usage endpoints', () => {
  it('a V3 license is not sent to a server older than 6.5, even with force', async () => {
    const s = await sim({ version: '6.3.0' });
    const license = await load(await signV3(licenses.boundTo(host(s))));
    for (const force of [false, true]) {
      const result = await quick({ client: clientFor(s), license, force });
      expect(result.outcome).toBe('blocked');
      expect(result.error?.code).toBe('LICENSE_NEEDS_NEWER_SERVER');
      expect(result.reasons[0]).toBe('This license format (V3) needs Rocket.Chat 6.5 or later; this workspace runs 6.3.0. Upgrade the workspace first: an older server cannot read this license at all.');
    }
    expect(adds(s)).toHaveLength(0);
  });

  it('3.10–3.18: the limits check says the seat count decides and cannot be read', async () => {
    const text = signV2(licenseV2Payload({ url: 'chat.acme.example', maxActiveUsers: 25 }));
    const keys = [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];
    const facts = (serverVersion: string) => ({ workspaceUrl: 'chat.acme.example', workspaceUrlSource: 'server' as const, serverTime: null, localTime: new Date().toISOString(), usage: null, serverVersion });
    const old = (await inspectLicense(text, { keys, facts: facts('3.18.0') })).checks.find((c) => c.name === 'limits');
    expect(old).toMatchObject({ status: 'unknown', message: expect.stringMatching(/^Rocket\.Chat 3\.18\.0 rejects this license if more than 25 users are active, and this version cannot report how many are/) });
    const newer = (await inspectLicense(text, { keys, facts: facts('4.0.0') })).checks.find((c) => c.name === 'limits');
    expect(newer?.message).not.toMatch(/rejects this license/);
  });

  it('3.10: a rejection on a version that logs nothing points at the facts to compare, not at the log', async () => {
    const s = await sim({ version: '3.10.5', usage: { activeUsers: 30 } });
    const result = await quick({ client: clientFor(s), license: await load(signV2(licenseV2Payload({ url: host(s), maxActiveUsers: 25 }))), force: true });
    // Nothing in 3.10 can say "rejected" (it logs neither "validated" nor a reason): elapsed time
    // ends the wait as "not active", with the facts to compare.
    expect(result.outcome).toBe('not-active');
    expect(result.reasons).toContain("This Rocket.Chat version does not log why a license is rejected: compare its Site URL, its date and its number of active users with the license.");
    expect(s.requests.some((r) => r.path.endsWith('/licenses.maxActiveUsers') || r.path.endsWith('/licenses.isEnterprise'))).toBe(false);
  });

  it('the server-log hint follows the era (spec §5.10, §5.11)', () => {
    expect(serverLogHint({ major: 8, minor: 8 })).toMatch(/Url validation failed/);
    expect(serverLogHint({ major: 6, minor: 4 })).toMatch(/#### License error: invalid url/);
    expect(serverLogHint({ major: 6, minor: 4 })).not.toMatch(/over seats/);
    expect(serverLogHint({ major: 3, minor: 13 })).toMatch(/over seats/);
    expect(serverLogHint({ major: 3, minor: 12 })).toMatch(/does not log why/);
  });

  it('4.x: a non-admin gets an unknown state, without asking for licenses.isEnterprise (5.0+)', async () => {
    const s = await sim({ version: '4.8.0' });
    const state = await clientFor(s, 'jo').licenseState((await clientFor(s, 'jo').info()).capabilities);
    expect(state.state).toMatchObject({ known: false, valid: null, source: 'none' });
    expect(s.requests.some((r) => r.path.endsWith('/licenses.isEnterprise'))).toBe(false);
  });
});

describe('answers that are not JSON (spec §5.11)', () => {
  it.each([
    ['6.3.0', 'the web app (empty 405 to a POST)'],
    ['7.10.0', "the router's plain-text 404"],
  ])('%s: licenses.validate that is not there is "no such endpoint", not "not Rocket.Chat" (%s)', async (version) => {
    const s = await sim({ version });
    expect(await clientFor(s).validate('x')).toBeNull();
  });

  it('≤6.x: an API GET that falls through to the web app is a missing endpoint', async () => {
    const s = await sim({ version: '6.3.0' });
    const client = clientFor(s);
    await expect(client.licenseState({ ...(await client.info()).capabilities, licensesInfo: true })).rejects.toMatchObject({
      code: 'SERVER_ERROR',
      detail: 'This server has no licenses.info endpoint.',
    });
  });

  it.each(['7.3.0', '7.10.0', '8.8.0'])('%s: logout succeeds whatever the 2xx body (empty from 7.4, issue #35922)', async (version) => {
    const s = await sim({ version });
    const client = clientFor(s);
    await expect(client.logout()).resolves.toBeUndefined();
    await expect(client.me()).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('a blocked account is told apart from a wrong password', async () => {
    const s = await sim({ version: '8.8.0' });
    const client = new RocketChatClient(new Transport({ baseUrl: s.url, timeoutMs: 5000 }));
    await expect(client.login('locked', 'locked-pass')).rejects.toMatchObject({ code: 'AUTH_BLOCKED', detail: 'This account is blocked for now.' });
    await client.transport.close();
  });
});

describe('the stored license (GET settings/Enterprise_License, view-privileged-setting)', () => {
  it('an admin reads it exactly as stored; a non-admin gets a reason, not an error', async () => {
    const s = await sim({ version: '8.8.0' });
    const text = await signV3(licenseV3Payload({ url: host(s) }));
    expect(await clientFor(s).storedLicense()).toEqual({ readable: true, value: '' });
    await quick({ client: clientFor(s), license: await load(text) });
    expect(await clientFor(s).storedLicense()).toEqual({ readable: true, value: text });
    expect(await clientFor(s, 'jo').storedLicense()).toEqual({ readable: false, reason: expect.stringContaining('view-privileged-setting') });
  });
});
