// A workspace's status in a technician's words, made once in the core so that the window and
// `rc-license status` say the same thing.
import { english, say } from '../i18n/say';
import { skewMsg } from '../license/license-checks';
import { describeLicenseDetail, limitMsg, OFFLINE_LICENSE_MSG } from './license-detail';
import { describeRestriction } from './restriction';
import type { ClockReading, LicenseDetail, RestrictionReading, StatusWords } from './types';

export function statusWords(o: { detail: LicenseDetail; restriction: RestrictionReading; clock: ClockReading; siteUrlSetting: string | null }): StatusWords {
  const { detail, clock } = o;
  const skew = clock.serverTime ? skewMsg(Date.parse(clock.serverTime), Date.parse(clock.localTime)) : null;
  const limits = detail.state === 'active' ? detail.limits.map(limitMsg) : [];
  const modules = detail.state === 'active' && detail.modules.length ? say('detail.modules', { modules: detail.modules }) : null;
  const offline = detail.offline ? OFFLINE_LICENSE_MSG : null;
  const time = clock.serverTime ? say(skew ? 'detail.clock' : 'detail.clockSame', { at: clock.serverTime }) : say('detail.noClock');
  const siteUrlUnset = o.siteUrlSetting === '' ? say('detail.siteUrlUnset') : null;
  const text = <T extends Parameters<typeof english>[0] | null>(m: T) => (m ? english(m) : null);
  return {
    license: describeLicenseDetail(detail),
    limits: limits.map(english),
    modules: text(modules),
    offline: text(offline),
    restriction: describeRestriction(o.restriction),
    clock: english(time),
    skew: text(skew),
    siteUrlUnset: text(siteUrlUnset),
    say: { limits, modules, offline, clock: time, skew, siteUrlUnset },
  };
}
