// Verifies a canonical license string offline, as the server does (spec §4.1):
//   V3 = "RCV3_" + an RS256 JWT;  V2 = base64 of one 512-byte RSA block, "encrypted" with the
//   private key (PKCS#1 v1.5 type 1), opened with publicDecrypt.
import { constants, createHash, createPublicKey, publicDecrypt, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compactVerify, importSPKI } from 'jose';
import { AppFailure } from '../errors';
import { ROCKETCHAT_PUBLIC_KEY_PEM } from './public-key';
import type { CanonicalLicense } from './license-read';
import { said, say } from '../i18n/say';

export interface VerificationKey {
  kind: 'rocket.chat' | 'custom';
  fingerprint: string;
  pem: string;
  node: KeyObject;
  /** The key as jose verifies with it (WebCrypto), imported at the first V3 license: every
   * command makes the keys, few verify a JWT, and WebCrypto's first use costs milliseconds. */
  readonly jose: ReturnType<typeof importSPKI>;
}

export interface VerifiedLicense {
  payload: Record<string, unknown>;
  key: VerificationKey;
}

export function keyFingerprint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function makeKey(pem: string, kind: VerificationKey['kind']): VerificationKey {
  let node: KeyObject;
  try {
    node = createPublicKey(pem);
  } catch (e) {
    throw new AppFailure('INVALID_INPUT', `The verification key is not a PEM public key (${(e as Error).message}).`);
  }
  if (node.asymmetricKeyType !== 'rsa') throw new AppFailure('INVALID_INPUT', 'The verification key must be an RSA public key.');
  const spki = node.export({ type: 'spki', format: 'pem' }).toString();
  let jose: ReturnType<typeof importSPKI> | undefined;
  return {
    kind,
    fingerprint: keyFingerprint(node),
    pem: spki,
    node,
    get jose() {
      return (jose ??= importSPKI(spki, 'RS256'));
    },
  };
}

let defaultKey: VerificationKey | undefined;
export function rocketChatKey(): VerificationKey {
  defaultKey ??= makeKey(ROCKETCHAT_PUBLIC_KEY_PEM, 'rocket.chat');
  return defaultKey;
}

/**
 * The keys a license may be verified with: Rocket.Chat's, plus — only when asked explicitly — one
 * more for test licenses and private builds (option, or env RC_LICENSE_PUBLIC_KEY = PEM path).
 */
export function verificationKeys(options: { extraKeyPem?: string; env?: NodeJS.ProcessEnv } = {}): VerificationKey[] {
  const keys = [rocketChatKey()];
  let pem = options.extraKeyPem;
  const path = (options.env ?? process.env).RC_LICENSE_PUBLIC_KEY;
  if (!pem && path) {
    try {
      pem = readFileSync(path, 'utf8');
    } catch (e) {
      throw new AppFailure('FILE_UNREADABLE', `RC_LICENSE_PUBLIC_KEY: ${(e as Error).message}`);
    }
  }
  if (pem) keys.push(makeKey(pem, 'custom'));
  return keys;
}

const V2_BLOCK_BYTES = 512;

function parsePayload(json: string): Record<string, unknown> {
  let payload: unknown = null;
  try {
    payload = JSON.parse(json);
  } catch {
    // Not JSON: refused below, as any other content that is not a license document.
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new AppFailure('LICENSE_MALFORMED', said(say('decode.notDocument')));
  }
  return payload as Record<string, unknown>;
}

function decodeV2(text: string, keys: VerificationKey[]): VerifiedLicense {
  const block = Buffer.from(text, 'base64');
  if (block.length !== V2_BLOCK_BYTES) {
    // A real V2 license is exactly one 512-byte block. Close to that is a damaged copy; far from it
    // is something else altogether (the docs' 145-byte example string, for one).
    if (block.length >= 384 && block.length <= 640) {
      throw new AppFailure(
        'LICENSE_SIGNATURE',
        said(say('decode.v2Length', { n: block.length, expected: V2_BLOCK_BYTES })),
      );
    }
    throw new AppFailure('LICENSE_MALFORMED', said(say('decode.notV2', { n: block.length, expected: V2_BLOCK_BYTES })));
  }
  for (const key of keys) {
    let plain: Buffer;
    try {
      plain = publicDecrypt({ key: key.node, padding: constants.RSA_PKCS1_PADDING }, block);
    } catch {
      continue;
    }
    return { payload: parsePayload(plain.toString('utf8')), key };
  }
  throw new AppFailure(
    'LICENSE_SIGNATURE',
    said(say(keys.length > 1 ? 'decode.neitherKey' : 'decode.paddingMismatch')),
  );
}

async function decodeV3(text: string, keys: VerificationKey[]): Promise<VerifiedLicense> {
  const jws = text.slice('RCV3_'.length);
  let lastError: unknown;
  for (const key of keys) {
    let payload: Uint8Array;
    try {
      // Signature only: exp/nbf are reported by the period check against the server's clock.
      ({ payload } = await compactVerify(jws, await key.jose, { algorithms: ['RS256'] }));
    } catch (e) {
      lastError = e;
      continue;
    }
    // Outside the try: a genuine signature over something else is said as that, not as damage.
    return { payload: parsePayload(new TextDecoder().decode(payload)), key };
  }
  const code = (lastError as { code?: string } | undefined)?.code;
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
    throw new AppFailure(
      'LICENSE_SIGNATURE',
      said(say(keys.length > 1 ? 'decode.neitherKey' : 'decode.mismatch')),
    );
  }
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') {
    throw new AppFailure('LICENSE_SIGNATURE', said(say('decode.algorithm')));
  }
  throw new AppFailure('LICENSE_SIGNATURE', said(say('decode.damaged', { why: (lastError as Error)?.message ?? 'unreadable' })));
}

export async function verifyLicense(license: Pick<CanonicalLicense, 'text' | 'format'>, keys = verificationKeys()): Promise<VerifiedLicense> {
  return license.format === 'v3' ? decodeV3(license.text, keys) : decodeV2(license.text, keys);
}
