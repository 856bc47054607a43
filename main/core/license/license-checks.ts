// "Will this license work on this workspace?" — the checks the server runs after accepting a
// license (URL, periods, limits: spec §5.4–5.7), run before anything is sent, each with words a
// technician can act on.
import { createHash } from 'node:crypto';
import type { CheckStatus, LicenseCheck, LicenseSummary, WorkspaceFacts } from './types';
import type { WorkspaceInfo } from '../rocketchat/types';
import { BLOCKING, LIMIT_LABELS } from './license-summary';

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

function describeRule(rule: { value: string; type: string }): string {
  if (rule.type === 'hash') return `the hashed address ${rule.value.slice(0, 12)}…`;
  if (rule.type === 'regex' && rule.value.includes('*')) return `${rule.value} (pattern)`;
  return rule.value;
}

export function checkUrl(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck {
  const rules = summary.serverUrls;
  if (rules.length === 0) {
    return { name: 'url', status: 'fail', code: 'LICENSE_URL_MISMATCH', message: 'The license names no workspace address, so no server will accept it.' };
  }
  const workspaceUrl = facts.workspaceUrl;
  if (!workspaceUrl) {
    return {
      name: 'url',
      status: 'unknown',
      message: `This license is for ${rules.map(describeRule).join(' and ')}. ${facts.unreadable ? `The workspace did not answer (${facts.unreadable}), so its Site URL could not be compared.` : 'Connect to the workspace to compare it with its Site URL.'}`,
      items: rules.map((r) => ({ label: describeRule(r), status: 'unknown' as CheckStatus, detail: `type ${r.type}` })),
    };
  }
  const items = rules.map((r) => {
    const ok = urlRuleMatches(r, workspaceUrl);
    return { label: describeRule(r), status: (ok ? 'pass' : 'fail') as CheckStatus, detail: `type ${r.type}: ${ok ? 'matches' : 'does not match'} ${workspaceUrl}` };
  });
  const failing = rules.filter((r) => !urlRuleMatches(r, workspaceUrl));
  const guess = facts.workspaceUrlSource !== 'server';
  if (failing.length === 0) {
    return {
      name: 'url',
      status: 'pass',
      message: guess
        ? `The license matches ${workspaceUrl}, the address you entered. This server does not report its Site URL (before 8.6): make sure its Site URL setting is that address too.`
        : `The license matches this workspace's Site URL (${workspaceUrl}).`,
      items,
    };
  }
  const names = failing.map(describeRule).join(' and ');
  if (guess) {
    return {
      name: 'url',
      status: 'unknown',
      message: `This license is for ${names}, which does not match the address you entered (${workspaceUrl}). This server does not report its Site URL (before 8.6): if its Site URL setting is not ${failing.length === 1 && failing[0].type !== 'hash' ? failing[0].value : 'the licensed address'}, the license will be rejected.`,
      items,
    };
  }
  return {
    name: 'url',
    status: 'fail',
    code: 'LICENSE_URL_MISMATCH',
    message:
      failing.length < rules.length
        ? `Every address in a license must match, and ${names} does not match this workspace's Site URL (${workspaceUrl}). Ask for a license for ${workspaceUrl} only.`
        : `This license is for ${names}; this workspace's Site URL is ${workspaceUrl}. Ask for a license for ${workspaceUrl}, or change the Site URL setting.`,
    items,
  };
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function describeSkew(serverMs: number, localMs: number): string | null {
  const diff = serverMs - localMs;
  if (Math.abs(diff) <= CLOCK_SKEW_NOTE_MS) return null;
  const minutes = Math.round(Math.abs(diff) / 60000);
  const text = minutes >= 60 * 48 ? `${Math.round(minutes / 1440)} days` : minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return `The server's clock is ${text} ${diff < 0 ? 'behind' : 'ahead of'} this laptop's; the server's clock is the one that counts.`;
}

export function checkPeriod(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck {
  const localMs = Date.parse(facts.localTime);
  const serverMs = facts.serverTime ? Date.parse(facts.serverTime) : NaN;
  const known = !Number.isNaN(serverMs);
  const now = known ? serverMs : localMs;
  const whose = known
    ? `by the server's clock (${stamp(now)})`
    : facts.unreadable
      ? "by this laptop's clock (the workspace did not answer, so its clock could not be read)"
      : "by this laptop's clock (the server's clock is not known yet)";
  const skew = known ? describeSkew(serverMs, localMs) : null;

  const items: NonNullable<LicenseCheck['items']> = [];
  const blockingFailures: string[] = [];
  for (const p of summary.periods) {
    const from = p.validFrom ? Date.parse(p.validFrom) : NaN;
    const until = p.validUntil ? Date.parse(p.validUntil) : NaN;
    const early = !Number.isNaN(from) && now < from;
    const late = !Number.isNaN(until) && now > until;
    const blocking = BLOCKING.includes(p.invalidBehavior);
    const label = `${p.validFrom ? day(p.validFrom) : '…'} → ${p.validUntil ? day(p.validUntil) : '…'}`;
    if (early || late) {
      const what = late ? `ended on ${day(p.validUntil as string)}` : `starts on ${day(p.validFrom as string)}`;
      if (blocking) blockingFailures.push(what);
      items.push({
        label,
        status: blocking ? 'fail' : 'pass',
        detail: blocking ? `${what}: the license is not valid` : `${what}: modules ${p.modules.join(', ') || '(none)'} are switched off`,
      });
    } else {
      items.push({ label, status: 'pass', detail: blocking ? 'in force' : `modules ${p.modules.join(', ') || '(none)'} in force` });
    }
  }
  // The server verifies V3 tokens with jose's defaults, which enforce exp/nbf with no tolerance.
  if (summary.jwt?.exp && now >= Date.parse(summary.jwt.exp)) blockingFailures.push(`carries a token that expired on ${day(summary.jwt.exp)}`);
  if (summary.jwt?.nbf && now < Date.parse(summary.jwt.nbf)) blockingFailures.push(`carries a token valid only from ${day(summary.jwt.nbf)}`);

  const tail = skew ? ` ${skew}` : '';
  if (blockingFailures.length) {
    return {
      name: 'period',
      status: 'fail',
      code: 'LICENSE_PERIOD',
      message: `The license is not valid now ${whose}: it ${blockingFailures.join(' and ')}. Check the server's date; if it is right, ask for a license valid now.${tail}`,
      items,
    };
  }
  if (summary.validUntil) {
    const days = Math.floor((Date.parse(summary.validUntil) - now) / 86400000);
    return {
      name: 'period',
      status: 'pass',
      message: `Valid until ${day(summary.validUntil)}: ${days} day${days === 1 ? '' : 's'} left ${whose}.${tail}`,
      items,
    };
  }
  return { name: 'period', status: 'pass', message: `No end date: valid ${whose}.${tail}`, items };
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
  return {
    name: 'server',
    status: 'fail',
    code: 'LICENSE_NEEDS_NEWER_SERVER',
    message: `This license format (V3) needs Rocket.Chat 6.5 or later; this workspace runs ${facts.serverVersion}. Upgrade the workspace first: an older server cannot read this license at all.`,
  };
}

export function checkLimits(summary: LicenseSummary, facts: WorkspaceFacts): LicenseCheck {
  const limited = summary.limits.filter((l) => l.max !== null);
  if (limited.length === 0) return { name: 'limits', status: 'pass', message: 'The license sets no usage limits that this workspace could exceed.' };
  // 3.10–3.18 invalidate a V2 license whose seat count is exceeded, and have no
  // licenses.maxActiveUsers (4.0+) to read usage with (ee/app/license/server/license.ts, 3.10.0).
  const v = versionOf(facts);
  const seats = limited.find((l) => l.kind === 'activeUsers');
  if (v && before(v, 4, 0) && seats && facts.usage?.activeUsers === undefined) {
    return {
      name: 'limits',
      status: 'unknown',
      message: `Rocket.Chat ${facts.serverVersion} rejects this license if more than ${seats.max} users are active, and this version cannot report how many are. Check the number of active users (Administration → Info) before applying.`,
      items: [{ label: LIMIT_LABELS.activeUsers, status: 'unknown', detail: `max ${seats.max}; this version rejects the license above it` }],
    };
  }
  if (!facts.usage) {
    return {
      name: 'limits',
      status: 'unknown',
      message: `Limits: ${limited.map((l) => `${LIMIT_LABELS[l.kind]} ${l.max}`).join(', ')}. ${facts.unreadable ? `The workspace did not answer (${facts.unreadable}), so current usage could not be read.` : 'Sign in as an administrator to compare them with current usage.'}`,
      items: limited.map((l) => ({ label: LIMIT_LABELS[l.kind], status: 'unknown' as CheckStatus, detail: `max ${l.max}` })),
    };
  }
  const items: NonNullable<LicenseCheck['items']> = [];
  const over: string[] = [];
  const notes: string[] = [];
  let unknown = 0;
  for (const l of limited) {
    const value = facts.usage[l.kind];
    const label = LIMIT_LABELS[l.kind];
    if (value === undefined) {
      unknown++;
      items.push({ label, status: 'unknown', detail: `max ${l.max}; current usage not reported by this server` });
      continue;
    }
    const max = l.max as number;
    if (value > max && BLOCKING.includes(l.behavior)) {
      over.push(`${label}: ${value} in use, the license allows ${max}`);
      items.push({ label, status: 'fail', detail: `${value} in use, max ${max}` });
    } else if (value > max) {
      // Only prevent_action stops anything at action time; allow_action is only reported
      // (shouldPreventAction in ee/packages/license/src/license.ts, Rocket.Chat develop, late 2024).
      const effect =
        l.behavior === 'start_fair_policy'
          ? 'the fair-use policy starts'
          : l.behavior === 'disable_modules'
            ? `modules ${l.modules.join(', ')} are switched off`
            : l.behavior === 'prevent_action'
              ? 'no more can be added'
              : 'nothing is blocked';
      notes.push(`${label} is over its limit (${value} of ${max}): ${effect}.`);
      items.push({ label, status: 'pass', detail: `${value} in use, max ${max}: ${effect}` });
    } else {
      if (l.behavior === 'prevent_action' && value >= max) notes.push(`${label} is at its limit (${value} of ${max}): no more can be added.`);
      items.push({ label, status: 'pass', detail: `${value} in use, max ${max}` });
    }
  }
  if (over.length) {
    return {
      name: 'limits',
      status: 'fail',
      code: 'LICENSE_LIMITS',
      message: `This workspace uses more than the license allows — ${over.join('; ')}. Deactivate users or ask for a larger license.`,
      items,
    };
  }
  if (unknown === limited.length) {
    return { name: 'limits', status: 'unknown', message: 'This server does not report current usage; the limits cannot be compared.', items };
  }
  return { name: 'limits', status: 'pass', message: ['Current usage is within the license.', ...notes].join(' '), items };
}

export function checkSignature(summary: LicenseSummary): LicenseCheck {
  if (summary.verifiedWith.key === 'custom') {
    return {
      name: 'signature',
      // Not a failure: test licenses and private builds use their own key, which was asked for explicitly.
      status: 'unknown',
      message: `Warning: signed with a non-Rocket.Chat key (SHA-256 ${summary.verifiedWith.fingerprint.slice(0, 16)}…). A Rocket.Chat server will reject it unless it is a private build that trusts this key.`,
    };
  }
  return { name: 'signature', status: 'pass', message: 'Genuine: signed by Rocket.Chat.' };
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
