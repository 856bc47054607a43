// A recorded job for tests that need one in the job log without running an installation.
import type { InstallResult } from '../../main/core/installs/types';

export function jobRecord(id: string, extra: Partial<InstallResult> = {}): InstallResult {
  return {
    jobId: id,
    outcome: 'active',
    headline: 'chat.acme.lan confirms license: it is in force now.',
    reasons: [],
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    workspace: { id: 'w1', name: 'Plant 7', baseUrl: 'https://chat.example', version: '8.8.0', workspaceUrl: 'chat.example', workspaceUrlSource: 'server' },
    user: { username: 'tech', isAdmin: true },
    license: { sha256: 'a'.repeat(64), hashTail: 'abcdefgh', id: 'lic-1', format: 'v3', customer: 'ACME', validUntil: null, seats: 100 },
    checks: [],
    serverValidation: null,
    steps: [],
    before: null,
    after: null,
    forced: false,
    error: null,
    ...extra,
  };
}

/** One job for each way a job can end: every outcome, a failure before / after / perhaps after the
 * send, and a restore — what the vocabulary tests hold every shell to. */
export function everyEnding(): Array<[string, InstallResult]> {
  const outcomes: InstallResult['outcome'][] = ['active', 'already-active', 'rejected', 'unconfirmed', 'not-active', 'blocked', 'already-rejected', 'interrupted'];
  return [
    ...outcomes.map((outcome, i): [string, InstallResult] => [outcome, jobRecord(`20261201-00000${i}-${outcome.slice(0, 4)}`, { outcome })]),
    ...(['no', 'yes', 'unknown'] as const).map((sent): [string, InstallResult] => [`failed, sent ${sent}`, jobRecord(`20261201-000000-f${sent.slice(0, 3)}`, { outcome: 'failed', sent })]),
    ['restore', jobRecord('20261201-000000-rest', { outcome: 'active', restoreOf: '20261130-000000-aaaa' })],
  ];
}
