// "Verify again": the outcome of a job that sent a license, read from the server now.
import { AppFailure } from '../errors';
import type { RocketChatClient } from '../rocketchat/rocketchat-client';
import { sha256Hex } from './backups';
import { capJobStrings, type JobLog } from './job-log';
import { serverLogHint } from './server-reasons';
import type { InstallResult } from './types';

/**
 * "Verify again": reads the server's state for a job that sent a license (unconfirmed, or any
 * other that did) and records what it says now — appended to the log, the last record counts.
 * Ours means: the server stores this exact text (by SHA-256), or reports our license id as active.
 */
export async function verifyAgain(jobs: JobLog, client: RocketChatClient, jobId: string): Promise<InstallResult> {
  const job = jobs.get(jobId);
  if (job.outcome !== 'interrupted' && !job.steps.some((st) => st.step === 'apply' && st.status === 'done')) {
    throw new AppFailure('INVALID_INPUT', `Job ${jobId} (${job.outcome}) sent nothing to the server, so there is nothing to verify.`);
  }
  const info = await client.info();
  const state = await client.licenseState(info.capabilities).catch((e) => (e instanceof AppFailure && e.code === 'FORBIDDEN' ? null : Promise.reject(e)));
  const stored = await client.storedLicense();
  const storesThis = stored.readable ? sha256Hex(stored.value.trim()) === job.license.sha256 : null;
  const idActive = state?.state.valid && state.state.id && job.license.id ? state.state.id === job.license.id : null;
  const valid = state?.state.valid ?? null;
  let outcome: InstallResult['outcome'];
  let headline: string;
  const reasons: string[] = [];
  if (valid === true && (storesThis === true || idActive === true)) {
    outcome = 'active';
    headline = `Active: ${info.workspaceUrl} confirms license ${job.license.id ?? job.license.hashTail}.`;
  } else if (storesThis === true && valid === false) {
    outcome = 'rejected';
    headline = 'Rejected: the workspace stores this license but did not activate it.';
    reasons.push(serverLogHint(info));
  } else if (storesThis === false && stored.readable && !stored.value.trim()) {
    outcome = 'rejected';
    headline = 'Not in force: the workspace stores no license, so this one never arrived (or was removed since). Apply it again.';
  } else if (storesThis === false) {
    outcome = 'rejected';
    headline = 'Not in force: the workspace now stores a different license than this job sent.';
    if (valid) reasons.push(`The license active now is ${state?.state.id ?? 'another one'}.`);
  } else {
    outcome = 'unconfirmed';
    headline = 'Still not confirmed: this account cannot read what the workspace stores or runs. Sign in as an administrator and verify again.';
  }
  const verifiedAt = new Date().toISOString();
  const updated = capJobStrings({
    ...job,
    outcome,
    headline,
    reasons,
    after: state?.state ?? job.after,
    verifiedAt,
    steps: [...job.steps, { step: 'verify' as const, status: outcome === 'active' ? ('done' as const) : outcome === 'rejected' ? ('failed' as const) : ('warning' as const), message: `Verified again at ${verifiedAt.slice(0, 16).replace('T', ' ')} UTC: ${headline}` }],
  });
  jobs.append(updated);
  return updated;
}
