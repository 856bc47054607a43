// The air-gapped read-only countdown around a change (7.0+, spec §5.13): read before the send and
// again once the outcome is known, so the result, the job record, History and the receipt say
// "read-only → lifted", confirmed by the server's own setting. Reading it never stops an install.
import type { RocketChatClient } from '../rocketchat/rocketchat-client';
import type { WorkspaceInfo } from '../rocketchat/types';
import { readRestriction, restrictionChangeMsg, restrictionShift } from '../workspaces/restriction';
import type { RestrictionReading } from '../workspaces/types';
import type { InstallResult } from './types';
import { english, say, type Msg } from '../i18n/say';

/** What a job records: the countdown before and after, and the change in words. */
export interface RestrictionChange {
  before: RestrictionReading | null;
  after: RestrictionReading | null;
  /** "read-only → lifted: users can send messages again …", or what still holds ("still read-only: …"); null when there is nothing to say. */
  change: string | null;
  /** "read-only → lifted", for History; null when nothing changed. */
  shift?: string | null;
  /** `change` as a message, for a shell that speaks another language. */
  changeMsg?: Msg | null;
}

/** Outcomes after which the server has decided something worth reading again. */
const DECIDED: ReadonlyArray<InstallResult['outcome']> = ['active', 'rejected', 'not-active', 'unconfirmed'];

export function countdownBefore(client: Pick<RocketChatClient, 'call'>, info: Pick<WorkspaceInfo, 'major'>): Promise<RestrictionReading> {
  return readRestriction(client, info);
}

/**
 * Reads the countdown after the outcome. The validate event sets -1 as it happens, but the public
 * setting is served from each instance's cache: an active license is read a few more times until
 * the setting catches up. Kept as `before` and the change left unsaid when the job never sent.
 */
export async function countdownAfter(
  client: Pick<RocketChatClient, 'call'>,
  info: Pick<WorkspaceInfo, 'major'>,
  job: Pick<InstallResult, 'outcome'>,
  before: RestrictionReading | null,
  sleep: (ms: number) => Promise<void>,
  tries = 3,
): Promise<RestrictionChange> {
  if (!before || before.phase === 'not-applicable' || !DECIDED.includes(job.outcome)) return { before, after: null, change: null };
  let after = await readRestriction(client, info);
  for (let i = 1; i < tries && job.outcome === 'active' && (after.phase === 'read-only' || after.phase === 'warning'); i++) {
    await sleep(1000);
    after = await readRestriction(client, info);
  }
  return changeOf(before, after);
}

/** The record of a change read now: the before → after, or what still holds after it. */
export function changeOf(before: RestrictionReading | null, after: RestrictionReading | null): RestrictionChange {
  const still =
    after?.phase === 'read-only'
      ? say('restriction.stillReadOnly')
      : after?.phase === 'warning'
        ? say('restriction.stillCounting', { days: after.remainingDays ?? 0 })
        : null;
  const changeMsg = restrictionChangeMsg(before, after) ?? still;
  return { before, after, change: changeMsg && english(changeMsg), shift: restrictionShift(before, after), changeMsg };
}
