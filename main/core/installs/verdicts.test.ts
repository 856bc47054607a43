// The flow's two decisions, against a scripted server on a virtual clock: send or don't send
// (already active, already rejected, blocked, forced, unreadable format, server validation, the
// backup), and the verdict after the send from the server's own evidence — its license state, its
// log, its status setting, licenses.validate — never from elapsed time alone (back-off, a server
// that cannot tell, a server that stops answering, no answer to the send, an interruption). Each
// case changes one thing from its neighbour, so a mutant of the condition that tells them apart
// fails one of them (StrykerJS: npm run mutate:core).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { decodeLicense } from '../license/license';
import { makeKey } from '../license/license-decode';
import type { LoadedLicense } from '../license/license-store';
import { AppFailure } from '../errors';
import { licenses, licenseV2Payload, sharedTestKeyPair, signV2, signV3 } from '../../../e2e/simulator/license-factory';
import { installLicense, type InstallOptions } from './install-flow';
import type { LicenseStateWithUsage, RocketChatClient } from '../rocketchat/rocketchat-client';
import type { LicenseBackup } from './types';
import type { ActiveLicenseState, WorkspaceInfo } from '../rocketchat/types';
import { capabilitiesOf } from '../rocketchat/versions';

const HOST = 'chat.plant7.lan';
let ours: LoadedLicense;
let other: LoadedLicense;
let elsewhere: LoadedLicense;
let oursV2: LoadedLicense;
beforeAll(async () => {
  const keys = [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];
  const load = async (text: string) => ({ ...(await decodeLicense(text, keys)), source: null });
  ours = await load(await signV3(licenses.boundTo(HOST, { id: 'OURS-1' })));
  other = await load(await signV3(licenses.boundTo(HOST, { id: 'OTHER-2' })));
  elsewhere = await load(await signV3(licenses.boundTo('chat.elsewhere.lan', { id: 'ELSEWHERE-3' })));
  oursV2 = await load(await signV2(licenseV2Payload({ url: HOST })));
});

function info(version = '8.8.0'): WorkspaceInfo {
  const [major, minor] = version.split('.').map(Number);
  const now = new Date().toISOString();
  return { baseUrl: `https://${HOST}`, version, major, minor, workspaceUrl: HOST, workspaceUrlSource: 'server', workspaceUrlHash: '', serverTime: now, localTime: now, unencrypted: false, capabilities: capabilitiesOf(major, minor) };
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
/** A stdout.queue entry the scripted server shows. */
export type Line = { id: string; string: string; ts: string };
export const pino = (id: number, msg: string, fields: Record<string, unknown> = {}, time = new Date(Date.now() + id).toISOString()): Line => ({
  id: `logid-${id}`,
  string: `${JSON.stringify({ level: 50, time, pid: 1, hostname: 'rc', name: 'License', msg, ...fields })}\n`,
  ts: time,
});
interface Script {
  version?: string;
  before?: Read;
  /** Each read after licenses.add, in order; the last repeats. */
  after?: Read[];
  /** Enterprise_License_Status before the send, then at each read after it (the last repeats). */
  status?: { before: 'Valid' | 'Invalid' | null; after: Array<'Valid' | 'Invalid' | null> };
  /** stdout.queue before the send, then at each read after it (the last repeats); its Date header. */
  log?: { before: Line[]; after: Line[][]; date?: string };
  /** What licenses.add does: answers (the default), or fails with this error. */
  addFails?: AppFailure;
  stored?: { readable: true; value: string } | { readable: false; reason: string };
  validation?: { valid: boolean; reasons: Array<{ behavior: string; reason: string; limit?: string }>; note?: string } | null;
  /** Signed in without admin rights: licenses.info is forbidden before the send. */
  notAdmin?: boolean;
  serverTime?: string | null;
}
async function run(script: Script, options: Partial<InstallOptions> = {}) {
  const calls = { add: 0, readsAfterAdd: 0, validate: 0, status: 0, log: 0 };
  const after = [...(script.after ?? [shows(ours, true)])];
  const statusAfter = [...(script.status?.after ?? [null])];
  const logAfter = [...(script.log?.after ?? [[]])];
  const next = <T>(list: T[]) => (list.length > 1 ? list.shift()! : list[0]);
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
      if (script.addFails) throw script.addFails;
    },
    licenseStatus: async () => {
      calls.status++;
      return calls.add ? next(statusAfter) : (script.status?.before ?? null);
    },
    call: async (_method: string, path: string) => {
      calls.log++;
      if (path !== '/api/v1/stdout.queue' || !script.log) return { status: 404, json: undefined, text: '404 Not Found', headers: { 'content-type': 'text/plain' }, serverDate: null };
      const queue = calls.add ? [...script.log.before, ...next(logAfter)] : script.log.before;
      return { status: 200, json: { queue, success: true }, text: '', headers: {}, serverDate: script.log.date ? new Date(script.log.date) : null };
    },
  } as unknown as RocketChatClient;
  const result = await installLicense({
    client,
    license: ours,
    waitSeconds: 20,
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
    expect(result.headline).toBe(`${HOST} confirms license OURS-1: it is in force now.`);
    expect(running).toEqual([
      'Reading the license',
      `Connecting to ${result.workspace.baseUrl}`,
      'Checking the signed-in account',
      'Reading the current license and usage',
      'Reading the license stored on the server',
      'Checking the license against this workspace',
      'Keeping a copy of the stored license on this laptop',
      'Asking the server to validate the license',
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
    expect((await run({}, { license: elsewhere })).result.headline).toBe('The license does not fit this workspace. Nothing was sent to the server.');
    expect((await run({ version: '6.4.0' })).result.headline).toBe("This workspace (Rocket.Chat 6.4.0) cannot read this license's format. Nothing was sent to the server.");
    expect((await run({ validation: { valid: false, reasons: [] } })).result.headline).toBe('The server itself says this license is not valid for this workspace. Nothing was sent.');
    const two = await run({ validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'url' }, { behavior: 'invalidate_license', reason: 'period' }] } });
    expect(two.step('server-validation')?.message).toBe('The server says the license is not valid here (url, period).');
  });

  it('the headlines after sending: rejected with what was lost, unconfirmed with what to do', async () => {
    const rejected = await run({ before: shows(other, true), stored: { readable: true, value: other.canonical.text }, after: [shows(null, false)], status: { before: 'Valid', after: ['Invalid'] } });
    expect(rejected.result.headline).toBe('The workspace accepted the file but did not activate the license. OTHER-2, which was active before, is no longer active: nothing is active now.');
    const quiet = await run({ before: shows(other, true), after: [shows(other, true)] }, { waitSeconds: 1 });
    expect(quiet.result.reasons[0]).toBe('Verify again once the workspace answers, or check Administration → Workspace → Subscription before leaving.');
  });

  it('a server that applies late is waited for: "not ours" is no verdict', async () => {
    const { result, calls, sleeps } = await run({ after: [shows(null, false), shows(null, false), shows(ours, true)] });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['active', 3]);
    expect(sleeps).toEqual([250, 375, 562.5]); // backs off by half each time
  });

  it('licenses.validate said valid and the license is still not active when the wait ends: not confirmed, never rejected', async () => {
    const { result, calls, sleeps, step } = await run({ after: [shows(null, false)] });
    expect(result.outcome).toBe('unconfirmed');
    expect(calls.readsAfterAdd).toBe(sleeps.length);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20_000);
    expect(step('verify')).toMatchObject({ status: 'warning', message: 'No answer either way within 20 s.' });
    expect(result.headline).toBe('Sent, but the workspace did not say within 20 s whether it took the license.');
    expect(result.after).toEqual(shows(null, false).state);
    expect(result.verdict?.evidence.map((e) => [e.source, e.says])).toEqual([
      ['license-state', 'none-active'],
      ['server-validation', 'valid'],
      ['elapsed-time', 'waited'],
    ]);
  });

  it('no source could have said why (8.5, none active before): "not active after N s", its own outcome — not "rejected"', async () => {
    const { result, step } = await run({ version: '8.5.0', after: [shows(null, false)], status: { before: 'Invalid', after: ['Invalid'] } }, { waitSeconds: 10 });
    expect(result.outcome).toBe('not-active');
    expect(result.headline).toBe(`After 10 s, ${HOST} does not show this license as active, and it gave no reason (this Rocket.Chat version, or this account, cannot show one).`);
    expect(step('verify')).toMatchObject({ status: 'warning', message: 'Not active after 10 s, and the server gave no reason.' });
    expect(result.verdict?.evidence.map((e) => [e.source, e.says, e.detail])).toEqual([
      ['license-state', 'none-active', 'licenses.info'],
      ['elapsed-time', 'waited', '11'], // the last read, at 11.2 s
    ]);
    expect(result.reasons.at(-1)).toBe('A slow server may still activate it: verify again before restoring anything.');
  });

  it('the status setting turns Invalid where a license was valid before (6.5+): rejected at that read', async () => {
    const { result, calls } = await run({ version: '8.5.0', before: shows(other, true), after: [shows(other, true), shows(null, false)], status: { before: 'Valid', after: ['Valid', 'Invalid'] } });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['rejected', 2]);
    expect(result.verdict?.evidence[0]).toMatchObject({ source: 'status-setting', says: 'invalid-after-valid', detail: 'Enterprise_License_Status' });
  });

  it('no time to wait at all: unconfirmed, nothing read', async () => {
    const { result, calls } = await run({}, { waitSeconds: 0 });
    expect([result.outcome, calls.readsAfterAdd, result.after]).toEqual(['unconfirmed', 0, null]);
    expect(result.headline).toBe('Sent, but the workspace did not say within 0 s whether it took the license.');
  });

  it('forced on 8.6 with no evidence source: not active, with the failed checks as what is known', async () => {
    const { result } = await run({ version: '8.6.0', after: [shows(null, false)] }, { license: elsewhere, force: true });
    expect(result.outcome).toBe('not-active');
    expect(result.reasons[0]).toMatch(/^This license is for chat\.elsewhere\.lan/);
  });

  it('forced after licenses.validate refused it (8.7+): rejected at the first read that does not show it, with the server\'s reasons', async () => {
    const { result, calls } = await run({ after: [shows(null, false)], validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'url' }] } }, { license: elsewhere, force: true });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['rejected', 1]);
    expect(result.verdict?.evidence[0]).toMatchObject({ source: 'server-validation', says: 'invalid' });
    expect(result.reasons).toEqual([`The license is for chat.elsewhere.lan, but this workspace's Site URL is ${HOST}. Ask for a license for this Site URL, or correct the Site URL setting.`]);
  });

  it('another license still active after the send is no verdict: not confirmed, naming what is active', async () => {
    const { result } = await run({ before: shows(other, true), stored: { readable: true, value: other.canonical.text }, after: [shows(other, true)] });
    expect(result.outcome).toBe('unconfirmed');
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
    expect(result.headline).toBe('Sent, but the workspace did not say within 5 s whether it took the license.');
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

describe('the evidence after the send', () => {
  const before = [pino(1, 'Url validation failed', { url: { value: HOST, type: 'url' }, workspaceUrl: 'old.example' })];

  it("7.x: the log's rejection of our URL, written after the send, is the verdict at once — with the server's own Site URL", async () => {
    const line = pino(7, 'Url validation failed', { url: { value: HOST, type: 'url' }, workspaceUrl: 'chat.renamed.lan' });
    const { result, calls } = await run({ version: '7.10.0', after: [shows(null, false)], log: { before, after: [[line]] } });
    expect([result.outcome, calls.readsAfterAdd]).toEqual(['rejected', 1]);
    expect(result.verdict?.evidence[0]).toMatchObject({ source: 'server-log', says: 'rejected', detail: 'Url validation failed', clock: 'rocket.chat', at: JSON.parse(line.string).time });
    expect(result.reasons).toEqual([`The license is for ${HOST}, but this workspace's Site URL is chat.renamed.lan. Ask for a license for this Site URL, or correct the Site URL setting.`]);
  });

  it('a rejection line that was there before the send, or that names another license, is no verdict', async () => {
    const another = pino(8, 'Url validation failed', { url: { value: 'other.example', type: 'url' }, workspaceUrl: HOST });
    const { result } = await run({ version: '7.10.0', after: [shows(null, false)], log: { before, after: [[another]] } }, { waitSeconds: 3 });
    expect(result.outcome).toBe('unconfirmed');
    expect(result.verdict?.evidence.map((e) => [e.source, e.says])).toContainEqual(['server-log', 'silent']);
  });

  it('"License installed" with our hash is active, even while the state still shows the old license', async () => {
    const line = pino(9, 'License installed', { version: '3', hash: ours.canonical.text.slice(-8) });
    const { result } = await run({ version: '7.10.0', before: shows(other, true), after: [shows(other, true)], log: { before, after: [[line]] } });
    expect(result.outcome).toBe('active');
    expect(result.verdict?.evidence.map((e) => e.source)).toEqual(['server-log', 'license-state']);
  });

  it('a period failure judged by a clock a proxy hides: the reason names Rocket.Chat\'s clock and the Date header', async () => {
    const period = ours.summary.periods[0];
    const rcTime = '2031-06-01T10:00:00.000Z';
    const line = pino(10, 'Period validation failed', { period: { validFrom: period.validFrom, validUntil: period.validUntil, invalidBehavior: period.invalidBehavior } }, rcTime);
    const date = new Date().toUTCString();
    const { result } = await run({ version: '7.10.0', after: [shows(null, false)], log: { before, after: [[line]], date } }, { force: true });
    expect(result.outcome).toBe('rejected');
    expect(result.reasons[0]).toContain("but Rocket.Chat's own clock read 2031-06-01 10:00 UTC when it checked.");
    expect(result.reasons[0]).toContain("The answers' Date header said");
    expect(result.verdict?.clockSkewMs).toBeGreaterThan(365 * 86400_000);
  });

  it('≤6.4: "New" without "validated" after it is a rejection whose reason went to stderr; with it, no verdict yet', async () => {
    const oldNew = { id: 'logid-5', string: '### New Enterprise License\n', ts: new Date(Date.now() + 5).toISOString() };
    const validated = { id: 'logid-6', string: '#### License validated: auditing\n', ts: new Date(Date.now() + 6).toISOString() };
    const start = [{ id: 'logid-1', string: '\u001b[34mStarting Rocket.Chat\u001b[39m\n', ts: new Date().toISOString() }];
    const v2 = await run({ version: '6.3.0', after: [shows(null, false)], log: { before: start, after: [[oldNew]] } }, { license: oursV2 });
    expect(v2.result.outcome).toBe('rejected');
    expect(v2.result.verdict?.evidence[0]).toMatchObject({ source: 'server-log', says: 'applied-not-validated' });
    expect(v2.result.reasons[0]).toMatch(/^This Rocket\.Chat version writes the reason only to its error output/);
    const ok = await run({ version: '6.3.0', after: [shows(null, false)], log: { before: start, after: [[oldNew, validated]] } }, { license: oursV2, waitSeconds: 2 });
    expect(ok.result.outcome).toBe('unconfirmed');
    const quiet = await run({ version: '3.12.0', after: [shows(null, false)], log: { before: start, after: [[oldNew]] } }, { license: oursV2, waitSeconds: 2 });
    expect(quiet.result.outcome).toBe('not-active'); // 3.10–3.12 log no "validated": nothing tells
  });

  it('no answer to licenses.add after the request left: not sent again, and the evidence decides', async () => {
    const { result, calls, step } = await run({ addFails: new AppFailure('TIMEOUT', `${HOST} did not answer in time.`, { phase: 'request' }) });
    expect([result.outcome, result.sent, calls.add]).toEqual(['active', 'unknown', 1]);
    expect(step('apply')).toMatchObject({ status: 'warning', message: expect.stringMatching(/^No answer to licenses\.add \(The workspace did not answer in time\. chat\.plant7\.lan did not answer in time\.\)\. It may have arrived, so it is not sent again/) });
    const proxy = await run({ addFails: new AppFailure('NOT_ROCKETCHAT', '502', { status: 502 }), after: [shows(null, false)] }, { waitSeconds: 1 });
    expect([proxy.result.outcome, proxy.result.sent]).toEqual(['unconfirmed', 'unknown']);
    expect(proxy.result.headline).toMatch(/^The license may have been sent, but the workspace did not say/);
  });

  it('a request that provably never left: "nothing was sent", and nothing is read after', async () => {
    const { result, calls } = await run({ addFails: new AppFailure('NETWORK_UNREACHABLE', `${HOST} refused the connection.`, { phase: 'connect' }) });
    expect([result.outcome, result.sent, calls.add, calls.readsAfterAdd]).toEqual(['failed', 'no', 1, 0]);
    expect(result.headline).toBe('The workspace could not be reached. Nothing was sent to the server.');
    // A refusal is an answer: the license arrived, and was refused there.
    const refused = await run({ addFails: new AppFailure('LICENSE_SIGNATURE', 'Invalid license') });
    expect([refused.result.sent, refused.calls.readsAfterAdd]).toEqual(['yes', 0]);
    expect(refused.result.headline).toBe('This license is damaged or was not signed by Rocket.Chat.');
  });

  it('interrupted during the wait: recorded as interrupted after the send; before it: nothing was sent', async () => {
    const stop = new AbortController();
    const waiting = await run({ after: [shows(null, false)] }, { signal: stop.signal, onProgress: (p) => p.step.step === 'verify' && p.step.status === 'running' && stop.abort() });
    expect([waiting.result.outcome, waiting.result.sent, waiting.calls.add]).toEqual(['interrupted', 'yes', 1]);
    expect(waiting.result.headline).toBe('Stopped after sending: the server accepted the license file, but whether it is active was not read. Verify again to read the outcome.');
    const early = new AbortController();
    const before = await run({}, { signal: early.signal, onProgress: (p) => p.step.step === 'prechecks' && early.abort() });
    expect([before.result.outcome, before.result.sent, before.calls.add]).toEqual(['interrupted', 'no', 0]);
    expect(before.result.headline).toBe('Stopped before sending: nothing was sent; the workspace is as it was.');
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
    expect(forced.result.reasons[0]).toBe("The license is for chat.elsewhere.lan, but this workspace's Site URL is chat.plant7.lan. Ask for a license for this Site URL, or correct the Site URL setting.");
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
    expect(withReason.result.reasons[0]).toMatch(/^The license is valid from \d{4}-\d\d-\d\d \d\d:\d\d UTC until \d{4}-\d\d-\d\d \d\d:\d\d UTC, but the server's clock is outside it\. If that clock is wrong/);
    expect(withReason.step('server-validation')).toMatchObject({ status: 'failed', message: 'The server says the license is not valid here (period).' });
    const limit = await run({ validation: { valid: false, reasons: [{ behavior: 'prevent_installation', reason: 'limit', limit: 'activeUsers' }] } });
    expect(limit.result.reasons[0]).toMatch(/^The license allows (\d+|a limited number of) active users \(seats\), but this workspace has more\. Deactivate some, or ask for a license with more\.$/);
    const odd = await run({ validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'moon-phase' }] } });
    expect(odd.result.reasons).toEqual(['The server gave the reason “moon-phase”.']);
    const noClock = await run({ serverTime: null, validation: { valid: false, reasons: [{ behavior: 'invalidate_license', reason: 'period' }] } });
    expect(noClock.result.reasons[0]).toMatch(/, but the server's clock is outside it\./);
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
