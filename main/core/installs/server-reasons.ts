// The server's reasons for not taking a license, in a technician's words, and where its log says
// more, by era.
import { LIMIT_LABELS } from '../license/license-checks';
import { limitLabel } from '../license/license-summary';
import { english, say, type Msg } from '../i18n/say';
import type { LimitKind } from '../license/types';
import type { WorkspaceInfo } from '../rocketchat/types';
import type { RejectionReason } from './types';
import { CLOCK_TOLERANCE_MS } from './verdict';

const rule = (u: { value: string; type: string }): string | Msg =>
  u.type === 'hash' ? say('reason.ruleHash', { hash: u.value.slice(0, 12) }) : u.type === 'regex' ? say('reason.ruleRegex', { pattern: u.value }) : u.value;

/** The server's reason, as a technician acts on it: licensed for X but this workspace is Y; valid
 * from D but Rocket.Chat's clock read T; over a limit (kind, max, current). */
export function rejectionMsg(r: RejectionReason): Msg {
  switch (r.kind) {
    case 'url':
      return say('reason.url', { licensed: r.licensed.length ? r.licensed.map(rule) : [say('reason.anotherAddress')], url: r.workspaceUrl ?? say('reason.siteUnknownToServer') });
    case 'period': {
      const window = [r.validFrom ? say('reason.from', { at: r.validFrom }) : null, r.validUntil ? say('reason.until', { at: r.validUntil }) : null].filter((x): x is Msg => x !== null);
      const clock = r.rocketChatClock ? say('reason.clockRead', { at: r.rocketChatClock }) : say('reason.clockOutside');
      const next =
        r.rocketChatClock && r.dateHeader && Math.abs(Date.parse(r.dateHeader) - Date.parse(r.rocketChatClock)) > CLOCK_TOLERANCE_MS
          ? say('reason.proxyClock', { at: r.dateHeader })
          : say('reason.setClock');
      return say('reason.period', { window: window.length ? window : [say('reason.otherTimes')], clock, next });
    }
    case 'limit': {
      const known = r.limit in LIMIT_LABELS;
      return say('reason.limit', {
        max: r.max === null || r.max === undefined ? say('reason.aLimitedNumber') : String(r.max),
        label: known ? { code: 'limit.lower', params: { label: limitLabel(r.limit as LimitKind) } } : r.limit,
        current: r.current === null || r.current === undefined ? say('reason.more') : String(r.current),
      });
    }
    case 'unreadable':
      return say('reason.unreadable');
    case 'site-url-unknown':
      return say('reason.siteUrlUnknown');
    case 'other':
      return say('reason.other', { said: r.said });
    case 'not-logged':
      return say('reason.notLogged');
  }
}

export function describeRejection(r: RejectionReason): string {
  return english(rejectionMsg(r));
}

/** Where the server's log says why, by era: the engine's words changed twice (spec §5.10, §5.11;
 * ee/app/license/server/license.ts at 3.10.0, 3.13.0 and 4.0.0; ee/packages/license from 6.5). */
export function serverLogHintMsg(info: Pick<WorkspaceInfo, 'major' | 'minor'>): Msg {
  const at = (a: number, b: number) => info.major > a || (info.major === a && info.minor >= b);
  // 8.0 removed stdout.queue (rocketchat/server-log.ts): the log is read on the server itself.
  if (at(8, 0)) return say('hint.8');
  if (at(6, 5)) return say('hint.6');
  if (at(3, 13)) return say(at(4, 0) ? 'hint.4' : 'hint.3');
  return say('hint.none');
}

export function serverLogHint(info: Pick<WorkspaceInfo, 'major' | 'minor'>): string {
  return english(serverLogHintMsg(info));
}
