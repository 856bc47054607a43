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
  // Installing (install-flow.ts, send.ts): each step while it runs and when it ends, and the outcome.
  'run.license': () => 'Reading the license',
  'run.connect': (p: { url: string }) => `Connecting to ${p.url}`,
  'run.account': () => 'Checking the signed-in account',
  'run.usage': () => 'Reading the current license and usage',
  'run.stored': () => 'Reading the license stored on the server',
  'run.prechecks': () => 'Checking the license against this workspace',
  'run.backup': () => 'Keeping a copy of the stored license on this laptop',
  'run.validate': () => 'Asking the server to validate the license',
  'run.apply': () => 'Sending the license (licenses.add)',
  'run.verify': () => 'Waiting for the server to confirm',
  'step.licenseRead': (p: { format: string; id: string; hash: string; custom: string }) => `${p.format} license${p.id}, SHA-256 ${p.hash}…, signature verified${p.custom}.`,
  'step.licenseId': (p: { id: string }) => ` ${p.id}`,
  'step.customKey': () => ' with a non-Rocket.Chat key',
  'step.connected': (p: { version: string; url: string; guess: string; http: string }) => `Rocket.Chat ${p.version}; Site URL ${p.url}${p.guess}.${p.http}`,
  'step.urlGuessed': () => ' (from the address entered: this version does not report it)',
  'step.unencrypted': () => ' The connection is not encrypted (http://).',
  'step.tooOld': (p: { version: string }) => `This workspace runs Rocket.Chat ${p.version}.`,
  'step.admin': (p: { user: string }) => `Signed in as ${p.user} (administrator).`,
  'step.notAdmin': (p: { user: string }) =>
    `Signed in as ${p.user}, who is not an administrator: only admins hold edit-privileged-setting by default, so the server will probably refuse.`,
  'step.usageActive': (p: { seats: string }) => `A license is active; ${p.seats}.`,
  'step.usageActiveId': (p: { id: string; seats: string }) => `A license is active (${p.id}); ${p.seats}.`,
  'step.usageNone': (p: { seats: string }) => `No license is active; ${p.seats}.`,
  'step.activeUsers': (p: { n: number }) => `${p.n} active users`,
  'step.usageNotReported': () => 'usage not reported',
  'step.stateForbidden': () => 'This account may not read the license state.',
  'step.storedUnreadable': (p: { reason: string }) => `The stored license could not be read, so it cannot be backed up: ${p.reason}.`,
  'step.storesOne': (p: { tail: string }) => `The server stores a license (…${p.tail}).`,
  'step.storedNone': () => 'The server stores no license.',
  'step.checksFailed': (p: { n: number; names: readonly string[] }, f: Fmt) =>
    `${f.plural(p.n, { one: '# check failed', other: '# checks failed' })}: ${p.names.join(', ')}.`,
  'step.checksFailedForced': (p: { n: number; names: readonly string[] }, f: Fmt) =>
    `${f.plural(p.n, { one: '# check failed', other: '# checks failed' })}: ${p.names.join(', ')} — sending anyway, as asked.`,
  'step.checksPass': () => 'URL, dates and limits fit this workspace.',
  'step.kept': (p: { id: string; hash: string }) => `Kept the stored license${p.id} (SHA-256 ${p.hash}…): it can be restored in one step.`,
  'step.noValidate': () => 'This server has no licenses.validate endpoint.',
  'step.valid': () => 'The server says the license is valid for this workspace.',
  'step.invalid': (p: { reasons: string }) => `The server says the license is not valid here (${p.reasons}).`,
  'step.noReason': () => 'no reason given',
  'step.accepted': () => 'The server accepted the license file (200).',
  'step.installedLog': () => 'The server log says the license is installed.',
  'step.confirmed': () => 'The server confirms the license is active.',
  'step.notActivated': () => 'The server did not activate the license.',
  'step.unreadable': (p: { cause: string }) => `The outcome could not be read back: ${p.cause}`,
  'step.notActiveAfter': (p: { seconds: number }) => `Not active after ${p.seconds} s, and the server gave no reason.`,
  'step.noAnswerWithin': (p: { seconds: number }) => `No answer either way within ${p.seconds} s.`,
  'outcome.alreadyActive': (p: { url: string }) => `This exact license is already in force on ${p.url}. Nothing was sent.`,
  'outcome.alreadyRejected': (p: { url: string }) =>
    `${p.url} already stores this exact license and did not activate it. Rocket.Chat checks a license only when the stored one changes or when it restarts, so sending it again would change nothing.`,
  'outcome.stillActiveUntilRestart': (p: { current: string }) =>
    `${p.current} is still active, but a restart will check the stored license instead and then none will be active.`,
  'outcome.fixThenRestart': () => 'Fix what made it fail, then restart Rocket.Chat: it checks the stored license again at start-up.',
  'outcome.cannotRead': (p: { version: string }) => `This workspace (Rocket.Chat ${p.version}) cannot read this license's format. Nothing was sent to the server.`,
  'outcome.doesNotFit': () => 'The license does not fit this workspace. Nothing was sent to the server.',
  'outcome.serverSaysInvalid': () => 'The server itself says this license is not valid for this workspace. Nothing was sent.',
  'outcome.noReason': () => 'The server rejected the license without giving a reason: it is damaged or not meant for this server.',
  'outcome.stoppedBefore': () => 'Stopped before sending: nothing was sent; the workspace is as it was.',
  'outcome.stoppedAfterAccepted': () =>
    'Stopped after sending: the server accepted the license file, but whether it is active was not read. Verify again to read the outcome.',
  'outcome.stoppedAfterMaybe': () =>
    'Stopped after sending: the license may have reached the server, but whether it is active was not read. Verify again to read the outcome.',
  'outcome.failed': (p: { message: string }) => `${p.message}`,
  'outcome.failedNothingSent': (p: { message: string }) => `${p.message} Nothing was sent to the server.`,
  'outcome.active': (p: { url: string; license: string }) => `${p.url} confirms license ${p.license}: it is in force now.`,
  'outcome.acceptedNotActivated': () => 'The workspace accepted the file but did not activate the license.',
  'outcome.notActivated': () => 'The workspace did not activate the license.',
  'outcome.notActive': (p: { seconds: number; url: string }) =>
    `After ${p.seconds} s, ${p.url} does not show this license as active, and it gave no reason (this Rocket.Chat version, or this account, cannot show one).`,
  'outcome.maySlow': () => 'A slow server may still activate it: verify again before restoring anything.',
  'outcome.unconfirmedCause': (p: { sent: string; cause: string }) => `${p.sent}, but the outcome is unknown: the workspace stopped answering (${p.cause}).`,
  'outcome.unconfirmed': (p: { sent: string; seconds: number }) => `${p.sent}, but the workspace did not say within ${p.seconds} s whether it took the license.`,
  'outcome.maybeSent': () => 'The license may have been sent',
  'outcome.sent': () => 'Sent',
  'outcome.verifyLater': () => 'Verify again once the workspace answers, or check Administration → Workspace → Subscription before leaving.',

  // The server's reasons and where its log says more (server-reasons.ts).
  'reason.ruleHash': (p: { hash: string }) => `the Site URL whose SHA-256 is ${p.hash}…`,
  'reason.ruleRegex': (p: { pattern: string }) => `${p.pattern} (wildcards allowed)`,
  'reason.anotherAddress': () => 'another address',
  'reason.siteUnknownToServer': () => 'not known to the server',
  'reason.url': (p: { licensed: readonly string[]; url: string }, f: Fmt) =>
    `The license is for ${f.list(p.licensed)}, but this workspace's Site URL is ${p.url}. Ask for a license for this Site URL, or correct the Site URL setting.`,
  'reason.from': (p: { at: string }, f: Fmt) => `from ${f.time(p.at)}`,
  'reason.until': (p: { at: string }, f: Fmt) => `until ${f.time(p.at)}`,
  'reason.otherTimes': () => 'only at other times',
  'reason.clockRead': (p: { at: string }, f: Fmt) => `Rocket.Chat's own clock read ${f.time(p.at)} when it checked`,
  'reason.clockOutside': () => "the server's clock is outside it",
  'reason.proxyClock': (p: { at: string }, f: Fmt) =>
    ` The answers' Date header said ${f.time(p.at)}: whatever stamps it (a reverse proxy on another host) keeps another time. Rocket.Chat's clock is the one the license is checked against: set it right on the Rocket.Chat server.`,
  'reason.setClock': () => ' If that clock is wrong, set it right on the Rocket.Chat server; otherwise ask for a license valid now.',
  'reason.period': (p: { window: readonly string[]; clock: string; next: string }) => `The license is valid ${p.window.join(' ')}, but ${p.clock}.${p.next}`,
  'reason.limit': (p: { max: string; label: string; current: string }) => `The license allows ${p.max} ${p.label}, but this workspace has ${p.current}. Deactivate some, or ask for a license with more.`,
  'limit.lower': (p: { label: string }) => p.label.toLowerCase(),
  'reason.aLimitedNumber': () => 'a limited number of',
  'reason.more': () => 'more',
  'reason.unreadable': () => 'The server could not read the license when it applied it (its log says "Invalid license"): ask for the original file again.',
  'reason.siteUrlUnknown': () => 'The server does not know its own Site URL yet, so it cannot check any license. Set Administration → Settings → General → Site URL, then send the license again.',
  'reason.other': (p: { said: string }) => `The server gave the reason “${p.said}”.`,
  'reason.notLogged': () =>
    "This Rocket.Chat version writes the reason only to its error output, which it does not show over the API: read it on the server (for example docker logs), or compare the Site URL, the server's date and its active users with the license.",
  'hint.8': () =>
    'The Rocket.Chat server log says why — read it on the server (for example docker logs): look for “Url validation failed”, “Period validation failed” or “Limit validation failed”.',
  'hint.6': () => 'The Rocket.Chat server log says why: look for “Url validation failed”, “Period validation failed” or “Limit validation failed” after “New Enterprise License”.',
  'hint.4': () => 'The Rocket.Chat server log says why: look for “#### License error: invalid url”, “…: expired” after “### New Enterprise License”.',
  'hint.3': () => 'The Rocket.Chat server log says why: look for “#### License error: invalid url”, “…: expired” or “…: over seats” after “### New Enterprise License”.',
  'hint.none': () => "This Rocket.Chat version does not log why a license is rejected: compare its Site URL, its date and its number of active users with the license.",
  // What sending replaces (replacement.ts).
  'replace.seats': (p: { n: number }) => `${p.n} seats`,
  'replace.until': (p: { day: string }, f: Fmt) => `until ${f.day(p.day)}`,
  'replace.theActive': () => 'the active license',
  'replace.theCurrent': () => 'the current license',
  'replace.withFacts': (p: { name: string; facts: readonly string[] }) => `${p.name} (${p.facts.join(', ')})`,
  'replace.name': (p: { name: string }) => `${p.name}`,
  'replace.kept': (p: { name: string }) => ` ${p.name} is backed up first and can be restored in one step.`,
  'replace.noBackup': (p: { reason: string }) => ` No backup: ${p.reason}.`,
  'replace.nothingStored': () => 'the server stores no license text to keep',
  'replace.readOnlyAgain': () =>
    ' On Rocket.Chat 7.0 and later the workspace then also counts down to read-only again, and is read-only at once if it has not reported to Rocket.Chat Cloud in the last 10 days (users cannot send, edit or upload).',
  'replace.warningNow': (p: { current: string; name: string; readOnly: string; kept: string }) =>
    `Replaces ${p.current}, which is active now. If the server rejects the new license, nothing stays active: ${p.name} stops at once.${p.readOnly}${p.kept}`,
  'replace.warningRestart': (p: { current: string; name: string; readOnly: string; kept: string }) =>
    `Replaces ${p.current}, which is active now. If the server rejects the new license, ${p.name} stays active only until Rocket.Chat next restarts; after that, none is.${p.readOnly}${p.kept}`,
  'replace.afterNow': (p: { current: string }) => `${p.current}, which was active before, is no longer active: nothing is active now.`,
  'replace.afterRestart': (p: { current: string }) => `${p.current} is still active, but only until Rocket.Chat restarts: the server now stores the rejected license in its place.`,
  // Why the network or TLS failed (rocketchat/tls.ts): an error's detail.
  'net.certChanged': (p: { expected: string; actual: string }) => `Trusted certificate SHA-256 ${p.expected}; the server now presents ${p.actual}.`,
  'net.tls': (p: { host: string; reason: string }) => `${p.host}: ${p.reason}.`,
  'tls.DEPTH_ZERO_SELF_SIGNED_CERT': () => 'the certificate is self-signed',
  'tls.SELF_SIGNED_CERT_IN_CHAIN': () => 'the certificate was issued by a private certificate authority',
  'tls.UNABLE_TO_VERIFY_LEAF_SIGNATURE': () => 'the certificate was issued by an authority this laptop does not know',
  'tls.UNABLE_TO_GET_ISSUER_CERT_LOCALLY': () => 'the certificate was issued by an authority this laptop does not know',
  'tls.CERT_HAS_EXPIRED': () => 'the certificate has expired',
  'tls.CERT_NOT_YET_VALID': () => 'the certificate is not valid yet (check the clocks)',
  'tls.ERR_TLS_CERT_ALTNAME_INVALID': () => 'the certificate was issued for another name',
  'tls.ERR_SSL_WRONG_VERSION_NUMBER': () => 'the server does not speak HTTPS on this port (try http://)',
  'net.refused': (p: { host: string }) => `${p.host} refused the connection: nothing is listening on that port.`,
  'net.dns': (p: { name: string }) => `The name ${p.name} could not be resolved (DNS).`,
  'net.noRoute': (p: { host: string }) => `There is no route from this laptop to ${p.host}.`,
  'net.connectTimeout': (p: { host: string }) => `Connecting to ${p.host} timed out.`,
  'net.noAnswer': (p: { host: string }) => `${p.host} did not answer in time.`,
  'net.dropped': (p: { host: string }) => `${p.host} dropped the connection before answering (a proxy or firewall may be cutting it).`,
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

export default en;
export type CoreSource = typeof en;
