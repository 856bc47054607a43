// The core's sentences in English: the vocabulary's words (outcomes, checks, steps, evidence), error codes' own words, limits and a license's unchecked details.
import { ERROR_CODES, ERROR_TEXT, type ErrorCode } from '../../errors';
import { CHECK_NAME, EVIDENCE_SAYS, EVIDENCE_SOURCE, STATUS_WORD, STEP_NAME } from '../../vocabulary';

type Words<P extends string, K extends string> = { [C in K as `${P}${C}`]: () => string };
function named<P extends string, K extends string>(prefix: P, table: Record<K, string>): Words<P, K> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}${k}`, () => v])) as Words<P, K>;
}
const errors = Object.fromEntries(
  ERROR_CODES.flatMap((c) => [
    [`error.${c}`, () => ERROR_TEXT[c].message],
    [`fix.${c}`, () => ERROR_TEXT[c].fix],
  ]),
) as { [C in ErrorCode as `error.${C}` | `fix.${C}`]: () => string };

const words = {
  ...named('status.', STATUS_WORD),
  ...named('check.', CHECK_NAME),
  ...named('step.', STEP_NAME),
  ...named('evidence.', EVIDENCE_SOURCE),
  ...named('says.', EVIDENCE_SAYS),
  ...errors,
  'evidence.line': (p: { source: string; says: string }) => `${p.source} ${p.says}`,
  'evidence.lineDetail': (p: { source: string; says: string; detail: string }) => `${p.source} ${p.says} (${p.detail})`,
  'evidence.waited': (p: { seconds: string }) => `Waited ${p.seconds} s`,
  // The limits a license sets (license-summary LIMIT_LABELS).
  'limit.activeUsers': () => 'Active users (seats)',
  'limit.guestUsers': () => 'Guest users',
  'limit.roomsPerGuest': () => 'Rooms per guest',
  'limit.privateApps': () => 'Private apps',
  'limit.marketplaceApps': () => 'Marketplace apps',
  'limit.monthlyActiveContacts': () => 'Monthly active contacts',
  empty: () => '',
  'sentences.two': (p: { first: string; second: string }) => `${p.first} ${p.second}`,
  'limit.lower': (p: { label: string }) => p.label.toLowerCase(),
  // Details a license carries that the server does not check (license-summary.ts informational).
  'info.cloudWorkspaceId': () => 'Cloud workspace id',
  'info.serverVersions': () => 'Server versions',
  'info.serverUniqueId': () => 'Server unique id',
  'info.legalText': () => 'Legal text agreement',
  'info.statistics': () => 'Statistics report',
  'info.offline': () => 'Offline license',
  'info.autoRenew': () => 'Auto-renew',
  'info.notes': () => 'Notes',
  'info.yes': () => 'yes',
  'info.no': () => 'no',
  'info.required': () => 'required',
  'info.notRequired': () => 'not required',
};

export default words;
