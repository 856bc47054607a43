// The license as a workspace runs it, for its status: active (with its limits and their use, days
// left by the server's clock, an 8.7+ offline flag), none, held as pending (stored while the Site
// URL is not set: applied once it is, isReadyForValidation.ts), or stored but not running.
import type { LimitKind } from '../license/types';
import { obj, type Obj } from '../rocketchat/json';
import type { LicenseStateWithUsage } from '../rocketchat/rocketchat-client';
import type { LicenseDetail, LimitUse, Said } from './types';
import { english, say, type Msg } from '../i18n/say';
import { LIMIT_LABELS, limitLabel } from '../license/license-summary';

const DAY = 86_400_000;

/** The limits the server shows: V3 form (6.5+, V2 converted), or a ≤6.4 V2 license's fields. */
function limitsOf(read: LicenseStateWithUsage): LimitUse[] {
  const used = (kind: string) => read.usage?.[kind as LimitKind] ?? null;
  const label = (kind: string) => LIMIT_LABELS[kind as LimitKind] ?? kind;
  if (read.payload) {
    return Object.entries(obj(read.payload.limits)).flatMap(([kind, list]) => {
      const maxes = (Array.isArray(list) ? list : []).map((l) => obj(l).max).filter((m): m is number => typeof m === 'number');
      if (!maxes.length) return [];
      const max = Math.min(...maxes);
      return [{ kind, label: label(kind), max: max < 0 ? null : max, used: used(kind) }];
    });
  }
  const v2: Obj = read.legacy?.[0] ?? {};
  const fields: Array<[string, unknown]> = [
    ['activeUsers', v2.maxActiveUsers ?? read.state.seats],
    ['guestUsers', v2.maxGuestUsers],
    ['roomsPerGuest', v2.maxRoomsPerGuest],
  ];
  return fields.flatMap(([kind, max]) => (typeof max === 'number' && max > 0 ? [{ kind, label: label(kind), max, used: used(kind) }] : []));
}

export function licenseDetailOf(o: {
  read: LicenseStateWithUsage | null;
  /** The stored setting, when this account could read it. */
  stored: string | null;
  /** The Site_Url setting ('' when not set), when read. */
  siteUrl: string | null;
  serverTime: string | null;
  /** Why nothing could be read (not signed in, not an administrator). */
  why: string;
  /** 8.7+ reads information.offline (PR #41148); before, the flag means nothing. */
  offlineApplies: boolean;
}): LicenseDetail {
  const base: LicenseDetail = { state: 'unknown', id: null, tags: [], trial: false, validUntil: null, daysLeft: null, limits: [], modules: [], offline: false };
  const read = o.read;
  if (!read || !read.state.known) return { ...base, reason: o.why };
  if (read.state.valid) {
    const until = read.state.validUntil;
    const now = Date.parse(o.serverTime ?? new Date().toISOString());
    return {
      ...base,
      state: 'active',
      id: read.state.id,
      tags: read.state.tags,
      trial: read.state.trial,
      validUntil: until,
      daysLeft: until ? Math.floor((Date.parse(until) - now) / DAY) : null,
      limits: limitsOf(read),
      modules: read.state.modules,
      offline: o.offlineApplies && obj(read.payload?.information).offline === true,
    };
  }
  if (!o.stored?.trim()) return { ...base, state: 'none' };
  return { ...base, state: o.siteUrl === '' ? 'pending' : 'stored-not-active' };
}

function sayBoth(label: Msg, text: Msg): Said {
  return { label: english(label), text: english(text), say: { label, text } };
}

/** The license line of a status, in words: a label (the badge) and the rest. */
export function describeLicenseDetail(d: LicenseDetail): Said {
  switch (d.state) {
    case 'active': {
      const until = d.validUntil
        ? d.daysLeft !== null && d.daysLeft < 0
          ? say('detail.untilExpired', { day: d.validUntil })
          : say('detail.until', { day: d.validUntil, days: d.daysLeft ?? 0 })
        : say('detail.noEnd');
      return sayBoth(say('detail.active'), say('detail.activeText', { id: d.id ? say('detail.id', { id: d.id }) : say('empty'), trial: d.trial ? say('detail.trial') : say('empty'), until }));
    }
    case 'none':
      return sayBoth(say('detail.none'), say('detail.noneText'));
    case 'pending':
      return sayBoth(say('detail.pending'), say('detail.pendingText'));
    case 'stored-not-active':
      return sayBoth(say('detail.storedNotActive'), say('detail.storedNotActiveText'));
    case 'unknown':
      return sayBoth(say('detail.unknown'), say('detail.unknownText', { reason: d.reason ?? say('detail.cannotRead') }));
  }
}

/** "Active users (seats): 87 of 150" — each limit with its use. */
export function limitMsg(l: LimitUse): Msg {
  return say('detail.limit', { label: l.kind in LIMIT_LABELS ? limitLabel(l.kind as LimitKind) : l.label, used: l.used === null || l.used === undefined ? '?' : String(l.used), max: l.max === null || l.max === undefined ? say('detail.unlimited') : String(l.max) });
}
export function describeLimit(l: LimitUse): string {
  return english(limitMsg(l));
}

/** What an offline license (8.7+, information.offline) turns off. */
export const OFFLINE_LICENSE_MSG: Msg = say('detail.offline');
export const OFFLINE_LICENSE = english(OFFLINE_LICENSE_MSG);
