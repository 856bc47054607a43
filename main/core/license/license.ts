// The license engine's front door: read → verify → summarize → check.
import type { Inspection, LicenseSummary, WorkspaceFacts } from './types';
import type { ActiveLicenseState } from '../rocketchat/types';
import { readLicense, type CanonicalLicense } from './license-read';
import { verifyLicense, verificationKeys, type VerificationKey } from './license-decode';
import { summarizeLicense } from './license-summary';
import { checkLicense, noWorkspace } from './license-checks';
import { replacementOf, type BackupNote } from './replacement';
import { restrictionEffectMsg } from '../workspaces/restriction';
import type { RestrictionReading } from '../workspaces/types';
import { english } from '../i18n/say';

export interface DecodedLicense {
  canonical: CanonicalLicense;
  summary: LicenseSummary;
  /** The verified payload as signed (V3 ILicenseV3, or the V2 document). */
  payload: Record<string, unknown>;
}

export async function decodeLicense(input: Uint8Array | string, keys: VerificationKey[] = verificationKeys(), fileSize?: number): Promise<DecodedLicense> {
  const canonical = readLicense(input, fileSize);
  const verified = await verifyLicense(canonical, keys);
  return { canonical, summary: summarizeLicense(canonical, verified), payload: verified.payload };
}

/** What the window and the CLI show: the license (never its text) checked against the facts. */
export function toInspection(
  decoded: Pick<DecodedLicense, 'canonical' | 'summary'>,
  facts: WorkspaceFacts,
  active: ActiveLicenseState | null = null,
  backup?: BackupNote,
  countdown?: RestrictionReading | null,
): Inspection {
  const { text: _text, ...reading } = decoded.canonical;
  const checks = checkLicense(decoded.summary, facts);
  const effectMsg = restrictionEffectMsg(countdown, !checks.some((c) => c.status === 'fail'));
  return {
    reading,
    summary: decoded.summary,
    checks,
    facts,
    active,
    replaces: replacementOf(active, facts.serverVersion, decoded.summary.id, backup),
    restriction: countdown && effectMsg ? { reading: countdown, effect: english(effectMsg), effectMsg } : null,
  };
}

export async function inspectLicense(
  input: Uint8Array | string,
  options: { keys?: VerificationKey[]; facts?: WorkspaceFacts; fileSize?: number } = {},
): Promise<Inspection> {
  return toInspection(await decodeLicense(input, options.keys, options.fileSize), options.facts ?? noWorkspace());
}
