// The license engine's front door: read → verify → summarize → check.
import type { LicenseCheck, LicenseReading, LicenseSummary, WorkspaceFacts } from '../types';
import { readLicense, type CanonicalLicense } from './license-read';
import { verifyLicense, verificationKeys, type VerificationKey } from './license-decode';
import { summarizeLicense } from './license-summary';
import { checkLicense, noWorkspace } from './license-checks';

export interface InspectedLicense {
  reading: LicenseReading;
  summary: LicenseSummary;
  checks: LicenseCheck[];
}

export interface DecodedLicense {
  canonical: CanonicalLicense;
  summary: LicenseSummary;
  /** The verified payload as signed (V3 ILicenseV3, or the V2 document). */
  payload: Record<string, unknown>;
}

export async function decodeLicense(input: Uint8Array | string, keys: VerificationKey[] = verificationKeys()): Promise<DecodedLicense> {
  const canonical = readLicense(input);
  const verified = await verifyLicense(canonical, keys);
  return { canonical, summary: summarizeLicense(canonical, verified), payload: verified.payload };
}

export async function inspectLicense(
  input: Uint8Array | string,
  options: { keys?: VerificationKey[]; facts?: WorkspaceFacts } = {},
): Promise<InspectedLicense> {
  const { canonical, summary } = await decodeLicense(input, options.keys);
  const { text: _text, ...reading } = canonical;
  return { reading, summary, checks: checkLicense(summary, options.facts ?? noWorkspace()) };
}
