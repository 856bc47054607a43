// `rc-license status`, era by era: is this workspace all right? Its version and Site URL, its license
// in detail, the air-gapped read-only countdown (7.0+, AirGappedRestriction.ts), its clock.
import { describe, expect, it } from 'vitest';
import { licenses, signV3 } from '../../e2e/simulator/license-factory';
import { cliKit, flat, host, rowOf } from '../../e2e/support/cli-kit';
import type { Simulator } from '../../e2e/simulator/simulator';

const { sim, cli, home } = cliKit();

const asAdmin = (s: Simulator) => {
  const { userId, authToken } = s.login('admin');
  return { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } };
};
const row = (out: string, name: string) => rowOf(out, name);

describe('rc-license status: the read-only countdown', () => {
  it('7.10 without a license or a stats token: read-only now, even before signing in, and what signing in adds', async () => {
    const s = await sim({ version: '7.10.0' });
    const r = await cli(['status', '--server', s.url]);
    expect(r.code).toBe(0);
    expect(row(r.stdout, 'Read-only')).toBe('Read-only now: users can read rooms but cannot send, edit or upload. Any valid license lifts it at once.');
    expect(row(r.stdout, 'License')).toBe('Not known: sign in to see the license, its limits and their use.');
    const j = await cli(['status', '--server', s.url, '--json']);
    expect(j.json).toMatchObject({ ok: true, restriction: { phase: 'read-only', remainingDays: 0, source: 'settings.public' }, licenseDetail: { state: 'unknown' } });
  });

  it('7.10: apply says what the license will do and that it lifted it; status then no longer says read-only', async () => {
    const s = await sim({ version: '7.10.0' });
    const lic = await signV3(licenses.boundTo(host(s), { id: 'LIFT-1' }));
    const h = home();
    const r = await cli(['apply', '-', '--server', s.url, '--yes'], { ...asAdmin(s), stdin: lic, home: h });
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain('This workspace is read-only now (users cannot send, edit or upload); this license lifts it as soon as the server accepts it.');
    expect(flat(r.stdout)).toContain("Read-only mode: read-only → lifted: users can send messages again (the server's own setting says so).");
    const after = await cli(['status', '--server', s.url], asAdmin(s));
    expect(row(after.stdout, 'Read-only')).toBe('No read-only countdown: users can send messages.');
    const json = await cli(['apply', '-', '--server', s.url, '--yes', '--json'], { ...asAdmin(s), stdin: lic });
    expect(json.json).toMatchObject({ result: 'already-active', restriction: { before: { phase: 'none' }, after: null } });
    expect((await cli(['history'], { home: h })).stdout).toMatch(/^\s{17}read-only mode: read-only → lifted$/m);
  });

  it('7.10 with a 6-day-old stats token: 4 days left', async () => {
    const s = await sim({ version: '7.10.0', statsTokenAgeDays: 6 });
    const r = await cli(['status', '--server', s.url], asAdmin(s));
    expect(row(r.stdout, 'Read-only')).toMatch(/^Read-only in 4 days: then users can read rooms but cannot send, edit or upload\./);
    expect(row(r.stdout, 'License')).toBe('None: no license is active.');
    expect((await cli(['status', '--server', s.url, '--json'], asAdmin(s))).json).toMatchObject({ restriction: { phase: 'warning', remainingDays: 4 }, licenseDetail: { state: 'none' } });
  });

  it('8.8 with a valid offline license: no countdown, the license with limits in use, modules and what offline turns off', async () => {
    const t = await sim({ version: '8.8.0', usage: { activeUsers: 87 } });
    const bound = await signV3(licenses.boundTo(host(t), { id: 'STATUS-88', activeUsers: 150, validUntil: new Date(Date.now() + 40.5 * 86_400_000) }));
    expect((await cli(['apply', '-', '--server', t.url, '--yes'], { ...asAdmin(t), stdin: bound })).code).toBe(0);
    const r = await cli(['status', '--server', t.url], asAdmin(t));
    expect(r.code).toBe(0);
    expect(row(r.stdout, 'License')).toMatch(/^Active: STATUS-88, until \d{4}-\d\d-\d\d \(40 days left by the server's clock\)\. /);
    expect(r.stdout).toMatch(/^\s+Active users \(seats\): 87 of 150$/m);
    expect(r.stdout).toMatch(/^\s+Marked offline: the workspace does not sync with Rocket\.Chat Cloud/m);
    expect(row(r.stdout, 'Read-only')).toBe('No read-only countdown: users can send messages.');
    const online = await sim({ version: '8.8.0', initialLicense: await signV3(licenses.boundTo('', { offline: false, urls: [{ value: '127.0.0.1:*', type: 'regex' }] })) });
    const said = (await cli(['status', '--server', online.url], asAdmin(online))).stdout;
    expect([row(said, 'License'), said]).toEqual([expect.stringMatching(/^Active: /), expect.not.stringMatching(/Marked offline/)]);
    expect((await cli(['status', '--server', t.url, '--json'], asAdmin(t))).json).toMatchObject({
      restriction: { phase: 'none', remainingDays: -1 },
      licenseDetail: { state: 'active', id: 'STATUS-88', daysLeft: 40, offline: true, limits: [{ kind: 'activeUsers', max: 150, used: 87 }] },
    });
  });

  it('6.x has no countdown: no line, and --json says not-applicable', async () => {
    const s = await sim({ version: '6.14.0' });
    const r = await cli(['status', '--server', s.url], asAdmin(s));
    expect(r.code).toBe(0);
    expect(row(r.stdout, 'Read-only')).toBeNull();
    expect(r.stdout).not.toMatch(/read-only/i);
    expect((await cli(['status', '--server', s.url, '--json'])).json).toMatchObject({ restriction: { phase: 'not-applicable', remainingDays: null } });
    expect(s.requests.some((q) => q.path.includes('settings.public'))).toBe(false);
  });
});

describe('rc-license status: the license and the clock', () => {
  it('a license stored while the Site URL is not set is held as pending, with where to set it', async () => {
    const s = await sim({ version: '7.10.0', siteUrl: null, initialLicense: await signV3(licenses.boundTo('chat.plant7.lan')) });
    const r = await cli(['status', '--server', s.url], asAdmin(s));
    expect(row(r.stdout, 'Site URL')).toMatch(/^Not set: Rocket\.Chat holds a license until it is \(Administration → Settings → General → Site URL\)\. From the address: 127\.0\.0\.1:\d+$/);
    expect(row(r.stdout, 'License')).toMatch(/^Held as pending: .*Administration → Settings → General → Site URL/);
  });

  it("the server's clock against the laptop's, from its Date header", async () => {
    const s = await sim({ version: '7.10.0', dateHeaderOffsetMs: -3 * 3_600_000 });
    const r = await cli(['status', '--server', s.url]);
    expect(row(r.stdout, 'Clock')).toMatch(/UTC by the server\. The server's clock is 3 h 0 min behind this laptop's/);
    const j = (await cli(['status', '--server', s.url, '--json'])).json as { clock: { skewMs: number } };
    expect(Math.round(j.clock.skewMs / 3_600_000)).toBe(-3);
  });
});
