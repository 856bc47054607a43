// The air-gapped countdown as read and said (spec §5.13; AirGappedRestriction.ts in 7.0–8.x: -1 none,
// 0 read-only, 1–10 days left).
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../errors';
import type { HttpResponse } from '../rocketchat/http';
import { describeRestriction, describeRestrictionChange, readRestriction, restrictionPhase, RESTRICTION_SETTING } from './restriction';
import type { RestrictionReading } from './types';

const reply = (status: number, json: unknown): HttpResponse => ({ status, headers: {}, json, text: JSON.stringify(json), serverDate: null, receivedAt: new Date(), durationMs: 1 });
const reading = (phase: RestrictionReading['phase'], remainingDays: number | null = null): RestrictionReading => ({ phase, remainingDays, source: 'settings.public', at: '2026-12-01T00:00:00Z' });

describe('restrictionPhase', () => {
  it('-1 none, 0 read-only, any day left a warning', () => {
    expect([-1, 0, 1, 7, 10].map(restrictionPhase)).toEqual(['none', 'read-only', 'warning', 'warning', 'warning']);
  });
});

describe('readRestriction', () => {
  it('asks settings.public for the one setting by _id (no sign-in) and reads its value', async () => {
    const asked: unknown[] = [];
    const client = {
      call: async (...args: unknown[]) => {
        asked.push(args);
        return reply(200, { settings: [{ _id: 'Site_Name', value: 'x' }, { _id: RESTRICTION_SETTING, value: 4 }], success: true });
      },
    };
    expect(await readRestriction(client, { major: 7 })).toMatchObject({ phase: 'warning', remainingDays: 4, source: 'settings.public' });
    expect(asked).toEqual([['GET', '/api/v1/settings.public', 'settings.public', { query: { _id: RESTRICTION_SETTING } }]]);
  });

  it('before 7.0 nothing is asked: the countdown does not exist', async () => {
    const client = { call: async () => Promise.reject(new Error('must not be called')) };
    expect(await readRestriction(client, { major: 6 })).toMatchObject({ phase: 'not-applicable', remainingDays: null });
  });

  it('an answer without the setting, a refusal or a failure is "unknown" with why — never a guess', async () => {
    const without = { call: async () => reply(200, { settings: [], success: true }) };
    expect(await readRestriction(without, { major: 7 })).toMatchObject({ phase: 'unknown', reason: 'the workspace does not show the setting' });
    const stringValue = { call: async () => reply(200, { settings: [{ _id: RESTRICTION_SETTING, value: '0' }] }) };
    expect((await readRestriction(stringValue, { major: 8 })).phase).toBe('unknown');
    const refused = { call: async () => reply(403, { success: false }) };
    expect(await readRestriction(refused, { major: 7 })).toMatchObject({ phase: 'unknown', reason: 'the workspace answered 403' });
    const down = { call: async () => Promise.reject(new AppFailure('NETWORK_UNREACHABLE', 'connection reset')) };
    expect(await readRestriction(down, { major: 7 })).toMatchObject({ phase: 'unknown', reason: expect.stringContaining('connection reset') });
  });

  it('a programming error is not hidden as "unknown"', async () => {
    const broken = { call: async () => Promise.reject(new TypeError('boom')) };
    await expect(readRestriction(broken, { major: 7 })).rejects.toThrow('boom');
  });
});

describe('describeRestriction', () => {
  it('says what users can do and what lifts it, in words (not a colour alone)', () => {
    expect(describeRestriction(reading('read-only', 0))).toBe('Read-only now: users can read rooms but cannot send, edit or upload. Any valid license lifts it at once.');
    expect(describeRestriction(reading('warning', 1))).toMatch(/^Read-only in 1 day: /);
    expect(describeRestriction(reading('warning', 4))).toMatch(/^Read-only in 4 days: .*Any valid license lifts it\.$/);
    expect(describeRestriction(reading('none', -1))).toBe('No read-only countdown: users can send messages.');
    expect(describeRestriction({ ...reading('unknown'), reason: 'the workspace answered 500' })).toBe('The read-only countdown could not be read (the workspace answered 500).');
    expect(describeRestriction(reading('not-applicable'))).toBeNull();
  });
});

describe('describeRestrictionChange', () => {
  it('before → after, with what it means for users', () => {
    expect(describeRestrictionChange(reading('read-only', 0), reading('none', -1))).toBe("read-only → lifted: users can send messages again (the server's own setting says so).");
    expect(describeRestrictionChange(reading('warning', 4), reading('none', -1))).toMatch(/^read-only in 4 days → lifted/);
    expect(describeRestrictionChange(reading('none', -1), reading('read-only', 0))).toBe('no countdown → read-only: users can read rooms but cannot send, edit or upload until a valid license is active.');
    expect(describeRestrictionChange(reading('none', -1), reading('warning', 3))).toBe('no countdown → read-only in 3 days.');
    expect(describeRestrictionChange(reading('warning', 5), reading('warning', 4))).toBe('read-only in 5 days → read-only in 4 days.');
  });

  it('says nothing when nothing changed, before 7.0, or when either side could not be read', () => {
    expect(describeRestrictionChange(reading('read-only', 0), reading('read-only', 0))).toBeNull();
    expect(describeRestrictionChange(reading('not-applicable'), reading('not-applicable'))).toBeNull();
    expect(describeRestrictionChange(reading('unknown'), reading('none', -1))).toBeNull();
    expect(describeRestrictionChange(reading('read-only', 0), reading('unknown'))).toBeNull();
    expect(describeRestrictionChange(null, reading('none', -1))).toBeNull();
    expect(describeRestrictionChange(reading('read-only', 0), undefined)).toBeNull();
  });
});
