// The server's reasons for not taking a license, in a technician's words, and where its log says
// more, by era.
import { LIMIT_LABELS } from '../license/license-checks';
import type { LimitKind } from '../license/types';
import type { WorkspaceInfo } from '../rocketchat/types';
import type { RejectionReason } from './types';
import { CLOCK_TOLERANCE_MS } from './verdict';

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const rule = (u: { value: string; type: string }) => (u.type === 'hash' ? `the Site URL whose SHA-256 is ${u.value.slice(0, 12)}…` : u.type === 'regex' ? `${u.value} (wildcards allowed)` : u.value);

/** The server's reason, as a technician acts on it: licensed for X but this workspace is Y; valid
 * from D but Rocket.Chat's clock read T; over a limit (kind, max, current). */
export function describeRejection(r: RejectionReason): string {
  switch (r.kind) {
    case 'url':
      return `The license is for ${r.licensed.map(rule).join(' and ') || 'another address'}, but this workspace's Site URL is ${r.workspaceUrl ?? 'not known to the server'}. Ask for a license for this Site URL, or correct the Site URL setting.`;
    case 'period': {
      const window = [r.validFrom ? `from ${utc(r.validFrom)}` : null, r.validUntil ? `until ${utc(r.validUntil)}` : null].filter(Boolean).join(' ');
      const clock = r.rocketChatClock ? `Rocket.Chat's own clock read ${utc(r.rocketChatClock)} when it checked` : "the server's clock is outside it";
      const proxy =
        r.rocketChatClock && r.dateHeader && Math.abs(Date.parse(r.dateHeader) - Date.parse(r.rocketChatClock)) > CLOCK_TOLERANCE_MS
          ? ` The answers' Date header said ${utc(r.dateHeader)}: whatever stamps it (a reverse proxy on another host) keeps another time. Rocket.Chat's clock is the one the license is checked against: set it right on the Rocket.Chat server.`
          : ' If that clock is wrong, set it right on the Rocket.Chat server; otherwise ask for a license valid now.';
      return `The license is valid ${window || 'only at other times'}, but ${clock}.${proxy}`;
    }
    case 'limit': {
      const label = LIMIT_LABELS[r.limit as LimitKind] ?? r.limit;
      return `The license allows ${r.max ?? 'a limited number of'} ${label.toLowerCase()}, but this workspace has ${r.current ?? 'more'}. Deactivate some, or ask for a license with more.`;
    }
    case 'unreadable':
      return 'The server could not read the license when it applied it (its log says "Invalid license"): ask for the original file again.';
    case 'site-url-unknown':
      return 'The server does not know its own Site URL yet, so it cannot check any license. Set Administration → Settings → General → Site URL, then send the license again.';
    case 'other':
      return `The server gave the reason “${r.said}”.`;
    case 'not-logged':
      return "This Rocket.Chat version writes the reason only to its error output, which it does not show over the API: read it on the server (for example docker logs), or compare the Site URL, the server's date and its active users with the license.";
  }
}

/** Where the server's log says why, by era: the engine's words changed twice (spec §5.10, §5.11;
 * ee/app/license/server/license.ts at 3.10.0, 3.13.0 and 4.0.0; ee/packages/license from 6.5). */
export function serverLogHint(info: Pick<WorkspaceInfo, 'major' | 'minor'>): string {
  const at = (a: number, b: number) => info.major > a || (info.major === a && info.minor >= b);
  if (at(8, 0)) {
    // 8.0 removed stdout.queue (rocketchat/server-log.ts): the log is read on the server itself.
    return 'The Rocket.Chat server log says why — read it on the server (for example docker logs): look for “Url validation failed”, “Period validation failed” or “Limit validation failed”.';
  }
  if (at(6, 5)) {
    return 'The Rocket.Chat server log says why: look for “Url validation failed”, “Period validation failed” or “Limit validation failed” after “New Enterprise License”.';
  }
  if (at(3, 13)) {
    return `The Rocket.Chat server log says why: look for “#### License error: invalid url”, “…: expired”${at(4, 0) ? '' : ' or “…: over seats”'} after “### New Enterprise License”.`;
  }
  return "This Rocket.Chat version does not log why a license is rejected: compare its Site URL, its date and its number of active users with the license.";
}
