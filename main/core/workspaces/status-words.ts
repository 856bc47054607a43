// A workspace's status in a technician's words, made once in the core so that the window and
// `rc-license status` say the same thing.
import { describeSkew } from '../license/license-checks';
import { describeLicenseDetail, describeLimit, OFFLINE_LICENSE } from './license-detail';
import { describeRestriction } from './restriction';
import type { ClockReading, LicenseDetail, RestrictionReading, StatusWords } from './types';

export function statusWords(o: { detail: LicenseDetail; restriction: RestrictionReading; clock: ClockReading; siteUrlSetting: string | null }): StatusWords {
  const { detail, clock } = o;
  const skew = clock.serverTime ? describeSkew(Date.parse(clock.serverTime), Date.parse(clock.localTime)) : null;
  return {
    license: describeLicenseDetail(detail),
    limits: detail.state === 'active' ? detail.limits.map(describeLimit) : [],
    modules: detail.state === 'active' && detail.modules.length ? `Modules: ${detail.modules.join(', ')}` : null,
    offline: detail.offline ? OFFLINE_LICENSE : null,
    restriction: describeRestriction(o.restriction),
    clock: clock.serverTime ? `${clock.serverTime.slice(0, 16).replace('T', ' ')} UTC by the server${skew ? '' : ', as this laptop'}.` : 'The server sent no time.',
    skew,
    siteUrlUnset: o.siteUrlSetting === '' ? 'Not set: Rocket.Chat holds a license until it is (Administration → Settings → General → Site URL).' : null,
  };
}
