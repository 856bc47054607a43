// Property: the license reader and decoder, given any bytes — or a valid V2/V3 license flipped,
// cut, doubled, padded with whitespace or zero-width characters, or re-encoded — end in a verified
// license or a specific LICENSE_* code, never INTERNAL (reliability issue, item 4).
import { beforeAll, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { decodeLicense } from '../license/license';
import { makeKey, type VerificationKey } from '../license/license-decode';
import { MAX_LICENSE_BYTES } from '../license/license-read';
import { AppFailure } from '../errors';
import { licenseV2Payload, licenses, sharedTestKeyPair, signV2, signV3 } from '../../../e2e/simulator/license-factory';

let keys: VerificationKey[];
let v2 = '';
let v3 = '';
beforeAll(async () => {
  keys = [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];
  v3 = await signV3(licenses.boundTo('chat.plant7.lan', { id: 'FUZZ-3' }));
  v2 = signV2(licenseV2Payload({ url: 'chat.plant7.lan' }));
});

/** The outcome as a word: 'verified' or the error code; anything not an AppFailure is rethrown. */
async function outcome(input: Uint8Array | string, size?: number): Promise<string> {
  try {
    const d = await decodeLicense(input, keys, size);
    expect(d.summary.format).toMatch(/^v[23]$/);
    return 'verified';
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    expect(e.code, e.detail).toMatch(/^LICENSE_/);
    expect(e.message.length).toBeGreaterThan(0);
    return e.code;
  }
}

test.prop([fc.uint8Array({ maxLength: 4096 })], { numRuns: 300 })('any bytes: a LICENSE_* code or (never, in practice) a verified license', async (bytes) => {
  expect(await outcome(bytes)).not.toBe('verified');
});

test.prop([fc.string({ maxLength: 2000, unit: 'binary' })], { numRuns: 300 })('any text: a LICENSE_* code', async (text) => {
  expect(await outcome(text)).not.toBe('verified');
});

const ZW = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00A0', ' ', '\t', '\r\n', '\n'];
type Mutation = { kind: string; at: number; n: number; zw: string };
const mutation = fc.record({
  kind: fc.constantFrom('flip', 'truncate', 'duplicate', 'duplicate-other', 'whitespace', 'wrap', 'utf16', 'latin1-garbage', 'prefix', 'case'),
  at: fc.nat(),
  n: fc.integer({ min: 1, max: 50 }),
  zw: fc.constantFrom(...ZW),
});
function mutate(text: string, other: string, m: Mutation): { input: string | Uint8Array; keepsLicense: boolean } {
  const i = m.at % text.length;
  switch (m.kind) {
    case 'flip': {
      const c = text[i];
      const swapped = c === 'A' ? 'B' : 'A';
      return { input: text.slice(0, i) + swapped + text.slice(i + 1), keepsLicense: false };
    }
    case 'truncate':
      return { input: text.slice(0, Math.max(0, text.length - m.n)), keepsLicense: false };
    case 'duplicate':
      // The same license twice is one license (V2 copies are told apart by a blank line: a single
      // line break may be wrapping inside one V2 license).
      return { input: `${text}\n\n${text}\n`, keepsLicense: true };
    case 'duplicate-other':
      return { input: `${text}\n\n${other}`, keepsLicense: false };
    case 'whitespace': {
      let t = text;
      for (let k = 0; k < m.n; k++) {
        const j = (m.at * (k + 7)) % t.length;
        t = t.slice(0, j) + m.zw + t.slice(j);
      }
      return { input: t, keepsLicense: true };
    }
    case 'wrap':
      return { input: (text.match(/.{1,64}/g) ?? []).join('\r\n') + '\r\n', keepsLicense: true };
    case 'utf16': {
      const body = Buffer.from(text, 'utf16le');
      return { input: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body])), keepsLicense: true };
    }
    case 'latin1-garbage':
      return { input: new Uint8Array(Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0xa0])])), keepsLicense: false };
    case 'prefix':
      return { input: `License: ${text}`, keepsLicense: false };
    default: // case
      return { input: text.slice(0, i) + text.slice(i).toLowerCase(), keepsLicense: false };
  }
}

test.prop([fc.constantFrom('v2', 'v3'), mutation], { numRuns: 400 })('a valid license, altered: verified when the change is only packaging, else a LICENSE_* code', async (which, m) => {
  const [text, other] = which === 'v2' ? [v2, v3] : [v3, v2];
  const { input, keepsLicense } = mutate(text, other, m);
  const result = await outcome(input);
  if (keepsLicense) expect(result).toBe('verified');
  else if (result === 'verified') {
    // An alteration that happens to change nothing (lower-casing a lower-case tail, 'A'→'B' in
    // padding the decoder ignores) must still be the same license, byte for byte.
    const again = await decodeLicense(input, keys);
    const original = await decodeLicense(text, keys);
    expect(again.canonical.sha256 === original.canonical.sha256 || again.summary.id === original.summary.id).toBe(true);
  }
});

test('the size limit holds for bytes, text and the declared file size alike', async () => {
  expect(await outcome(new Uint8Array(MAX_LICENSE_BYTES + 1).fill(65))).toBe('LICENSE_TOO_LARGE');
  expect(await outcome('A'.repeat(MAX_LICENSE_BYTES + 1))).toBe('LICENSE_TOO_LARGE');
  expect(await outcome(v3, 10 * 1024 * 1024)).toBe('LICENSE_TOO_LARGE');
});
