// The pure checks the flow's verdicts rest on: is the server's active license the one we sent,
// the same instant whatever its spelling, and where the server's log says why, by era. Table
// tests, so each comparison is pinned by a case that differs from a passing one in one thing.
import { describe, expect, it } from 'vitest';
import { isSameLicense, sameInstant } from './same-license';
import { serverLogHint } from './server-reasons';
import type { LoadedLicense } from '../license/license-store';
import type { LicenseStateWithUsage } from '../rocketchat/rocketchat-client';

const v3Payload = { version: '3.0', information: { id: 'A-1', autoRenew: false }, validation: { serverUrls: [{ value: 'chat.plant7.lan', type: 'url' }] }, limits: { activeUsers: [{ max: 100 }] } };
const loaded = (format: 'v2' | 'v3', payload: Record<string, unknown>) => ({ payload, summary: { format } }) as unknown as LoadedLicense;
const seen = (o: Partial<LicenseStateWithUsage>) => ({ state: { valid: true }, usage: null, payload: null, legacy: null, ...o }) as unknown as LicenseStateWithUsage;

describe('sameInstant', () => {
  it.each([
    ['2031-01-01', '2031-01-01T00:00:00.000Z', true],
    ['2031-01-01T00:00:00Z', '2031-01-01T00:00:00.000Z', true],
    ['2031-01-01', '2031-01-02', false],
    ['soon', 'soon', false], // not a date: never "the same"
    [undefined, '2031-01-01', false],
    ['2031-01-01', 20310101, false],
    [new Date('2031-01-01T00:00:00Z'), '2031-01-01T00:00:00.000Z', false], // a Date parses, but it is not what the server said
    ['2031-01-01T00:00:00.000Z', new Date('2031-01-01T00:00:00Z'), false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(sameInstant(a, b)).toBe(expected);
  });
});

describe('isSameLicense', () => {
  it('V3: the payload the server shows, ignoring the token claims and key order', () => {
    const license = loaded('v3', { ...v3Payload, iat: 1 });
    const reordered = { limits: v3Payload.limits, validation: v3Payload.validation, information: { autoRenew: false, id: 'A-1' }, version: '3.0', exp: 2, nbf: 3, iat: 4 };
    expect(isSameLicense(license, seen({ payload: reordered }))).toBe(true);
    expect(isSameLicense(license, seen({ payload: { ...reordered, information: { id: 'A-2', autoRenew: false } } }))).toBe(false);
    expect(isSameLicense(license, seen({ payload: { ...reordered, limits: { activeUsers: [{ max: 101 }] } } }))).toBe(false);
    expect(isSameLicense(license, seen({ payload: { ...reordered, extra: null } }))).toBe(false);
  });

  it('V2 on 6.5+: converted, so the URL and the expiry instant decide', () => {
    const license = loaded('v2', { url: 'chat.plant7.lan', expiry: '2031-01-01', maxActiveUsers: 100 });
    const converted = (url: string, until: string) => seen({ payload: { validation: { serverUrls: [{ value: url }], validPeriods: [{ validUntil: until }] } } });
    expect(isSameLicense(license, converted('chat.plant7.lan', '2031-01-01T00:00:00.000Z'))).toBe(true);
    expect(isSameLicense(license, converted('chat.other.lan', '2031-01-01T00:00:00.000Z'))).toBe(false);
    expect(isSameLicense(license, converted('chat.plant7.lan', '2031-01-02T00:00:00.000Z'))).toBe(false);
    expect(isSameLicense(license, seen({ payload: { validation: {} } }))).toBe(false);
    expect(isSameLicense(license, seen({ payload: {} }))).toBe(false);
    expect(isSameLicense(license, seen({ payload: { validation: { serverUrls: [], validPeriods: [] } } }))).toBe(false);
    expect(isSameLicense(license, seen({ payload: { validation: { serverUrls: [{ value: 'chat.plant7.lan' }] } } }))).toBe(false);
    expect(isSameLicense(license, seen({ payload: { validation: { serverUrls: [{ value: 'chat.plant7.lan' }], validPeriods: [] } } }))).toBe(false);
  });

  it('V3: a list is not an object with numbered keys', () => {
    const license = loaded('v3', { modules: ['a', 'b'] });
    expect(isSameLicense(license, seen({ payload: { modules: { 0: 'a', 1: 'b' } } }))).toBe(false);
  });

  it('before 7.0 (licenses.get): a V2 license matches on URL, expiry and seats together', () => {
    const license = loaded('v2', { url: 'chat.plant7.lan', expiry: '2031-01-01', maxActiveUsers: 100 });
    const legacy = (l: Record<string, unknown>) => seen({ legacy: [{ url: 'x', expiry: 'y', maxActiveUsers: 1 }, l] });
    expect(isSameLicense(license, legacy({ url: 'chat.plant7.lan', expiry: '2031-01-01', maxActiveUsers: 100 }))).toBe(true);
    expect(isSameLicense(license, legacy({ url: 'chat.other.lan', expiry: '2031-01-01', maxActiveUsers: 100 }))).toBe(false);
    expect(isSameLicense(license, legacy({ url: 'chat.plant7.lan', expiry: '2031-01-02', maxActiveUsers: 100 }))).toBe(false);
    expect(isSameLicense(license, legacy({ url: 'chat.plant7.lan', expiry: '2031-01-01', maxActiveUsers: 500 }))).toBe(false);
    expect(isSameLicense(license, seen({ legacy: [] }))).toBe(false);
  });

  it('before 7.0, a V3 license listed by licenses.get matches on its payload', () => {
    const license = loaded('v3', v3Payload);
    expect(isSameLicense(license, seen({ legacy: [{ ...v3Payload, exp: 9 }] }))).toBe(true);
    expect(isSameLicense(license, seen({ legacy: [{ ...v3Payload, version: '3.1' }] }))).toBe(false);
  });

  it('says it cannot tell when the server shows neither', () => {
    expect(isSameLicense(loaded('v3', v3Payload), seen({}))).toBeNull();
  });
});

describe('serverLogHint: the words the server log uses, by era', () => {
  it.each([
    [3, 10, /does not log why/],
    [3, 12, /does not log why/],
    [3, 13, /invalid url”, “…: expired” or “…: over seats”/],
    [3, 18, /or “…: over seats”/],
    [4, 0, /invalid url”, “…: expired” after/],
    [6, 4, /#### License error/],
    [6, 5, /Url validation failed/],
    [7, 0, /Limit validation failed/],
    [8, 8, /Period validation failed/],
  ])('%d.%d', (major, minor, words) => {
    expect(serverLogHint({ major, minor })).toMatch(words);
  });
});
