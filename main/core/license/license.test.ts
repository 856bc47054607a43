import { beforeAll, describe, expect, it } from 'vitest';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROCKETCHAT_PUBLIC_KEY_PEM, ROCKETCHAT_PUBLIC_KEY_SHA256 } from './public-key';
import { readLicense, MAX_LICENSE_BYTES } from './license-read';
import { makeKey, rocketChatKey, verificationKeys, type VerificationKey } from './license-decode';
import { decodeLicense, inspectLicense } from './license';
import { ENTERPRISE_BUNDLE } from './license-summary';
import { checkLicense, normalizeWorkspaceUrl, urlRuleMatches, workspaceUrlHash } from './license-checks';
import type { WorkspaceFacts } from './types';
import { createTestKeyPair, licenseV2Payload, licenseV3Payload, licenses, sharedTestKeyPair, signV2, signV3, type TestKeyPair } from '../../../e2e/simulator/license-factory';

// convertToV3.ts grants ['hide-watermark', ...v2.modules] with the bundles expanded, duplicates dropped.
const V2_ENTERPRISE = ['hide-watermark', ...ENTERPRISE_BUNDLE.filter((m) => m !== 'hide-watermark')];

const DAY = 86400000;
let keys: TestKeyPair;
let withTestKey: VerificationKey[];
let v3: string;
let v2: string;

beforeAll(async () => {
  keys = sharedTestKeyPair();
  withTestKey = [rocketChatKey(), makeKey(keys.publicKeyPem, 'custom')];
  v3 = await signV3(licenseV3Payload({ id: 'lic-1', url: 'chat.acme.lan', activeUsers: 100 }));
  v2 = signV2(licenseV2Payload({ url: 'chat.acme.lan' }));
});

async function failure(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: { code: string; detail?: string }) => e,
  );
}

function facts(o: Partial<WorkspaceFacts> = {}): WorkspaceFacts {
  const now = new Date().toISOString();
  return { workspaceUrl: 'chat.acme.lan', workspaceUrlSource: 'server', serverTime: now, localTime: now, usage: { activeUsers: 10 }, ...o };
}

describe('the embedded Rocket.Chat key', () => {
  it('is the genuine key (SHA-256 of its DER as published in the spec)', () => {
    const der = createPublicKey(ROCKETCHAT_PUBLIC_KEY_PEM).export({ type: 'spki', format: 'der' });
    expect(createHash('sha256').update(der).digest('hex')).toBe(ROCKETCHAT_PUBLIC_KEY_SHA256);
    expect(ROCKETCHAT_PUBLIC_KEY_SHA256).toBe('bf35fc6a9a278236dbd682e84d1c9db361079ebd6e6daac902e958e282afc343');
    expect(rocketChatKey().node.asymmetricKeyDetails?.modulusLength).toBe(4096);
  });

  it("decodes a real license Rocket.Chat signed (the expired V2 from its public end-to-end tests)", async () => {
    const real = readFileSync(join(__dirname, 'fixtures', 'rocketchat-public-e2e-v2.lic'));
    const { summary } = await decodeLicense(real);
    expect(summary).toMatchObject({
      format: 'v2',
      verifiedWith: { key: 'rocket.chat', fingerprint: ROCKETCHAT_PUBLIC_KEY_SHA256 },
      serverUrls: [{ value: 'localhost:3000', type: 'regex' }],
      validUntil: '2021-01-01T00:00:00.000Z',
    });
    expect(summary.modules).toEqual(V2_ENTERPRISE);
    expect(summary.limits.map((l) => [l.kind, l.max])).toEqual([
      ['activeUsers', 200],
      ['guestUsers', 3],
      ['roomsPerGuest', 10],
    ]);
    const [, url, period] = checkLicense(summary, facts({ workspaceUrl: 'localhost:3000' }));
    expect(url.status).toBe('pass');
    expect(period).toMatchObject({ status: 'fail', message: expect.stringContaining('ended on 2021-01-01') });
  });

  it('is the only key unless another is asked for explicitly (option or RC_LICENSE_PUBLIC_KEY)', () => {
    expect(verificationKeys({ env: {} }).map((k) => k.kind)).toEqual(['rocket.chat']);
    const dir = mkdtempSync(join(tmpdir(), 'key-'));
    try {
      writeFileSync(join(dir, 'k.pem'), keys.publicKeyPem);
      const ks = verificationKeys({ env: { RC_LICENSE_PUBLIC_KEY: join(dir, 'k.pem') } });
      expect(ks.map((k) => k.kind)).toEqual(['rocket.chat', 'custom']);
      expect(() => verificationKeys({ env: { RC_LICENSE_PUBLIC_KEY: join(dir, 'missing.pem') } })).toThrow(
        expect.objectContaining({ code: 'FILE_UNREADABLE', detail: expect.stringMatching(/^RC_LICENSE_PUBLIC_KEY: /) }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading', () => {
  const variants: Array<[string, (s: string) => Uint8Array | string]> = [
    ['as is', (s) => s],
    ['with a trailing newline', (s) => s + '\n'],
    ['UTF-8 with BOM', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
    ['UTF-16 LE with BOM', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16 BE with BOM', (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
    ['wrapped at 64 with CRLF', (s) => s.match(/.{1,64}/g)!.join('\r\n') + '\r\n'],
    ['wrapped at 76 with LF and indented', (s) => '  ' + s.match(/.{1,76}/g)!.join('\n\t')],
    ['with spaces and tabs', (s) => s.slice(0, 40) + ' \t ' + s.slice(40)],
    ['with zero-width characters', (s) => s.slice(0, 10) + '\u200B' + s.slice(10, 20) + '\u2060\uFEFF' + s.slice(20)],
    ['with non-breaking spaces', (s) => '\u00A0' + s.slice(0, 30) + '\u00A0' + s.slice(30) + '\u202F'],
    ['in double quotes', (s) => `"${s}"`],
    ['in curly quotes', (s) => `\u201C${s}\u201D`],
    ['in a JSON wrapper', (s) => JSON.stringify({ license: s })],
    ['twice, the same license', (s) => `${s}\n\n${s}\n`],
  ];

  for (const [name, make] of variants) {
    it(`gives the same canonical V3 and V2 string ${name}`, () => {
      for (const original of [v3, v2]) {
        const r = readLicense(make(original));
        expect(r.text).toBe(original);
        expect(r.sha256).toBe(createHash('sha256').update(original).digest('hex'));
      }
    });
  }

  it('says what it cleaned', () => {
    expect(readLicense(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(v2.match(/.{1,64}/g)!.join('\r\n'))])).cleaned).toEqual(
      expect.arrayContaining(['UTF-8 byte-order mark', 'Windows line endings', 'line breaks']),
    );
    expect(readLicense(JSON.stringify({ license: v3 })).cleaned).toContain('JSON wrapper {"license": …}');
  });

  it.each([
    ['empty', 'LICENSE_EMPTY', ''],
    ['only whitespace', 'LICENSE_EMPTY', ' \r\n\t\u200B\u00A0'],
    ['larger than 64 KiB', 'LICENSE_TOO_LARGE', 'A'.repeat(MAX_LICENSE_BYTES + 1)],
    ['binary with NUL bytes', 'LICENSE_BINARY', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41])],
    ['invalid UTF-8', 'LICENSE_BINARY', Buffer.from([0x41, 0xc3, 0x28, 0x41])],
    ['control characters', 'LICENSE_BINARY', 'abc\u0007def'],
    ['prose', 'LICENSE_MALFORMED', 'Dear customer, please find your license attached.'],
    ['JSON without a license field', 'LICENSE_MALFORMED', '{"key":"value"}'],
    ['a truncated V3 token', 'LICENSE_SIGNATURE', 'RCV3_eyJhbGciOiJSUzI1NiJ9.eyJ2ZXJ'],
  ])('rejects %s with %s', (_name, code, input) => {
    expect(() => readLicense(input as string)).toThrow(expect.objectContaining({ code }));
  });

  it('a file that is too large is said with its real size, not the size of what was read', () => {
    const firstBytes = Buffer.alloc(MAX_LICENSE_BYTES + 1, 0x41);
    expect(() => readLicense(firstBytes, 10 * 1024 * 1024)).toThrow(expect.objectContaining({ code: 'LICENSE_TOO_LARGE', detail: 'It is 10.0 MiB.' }));
    expect(() => readLicense(firstBytes)).toThrow(expect.objectContaining({ detail: 'It is larger than 64 KiB.' }));
    expect(() => readLicense('A'.repeat(100 * 1024))).toThrow(expect.objectContaining({ detail: 'It is 100 KiB.' }));
  });

  it('rejects two different licenses in one file, V3 and V2', async () => {
    const other3 = await signV3(licenseV3Payload({ id: 'lic-2', url: 'other.lan' }));
    expect(() => readLicense(`${v3}\n${other3}\n`)).toThrow(expect.objectContaining({ code: 'LICENSE_MULTIPLE' }));
    const other2 = signV2(licenseV2Payload({ url: 'other.lan' }));
    expect(() => readLicense(`${v2}\n\n${other2}\n`)).toThrow(expect.objectContaining({ code: 'LICENSE_MULTIPLE' }));
  });
});

describe('verifying and summarizing', () => {
  it('verifies a V3 license and summarizes what it grants', async () => {
    const { summary } = await decodeLicense(v3, withTestKey);
    expect(summary).toMatchObject({
      format: 'v3',
      id: 'lic-1',
      verifiedWith: { key: 'custom' },
      customer: { name: 'Jane Admin', company: 'ACME Corp' },
      tags: [{ name: 'Enterprise' }],
      trial: false,
      serverUrls: [{ value: 'chat.acme.lan', type: 'url' }],
      limits: [{ kind: 'activeUsers', max: 100, behavior: 'invalidate_license' }],
      modules: ['auditing', 'livechat-enterprise', 'ldap-enterprise', 'engagement-dashboard'],
      hashTail: v3.slice(-8),
    });
    expect(Date.parse(summary.validUntil!)).toBeGreaterThan(Date.now() + 300 * DAY);
    expect(summary.informational).toEqual(expect.arrayContaining([{ label: 'Offline license', value: 'yes', code: 'offline', said: 'yes' }]));
  });

  it('converts a V2 license the way the server does', async () => {
    const { summary } = await decodeLicense(signV2(licenseV2Payload({ url: '*.acme.lan', expiry: '2031-01-01', maxActiveUsers: 50 })), withTestKey);
    expect(summary.format).toBe('v2');
    expect(summary.serverUrls).toEqual([{ value: '*.acme.lan', type: 'regex' }]);
    expect(summary.periods).toEqual([{ validFrom: null, validUntil: '2031-01-01', invalidBehavior: 'invalidate_license', modules: [] }]);
    expect(summary.modules).toEqual(V2_ENTERPRISE);
    expect(summary.limits).toEqual(
      expect.arrayContaining([
        { kind: 'activeUsers', label: 'Active users (seats)', max: 50, behavior: 'prevent_action', modules: [] },
        { kind: 'guestUsers', label: 'Guest users', max: 3, behavior: 'prevent_action', modules: [] },
        { kind: 'roomsPerGuest', label: 'Rooms per guest', max: 10, behavior: 'prevent_action', modules: [] },
      ]),
    );
  });

  it('does not accept a test-signed license with only the Rocket.Chat key', async () => {
    expect(await failure(decodeLicense(v3))).toMatchObject({ code: 'LICENSE_SIGNATURE' });
    expect(await failure(decodeLicense(v2))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: expect.stringMatching(/invalid padding/) });
  });

  it('rejects a tampered V3 payload', async () => {
    const [head, payload, sig] = v3.slice(5).split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.limits = { activeUsers: [{ max: 100000, behavior: 'invalidate_license' }] };
    const tampered = `RCV3_${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    expect(await failure(decodeLicense(tampered, withTestKey))).toMatchObject({ code: 'LICENSE_SIGNATURE' });
  });

  it('rejects a tampered V2 block', async () => {
    const block = Buffer.from(v2, 'base64');
    block[200] ^= 0xff;
    expect(await failure(decodeLicense(block.toString('base64'), withTestKey))).toMatchObject({ code: 'LICENSE_SIGNATURE' });
  });

  it('recognises a truncated V2 block as damaged, not as something else', async () => {
    const truncated = v2.slice(0, v2.length - 8);
    const bytes = Buffer.from(truncated, 'base64').length;
    expect(bytes).toBeLessThan(512);
    expect(await failure(decodeLicense(truncated, withTestKey))).toMatchObject({
      code: 'LICENSE_SIGNATURE',
      detail: expect.stringContaining(`${bytes} bytes long instead of 512`),
    });
  });

  it('rejects a license signed with another key', async () => {
    const stranger = createTestKeyPair();
    const foreign = signV2(licenseV2Payload(), stranger);
    expect(await failure(decodeLicense(foreign, withTestKey))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: expect.stringMatching(/neither/) });
  });

  it("recognises the docs' example string (145 bytes) as not a license", async () => {
    const docsExample =
      'VFJ0vHf3Jm9AR0minB342MLaHRlZdc3Du5nf0E5Sv0QJ4SUkEIaU2boCYaDsxQ2N1UL4uhLjCF9M7iCZ/yxafJjxbHvOu1D5rOfdgO4RKlAGE9tGHDidJR9crJyXVb16jPHHvLSkUFzb7HoIq/nUXxU8gEgT3uJ9u2+Dw5ukDLX3SG2AFq1hLoPSZqsP6g2AQo=';
    expect(Buffer.from(docsExample, 'base64').length).toBe(145);
    expect(await failure(decodeLicense(docsExample))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: expect.stringMatching(/145 bytes/) });
  });

  it('reports a V3 license signed with an algorithm Rocket.Chat does not use', async () => {
    const { SignJWT } = await import('jose');
    const hs = await new SignJWT({ version: '3.0' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await failure(decodeLicense(`RCV3_${hs}`, withTestKey))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: expect.stringMatching(/RS256/) });
  });
});

describe('URL rules (every entry must match)', () => {
  it('normalizes Site_Url the way the server does: scheme and one trailing slash removed, port and path kept', () => {
    expect(normalizeWorkspaceUrl('https://chat.corp.lan:8443/rc/')).toBe('chat.corp.lan:8443/rc');
    expect(normalizeWorkspaceUrl('http://localhost:3000/')).toBe('localhost:3000');
    expect(normalizeWorkspaceUrl('https://Chat.Corp.LAN')).toBe('Chat.Corp.LAN');
  });

  it('matches url rules case-insensitively and exactly', () => {
    expect(urlRuleMatches({ type: 'url', value: 'CHAT.acme.lan' }, 'chat.ACME.lan')).toBe(true);
    expect(urlRuleMatches({ type: 'url', value: 'chat.acme.lan' }, 'chat.acme.lan:3000')).toBe(false);
  });

  it('matches regex rules with * wildcards and literal dots', () => {
    expect(urlRuleMatches({ type: 'regex', value: '*.acme.lan' }, 'chat.acme.lan')).toBe(true);
    expect(urlRuleMatches({ type: 'regex', value: 'chat.acme.lan' }, 'chatXacme.lan')).toBe(false);
    expect(urlRuleMatches({ type: 'regex', value: 'chat.acme.lan' }, 'chat.acme.lan.evil')).toBe(false);
  });

  it('matches hash rules on the SHA-256 of the normalized URL (spec vector)', () => {
    expect(workspaceUrlHash('localhost:3000')).toBe('79cbb35a3d5a3cef4d68411a1e238ad8e1b6cef432a17fd243454377972c7247');
    const rule = { type: 'hash', value: workspaceUrlHash(normalizeWorkspaceUrl('http://localhost:3000/')) };
    expect(urlRuleMatches(rule, 'localhost:3000')).toBe(true);
    expect(urlRuleMatches({ ...rule, value: rule.value.toUpperCase() }, 'localhost:3000')).toBe(false);
    expect(urlRuleMatches(rule, 'LOCALHOST:3000')).toBe(false);
  });

  it('rejects a license bound to another workspace URL, naming both', async () => {
    const { summary } = await decodeLicense(await signV3(licenses.boundTo('chat.acme.lan')), withTestKey);
    const [, url] = checkLicense(summary, facts({ workspaceUrl: '10.0.0.5:3000' }));
    expect(url).toMatchObject({ status: 'fail', code: 'LICENSE_URL_MISMATCH' });
    expect(url.message).toBe(
      "This license is for chat.acme.lan; this workspace's Site URL is 10.0.0.5:3000. Ask for a license for 10.0.0.5:3000, or change the Site URL setting.",
    );
  });

  it('fails when one of two entries does not match (AND, not OR)', async () => {
    const payload = licenseV3Payload({ urls: [{ value: 'chat.acme.lan', type: 'url' }, { value: 'other.lan', type: 'url' }] });
    const { summary } = await decodeLicense(await signV3(payload), withTestKey);
    const [, url] = checkLicense(summary, facts());
    expect(url.status).toBe('fail');
    expect(url.message).toMatch(/Every address in a license must match, and other.lan does not match/);
    expect(url.items?.map((i) => i.status)).toEqual(['pass', 'fail']);
  });

  it('passes a hash-bound license for its workspace', async () => {
    const { summary } = await decodeLicense(await signV3(licenses.hashBound(workspaceUrlHash('chat.acme.lan'))), withTestKey);
    expect(checkLicense(summary, facts())[1].status).toBe('pass');
  });

  it('treats a mismatch against a guessed workspace URL (server before 8.6) as unknown, not as a failure', async () => {
    const { summary } = await decodeLicense(await signV3(licenses.boundTo('chat.acme.lan')), withTestKey);
    const [, url] = checkLicense(summary, facts({ workspaceUrl: '10.0.0.5:3000', workspaceUrlSource: 'guess' }));
    expect(url.status).toBe('unknown');
    expect(url.message).toMatch(/does not report its Site URL/);
  });
});

describe("periods, by the server's clock", () => {
  it('fails a license whose validFrom is in the future by the server clock while the laptop says it is valid', async () => {
    const from = new Date(Date.now() + 10 * DAY);
    const { summary } = await decodeLicense(await signV3(licenseV3Payload({ url: 'chat.acme.lan', validFrom: from })), withTestKey);
    const laptop = new Date(Date.now() + 20 * DAY).toISOString();
    expect(checkLicense(summary, facts({ localTime: laptop, serverTime: laptop }))[2].status).toBe('pass');
    const period = checkLicense(summary, facts({ localTime: laptop, serverTime: new Date().toISOString() }))[2];
    expect(period).toMatchObject({ status: 'fail', code: 'LICENSE_PERIOD' });
    expect(period.message).toContain(`starts on ${from.toISOString().slice(0, 10)}`);
    expect(period.message).toMatch(/The server's clock is 20 days behind this laptop's/);
  });

  it('fails an expired license by the server clock although the laptop clock says it is still valid', async () => {
    const until = new Date(Date.now() + 5 * DAY);
    const { summary } = await decodeLicense(await signV3(licenseV3Payload({ url: 'chat.acme.lan', validUntil: until })), withTestKey);
    const server = new Date(Date.now() + 6 * DAY).toISOString();
    const period = checkLicense(summary, facts({ serverTime: server, localTime: new Date().toISOString() }))[2];
    expect(period.status).toBe('fail');
    expect(period.message).toContain(`ended on ${until.toISOString().slice(0, 10)}`);
    expect(period.message).toContain(`by the server's clock (${server.slice(0, 16).replace('T', ' ')} UTC)`);
  });

  it('counts days left, and does not fail on an expired disable_modules period', async () => {
    const payload = licenseV3Payload({ url: 'chat.acme.lan', validUntil: new Date(Date.now() + 10.5 * DAY) });
    payload.validation.validPeriods.push({ validUntil: new Date(Date.now() - DAY).toISOString(), invalidBehavior: 'disable_modules', modules: [{ module: 'auditing' }] });
    const { summary } = await decodeLicense(await signV3(payload), withTestKey);
    const period = checkLicense(summary, facts())[2];
    expect(period.status).toBe('pass');
    expect(period.message).toMatch(/10 days left/);
    expect(period.items?.[1].detail).toMatch(/modules auditing are switched off/);
  });

  it('fails a V3 token whose exp claim has passed, as the server verifier would', async () => {
    const payload = { ...licenseV3Payload({ url: 'chat.acme.lan' }), exp: Math.floor((Date.now() - DAY) / 1000) };
    const { summary } = await decodeLicense(await signV3(payload), withTestKey);
    expect(checkLicense(summary, facts())[2].message).toMatch(/it carries a token that expired on/);
  });
});

describe('limits against current usage', () => {
  it('fails when seats in use exceed an invalidating limit, and passes under it', async () => {
    const { summary } = await decodeLicense(await signV3(licenses.seats('chat.acme.lan', 25)), withTestKey);
    const over = checkLicense(summary, facts({ usage: { activeUsers: 26 } }))[3];
    expect(over).toMatchObject({ status: 'fail', code: 'LICENSE_LIMITS' });
    expect(over.message).toContain('Active users (seats): 26 in use, the license allows 25');
    expect(checkLicense(summary, facts({ usage: { activeUsers: 25 } }))[3].status).toBe('pass');
  });

  it('does not fail on a fair-policy limit, but says what happens', async () => {
    const { summary } = await decodeLicense(await signV3(licenseV3Payload({ url: 'chat.acme.lan', activeUsers: 5, limitBehavior: 'start_fair_policy' })), withTestKey);
    const limits = checkLicense(summary, facts({ usage: { activeUsers: 9 } }))[3];
    expect(limits.status).toBe('pass');
    expect(limits.message).toMatch(/fair-use policy starts/);
  });

  it('is unknown until usage is known', async () => {
    const { summary } = await decodeLicense(await signV3(licenses.seats('chat.acme.lan', 25)), withTestKey);
    expect(checkLicense(summary, facts({ usage: null }))[3].status).toBe('unknown');
  });
});

describe('inspect', () => {
  it('warns (without failing) when a non-Rocket.Chat key verified the license', async () => {
    const result = await inspectLicense(v3, { keys: withTestKey, facts: facts() });
    expect(result.checks.map((c) => [c.name, c.status])).toEqual([
      ['signature', 'unknown'],
      ['url', 'pass'],
      ['period', 'pass'],
      ['limits', 'pass'],
    ]);
    expect(result.checks[0].message).toMatch(/non-Rocket.Chat key/);
    expect(result.reading).not.toHaveProperty('text');
  });
});
