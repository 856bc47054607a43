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
import type { RestrictionReading, Said } from './types';
import { english, say, type Msg } from '../i18n/say';

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

function sayBoth(label: Msg, text: Msg): Said {
  return { label: english(label), text: english(text), say: { label, text } };
}

/** The countdown in a technician's words: a short label (the window's badge) and what it means
 * for users and what lifts it; null before 7.0. */
export function describeRestriction(r: RestrictionReading): Said | null {
  switch (r.phase) {
    case 'read-only':
      return sayBoth(say('restriction.readOnly'), say('restriction.readOnlyText'));
    case 'warning':
      return sayBoth(say('restriction.warning', { days: r.remainingDays ?? 0 }), say('restriction.warningText'));
    case 'none':
      return sayBoth(say('restriction.none'), say('restriction.noneText'));
    case 'unknown':
      return sayBoth(say('restriction.unknown'), say('restriction.unknownText', { reason: r.reason ?? say('restriction.noAnswer') }));
    case 'not-applicable':
      return null;
  }
}

/**
 * What sending a license will do to the countdown, said in the summary and the confirmation; null
 * when there is nothing to lift. `wouldPass`: no check failed, so the server should accept it.
 */
export function restrictionEffectMsg(r: RestrictionReading | null | undefined, wouldPass: boolean): Msg | null {
  if (r?.phase === 'read-only') return say(wouldPass ? 'restriction.liftsNow' : 'restriction.wouldNotLift');
  if (r?.phase === 'warning') return say(wouldPass ? 'restriction.stops' : 'restriction.wouldNotStop', { days: r.remainingDays ?? 0 });
  return null;
}
export function restrictionEffect(r: RestrictionReading | null | undefined, wouldPass: boolean): string | null {
  const m = restrictionEffectMsg(r, wouldPass);
  return m && english(m);
}

/** "read-only → lifted": the short form History shows; null when nothing changed or either side is unknown. */
export function restrictionShiftMsg(before: RestrictionReading | null | undefined, after: RestrictionReading | null | undefined): Msg | null {
  if (!before || !after || before.phase === 'not-applicable' || after.phase === 'unknown' || before.phase === 'unknown') return null;
  if (before.phase === after.phase && before.remainingDays === after.remainingDays) return null;
  const words = (r: RestrictionReading, gone: Msg) =>
    r.phase === 'read-only' ? say('restriction.phaseReadOnly') : r.phase === 'warning' ? say('restriction.phaseIn', { days: r.remainingDays ?? 0 }) : gone;
  return say('restriction.shift', { from: words(before, say('restriction.phaseNoCountdown')), to: words(after, say('restriction.phaseLifted')) });
}
export function restrictionShift(before: RestrictionReading | null | undefined, after: RestrictionReading | null | undefined): string | null {
  const m = restrictionShiftMsg(before, after);
  return m && english(m);
}

/** Before → after with what it means for users, as the result and the receipt say it; null when nothing changed. */
export function restrictionChangeMsg(before: RestrictionReading | null | undefined, after: RestrictionReading | null | undefined): Msg | null {
  const shift = restrictionShiftMsg(before, after);
  if (!shift) return null;
  if (after?.phase === 'none') return say('restriction.changeSend', { shift });
  if (after?.phase === 'read-only') return say('restriction.changeReadOnly', { shift });
  return say('restriction.change', { shift });
}
export function describeRestrictionChange(before: RestrictionReading | null | undefined, after: RestrictionReading | null | undefined): string | null {
  const m = restrictionChangeMsg(before, after);
  return m && english(m);
}
