// Test licenses signed with a key pair generated here, in both of Rocket.Chat's formats:
//   V3 = "RCV3_" + RS256 JWT over an ILicenseV3 payload (as token.ts encrypt() does under test);
//   V2 = one 512-byte block "encrypted" with the private key (PKCS#1 v1.5 type 1), base64.
import { constants, createPrivateKey, generateKeyPairSync, privateEncrypt, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

export interface TestKeyPair {
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** RSA 4096, because a V2 license is exactly one block of a 4096-bit key. */
/** 4096 bits, as Rocket.Chat's own key. A V3 stranger's key may be smaller (RSA-4096 generation
 * takes seconds on a busy machine, once 7 s in CI); a V2 one may not: its block size would differ. */
export function createTestKeyPair(modulusLength: 2048 | 4096 = 4096): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Where a test run hands the pair it generated to its workers (see e2e/test-key-setup.ts). */
export const TEST_KEY_ENV = 'RC_TEST_KEY_PAIR';

let shared: TestKeyPair | undefined;
/** One generated pair per test run (or per process): generating 4096-bit keys takes seconds. */
export function sharedTestKeyPair(): TestKeyPair {
  if (!shared && process.env[TEST_KEY_ENV]) {
    const { privateKeyPem, publicKeyPem } = JSON.parse(process.env[TEST_KEY_ENV]) as { privateKeyPem: string; publicKeyPem: string };
    shared = { privateKey: createPrivateKey(privateKeyPem), publicKeyPem };
  }
  shared ??= createTestKeyPair();
  return shared;
}

export type Behavior = 'invalidate_license' | 'start_fair_policy' | 'prevent_action' | 'allow_action' | 'prevent_installation' | 'disable_modules';

export interface LicenseV3Payload {
  version: '3.0';
  information: Record<string, unknown>;
  validation: {
    serverUrls: Array<{ value: string; type: 'url' | 'regex' | 'hash' }>;
    validPeriods: Array<{ validFrom?: string; validUntil?: string; invalidBehavior: Behavior; modules?: Array<{ module: string }> }>;
    statisticsReport: { required: boolean };
    [key: string]: unknown;
  };
  grantedModules: Array<{ module: string; external?: boolean }>;
  limits: Partial<Record<string, Array<{ max: number; behavior: Behavior; modules?: Array<{ module: string }> }>>>;
  cloudMeta?: Record<string, unknown>;
  [claim: string]: unknown;
}

const DAY = 86400000;

export interface V3Options {
  id?: string;
  urls?: Array<{ value: string; type: 'url' | 'regex' | 'hash' }>;
  /** Shorthand: bound to this one workspace URL (type url). */
  url?: string;
  validFrom?: Date;
  validUntil?: Date;
  activeUsers?: number;
  guestUsers?: number;
  limitBehavior?: Behavior;
  modules?: string[];
  trial?: boolean;
  /** information.offline (8.7+ reads it: no Cloud sync, push gateway, marketplace, telemetry); default true, as an air-gapped license is. */
  offline?: boolean;
  customer?: { name?: string; company?: string; email?: string };
  tags?: Array<{ name: string; color: string }>;
  createdAt?: Date;
  extra?: Record<string, unknown>;
}

export function licenseV3Payload(o: V3Options = {}): LicenseV3Payload {
  const now = Date.now();
  const periods: LicenseV3Payload['validation']['validPeriods'] = [
    {
      ...(o.validFrom !== undefined ? { validFrom: o.validFrom.toISOString() } : { validFrom: new Date(now - DAY).toISOString() }),
      validUntil: (o.validUntil ?? new Date(now + 365 * DAY)).toISOString(),
      invalidBehavior: 'invalidate_license',
    },
  ];
  const limits: LicenseV3Payload['limits'] = {};
  if (o.activeUsers !== undefined) limits.activeUsers = [{ max: o.activeUsers, behavior: o.limitBehavior ?? 'invalidate_license' }];
  if (o.guestUsers !== undefined) limits.guestUsers = [{ max: o.guestUsers, behavior: 'prevent_action' }];
  return {
    version: '3.0',
    information: {
      id: o.id ?? `lic-${Math.random().toString(36).slice(2, 10)}`,
      autoRenew: false,
      visualExpiration: (o.validUntil ?? new Date(now + 365 * DAY)).toISOString(),
      trial: o.trial ?? false,
      offline: o.offline ?? true,
      createdAt: (o.createdAt ?? new Date(now)).toISOString(),
      grantedBy: { method: 'sales', seller: 'Test seller' },
      grantedTo: o.customer ?? { name: 'Jane Admin', company: 'ACME Corp', email: 'jane@acme.example' },
      tags: o.tags ?? [{ name: 'Enterprise', color: '#5154ec' }],
    },
    validation: {
      serverUrls: o.urls ?? [{ value: o.url ?? 'localhost:3000', type: 'url' }],
      validPeriods: periods,
      statisticsReport: { required: false },
    },
    grantedModules: (o.modules ?? ['auditing', 'livechat-enterprise', 'ldap-enterprise', 'engagement-dashboard']).map((module) => ({ module })),
    limits,
    ...o.extra,
  };
}

export async function signV3(payload: object, keys: TestKeyPair = sharedTestKeyPair()): Promise<string> {
  const jwt = await new SignJWT(payload as Record<string, unknown>).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(keys.privateKey);
  return `RCV3_${jwt}`;
}

export function signV2(payload: object, keys: TestKeyPair = sharedTestKeyPair()): string {
  const plain = Buffer.from(JSON.stringify(payload), 'utf8');
  if (plain.length > 501) throw new Error(`V2 payload is ${plain.length} bytes; one RSA-4096 block holds 501`);
  return privateEncrypt({ key: keys.privateKey, padding: constants.RSA_PKCS1_PADDING }, plain).toString('base64');
}

export interface V2Options {
  url?: string;
  expiry?: string;
  modules?: string[];
  maxActiveUsers?: number;
  maxGuestUsers?: number;
  maxRoomsPerGuest?: number;
  tag?: { name: string; color: string };
  meta?: { trial: boolean; trialEnd: string; workspaceId: string };
}

export function licenseV2Payload(o: V2Options = {}): Record<string, unknown> {
  return {
    url: o.url ?? 'localhost:3000',
    expiry: o.expiry ?? new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10),
    modules: o.modules ?? ['enterprise:*'],
    maxActiveUsers: o.maxActiveUsers ?? 200,
    maxGuestUsers: o.maxGuestUsers ?? 3,
    maxRoomsPerGuest: o.maxRoomsPerGuest ?? 10,
    ...(o.tag ? { tag: o.tag } : {}),
    ...(o.meta ? { meta: o.meta } : {}),
  };
}

/** Common shapes, ready to sign. */
export const licenses = {
  boundTo: (url: string, o: V3Options = {}) => licenseV3Payload({ ...o, url }),
  expired: (url: string, o: V3Options = {}) =>
    licenseV3Payload({ ...o, url, validFrom: new Date(Date.now() - 400 * DAY), validUntil: new Date(Date.now() - 30 * DAY) }),
  notYetValid: (url: string, o: V3Options = {}) =>
    licenseV3Payload({ ...o, url, validFrom: new Date(Date.now() + 30 * DAY), validUntil: new Date(Date.now() + 400 * DAY) }),
  hashBound: (hash: string, o: V3Options = {}) => licenseV3Payload({ ...o, urls: [{ value: hash, type: 'hash' }] }),
  seats: (url: string, activeUsers: number, o: V3Options = {}) => licenseV3Payload({ ...o, url, activeUsers }),
  trial: (url: string, o: V3Options = {}) =>
    licenseV3Payload({ ...o, url, trial: true, validUntil: new Date(Date.now() + 30 * DAY), tags: [{ name: 'Trial', color: '#f38c39' }] }),
};
