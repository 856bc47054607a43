// Rocket.Chat's own test vectors for the checks the server runs after licenses.add, carried over
// as facts (inputs and outcomes, our words): ee/packages/license/src/validation/
// validateLicenseUrl.spec.ts, validateLicenseLimits.spec.ts and runValidation.spec.ts on develop
// as of 2024-10 (fork hmchangw/Rocket.Chat). The hash rule there is sha256 hex; a bcrypt variant
// seen in one copy of the file came from PR #30753, which was closed without merging.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { licenseV3Payload, sharedTestKeyPair, signV3, type LicenseV3Payload } from '../../../e2e/simulator/license-factory';
import { checkLimits, checkPeriod, checkUrl } from './license-checks';
import { decodeLicense } from './license';
import { makeKey } from './license-decode';
import type { WorkspaceFacts } from './types';

const DAY = 86400000;
const facts = (usage: WorkspaceFacts['usage'] = null): WorkspaceFacts => ({
  workspaceUrl: 'localhost:3000', // the workspace URL of the upstream tests' ready license manager
  workspaceUrlSource: 'server',
  serverTime: new Date().toISOString(),
  localTime: new Date().toISOString(),
  usage,
  serverVersion: '8.8.0',
});
const summaryOf = async (payload: LicenseV3Payload) => (await decodeLicense(await signV3(payload), [makeKey(sharedTestKeyPair().publicKeyPem, 'custom')])).summary;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe("validateLicenseUrl.spec.ts: each URL rule type against workspace 'localhost:3000'", () => {
  it.each([
    ['url', 'localhost:3001', 'fail'],
    ['url', 'localhost:3000', 'pass'],
    ['regex', 'unstable.rocket.*', 'fail'],
    ['regex', 'localhost:300*', 'pass'],
    ['hash', sha256('localhost:3001'), 'fail'],
    ['hash', sha256('localhost:3000'), 'pass'],
  ] as const)('%s %s → %s', async (type, value, expected) => {
    const summary = await summaryOf(licenseV3Payload({ urls: [{ type, value }] }));
    expect(checkUrl(summary, facts()).status).toBe(expected);
  });
});

describe('runValidation.spec.ts: a period that ended yesterday invalidates the license', () => {
  it('validFrom two days ago, validUntil one day ago → fails with the period reason', async () => {
    const summary = await summaryOf(licenseV3Payload({ url: 'localhost:3000', validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - DAY) }));
    expect(checkPeriod(summary, facts())).toMatchObject({ status: 'fail', code: 'LICENSE_PERIOD' });
  });
});

describe('validateLicenseLimits.spec.ts: max -1 is unlimited, max 0 is a real limit', () => {
  it('max -1 never fails, whatever the usage', async () => {
    const summary = await summaryOf(licenseV3Payload({ url: 'localhost:3000', activeUsers: -1, limitBehavior: 'invalidate_license' }));
    expect(checkLimits(summary, facts({ activeUsers: 99999999 })).status).toBe('pass');
  });

  it('max 0 with an invalidating behaviour fails as soon as anything is used', async () => {
    const summary = await summaryOf(licenseV3Payload({ url: 'localhost:3000', activeUsers: 0, limitBehavior: 'invalidate_license' }));
    expect(checkLimits(summary, facts({ activeUsers: 1 }))).toMatchObject({ status: 'fail', code: 'LICENSE_LIMITS' });
  });
});
