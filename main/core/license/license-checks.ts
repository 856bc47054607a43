// "Will this license work on this workspace?" — the checks the server runs after accepting a
// license (URL, periods, limits: spec §5.4–5.7), run before anything is sent, each with words a
// technician can act on.
import { createHash } from 'node:crypto';
import type { CheckStatus, LicenseCheck, LicenseSummary, WorkspaceFacts } from './types';
import type { WorkspaceInfo } from '../rocketchat/types';
import { BLOCKING, LIMIT_LABELS, limitLabel } from './license-summary';
import { english, said, say, type Msg } from '../i18n/say';

export { LIMIT_LABELS };


const CLOCK_SKEW_NOTE_MS = 5 * 60 * 1000;

/** Site_Url → the string licenses are checked against: scheme and one trailing slash removed (§5.4). */
export function normalizeWorkspaceUrl(siteUrl: string): string {
  return siteUrl.trim().replace(/\/$/, '').replace(/^https?:\/\//i, '');
}

export function workspaceUrlHash(workspaceUrl: string): string {
  return createHash('sha256').update(workspaceUrl).digest('hex');
}

/** Exactly the server's rule per type (validateLicenseUrl.ts): url = case-insensitive equality;
 * regex = dots escaped, `*` → `.*`, anchored, case-insensitive; hash = sha256 hex, case-sensitive. */
export function urlRuleMatches(rule: { value: string; type: string }, workspaceUrl: string): boolean {
  switch (rule.type) {
    case 'hash':
      return workspaceUrlHash(workspaceUrl) === rule.value;
    case 'regex': {
      const source = rule.value.replace(/\./g, '\\.').replace(/\*/g, '.*');
      try {
        return new RegExp(`^${source}$`, 'i').test(workspaceUrl);
      } catch {
        return false;
      }
    }
    default:
      return rule.value.toLowerCase() === workspaceUrl.toLowerCase();
  }
}

function ruleMsg(rule: { value: string; type: string }): Msg {
  if (rule.type === 'hash') return say('url.hashed', { hash: rule.value.slice(0, 12) });
  if (rule.type === 'regex' && rule.value.includes('*')) return say('url.pattern', { pattern: rule.value });
  return say('url.value', { value: rule.value });
}

type Item = NonNullable<LicenseCheck['items']>[number];
function item(label: Msg, status: CheckStatus, detail: Msg): Item {
  return { label: english(label), status, detail: english(detail), say: { label, detail } };
}

export function checkUrl(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck {
  const rules = summary.serverUrls;
  if (rules.length === 0) {
    return { name: 'url', status: 'fail', code: 'LICENSE_URL_MISMATCH', ...said(say('url.none')) };
  }
  const workspaceUrl = facts.workspaceUrl;
  if (!workspaceUrl) {
    const all = rules.map(ruleMsg);
    return {
      name: 'url',
      status: 'unknown',
      ...said(facts.unreadable ? say('url.forUnanswered', { rules: all, why: facts.unreadable }) : say('url.forConnect', { rules: all })),
      items: rules.map((r) => item(ruleMsg(r), 'unknown', say('url.type', { type: r.type }))),
    };
  }
  const items = rules.map((r) => {
    const ok = urlRuleMatches(r, workspaceUrl);
    return item(ruleMsg(r), ok ? 'pass' : 'fail', say(ok ? 'url.typeMatches' : 'url.typeDiffers', { type: r.type, url: workspaceUrl }));
  });
  const failing = rules.filter((r) => !urlRuleMatches(r, workspaceUrl));
  const guess = facts.workspaceUrlSource !== 'server';
  if (failing.length === 0) {
    return { name: 'url', status: 'pass', ...said(say(guess ? 'url.passGuess' : 'url.pass', { url: workspaceUrl })), items };
  }
  const names = failing.map(ruleMsg);
  if (guess) {
    const expected = failing.length === 1 && failing[0].type !== 'hash' ? failing[0].value : say('url.theLicensedAddress');
    return { name: 'url', status: 'unknown', ...said(say('url.guessDiffers', { names, url: workspaceUrl, expected })), items };
  }
  return {
    name: 'url',
    status: 'fail',
    code: 'LICENSE_URL_MISMATCH',
    ...said(say(failing.length < rules.length ? 'url.oneDiffers' : 'url.differs', { names, url: workspaceUrl })),
    items,
  };
}

/** How far the server's clock is from the laptop's, when it is more than a few minutes. */
export function skewMsg(serverMs: number, localMs: number): Msg | null {
  const diff = serverMs - localMs;
  if (Math.abs(diff) <= CLOCK_SKEW_NOTE_MS) return null;
  const minutes = Math.round(Math.abs(diff) / 60000);
  const amount =
    minutes >= 60 * 48
      ? say('clock.days', { n: Math.round(minutes / 1440) })
      : minutes >= 60
        ? say('clock.hoursMinutes', { h: Math.floor(minutes / 60), min: minutes % 60 })
        : say('clock.minutes', { min: minutes });
  return say(diff < 0 ? 'clock.behind' : 'clock.ahead', { amount });
}

export function describeSkew(serverMs: number, localMs: number): string | null {
  const m = skewMsg(serverMs, localMs);
  return m && english(m);
}

const withSkew = (msg: Msg, skew: Msg | null): Msg => (skew ? say('sentences.two', { first: msg, second: skew }) : msg);

export function checkPeriod(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck {
  const localMs = Date.parse(facts.localTime);
  const serverMs = facts.serverTime ? Date.parse(facts.serverTime) : NaN;
  const known = !Number.isNaN(serverMs);
  const now = known ? serverMs : localMs;
  const whose = known
    ? say('period.byServer', { at: new Date(now).toISOString() })
    : facts.unreadable
      ? say('period.byLaptopUnanswered')
      : say('period.byLaptop');
  const skew = known ? skewMsg(serverMs, localMs) : null;

  const items: Item[] = [];
  const blockingFailures: Msg[] = [];
  for (const p of summary.periods) {
    const from = p.validFrom ? Date.parse(p.validFrom) : NaN;
    const until = p.validUntil ? Date.parse(p.validUntil) : NaN;
    const early = !Number.isNaN(from) && now < from;
    const late = !Number.isNaN(until) && now > until;
    const blocking = BLOCKING.includes(p.invalidBehavior);
    const label = say('period.range', { from: p.validFrom ?? '…', until: p.validUntil ?? '…' });
    const modules = p.modules.length ? p.modules : [say('period.noModules')];
    if (early || late) {
      const what = late ? say('period.ended', { day: p.validUntil as string }) : say('period.starts', { day: p.validFrom as string });
      if (blocking) blockingFailures.push(what);
      items.push(item(label, blocking ? 'fail' : 'pass', blocking ? say('period.notValid', { what }) : say('period.modulesOff', { what, modules: modules })));
    } else {
      items.push(item(label, 'pass', blocking ? say('period.inForce') : say('period.modulesInForce', { modules: modules })));
    }
  }
  // The server verifies V3 tokens with jose's defaults, which enforce exp/nbf with no tolerance.
  if (summary.jwt?.exp && now >= Date.parse(summary.jwt.exp)) blockingFailures.push(say('period.tokenExpired', { day: summary.jwt.exp }));
  if (summary.jwt?.nbf && now < Date.parse(summary.jwt.nbf)) blockingFailures.push(say('period.tokenNotYet', { day: summary.jwt.nbf }));

  if (blockingFailures.length) {
    return { name: 'period', status: 'fail', code: 'LICENSE_PERIOD', ...said(withSkew(say('period.fail', { whose, why: blockingFailures }), skew)), items };
  }
  if (summary.validUntil) {
    const days = Math.floor((Date.parse(summary.validUntil) - now) / 86400000);
    return { name: 'period', status: 'pass', ...said(withSkew(say('period.until', { day: summary.validUntil, days, whose }), skew)), items };
  }
  return { name: 'period', status: 'pass', ...said(withSkew(say('period.noEnd', { whose }), skew)), items };
}

function versionOf(facts: WorkspaceFacts): { major: number; minor: number } | null {
  const m = /^(\d+)\.(\d+)/.exec(facts.serverVersion ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}
const before = (v: { major: number; minor: number }, major: number, minor: number) => v.major < major || (v.major === major && v.minor < minor);

/** A V3 license on a server older than 6.5 fails in its V2 decrypt with OpenSSL's words — a
 * version problem, not a bad signature (spec §5.11). null when there is nothing to say. */
export function checkServer(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck | null {
  const v = versionOf(facts);
  if (!v || summary.format !== 'v3' || !before(v, 6, 5)) return null;
  return { name: 'server', status: 'fail', code: 'LICENSE_NEEDS_NEWER_SERVER', ...said(say('server.needsNewer', { version: facts.serverVersion ?? '' })) };
}

export function checkLimits(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck {
  const limited = summary.limits.filter((l) => l.max !== null);
  if (limited.length === 0) return { name: 'limits', status: 'pass', ...said(say('limits.none')) };
  // 3.10–3.18 invalidate a V2 license whose seat count is exceeded, and have no
  // licenses.maxActiveUsers (4.0+) to read usage with (ee/app/license/server/license.ts, 3.10.0).
  const v = versionOf(facts);
  const seats = limited.find((l) => l.kind === 'activeUsers');
  if (v && before(v, 4, 0) && seats && facts.usage?.activeUsers === undefined) {
    const max = seats.max as number;
    return {
      name: 'limits',
      status: 'unknown',
      ...said(say('limits.oldServer', { version: facts.serverVersion ?? '', max })),
      items: [item(limitLabel('activeUsers'), 'unknown', say('limits.oldServerItem', { max }))],
    };
  }
  if (!facts.usage) {
    const limits = limited.map((l) => say('limits.limit', { label: limitLabel(l.kind), max: l.max as number }));
    return {
      name: 'limits',
      status: 'unknown',
      ...said(facts.unreadable ? say('limits.unanswered', { limits: limits, why: facts.unreadable }) : say('limits.signIn', { limits: limits })),
      items: limited.map((l) => item(limitLabel(l.kind), 'unknown', say('limits.max', { max: l.max as number }))),
    };
  }
  const items: Item[] = [];
  const over: Msg[] = [];
  const notes: Msg[] = [];
  let unknown = 0;
  for (const l of limited) {
    const value = facts.usage[l.kind];
    const label = limitLabel(l.kind);
    const max = l.max as number;
    if (value === undefined) {
      unknown++;
      items.push(item(label, 'unknown', say('limits.notReported', { max })));
      continue;
    }
    if (value > max && BLOCKING.includes(l.behavior)) {
      over.push(say('limits.overItem', { label, value, max }));
      items.push(item(label, 'fail', say('limits.use', { value, max })));
    } else if (value > max) {
      // Only prevent_action stops anything at action time; allow_action is only reported
      // (shouldPreventAction in ee/packages/license/src/license.ts, Rocket.Chat develop, late 2024).
      const effect =
        l.behavior === 'start_fair_policy'
          ? say('limits.fairPolicy')
          : l.behavior === 'disable_modules'
            ? say('limits.modulesOff', { modules: l.modules })
            : l.behavior === 'prevent_action'
              ? say('limits.noMore')
              : say('limits.nothingBlocked');
      notes.push(say('limits.overNote', { label, value, max, effect }));
      items.push(item(label, 'pass', say('limits.useEffect', { value, max, effect })));
    } else {
      if (l.behavior === 'prevent_action' && value >= max) notes.push(say('limits.atNote', { label, value, max }));
      items.push(item(label, 'pass', say('limits.use', { value, max })));
    }
  }
  if (over.length) {
    return { name: 'limits', status: 'fail', code: 'LICENSE_LIMITS', ...said(say('limits.fail', { over })), items };
  }
  if (unknown === limited.length) {
    return { name: 'limits', status: 'unknown', ...said(say('limits.unreported')), items };
  }
  return { name: 'limits', status: 'pass', ...said(notes.length ? say('limits.withinNotes', { notes }) : say('limits.within')), items };
}

export function checkSignature(summary: LicenseSummary): LicenseCheck {
  if (summary.verifiedWith.key === 'custom') {
    return {
      name: 'signature',
      // Not a failure: test licenses and private builds use their own key, which was asked for explicitly.
      status: 'unknown',
      ...said(say('signature.custom', { fingerprint: summary.verifiedWith.fingerprint.slice(0, 16) })),
    };
  }
  return { name: 'signature', status: 'pass', ...said(say('signature.genuine')) };
}

export function checkLicense(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck[] {
  const server = checkServer(summary, facts);
  return [checkSignature(summary), ...(server ? [server] : []), checkUrl(summary, facts), checkPeriod(summary, facts), checkLimits(summary, facts)];
}

/** Facts when nothing is known about the workspace yet (a license inspected on its own). */
export function noWorkspace(now = new Date()): WorkspaceFacts {
  return { workspaceUrl: null, workspaceUrlSource: null, serverTime: null, localTime: now.toISOString(), usage: null };
}

/** What the license checks need to know about a workspace, from its server facts and usage. */
export function workspaceFacts(info: WorkspaceInfo, usage: WorkspaceFacts['usage']): WorkspaceFacts {
  return { workspaceUrl: info.workspaceUrl, workspaceUrlSource: info.workspaceUrlSource, serverTime: info.serverTime, localTime: info.localTime, usage, serverVersion: info.version };
}
