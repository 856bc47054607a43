// Reading the server's log over REST (server-log.ts): each era's lines, hostile lines, what is
// kept of a line (never a license text), which lines count as written after the send, and every
// way the endpoint can be missing.
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../errors';
import { entriesSince, eventsSince, logCursor, MAX_LOG_LINE, parseLogEntry, readServerLog, type LogEntry } from './server-log';
import type { HttpResponse } from './http';
import type { RocketChatClient } from './rocketchat-client';

const TS = '2026-12-03T10:00:00.000Z';
const entry = (string: string, id = 'logid-1', ts = TS): LogEntry => ({ id, string, ts });
const pino = (msg: string, fields: Record<string, unknown> = {}, time: unknown = '2026-12-03T10:00:01.000Z') => entry(`${JSON.stringify({ level: 50, time, pid: 1, hostname: 'rc', name: 'License', msg, ...fields })}\n`);

describe('a line as an event', () => {
  it('6.5+ pino lines: what each says, on Rocket.Chat\'s clock', () => {
    expect(parseLogEntry(pino('License installed', { version: '3', hash: 'xyzABC12' }))).toEqual({ kind: 'installed', hashTail: 'xyzABC12', at: '2026-12-03T10:00:01.000Z' });
    expect(parseLogEntry(pino('Url validation failed', { url: { value: 'chat.acme.lan', type: 'regex' }, workspaceUrl: 'chat.plant7.lan' }))).toEqual({
      kind: 'url-failed',
      rule: { value: 'chat.acme.lan', type: 'regex' },
      workspaceUrl: 'chat.plant7.lan',
      at: '2026-12-03T10:00:01.000Z',
    });
    expect(parseLogEntry(pino('Period validation failed', { period: { validFrom: '2031-01-01', validUntil: '2032-01-01T00:00:00Z', invalidBehavior: 'invalidate_license' } }))).toEqual({
      kind: 'period-failed',
      validFrom: '2031-01-01T00:00:00.000Z',
      validUntil: '2032-01-01T00:00:00.000Z',
      behavior: 'invalidate_license',
      at: '2026-12-03T10:00:01.000Z',
    });
    expect(parseLogEntry(pino('Limit validation failed', { kind: 'activeUsers', limit: { max: 25, behavior: 'prevent_installation' } }))).toEqual({
      kind: 'limit-failed',
      limit: 'activeUsers',
      max: 25,
      behavior: 'prevent_installation',
      at: '2026-12-03T10:00:01.000Z',
    });
    expect(parseLogEntry(pino('Invalid license'))).toEqual({ kind: 'invalid', at: '2026-12-03T10:00:01.000Z' });
    expect(parseLogEntry(pino('Unable to validate license URL without knowing the workspace URL.'))).toEqual({ kind: 'site-url-unknown', at: '2026-12-03T10:00:01.000Z' });
    expect(parseLogEntry(pino('License invalidated'))).toEqual({ kind: 'invalidated', at: '2026-12-03T10:00:01.000Z' });
  });

  it('"Invalid raw license": only the last 8 characters are kept, never the text', () => {
    const text = `RCV3_${'secret'.repeat(50)}END12345`;
    const event = parseLogEntry(pino('Invalid raw license', { encryptedLicense: `  ${text}\n`, e: { message: 'expired' } }));
    expect(event).toEqual({ kind: 'invalid-raw', hashTail: 'END12345', at: '2026-12-03T10:00:01.000Z' });
    expect(JSON.stringify(event)).not.toContain('secret');
    expect(parseLogEntry(pino('Invalid raw license', { encryptedLicense: 42 }))).toBeNull();
  });

  it('times: an epoch number, else the queue\'s time; a missing field keeps what can be said', () => {
    expect(parseLogEntry(pino('Invalid license', {}, Date.parse('2026-12-03T10:00:09.000Z')))?.at).toBe('2026-12-03T10:00:09.000Z');
    expect(parseLogEntry(pino('Invalid license', {}, 'not a time'))?.at).toBe(TS);
    expect(parseLogEntry(pino('Invalid license', {}, null))?.at).toBe(TS);
    expect(parseLogEntry({ ...pino('Invalid license', {}, null), ts: 'garbage' })?.at).toBeNull();
    expect(parseLogEntry(pino('Url validation failed'))).toEqual({ kind: 'url-failed', rule: { value: '', type: 'url' }, workspaceUrl: null, at: '2026-12-03T10:00:01.000Z' });
    expect(parseLogEntry(pino('Limit validation failed', { kind: 5, limit: { max: 'x' } }))).toMatchObject({ limit: '', max: null, behavior: null });
    expect(parseLogEntry(pino('License installed'))).toBeNull();
  });

  it('≤6.4 console lines, colours stripped; errors of that engine never reach the queue, so are not read', () => {
    expect(parseLogEntry(entry('\u001b[32m### New Enterprise License\u001b[39m\n'))).toEqual({ kind: 'old-new', at: TS });
    expect(parseLogEntry(entry('#### License validated: auditing, livechat-enterprise\n'))).toEqual({ kind: 'old-validated', at: TS });
    expect(parseLogEntry(entry('#### License error: invalid url, licensed to a, used on b\n'))).toBeNull();
    expect(parseLogEntry(entry('##### New Enterprise License\n'))).toBeNull();
  });

  it('anything else, broken JSON, a non-string, or a line over the limit is nothing', () => {
    expect(parseLogEntry(entry('LocalStore: store created at \n'))).toBeNull();
    expect(parseLogEntry(pino('Not migrating, already at version 304'))).toBeNull();
    expect(parseLogEntry(entry('{"msg":"License installed",'))).toBeNull();
    expect(parseLogEntry(entry('[1,"Invalid license"]'))).toBeNull();
    expect(parseLogEntry({ id: 'x', string: 42 as unknown as string, ts: TS })).toBeNull();
    const huge = pino('License installed', { hash: 'xyzABC12', pad: 'p'.repeat(MAX_LOG_LINE) });
    expect(parseLogEntry(huge)).toBeNull();
    expect(parseLogEntry(pino('License installed', { hash: 'h'.repeat(600) }))).toEqual({ kind: 'installed', hashTail: 'hhhhhhhh', at: '2026-12-03T10:00:01.000Z' });
  });
});

describe('what was written after the send', () => {
  const before = [entry('a', 'logid-1', '2026-12-03T10:00:00.000Z'), entry('b', 'logid-2', '2026-12-03T10:00:02.000Z')];

  it('the cursor is the ids seen and the newest time; an empty queue has none', () => {
    expect(logCursor(before)).toEqual({ ids: new Set(['logid-1', 'logid-2']), newest: Date.parse('2026-12-03T10:00:02.000Z') });
    expect(logCursor([])).toEqual({ ids: new Set(), newest: 0 });
    expect(logCursor([entry('x', 'i', 'bad')]).newest).toBe(0);
  });

  it('new ids no older than the newest line count; old ids, older lines (another instance) and unreadable times do not', () => {
    const cursor = logCursor(before);
    const after = [
      ...before,
      entry('same time', 'logid-3', '2026-12-03T10:00:02.000Z'),
      entry('older, another instance', 'logid-9', '2026-12-03T10:00:01.000Z'),
      entry('no time', 'logid-4', 'soon'),
      entry('later', 'logid-5', '2026-12-03T10:00:03.000Z'),
    ];
    expect(entriesSince(cursor, after).map((e) => e.id)).toEqual(['logid-3', 'logid-5']);
  });

  it('only license events among them', () => {
    const cursor = logCursor(before);
    const installed = { ...pino('License installed', { hash: 'xyzABC12' }), id: 'logid-7', ts: '2026-12-03T10:00:05.000Z' };
    expect(eventsSince(cursor, [...before, entry('noise', 'logid-6', '2026-12-03T10:00:04.000Z'), installed])).toEqual([{ kind: 'installed', hashTail: 'xyzABC12', at: '2026-12-03T10:00:01.000Z' }]);
  });
});

describe('the endpoint', () => {
  const answer = (o: Partial<HttpResponse>): HttpResponse => ({ status: 200, headers: {}, json: undefined, text: '', serverDate: null, receivedAt: new Date(), durationMs: 1, ...o });
  const client = (res: HttpResponse | Error) => ({ call: async () => (res instanceof Error ? Promise.reject(res) : res) }) as unknown as Pick<RocketChatClient, 'call'>;

  it('answers the queue with the Date header of its answer', async () => {
    const q = [{ id: 'logid-1', string: 'x\n', ts: TS }, { id: 5, string: 7, ts: null }];
    expect(await readServerLog(client(answer({ json: { queue: q, success: true }, serverDate: new Date(TS) })))).toEqual({
      available: true,
      entries: [
        { id: 'logid-1', string: 'x\n', ts: TS },
        { id: '5', string: '', ts: '' },
      ],
      date: TS,
    });
    expect(await readServerLog(client(answer({ json: { queue: [{ id: 'a', string: 's', ts: TS }] } })))).toMatchObject({ available: true, date: null });
  });

  it('gone in 8.0 (404 plain text, 405, an HTML page), no view-logs (403), a disabled viewer (empty), or anything unreadable: said, never thrown', async () => {
    expect(await readServerLog(client(answer({ status: 404, text: '404 Not Found', headers: { 'content-type': 'text/plain' } })))).toEqual({ available: false, why: 'no-endpoint' });
    expect(await readServerLog(client(answer({ status: 405 })))).toEqual({ available: false, why: 'no-endpoint' });
    expect(await readServerLog(client(answer({ status: 200, text: '<html>', headers: { 'content-type': 'text/html' } })))).toEqual({ available: false, why: 'no-endpoint' });
    expect(await readServerLog(client(answer({ status: 403, json: { success: false, error: 'unauthorized' } })))).toEqual({ available: false, why: 'forbidden' });
    expect(await readServerLog(client(answer({ json: { queue: [], success: true } })))).toEqual({ available: false, why: 'disabled' });
    expect(await readServerLog(client(answer({ json: { queue: 'nope' } })))).toEqual({ available: false, why: 'unreadable' });
    expect(await readServerLog(client(answer({ status: 500, json: { queue: [] } })))).toEqual({ available: false, why: 'unreadable' });
    expect(await readServerLog(client(new AppFailure('TIMEOUT', 'slow')))).toEqual({ available: false, why: 'unreadable' });
  });

  it('a session that ended is said as such; anything that is not an app failure is thrown', async () => {
    await expect(readServerLog(client(answer({ status: 401, json: { status: 'error', message: 'You must be logged in to do this.' } })))).rejects.toMatchObject({ code: 'AUTH_REQUIRED', detail: 'You must be logged in to do this.' });
    await expect(readServerLog(client(new TypeError('bug')))).rejects.toThrow('bug');
  });
});
