// The license line of a status: active with limits and days left by the server's clock, none,
// pending (stored while Site_Url is unset: isReadyForValidation.ts, 6.5+), stored but not running.
import { describe, expect, it } from 'vitest';
import type { LicenseStateWithUsage } from '../rocketchat/rocketchat-client';
import type { ActiveLicenseState } from '../rocketchat/types';
import { describeLicenseDetail, describeLimit, licenseDetailOf, OFFLINE_LICENSE } from './license-detail';

const state = (o: Partial<ActiveLicenseState> = {}): ActiveLicenseState => ({
  known: true,
  valid: true,
  id: 'lic-1',
  modules: ['auditing', 'ldap-enterprise'],
  tags: ['Enterprise'],
  seats: 150,
  seatsInUse: 87,
  validUntil: '2027-01-01T00:00:00.000Z',
  trial: false,
  source: 'licenses.info',
  ...o,
});
const base = { stored: null, siteUrl: null, serverTime: '2026-12-02T12:00:00.000Z', why: 'sign in to see the license', offlineApplies: true };
const v3 = (o: Partial<LicenseStateWithUsage> = {}): LicenseStateWithUsage => ({
  state: state(),
  usage: { activeUsers: 87, guestUsers: 3 },
  payload: { information: { offline: true }, limits: { activeUsers: [{ max: 200 }, { max: 150 }], guestUsers: [{ max: -1 }], privateApps: [] } },
  legacy: null,
  ...o,
});

describe('licenseDetailOf', () => {
  it('active: limits (the smallest max of each kind, -1 unlimited) with their use, days left by the server clock, offline on 8.7+', () => {
    const d = licenseDetailOf({ ...base, read: v3() });
    expect(d).toMatchObject({ state: 'active', id: 'lic-1', tags: ['Enterprise'], daysLeft: 29, offline: true, modules: ['auditing', 'ldap-enterprise'] });
    expect(d.limits).toEqual([
      { kind: 'activeUsers', label: 'Active users (seats)', max: 150, used: 87 },
      { kind: 'guestUsers', label: 'Guest users', max: null, used: 3 },
    ]);
    expect(licenseDetailOf({ ...base, read: v3(), offlineApplies: false }).offline).toBe(false);
    // The server's clock, not the laptop's: a day later by the server is a day fewer.
    expect(licenseDetailOf({ ...base, read: v3(), serverTime: '2026-12-03T12:00:00.000Z' }).daysLeft).toBe(28);
  });

  it('limits read defensively: a limit with no number is left out, 0 stays 0, no usage is "?"', () => {
    const d = licenseDetailOf({
      ...base,
      read: v3({ usage: null, payload: { limits: { activeUsers: [{ max: 'many' }, { max: 0 }], guestUsers: 'not a list', privateApps: [{ behavior: 'x' }] } } }),
    });
    expect(d.limits).toEqual([{ kind: 'activeUsers', label: 'Active users (seats)', max: 0, used: null }]);
    expect(d.offline).toBe(false);
    expect(licenseDetailOf({ ...base, read: v3({ payload: { information: { offline: false } } }) }).offline).toBe(false);
  });

  it('a ≤6.4 V2 license: its max fields, and seats when the field is missing', () => {
    const d = licenseDetailOf({ ...base, read: v3({ payload: null, legacy: [{ maxGuestUsers: 10, maxRoomsPerGuest: 0 }], usage: { activeUsers: 5 } }) });
    expect(d.limits).toEqual([
      { kind: 'activeUsers', label: 'Active users (seats)', max: 150, used: 5 },
      { kind: 'guestUsers', label: 'Guest users', max: 10, used: null },
    ]);
    const rooms = licenseDetailOf({ ...base, read: v3({ payload: null, legacy: [{ maxActiveUsers: 20, maxGuestUsers: '10', maxRoomsPerGuest: 5 }], usage: null }) });
    expect(rooms.limits).toEqual([
      { kind: 'activeUsers', label: 'Active users (seats)', max: 20, used: null },
      { kind: 'roomsPerGuest', label: 'Rooms per guest', max: 5, used: null },
    ]);
    // Neither form shown (an old server's isEnterprise): the seats it reports, nothing else.
    expect(licenseDetailOf({ ...base, read: v3({ payload: null, legacy: null, usage: null }) }).limits).toEqual([{ kind: 'activeUsers', label: 'Active users (seats)', max: 150, used: null }]);
  });

  it('not running: none when nothing is stored, pending while Site_Url is empty, else stored but not active', () => {
    const off = v3({ state: state({ valid: false }) });
    expect(licenseDetailOf({ ...base, read: off, stored: '' })).toEqual({ state: 'none', id: null, tags: [], trial: false, validUntil: null, daysLeft: null, limits: [], modules: [], offline: false });
    expect(licenseDetailOf({ ...base, read: off, stored: ' \n ' }).state).toBe('none');
    expect(licenseDetailOf({ ...base, read: off, stored: null }).state).toBe('none');
    expect(licenseDetailOf({ ...base, read: off, stored: 'RCV3_x', siteUrl: '' }).state).toBe('pending');
    expect(licenseDetailOf({ ...base, read: off, stored: 'RCV3_x', siteUrl: 'https://chat.plant7.lan' }).state).toBe('stored-not-active');
    // Site_Url unread (not an admin): not called pending on a guess.
    expect(licenseDetailOf({ ...base, read: off, stored: 'RCV3_x', siteUrl: null }).state).toBe('stored-not-active');
  });

  it('unknown, with what signing in would add, when the account could not ask', () => {
    expect(licenseDetailOf({ ...base, read: null })).toEqual({ state: 'unknown', id: null, tags: [], trial: false, validUntil: null, daysLeft: null, limits: [], modules: [], offline: false, reason: 'sign in to see the license' });
    expect(licenseDetailOf({ ...base, read: v3({ state: state({ known: false }) }) }).state).toBe('unknown');
  });
});

describe('describeLicenseDetail', () => {
  const words = (o: Parameters<typeof licenseDetailOf>[0]) => {
    const said = describeLicenseDetail(licenseDetailOf(o));
    return `${said.label}: ${said.text}`;
  };
  it('each state in words', () => {
    expect(describeLicenseDetail(licenseDetailOf({ ...base, read: v3() }))).toMatchObject({ label: 'Active', text: "lic-1, until 2027-01-01 (29 days left by the server's clock)." });
    expect(words({ ...base, read: v3({ state: state({ validUntil: '2026-12-03T13:00:00Z', trial: true }) }) })).toBe("Active: lic-1, trial, until 2026-12-03 (1 day left by the server's clock).");
    expect(words({ ...base, read: v3({ state: state({ validUntil: '2026-11-01T00:00:00Z' }) }) })).toMatch(/\(expired by the server's clock\)\.$/);
    expect(words({ ...base, read: v3({ state: state({ validUntil: null, id: null }) }) })).toBe('Active: no end date.');
    expect(words({ ...base, read: v3({ state: state({ valid: false }) }), stored: '' })).toBe('None: no license is active.');
    expect(words({ ...base, read: v3({ state: state({ valid: false }) }), stored: 'x', siteUrl: '' })).toMatch(/^Held as pending: .*once the Site URL is set/);
    expect(words({ ...base, read: v3({ state: state({ valid: false }) }), stored: 'x', siteUrl: 'https://a' })).toBe(
      'Stored but not active: the workspace holds a license it does not run (it was refused, or has expired since).',
    );
    // Until later today: 0 days left, not expired.
    expect(words({ ...base, read: v3({ state: state({ validUntil: '2026-12-02T20:00:00.000Z' }) }) })).toBe("Active: lic-1, until 2026-12-02 (0 days left by the server's clock).");
    expect(words({ ...base, read: null })).toBe('Not known: sign in to see the license.');
    expect(describeLicenseDetail({ ...licenseDetailOf({ ...base, read: null }), reason: undefined }).text).toBe('this account cannot read it.');
  });

  it('an offline license (8.7+) says what it turns off: Cloud sync, the push gateway, the marketplace, telemetry', () => {
    expect(OFFLINE_LICENSE).toMatch(/^Marked offline: .*Rocket\.Chat Cloud.*push gateway.*marketplace.*telemetry\.$/);
  });

  it('a limit with its use', () => {
    expect(describeLimit({ kind: 'activeUsers', label: 'Active users (seats)', max: 150, used: 87 })).toBe('Active users (seats): 87 of 150');
    expect(describeLimit({ kind: 'guestUsers', label: 'Guest users', max: null, used: null })).toBe('Guest users: ? of unlimited');
  });
});
