// The verdict rules one by one (verdict.ts): each case changes one condition from a neighbour that
// decides the other way, so a mutant of that condition fails here (npm run mutate:core -- verdict).
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../rocketchat/server-log';
import { clockSkew, CLOCK_TOLERANCE_MS, judge, judgeAtEnd, validationReasons, type Observation, type VerdictContext } from './verdict';

const HASH = 'abcd1234';
const AT = '2026-12-03T10:00:00.000Z';
const LINE_AT = '2026-12-03T10:00:05.000Z';

const license: VerdictContext['license'] = {
  hashTail: HASH,
  serverUrls: [
    { value: 'chat.plant7.lan', type: 'url' },
    { value: '*.plant7.lan', type: 'regex' },
  ],
  periods: [
    { validFrom: null, validUntil: '2031-01-01T00:00:00.000Z', invalidBehavior: 'invalidate_license', modules: [] },
    { validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2026-06-01T00:00:00.000Z', invalidBehavior: 'disable_modules', modules: ['auditing'] },
  ],
  limits: [
    { kind: 'activeUsers', label: 'Active users (seats)', max: 25, behavior: 'prevent_installation', modules: [] },
    { kind: 'guestUsers', label: 'Guest users', max: null, behavior: 'invalidate_license', modules: [] },
    { kind: 'privateApps', label: 'Private apps', max: 3, behavior: 'start_fair_policy', modules: [] },
  ],
};

const ctx = (o: Partial<VerdictContext> = {}): VerdictContext => ({
  license,
  caps: { newEngine: true, logsValidated: false },
  validation: null,
  statusBefore: null,
  logReadable: true,
  workspaceUrl: 'chat.plant7.lan',
  usage: { activeUsers: 30, guestUsers: 2 },
  ...o,
});

const obs = (o: Partial<Observation> = {}): Observation => ({
  at: AT,
  sinceSendMs: 5000,
  state: { read: true, ours: false, valid: false, via: 'licenses.info' },
  status: null,
  log: [],
  dateHeader: null,
  ...o,
});

const url = (value: string, type = 'url', at: string | null = LINE_AT, workspaceUrl: string | null = 'chat.renamed.lan'): LogEvent => ({ kind: 'url-failed', rule: { value, type }, workspaceUrl, at });
const period = (validFrom: string | null, validUntil: string | null, behavior: string | null = 'invalidate_license', at: string | null = LINE_AT): LogEvent => ({ kind: 'period-failed', validFrom, validUntil, behavior, at });
const limit = (kind: string, max: number | null, behavior: string | null = 'prevent_installation'): LogEvent => ({ kind: 'limit-failed', limit: kind, max, behavior, at: LINE_AT });

describe('active', () => {
  it('the state showing our license valid is active, and says where it read it', () => {
    expect(judge(ctx(), obs({ state: { read: true, ours: true, valid: true, via: 'licenses.get' } }))).toEqual({
      outcome: 'active',
      record: { evidence: [{ source: 'license-state', says: 'ours-active', at: AT, clock: 'laptop', detail: 'licenses.get' }], reasons: [] },
    });
  });

  it('ours but not valid, or valid but not ours, is not active', () => {
    expect(judge(ctx(), obs({ state: { read: true, ours: true, valid: false, via: 'licenses.info' } }))).toBeNull();
    expect(judge(ctx(), obs({ state: { read: true, ours: false, valid: true, via: 'licenses.info' } }))).toBeNull();
    expect(judge(ctx(), obs({ state: { read: true, ours: null, valid: true, via: 'licenses.info' } }))).toBeNull();
  });

  it('"License installed" with our hash is active on Rocket.Chat\'s clock, even while the state still shows another', () => {
    const v = judge(ctx(), obs({ state: { read: true, ours: false, valid: true, via: 'licenses.info' }, log: [{ kind: 'installed', hashTail: HASH, at: LINE_AT }] }));
    expect(v?.outcome).toBe('active');
    expect(v?.record.evidence).toEqual([
      { source: 'server-log', says: 'installed', at: LINE_AT, clock: 'rocket.chat', detail: 'License installed' },
      { source: 'license-state', says: 'other-active', at: AT, clock: 'laptop', detail: 'licenses.info' },
    ]);
  });

  it('the log\'s "installed" verdict has no reasons', () => {
    expect(judge(ctx(), obs({ log: [{ kind: 'installed', hashTail: HASH, at: LINE_AT }] }))?.record.reasons).toEqual([]);
  });

  it('"License installed" with another hash is someone else\'s; one without a time is said on the laptop\'s clock', () => {
    expect(judge(ctx(), obs({ log: [{ kind: 'installed', hashTail: 'zzzz9999', at: LINE_AT }] }))).toBeNull();
    const untimed = judge(ctx(), obs({ state: { read: false, error: { code: 'TIMEOUT', message: 'm' } }, log: [{ kind: 'installed', hashTail: HASH, at: null }] }));
    expect(untimed?.record.evidence).toEqual([{ source: 'server-log', says: 'installed', at: AT, clock: 'laptop', detail: 'License installed' }]);
  });
});

describe("rejected by the log's own words about our license", () => {
  it('a URL rule of ours (value and type), with the Site URL the server used', () => {
    const v = judge(ctx(), obs({ log: [url('chat.plant7.lan')] }));
    expect(v).toEqual({
      outcome: 'rejected',
      record: {
        evidence: [
          { source: 'server-log', says: 'rejected', at: LINE_AT, clock: 'rocket.chat', detail: 'Url validation failed' },
          { source: 'license-state', says: 'none-active', at: AT, clock: 'laptop', detail: 'licenses.info' },
        ],
        reasons: [{ kind: 'url', licensed: [{ value: 'chat.plant7.lan', type: 'url' }], workspaceUrl: 'chat.renamed.lan' }],
        clockSkewMs: null,
      },
    });
  });

  it('each failed rule of ours is listed; another license\'s rule, or ours with another type, is not ours', () => {
    expect(judge(ctx(), obs({ log: [url('chat.other.lan')] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [url('chat.plant7.lan', 'regex')] }))).toBeNull();
    const both = judge(ctx(), obs({ log: [url('chat.plant7.lan', 'url', LINE_AT, 'a.lan'), url('*.plant7.lan', 'regex', LINE_AT, 'b.lan')] }));
    expect(both?.record.reasons).toEqual([{ kind: 'url', licensed: [license.serverUrls[0], license.serverUrls[1]], workspaceUrl: 'a.lan' }]);
  });

  it('a period of ours that refuses the license (invalidate or prevent installation), however the instant is spelt', () => {
    const v = judge(ctx(), obs({ log: [period(null, '2031-01-01')], dateHeader: 'Thu, 03 Dec 2026 10:00:06 GMT' }));
    expect(v?.outcome).toBe('rejected');
    expect(v?.record.evidence[0]).toMatchObject({ detail: 'Period validation failed', clock: 'rocket.chat' });
    expect(v?.record.reasons).toEqual([{ kind: 'period', validFrom: null, validUntil: '2031-01-01', rocketChatClock: LINE_AT, dateHeader: 'Thu, 03 Dec 2026 10:00:06 GMT' }]);
    const preventing = ctx({ license: { ...license, periods: [{ ...license.periods[0], invalidBehavior: 'prevent_installation' }] } });
    expect(judge(preventing, obs({ log: [period(null, '2031-01-01T00:00:00Z', 'prevent_installation')] }))?.outcome).toBe('rejected');
  });

  it('a period that only disables modules, has no behaviour, or is not ours, is no rejection', () => {
    expect(judge(ctx(), obs({ log: [period('2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 'disable_modules')] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [period(null, '2031-01-01T00:00:00.000Z', null)] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [period(null, '2032-01-01T00:00:00.000Z')] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [period('2030-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z')] }))).toBeNull(); // ours has no start
  });

  it('a limit of ours that refuses, with the usage read before when it shows the limit passed', () => {
    expect(judge(ctx(), obs({ log: [limit('activeUsers', 25)] }))?.record.reasons).toEqual([{ kind: 'limit', limit: 'activeUsers', max: 25, current: 30 }]);
    expect(judge(ctx({ usage: { activeUsers: 20 } }), obs({ log: [limit('activeUsers', 25)] }))?.record.reasons).toEqual([{ kind: 'limit', limit: 'activeUsers', max: 25, current: null }]);
    expect(judge(ctx({ usage: { activeUsers: 25 } }), obs({ log: [limit('activeUsers', 25)] }))?.record.reasons[0]).toMatchObject({ current: null });
    expect(judge(ctx({ usage: null }), obs({ log: [limit('activeUsers', 25)] }))?.record.reasons[0]).toMatchObject({ current: null });
    // Unlimited in the license is -1 on the server's line.
    expect(judge(ctx(), obs({ log: [limit('guestUsers', -1, 'invalidate_license')] }))?.record.reasons).toEqual([{ kind: 'limit', limit: 'guestUsers', max: -1, current: null }]);
    expect(judge(ctx(), obs({ log: [limit('guestUsers', -1, 'invalidate_license')] }))?.record.evidence[0].detail).toBe('Limit validation failed');
  });

  it('a limit with another maximum, another behaviour, a non-refusing behaviour, or another kind is no rejection', () => {
    expect(judge(ctx(), obs({ log: [limit('activeUsers', 26)] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [limit('activeUsers', 25, 'invalidate_license')] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [limit('privateApps', 3, 'start_fair_policy')] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [limit('privateApps', 3, 'invalidate_license')] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [limit('roomsPerGuest', 25)] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [limit('activeUsers', 25, null)] }))).toBeNull();
  });

  it('the state as evidence: ours but not valid is "none active"; valid but whose is unknown is "cannot tell"', () => {
    const rejected = obs({ log: [url('chat.plant7.lan')] });
    expect(judge(ctx(), { ...rejected, state: { read: true, ours: true, valid: false, via: 'licenses.info' } })?.record.evidence[1].says).toBe('none-active');
    expect(judge(ctx(), { ...rejected, state: { read: true, ours: null, valid: true, via: 'licenses.info' } })?.record.evidence[1].says).toBe('cannot-tell');
    expect(judge(ctx(), { ...rejected, state: { read: true, ours: false, valid: true, via: 'licenses.info' } })?.record.evidence[1].says).toBe('other-active');
  });

  it('a refusing line of a kind that is not a period is never read as one, even against a license with an open period', () => {
    const open = ctx({ license: { ...license, periods: [{ validFrom: null, validUntil: null, invalidBehavior: 'invalidate_license', modules: [] }] } });
    expect(judge(open, obs({ log: [limit('activeUsers', 99, 'invalidate_license')] }))).toBeNull();
  });

  it('a limit of 0 that the workspace passes names its usage', () => {
    const zero = ctx({ license: { ...license, limits: [{ kind: 'guestUsers', label: 'Guest users', max: 0, behavior: 'prevent_installation', modules: [] }] }, usage: { guestUsers: 1 } });
    expect(judge(zero, obs({ log: [limit('guestUsers', 0)] }))?.record.reasons).toEqual([{ kind: 'limit', limit: 'guestUsers', max: 0, current: 1 }]);
  });

  it('"Invalid raw license" alone (without its "Invalid license") is no verdict', () => {
    expect(judge(ctx(), obs({ log: [{ kind: 'invalid-raw', hashTail: HASH, at: LINE_AT }] }))).toBeNull();
  });

  it('"Invalid license" is ours only beside "Invalid raw license" ending with our hash', () => {
    const ours = judge(ctx(), obs({ log: [{ kind: 'invalid', at: LINE_AT }, { kind: 'invalid-raw', hashTail: HASH, at: LINE_AT }] }));
    expect(ours?.record.reasons).toEqual([{ kind: 'unreadable' }]);
    expect(ours?.record.evidence[0].detail).toBe('Invalid license');
    expect(judge(ctx(), obs({ log: [{ kind: 'invalid', at: LINE_AT }] }))).toBeNull();
    expect(judge(ctx(), obs({ log: [{ kind: 'invalid', at: LINE_AT }, { kind: 'invalid-raw', hashTail: 'other123', at: LINE_AT }] }))).toBeNull();
  });

  it('several reasons: the URL first, then the others in the order written', () => {
    const v = judge(ctx(), obs({ log: [limit('activeUsers', 25), url('chat.plant7.lan'), period(null, '2031-01-01T00:00:00.000Z')] }));
    expect(v?.record.reasons.map((r) => r.kind)).toEqual(['url', 'limit', 'period']);
    expect(v?.record.evidence[0].detail).toBe('Url validation failed');
  });

  it('the server not knowing its Site URL is a rejection once the state does not show ours', () => {
    const unknown: LogEvent = { kind: 'site-url-unknown', at: LINE_AT };
    expect(judge(ctx(), obs({ log: [unknown] }))).toMatchObject({ outcome: 'rejected', record: { reasons: [{ kind: 'site-url-unknown' }], evidence: [{ source: 'server-log', says: 'rejected', detail: 'Unable to validate license URL without knowing the workspace URL.' }, { source: 'license-state' }] } });
    expect(judge(ctx(), obs({ log: [unknown], state: { read: true, ours: null, valid: true, via: 'licenses.info' } }))?.outcome).toBe('rejected');
    expect(judge(ctx(), obs({ log: [unknown], state: { read: false, error: { code: 'TIMEOUT', message: 'm' } } }))).toBeNull();
  });
});

describe('≤6.4: "New" without "validated" after it', () => {
  const c = ctx({ caps: { newEngine: false, logsValidated: true } });
  const New: LogEvent = { kind: 'old-new', at: LINE_AT };
  const validated: LogEvent = { kind: 'old-validated', at: LINE_AT };

  it('is a rejection whose reason went to stderr', () => {
    expect(judge(c, obs({ log: [New] }))).toEqual({
      outcome: 'rejected',
      record: {
        evidence: [
          { source: 'server-log', says: 'applied-not-validated', at: LINE_AT, clock: 'rocket.chat', detail: '### New Enterprise License' },
          { source: 'license-state', says: 'none-active', at: AT, clock: 'laptop', detail: 'licenses.info' },
        ],
        reasons: [{ kind: 'not-logged' }],
      },
    });
  });

  it('the last "New" counts: validated after it is no verdict; validated only before a later one is', () => {
    expect(judge(c, obs({ log: [New, validated] }))).toBeNull();
    expect(judge(c, obs({ log: [New, validated, New] }))?.outcome).toBe('rejected');
    expect(judge(c, obs({ log: [validated] }))).toBeNull();
  });

  it('not on versions that never log "validated" (3.10 – 3.12), nor without a state read', () => {
    expect(judge(ctx({ caps: { newEngine: false, logsValidated: false } }), obs({ log: [New] }))).toBeNull();
    expect(judge(c, obs({ log: [New], state: { read: false, error: { code: 'TIMEOUT', message: 'm' } } }))).toBeNull();
    expect(judge(c, obs({ log: [New], state: { read: true, ours: true, valid: false, via: 'licenses.get' } }))).toBeNull();
  });
});

describe('rejected by the status setting, and by licenses.validate', () => {
  const invalidAfterValid = { statusBefore: 'Valid' as const };

  it('6.5+: Valid before, Invalid now, and not ours: rejected', () => {
    expect(judge(ctx(invalidAfterValid), obs({ status: 'Invalid' }))).toEqual({
      outcome: 'rejected',
      record: {
        evidence: [
          { source: 'status-setting', says: 'invalid-after-valid', at: AT, clock: 'laptop', detail: 'Enterprise_License_Status' },
          { source: 'license-state', says: 'none-active', at: AT, clock: 'laptop', detail: 'licenses.info' },
        ],
        reasons: [],
      },
    });
  });

  it("with licenses.validate's refusal before the send, its reasons come with the setting's verdict", () => {
    expect(judge(ctx({ ...invalidAfterValid, validation: { valid: false, reasons: [{ reason: 'url' }] } }), obs({ status: 'Invalid', state: { read: true, ours: false, valid: true, via: 'licenses.info' } }))?.record.reasons).toEqual([
      { kind: 'url', licensed: license.serverUrls, workspaceUrl: 'chat.plant7.lan' },
    ]);
  });

  it('not on the old engine (its status is unreliable), nor when it was not Valid before, nor while Valid, nor when ours', () => {
    expect(judge(ctx({ ...invalidAfterValid, caps: { newEngine: false, logsValidated: true } }), obs({ status: 'Invalid' }))).toBeNull();
    expect(judge(ctx({ statusBefore: 'Invalid' }), obs({ status: 'Invalid' }))).toBeNull();
    expect(judge(ctx(invalidAfterValid), obs({ status: 'Valid' }))).toBeNull();
    expect(judge(ctx(invalidAfterValid), obs({ status: 'Invalid', state: { read: true, ours: true, valid: false, via: 'licenses.info' } }))).toBeNull();
  });

  it("a forced send licenses.validate had refused: rejected with the server's reasons once the state does not show it", () => {
    const c = ctx({ validation: { valid: false, reasons: [{ reason: 'url' }] } });
    expect(judge(c, obs())).toEqual({
      outcome: 'rejected',
      record: {
        evidence: [
          { source: 'server-validation', says: 'invalid', at: AT, clock: 'laptop', detail: 'licenses.validate' },
          { source: 'license-state', says: 'none-active', at: AT, clock: 'laptop', detail: 'licenses.info' },
        ],
        reasons: [{ kind: 'url', licensed: license.serverUrls, workspaceUrl: 'chat.plant7.lan' }],
      },
    });
    expect(judge(ctx({ validation: { valid: true, reasons: [] } }), obs())).toBeNull();
    // Not before the server has applied it: the license that was active is still shown.
    expect(judge(c, obs({ state: { read: true, ours: false, valid: true, via: 'licenses.info' } }))).toBeNull();
    expect(judge(c, obs({ state: { read: true, ours: null, valid: null, via: 'none' } }))).toBeNull();
    expect(judge(c, obs({ state: { read: false, error: { code: 'TIMEOUT', message: 'm' } } }))).toBeNull();
  });
});

describe('the end of the wait', () => {
  const unread = { read: false as const, error: { code: 'TIMEOUT' as const, message: 'No answer.' } };

  it('a verdict the last read allows still stands', () => {
    expect(judgeAtEnd(ctx(), obs({ state: { read: true, ours: true, valid: true, via: 'licenses.info' } }), 20_000).outcome).toBe('active');
  });

  it('the last read failed: not confirmed, with the cause and the seconds waited', () => {
    expect(judgeAtEnd(ctx(), obs({ state: unread }), 20_400)).toEqual({
      outcome: 'unconfirmed',
      record: { evidence: [{ source: 'elapsed-time', says: 'waited', at: AT, clock: 'laptop', detail: '20' }], reasons: [] },
      cause: unread.error,
    });
    expect(judgeAtEnd(ctx(), obs({ state: unread }), 20_600).record.evidence[0].detail).toBe('21');
  });

  it('a readable log on the new engine could have spoken: not confirmed, and says it stayed silent', () => {
    expect(judgeAtEnd(ctx(), obs(), 20_000)).toEqual({
      outcome: 'unconfirmed',
      record: {
        evidence: [
          { source: 'license-state', says: 'none-active', at: AT, clock: 'laptop', detail: 'licenses.info' },
          { source: 'server-log', says: 'silent', at: AT, clock: 'laptop' },
          { source: 'elapsed-time', says: 'waited', at: AT, clock: 'laptop', detail: '20' },
        ],
        reasons: [],
      },
    });
  });

  it('each source that could have said "rejected" keeps it at "not confirmed"', () => {
    const none = ctx({ logReadable: false });
    expect(judgeAtEnd(none, obs(), 10_000).outcome).toBe('not-active');
    expect(judgeAtEnd(ctx({ logReadable: false, statusBefore: 'Valid' }), obs(), 10_000).record.evidence.map((e) => [e.source, e.says])).toContainEqual(['status-setting', 'silent']);
    expect(judgeAtEnd(ctx({ logReadable: false, validation: { valid: true, reasons: [] } }), obs(), 10_000).record.evidence.map((e) => [e.source, e.says])).toContainEqual(['server-validation', 'valid']);
    expect(judgeAtEnd(ctx({ caps: { newEngine: false, logsValidated: true } }), obs(), 10_000).outcome).toBe('unconfirmed');
  });

  it('sources that could not have spoken leave "not active": an old log without "validated", a status not Valid before, an old engine\'s status', () => {
    expect(judgeAtEnd(ctx({ caps: { newEngine: false, logsValidated: false } }), obs(), 10_000).outcome).toBe('not-active');
    expect(judgeAtEnd(ctx({ logReadable: false, statusBefore: 'Invalid' }), obs(), 10_000).outcome).toBe('not-active');
    expect(judgeAtEnd(ctx({ logReadable: false, statusBefore: 'Valid', caps: { newEngine: false, logsValidated: false } }), obs(), 10_000).outcome).toBe('not-active');
    expect(judgeAtEnd(ctx({ logReadable: false, validation: { valid: false, reasons: [] } }), obs({ state: { read: true, ours: false, valid: true, via: 'licenses.info' } }), 10_000).outcome).toBe('not-active');
  });

  it('"not active" names the state and the time waited; a state that cannot tell whose license is valid stays "not confirmed"', () => {
    expect(judgeAtEnd(ctx({ logReadable: false }), obs({ state: { read: true, ours: false, valid: true, via: 'licenses.get' } }), 9_600)).toEqual({
      outcome: 'not-active',
      record: {
        evidence: [
          { source: 'license-state', says: 'other-active', at: AT, clock: 'laptop', detail: 'licenses.get' },
          { source: 'elapsed-time', says: 'waited', at: AT, clock: 'laptop', detail: '10' },
        ],
        reasons: [],
      },
    });
    const cannotTell = judgeAtEnd(ctx({ logReadable: false }), obs({ state: { read: true, ours: null, valid: null, via: 'none' } }), 10_000);
    expect(cannotTell.outcome).toBe('unconfirmed');
    expect(cannotTell.record.evidence[0].says).toBe('cannot-tell');
  });
});

describe('clocks', () => {
  const line = '2026-12-03T10:00:00.000Z';
  const header = (deltaMs: number) => new Date(Date.parse(line) + deltaMs).toUTCString();

  it('agree while the Date header is no further from the line than the wait and the tolerance allow', () => {
    expect(clockSkew(line, { dateHeader: header(0), sinceSendMs: 5000 })).toBeNull();
    expect(clockSkew(line, { dateHeader: header(-CLOCK_TOLERANCE_MS), sinceSendMs: 5000 })).toBeNull();
    expect(clockSkew(line, { dateHeader: header(5000 + CLOCK_TOLERANCE_MS), sinceSendMs: 5000 })).toBeNull();
  });

  it("disagree just past either edge: Rocket.Chat's clock minus the header's", () => {
    expect(clockSkew(line, { dateHeader: header(-CLOCK_TOLERANCE_MS - 1000), sinceSendMs: 5000 })).toBe(CLOCK_TOLERANCE_MS + 1000);
    expect(clockSkew(line, { dateHeader: header(5000 + CLOCK_TOLERANCE_MS + 1000), sinceSendMs: 5000 })).toBe(-(5000 + CLOCK_TOLERANCE_MS + 1000));
  });

  it('cannot be told without a line time, a header, or a readable header', () => {
    expect(clockSkew(null, { dateHeader: header(0), sinceSendMs: 0 })).toBeNull();
    expect(clockSkew(line, { dateHeader: null, sinceSendMs: 0 })).toBeNull();
    expect(clockSkew(line, { dateHeader: 'yesterday', sinceSendMs: 0 })).toBeNull();
  });

  it('a period rejection records the skew of its first line', () => {
    const v = judge(ctx(), obs({ log: [period(null, '2031-01-01T00:00:00.000Z', 'invalidate_license', '2027-02-01T10:00:00.000Z')], dateHeader: header(0) }));
    expect(v?.record.clockSkewMs).toBe(Date.parse('2027-02-01T10:00:00.000Z') - Date.parse(line));
  });
});

describe("licenses.validate's reasons in the technician's terms", () => {
  const at = { dateHeader: 'Thu, 03 Dec 2026 10:00:06 GMT' };
  const reasons = (rs: Array<{ reason: string; limit?: string }>, usage: VerdictContext['usage'] = { activeUsers: 30 }) => validationReasons({ license, workspaceUrl: 'w.lan', usage, validation: { reasons: rs } }, at);

  it('url, period (the first period that refuses the license), limit, and anything else in its own word', () => {
    expect(reasons([{ reason: 'url' }, { reason: 'period' }, { reason: 'limit', limit: 'activeUsers' }, { reason: 'moon-phase' }])).toEqual([
      { kind: 'url', licensed: license.serverUrls, workspaceUrl: 'w.lan' },
      { kind: 'period', validFrom: null, validUntil: '2031-01-01T00:00:00.000Z', rocketChatClock: null, dateHeader: at.dateHeader },
      { kind: 'limit', limit: 'activeUsers', max: 25, current: 30 },
      { kind: 'other', said: 'moon-phase' },
    ]);
  });

  it('a period with no refusing one in the license, a limit without a kind, a limit the license lacks, and a long word cut', () => {
    const onlyModules = validationReasons({ license: { ...license, periods: [license.periods[1]] }, workspaceUrl: null, usage: null, validation: { reasons: [{ reason: 'period' }] } }, at);
    expect(onlyModules).toEqual([{ kind: 'period', validFrom: null, validUntil: null, rocketChatClock: null, dateHeader: at.dateHeader }]);
    expect(reasons([{ reason: 'limit' }])).toEqual([{ kind: 'other', said: 'limit' }]);
    expect(reasons([{ reason: 'moon-phase', limit: 'activeUsers' }])).toEqual([{ kind: 'other', said: 'moon-phase' }]);
    expect(reasons([{ reason: 'limit', limit: 'monthlyActiveContacts' }], { monthlyActiveContacts: 9 })).toEqual([{ kind: 'limit', limit: 'monthlyActiveContacts', max: null, current: null }]);
    expect(reasons([{ reason: 'x'.repeat(300) }])[0]).toEqual({ kind: 'other', said: 'x'.repeat(200) });
    expect(validationReasons({ license, workspaceUrl: null, usage: null, validation: null }, at)).toEqual([]);
  });
});
