// The verdict after a send, from the server's own words: what its license state, its log, its
// status setting and (8.7+) licenses.validate say. Pure: the confirmation loop (confirm.ts) reads
// the server and asks this module after each read; mutation testing holds it to its tests.
//
// - Active as soon as the state shows our license, or the log says "License installed" with our
//   hash (the last 8 characters of the license text: ee/packages/license/src/licenseImp.ts).
// - Rejected as soon as the server says so: a log line written after the send that names our
//   license (a URL rule, a period or a limit of ours, or our hash), the status setting turning
//   Invalid where a license was valid before (6.5+: onInvalidateLicense, spec §1.2), or a forced
//   send that licenses.validate had already refused, once nothing is active. The reasons are the
//   server's own.
// - Elapsed time alone never earns "rejected". At the end of the wait: "not confirmed" when any of
//   those sources could have spoken and did not (a slow "yes" stays possible), "not active" only
//   when none could — then the server gave no reason, and the verdict says exactly that.
import type { AppError } from '../errors';
import type { LicenseSummary } from '../license/types';
import type { LogEvent } from '../rocketchat/server-log';
import type { ServerCapabilities } from '../rocketchat/types';
import type { Evidence, RejectionReason, VerdictRecord } from './types';

export interface VerdictContext {
  license: Pick<LicenseSummary, 'hashTail' | 'serverUrls' | 'periods' | 'limits'>;
  caps: Pick<ServerCapabilities, 'newEngine' | 'logsValidated'>;
  /** licenses.validate's answer before the send (8.7+); null when it was not asked. */
  validation: { valid: boolean; reasons: Array<{ reason: string; limit?: string }> } | null;
  /** Enterprise_License_Status before the send. */
  statusBefore: 'Valid' | 'Invalid' | null;
  /** The log could be read before the send, so what it writes after can be told apart. */
  logReadable: boolean;
  workspaceUrl: string | null;
  usage: Partial<Record<string, number>> | null;
}

export type StateReading = { read: true; ours: boolean | null; valid: boolean | null; via: string } | { read: false; error: AppError };

export interface Observation {
  /** This laptop's clock at the read. */
  at: string;
  /** How long after the send (the laptop's clock). */
  sinceSendMs: number;
  state: StateReading;
  status: 'Valid' | 'Invalid' | null;
  /** License events the log wrote after the send; null when it was not read this time. */
  log: LogEvent[] | null;
  /** The Date header of the answers (a proxy may stamp it with another clock). */
  dateHeader: string | null;
}

export type VerdictOutcome = 'active' | 'rejected' | 'unconfirmed' | 'not-active';

export interface Verdict {
  outcome: VerdictOutcome;
  record: VerdictRecord;
  /** Why the last read failed, when the outcome is unconfirmed because of it. */
  cause?: AppError;
}

/** Clocks that disagree by less than this are not worth a sentence. */
export const CLOCK_TOLERANCE_MS = 60_000;

/** The behaviours with which a failed check refuses the license (spec §5.8); others only limit it. */
const refuses = (behavior: string | null) => behavior === 'invalidate_license' || behavior === 'prevent_installation';

function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return Date.parse(a) === Date.parse(b);
}

function stateEvidence(obs: Observation): Evidence | null {
  if (!obs.state.read) return null;
  const { ours, valid, via } = obs.state;
  const says = valid === true && ours === true ? 'ours-active' : valid === true && ours === false ? 'other-active' : valid === false ? 'none-active' : 'cannot-tell';
  return { source: 'license-state', says, at: obs.at, clock: 'laptop', detail: via };
}

const logEvidence = (says: string, event: LogEvent, obs: Observation, detail: string): Evidence =>
  event.at ? { source: 'server-log', says, at: event.at, clock: 'rocket.chat', detail } : { source: 'server-log', says, at: obs.at, clock: 'laptop', detail };

/** Rocket.Chat's clock minus the Date header's, when they disagree: the line was written after the
 * send and before the answer that carried it, so the header may be ahead of it by at most that. */
export function clockSkew(lineAt: string | null, obs: Pick<Observation, 'dateHeader' | 'sinceSendMs'>): number | null {
  // Without either time (or with an unreadable one) this is NaN, which no comparison holds for.
  const ahead = Date.parse(obs.dateHeader ?? '') - Date.parse(lineAt ?? '');
  return ahead < -CLOCK_TOLERANCE_MS || ahead > obs.sinceSendMs + CLOCK_TOLERANCE_MS ? -ahead : null;
}

/** The rejections the log wrote that are about our license, with the server's own reasons. */
function rejectionsInLog(ctx: VerdictContext, obs: Observation): { reasons: RejectionReason[]; first: LogEvent; skew: number | null } | null {
  const events = obs.log ?? [];
  const l = ctx.license;
  const reasons: RejectionReason[] = [];
  let first: LogEvent | null = null;
  let skew: number | null = null;
  const urls: Array<{ value: string; type: string }> = [];
  let urlEvent: Extract<LogEvent, { kind: 'url-failed' }> | null = null;
  const rawIsOurs = events.some((e) => e.kind === 'invalid-raw' && e.hashTail === l.hashTail);
  for (const e of events) {
    if (e.kind === 'url-failed' && l.serverUrls.some((u) => u.value === e.rule.value && u.type === e.rule.type)) {
      urls.push(e.rule);
      urlEvent ??= e;
    } else if (e.kind === 'period-failed' && refuses(e.behavior) && l.periods.some((p) => sameInstant(p.validFrom, e.validFrom) && sameInstant(p.validUntil, e.validUntil))) {
      skew ??= clockSkew(e.at, obs);
      reasons.push({ kind: 'period', validFrom: e.validFrom, validUntil: e.validUntil, rocketChatClock: e.at, dateHeader: obs.dateHeader });
    } else if (e.kind === 'limit-failed' && refuses(e.behavior) && l.limits.some((x) => x.kind === e.limit && (x.max ?? -1) === e.max && x.behavior === e.behavior)) {
      reasons.push({ kind: 'limit', limit: e.limit, max: e.max, current: over(ctx, e.limit, e.max) });
    } else if (e.kind === 'invalid' && rawIsOurs) {
      reasons.push({ kind: 'unreadable' });
    } else continue;
    first ??= e;
  }
  if (urlEvent) {
    reasons.unshift({ kind: 'url', licensed: urls, workspaceUrl: urlEvent.workspaceUrl });
    first = urlEvent;
  }
  return first ? { reasons, first, skew } : null;
}

/** licenses.validate's reasons (8.7+), with what the license and the workspace say: the same
 * reasons whether they stopped the send or explain a forced one's rejection. */
export function validationReasons(
  ctx: Pick<VerdictContext, 'license' | 'workspaceUrl' | 'usage'> & { validation: Pick<NonNullable<VerdictContext['validation']>, 'reasons'> | null },
  obs: Pick<Observation, 'dateHeader'>,
): RejectionReason[] {
  return (ctx.validation?.reasons ?? []).map((r): RejectionReason => {
    if (r.reason === 'url') return { kind: 'url', licensed: ctx.license.serverUrls, workspaceUrl: ctx.workspaceUrl };
    if (r.reason === 'period') {
      const p = ctx.license.periods.find((x) => refuses(x.invalidBehavior)) ?? null;
      return { kind: 'period', validFrom: p?.validFrom ?? null, validUntil: p?.validUntil ?? null, rocketChatClock: null, dateHeader: obs.dateHeader };
    }
    if (r.reason === 'limit' && r.limit) {
      const max = ctx.license.limits.find((x) => x.kind === r.limit)?.max ?? null;
      return { kind: 'limit', limit: r.limit, max, current: over(ctx, r.limit, max) };
    }
    return { kind: 'other', said: r.reason.slice(0, 200) };
  });
}

/** The usage read before the send, when it shows the limit exceeded; an older, lower count would
 * contradict the server, which has just counted more. */
function over(ctx: Pick<VerdictContext, 'usage'>, kind: string, max: number | null): number | null {
  const current = ctx.usage?.[kind];
  return current !== undefined && max !== null && max >= 0 && current > max ? current : null;
}

const notOurs = (obs: Observation) => obs.state.read && obs.state.ours !== true;

/** The verdict this read allows, or null: keep asking. */
export function judge(ctx: VerdictContext, obs: Observation): Verdict | null {
  const state = stateEvidence(obs);
  const withState = (e: Evidence[]) => (state ? [...e, state] : e);
  if (obs.state.read && obs.state.valid === true && obs.state.ours === true) {
    return { outcome: 'active', record: { evidence: [state!], reasons: [] } };
  }
  const events = obs.log ?? [];
  const installed = events.find((e) => e.kind === 'installed' && e.hashTail === ctx.license.hashTail) ?? null;
  if (installed) return { outcome: 'active', record: { evidence: withState([logEvidence('installed', installed, obs, 'License installed')]), reasons: [] } };

  const logged = rejectionsInLog(ctx, obs);
  if (logged) {
    const detail = logged.first.kind === 'url-failed' ? 'Url validation failed' : logged.first.kind === 'period-failed' ? 'Period validation failed' : logged.first.kind === 'limit-failed' ? 'Limit validation failed' : 'Invalid license';
    return { outcome: 'rejected', record: { evidence: withState([logEvidence('rejected', logged.first, obs, detail)]), reasons: logged.reasons, clockSkewMs: logged.skew } };
  }
  const siteUnknown = events.find((e) => e.kind === 'site-url-unknown') ?? null;
  if (siteUnknown && notOurs(obs)) {
    return { outcome: 'rejected', record: { evidence: withState([logEvidence('rejected', siteUnknown, obs, 'Unable to validate license URL without knowing the workspace URL.')]), reasons: [{ kind: 'site-url-unknown' }] } };
  }
  // ≤6.4 writes "New" and, when it took the license, "validated" in the same call; its reasons go
  // to stderr, which the queue does not hold (spec §5.12).
  const lastNew = events.map((e) => e.kind).lastIndexOf('old-new');
  if (ctx.caps.logsValidated && lastNew >= 0 && !events.slice(lastNew).some((e) => e.kind === 'old-validated') && notOurs(obs)) {
    return { outcome: 'rejected', record: { evidence: withState([logEvidence('applied-not-validated', events[lastNew], obs, '### New Enterprise License')]), reasons: [{ kind: 'not-logged' }] } };
  }
  if (ctx.caps.newEngine && ctx.statusBefore === 'Valid' && obs.status === 'Invalid' && notOurs(obs)) {
    // The setting gives no reason; licenses.validate's, when it refused the license before the send, are the server's own.
    const reasons = ctx.validation?.valid === false ? validationReasons(ctx, obs) : [];
    return { outcome: 'rejected', record: { evidence: withState([{ source: 'status-setting', says: 'invalid-after-valid', at: obs.at, clock: 'laptop', detail: 'Enterprise_License_Status' }]), reasons } };
  }
  // licenses.validate predicted it; the verdict waits for the server to have applied it (6.5+ leaves
  // nothing active after a refusal), so that "nothing is active now" is what it shows.
  if (ctx.validation?.valid === false && obs.state.read && obs.state.valid === false) {
    return { outcome: 'rejected', record: { evidence: withState([{ source: 'server-validation', says: 'invalid', at: obs.at, clock: 'laptop', detail: 'licenses.validate' }]), reasons: validationReasons(ctx, obs) } };
  }
  return null;
}

/** Which sources would have said "rejected" had the server rejected it. */
function sourcesThatCouldSpeak(ctx: VerdictContext): Evidence['source'][] {
  const sources: Evidence['source'][] = [];
  if (ctx.logReadable && (ctx.caps.newEngine || ctx.caps.logsValidated)) sources.push('server-log');
  if (ctx.caps.newEngine && ctx.statusBefore === 'Valid') sources.push('status-setting');
  if (ctx.validation?.valid === true) sources.push('server-validation');
  return sources;
}

/** The verdict when the wait is over. */
export function judgeAtEnd(ctx: VerdictContext, obs: Observation, waitedMs: number): Verdict {
  const early = judge(ctx, obs);
  if (early) return early;
  const waited: Evidence = { source: 'elapsed-time', says: 'waited', at: obs.at, clock: 'laptop', detail: String(Math.round(waitedMs / 1000)) };
  if (!obs.state.read) return { outcome: 'unconfirmed', record: { evidence: [waited], reasons: [] }, cause: obs.state.error };
  const state = stateEvidence(obs)!;
  const silent = sourcesThatCouldSpeak(ctx).map((source): Evidence => ({ source, says: source === 'server-validation' ? 'valid' : 'silent', at: obs.at, clock: 'laptop' }));
  if (silent.length || obs.state.ours === null) return { outcome: 'unconfirmed', record: { evidence: [state, ...silent, waited], reasons: [] } };
  return { outcome: 'not-active', record: { evidence: [state, waited], reasons: [] } };
}
