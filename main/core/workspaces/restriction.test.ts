// The air-gapped countdown as read and said (spec §5.13; AirGappedRestriction.ts in 7.0–8.x: -1 none,
// 0 read-only, 1–10 days left).
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../errors';
import type { HttpResponse } from '../rocketchat/http';
import { describeRestriction, describeRestrictionChange, readRestriction, restrictionEffect, restrictionPhase, RESTRICTION_SETTING } from './restriction';
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
    const errorWithValue = { call: async () => reply(500, { settings: [{ _id: RESTRICTION_SETTING, value: 0 }] }) };
    expect(await readRestriction(errorWithValue, { major: 7 })).toMatchObject({ phase: 'unknown', reason: 'the workspace answered 500' });
    const refused = { call: async () => reply(403, { success: false }) };
    expect(await readRestriction(refused, { major: 7 })).toMatchObject({ phase: 'unknown', reason: 'the workspace answered 403' });
    const down = { call: async () => Promise.reject(new AppFailure('NETWORK_UNREACHABLE', 'connection reset')) };
    expect(await readRestriction(down, { major: 7 })).toMatchObject({ phase: 'unknown', reason: 'The workspace could not be reached: connection reset' });
    // Only the closing full stop goes: "Rocket.Chat" keeps its own.
    const bare = { call: async () => Promise.reject(new AppFailure('NOT_ROCKETCHAT')) };
    expect((await readRestriction(bare, { major: 7 })).reason).toBe('The address answered, but not as a Rocket.Chat server');
  });

  it('a programming error is not hidden as "unknown"', async () => {
    const broken = { call: async () => Promise.reject(new TypeError('boom')) };
    await expect(readRestriction(broken, { major: 7 })).rejects.toThrow('boom');
  });
});

describe('describeRestriction', () => {
  it('a label for the badge, then what users can do and what lifts it', () => {
    expect(describeRestriction(reading('read-only', 0))).toMatchObject({ label: 'Read-only now', text: 'users can read rooms but cannot send, edit or upload. Any valid license lifts it at once.' });
    expect(describeRestriction(reading('warning', 1))?.label).toBe('Read-only in 1 day');
    expect(describeRestriction(reading('warning', 4))).toMatchObject({ label: 'Read-only in 4 days', text: 'then users can read rooms but cannot send, edit or upload. Any valid license lifts it.' });
    expect(describeRestriction(reading('none', -1))).toMatchObject({ label: 'No read-only countdown', text: 'users can send messages.' });
    expect(describeRestriction({ ...reading('unknown'), reason: 'the workspace answered 500' })).toMatchObject({ label: 'Not known', text: 'the read-only countdown could not be read (the workspace answered 500).' });
    expect(describeRestriction(reading('unknown'))?.text).toBe('the read-only countdown could not be read (no answer).');
    expect(describeRestriction(reading('not-applicable'))).toBeNull();
  });
});

describe('restrictionEffect', () => {
  it('what the license will do: lift it or stop the countdown, or not when a check fails; nothing to say otherwise', () => {
    expect(restrictionEffect(reading('read-only', 0), true)).toBe('This workspace is read-only now (users cannot send, edit or upload); this license lifts it as soon as the server accepts it.');
    expect(restrictionEffect(reading('read-only', 0), false)).toMatch(/^This workspace is read-only now .*, and this license would not lift it: /);
    expect(restrictionEffect(reading('warning', 1), true)).toBe('This workspace becomes read-only in 1 day; this license stops the countdown as soon as the server accepts it.');
    expect(restrictionEffect(reading('warning', 4), false)).toBe(
      'This workspace becomes read-only in 4 days, and this license would not stop it: the server will most likely refuse it (see the failed check).',
    );
    for (const r of [reading('none', -1), reading('unknown'), reading('not-applicable'), null, undefined]) expect(restrictionEffect(r, true)).toBeNull();
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
    expect(describeRestrictionChange(reading('not-applicable'), reading('none', -1))).toBeNull();
    expect(describeRestrictionChange(reading('unknown'), reading('none', -1))).toBeNull();
    expect(describeRestrictionChange(reading('read-only', 0), reading('unknown'))).toBeNull();
    expect(describeRestrictionChange(null, reading('none', -1))).toBeNull();
    expect(describeRestrictionChange(reading('read-only', 0), undefined)).toBeNull();
  });
});
