// Property: the Rocket.Chat client, whatever a server (or a proxy in front of it) answers on any
// endpoint it calls — any status, JSON of the wrong shape, HTML, nothing, a body cut short, one far
// too large — returns a value or fails with a code from the closed set; never INTERNAL, never a
// crash, and never reads more than MAX_RESPONSE_BYTES (reliability issue, item 4).
import { afterAll, beforeAll, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { AppFailure, ERROR_CODES } from '../errors';
import { MAX_RESPONSE_BYTES, Transport } from '../rocketchat/http';
import { RocketChatClient } from '../rocketchat/rocketchat-client';
import { capsFor } from '../../../e2e/support/flow-kit';

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; value: string }
  | { kind: 'html' }
  | { kind: 'empty' }
  | { kind: 'truncated'; value: unknown }
  | { kind: 'huge'; declared: boolean };
type Answer = { status: number; contentType: string | null; body: Body };

let answer: Answer = { status: 200, contentType: null, body: { kind: 'empty' } };
let server: Server;
let client: RocketChatClient;
let transport: Transport;

function reply(res: ServerResponse, a: Answer) {
  const headers: Record<string, string> = {};
  if (a.contentType) headers['content-type'] = a.contentType;
  const b = a.body;
  if (b.kind === 'huge') {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const total = MAX_RESPONSE_BYTES + 512 * 1024;
    if (b.declared) headers['content-length'] = String(total);
    res.writeHead(a.status, headers);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
    return;
  }
  const text = b.kind === 'json' ? JSON.stringify(b.value) ?? '' : b.kind === 'text' ? b.value : b.kind === 'html' ? '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>' : b.kind === 'truncated' ? JSON.stringify(b.value) ?? '{}' : '';
  if (b.kind === 'truncated') {
    headers['content-length'] = String(Buffer.byteLength(text) + 100);
    res.writeHead(a.status, headers);
    res.write(text.slice(0, Math.floor(text.length / 2)));
    setTimeout(() => res.destroy(), 5);
    return;
  }
  res.writeHead(a.status, headers);
  res.end(text);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => reply(res, answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  transport = new Transport({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 3000 });
  client = new RocketChatClient(transport, { userId: 'u1', authToken: 't1' });
});
afterAll(async () => {
  await transport.close();
  await new Promise((r) => server.close(r));
});

const CALLS: Record<string, () => Promise<unknown>> = {
  info: () => client.info(),
  login: () => client.login('tech', 'pass', '123456'),
  me: () => client.me(),
  siteUrl: () => client.siteUrl(),
  logout: () => client.logout(),
  storedLicense: () => client.storedLicense(),
  validate: () => client.validate('RCV3_abc'),
  add: () => client.add('RCV3_abc'),
  'licenseState 3.18': () => client.licenseState(capsFor(3.18)),
  'licenseState 6.3': () => client.licenseState(capsFor(6.3)),
  'licenseState 8.8': () => client.licenseState(capsFor(8.8)),
};

// JSON that looks like Rocket.Chat's answers in shape, with the wrong types and values inside.
const rcish = fc.record(
  {
    success: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant(null)),
    status: fc.constantFrom('success', 'error', 'ok', 1),
    error: fc.oneof(fc.string(), fc.constant('totp-required'), fc.constant('error-too-many-requests'), fc.integer()),
    errorType: fc.constantFrom('totp-required', 'totp-invalid', 'error-unauthorized', 'invalid-params', 'error-action-not-allowed', 12),
    details: fc.oneof(fc.record({ method: fc.constantFrom('totp', 'email', 7), timeToReset: fc.oneof(fc.integer(), fc.string()) }), fc.constant(null)),
    version: fc.oneof(fc.constantFrom('8.8.0', '6.5.1', '3.10.0', '99', 'x.y', ''), fc.integer()),
    info: fc.oneof(fc.record({ version: fc.constantFrom('7.10.0', 5) }), fc.constant(null)),
    data: fc.oneof(fc.record({ userId: fc.oneof(fc.string(), fc.integer()), authToken: fc.oneof(fc.string(), fc.constant(null)), me: fc.jsonValue() }), fc.constant(null)),
    license: fc.oneof(fc.record({ license: fc.jsonValue(), activeModules: fc.oneof(fc.array(fc.string()), fc.string()), limits: fc.jsonValue(), hasValidLicense: fc.jsonValue() }), fc.string(), fc.constant(null)),
    licenses: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string()),
    value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    username: fc.oneof(fc.string(), fc.integer()),
    roles: fc.oneof(fc.array(fc.string()), fc.string()),
    isEnterprise: fc.jsonValue(),
    maxActiveUsers: fc.jsonValue(),
    activeUsers: fc.jsonValue(),
    valid: fc.jsonValue(),
    workspaceUrl: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('json' as const), value: rcish }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), value: fc.string({ maxLength: 300 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'html' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncated' as const), value: rcish }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), declared: fc.boolean() }) },
);
const answerArb: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 403, 404, 405, 413, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 })),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', null),
  body,
});

const CLOSED = (ERROR_CODES as readonly string[]).filter((c) => c !== 'INTERNAL');

test.prop([fc.constantFrom(...Object.keys(CALLS)), answerArb], { numRuns: 400 })(
  'every endpoint, any answer: a value or a closed-set code, never INTERNAL, never a crash',
  async (name, a) => {
    answer = a;
    try {
      await CALLS[name]();
    } catch (e) {
      expect(e, `${name} threw ${String(e)}`).toBeInstanceOf(AppFailure);
      const f = e as AppFailure;
      expect(CLOSED, `${name} on ${a.status} ${a.body.kind}: ${f.code} ${f.detail}`).toContain(f.code);
      if (a.body.kind === 'huge' && ![204, 205, 304].includes(a.status)) expect(f.detail).toMatch(/more than 2 MiB/); // (those carry no body)
    }
  },
  120_000,
);

test('an answer over the cap is refused unread when declared, and read no further than the cap when not', async () => {
  answer = { status: 200, contentType: 'application/json', body: { kind: 'huge', declared: true } };
  await expect(client.me()).rejects.toMatchObject({ code: 'SERVER_ERROR', detail: expect.stringContaining('more than 2 MiB') });
  answer = { status: 200, contentType: 'application/json', body: { kind: 'huge', declared: false } };
  await expect(client.me()).rejects.toMatchObject({ code: 'SERVER_ERROR', detail: expect.stringContaining('more than 2 MiB') });
});
