// The flow's two decisions, against a scripted server on a virtual clock: send or don't send
// (already active, already rejected, blocked, forced, unreadable format, server validation, the
// backup), and active / rejected / unconfirmed (settling, back-off, a server that cannot tell,
// a server that stops answering). Each case changes one thing from its neighbour, so a mutant of
// the condition that tells them apart fails one of them (StrykerJS: npm run mutate:core).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { decodeLicense } from '../license/license';
import { makeKey } from '../license/license-decode';
import type { LoadedLicense } from '../license/license-store';
import { AppFailure } from '../errors';
import { licenses, sharedTestKeyPair, signV3 } from '../../../e2e/simulator/license-factory';
import { installLicense, type InstallOptions } from './install-flow';
import type { LicenseStateWithUsage, RocketChatClient } from '../rocketchat/rocketchat-client';
import type { LicenseBackup } from './types';
import type { ActiveLicenseState, WorkspaceInfo } from '../rocketchat/types';
import { capsFor } from '../../../e2e/support/flow-kit';

const HOST = 'chat.plant7.lan';
let ours: LoadedLicense;
let other: LoadedLicense;
let elsewhere: LoadedLicense;
beforeAll(async () => {
  const keys = [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];
  const load = async (text: string) => ({ ...(await decodeLicense(text, keys)), source: null });
  ours = await load(await signV3(licenses.boundTo(HOST, { id: 'OURS-1' })));
  other = await load(await signV3(licenses.boundTo(HOST, { id: 'OTHER-2' })));
  elsewhere = await load(await signV3(licenses.boundTo('chat.elsewhere.lan', { id: 'ELSEWHERE-3' })));
});

function info(version = '8.8.0'): WorkspaceInfo {
  const [major, minor] = version.split('.').map(Number);
  const now = new Date().toISOString();
  return { baseUrl: `https://${HOST}`, version, major, minor, workspaceUrl: HOST, workspaceUrlSource: 'server', workspaceUrlHash: '', serverTime: now, localTime: now, unencrypted: false, capabilities: capsFor(major + minor / 10) };
}
function state(valid: boolean | null, id: string | null = null): ActiveLicenseState {
  return { known: true, valid, id, modules: [], tags: [], seats: null, seatsInUse: 12, validUntil: null, trial: false, source: 'licenses.info' };
}
/** What licenses.info shows: the active license's payload (or none), valid or not. */
const shows = (license: LoadedLicense | null, valid: boolean | null): LicenseStateWithUsage => ({
  state: state(valid, license?.summary.id ?? null),
  usage: { activeUsers: 12 },
  payload: license ? (license.payload as Record<string, unknown>) : null,
  legacy: null,
});

type Read = LicenseStateWithUsage | AppFailure;
interface Script {
  version?: string;
  before?: Read;
  /** Each read after licenses.add, in order; the last repeats. */
  after?: Read[];
  stored?: { readable: true; value: string } | { readable: false; reason: string };
  validation?: { valid: boolean; reasons: Array<{ behavior: string; reason: string; limit?: string }>; note?: string } | null;
  /** Signed in without admin rights: licenses.info is forbidden before the send. */
  notAdmin?: boolean;
  serverTime?: string | null;
}
async function run(script: Script, options: Partial<InstallOptions> = {}) {
  const calls = { add: 0, readsAfterAdd: 0, validate: 0 };
  const after = [...(script.after ?? [shows(ours, true)])];
  const sleeps: number[] = [];
  let clock = 1_000_000;
  const read = (r: Read) => {
    if (r instanceof AppFailure) throw r;
    return r;
  };
  const client = {
    transport: { baseUrl: `https://${HOST}/${randomBytes(4).toString('hex')}` },
    info: async () => ({ ...info(script.version), ...(script.serverTime !== undefined ? { serverTime: script.serverTime } : {}) }),
    me: async () => ({ userId: 'u1', username: 'tech', name: null, roles: script.notAdmin ? ['user'] : ['admin'], isAdmin: !script.notAdmin }),
    withSiteUrl: async (i: WorkspaceInfo) => i,
    licenseState: async () => {
      if (!calls.add) return read(script.notAdmin ? new AppFailure('FORBIDDEN', 'no') : (script.before ?? shows(null, false)));
      calls.readsAfterAdd++;
      return read(after.length > 1 ? after.shift()! : after[0]);
    },
    storedLicense: async () => script.stored ?? { readable: true as const, value: '' },
    validate: async () => {
      calls.validate++;
      return script.validation === undefined ? { valid: true, reasons: [] } : script.validation;
    },
    add: async () => {
      calls.add++;
    },
  } as unknown as RocketChatClient;
  const result = await installLicense({
    client,
    license: ours,
    waitSeconds: 20,
    settleMs: 3000,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...options,
  });
  return { result, calls, sleeps, step: (name: string) => result.steps.find((s) => s.step === name) };
}

describe('active / rejected / unconfirmed', () => {
  it('active at the first read: one wait of 250 ms, and every step says what it did in words', async () => {
    const running: string[] = [];
    const { result, calls, sleeps } = await run(
      { before: shows(other, true), stored: { readable: true, value: other.canonical.text } },
      { keepBackup: async () => ({ status: 'kept', sha256: 'c'.repeat(64), licenseId: 'OTHER-2', format: 'v3', activeBefore: null }), onProgress: (p) => void (p.step.status === 'running' && running.push(p.step.message)) },
    );
    expect([result.outcome, calls.add, calls.readsAfterAdd, sleeps]).toEqual(['active', 1, 1, [250]]);
    expect(result.headline).toBe(`Installed and active: ${HOST} confirms license OURS-1.`);
    expect(running).toEqual([
      'Reading the license',
      `Connecting to ${result.workspace.baseUrl}`,
      'Checking the signed-in account',
      'Reading the current license and usage',
      'Reading the license stored on the server',
      'Checking the license against this workspace',
      'Keeping a copy of the stored license on this laptop',
      'Asking the server to validate the license (8.7+)',
      'Sending the license (licenses.add)',
      'Waiting for the server to confirm',
    ]);
    expect(result.steps.map((st) => [st.step, st.status, st.message])).toEqual([
      ['license', 'warning', `V3 license OURS-1, SHA-256 ${ours.summary.sha256.slice(0, 12)}…, signature verified with a non-Rocket.Chat key.`],
      ['connect', 'done', `Rocket.Chat 8.8.0; Site URL ${HOST}.`],
      ['account', 'done', 'Signed in as tech (administrator).'],
      ['usage', 'done', 'A license is active (OTHER-2); 12 active users.'],
      ['stored', 'done', `The server stores a license (…${other.canonical.text.slice(-8)}).`],
      ['prechecks', 'done', 'URL, dates and limits fit this workspace.'],
      ['backup', 'done', 'Kept the stored license OTHER-2 (SHA-256 cccccccccccc…): it can be restored in one step.'],
      ['server-validation', 'done', 'The server says the license is valid for this workspace.'],
      ['apply', 'done', 'The server accepted the license file (200).'],
      ['verify', 'done', 'The server confirms the license is active.'],
    ]);
  });

  it('the headlines of "not sent" say which check stopped it', async () => {
    expect((await run({}, { license: elsewhere })).result.headline).toBe('Not sent: the license does not fit this workspace. Nothing was sent to the server.');
    expect((await run({ version: '6.4.0' })).result.headline).toBe("Not sent: this workspace (Rocket.Chat 6.4.0) cannot read this license's format. Nothing was sent to the server.");
    expect((await run({ validation: { valid: false, reasons: [] } })).result.headline).toBe('Not sent: the server itself says this license is not valid for this workspace.');
    const two = await run({ validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'url' }, { behavior: 'invalidate_license', reason: 'period' }] } });
    expect(two.step('server-validation')?.message).toBe('The server says the license is not valid here (url, period).');
  });

  it('the headlines after sending: rejected with what was lost, unconfirmed with what to do', async () => {
    const rejected = await run({ before: shows(other, true), stored: { readable: true, value: other.canonical.text }, after: [shows(null, false)] });
    expect(rejected.result.headline).toBe('Rejected: the workspace accepted the file but did not activate the license. OTHER-2, which was active before, is no longer active: nothing is active now.');
    const quiet = await run({ before: shows(other, true), after: [shows(other, true)] }, { waitSeconds: 1, settleMs: 5000 });
    expect(quiet.result.reasons[0]).toBe('Verify again once the workspace answers, or check Administration → Workspace → Subscription before leaving.');
  });

  it('a server that applies late is waited for: "not ours" only counts once it has lasted the settle time', async () => {
    const { result, calls, sleeps } = await run({ after: [shows(null, false), shows(null, false), shows(ours, true)] });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['active', 3]);
    expect(sleeps).toEqual([250, 375, 562.5]); // backs off by half each time
  });

  it('rejected once "not ours" has lasted the settle time (3 s), reading with back-off capped at 2 s', async () => {
    const { result, calls, sleeps, step } = await run({ after: [shows(null, false)] });
    expect(result.outcome).toBe('rejected');
    // First "not ours" at 250 ms; then 625, 1187.5, 2031.25, 3296.875: 3046.875 ms later ≥ 3000.
    expect(sleeps).toEqual([250, 375, 562.5, 843.75, 1265.625]);
    expect(calls.readsAfterAdd).toBe(5);
    expect(step('verify')).toMatchObject({ status: 'failed', message: 'The server did not activate the license.' });
    expect(result.after).toEqual(shows(null, false).state);
    expect(result.reasons).toEqual([expect.stringMatching(/^The Rocket\.Chat server log says why: look for “Url validation failed”/)]);
  });

  it('"not ours" for exactly the settle time is enough', async () => {
    const { result, calls } = await run({ after: [shows(null, false)] }, { settleMs: 375 });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['rejected', 2]); // at 250 and 625 ms
  });

  it('another license valid after the send, where none was before: rejected, not ours', async () => {
    const { result } = await run({ before: shows(null, false), after: [shows(other, true)] });
    expect(result.outcome).toBe('rejected');
  });

  it('no time to wait at all: unconfirmed, nothing read', async () => {
    const { result, calls } = await run({}, { waitSeconds: 0 });
    expect([result.outcome, calls.readsAfterAdd, result.after]).toEqual(['unconfirmed', 0, null]);
  });

  it('rejected without the server\'s reasons (before 8.7): the failed checks are the reasons', async () => {
    const { result } = await run({ version: '8.6.0', after: [shows(null, false)] }, { license: elsewhere, force: true });
    expect(result.outcome).toBe('rejected');
    expect(result.reasons).toEqual([expect.stringMatching(/^This license is for chat\.elsewhere\.lan/)]);
  });

  it('another license active after the send is "not ours": rejected, naming what is active', async () => {
    const { result } = await run({ before: shows(other, true), stored: { readable: true, value: other.canonical.text }, after: [shows(other, true)] });
    expect(result.outcome).toBe('rejected');
    expect(result.after?.id).toBe('OTHER-2');
  });

  it('the back-off never waits more than 2 s between reads', async () => {
    const { sleeps } = await run({ before: shows(other, true), after: [shows(null, null)] }, { waitSeconds: 10 });
    expect(Math.max(...sleeps)).toBe(2000);
    expect(sleeps.slice(0, 6)).toEqual([250, 375, 562.5, 843.75, 1265.625, 1898.4375]);
    expect(sleeps[6]).toBe(2000);
  });

  it('a valid license the server cannot name, after none was active: ours, so active', async () => {
    const { result } = await run({ before: shows(null, false), after: [{ ...shows(null, true), state: state(true) }] });
    expect(result.outcome).toBe('active');
  });

  it('a valid license the server cannot name, while another was active before: unknown, so unconfirmed after the wait — with what was last read', async () => {
    const last = { ...shows(null, true), state: state(true, null) };
    const { result, step } = await run({ before: shows(other, true), after: [last] }, { waitSeconds: 5 });
    expect(result.outcome).toBe('unconfirmed');
    expect(result.after).toEqual(last.state);
    expect(step('verify')).toMatchObject({ status: 'warning', message: 'No answer either way within 5 s.' });
    expect(result.headline).toBe('Sent, but not confirmed: the workspace did not say within 5 s whether it took the license.');
    expect(result.reasons).toHaveLength(2); // verify again, and where the server's log says why
  });

  it('signed out after the send: stops asking at once, unconfirmed, "after" unknown, the cause first', async () => {
    const { result, calls, step } = await run({ after: [new AppFailure('AUTH_REQUIRED', 'Session ended.')] });
    expect([result.outcome, calls.readsAfterAdd, result.after]).toEqual(['unconfirmed', 1, null]);
    expect(step('verify')?.message).toBe('The outcome could not be read back: You are not signed in to this workspace, or your session has ended. Session ended.');
    expect(result.headline).toMatch(/^Sent, but the outcome is unknown: the workspace stopped answering \(You are not signed in/);
    expect(result.reasons).toHaveLength(1);
  });

  it('forbidden after the send: stops asking at once too, and says so without a dangling space', async () => {
    const { result, calls, step } = await run({ after: [new AppFailure('FORBIDDEN')] });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['unconfirmed', 1]);
    expect(step('verify')?.message).toBe('The outcome could not be read back: This account is not allowed to install licenses.');
    expect(result.headline).toBe('Sent, but the outcome is unknown: the workspace stopped answering (This account is not allowed to install licenses.).');
  });

  it('an account that may not read the license state: goes on, and decides from what it can read after', async () => {
    const { result, calls, step } = await run({ notAdmin: true, stored: { readable: false, reason: 'no permission' } });
    expect(step('usage')).toMatchObject({ status: 'warning', message: 'This account may not read the license state.' });
    expect([result.outcome, calls.add, result.before]).toEqual(['active', 1, null]);
  });

  it('a read that fails on the network is asked again, and what it says then counts', async () => {
    const { result, calls } = await run({ after: [new AppFailure('NETWORK_UNREACHABLE', 'Refused.'), shows(ours, true)] });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['active', 2]);
  });

  it('a server that stops answering for the whole wait: unconfirmed, and "after" is unknown, not "none"', async () => {
    const { result } = await run({ after: [shows(null, false), new AppFailure('NETWORK_UNREACHABLE', 'Refused.')] }, { waitSeconds: 2 });
    expect(result.outcome).toBe('unconfirmed');
    expect(result.after).toBeNull();
  });
});

describe('send or do not send', () => {
  it('this license active and stored: already active, nothing sent', async () => {
    const { result, calls } = await run({ before: shows(ours, true), stored: { readable: true, value: ours.canonical.text } });
    expect([result.outcome, calls.add]).toEqual(['already-active', 0]);
    expect(result.after).toEqual(shows(ours, true).state);
  });

  it('this license active, the stored text unreadable: already active, nothing sent', async () => {
    const { result, calls } = await run({ before: shows(ours, true), stored: { readable: false, reason: 'no permission' } });
    expect([result.outcome, calls.add]).toEqual(['already-active', 0]);
  });

  it('this license active in memory while another is stored (≤6.4 after a rejection): sent, so a restart keeps it', async () => {
    const { result, calls } = await run({ before: shows(ours, true), stored: { readable: true, value: other.canonical.text } });
    expect([result.outcome, calls.add]).toEqual(['active', 1]);
    expect(result.replaced).toBeNull(); // nothing else is replaced: it is already this one
  });

  it('already rejected on ≤6.4 while another is still active: says a restart will end that one', async () => {
    const { result, calls } = await run({ version: '6.4.0', before: shows(other, true), stored: { readable: true, value: ours.canonical.text } });
    expect([result.outcome, calls.add]).toEqual(['already-rejected', 0]);
    expect(result.reasons).toContainEqual(expect.stringMatching(/^OTHER-2 is still active, but a restart will check the stored license instead and then none will be active\.$/));
  });

  it('already rejected, and a check fails: the failed check comes first among the reasons', async () => {
    const { result } = await run({ stored: { readable: true, value: elsewhere.canonical.text } }, { license: elsewhere });
    expect(result.outcome).toBe('already-rejected');
    expect(result.reasons[0]).toMatch(/^This license is for chat\.elsewhere\.lan/);
  });

  it('this license shown but not valid, and stored: already rejected, nothing sent', async () => {
    const { result, calls } = await run({ before: shows(ours, false), stored: { readable: true, value: ours.canonical.text } });
    expect([result.outcome, calls.add, result.error?.code]).toEqual(['already-rejected', 0, 'LICENSE_ALREADY_REJECTED']);
    expect(result.after).toEqual(shows(ours, false).state);
    expect(result.reasons).toHaveLength(2); // what to do, and where the log says why: nothing else was active
  });

  it('an account that may not read the state, and this text already stored: already rejected, "after" unknown', async () => {
    const { result, calls } = await run({ notAdmin: true, stored: { readable: true, value: ours.canonical.text } });
    expect([result.outcome, calls.add, result.after]).toEqual(['already-rejected', 0, null]);
  });

  it('an account that may not read the state, another text stored: kept with nothing known as active', async () => {
    const keepBackup = vi.fn(async () => kept('d'.repeat(64)));
    await run({ notAdmin: true, stored: { readable: true, value: other.canonical.text } }, { keepBackup });
    expect(keepBackup).toHaveBeenCalledWith(other.canonical.text, null);
  });

  it('an account that may not read the state, a valid license unnamed after: cannot tell, unconfirmed', async () => {
    const { result } = await run({ notAdmin: true, stored: { readable: false, reason: 'no' }, after: [{ ...shows(null, true), state: state(true) }] }, { waitSeconds: 2 });
    expect(result.outcome).toBe('unconfirmed');
  });

  it('stored with the same text but with spaces around it: still "already stored"', async () => {
    const { result, calls } = await run({ before: shows(null, false), stored: { readable: true, value: `\n${ours.canonical.text}  \n` } });
    expect([result.outcome, calls.add]).toEqual(['already-rejected', 0]);
  });

  it('a check fails: not sent; forced: sent, and the step says so', async () => {
    const blocked = await run({}, { license: elsewhere });
    expect([blocked.result.outcome, blocked.calls.add]).toEqual(['blocked', 0]);
    expect(blocked.step('prechecks')).toMatchObject({ status: 'failed', message: '1 check failed: url.' });
    const forced = await run({ after: [shows(null, false)], validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'url' }] } }, { license: elsewhere, force: true });
    expect(forced.calls.add).toBe(1);
    expect(forced.step('prechecks')).toMatchObject({ status: 'warning', message: '1 check failed: url — sending anyway, as asked.' });
    expect(forced.step('server-validation')?.status).toBe('warning');
    expect(forced.result.outcome).toBe('rejected');
    expect(forced.result.reasons[0]).toMatch(/^The license's address \(chat\.elsewhere\.lan\) does not match this workspace's Site URL \(chat\.plant7\.lan\)\.$/);
  });

  it('two checks fail: the step counts them', async () => {
    const old = await signV3(licenses.expired('chat.elsewhere.lan', { id: 'OLD-4' }));
    const loaded = { ...(await decodeLicense(old, [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')])), source: null };
    const { step } = await run({}, { license: loaded });
    expect(step('prechecks')?.message).toMatch(/^2 checks failed: url, period\.$/);
  });

  it('a V3 license on 6.4: never sent, even forced', async () => {
    const { result, calls, step } = await run({ version: '6.4.0' }, { force: true });
    expect([result.outcome, calls.add, result.error?.code]).toEqual(['blocked', 0, 'LICENSE_NEEDS_NEWER_SERVER']);
    expect(step('prechecks')?.status).toBe('failed');
  });

  it('the server says invalid (8.7+): not sent, with its reasons — or a plain one when it gives none', async () => {
    const withReason = await run({ validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'period' }] } });
    expect([withReason.result.outcome, withReason.calls.add]).toEqual(['blocked', 0]);
    expect(withReason.result.reasons[0]).toMatch(/^The license is not valid at the server's date/);
    expect(withReason.step('server-validation')).toMatchObject({ status: 'failed', message: 'The server says the license is not valid here (period).' });
    const limit = await run({ validation: { valid: false, reasons: [{ behavior: 'prevent_installation', reason: 'limit', limit: 'activeUsers' }] } });
    expect(limit.result.reasons[0]).toBe("The workspace is over the license's limit for Active users (seats).");
    const odd = await run({ validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'moon-phase' }] } });
    expect(odd.result.reasons).toEqual(['The server gave the reason “moon-phase”.']);
    const noClock = await run({ serverTime: null, validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'period' }] } });
    expect(noClock.result.reasons[0]).toBe("The license is not valid at the server's date (unknown UTC).");
    const none = await run({ validation: { valid: false, reasons: [] } });
    expect(none.step('server-validation')?.message).toBe('The server says the license is not valid here (no reason given).');
    expect(none.result.reasons).toEqual(['The server rejected the license without giving a reason: it is damaged or not meant for this server.']);
  });

  it('the server validates with a note, or has no validate endpoint: sent either way', async () => {
    const noted = await run({ validation: { valid: true, reasons: [], note: 'Valid, but not yet checked against usage.' } });
    expect(noted.step('server-validation')).toMatchObject({ status: 'done', message: 'Valid, but not yet checked against usage.' });
    const absent = await run({ validation: null });
    expect(absent.step('server-validation')).toMatchObject({ status: 'skipped', message: 'This server has no licenses.validate endpoint.' });
    expect([noted.calls.add, absent.calls.add]).toEqual([1, 1]);
    const old = await run({ version: '8.6.0' });
    expect([old.calls.validate, old.step('server-validation')]).toEqual([0, undefined]);
  });

  it('a throw just before sending stops it: nothing sent', async () => {
    const { result, calls } = await run({}, { beforeSend: () => { throw new AppFailure('STORAGE_FAILED', 'disk full'); } });
    expect([result.outcome, calls.add, result.error?.code]).toEqual(['failed', 0, 'STORAGE_FAILED']);
  });
});

const kept = (sha256: string): Extract<LicenseBackup, { status: 'kept' }> => ({ status: 'kept', sha256, licenseId: 'OTHER-2', format: 'v3', activeBefore: null });

describe('the backup before sending', () => {
  it('another license stored: kept first (with what was active), then the job is told, then sent', async () => {
    const order: string[] = [];
    const keepBackup = vi.fn(async () => (order.push('backup'), kept('b'.repeat(64))));
    const { result, calls } = await run(
      { before: shows(other, true), stored: { readable: true, value: other.canonical.text } },
      { keepBackup, afterBackup: (job) => void order.push(`job:${job.backup?.status}`), beforeSend: () => void order.push('send') },
    );
    expect(keepBackup).toHaveBeenCalledWith(other.canonical.text, shows(other, true).state);
    expect(order).toEqual(['backup', 'job:kept', 'send']);
    expect([result.backup?.status, calls.add]).toEqual(['kept', 1]);
    expect(result.replaced?.warning).toContain('is backed up first');
  });

  it('nothing stored: nothing to keep', async () => {
    const keepBackup = vi.fn();
    const { result, step } = await run({ stored: { readable: true, value: '  ' } }, { keepBackup });
    expect(keepBackup).not.toHaveBeenCalled();
    expect(result.backup).toEqual({ status: 'none-before' });
    expect(step('stored')?.message).toBe('The server stores no license.');
  });

  it('another license active but no text stored (only blanks): the warning says there is nothing to keep', async () => {
    const { result } = await run({ before: shows(other, true), stored: { readable: true, value: '  \n' } }, { keepBackup: vi.fn() });
    expect(result.replaced?.warning).toMatch(/ No backup: the server stores no license text to keep\.$/);
  });

  it('kept without anyone to tell: the step names what was kept', async () => {
    const { result, step } = await run({ before: shows(other, true), stored: { readable: true, value: other.canonical.text } }, { keepBackup: async () => kept('b'.repeat(64)) });
    expect([result.backup?.status, result.outcome]).toEqual(['kept', 'active']);
    expect(step('backup')?.message).toBe('Kept the stored license OTHER-2 (SHA-256 bbbbbbbbbbbb…): it can be restored in one step.');
  });

  it('the stored text cannot be read: said, and sent without one', async () => {
    const keepBackup = vi.fn();
    const { result, step, calls } = await run({ before: shows(other, true), stored: { readable: false, reason: 'the account may not read settings' } }, { keepBackup });
    expect(keepBackup).not.toHaveBeenCalled();
    expect(result.backup).toEqual({ status: 'unavailable', reason: 'the account may not read settings' });
    expect(result.replaced?.warning).toMatch(/ No backup: the account may not read settings\.$/);
    expect(step('stored')).toMatchObject({ status: 'warning', message: 'The stored license could not be read, so it cannot be backed up: the account may not read settings.' });
    expect(calls.add).toBe(1);
  });

  it('no backup store (a bare flow): the warning does not promise one', async () => {
    const { result } = await run({ before: shows(other, true), stored: { readable: true, value: other.canonical.text } });
    expect(result.backup).toBeNull();
    expect(result.replaced?.warning).not.toContain('backed up');
  });

  it('a backup that cannot be written stops the install before sending', async () => {
    const { result, calls } = await run(
      { before: shows(other, true), stored: { readable: true, value: other.canonical.text } },
      { keepBackup: async () => { throw new AppFailure('BACKUP_FAILED', 'disk full'); } },
    );
    expect([result.outcome, calls.add, result.error?.code]).toEqual(['failed', 0, 'BACKUP_FAILED']);
  });

  it('the stored step names the last 8 characters of what is stored', async () => {
    const { step } = await run({ stored: { readable: true, value: `${other.canonical.text}\n` } });
    expect(step('stored')?.message).toBe(`The server stores a license (…${other.canonical.text.slice(-8)}).`);
  });
});
