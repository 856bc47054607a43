// Reading and verifying, decision by decision: what each kind of bad file is called and said, what
// was cleaned (exactly), where the size limit falls, when a file holds several licenses, and
// which key (if any) a signature matches — with payloads signed here for every case.
import { beforeAll, describe, expect, it } from 'vitest';
import { constants, generateKeyPairSync, privateEncrypt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign } from 'jose';
import { failureOf, rejectionOf } from '../../../e2e/support/failures';
import { licenseV2Payload, licenseV3Payload, sharedTestKeyPair, signV2, signV3 } from '../../../e2e/simulator/license-factory';
import { makeKey, rocketChatKey, verificationKeys, verifyLicense, type VerificationKey } from './license-decode';
import { MAX_LICENSE_BYTES, readLicense, sizeInWords } from './license-read';
import { LicenseStore, type LoadedLicense } from './license-store';

let v3: string;
let v2: string;
let other2: string;
let testKey: VerificationKey;
beforeAll(async () => {
  v3 = await signV3(licenseV3Payload({ id: 'READ-1', url: 'chat.acme.lan' }));
  v2 = signV2(licenseV2Payload({ url: 'chat.acme.lan' }));
  other2 = signV2(licenseV2Payload({ url: 'chat.other.lan' }));
  testKey = makeKey(sharedTestKeyPair().publicKeyPem, 'custom');
});

const bytes = (...parts: Array<number[] | string | Buffer>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const wrap = (s: string, width: number, eol = '\n') => s.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol);

describe('the encoding of a file', () => {
  it('UTF-8 with or without its byte-order mark, UTF-16 either way round: said exactly', () => {
    expect(readLicense(bytes(v3)).cleaned).toEqual([]);
    expect(readLicense(bytes([0xef, 0xbb, 0xbf], v3))).toMatchObject({ text: v3, cleaned: ['UTF-8 byte-order mark'] });
    expect(readLicense(bytes([0xff, 0xfe], utf16le(v3)))).toMatchObject({ text: v3, cleaned: ['UTF-16 (little-endian) encoding'] });
    expect(readLicense(bytes([0xfe, 0xff], utf16be(v3)))).toMatchObject({ text: v3, cleaned: ['UTF-16 (big-endian) encoding'] });
    // A byte-order mark in the text as well (TextDecoder drops it): said once, and gone.
    expect(readLicense(bytes([0xef, 0xbb, 0xbf], '\uFEFF' + v3))).toMatchObject({ text: v3, cleaned: ['UTF-8 byte-order mark'] });
    // Pasted text that starts with one.
    expect(readLicense('\uFEFF' + v3)).toMatchObject({ text: v3, cleaned: ['byte-order mark'] });
  });

  it('bytes that only begin like a byte-order mark are read as what they are', () => {
    // EF BB 80 is the UTF-8 of U+FEC0, not a byte-order mark.
    expect(failureOf(() => readLicense(bytes([0xef, 0xbb, 0x80], v3))).detail).toBe('It contains characters a license never has (for example "ﻀ").');
    expect(failureOf(() => readLicense(bytes([0xff, 0x41, 0x42, 0x43])))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file is not valid UTF-8 text.' });
    expect(failureOf(() => readLicense(bytes([0xfe, 0x41, 0x42, 0x43])))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file is not valid UTF-8 text.' });
    // Every byte of a mark counts: two of the three (or one of the two) are not a mark.
    for (const start of [[0x41, 0xbb, 0xbf], [0xef, 0x41, 0xbf], [0xef, 0xbb, 0x41], [0xef, 0x41, 0x41]]) {
      expect(failureOf(() => readLicense(bytes(start, v3)))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file is not valid UTF-8 text.' });
    }
    expect(failureOf(() => readLicense(bytes([0x41, 0xfe], utf16le(v3))))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file contains NUL bytes.' });
    expect(failureOf(() => readLicense(bytes([0x41, 0xff], utf16be(v3))))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file contains NUL bytes.' });
  });

  it('what cannot be text is LICENSE_BINARY, saying why', () => {
    expect(failureOf(() => readLicense(bytes('PK', [0x03, 0x04, 0x00, 0x41])))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file contains NUL bytes.' });
    expect(failureOf(() => readLicense(bytes([0x41, 0xc3, 0x28])))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file is not valid UTF-8 text.' });
    expect(failureOf(() => readLicense(bytes([0xff, 0xfe], utf16le('AB'), [0x41])))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The UTF-16 text is cut off mid-character.' });
    expect(failureOf(() => readLicense(bytes([0xff, 0xfe], utf16le('AB'), [0x00, 0xd8], utf16le('C'))))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The file is not valid UTF-16 text.' });
    expect(failureOf(() => readLicense(bytes([0xfe, 0xff], utf16be('A\u0000B'))))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The UTF-16 text contains NUL characters.' });
    expect(failureOf(() => readLicense('abc\u0007def'))).toMatchObject({ code: 'LICENSE_BINARY', detail: 'The text contains control characters.' });
  });
});

describe('what is cleaned, exactly', () => {
  it.each([
    ['nothing', (s: string) => s, []],
    ['spaces and tabs', (s: string) => `${s.slice(0, 9)} \t${s.slice(9)}`, ['spaces or tabs']],
    ['a final line break', (s: string) => `${s}\n`, []],
    ['line breaks inside', (s: string) => wrap(s, 64), ['line breaks']],
    ['Windows line breaks', (s: string) => wrap(s, 64, '\r\n'), ['Windows line endings', 'line breaks']],
    ['non-breaking spaces', (s: string) => `${s.slice(0, 9)}\u00A0${s.slice(9)}\u202F`, ['non-breaking spaces']],
    ['zero-width characters', (s: string) => `${s.slice(0, 9)}\u200B${s.slice(9, 20)}\u2060${s.slice(20)}`, ['zero-width characters']],
    ['quotes', (s: string) => `"${s}"`, ['surrounding quotes']],
    ['curly quotes with spaces inside', (s: string) => `\u201C ${s} \u201D`, ['surrounding quotes']],
    ['single quotes around a wrapped license', (s: string) => `'${wrap(s, 64)}'`, ['surrounding quotes', 'line breaks']],
    ['a JSON wrapper', (s: string) => `  ${JSON.stringify({ license: s })}\n`, ['JSON wrapper {"license": …}']],
    ['a JSON wrapper around a quoted license', (s: string) => JSON.stringify({ license: ` "${s}" ` }), ['JSON wrapper {"license": …}', 'surrounding quotes']],
  ])('%s', (_name, make, cleaned) => {
    for (const original of [v3, v2]) expect(readLicense(make(original))).toMatchObject({ text: original, cleaned });
  });

  it('quotes count only when they surround the whole text', () => {
    expect(failureOf(() => readLicense(`${v3}"`))).toMatchObject({ code: 'LICENSE_SIGNATURE' });
    expect(failureOf(() => readLicense(`RCV3_abc.def."ghi"`))).toMatchObject({ code: 'LICENSE_SIGNATURE' });
    expect(failureOf(() => readLicense(`"${v3}"x`))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'It contains characters a license never has (for example "\\"").' });
  });

  it('JSON that is not a license wrapper is said as such', () => {
    expect(failureOf(() => readLicense('{"license": '))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'The file looks like JSON but cannot be read as JSON.' });
    expect(failureOf(() => readLicense('{"key": "value"}'))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'The JSON in the file has no "license" text field.' });
    expect(failureOf(() => readLicense('{"license": 42}'))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'The JSON in the file has no "license" text field.' });
  });

  it('nothing left is LICENSE_EMPTY; what is left is named by format, or by a character a license never has', () => {
    for (const empty of ['', ' \r\n\t', '\u200B\u2060', '""', '{"license": "  "}']) expect(failureOf(() => readLicense(empty)).code).toBe('LICENSE_EMPTY');
    expect(failureOf(() => readLicense('RCV3_abc.def.ghi!'))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: 'It begins like a Rocket.Chat V3 license (RCV3_) but the rest is not a complete signed token.' });
    expect(failureOf(() => readLicense('Dear customer, attached.'))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'It contains characters a license never has (for example ",").' });
    expect(failureOf(() => readLicense('abc=def'))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'It has only the characters a license has, but not in the order of one ("=" can only end it).' });
    expect(readLicense('QUJD')).toMatchObject({ format: 'v2', text: 'QUJD', length: 4 });
    expect(readLicense(v3)).toMatchObject({ format: 'v3', length: v3.length });
  });
});

describe('several licenses in one file', () => {
  it('different ones are refused, however they are laid out; the same one twice is one', () => {
    const holds = (text: string) => failureOf(() => readLicense(text));
    expect(holds(`${v2}\n\n${other2}`)).toMatchObject({ code: 'LICENSE_MULTIPLE', detail: 'The file holds 2 different licenses.' });
    expect(holds(`${v2}\r\n \t\u00A0\r\n${other2}\n`).code).toBe('LICENSE_MULTIPLE');
    expect(holds(`${v2}\n\n\n\n${other2}`).code).toBe('LICENSE_MULTIPLE');
    expect(holds(`${wrap(v2, 64)}\n\n${wrap(other2, 76)}`).code).toBe('LICENSE_MULTIPLE');
    expect(holds(`${v2}\n\n${other2}\n\n${v2}`).detail).toBe('The file holds 2 different licenses.');
    expect(readLicense(`${wrap(v2, 64)}\n\n${v2}\n`).text).toBe(v2);
  });

  it('paragraphs that are not each a whole V2 license are one text', () => {
    // Base64, but not 512 bytes each: read as one (and then found not to verify).
    expect(readLicense('QUJD\n\nREVG')).toMatchObject({ text: 'QUJDREVG', format: 'v2' });
    // A license and a closing line: not two licenses — and not a license either.
    expect(failureOf(() => readLicense(`${v2}\n\nThanks, Jo`))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'It contains characters a license never has (for example ",").' });
  });
});

describe('the size limit', () => {
  it('falls after 64 KiB, counted in bytes', () => {
    expect(readLicense('A'.repeat(MAX_LICENSE_BYTES)).length).toBe(MAX_LICENSE_BYTES);
    expect(failureOf(() => readLicense('A'.repeat(MAX_LICENSE_BYTES + 1)))).toMatchObject({ code: 'LICENSE_TOO_LARGE', detail: 'It is 65 KiB.' });
    // 40 000 characters, 80 000 bytes.
    expect(failureOf(() => readLicense('é'.repeat(40_000)))).toMatchObject({ code: 'LICENSE_TOO_LARGE', detail: 'It is 79 KiB.' });
  });

  it("says the file's real size when it is known, and no guess when only the first bytes were read", () => {
    expect(failureOf(() => readLicense(Buffer.alloc(MAX_LICENSE_BYTES + 1, 0x41))).detail).toBe('It is larger than 64 KiB.');
    expect(failureOf(() => readLicense(Buffer.alloc(MAX_LICENSE_BYTES + 2, 0x41))).detail).toBe('It is 65 KiB.');
    expect(failureOf(() => readLicense(Buffer.from(v3), 3 * 1024 * 1024)).detail).toBe('It is 3.0 MiB.');
    expect(failureOf(() => readLicense(Buffer.alloc(MAX_LICENSE_BYTES + 1, 0x41), MAX_LICENSE_BYTES + 1)).detail).toBe('It is 65 KiB.');
    expect(readLicense(Buffer.from(v3), MAX_LICENSE_BYTES).text).toBe(v3);
  });

  it('sizes are said in KiB, then MiB from 1 MiB', () => {
    expect(sizeInWords(1)).toBe('1 KiB');
    expect(sizeInWords(1024 * 1024 - 1)).toBe('1024 KiB');
    expect(sizeInWords(1024 * 1024)).toBe('1.0 MiB');
    expect(sizeInWords(10.5 * 1024 * 1024)).toBe('10.5 MiB');
  });
});

describe('keys', () => {
  it('a verification key must be an RSA public key in PEM', () => {
    expect(failureOf(() => makeKey('not a key', 'custom'))).toMatchObject({ code: 'INVALID_INPUT', detail: expect.stringMatching(/^The verification key is not a PEM public key \(.+\)\.$/) });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(failureOf(() => makeKey(ec, 'custom'))).toMatchObject({ code: 'INVALID_INPUT', detail: 'The verification key must be an RSA public key.' });
    expect(makeKey(sharedTestKeyPair().publicKeyPem, 'custom')).toMatchObject({ kind: 'custom', fingerprint: testKey.fingerprint });
  });

  it("Rocket.Chat's key, plus one more only when asked (option first, then RC_LICENSE_PUBLIC_KEY)", () => {
    expect(verificationKeys({ env: {} })).toEqual([rocketChatKey()]);
    const dir = mkdtempSync(join(tmpdir(), 'rc-keys-'));
    try {
      const path = join(dir, 'test.pem');
      writeFileSync(path, sharedTestKeyPair().publicKeyPem);
      expect(verificationKeys({ env: { RC_LICENSE_PUBLIC_KEY: path } }).map((k) => [k.kind, k.fingerprint])).toEqual([
        ['rocket.chat', rocketChatKey().fingerprint],
        ['custom', testKey.fingerprint],
      ]);
      const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(verificationKeys({ extraKeyPem: other, env: { RC_LICENSE_PUBLIC_KEY: path } })[1].fingerprint).not.toBe(testKey.fingerprint);
      expect(failureOf(() => verificationKeys({ env: { RC_LICENSE_PUBLIC_KEY: join(dir, 'missing.pem') } }))).toMatchObject({ code: 'FILE_UNREADABLE', detail: expect.stringMatching(/^RC_LICENSE_PUBLIC_KEY: ENOENT/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('signatures', () => {
  const both = () => [rocketChatKey(), testKey];

  it('name the key that verified, or say that none did and how many were tried', async () => {
    expect((await verifyLicense({ format: 'v3', text: v3 }, both())).key.kind).toBe('custom');
    expect((await verifyLicense({ format: 'v2', text: v2 }, both())).key.kind).toBe('custom');
    expect(await rejectionOf(verifyLicense({ format: 'v3', text: v3 }, [rocketChatKey()]))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: 'Its signature does not match the Rocket.Chat key.' });
    expect(await rejectionOf(verifyLicense({ format: 'v2', text: v2 }, [rocketChatKey()]))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: 'Its signature does not match the Rocket.Chat key (invalid padding).' });
    const stranger = makeKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'custom');
    for (const text of [v3, v2]) {
      expect((await rejectionOf(verifyLicense({ format: text === v3 ? 'v3' : 'v2', text }, [rocketChatKey(), stranger]))).detail).toBe('Its signature matches neither the Rocket.Chat key nor the additional key.');
    }
  });

  it('a V3 token that is damaged, or signed another way, is said as such', async () => {
    const [h, p] = v3.slice(5).split('.');
    expect(await rejectionOf(verifyLicense({ format: 'v3', text: `RCV3_${h}.${p}.AAAA` }, both()))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: 'Its signature matches neither the Rocket.Chat key nor the additional key.' });
    expect(await rejectionOf(verifyLicense({ format: 'v3', text: `RCV3_${h}.${p}` }, both()))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: expect.stringMatching(/^Its signed token is damaged \(.+\)\.$/) });
    const hs = await new CompactSign(new TextEncoder().encode('{}')).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(await rejectionOf(verifyLicense({ format: 'v3', text: `RCV3_${hs}` }, both()))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: 'It is signed with an algorithm Rocket.Chat does not use (only RS256 is accepted).' });
    expect(await rejectionOf(verifyLicense({ format: 'v3', text: v3 }, []))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: 'Its signed token is damaged (unreadable).' });
  });

  it('a genuine signature over something that is not a license document is LICENSE_MALFORMED', async () => {
    const key = sharedTestKeyPair().privateKey;
    const v2Of = (text: string) => privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(text)).toString('base64');
    const v3Of = async (text: string) => `RCV3_${await new CompactSign(new TextEncoder().encode(text)).setProtectedHeader({ alg: 'RS256' }).sign(key)}`;
    for (const content of ['not json', '[1,2]', 'null', '42', '"text"']) {
      for (const license of [{ format: 'v2' as const, text: v2Of(content) }, { format: 'v3' as const, text: await v3Of(content) }]) {
        expect(await rejectionOf(verifyLicense(license, both()))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: 'The signature is genuine but the content is not a license document.' });
      }
    }
    expect((await verifyLicense({ format: 'v2', text: v2Of('{}') }, both())).payload).toEqual({});
  });

  it('a V2 block of the wrong length: a damaged copy when close to 512 bytes, something else when far', async () => {
    const block = (n: number) => Buffer.alloc(n, 7).toString('base64');
    for (const n of [384, 511, 513, 640]) {
      expect(await rejectionOf(verifyLicense({ format: 'v2', text: block(n) }, both()))).toMatchObject({ code: 'LICENSE_SIGNATURE', detail: `It is ${n} bytes long instead of 512: characters were lost or added when it was copied.` });
    }
    for (const n of [383, 641, 109]) {
      expect(await rejectionOf(verifyLicense({ format: 'v2', text: block(n) }, both()))).toMatchObject({ code: 'LICENSE_MALFORMED', detail: `It decodes to ${n} bytes; a Rocket.Chat license is 512.` });
    }
  });
});

describe('licenses loaded this session', () => {
  const loaded = (sha256: string) => ({ canonical: { sha256 }, source: sha256 }) as unknown as LoadedLicense;

  it('are kept by SHA-256, the newest twenty; using one again makes it the newest', () => {
    const store = new LicenseStore(3);
    for (const id of ['a', 'b', 'c']) store.put(loaded(id));
    store.put(loaded('a'));
    store.put(loaded('d'));
    expect(['a', 'b', 'c', 'd'].map((id) => store.get(id)?.source ?? null)).toEqual(['a', null, 'c', 'd']);
    const twenty = new LicenseStore();
    for (let i = 0; i < 21; i++) twenty.put(loaded(String(i)));
    expect(twenty.get('0')).toBeUndefined();
    expect(twenty.get('1')?.source).toBe('1');
    expect(twenty.get('20')?.source).toBe('20');
  });
});
