// Property: every contract call, given any JSON at all, answers with a Result — never a throw, never
// a hang, never INTERNAL, never a stack trace (reliability issue, item 4). Bounded for CI; a failure
// prints its seed and the shrunk input (`@fast-check/vitest`).
import { afterAll, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createHandlers, dispatch } from '../handlers';
import { CALL_NAMES } from '../contract';
import { ERROR_CODES } from '../errors';
import { MemorySecretStore } from '../workspaces/secret-store';
import { JobLog } from '../installs/job-log';
import { jobRecord } from '../../../e2e/support/job-fixture';

const dataDir = mkdtempSync(join(tmpdir(), 'rc-li-fuzz-contract-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A port nothing listens on: a saved workspace there answers "refused" at once, never the network.
const closedPort = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});
const WORKSPACE = 'a1b2c3d4e5f6';
const JOB = '20261127-100000-abcd';
writeFileSync(
  join(dataDir, 'workspaces.json'),
  JSON.stringify({
    schemaVersion: 1,
    workspaces: [{ id: WORKSPACE, name: 'Plant 7', baseUrl: `http://127.0.0.1:${closedPort}`, trust: { caPem: null, caFileName: null, pinnedSha256: null }, proxyUrl: null, lastSeen: null, signedInAs: null, createdAt: '2026-11-27T10:00:00.000Z' }],
  }),
);
new JobLog(dataDir).append(jobRecord(JOB, { outcome: 'rejected', workspace: { id: WORKSPACE, name: 'Plant 7', baseUrl: `http://127.0.0.1:${closedPort}`, version: '8.8.0', workspaceUrl: 'x', workspaceUrlSource: 'server' } }));

const handlers = createHandlers({ shell: 'cli', keychain: new MemorySecretStore(), dataDir, timeoutMs: 1000 });
const ctx = { emit: () => undefined };

// Inputs shaped like the contract's (known keys, any values, real ids sometimes) and shapeless JSON.
const KEYS = ['workspaceId', 'jobId', 'url', 'name', 'proxyUrl', 'pinnedSha256', 'caPem', 'caFileName', 'user', 'password', 'code', 'sessionOnly', 'userId', 'token', 'source', 'sha256', 'force', 'waitSeconds', 'format', 'text'];
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(WORKSPACE, JOB, 'a'.repeat(64), `http://127.0.0.1:${closedPort}`, 'pdf', 'html', 'json', true, 1, 300, 301, -1, 0.5, '', '\u0000', '../../etc/passwd'),
  fc.record({ kind: fc.constantFrom('file', 'text', 'other'), text: fc.string(), name: fc.string(), base64: fc.base64String(), size: fc.integer() }, { requiredKeys: ['kind'] }),
);
const shaped = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 5 });
const wsId = fc.oneof(fc.constant(WORKSPACE), fc.string({ minLength: 1, maxLength: 20 }));
const jobId = fc.oneof(fc.constant(JOB), fc.string({ minLength: 1, maxLength: 30 }));
const sha = fc.stringMatching(/^[0-9a-f]{64}$/);
const opt = <T,>(r: Record<string, fc.Arbitrary<T>>, required: string[]) => fc.record(r, { requiredKeys: required });
// Per call: the keys it takes, with values that are often valid and sometimes not quite.
const validish: Record<string, fc.Arbitrary<unknown>> = {
  'workspace.add': opt({ url: fc.oneof(fc.constant(`http://127.0.0.1:${closedPort}`), fc.constant(`https://127.0.0.1:${closedPort}/chat`), fc.string({ minLength: 1 })), name: fc.string({ maxLength: 200 }), pinnedSha256: fc.oneof(sha, fc.constant(null)), caPem: fc.oneof(fc.string(), fc.constant(null)) } as never, ['url']),
  'workspace.connect': opt({ workspaceId: wsId }, ['workspaceId']),
  'workspace.update': opt({ workspaceId: wsId, name: fc.string({ maxLength: 200 }), proxyUrl: fc.oneof(fc.constant(null), fc.string()) } as never, ['workspaceId']),
  'workspace.remove': opt({ workspaceId: fc.string({ minLength: 1, maxLength: 20 }) }, ['workspaceId']),
  'auth.login': opt({ workspaceId: wsId, user: fc.string({ minLength: 1 }), password: fc.string({ minLength: 1 }), code: fc.string({ maxLength: 20 }), sessionOnly: fc.boolean() } as never, ['workspaceId', 'user', 'password']),
  'auth.token': opt({ workspaceId: wsId, userId: fc.string({ minLength: 1 }), token: fc.string({ minLength: 1 }), sessionOnly: fc.boolean() } as never, ['workspaceId', 'userId', 'token']),
  'auth.logout': opt({ workspaceId: wsId }, ['workspaceId']),
  'license.inspect': opt(
    {
      source: fc.oneof(fc.record({ kind: fc.constant('text'), text: fc.string({ maxLength: 500 }) }), fc.record({ kind: fc.constant('file'), name: fc.string(), base64: fc.base64String({ maxLength: 400 }) })),
      workspaceId: wsId,
    } as never,
    ['source'],
  ),
  'license.install': opt({ workspaceId: wsId, sha256: sha, force: fc.boolean(), waitSeconds: fc.integer({ min: 1, max: 300 }) } as never, ['workspaceId', 'sha256']),
  'history.get': opt({ jobId }, ['jobId']),
  'history.verify': opt({ jobId }, ['jobId']),
  'license.restore': opt({ jobId, force: fc.boolean(), waitSeconds: fc.integer({ min: 1, max: 300 }) } as never, ['jobId']),
  'receipt.save': opt({ jobId, format: fc.constantFrom('html', 'json', 'pdf') } as never, ['jobId', 'format']),
  'clipboard.write': opt({ text: fc.string({ maxLength: 100 }) }, ['text']),
};
const call = fc.constantFrom(...CALL_NAMES, 'fs.readFile', '__proto__', '');
const input = fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped, fc.constant(undefined), fc.constant(null));
const callAndInput = fc.oneof(
  fc.tuple(call, input),
  call.chain((name) => fc.tuple(fc.constant(name), Object.hasOwn(validish, name) ? validish[name] : fc.constant(undefined))),
);
const noStack = /\n\s+at .+[(:]\d+/;
// Which calls got past input validation: a property that only ever met INVALID_INPUT proves little.
const reached = new Set<string>();
afterAll(() => {
  console.log(`contract fuzz: ${reached.size} of ${CALL_NAMES.length} calls ran their handler (${[...reached].sort().join(', ')})`);
  expect(reached.size).toBeGreaterThanOrEqual(CALL_NAMES.length - 1);
});

test.prop([callAndInput], { numRuns: 400 })(
  'any call with any input answers with a Result: never a throw, never a hang, never INTERNAL',
  async ([name, payload]) => {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 10_000)));
    const r = await Promise.race([dispatch(handlers, name, payload, ctx), hung]).finally(() => clearTimeout(timer));
    expect(r).not.toBe('hung');
    if (r === 'hung') return;
    expect(typeof r.ok).toBe('boolean');
    if ((CALL_NAMES as readonly string[]).includes(name) && (r.ok || r.error.code !== 'INVALID_INPUT' || !(r.error.detail ?? '').startsWith(`${name}: `))) reached.add(name);
    if (!r.ok) {
      expect(ERROR_CODES).toContain(r.error.code);
      expect(r.error.code, `${name}: ${r.error.detail}`).not.toBe('INTERNAL');
      expect(r.error.message.length).toBeGreaterThan(0);
      expect(`${r.error.detail ?? ''}`).not.toMatch(noStack);
    }
  },
  60_000,
);
