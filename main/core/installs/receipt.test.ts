// The receipt a technician hands in: every fact of the job in words, in order, and the outcome's
// colour. Read as text (tags stripped), the way a reader of the printed page meets it.
import { describe, expect, it } from 'vitest';
import type { InstallResult } from './types';
import type { ActiveLicenseState } from '../rocketchat/types';
import { jobRecord } from '../../../e2e/support/job-fixture';
import { receiptHtml, receiptJson } from './receipt';

const state = (extra: Partial<ActiveLicenseState> = {}): ActiveLicenseState => ({ known: true, valid: true, id: 'OLD-1', modules: ['a', 'b'], tags: [], seats: 50, seatsInUse: 10, validUntil: '2026-12-31T00:00:00.000Z', trial: false, source: 'licenses.info', ...extra });

/** The page as a reader sees it: one line per table row, heading or paragraph. */
function text(html: string): string[] {
  return html
    .split('<body>')[1]
    .replace(/<\/(tr|h1|h2|p|li|div)>/g, '\n')
    .replace(/<\/th>/g, ': ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const full: InstallResult = jobRecord('20261127-120000-abcd', {
  outcome: 'active',
  headline: 'The workspace confirms license NEW-2 is active.',
  reasons: ['First reason.', 'Second reason.'],
  startedAt: '2026-11-27T12:00:00.000Z',
  finishedAt: '2026-11-27T12:00:07.500Z',
  workspace: { id: 'w1', name: 'Plant 7', baseUrl: 'https://chat.acme.lan', version: '8.8.0', workspaceUrl: 'chat.acme.lan', workspaceUrlSource: 'server' },
  user: { username: 'jo', isAdmin: true },
  license: { sha256: 'e'.repeat(64), hashTail: 'eeeeeeee', id: 'NEW-2', format: 'v3', customer: 'ACME', validUntil: '2027-12-31T00:00:00.000Z', seats: 250 },
  checks: [
    { name: 'url', status: 'pass', message: 'Matches.' },
    { name: 'limits', status: 'unknown', message: 'Usage unknown.' },
  ],
  serverValidation: { valid: false, reasons: ['Expired.', 'Too many users.'] },
  steps: [
    { step: 'connect', status: 'done', message: 'Rocket.Chat 8.8.0.', durationMs: 12 },
    { step: 'apply', status: 'failed', message: 'Refused.', httpStatus: 400 },
    { step: 'verify', status: 'warning', message: 'Slow.', durationMs: 0 },
  ],
  before: state(),
  after: state({ id: 'NEW-2', seats: null, validUntil: null, modules: [] }),
  replaced: { current: 'OLD-1 (50 seats)', lostWhen: 'now', warning: 'w', afterRejection: 'a' },
  backup: { status: 'kept', sha256: 'b'.repeat(64), licenseId: 'OLD-1', format: 'v3', activeBefore: null },
  restoreOf: '20261126-120000-ffff',
  forced: true,
  error: { code: 'SERVER_ERROR', message: 'The workspace answered with an error.', detail: 'HTTP 500' },
});

describe('the receipt in another language', () => {
  it('says everything in German and keeps the codes and values a supervisor matches it by', () => {
    const html = receiptHtml(full, '1.2.3', 'de');
    expect(html).toContain('<html lang="de" dir="ltr">');
    const lines = text(html);
    expect(lines).toContain('Beleg der Lizenzinstallation');
    expect(lines).toContain('Arbeitsbereich');
    expect(lines).toContain('Error (SERVER_ERROR)'.replace('Error', 'Fehler'));
    // The status word translated, its code and the outcome beside it; the job id, the SHA-256 kept.
    expect(html).toMatch(/data-status="[a-z-]+">[^<]+ <span class="small">\([a-z-]+; [a-z-]+\)<\/span>/);
    expect(html).toContain(full.license.sha256);
    expect(html).toContain(full.jobId);
    // Each check and step keeps its code beside its translated name.
    expect(lines.some((l) => /^Plätze und Grenzen \(limits\)/.test(l))).toBe(true);
    expect(lines.some((l) => /^Verbindung \(connect\)/.test(l))).toBe(true);
    // The error's own words by its code.
    expect(lines).toContain('Der Arbeitsbereich hat mit einem Fehler geantwortet. HTTP 500');
  });

  it('reads right to left in Arabic, with its values isolated', () => {
    const html = receiptHtml(full, '1.2.3', 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(text(html)).toContain('إيصال تثبيت الترخيص');
  });
});

describe('the receipt', () => {
  it('says every fact of the job, in order', () => {
    expect(receiptHtml(full, '1.2.3')).toContain('<title>License installation receipt 20261127-120000-abcd</title>');
    expect(text(receiptHtml(full, '1.2.3'))).toEqual([
      'License installation receipt',
      'Job 20261127-120000-abcd · 2026-11-27 12:00:00 UTC → 2026-11-27 12:00:07 UTC',
      'Restored (restored; active)',
      'The workspace confirms license NEW-2 is active.',
      'First reason.',
      'Second reason.',
      'Workspace',
      'Name: Plant 7',
      'Address: https://chat.acme.lan',
      'Site URL (license binding): chat.acme.lan',
      'Rocket.Chat version: 8.8.0',
      'Signed in as: jo (administrator)',
      'License',
      'License id: NEW-2',
      'Format: V3',
      'Customer: ACME',
      'Valid until: 2027-12-31',
      'Seats: 250',
      `SHA-256: ${'e'.repeat(64)}`,
      'What the workspace says',
      'Before: active (OLD-1), 50 seats, until 2026-12-31, 2 modules',
      'After: active (NEW-2)',
      'Replaced: OLD-1 (50 seats)',
      `Previous license kept: OLD-1 (V3), SHA-256 ${'b'.repeat(64)} — kept on the installing laptop, restorable`,
      'Restores the license kept by job: 20261126-120000-ffff',
      'Server validation (licenses.validate): not valid: Expired. Too many users.',
      'Sent despite failed checks: yes — the technician chose to apply anyway',
      'Checks before sending',
      'Workspace address (url): PASS Matches.',
      'Seats and limits (limits): UNKNOWN Usage unknown.',
      'Steps',
      'Connection (connect): done Rocket.Chat 8.8.0. 12 ms',
      'Apply (apply): failed Refused. (HTTP 400)',
      'Confirmation (verify): warning Slow. 0 ms',
      'Error (SERVER_ERROR)',
      'The workspace answered with an error. HTTP 500',
      'Made offline by Offline License Installer for Rocket.Chat 1.2.3. The license text is not part of this receipt; it is identified by its SHA-256.',
    ]);
  });

  it('colours each step by its status and the outcome by what it means', () => {
    const html = receiptHtml(full, '1');
    expect(html).toContain('<span class="pass">done</span>');
    expect(html).toContain('<span class="fail">failed</span>');
    expect(html).toContain('<span class="unknown">warning</span>');
    expect(html).toContain('<span class="unknown">UNKNOWN</span>');
    const tone = (outcome: InstallResult['outcome']) => /<div class="outcome (\w+)"/.exec(receiptHtml({ ...full, outcome }, '1'))?.[1];
    expect((['active', 'already-active'] as const).map(tone)).toEqual(['ok', 'ok']);
    expect((['unconfirmed', 'not-active', 'already-rejected', 'blocked', 'failed', 'interrupted'] as const).map(tone)).toEqual(['warn', 'warn', 'warn', 'warn', 'warn', 'warn']);
    expect(tone('rejected')).toBe('bad');
  });

  it('says each outcome in words', () => {
    // The six words everyone uses (vocabulary.ts), with the codes beside them for a reader of --json.
    const said = (outcome: InstallResult['outcome'], extra: Partial<InstallResult> = {}) => text(receiptHtml({ ...full, restoreOf: null, outcome, ...extra }, '1'))[2];
    expect(said('rejected')).toBe('Rejected (rejected; rejected)');
    expect(said('unconfirmed')).toBe('Not confirmed (not-confirmed; unconfirmed)');
    expect(said('not-active')).toBe('Not confirmed (not-confirmed; not-active)');
    expect(said('blocked')).toBe('Not sent (not-sent; blocked)');
    expect(said('already-active')).toBe('Active (active; already-active)');
    expect(said('already-rejected')).toBe('Not sent (not-sent; already-rejected)');
    expect(said('failed', { sent: 'no' })).toBe('Not sent (not-sent; failed)');
    expect(said('failed', { sent: 'yes' })).toBe('Rejected (rejected; failed)');
    expect(said('interrupted')).toBe('Interrupted (interrupted; interrupted)');
    expect(said('active', { restoreOf: '20261126-120000-ffff' })).toBe('Restored (restored; active)');
  });

  it('a job that knows little says so, and leaves out the rows that do not apply', () => {
    const bare = jobRecord('20261127-120000-abcd', {
      startedAt: '2026-11-27T12:00:00.000Z',
      finishedAt: '',
      workspace: { id: null, name: null, baseUrl: 'https://10.0.0.5', version: null, workspaceUrl: null, workspaceUrlSource: null },
      user: { username: 'op', isAdmin: false },
      license: { sha256: 'f'.repeat(64), hashTail: 'ffffffff', id: null, format: 'v2', customer: null, validUntil: null, seats: null },
      before: state({ known: false }),
      after: state({ valid: false }),
      backup: { status: 'none-before' },
    });
    const lines = text(receiptHtml(bare, '1'));
    // All of it, so that nothing stands where a row is left out.
    expect(lines).toEqual([
      'License installation receipt',
      'Job 20261127-120000-abcd · 2026-11-27 12:00:00 UTC → —',
      'Active (active; active)',
      'chat.acme.lan confirms license: it is in force now.',
      'Workspace',
      'Name: —',
      'Address: https://10.0.0.5',
      'Site URL (license binding): —',
      'Rocket.Chat version: —',
      'Signed in as: op',
      'License',
      'License id: —',
      'Format: V2',
      'Customer: —',
      'Valid until: no end date',
      'Seats: unlimited',
      `SHA-256: ${'f'.repeat(64)}`,
      'What the workspace says',
      'Before: not readable with this account',
      'After: no active license',
      'Previous license kept: none: no license was stored before',
      'Steps',
      'Made offline by Offline License Installer for Rocket.Chat 1. The license text is not part of this receipt; it is identified by its SHA-256.',
    ]);
    // An error without details is its message alone.
    const failed = text(receiptHtml(jobRecord('20261127-120000-abcd', { outcome: 'failed', error: { code: 'NETWORK', message: 'The workspace could not be reached.' } }), '1'));
    const at = failed.indexOf('Error (NETWORK)');
    expect(failed.slice(at, at + 2)).toEqual(['Error (NETWORK)', 'The workspace could not be reached.']);
    // A job from before backups were kept has no such row.
    const old = text(receiptHtml(jobRecord('20261127-120000-abcd'), '1'));
    expect(old.slice(old.indexOf('What the workspace says'), old.indexOf('Steps'))).toEqual(['What the workspace says', 'Before: not known', 'After: not known']);
    expect(lines).not.toContain('First reason.');

    const lines2 = text(receiptHtml(jobRecord('20261127-120000-abcd', { user: null, before: null, after: state({ id: null, seats: 0, validUntil: null, modules: [] }), backup: { status: 'unavailable', reason: 'this account may not read it' }, serverValidation: { valid: true, reasons: [] } }), '1'));
    expect(lines2).toEqual(expect.arrayContaining(['Signed in as: —', 'Before: not known', 'After: active, 0 seats', 'Previous license kept: none: this account may not read it', 'Server validation (licenses.validate): valid']));
    const kept = text(receiptHtml(jobRecord('20261127-120000-abcd', { backup: { status: 'kept', sha256: 'b'.repeat(64), licenseId: null, format: null, activeBefore: null } }), '1'));
    expect(kept).toContain(`Previous license kept: license, SHA-256 ${'b'.repeat(64)} — kept on the installing laptop, restorable`);
  });

  it('escapes every quote and ampersand too', () => {
    const html = receiptHtml(jobRecord('20261127-120000-abcd', { headline: `Tom & Jerry's "test"` }), '1');
    expect(html).toContain('<p>Tom &amp; Jerry&#39;s &quot;test&quot;</p>');
  });

  it('as JSON: the job itself, named as a receipt, with the app version, readable by people', () => {
    const json = receiptJson(full, '1.2.3');
    expect(JSON.parse(json)).toEqual({ receipt: 'rc-license-installer', appVersion: '1.2.3', ...full });
    expect(json).toMatch(/^\{\n {2}"receipt": "rc-license-installer",\n/);
    expect(json.endsWith('}\n')).toBe(true);
  });
});
