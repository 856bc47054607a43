// What a verified license grants, field by field, from the payload shapes Rocket.Chat signs: V3
// (ILicenseV3, ee/packages/license) and V2 converted the way the server converts it
// (convertToV3.ts, Rocket.Chat 6.5+). The signature is not the subject here: payloads are given
// as already verified.
import { describe, expect, it } from 'vitest';
import type { VerificationKey } from './license-decode';
import type { CanonicalLicense } from './license-read';
import { ENTERPRISE_BUNDLE, summarizeLicense } from './license-summary';

const key = { kind: 'custom', fingerprint: 'c'.repeat(64) } as VerificationKey;
const canonical = (format: 'v2' | 'v3'): CanonicalLicense => ({ format, sha256: 'd'.repeat(64), length: 20, cleaned: [], text: 'RCV3_header.payload.signatureTAIL1234' });
const v3 = (payload: Record<string, unknown>) => summarizeLicense(canonical('v3'), { payload, key });
const v2 = (payload: Record<string, unknown>) => summarizeLicense(canonical('v2'), { payload, key });

describe('a V3 license', () => {
  it('every field it grants, as shown before sending', () => {
    const s = v3({
      version: '3.0',
      information: {
        id: 'ACME-2026',
        autoRenew: false,
        visualExpiration: '2027-06-30T00:00:00.000Z',
        trial: true,
        offline: true,
        createdAt: '2026-11-01T00:00:00.000Z',
        grantedBy: { method: 'manual', seller: 'Partner GmbH' },
        grantedTo: { company: 'ACME' },
        notes: 'Plant 7 only',
        tags: [{ name: 'Enterprise', color: '#f3be08' }, { name: 'Air-gapped' }, { color: '#000' }, 'x'],
      },
      validation: {
        serverUrls: [{ value: 'chat.acme.lan', type: 'url' }, { value: '*.acme.lan', type: 'regex' }, { value: 'ab12', type: 'hash' }, { value: 'odd.lan', type: 'weird' }, { type: 'url' }, { value: 7 }],
        serverVersions: [{ value: '7.x' }, { value: '' }, {}, { value: '8.x' }],
        serverUniqueId: 'uniq-1',
        cloudWorkspaceId: 'cloud-1',
        serverType: 'enterprise',
        validPeriods: [
          { validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-12-31T00:00:00.000Z', invalidBehavior: 'invalidate_license' },
          { validFrom: '2026-03-01T00:00:00.000Z', validUntil: '2027-06-30T00:00:00.000Z', invalidBehavior: 'prevent_installation' },
          { validUntil: '2026-12-31T00:00:00.000Z', invalidBehavior: 'disable_modules', modules: [{ module: 'auditing' }, 'livechat-enterprise', { other: 1 }, 5] },
          { validFrom: '', invalidBehavior: 'something-new' },
        ],
        legalTextAgreement: { type: 'accepted', acceptedVia: 'cloud' },
        statisticsReport: { required: false },
      },
      grantedModules: [{ module: 'auditing' }, { module: 'engagement-dashboard' }],
      limits: {
        activeUsers: [{ max: 250, behavior: 'invalidate_license' }, { max: 300, behavior: 'start_fair_policy' }],
        guestUsers: [{ max: -1, behavior: 'prevent_action' }],
        roomsPerGuest: [{ behavior: 'prevent_action' }],
        privateApps: [{ max: 3 }],
        marketplaceApps: 'not a list',
        monthlyActiveContacts: [{ max: 0, behavior: 'disable_modules', modules: [{ module: 'livechat-enterprise' }] }],
      },
      cloudMeta: {},
      exp: 1830297600,
      nbf: 1767225600,
    });
    expect(s).toEqual({
      format: 'v3',
      sha256: 'd'.repeat(64),
      hashTail: 'TAIL1234',
      verifiedWith: { key: 'custom', fingerprint: 'c'.repeat(64) },
      id: 'ACME-2026',
      customer: { name: null, company: 'ACME', email: null },
      tags: [
        { name: 'Enterprise', color: '#f3be08' },
        { name: 'Air-gapped', color: '#6c737a' },
      ],
      trial: true,
      createdAt: '2026-11-01T00:00:00.000Z',
      visualExpiration: '2027-06-30T00:00:00.000Z',
      grantedBy: 'manual · Partner GmbH',
      periods: [
        { validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-12-31T00:00:00.000Z', invalidBehavior: 'invalidate_license', modules: [] },
        { validFrom: '2026-03-01T00:00:00.000Z', validUntil: '2027-06-30T00:00:00.000Z', invalidBehavior: 'prevent_installation', modules: [] },
        { validFrom: null, validUntil: '2026-12-31T00:00:00.000Z', invalidBehavior: 'disable_modules', modules: ['auditing', 'livechat-enterprise'] },
        { validFrom: null, validUntil: null, invalidBehavior: 'invalidate_license', modules: [] },
      ],
      // The latest start and the earliest end of the periods that stop the license; the module
      // period (ending 2026-12-31) does not count.
      validFrom: '2026-03-01T00:00:00.000Z',
      validUntil: '2027-06-30T00:00:00.000Z',
      serverUrls: [
        { value: 'chat.acme.lan', type: 'url' },
        { value: '*.acme.lan', type: 'regex' },
        { value: 'ab12', type: 'hash' },
        { value: 'odd.lan', type: 'url' },
      ],
      limits: [
        { kind: 'activeUsers', label: 'Active users (seats)', max: 250, behavior: 'invalidate_license', modules: [] },
        { kind: 'activeUsers', label: 'Active users (seats)', max: 300, behavior: 'start_fair_policy', modules: [] },
        { kind: 'guestUsers', label: 'Guest users', max: null, behavior: 'prevent_action', modules: [] },
        { kind: 'privateApps', label: 'Private apps', max: 3, behavior: 'invalidate_license', modules: [] },
        { kind: 'monthlyActiveContacts', label: 'Monthly active contacts', max: 0, behavior: 'disable_modules', modules: ['livechat-enterprise'] },
      ],
      modules: ['auditing', 'engagement-dashboard'],
      informational: [
        { label: 'Server versions', value: '7.x, 8.x', code: 'serverVersions' },
        { label: 'Server unique id', value: 'uniq-1', code: 'serverUniqueId' },
        { label: 'Cloud workspace id', value: 'cloud-1', code: 'cloudWorkspaceId' },
        { label: 'Legal text agreement', value: 'accepted', code: 'legalText' },
        { label: 'Statistics report', value: 'not required', code: 'statistics', said: 'notRequired' },
        { label: 'Offline license', value: 'yes', code: 'offline', said: 'yes' },
        { label: 'Auto-renew', value: 'no', code: 'autoRenew', said: 'no' },
        { label: 'Notes', value: 'Plant 7 only', code: 'notes' },
      ],
      jwt: { exp: '2028-01-01T00:00:00.000Z', nbf: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('the other way round: a person, no seller, the opposite yes/no, one claim only', () => {
    const s = v3({
      information: { grantedTo: { name: 'Jo Tech', email: 'jo@acme.lan' }, grantedBy: { method: 'trial' }, offline: false, autoRenew: true, trial: 'yes' },
      validation: { statisticsReport: { required: true }, serverVersions: [], legalTextAgreement: {} },
      exp: 1830297600,
    });
    expect(s).toMatchObject({
      id: null,
      customer: { name: 'Jo Tech', company: null, email: 'jo@acme.lan' },
      grantedBy: 'trial',
      trial: false,
      informational: [
        { label: 'Statistics report', value: 'required' },
        { label: 'Offline license', value: 'no' },
        { label: 'Auto-renew', value: 'yes' },
      ],
      jwt: { exp: '2028-01-01T00:00:00.000Z', nbf: null },
    });
    expect(v3({ nbf: 1767225600 }).jwt).toEqual({ exp: null, nbf: '2026-01-01T00:00:00.000Z' });
    expect(v3({ information: { grantedTo: { email: 'x@y' } } }).customer).toEqual({ name: null, company: null, email: 'x@y' });
  });

  it('an empty payload is a license that grants nothing and names nothing — never a throw', () => {
    expect(v3({})).toEqual({
      format: 'v3',
      sha256: 'd'.repeat(64),
      hashTail: 'TAIL1234',
      verifiedWith: { key: 'custom', fingerprint: 'c'.repeat(64) },
      id: null,
      customer: null,
      tags: [],
      trial: false,
      createdAt: null,
      visualExpiration: null,
      grantedBy: null,
      periods: [],
      validFrom: null,
      validUntil: null,
      serverUrls: [],
      limits: [],
      modules: [],
      informational: [],
      jwt: null,
    });
    expect(v3({ information: 'x', validation: [1], limits: null, grantedModules: {} })).toMatchObject({ id: null, periods: [], limits: [], modules: [] });
  });

  it('every kind of limit and every behaviour the server knows is read as itself', () => {
    const kinds = ['activeUsers', 'guestUsers', 'roomsPerGuest', 'privateApps', 'marketplaceApps', 'monthlyActiveContacts'];
    const behaviours = ['invalidate_license', 'start_fair_policy', 'prevent_action', 'allow_action', 'prevent_installation', 'disable_modules'];
    const s = v3({ limits: Object.fromEntries(kinds.map((kind, i) => [kind, [{ max: 10 + i, behavior: behaviours[i] }]])) });
    expect(s.limits.map((l) => [l.kind, l.max, l.behavior])).toEqual(kinds.map((kind, i) => [kind, 10 + i, behaviours[i]]));
  });

  it('several periods that stop the license: the window is where all of them hold', () => {
    const s = v3({
      validation: {
        validPeriods: [
          { validFrom: '2026-05-01T00:00:00.000Z', validUntil: '2027-01-01T00:00:00.000Z', invalidBehavior: 'prevent_installation' },
          { validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-06-01T00:00:00.000Z', invalidBehavior: 'invalidate_license' },
          { validFrom: 'not a date', validUntil: 'not a date', invalidBehavior: 'invalidate_license' },
        ],
      },
    });
    expect([s.validFrom, s.validUntil]).toEqual(['2026-05-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
});

describe('a V2 license, as the server converts it', () => {
  it('every field it grants', () => {
    const s = v2({
      url: 'chat.acme.lan',
      expiry: '2027-03-31T00:00:00.000Z',
      maxActiveUsers: 100,
      maxGuestUsers: -1,
      maxRoomsPerGuest: 0,
      apps: { maxPrivateApps: 5, maxMarketplaceApps: 10 },
      modules: ['auditing', 'pro:*', 'engagement-dashboard', 'auditing', 7],
      tag: { name: 'Gold' },
      meta: { trial: true, trialEnd: '2027-01-31', workspaceId: 'ws-9' },
    });
    expect(s).toEqual({
      format: 'v2',
      sha256: 'd'.repeat(64),
      hashTail: 'TAIL1234',
      verifiedWith: { key: 'custom', fingerprint: 'c'.repeat(64) },
      id: null,
      customer: null,
      tags: [{ name: 'Gold', color: '#6c737a' }],
      trial: true,
      createdAt: null,
      visualExpiration: '2027-01-31',
      grantedBy: 'V2 license',
      periods: [{ validFrom: null, validUntil: '2027-03-31T00:00:00.000Z', invalidBehavior: 'invalidate_license', modules: [] }],
      validFrom: null,
      validUntil: '2027-03-31T00:00:00.000Z',
      serverUrls: [{ value: 'chat.acme.lan', type: 'regex' }],
      limits: [
        { kind: 'activeUsers', label: 'Active users (seats)', max: 100, behavior: 'prevent_action', modules: [] },
        { kind: 'guestUsers', label: 'Guest users', max: null, behavior: 'prevent_action', modules: [] },
        { kind: 'privateApps', label: 'Private apps', max: 5, behavior: 'prevent_action', modules: [] },
        { kind: 'marketplaceApps', label: 'Marketplace apps', max: 10, behavior: 'prevent_action', modules: [] },
      ],
      modules: ['hide-watermark', 'auditing', 'engagement-dashboard'],
      informational: [{ label: 'Cloud workspace id', value: 'ws-9', code: 'cloudWorkspaceId' }],
      jwt: null,
    });
  });

  it('"*" and "enterprise:*" grant the enterprise bundle; a tag keeps its colour; no expiry, no url: no period, no address', () => {
    const always = ['hide-watermark'];
    const rest = ENTERPRISE_BUNDLE.filter((m) => m !== 'hide-watermark');
    expect(v2({ modules: ['*'] }).modules).toEqual([...always, ...rest]);
    expect(v2({ modules: ['enterprise:*', 'auditing'] }).modules).toEqual([...always, ...rest]);
    expect(v2({ modules: ['x', 'enterprise:*'] }).modules).toEqual([...always, 'x', ...rest]);
    // Any other bundle is empty; ":*" only counts at the end of a bundle name (bundles.ts: /(.*):\*$/, and an empty name is no bundle).
    expect(v2({ modules: ['pro:*', 'nothing:*', 'a:*b', ':*'] }).modules).toEqual([...always, 'a:*b', ':*']);
    const s = v2({ tag: { name: 'Gold', color: '#ffd700' }, meta: { trial: 'true' }, expiry: '' });
    expect(s).toMatchObject({ tags: [{ name: 'Gold', color: '#ffd700' }], trial: false, periods: [], serverUrls: [], visualExpiration: null, validUntil: null, informational: [] });
    expect(v2({ expiry: '2027-03-31T00:00:00.000Z' }).visualExpiration).toBe('2027-03-31T00:00:00.000Z');
  });

  it('the enterprise bundle is the server\'s, module for module (bundles.ts, develop late 2024)', () => {
    expect(ENTERPRISE_BUNDLE).toEqual([
      'auditing', 'canned-responses', 'ldap-enterprise', 'livechat-enterprise', 'voip-enterprise', 'omnichannel-mobile-enterprise',
      'engagement-dashboard', 'push-privacy', 'scalability', 'saml-enterprise', 'oauth-enterprise', 'device-management', 'federation',
      'videoconference-enterprise', 'message-read-receipt', 'outlook-calendar', 'teams-mention', 'hide-watermark', 'custom-roles',
      'accessibility-certification', 'unlimited-presence',
    ]);
  });

  it('with no tag, the server names the license by its bundles, in getTagColor\'s colours', () => {
    expect(v2({ modules: ['enterprise:*', 'gold:*', 'silver:*', 'bronze:*', 'pro:*', 'enterprise:*', '*', 'auditing'] }).tags).toEqual([
      { name: 'enterprise', color: '#4411DD' },
      { name: 'gold', color: '#F3BE08' },
      { name: 'silver', color: '#9EA2A8' },
      { name: 'bronze', color: '#BD5A0B' },
      { name: 'pro', color: '#4411DD' },
    ]);
    expect(v2({ modules: ['*', 'auditing'] }).tags).toEqual([]);
    expect(v2({ modules: ['enterprise:*'], tag: { name: 'Gold' } }).tags).toEqual([{ name: 'Gold', color: '#6c737a' }]);
  });
});
