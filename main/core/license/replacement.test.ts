// What a technician is told about the license that is active now, by era and by what is known.
import { describe, expect, it } from 'vitest';
import { describeActive, replacementOf } from './replacement';
import type { ActiveLicenseState } from '../rocketchat/types';

const active = (o: Partial<ActiveLicenseState> = {}): ActiveLicenseState => ({
  known: true,
  valid: true,
  id: 'ACME-1',
  modules: [],
  tags: [],
  seats: 120,
  seatsInUse: 80,
  validUntil: '2027-12-31T00:00:00.000Z',
  trial: false,
  source: 'licenses.info',
  ...o,
});

describe('describeActive', () => {
  it.each([
    [{}, 'ACME-1 (120 seats, until 2027-12-31)'],
    [{ seats: null }, 'ACME-1 (until 2027-12-31)'],
    [{ seats: 0 }, 'ACME-1 (0 seats, until 2027-12-31)'],
    [{ validUntil: null }, 'ACME-1 (120 seats)'],
    [{ seats: null, validUntil: null }, 'ACME-1'],
    [{ id: null, seats: null, validUntil: null }, 'the active license'],
  ])('%j → %s', (o, words) => {
    expect(describeActive(active(o))).toBe(words);
  });
});

describe('replacementOf: when the active license is lost if the new one is rejected', () => {
  it.each([
    ['6.5.0', 'now'],
    ['6.10.1', 'now'],
    ['7.0.0', 'now'],
    ['10.0.0', 'now'],
    ['6.4.9', 'restart'],
    ['6.4.0', 'restart'],
    ['5.9.0', 'restart'],
    ['3.10.0', 'restart'],
    ['16.4.0', 'now'], // 16 > 6, whatever the minor
    ['v6.4.0', 'now'], // not a version we can read: say the worse
    [null, 'now'],
  ])('Rocket.Chat %s → %s', (version, lostWhen) => {
    expect(replacementOf(active(), version)?.lostWhen).toBe(lostWhen);
  });

  it('nothing is lost when nothing valid is active, or when it is this same license', () => {
    expect(replacementOf(null, '8.8.0')).toBeNull();
    expect(replacementOf(active({ valid: false }), '8.8.0')).toBeNull();
    expect(replacementOf(active({ valid: null }), '8.8.0')).toBeNull();
    expect(replacementOf(active(), '8.8.0', 'ACME-1')).toBeNull();
    expect(replacementOf(active(), '8.8.0', 'ACME-2')).not.toBeNull();
    expect(replacementOf(active({ id: null }), '8.8.0', null)).not.toBeNull();
  });

  it.each([
    ['6.14.0', false],
    ['6.4.0', false],
    ['7.0.0', true],
    ['8.8.0', true],
    [null, true], // not known: say the worse
  ])('Rocket.Chat %s: a rejected replacement can make the workspace read-only again → %s', (version, said) => {
    expect(replacementOf(active(), version)?.warning.includes('read-only again')).toBe(said);
  });

  it('says it in whole sentences, with or without a backup', () => {
    expect(replacementOf(active(), '8.8.0')).toMatchObject({
      current: 'ACME-1 (120 seats, until 2027-12-31)',
      lostWhen: 'now',
      warning:
        'Replaces ACME-1 (120 seats, until 2027-12-31), which is active now. If the server rejects the new license, nothing stays active: ACME-1 stops at once. On Rocket.Chat 7.0 and later the workspace then also counts down to read-only again, and is read-only at once if it has not reported to Rocket.Chat Cloud in the last 10 days (users cannot send, edit or upload).',
      afterRejection: 'ACME-1 (120 seats, until 2027-12-31), which was active before, is no longer active: nothing is active now.',
    });
    expect(replacementOf(active(), '6.3.0', 'NEW', { possible: true })).toMatchObject({
      current: 'ACME-1 (120 seats, until 2027-12-31)',
      lostWhen: 'restart',
      warning:
        'Replaces ACME-1 (120 seats, until 2027-12-31), which is active now. If the server rejects the new license, ACME-1 stays active only until Rocket.Chat next restarts; after that, none is. ACME-1 is backed up first and can be restored in one step.',
      afterRejection: 'ACME-1 (120 seats, until 2027-12-31) is still active, but only until Rocket.Chat restarts: the server now stores the rejected license in its place.',
    });
    expect(replacementOf(active({ id: null }), '8.8.0', 'NEW', { possible: false })?.warning).toBe(
      'Replaces the active license (120 seats, until 2027-12-31), which is active now. If the server rejects the new license, nothing stays active: the current license stops at once. On Rocket.Chat 7.0 and later the workspace then also counts down to read-only again, and is read-only at once if it has not reported to Rocket.Chat Cloud in the last 10 days (users cannot send, edit or upload). No backup: the server stores no license text to keep.',
    );
    expect(replacementOf(active(), '8.8.0', 'NEW', { possible: false, reason: 'this account may not read it' })?.warning).toMatch(/ No backup: this account may not read it\.$/);
  });
});
