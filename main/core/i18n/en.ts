// The core's sentences in English: the source every other language is checked against
// (CatalogOf<typeof en>). Each code's parameters are its function's; values (URLs, ids, versions)
// arrive already isolated for right-to-left text, nested messages already rendered.
// Plain data: the window loads it (and each translation) on demand.
import { ERROR_CODES, ERROR_TEXT, type ErrorCode } from '../errors';
import { CHECK_NAME, EVIDENCE_SAYS, EVIDENCE_SOURCE, STATUS_WORD, STEP_NAME } from '../vocabulary';
import type { Fmt } from './format';

type Words<P extends string, K extends string> = { [C in K as `${P}${C}`]: () => string };
function words<P extends string, K extends string>(prefix: P, table: Record<K, string>): Words<P, K> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}${k}`, () => v])) as Words<P, K>;
}
const errors = Object.fromEntries(
  ERROR_CODES.flatMap((c) => [
    [`error.${c}`, () => ERROR_TEXT[c].message],
    [`fix.${c}`, () => ERROR_TEXT[c].fix],
  ]),
) as { [C in ErrorCode as `error.${C}` | `fix.${C}`]: () => string };

const en = {
  ...words('status.', STATUS_WORD),
  ...words('check.', CHECK_NAME),
  ...words('step.', STEP_NAME),
  ...words('evidence.', EVIDENCE_SOURCE),
  ...words('says.', EVIDENCE_SAYS),
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

  // Checks made before sending (license-checks.ts).
  'url.hashed': (p: { hash: string }) => `the hashed address ${p.hash}…`,
  'url.pattern': (p: { pattern: string }) => `${p.pattern} (pattern)`,
  'url.none': () => 'The license names no workspace address, so no server will accept it.',
  'url.value': (p: { value: string }) => p.value,
  'url.forUnanswered': (p: { rules: readonly string[]; why: string }, f: Fmt) => `This license is for ${f.list(p.rules)}. The workspace did not answer (${p.why}), so its Site URL could not be compared.`,
  'url.forConnect': (p: { rules: readonly string[] }, f: Fmt) => `This license is for ${f.list(p.rules)}. Connect to the workspace to compare it with its Site URL.`,
  'url.type': (p: { type: string }) => `type ${p.type}`,
  'url.typeMatches': (p: { type: string; url: string }) => `type ${p.type}: matches ${p.url}`,
  'url.typeDiffers': (p: { type: string; url: string }) => `type ${p.type}: does not match ${p.url}`,
  'url.passGuess': (p: { url: string }) =>
    `The license matches ${p.url}, the address you entered. This server does not report its Site URL (before 8.6): make sure its Site URL setting is that address too.`,
  'url.pass': (p: { url: string }) => `The license matches this workspace's Site URL (${p.url}).`,
  'url.guessDiffers': (p: { names: readonly string[]; url: string; expected: string }, f: Fmt) =>
    `This license is for ${f.list(p.names)}, which does not match the address you entered (${p.url}). This server does not report its Site URL (before 8.6): if its Site URL setting is not ${p.expected}, the license will be rejected.`,
  'url.theLicensedAddress': () => 'the licensed address',
  'url.oneDiffers': (p: { names: readonly string[]; url: string }, f: Fmt) =>
    `Every address in a license must match, and ${f.list(p.names)} does not match this workspace's Site URL (${p.url}). Ask for a license for ${p.url} only.`,
  'url.differs': (p: { names: readonly string[]; url: string }, f: Fmt) =>
    `This license is for ${f.list(p.names)}; this workspace's Site URL is ${p.url}. Ask for a license for ${p.url}, or change the Site URL setting.`,

  'clock.days': (p: { n: number }, f: Fmt) => f.plural(p.n, { one: '# day', other: '# days' }),
  'clock.hoursMinutes': (p: { h: number; min: number }) => `${p.h} h ${p.min} min`,
  'clock.minutes': (p: { min: number }) => `${p.min} min`,
  'clock.behind': (p: { amount: string }) => `The server's clock is ${p.amount} behind this laptop's; the server's clock is the one that counts.`,
  'clock.ahead': (p: { amount: string }) => `The server's clock is ${p.amount} ahead of this laptop's; the server's clock is the one that counts.`,

  'period.byServer': (p: { at: string }, f: Fmt) => `by the server's clock (${f.time(p.at)})`,
  'period.byLaptopUnanswered': () => "by this laptop's clock (the workspace did not answer, so its clock could not be read)",
  'period.byLaptop': () => "by this laptop's clock (the server's clock is not known yet)",
  'period.range': (p: { from: string; until: string }, f: Fmt) => `${f.day(p.from)} → ${f.day(p.until)}`,
  'period.ended': (p: { day: string }, f: Fmt) => `ended on ${f.day(p.day)}`,
  'period.starts': (p: { day: string }, f: Fmt) => `starts on ${f.day(p.day)}`,
  'period.notValid': (p: { what: string }) => `${p.what}: the license is not valid`,
  'period.modulesOff': (p: { what: string; modules: readonly string[] }, f: Fmt) => `${p.what}: modules ${f.list(p.modules, 'unit')} are switched off`,
  'period.inForce': () => 'in force',
  'period.modulesInForce': (p: { modules: readonly string[] }, f: Fmt) => `modules ${f.list(p.modules, 'unit')} in force`,
  'period.noModules': () => '(none)',
  'period.tokenExpired': (p: { day: string }, f: Fmt) => `carries a token that expired on ${f.day(p.day)}`,
  'period.tokenNotYet': (p: { day: string }, f: Fmt) => `carries a token valid only from ${f.day(p.day)}`,
  'period.fail': (p: { whose: string; why: readonly string[] }, f: Fmt) =>
    `The license is not valid now ${p.whose}: it ${f.list(p.why)}. Check the server's date; if it is right, ask for a license valid now.`,
  'period.until': (p: { day: string; days: number; whose: string }, f: Fmt) =>
    `Valid until ${f.day(p.day)}: ${f.plural(p.days, { one: '# day', other: '# days' })} left ${p.whose}.`,
  'period.noEnd': (p: { whose: string }) => `No end date: valid ${p.whose}.`,
  empty: () => '',
  'sentences.two': (p: { first: string; second: string }) => `${p.first} ${p.second}`,

  'server.needsNewer': (p: { version: string }) =>
    `This license format (V3) needs Rocket.Chat 6.5 or later; this workspace runs ${p.version}. Upgrade the workspace first: an older server cannot read this license at all.`,

  'limits.none': () => 'The license sets no usage limits that this workspace could exceed.',
  'limits.oldServer': (p: { version: string; max: number }) =>
    `Rocket.Chat ${p.version} rejects this license if more than ${p.max} users are active, and this version cannot report how many are. Check the number of active users (Administration → Info) before applying.`,
  'limits.oldServerItem': (p: { max: number }) => `max ${p.max}; this version rejects the license above it`,
  'limits.limit': (p: { label: string; max: number }) => `${p.label} ${p.max}`,
  'limits.unanswered': (p: { limits: readonly string[]; why: string }, f: Fmt) => `Limits: ${f.list(p.limits, 'unit')}. The workspace did not answer (${p.why}), so current usage could not be read.`,
  'limits.signIn': (p: { limits: readonly string[] }, f: Fmt) => `Limits: ${f.list(p.limits, 'unit')}. Sign in as an administrator to compare them with current usage.`,
  'limits.max': (p: { max: number }) => `max ${p.max}`,
  'limits.notReported': (p: { max: number }) => `max ${p.max}; current usage not reported by this server`,
  'limits.overItem': (p: { label: string; value: number; max: number }) => `${p.label}: ${p.value} in use, the license allows ${p.max}`,
  'limits.use': (p: { value: number; max: number }) => `${p.value} in use, max ${p.max}`,
  'limits.useEffect': (p: { value: number; max: number; effect: string }) => `${p.value} in use, max ${p.max}: ${p.effect}`,
  'limits.fairPolicy': () => 'the fair-use policy starts',
  'limits.modulesOff': (p: { modules: readonly string[] }, f: Fmt) => `modules ${f.list(p.modules, 'unit')} are switched off`,
  'limits.noMore': () => 'no more can be added',
  'limits.nothingBlocked': () => 'nothing is blocked',
  'limits.overNote': (p: { label: string; value: number; max: number; effect: string }) => `${p.label} is over its limit (${p.value} of ${p.max}): ${p.effect}.`,
  'limits.atNote': (p: { label: string; value: number; max: number }) => `${p.label} is at its limit (${p.value} of ${p.max}): no more can be added.`,
  'limits.fail': (p: { over: readonly string[] }) => `This workspace uses more than the license allows — ${p.over.join('; ')}. Deactivate users or ask for a larger license.`,
  'limits.unreported': () => 'This server does not report current usage; the limits cannot be compared.',
  'limits.within': () => 'Current usage is within the license.',
  'limits.withinNotes': (p: { notes: readonly string[] }) => `Current usage is within the license. ${p.notes.join(' ')}`,

  'signature.custom': (p: { fingerprint: string }) =>
    `Warning: signed with a non-Rocket.Chat key (SHA-256 ${p.fingerprint}…). A Rocket.Chat server will reject it unless it is a private build that trusts this key.`,
  'signature.genuine': () => 'Genuine: signed by Rocket.Chat.',

  // A workspace's status (status-words.ts, license-detail.ts, restriction.ts).
  'detail.active': () => 'Active',
  'detail.activeText': (p: { id: string; trial: string; until: string }) => `${p.id}${p.trial}${p.until}.`,
  'detail.id': (p: { id: string }) => `${p.id}, `,
  'detail.trial': () => 'trial, ',
  'detail.until': (p: { day: string; days: number }, f: Fmt) =>
    `until ${f.day(p.day)} (${f.plural(p.days, { one: '# day left', other: '# days left' })} by the server's clock)`,
  'detail.untilExpired': (p: { day: string }, f: Fmt) => `until ${f.day(p.day)} (expired by the server's clock)`,
  'detail.noEnd': () => 'no end date',
  'detail.none': () => 'None',
  'detail.noneText': () => 'no license is active.',
  'detail.pending': () => 'Held as pending',
  'detail.pendingText': () => 'a license is stored, and Rocket.Chat applies it once the Site URL is set (Administration → Settings → General → Site URL).',
  'detail.storedNotActive': () => 'Stored but not active',
  'detail.storedNotActiveText': () => 'the workspace holds a license it does not run (it was refused, or has expired since).',
  'detail.unknown': () => 'Not known',
  'detail.unknownText': (p: { reason: string }) => `${p.reason}.`,
  'detail.cannotRead': () => 'this account cannot read it',
  'detail.limit': (p: { label: string; used: string; max: string }) => `${p.label}: ${p.used} of ${p.max}`,
  'detail.unlimited': () => 'unlimited',
  'detail.modules': (p: { modules: readonly string[] }, f: Fmt) => `Modules: ${f.list(p.modules, 'unit')}`,
  'detail.offline': () => 'Marked offline: the workspace does not sync with Rocket.Chat Cloud and uses no push gateway, marketplace or telemetry.',
  'detail.clock': (p: { at: string }, f: Fmt) => `${f.time(p.at)} by the server.`,
  'detail.clockSame': (p: { at: string }, f: Fmt) => `${f.time(p.at)} by the server, as this laptop.`,
  'detail.noClock': () => 'The server sent no time.',
  'detail.siteUrlUnset': () => 'Not set: Rocket.Chat holds a license until it is (Administration → Settings → General → Site URL).',

  'restriction.readOnly': () => 'Read-only now',
  'restriction.readOnlyText': () => 'users can read rooms but cannot send, edit or upload. Any valid license lifts it at once.',
  'restriction.warning': (p: { days: number }, f: Fmt) => `Read-only in ${f.plural(p.days, { one: '# day', other: '# days' })}`,
  'restriction.warningText': () => 'then users can read rooms but cannot send, edit or upload. Any valid license lifts it.',
  'restriction.none': () => 'No read-only countdown',
  'restriction.noneText': () => 'users can send messages.',
  'restriction.unknown': () => 'Not known',
  'restriction.unknownText': (p: { reason: string }) => `the read-only countdown could not be read (${p.reason}).`,
  'restriction.noAnswer': () => 'no answer',
  'restriction.liftsNow': () => 'This workspace is read-only now (users cannot send, edit or upload); this license lifts it as soon as the server accepts it.',
  'restriction.wouldNotLift': () =>
    'This workspace is read-only now (users cannot send, edit or upload), and this license would not lift it: the server will most likely refuse it (see the failed check).',
  'restriction.stops': (p: { days: number }, f: Fmt) =>
    `This workspace becomes read-only in ${f.plural(p.days, { one: '# day', other: '# days' })}; this license stops the countdown as soon as the server accepts it.`,
  'restriction.wouldNotStop': (p: { days: number }, f: Fmt) =>
    `This workspace becomes read-only in ${f.plural(p.days, { one: '# day', other: '# days' })}, and this license would not stop it: the server will most likely refuse it (see the failed check).`,
  'restriction.phaseReadOnly': () => 'read-only',
  'restriction.phaseIn': (p: { days: number }, f: Fmt) => `read-only in ${f.plural(p.days, { one: '# day', other: '# days' })}`,
  'restriction.phaseNoCountdown': () => 'no countdown',
  'restriction.phaseLifted': () => 'lifted',
  'restriction.shift': (p: { from: string; to: string }) => `${p.from} → ${p.to}`,
  'restriction.changeSend': (p: { shift: string }) => `${p.shift}: users can send messages again (the server's own setting says so).`,
  'restriction.changeReadOnly': (p: { shift: string }) => `${p.shift}: users can read rooms but cannot send, edit or upload until a valid license is active.`,
  'restriction.change': (p: { shift: string }) => `${p.shift}.`,
  'restriction.stillReadOnly': () => 'still read-only: users can read rooms but cannot send, edit or upload until a valid license is active.',
  'restriction.stillCounting': (p: { days: number }, f: Fmt) =>
    `still counting down: read-only in ${f.plural(p.days, { one: '# day', other: '# days' })} unless a valid license is active.`,
};

export default en;
export type CoreSource = typeof en;
