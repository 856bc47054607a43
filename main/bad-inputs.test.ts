// The bad-input inventory (reliability issue, item 5): every bad input we handle — a file or paste,
// a server's answer, a network fault, the command line, the keychain, the disk — with the code it
// gets and the words a technician reads first. One row each, run for real; the count is printed,
// and docs/BAD-INPUTS.md is this table (RC_UPDATE_DOCS=1 rewrites it; otherwise a stale one fails).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { CompactSign } from 'jose';
import { AppFailure, toAppError, type AppError } from './core/errors';
import { decodeLicense } from './core/license/license';
import { makeKey, type VerificationKey } from './core/license/license-decode';
import { normalizeBaseUrl, normalizeProxyUrl } from './core/rocketchat/addresses';
import { Transport } from './core/rocketchat/http';
import { RocketChatClient } from './core/rocketchat/rocketchat-client';
import { KeytarSecretStore } from './core/workspaces/secret-store';
import { WorkspaceStore } from './core/workspaces/workspace-store';
import { JobLog } from './core/installs/job-log';
import { BackupStore } from './core/installs/backups';
import { InstallLock } from './core/state/install-lock';
import { jobRecord } from '../e2e/support/job-fixture';
import { createHandlers, dispatch } from './core/handlers';
import { MemorySecretStore } from './core/workspaces/secret-store';
import { Installer } from './core/installer';
import { main } from './cli/index';
import { createTestKeyPair, licenseV2Payload, licenses, sharedTestKeyPair, signV2, signV3 } from '../e2e/simulator/license-factory';
import { startSimulator, type Simulator } from '../e2e/simulator/simulator';

type Area = 'file or paste' | 'server answer' | 'network' | 'command line' | 'app call' | 'keychain' | 'disk';
interface Row {
  area: Area;
  input: string;
  /** An error code, or `exit N` for the command line. */
  code: string;
  /** Words the technician reads (in the message, the detail or on stderr). */
  says: string;
  run: () => Promise<AppError | { exit: number; text: string }>;
}

let keys: VerificationKey[];
let v3 = '';
let v2 = '';
let stub: Server;
let stubUrl = '';
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_q, res) => res.end();
let closedUrl = '';
let tlsSim: Simulator;
const dir = mkdtempSync(join(tmpdir(), 'rc-li-bad-inputs-'));

beforeAll(async () => {
  keys = [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];
  v3 = await signV3(licenses.boundTo('chat.plant7.lan', { id: 'ROW-3' }));
  v2 = signV2(licenseV2Payload({ url: 'chat.plant7.lan' }));
  stub = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  stubUrl = `http://127.0.0.1:${(stub.address() as { port: number }).port}`;
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
  await new Promise((r) => closed.close(r));
  tlsSim = await startSimulator({ tls: true });
});
afterAll(async () => {
  await new Promise((r) => stub.close(r));
  await tlsSim.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(work: () => unknown): Promise<AppError> {
  try {
    await work();
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    return e.toError();
  }
  throw new Error('expected a failure, got a value');
}
const license = (input: Uint8Array | string, size?: number) => () => failure(() => decodeLicense(input, keys, size));
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_q: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const html = (status: number) => (_q: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'text/html' });
  res.end('<!doctype html><html><body><h1>Bad Gateway</h1></body></html>');
};
function client(o: { timeoutMs?: number } = {}) {
  return new RocketChatClient(new Transport({ baseUrl: stubUrl, timeoutMs: o.timeoutMs ?? 3000 }), { userId: 'u1', authToken: 't1' });
}
const server = (a: typeof answer, call: (c: RocketChatClient) => Promise<unknown>, o: { timeoutMs?: number } = {}) => () => {
  answer = a;
  return failure(() => call(client(o)));
};
const keychain = (message: string | null) => () => {
  const fail = message === null ? () => new Promise<never>(() => undefined) : () => Promise.reject(new Error(message));
  const store = new KeytarSecretStore({ timeoutMs: 50, keytar: { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail } });
  return failure(() => store.get('https://chat.plant7.lan|u1'));
};
async function cli(argv: string[], env: Record<string, string> = {}): Promise<{ exit: number; text: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  err.on('data', (d) => (text += d));
  const home = mkdtempSync(join(dir, 'home-'));
  const exit = await main(argv, { stdout: out, stderr: err, stdin: Readable.from([]), env: { RC_LICENSE_HOME: home, NO_COLOR: '1', ...env } });
  return { exit, text };
}
const handlers = () => createHandlers({ shell: 'cli', keychain: new MemorySecretStore(), dataDir: mkdtempSync(join(dir, 'calls-')), timeoutMs: 2000 });
const call = (name: string, input: unknown) => async () => {
  const r = await dispatch(handlers(), name, input, { emit: () => undefined });
  if (r.ok) throw new Error(`${name} succeeded`);
  return r.error;
};

const ROWS: Row[] = [
  // ---- a file or a paste ----
  { area: 'file or paste', input: 'an empty file', code: 'LICENSE_EMPTY', says: 'The license is empty', run: license(new Uint8Array()) },
  { area: 'file or paste', input: 'only spaces and line breaks', code: 'LICENSE_EMPTY', says: 'The license is empty', run: license(' \n\t \r\n') },
  { area: 'file or paste', input: 'a 70 KiB file', code: 'LICENSE_TOO_LARGE', says: 'It is 70 KiB', run: license(new Uint8Array(70 * 1024).fill(65)) },
  { area: 'file or paste', input: 'a 10 MiB file (only its first 64 KiB read)', code: 'LICENSE_TOO_LARGE', says: 'It is 10.0 MiB', run: license(new Uint8Array(64 * 1024 + 1).fill(65), 10 * 1024 * 1024) },
  { area: 'file or paste', input: 'a PNG image', code: 'LICENSE_BINARY', says: 'is not text', run: license(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])) },
  { area: 'file or paste', input: 'a ZIP archive', code: 'LICENSE_BINARY', says: 'is not text', run: license(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])) },
  { area: 'file or paste', input: 'text with control characters', code: 'LICENSE_BINARY', says: 'control characters', run: license('RCV3_abc\u0007def') },
  { area: 'file or paste', input: 'a PDF or Word document saved as text', code: 'LICENSE_MALFORMED', says: 'characters a license never has', run: license('%PDF-1.7 license attached') },
  { area: 'file or paste', input: 'an e-mail sentence instead of the license', code: 'LICENSE_MALFORMED', says: 'This is not a Rocket.Chat license', run: license('Please find the license attached.') },
  { area: 'file or paste', input: 'the JSON inside a license, unsigned', code: 'LICENSE_MALFORMED', says: 'The JSON in the file has no "license" text field', run: license('{"version":"3.0","information":{}}') },
  { area: 'file or paste', input: 'a V3 license cut short after RCV3_', code: 'LICENSE_SIGNATURE', says: 'begins like a Rocket.Chat V3 license', run: license('RCV3_eyJhbGciOiJSUzI1NiJ9') },
  { area: 'file or paste', input: 'a V3 license with its last 20 characters lost', code: 'LICENSE_SIGNATURE', says: 'damaged or was not signed by Rocket.Chat', run: () => license(v3.slice(0, -20))() },
  { area: 'file or paste', input: 'a V3 license with one character changed', code: 'LICENSE_SIGNATURE', says: 'damaged or was not signed by Rocket.Chat', run: () => license(v3.slice(0, 60) + (v3[60] === 'A' ? 'B' : 'A') + v3.slice(61))() },
  { area: 'file or paste', input: 'a V3 license signed with another key', code: 'LICENSE_SIGNATURE', says: 'damaged or was not signed by Rocket.Chat', run: async () => license(await signV3(licenses.boundTo('chat.plant7.lan'), createTestKeyPair(2048)))() },
  { area: 'file or paste', input: 'a V2 license with its end cut off', code: 'LICENSE_SIGNATURE', says: 'damaged or was not signed by Rocket.Chat', run: () => license(v2.slice(0, -40))() },
  { area: 'file or paste', input: 'a V2 license with one character changed', code: 'LICENSE_SIGNATURE', says: 'damaged or was not signed by Rocket.Chat', run: () => license(v2.slice(0, 100) + (v2[100] === 'A' ? 'B' : 'A') + v2.slice(101))() },
  { area: 'file or paste', input: 'two different V3 licenses in one file', code: 'LICENSE_MULTIPLE', says: '2 different licenses', run: async () => license(`${v3}\n${await signV3(licenses.boundTo('chat.plant7.lan', { id: 'ROW-4' }))}`)() },
  { area: 'file or paste', input: 'two different V2 licenses, a blank line apart', code: 'LICENSE_MULTIPLE', says: '2 different licenses', run: () => license(`${v2}\n\n${signV2(licenseV2Payload({ url: 'chat.other.lan' }))}`)() },
  { area: 'file or paste', input: 'a genuine V3 signature over something that is not a license', code: 'LICENSE_MALFORMED', says: 'the content is not a license document', run: async () => license(`RCV3_${await new CompactSign(new TextEncoder().encode('not a license')).setProtectedHeader({ alg: 'RS256' }).sign(sharedTestKeyPair().privateKey)}`)() },
  { area: 'file or paste', input: 'bytes that are not UTF-8 text', code: 'LICENSE_BINARY', says: 'is not text', run: license(new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1])) },

  // ---- what a server (or something in front of it) answers ----
  { area: 'server answer', input: '/api/info answers an HTML page (a proxy or another web app)', code: 'NOT_ROCKETCHAT', says: 'not as a Rocket.Chat server', run: server(html(200), (c) => c.info()) },
  { area: 'server answer', input: '/api/info answers 404 HTML (wrong path, e.g. missing /chat)', code: 'NOT_ROCKETCHAT', says: 'not as a Rocket.Chat server', run: server(html(404), (c) => c.info()) },
  { area: 'server answer', input: '/api/info answers JSON without a version', code: 'NOT_ROCKETCHAT', says: 'not with Rocket.Chat’s server information', run: server(json(200, { success: true }), (c) => c.info()) },
  { area: 'server answer', input: 'login: wrong password', code: 'AUTH_INVALID', says: 'The user name or password is wrong', run: server(json(401, { status: 'error', error: 'Unauthorized', message: 'Unauthorized' }), (c) => c.login('tech', 'nope')) },
  { area: 'server answer', input: 'login: the account has 2FA (authenticator app)', code: 'AUTH_2FA_REQUIRED', says: 'Enter the code from the authenticator app', run: server(json(401, { error: 'totp-required', details: { method: 'totp' } }), (c) => c.login('tech', 'x')) },
  { area: 'server answer', input: 'login: 2FA by e-mail', code: 'AUTH_2FA_REQUIRED', says: 'A code was e-mailed', run: server(json(401, { error: 'totp-required', details: { method: 'email' } }), (c) => c.login('tech', 'x')) },
  { area: 'server answer', input: 'login: the 2FA code is wrong or old', code: 'AUTH_2FA_INVALID', says: 'The two-factor code was not accepted', run: server(json(401, { error: 'totp-invalid', details: { method: 'totp' } }), (c) => c.login('tech', 'x', '000000')) },
  { area: 'server answer', input: 'login: the account is blocked after failed attempts', code: 'AUTH_BLOCKED', says: 'This account is blocked for now', run: server(json(401, { error: 'error-login-blocked-for-user' }), (c) => c.login('tech', 'x')) },
  { area: 'server answer', input: 'login: this laptop’s address is blocked', code: 'AUTH_BLOCKED', says: 'address is blocked for now', run: server(json(401, { error: 'error-login-blocked-for-ip' }), (c) => c.login('tech', 'x')) },
  { area: 'server answer', input: 'a saved session has expired (401 on any call)', code: 'AUTH_REQUIRED', says: 'You must be logged in', run: server(json(401, { status: 'error', message: 'You must be logged in to do this.' }), (c) => c.me()) },
  { area: 'server answer', input: 'licenses.add by a user without the permission', code: 'FORBIDDEN', says: 'not allowed to install licenses', run: server(json(403, { success: false, error: 'unauthorized' }), (c) => c.add(v3)) },
  { area: 'server answer', input: '429 Too Many Requests with a reset time', code: 'RATE_LIMITED', says: 'Try again in', run: server(json(429, { success: false, error: 'error-too-many-requests' }, { 'x-ratelimit-reset': String(Date.now() + 30_000) }), (c) => c.add(v3)) },
  { area: 'server answer', input: 'licenses.add: 400 Invalid license', code: 'LICENSE_SIGNATURE', says: 'does not accept this license', run: server(json(400, { success: false, error: 'Invalid license' }), (c) => c.add(v3)) },
  { area: 'server answer', input: 'licenses.add: 400 Empty license', code: 'LICENSE_EMPTY', says: 'Empty license', run: server(json(400, { success: false, error: 'Empty license' }), (c) => c.add(' ')) },
  { area: 'server answer', input: 'a 500 with an error message', code: 'SERVER_ERROR', says: 'The server answered 500', run: server(json(500, { success: false, error: 'Internal server error' }), (c) => c.me()) },
  { area: 'server answer', input: 'a 502 HTML page from a reverse proxy', code: 'NOT_ROCKETCHAT', says: 'answered 502', run: server(html(502), (c) => c.me()) },
  { area: 'server answer', input: 'an answer over 2 MiB', code: 'SERVER_ERROR', says: 'more than 2 MiB', run: server((_q, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) }); res.end(); }, (c) => c.me()) },
  { area: 'server answer', input: 'a redirect to another address', code: 'REDIRECT_BLOCKED', says: 'redirected to http://10.0.0.9', run: server((_q, res) => { res.writeHead(302, { location: 'http://10.0.0.9/api/v1/me' }); res.end(); }, (c) => c.me()) },
  { area: 'server answer', input: 'a redirect loop on the same address', code: 'REDIRECT_BLOCKED', says: 'redirected too many times', run: server((q, res) => { res.writeHead(302, { location: `${q.url}x` }); res.end(); }, (c) => c.me()) },
  { area: 'server answer', input: 'an answer cut off mid-body', code: 'NETWORK_UNREACHABLE', says: 'dropped the connection', run: server((_q, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' }); res.write('{"success":'); setTimeout(() => res.destroy(), 5); }, (c) => c.me()) },
  { area: 'server answer', input: 'no answer within the timeout', code: 'TIMEOUT', says: 'did not answer in time', run: server(() => undefined, (c) => c.me(), { timeoutMs: 300 }) },

  // ---- the network between ----
  { area: 'network', input: 'nothing listens on the port', code: 'NETWORK_UNREACHABLE', says: 'refused the connection', run: () => failure(() => new RocketChatClient(new Transport({ baseUrl: closedUrl, timeoutMs: 2000 })).info()) },
  { area: 'network', input: 'a name that does not resolve', code: 'NETWORK_UNREACHABLE', says: 'could not be resolved', run: () => failure(() => new RocketChatClient(new Transport({ baseUrl: 'https://no-such-host.invalid', timeoutMs: 2000 })).info()) },
  { area: 'network', input: 'a self-signed certificate not yet trusted', code: 'TLS_UNTRUSTED', says: 'self-signed', run: () => failure(() => new RocketChatClient(new Transport({ baseUrl: tlsSim.url, timeoutMs: 2000 })).info()) },
  { area: 'network', input: 'the certificate changed since it was pinned', code: 'CERT_CHANGED', says: 'the server now presents', run: () => failure(() => new RocketChatClient(new Transport({ baseUrl: tlsSim.url, timeoutMs: 2000, trust: { pinnedSha256: 'a'.repeat(64) } })).info()) },
  {
    area: 'network',
    input: 'http:// typed for a port that speaks HTTPS',
    code: 'NETWORK_UNREACHABLE',
    says: 'speaks HTTPS',
    run: () => failure(() => new Installer({ dataDir: mkdtempSync(join(dir, 'ws-')), keychain: new MemorySecretStore(), timeoutMs: 2000 }).addWorkspace({ url: tlsSim.url.replace('https://', 'http://') })),
  },
  {
    area: 'network',
    input: 'a proxy and a pinned certificate together',
    code: 'INVALID_INPUT',
    says: 'cannot be checked through a proxy',
    run: () => failure(() => new Transport({ baseUrl: 'https://chat.plant7.lan', proxyUrl: 'http://proxy.plant7.lan:3128', trust: { pinnedSha256: 'a'.repeat(64) } })),
  },

  // ---- what is typed: addresses and app calls ----
  { area: 'app call', input: 'workspace address ftp://…', code: 'INVALID_INPUT', says: 'Only http:// and https://', run: () => failure(() => normalizeBaseUrl('ftp://chat.plant7.lan')) },
  { area: 'app call', input: 'workspace address with spaces', code: 'INVALID_INPUT', says: 'is not a web address', run: () => failure(() => normalizeBaseUrl('chat plant 7')) },
  { area: 'app call', input: 'workspace address with a password in it', code: 'INVALID_INPUT', says: 'Do not put a user name or password', run: () => failure(() => normalizeBaseUrl('https://admin:pw@chat.plant7.lan')) },
  { area: 'app call', input: 'workspace address with ?query or #anchor', code: 'INVALID_INPUT', says: 'must not contain ? or #', run: () => failure(() => normalizeBaseUrl('https://chat.plant7.lan/home?x=1')) },
  { area: 'app call', input: 'an empty workspace address', code: 'INVALID_INPUT', says: 'Enter the workspace address', run: () => failure(() => normalizeBaseUrl('  ')) },
  { area: 'app call', input: 'a socks5:// proxy', code: 'INVALID_INPUT', says: 'is not an http:// or https:// address', run: () => failure(() => normalizeProxyUrl('socks5://proxy:1080')) },
  { area: 'app call', input: 'a proxy with a password', code: 'INVALID_INPUT', says: 'keeps no proxy password', run: () => failure(() => normalizeProxyUrl('http://me:secret@proxy:3128')) },
  { area: 'app call', input: 'a call the contract does not have', code: 'INVALID_INPUT', says: 'Unknown call', run: call('fs.readFile', { path: '/etc/passwd' }) },
  { area: 'app call', input: 'a license hash that is not SHA-256', code: 'INVALID_INPUT', says: 'must be a SHA-256', run: call('license.install', { workspaceId: 'w1', sha256: 'abc' }) },
  { area: 'app call', input: 'a field the call does not take', code: 'INVALID_INPUT', says: 'Unrecognized key', run: call('workspace.connect', { workspaceId: 'w1', extra: 1 }) },
  { area: 'app call', input: 'a workspace that is not saved', code: 'WORKSPACE_UNKNOWN', says: 'No saved workspace has the id', run: call('workspace.connect', { workspaceId: 'nope' }) },
  { area: 'app call', input: 'a job id that is not in the history', code: 'JOB_UNKNOWN', says: 'No installation 20261127-000000-0000', run: call('history.get', { jobId: '20261127-000000-0000' }) },
  { area: 'app call', input: 'a dropped file whose content is not base64', code: 'INVALID_INPUT', says: 'source.base64', run: call('license.inspect', { source: { kind: 'file', name: 'x.license', base64: '%%%' } }) },

  // ---- rc-license on a terminal ----
  { area: 'command line', input: 'no command', code: 'exit 2', says: 'Usage:', run: () => cli([]) },
  { area: 'command line', input: 'a misspelt command (aply)', code: 'exit 2', says: 'Did you mean "apply"?', run: () => cli(['aply', 'x.license']) },
  { area: 'command line', input: 'a misspelt option (--forse)', code: 'exit 2', says: 'Did you mean --force', run: () => cli(['apply', 'x.license', '--forse']) },
  { area: 'command line', input: '--timeout that is not a number', code: 'exit 2', says: '--timeout takes a number of seconds', run: () => cli(['status', '--server', 'https://chat.plant7.lan', '--timeout', 'soon']) },
  { area: 'command line', input: 'RC_USER_ID without RC_AUTH_TOKEN', code: 'exit 2', says: 'Set both RC_USER_ID and RC_AUTH_TOKEN', run: () => cli(['status', '--server', 'https://chat.plant7.lan'], { RC_USER_ID: 'u1' }) },
  { area: 'command line', input: 'a license file that does not exist', code: 'exit 4', says: 'could not be read', run: () => cli(['inspect', join(dir, 'missing.license')]) },
  { area: 'command line', input: 'a folder given as the license file', code: 'exit 4', says: 'could not be read', run: () => cli(['inspect', dir]) },
  { area: 'command line', input: 'a file that is not a license', code: 'exit 4', says: 'This is not a Rocket.Chat license', run: () => { writeFileSync(join(dir, 'notes.txt'), 'meeting notes'); return cli(['inspect', join(dir, 'notes.txt')]); } },
  { area: 'command line', input: 'a server where nothing listens', code: 'exit 5', says: 'refused the connection', run: () => cli(['status', '--server', closedUrl]) },
  { area: 'command line', input: 'verify a job id that was never recorded', code: 'exit 2', says: 'No installation', run: () => cli(['verify', '20261127-000000-0000']) },

  // ---- the keychain ----
  { area: 'keychain', input: 'no desktop session (no D-Bus)', code: 'KEYCHAIN_UNAVAILABLE', says: 'No desktop session bus', run: keychain('Cannot autolaunch D-Bus without X11 $DISPLAY') },
  { area: 'keychain', input: 'no Secret Service running, or it died', code: 'KEYCHAIN_UNAVAILABLE', says: 'No keychain service', run: keychain('The name org.freedesktop.secrets was not provided by any .service files') },
  { area: 'keychain', input: 'the keychain is locked', code: 'KEYCHAIN_UNAVAILABLE', says: 'locked or has no default', run: keychain('Object does not exist at path “/org/freedesktop/secrets/collection/login”') },
  { area: 'keychain', input: 'the keychain never answers (an unlock prompt nobody sees)', code: 'KEYCHAIN_UNAVAILABLE', says: 'did not answer within', run: keychain(null) },
  { area: 'keychain', input: 'libsecret is missing', code: 'KEYCHAIN_UNAVAILABLE', says: 'could not be loaded', run: keychain('Failed to load keytar: libsecret-1.so.0: cannot open shared object file') },

  // ---- the disk ----
  {
    area: 'disk',
    input: 'the data folder replaced by a file',
    code: 'STORAGE_FAILED',
    says: 'removed or replaced while the app was running',
    run: () => {
      const d = mkdtempSync(join(dir, 'data-'));
      const store = new WorkspaceStore(join(d, 'data'));
      writeFileSync(join(d, 'data'), 'not a folder');
      return failure(() => store.add({ name: 'Plant 7', baseUrl: 'https://chat.plant7.lan' }));
    },
  },
  {
    area: 'disk',
    input: 'the job log is a folder',
    code: 'STORAGE_FAILED',
    says: 'writing failed (EISDIR)',
    run: () => {
      const d = mkdtempSync(join(dir, 'log-'));
      mkdirSync(join(d, 'jobs.jsonl'));
      return failure(() => new JobLog(d).append(jobRecord('20261127-100000-aaaa')));
    },
  },
  {
    area: 'disk',
    input: 'the backups folder is a file',
    code: 'BACKUP_FAILED',
    says: 'could not be saved on this laptop',
    run: () => {
      const d = mkdtempSync(join(dir, 'bk-'));
      writeFileSync(join(d, 'backups'), 'x');
      return failure(() => new BackupStore(d).save('20261127-100000-aaaa', v3));
    },
  },
  {
    area: 'disk',
    input: 'a kept backup truncated',
    code: 'BACKUP_DAMAGED',
    says: 'truncated or altered',
    run: () => {
      const b = new BackupStore(mkdtempSync(join(dir, 'bt-')));
      const { sha256 } = b.save('20261127-100000-aaaa', v3);
      truncateSync(join(b.dir, '20261127-100000-aaaa.license'), 100);
      return failure(() => b.read('20261127-100000-aaaa', sha256));
    },
  },
  {
    area: 'disk',
    input: 'a kept backup deleted',
    code: 'BACKUP_DAMAGED',
    says: 'is missing',
    run: () => failure(() => new BackupStore(mkdtempSync(join(dir, 'bd-'))).read('20261127-100000-aaaa', 'a'.repeat(64))),
  },
  {
    area: 'disk',
    input: 'another install to the same workspace is running',
    code: 'BUSY',
    says: 'is running in rc-license',
    run: () => {
      const d = mkdtempSync(join(dir, 'lock-'));
      new InstallLock(d, 'rc-license').acquire('https://chat.plant7.lan', 'Plant 7');
      return failure(() => new InstallLock(d, 'the desktop app').acquire('https://chat.plant7.lan', 'Plant 7'));
    },
  },
];

function markdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Bad inputs and what the technician reads',
    '',
    'Generated from `main/bad-inputs.test.ts`, where every row is run for real in `npm test`',
    '(`RC_UPDATE_DOCS=1 npx vitest run main/bad-inputs.test.ts` rewrites this file). Codes are',
    'the app\'s error codes (`main/core/errors.ts`); `exit N` is `rc-license`\'s exit code.',
    '',
    `${ROWS.length} bad inputs.`,
    '',
    '| Where | Bad input | Code | The technician reads |',
    '| --- | --- | --- | --- |',
    ...ROWS.map((r) => `| ${r.area} | ${esc(r.input)} | \`${r.code}\` | ${esc(r.says)}… |`),
    '',
  ];
  return lines.join('\n');
}

describe('the bad-input inventory', () => {
  it('has at least 60 rows, each input named once', () => {
    console.log(`bad-input inventory: ${ROWS.length} rows`);
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ROWS.map((r) => `${r.area}|${r.input}`)).size).toBe(ROWS.length);
  });

  it.each(ROWS.map((r) => [`${r.area}: ${r.input} → ${r.code}`, r] as const))('%s', async (_name, row) => {
    const got = await row.run().catch((e: unknown) => toAppError(e));
    if ('exit' in got) {
      expect(`exit ${got.exit}`, got.text).toBe(row.code);
      // As a reader takes it in: the terminal wraps sentences at its width.
      expect(got.text.replace(/\s+/g, ' ')).toContain(row.says);
      expect(got.text).not.toMatch(/\n\s+at .+[(:]\d+/);
    } else {
      expect(got.code, `${got.message} ${got.detail ?? ''}`).toBe(row.code);
      expect(`${got.message} ${got.detail ?? ''}`).toContain(row.says);
    }
  });

  it('docs/BAD-INPUTS.md is this table', () => {
    const path = join(process.cwd(), 'docs', 'BAD-INPUTS.md');
    if (process.env.RC_UPDATE_DOCS === '1') writeFileSync(path, markdown());
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '', 'stale: run RC_UPDATE_DOCS=1 npx vitest run main/bad-inputs.test.ts').toBe(markdown());
  });
});
