// One word for each thing, said the same way by the window, every rc-license command, --json and
// the receipt: the six outcomes a technician reads, the names of the checks, the steps and the
// server's evidence. Each word sits beside a stable machine code (what --json and the receipt
// keep). The language issue translates this file; nothing here may import anything but types, so
// the window can bundle it (scripts/check-layers.ts keeps it so).
import type { Evidence, InstallOutcome, InstallStep } from './installs/types';
import type { LicenseCheck } from './license/types';
import type { Msg } from './i18n/messages';

/** What became of a job, in six words. The detailed outcome (`InstallOutcome`) stays in the record. */
export type Status = 'active' | 'restored' | 'not-confirmed' | 'rejected' | 'not-sent' | 'interrupted';

export const STATUS_WORD: Record<Status, string> = {
  active: 'Active',
  restored: 'Restored',
  'not-confirmed': 'Not confirmed',
  rejected: 'Rejected',
  'not-sent': 'Not sent',
  interrupted: 'Interrupted',
};

/** The status of a job: whether the license is in force, and if not, whether it ever left. */
export function statusOf(job: { outcome: InstallOutcome; sent?: 'yes' | 'no' | 'unknown'; restoreOf?: string | null }): Status {
  switch (job.outcome) {
    case 'active':
    case 'already-active':
      return job.restoreOf ? 'restored' : 'active';
    case 'rejected':
      return 'rejected';
    case 'unconfirmed':
    case 'not-active':
      return 'not-confirmed';
    case 'interrupted':
      return 'interrupted';
    case 'blocked':
    case 'already-rejected':
      return 'not-sent';
    case 'failed':
      // The server answered the send with a refusal; or it may have arrived; or it never left.
      return job.sent === 'yes' ? 'rejected' : job.sent === 'unknown' ? 'not-confirmed' : 'not-sent';
  }
}

/** Green, amber or red: only ever beside the word. */
export function statusTone(status: Status): 'ok' | 'warn' | 'bad' {
  return status === 'active' || status === 'restored' ? 'ok' : status === 'rejected' ? 'bad' : 'warn';
}

/** The name of each check made before sending (`LicenseCheck['name']` is the code). */
export const CHECK_NAME: Record<LicenseCheck['name'], string> = {
  signature: 'Signature',
  url: 'Workspace address',
  period: 'Dates',
  limits: 'Seats and limits',
  server: 'Server',
};

/** The name of each step of an installation (`InstallStep['step']` is the code). */
export const STEP_NAME: Record<InstallStep['step'], string> = {
  license: 'License file',
  connect: 'Connection',
  account: 'Account',
  usage: 'License and usage now',
  stored: 'Stored license',
  prechecks: 'Checks',
  backup: 'Backup',
  'server-validation': "Server's validation",
  apply: 'Apply',
  verify: 'Confirmation',
};

export const EVIDENCE_SOURCE: Record<Evidence['source'], string> = {
  'license-state': 'License state',
  'server-log': "Server's log",
  'status-setting': 'License status setting',
  'server-validation': "Server's validation",
  'stored-license': 'Stored license',
  'elapsed-time': 'Waited',
};

export const EVIDENCE_SAYS = {
  'ours-active': 'shows this license active',
  'other-active': 'shows another license active',
  'none-active': 'shows no license active',
  'cannot-tell': 'cannot tell which license is active',
  installed: 'says the license is installed',
  rejected: 'says the license was refused',
  'applied-not-validated': 'says a license was applied and not validated',
  silent: 'said nothing about it',
  'invalid-after-valid': 'turned Invalid',
  valid: 'said valid before the send',
  invalid: 'said not valid before the send',
  'stores-this': 'holds this license',
  'stores-other': 'holds another license',
  'stores-none': 'holds no license',
} satisfies Record<string, string>;

/** One piece of evidence in words, without its time (each shell writes times its own way):
 * "Server's log says the license was refused (Url validation failed)". */
export function evidenceWords(e: Evidence): string {
  if (e.source === 'elapsed-time') return `${EVIDENCE_SOURCE[e.source]} ${e.detail ?? '?'} s`;
  return `${EVIDENCE_SOURCE[e.source]} ${EVIDENCE_SAYS[e.says as keyof typeof EVIDENCE_SAYS] ?? e.says}${e.detail ? ` (${e.detail})` : ''}`;
}

/** The same piece of evidence as a message (main/core/i18n), for a shell that speaks another language. */
export function evidenceMsg(e: Evidence): Msg {
  if (e.source === 'elapsed-time') return { code: 'evidence.waited', params: { seconds: e.detail ?? '?' } };
  const words = { source: { code: `evidence.${e.source}` }, says: { code: `says.${e.says}` } };
  return e.detail ? { code: 'evidence.lineDetail', params: { ...words, detail: e.detail } } : { code: 'evidence.line', params: words };
}
