// "Verify again": the outcome of a job that sent a license, read from the server now — and the
// same reading before a restore, so that a license that became active meanwhile is never replaced
// by accident. Ours means: the server stores this exact text (by SHA-256), or reports our license
// id as active. Like the verdict after a send, "rejected" needs the server's word (here its status
// setting); a license that is simply not in force is "not active".
import { AppFailure } from '../errors';
import { obj, str, type Obj } from '../rocketchat/json';
import type { LicenseStateWithUsage, RocketChatClient } from '../rocketchat/rocketchat-client';
import type { WorkspaceInfo } from '../rocketchat/types';
import { readRestriction } from '../workspaces/restriction';
import { changeOf } from './countdown';
import { sha256Hex } from './backups';
import { capJobStrings, type JobLog } from './job-log';
import type { Evidence, InstallResult } from './types';
import { english, said, say, type Msg } from '../i18n/say';
import { serverLogHintMsg } from './server-reasons';

export interface JobLicenseNow {
  info: WorkspaceInfo;
  /** Whether the job's license is the one in force now; null when this account cannot tell. */
  inForce: boolean | null;
  outcome: InstallResult['outcome'];
  headline: string;
  headlineMsg: Msg;
  reasons: string[];
  reasonsMsg: Msg[];
  evidence: Evidence[];
  after: InstallResult['after'];
}

/** A headline and reasons with their English text, as a job keeps them. */
function words(headline: Msg, reasons: Msg[]) {
  return { headline: english(headline), headlineMsg: headline, reasons: reasons.map(english), reasonsMsg: reasons };
}

const sameInstant = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b);

/** Whether a job's license is among those the server shows active, by id (V3) or by address and
 * expiry (V2, which has no id); null when the server shows nothing to compare. */
export function shownActive(job: Pick<InstallResult, 'license'>, read: LicenseStateWithUsage): boolean | null {
  const { id, boundTo, validUntil } = job.license;
  const matches = (l: Obj): boolean => {
    const v3 = obj(obj(l.information).id ? l : l.license);
    if (id && str(obj(v3.information).id)) return str(obj(v3.information).id) === id;
    // A V2 license as ≤6.4 lists it, or as 6.5+ shows it converted (spec §5.3).
    const url = str(l.url) ?? str(obj(obj(v3.validation).serverUrls && (obj(v3.validation).serverUrls as unknown[])[0]).value);
    const until = l.expiry ?? obj(Array.isArray(obj(v3.validation).validPeriods) ? (obj(v3.validation).validPeriods as unknown[])[0] : null).validUntil;
    return Boolean(url && boundTo?.includes(url) && sameInstant(until, validUntil));
  };
  if (read.payload) return read.state.valid === true ? matches(read.payload) : false;
  if (read.legacy) return read.legacy.some(matches);
  return read.state.valid === false ? false : null;
}

/** What the server says now about the license a job sent. */
export async function jobLicenseNow(client: RocketChatClient, job: InstallResult): Promise<JobLicenseNow> {
  const info = await client.info();
  const read = await client.licenseState(info.capabilities).catch((e) => (e instanceof AppFailure && e.code === 'FORBIDDEN' ? null : Promise.reject(e)));
  const state = read;
  const stored = await client.storedLicense();
  const status = info.capabilities.newEngine ? await client.licenseStatus() : null;
  const at = new Date().toISOString();
  const storesThis = stored.readable ? sha256Hex(stored.value.trim()) === job.license.sha256 : null;
  const valid = state?.state.valid ?? null;
  // 6.5+ runs what it stores (a refused license clears the active one), so "stores this and a
  // license is valid" is ours; ≤6.4 keeps the old one in memory while storing the refused text.
  const shown = read ? shownActive(job, read) : null;
  const idActive = shown ?? (valid && info.capabilities.newEngine ? storesThis : null);
  const evidence: Evidence[] = [];
  if (state) evidence.push({ source: 'license-state', says: valid === true ? (idActive === true ? 'ours-active' : idActive === false ? 'other-active' : 'cannot-tell') : valid === false ? 'none-active' : 'cannot-tell', at, clock: 'laptop', detail: state.state.source });
  if (stored.readable) evidence.push({ source: 'stored-license', says: storesThis ? 'stores-this' : stored.value.trim() ? 'stores-other' : 'stores-none', at, clock: 'laptop', detail: 'Enterprise_License' });
  const base = { info, evidence, after: state?.state ?? job.after };
  if (valid === true && idActive === true) {
    return { ...base, inForce: true, outcome: 'active', ...words(say('outcome.active', { url: info.workspaceUrl, license: job.license.id ?? job.license.hashTail }), []) };
  }
  if (storesThis === true && valid === false) {
    // 6.5+ sets the status Invalid when a license it had to refuse replaced a valid one (spec §1.2).
    if (status === 'Invalid' && job.before?.valid) {
      evidence.push({ source: 'status-setting', says: 'invalid-after-valid', at, clock: 'laptop', detail: 'Enterprise_License_Status' });
      return { ...base, inForce: false, outcome: 'rejected', ...words(say('again.storedNotActivated'), [serverLogHintMsg(info)]) };
    }
    return { ...base, inForce: false, outcome: 'not-active', ...words(say('again.storedNotRun'), [serverLogHintMsg(info)]) };
  }
  if (storesThis === false && stored.readable && !stored.value.trim()) {
    return { ...base, inForce: false, outcome: 'not-active', ...words(say('again.storesNone'), []) };
  }
  if (storesThis === false) {
    const activeNow = valid ? [say('again.activeNow', { license: state?.state.id ?? say('again.anotherOne') })] : [];
    return { ...base, inForce: false, outcome: 'not-active', ...words(say('again.storesOther'), activeNow) };
  }
  return { ...base, inForce: null, outcome: 'unconfirmed', ...words(say('again.cannotRead'), []) };
}

/** Reads the server's state for a job that sent a license (unconfirmed, or any other that did) and
 * records what it says now — appended to the log, the last record counts. */
export async function verifyAgain(jobs: JobLog, client: RocketChatClient, jobId: string): Promise<InstallResult> {
  const job = jobs.get(jobId);
  const applied = job.steps.some((st) => st.step === 'apply' && (st.status === 'done' || st.status === 'warning'));
  if (job.sent === 'no' || (job.outcome !== 'interrupted' && !applied)) {
    throw new AppFailure('INVALID_INPUT', `Job ${jobId} (${job.outcome}) sent nothing to the server, so there is nothing to verify.`);
  }
  const now = await jobLicenseNow(client, job);
  const before = job.restriction?.before ?? null;
  const after = before ? await readRestriction(client, now.info) : null;
  const verifiedAt = new Date().toISOString();
  const updated = capJobStrings({
    ...job,
    outcome: now.outcome,
    headline: now.headline,
    headlineMsg: now.headlineMsg,
    reasons: now.reasons,
    reasonsMsg: now.reasonsMsg,
    after: now.after,
    verifiedAt,
    verdict: { evidence: now.evidence, reasons: [] },
    ...(before ? { restriction: changeOf(before, after) } : {}),
    steps: [
      ...job.steps,
      {
        step: 'verify' as const,
        status: now.outcome === 'active' ? ('done' as const) : now.outcome === 'rejected' ? ('failed' as const) : ('warning' as const),
        ...said(say('again.step', { at: verifiedAt, headline: now.headlineMsg })),
      },
    ],
  });
  jobs.append(updated);
  return updated;
}
