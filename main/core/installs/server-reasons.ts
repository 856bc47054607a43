// The server's reasons for not taking a license, in a technician's words, and where its log says
// more, by era.
import { LIMIT_LABELS } from '../license/license-checks';
import type { LoadedLicense } from '../license/license-store';
import type { LimitKind } from '../license/types';
import type { WorkspaceInfo } from '../rocketchat/types';

export function describeReason(r: { reason: string; limit?: string; modules?: string[] }, info: WorkspaceInfo, license: LoadedLicense): string {
  if (r.reason === 'url') {
    return `The license's address (${license.summary.serverUrls.map((u) => u.value).join(', ')}) does not match this workspace's Site URL (${info.workspaceUrl}).`;
  }
  if (r.reason === 'period') return `The license is not valid at the server's date (${info.serverTime?.slice(0, 16).replace('T', ' ') ?? 'unknown'} UTC).`;
  if (r.reason === 'limit') return `The workspace is over the license's limit for ${LIMIT_LABELS[r.limit as LimitKind] ?? r.limit ?? 'a resource'}.`;
  return `The server gave the reason “${r.reason}”.`;
}

/** Where the server's log says why, by era: the engine's words changed twice (spec §5.10, §5.11;
 * ee/app/license/server/license.ts at 3.10.0, 3.13.0 and 4.0.0; ee/packages/license from 6.5). */
export function serverLogHint(info: Pick<WorkspaceInfo, 'major' | 'minor'>): string {
  const at = (a: number, b: number) => info.major > a || (info.major === a && info.minor >= b);
  if (at(6, 5)) {
    return 'The Rocket.Chat server log says why: look for “Url validation failed”, “Period validation failed” or “Limit validation failed” after “New Enterprise License”.';
  }
  if (at(3, 13)) {
    return `The Rocket.Chat server log says why: look for “#### License error: invalid url”, “…: expired”${at(4, 0) ? '' : ' or “…: over seats”'} after “### New Enterprise License”.`;
  }
  return "This Rocket.Chat version does not log why a license is rejected: compare its Site URL, its date and its number of active users with the license.";
}
