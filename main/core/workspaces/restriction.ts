// The air-gapped read-only countdown (7.0+, spec §5.13). Without a valid license a workspace counts
// the days since Rocket.Chat Cloud last answered its usage report — which an air-gapped one never
// gets — and after 10 (3 without effect, 7 of warnings to admins) it becomes read-only: users read
// rooms but cannot send, edit or upload. Any valid license lifts it at once. Read in
// ee/packages/license/src/AirGappedRestriction.ts and apps/meteor/ee/app/license/server/
// airGappedRestrictions.ts; the setting is public, so it is read without signing in
// (settings.public's `_id` filter, apps/meteor/app/api/server/v1/settings.ts in 7.x).
import { AppFailure } from '../errors';
import { obj } from '../rocketchat/json';
import type { RocketChatClient } from '../rocketchat/rocketchat-client';
import type { WorkspaceInfo } from '../rocketchat/types';
import type { RestrictionReading } from './types';

export const RESTRICTION_SETTING = 'Cloud_Workspace_AirGapped_Restrictions_Remaining_Days';

/** The phase a remaining-days value means. */
export function restrictionPhase(days: number): RestrictionReading['phase'] {
  if (days < 0) return 'none';
  return days === 0 ? 'read-only' : 'warning';
}

/** Reads the countdown; a version without it, or an answer without it, is said, never thrown. */
export async function readRestriction(client: Pick<RocketChatClient, 'call'>, info: Pick<WorkspaceInfo, 'major'>): Promise<RestrictionReading> {
  const at = new Date().toISOString();
  if (info.major < 7) return { phase: 'not-applicable', remainingDays: null, source: null, at };
  try {
    const res = await client.call('GET', '/api/v1/settings.public', 'settings.public', { query: { _id: RESTRICTION_SETTING } });
    const settings = obj(res.json).settings;
    const setting = Array.isArray(settings) ? settings.map(obj).find((s) => s._id === RESTRICTION_SETTING) : undefined;
    if (res.status === 200 && typeof setting?.value === 'number') {
      return { phase: restrictionPhase(setting.value), remainingDays: setting.value, source: 'settings.public', at };
    }
    return { phase: 'unknown', remainingDays: null, source: null, reason: res.status === 200 ? 'the workspace does not show the setting' : `the workspace answered ${res.status}`, at };
  } catch (e) {
    if (e instanceof AppFailure) return { phase: 'unknown', remainingDays: null, source: null, reason: `${e.message.replace(/\.$/, '')}${e.detail ? `: ${e.detail}` : ''}`, at };
    throw e;
  }
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The countdown in a technician's words: what users can do, and what lifts it. */
export function describeRestriction(r: RestrictionReading): string | null {
  switch (r.phase) {
    case 'read-only':
      return 'Read-only now: users can read rooms but cannot send, edit or upload. Any valid license lifts it at once.';
    case 'warning':
      return `Read-only in ${days(r.remainingDays ?? 0)}: then users can read rooms but cannot send, edit or upload. Any valid license lifts it.`;
    case 'none':
      return 'No read-only countdown: users can send messages.';
    case 'unknown':
      return `The read-only countdown could not be read (${r.reason ?? 'no answer'}).`;
    case 'not-applicable':
      return null;
  }
}

/** Before → after, as the result, History and the receipt say it; null when nothing changed. */
export function describeRestrictionChange(before: RestrictionReading | null | undefined, after: RestrictionReading | null | undefined): string | null {
  if (!before || !after || before.phase === 'not-applicable' || after.phase === 'unknown' || before.phase === 'unknown') return null;
  if (before.phase === after.phase && before.remainingDays === after.remainingDays) return null;
  const was = before.phase === 'read-only' ? 'read-only' : before.phase === 'warning' ? `read-only in ${days(before.remainingDays ?? 0)}` : 'no countdown';
  if (after.phase === 'none') return `${was} → lifted: users can send messages again (the server's own setting says so).`;
  if (after.phase === 'read-only') return `${was} → read-only: users can read rooms but cannot send, edit or upload until a valid license is active.`;
  return `${was} → read-only in ${days(after.remainingDays ?? 0)}.`;
}
