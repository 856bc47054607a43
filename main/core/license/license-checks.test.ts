// The pre-checks, one rule at a time, with the whole check a technician reads: its status, its
// code and its words. The rules follow Rocket.Chat's own (validateLicenseUrl.ts, validateLicensePeriods.ts,
// validateLicenseLimits.ts in ee/packages/license/src/validation, 6.5–8.x; spec §5.4–5.7); these
// tests pin our reading of them and the words, which the mutation run of the core holds us to.
import { describe, expect, it } from 'vitest';
import type { LicenseLimit, LicensePeriod, LicenseSummary, WorkspaceFacts } from './types';
import * as checks from './license-checks';
import { describeSkew, noWorkspace, normalizeWorkspaceUrl, urlRuleMatches, workspaceUrlHash } from './license-checks';
import type { LicenseCheck } from './types';

// The words are pinned in English here; each check also carries them as codes with parameters
// (msg, items[].say), which the language tests render (i18n/core-catalogs.test.ts).
function words<C extends LicenseCheck | null>(c: C): C {
  if (!c) return c;
  const { msg: _msg, items, ...rest } = c;
  return { ...rest, ...(items ? { items: items.map(({ say: _say, ...i }) => i) } : {}) } as C;
}
const checkUrl = (...a: Parameters<typeof checks.checkUrl>) => words(checks.checkUrl(...a));
const checkPeriod = (...a: Parameters<typeof checks.checkPeriod>) => words(checks.checkPeriod(...a));
const checkLimits = (...a: Parameters<typeof checks.checkLimits>) => words(checks.checkLimits(...a));
const checkServer = (...a: Parameters<typeof checks.checkServer>) => words(checks.checkServer(...a));
const checkSignature = (...a: Parameters<typeof checks.checkSignature>) => words(checks.checkSignature(...a));
const checkLicense = (...a: Parameters<typeof checks.checkLicense>) => checks.checkLicense(...a).map(words);

const NOW = '2026-11-27T12:00:00.000Z';
const HASH = workspaceUrlHash('chat.acme.lan');

function summary(extra: Partial<LicenseSummary> = {}): LicenseSummary {
  return {
    format: 'v3',
    sha256: 'a'.repeat(64),
    hashTail: 'abcdefgh',
    id: 'LIC-1',
    verifiedWith: { key: 'rocket.chat', fingerprint: 'f'.repeat(64) },
    customer: null,
    tags: [],
    trial: false,
    createdAt: null,
    visualExpiration: null,
    grantedBy: null,
    periods: [],
    validFrom: null,
    validUntil: null,
    serverUrls: [{ value: 'chat.acme.lan', type: 'url' }],
    limits: [],
    modules: [],
    informational: [],
    jwt: null,
    ...extra,
  };
}

function facts(extra: Partial<WorkspaceFacts> = {}): WorkspaceFacts {
  return { workspaceUrl: 'chat.acme.lan', workspaceUrlSource: 'server', serverTime: NOW, localTime: NOW, usage: {}, serverVersion: '8.8.0', ...extra };
}

const period = (validFrom: string | null, validUntil: string | null, invalidBehavior: LicensePeriod['invalidBehavior'] = 'invalidate_license', modules: string[] = []): LicensePeriod => ({ validFrom, validUntil, invalidBehavior, modules });
const limit = (kind: LicenseLimit['kind'], max: number | null, behavior: LicenseLimit['behavior'] = 'invalidate_license', modules: string[] = []): LicenseLimit => ({ kind, label: kind, max, behavior, modules });

describe('the workspace address', () => {
  it('is Site_Url without its scheme and one trailing slash, trimmed; port, path and case are kept', () => {
    expect(normalizeWorkspaceUrl(' https://Chat.acme.lan:3000/chat/ ')).toBe('Chat.acme.lan:3000/chat');
    expect(normalizeWorkspaceUrl('HTTP://chat.acme.lan')).toBe('chat.acme.lan');
    expect(normalizeWorkspaceUrl('https://chat.acme.lan//')).toBe('chat.acme.lan/');
    expect(normalizeWorkspaceUrl('ftp://chat.acme.lan')).toBe('ftp://chat.acme.lan');
    expect(normalizeWorkspaceUrl('chat.acme.lan/https://x')).toBe('chat.acme.lan/https://x');
  });

  it('rules: url is equality ignoring case; regex is anchored with literal dots and * as anything; hash is exact; a broken pattern matches nothing', () => {
    expect(urlRuleMatches({ type: 'url', value: 'CHAT.acme.lan' }, 'chat.ACME.lan')).toBe(true);
    expect(urlRuleMatches({ type: 'url', value: 'chat.acme.lan' }, 'chat.acme.lan:3000')).toBe(false);
    expect(urlRuleMatches({ type: 'other', value: 'chat.acme.lan' }, 'chat.acme.lan')).toBe(true);
    expect(urlRuleMatches({ type: 'regex', value: '*.acme.lan' }, 'Chat.ACME.lan')).toBe(true);
    expect(urlRuleMatches({ type: 'regex', value: '*.acme.lan' }, 'chat.acmeXlan')).toBe(false);
    expect(urlRuleMatches({ type: 'regex', value: 'acme.lan' }, 'chat.acme.lan')).toBe(false);
    expect(urlRuleMatches({ type: 'regex', value: 'chat.acme' }, 'chat.acme.lan')).toBe(false);
    expect(urlRuleMatches({ type: 'regex', value: 'chat.acme.*' }, 'chat.acme.lan:3000')).toBe(true);
    expect(urlRuleMatches({ type: 'regex', value: 'chat(' }, 'chat(')).toBe(false);
    expect(urlRuleMatches({ type: 'hash', value: HASH }, 'chat.acme.lan')).toBe(true);
    expect(urlRuleMatches({ type: 'hash', value: HASH.toUpperCase() }, 'chat.acme.lan')).toBe(false);
    expect(urlRuleMatches({ type: 'hash', value: HASH }, 'Chat.acme.lan')).toBe(false);
  });
});

describe('checkUrl', () => {
  it('a license with no address fails: no server accepts it', () => {
    expect(checkUrl(summary({ serverUrls: [] }), facts())).toEqual({ name: 'url', status: 'fail', code: 'LICENSE_URL_MISMATCH', message: 'The license names no workspace address, so no server will accept it.' });
  });

  it('without the Site URL it names what the license is for, and why it cannot compare', () => {
    const s = summary({ serverUrls: [{ value: 'chat.acme.lan', type: 'url' }, { value: '*.acme.lan', type: 'regex' }, { value: 'x.lan', type: 'regex' }, { value: HASH, type: 'hash' }] });
    const names = `chat.acme.lan, *.acme.lan (pattern), x.lan, and the hashed address ${HASH.slice(0, 12)}…`;
    expect(checkUrl(s, facts({ workspaceUrl: null }))).toEqual({
      name: 'url',
      status: 'unknown',
      message: `This license is for ${names}. Connect to the workspace to compare it with its Site URL.`,
      items: [
        { label: 'chat.acme.lan', status: 'unknown', detail: 'type url' },
        { label: '*.acme.lan (pattern)', status: 'unknown', detail: 'type regex' },
        { label: 'x.lan', status: 'unknown', detail: 'type regex' },
        { label: `the hashed address ${HASH.slice(0, 12)}…`, status: 'unknown', detail: 'type hash' },
      ],
    });
    // Only a regex rule is a pattern; a url rule with a * in it is that exact text.
    expect(checkUrl(summary({ serverUrls: [{ value: 'chat*.lan', type: 'url' }] }), facts({ workspaceUrl: null })).items?.[0].label).toBe('chat*.lan');
    expect(checkUrl(summary(), facts({ workspaceUrl: null, unreadable: 'connection refused' })).message).toBe(
      'This license is for chat.acme.lan. The workspace did not answer (connection refused), so its Site URL could not be compared.',
    );
  });

  it('passes when every address matches the Site URL the server reported', () => {
    expect(checkUrl(summary(), facts())).toEqual({
      name: 'url',
      status: 'pass',
      message: "The license matches this workspace's Site URL (chat.acme.lan).",
      items: [{ label: 'chat.acme.lan', status: 'pass', detail: 'type url: matches chat.acme.lan' }],
    });
  });

  it('a match against the address typed in (before 8.6) passes with a warning to check the Site URL setting', () => {
    expect(checkUrl(summary(), facts({ workspaceUrlSource: 'guess' })).message).toBe(
      'The license matches chat.acme.lan, the address you entered. This server does not report its Site URL (before 8.6): make sure its Site URL setting is that address too.',
    );
  });

  it('a mismatch against the address typed in is unknown, and names the address the Site URL must be', () => {
    const one = checkUrl(summary({ serverUrls: [{ value: 'chat.other.lan', type: 'url' }] }), facts({ workspaceUrlSource: 'guess' }));
    expect(one).toEqual({
      name: 'url',
      status: 'unknown',
      message:
        'This license is for chat.other.lan, which does not match the address you entered (chat.acme.lan). This server does not report its Site URL (before 8.6): if its Site URL setting is not chat.other.lan, the license will be rejected.',
      items: [{ label: 'chat.other.lan', status: 'fail', detail: 'type url: does not match chat.acme.lan' }],
    });
    expect(checkUrl(summary({ serverUrls: [{ value: workspaceUrlHash('x'), type: 'hash' }] }), facts({ workspaceUrlSource: null })).message).toMatch(/if its Site URL setting is not the licensed address, the license/);
    expect(checkUrl(summary({ serverUrls: [{ value: 'a.lan', type: 'url' }, { value: 'b.lan', type: 'url' }] }), facts({ workspaceUrlSource: 'guess' })).message).toMatch(
      /^This license is for a\.lan and b\.lan, which .* if its Site URL setting is not the licensed address, the license/,
    );
  });

  it('fails against the reported Site URL, naming both; with several addresses, every one must match', () => {
    expect(checkUrl(summary({ serverUrls: [{ value: 'chat.other.lan', type: 'url' }] }), facts())).toEqual({
      name: 'url',
      status: 'fail',
      code: 'LICENSE_URL_MISMATCH',
      message: "This license is for chat.other.lan; this workspace's Site URL is chat.acme.lan. Ask for a license for chat.acme.lan, or change the Site URL setting.",
      items: [{ label: 'chat.other.lan', status: 'fail', detail: 'type url: does not match chat.acme.lan' }],
    });
    const two = checkUrl(summary({ serverUrls: [{ value: 'chat.acme.lan', type: 'url' }, { value: 'chat.other.lan', type: 'url' }] }), facts());
    expect(two).toMatchObject({ status: 'fail', code: 'LICENSE_URL_MISMATCH' });
    expect(two.message).toBe("Every address in a license must match, and chat.other.lan does not match this workspace's Site URL (chat.acme.lan). Ask for a license for chat.acme.lan only.");
    expect(two.items?.map((i) => i.status)).toEqual(['pass', 'fail']);
    const none = checkUrl(summary({ serverUrls: [{ value: 'a.lan', type: 'url' }, { value: 'b.lan', type: 'url' }] }), facts());
    expect(none.message).toMatch(/^This license is for a\.lan and b\.lan; this workspace's Site URL/);
  });
});

describe('describeSkew', () => {
  const at = (ms: number) => describeSkew(Date.parse(NOW) + ms, Date.parse(NOW));
  it('says nothing within 5 minutes either way', () => {
    expect(at(0)).toBeNull();
    expect(at(5 * 60_000)).toBeNull();
    expect(at(-5 * 60_000)).toBeNull();
  });
  it('says minutes, hours and minutes, or days, and which way', () => {
    expect(at(5 * 60_000 + 40_000)).toBe("The server's clock is 6 min ahead of this laptop's; the server's clock is the one that counts.");
    expect(at(-59 * 60_000)).toBe("The server's clock is 59 min behind this laptop's; the server's clock is the one that counts.");
    expect(at(60 * 60_000)).toMatch(/is 1 h 0 min ahead of/);
    expect(at(-(47 * 60 + 59) * 60_000)).toMatch(/is 47 h 59 min behind/);
    expect(at(48 * 3600_000)).toMatch(/is 2 days ahead of/);
    expect(at(-400 * 86400_000)).toMatch(/is 400 days behind/);
  });
});

describe('checkPeriod', () => {
  it('passes a license in force by the server clock, with the days left', () => {
    const s = summary({ periods: [period('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')], validUntil: '2026-12-31T00:00:00Z' });
    expect(checkPeriod(s, facts())).toEqual({
      name: 'period',
      status: 'pass',
      message: "Valid until 2026-12-31: 33 days left by the server's clock (2026-11-27 12:00 UTC).",
      items: [{ label: '2026-01-01 → 2026-12-31', status: 'pass', detail: 'in force' }],
    });
    expect(checkPeriod(summary({ validUntil: '2026-11-28T13:00:00Z' }), facts()).message).toMatch(/: 1 day left by/);
    expect(checkPeriod(summary({ validUntil: '2026-11-28T11:00:00Z' }), facts()).message).toMatch(/: 0 days left by/);
  });

  it('without the server clock it says whose clock it used, and why', () => {
    expect(checkPeriod(summary(), facts({ serverTime: null })).message).toBe("No end date: valid by this laptop's clock (the server's clock is not known yet).");
    expect(checkPeriod(summary(), facts({ serverTime: null, unreadable: 'timed out' })).message).toBe("No end date: valid by this laptop's clock (the workspace did not answer, so its clock could not be read).");
    expect(checkPeriod(summary(), facts({ serverTime: 'not a date' })).message).toMatch(/by this laptop's clock/);
  });

  it("fails a period that has not started or has ended by the server's clock, and adds the clock difference", () => {
    const s = summary({ periods: [period('2026-12-01T00:00:00Z', null), period(null, '2026-11-01T00:00:00Z', 'prevent_installation')] });
    expect(checkPeriod(s, facts({ localTime: '2026-11-27T10:00:00.000Z' }))).toEqual({
      name: 'period',
      status: 'fail',
      code: 'LICENSE_PERIOD',
      message:
        "The license is not valid now by the server's clock (2026-11-27 12:00 UTC): it starts on 2026-12-01 and ended on 2026-11-01. Check the server's date; if it is right, ask for a license valid now. The server's clock is 2 h 0 min ahead of this laptop's; the server's clock is the one that counts.",
      items: [
        { label: '2026-12-01 → …', status: 'fail', detail: 'starts on 2026-12-01: the license is not valid' },
        { label: '… → 2026-11-01', status: 'fail', detail: 'ended on 2026-11-01: the license is not valid' },
      ],
    });
  });

  it('the edges: valid on its first and last instant', () => {
    expect(checkPeriod(summary({ periods: [period(NOW, NOW)] }), facts()).status).toBe('pass');
    expect(checkPeriod(summary({ periods: [period('2026-11-27T12:00:00.001Z', null)] }), facts()).status).toBe('fail');
    expect(checkPeriod(summary({ periods: [period(null, '2026-11-27T11:59:59.999Z')] }), facts()).status).toBe('fail');
  });

  it('a module period that has ended switches its modules off but does not fail the license', () => {
    const s = summary({ periods: [period(null, '2026-11-01T00:00:00Z', 'disable_modules', ['livechat-enterprise', 'omnichannel-mobile-enterprise']), period(null, '2026-12-01T00:00:00Z', 'disable_modules'), period(null, '2026-12-01T00:00:00Z', 'disable_modules', ['auditing'])] });
    expect(checkPeriod(s, facts())).toEqual({
      name: 'period',
      status: 'pass',
      message: "No end date: valid by the server's clock (2026-11-27 12:00 UTC).",
      items: [
        { label: '… → 2026-11-01', status: 'pass', detail: 'ended on 2026-11-01: modules livechat-enterprise, omnichannel-mobile-enterprise are switched off' },
        { label: '… → 2026-12-01', status: 'pass', detail: 'modules (none) in force' },
        { label: '… → 2026-12-01', status: 'pass', detail: 'modules auditing in force' },
      ],
    });
    expect(checkPeriod(summary({ periods: [period('2026-12-01T00:00:00Z', null, 'disable_modules')] }), facts()).items?.[0].detail).toBe('starts on 2026-12-01: modules (none) are switched off');
    expect(checkPeriod(summary({ periods: [period(null, null, 'disable_modules', ['auditing', 'voip-enterprise'])] }), facts()).items?.[0].detail).toBe('modules auditing, voip-enterprise in force');
  });

  it("a V3 token's exp and nbf claims count with no tolerance, as the server's verifier does", () => {
    expect(checkPeriod(summary({ jwt: { exp: NOW, nbf: null } }), facts()).message).toMatch(/: it carries a token that expired on 2026-11-27\. /);
    expect(checkPeriod(summary({ jwt: { exp: '2026-11-27T12:00:00.001Z', nbf: null } }), facts()).status).toBe('pass');
    expect(checkPeriod(summary({ jwt: { exp: null, nbf: '2026-11-27T12:00:00.001Z' } }), facts()).message).toMatch(/: it carries a token valid only from 2026-11-27\. /);
    expect(checkPeriod(summary({ jwt: { exp: null, nbf: NOW } }), facts()).status).toBe('pass');
  });
});

describe('checkServer', () => {
  it('a V3 license on a server before 6.5 fails: the server cannot read it', () => {
    expect(checkServer(summary(), facts({ serverVersion: '6.4.9' }))).toEqual({
      name: 'server',
      status: 'fail',
      code: 'LICENSE_NEEDS_NEWER_SERVER',
      message: 'This license format (V3) needs Rocket.Chat 6.5 or later; this workspace runs 6.4.9. Upgrade the workspace first: an older server cannot read this license at all.',
    });
    expect(checkServer(summary(), facts({ serverVersion: '5.9.0' }))).toMatchObject({ status: 'fail' });
  });
  it('says nothing for 6.5 on, for a V2 license, or for an unknown version', () => {
    for (const serverVersion of ['6.5.0', '6.10.0', '7.0.0', '10.1.0', null, 'develop', 'x6.4.0']) expect(checkServer(summary(), facts({ serverVersion }))).toBeNull();
    expect(checkServer(summary({ format: 'v2' }), facts({ serverVersion: '4.8.0' }))).toBeNull();
  });
});

describe('checkLimits', () => {
  it('no limits, or only unlimited ones: nothing to exceed', () => {
    const none = { name: 'limits', status: 'pass', message: 'The license sets no usage limits that this workspace could exceed.' };
    expect(checkLimits(summary(), facts())).toEqual(none);
    expect(checkLimits(summary({ limits: [limit('activeUsers', null)] }), facts())).toEqual(none);
  });

  it('3.10–3.18 reject a V2 license over its seats and cannot report usage: unknown, with what to check by hand', () => {
    const s = summary({ format: 'v2', limits: [limit('activeUsers', 50)] });
    expect(checkLimits(s, facts({ serverVersion: '3.18.2', usage: {} }))).toEqual({
      name: 'limits',
      status: 'unknown',
      message: 'Rocket.Chat 3.18.2 rejects this license if more than 50 users are active, and this version cannot report how many are. Check the number of active users (Administration → Info) before applying.',
      items: [{ label: 'Active users (seats)', status: 'unknown', detail: 'max 50; this version rejects the license above it' }],
    });
    expect(checkLimits(s, facts({ serverVersion: '3.18.2', usage: null })).status).toBe('unknown');
    expect(checkLimits(s, facts({ serverVersion: '3.18.2', usage: null })).message).toMatch(/^Rocket\.Chat 3\.18\.2 rejects this license if more than 50 users/);
    expect(checkLimits(s, facts({ serverVersion: '4.0.0', usage: {} }))).toEqual({
      name: 'limits',
      status: 'unknown',
      message: 'This server does not report current usage; the limits cannot be compared.',
      items: [{ label: 'Active users (seats)', status: 'unknown', detail: 'max 50; current usage not reported by this server' }],
    });
    expect(checkLimits(s, facts({ serverVersion: '3.18.2', usage: { activeUsers: 10 } })).status).toBe('pass');
    expect(checkLimits(summary({ limits: [limit('guestUsers', 5)] }), facts({ serverVersion: '3.18.2', usage: {} })).message).toMatch(/^This server does not report/);
  });

  it('without usage it lists the limits and says how to compare them', () => {
    const s = summary({ limits: [limit('activeUsers', 100), limit('guestUsers', 10)] });
    expect(checkLimits(s, facts({ usage: null }))).toEqual({
      name: 'limits',
      status: 'unknown',
      message: 'Limits: Active users (seats) 100, Guest users 10. Sign in as an administrator to compare them with current usage.',
      items: [
        { label: 'Active users (seats)', status: 'unknown', detail: 'max 100' },
        { label: 'Guest users', status: 'unknown', detail: 'max 10' },
      ],
    });
    expect(checkLimits(s, facts({ usage: null, unreadable: 'TLS' })).message).toBe('Limits: Active users (seats) 100, Guest users 10. The workspace did not answer (TLS), so current usage could not be read.');
  });

  it('fails over an invalidating limit, and passes at it', () => {
    const s = summary({ limits: [limit('activeUsers', 100), limit('guestUsers', 10, 'prevent_installation'), limit('privateApps', 3)] });
    expect(checkLimits(s, facts({ usage: { activeUsers: 101, guestUsers: 11 } }))).toEqual({
      name: 'limits',
      status: 'fail',
      code: 'LICENSE_LIMITS',
      message: 'This workspace uses more than the license allows — Active users (seats): 101 in use, the license allows 100; Guest users: 11 in use, the license allows 10. Deactivate users or ask for a larger license.',
      items: [
        { label: 'Active users (seats)', status: 'fail', detail: '101 in use, max 100' },
        { label: 'Guest users', status: 'fail', detail: '11 in use, max 10' },
        { label: 'Private apps', status: 'unknown', detail: 'max 3; current usage not reported by this server' },
      ],
    });
    expect(checkLimits(s, facts({ usage: { activeUsers: 100, guestUsers: 10, privateApps: 3 } }))).toEqual({
      name: 'limits',
      status: 'pass',
      message: 'Current usage is within the license.',
      items: [
        { label: 'Active users (seats)', status: 'pass', detail: '100 in use, max 100' },
        { label: 'Guest users', status: 'pass', detail: '10 in use, max 10' },
        { label: 'Private apps', status: 'pass', detail: '3 in use, max 3' },
      ],
    });
  });

  it('over a limit that does not invalidate: passes and says what happens instead (allow_action only reports it)', () => {
    const s = summary({ limits: [limit('monthlyActiveContacts', 100, 'start_fair_policy'), limit('marketplaceApps', 5, 'disable_modules', ['auditing', 'engagement-dashboard']), limit('privateApps', 3, 'prevent_action'), limit('guestUsers', 2, 'allow_action'), limit('roomsPerGuest', 4, 'prevent_action')] });
    expect(checkLimits(s, facts({ usage: { monthlyActiveContacts: 150, marketplaceApps: 6, privateApps: 3, guestUsers: 9, roomsPerGuest: 1 } }))).toEqual({
      name: 'limits',
      status: 'pass',
      message:
        'Current usage is within the license. Monthly active contacts is over its limit (150 of 100): the fair-use policy starts. Marketplace apps is over its limit (6 of 5): modules auditing, engagement-dashboard are switched off. Private apps is at its limit (3 of 3): no more can be added. Guest users is over its limit (9 of 2): nothing is blocked.',
      items: [
        { label: 'Monthly active contacts', status: 'pass', detail: '150 in use, max 100: the fair-use policy starts' },
        { label: 'Marketplace apps', status: 'pass', detail: '6 in use, max 5: modules auditing, engagement-dashboard are switched off' },
        { label: 'Private apps', status: 'pass', detail: '3 in use, max 3' },
        { label: 'Guest users', status: 'pass', detail: '9 in use, max 2: nothing is blocked' },
        { label: 'Rooms per guest', status: 'pass', detail: '1 in use, max 4' },
      ],
    });
    expect(checkLimits(summary({ limits: [limit('privateApps', 3, 'allow_action')] }), facts({ usage: { privateApps: 3 } })).message).toBe('Current usage is within the license.');
    expect(checkLimits(summary({ limits: [limit('privateApps', 3, 'prevent_action')] }), facts({ usage: { privateApps: 4 } }))).toMatchObject({
      status: 'pass',
      message: 'Current usage is within the license. Private apps is over its limit (4 of 3): no more can be added.',
      items: [{ label: 'Private apps', status: 'pass', detail: '4 in use, max 3: no more can be added' }],
    });
  });
});

describe('checkSignature and checkLicense', () => {
  it('a license verified with a key asked for is a warning, with the start of that key fingerprint', () => {
    expect(checkSignature(summary({ verifiedWith: { key: 'custom', fingerprint: '0123456789abcdef' + 'e'.repeat(48) } }))).toEqual({
      name: 'signature',
      status: 'unknown',
      message: 'Warning: signed with a non-Rocket.Chat key (SHA-256 0123456789abcdef…). A Rocket.Chat server will reject it unless it is a private build that trusts this key.',
    });
    expect(checkSignature(summary())).toEqual({ name: 'signature', status: 'pass', message: 'Genuine: signed by Rocket.Chat.' });
  });

  it('runs every check in the order shown, the server check only when it has something to say', () => {
    expect(checkLicense(summary(), facts()).map((c) => c.name)).toEqual(['signature', 'url', 'period', 'limits']);
    expect(checkLicense(summary(), facts({ serverVersion: '6.0.0' })).map((c) => c.name)).toEqual(['signature', 'server', 'url', 'period', 'limits']);
  });

  it('noWorkspace: nothing known but the laptop clock', () => {
    expect(noWorkspace(new Date(NOW))).toEqual({ workspaceUrl: null, workspaceUrlSource: null, serverTime: null, localTime: NOW, usage: null });
    expect(Date.parse(noWorkspace().localTime)).toBeGreaterThan(Date.parse('2026-01-01'));
  });
});
