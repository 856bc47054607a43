// Which behaviours a given Rocket.Chat version has (spec "Version eras" and §2).
export interface Era {
  version: string;
  major: number;
  minor: number;
  /** 'AB' ≤6.4 (V2-only engine), 'C' 6.5–6.x, 'D' 7.0–8.7, 'E' 8.8+. */
  name: 'AB' | 'C' | 'D' | 'E';
  /** Restivus bodies (no `success` on login/errors): ≤6.x. */
  restivus: boolean;
  licensesApi: boolean; // 3.10+
  licensesInfo: boolean; // 6.5+
  hasValidLicense: boolean; // 8.3+
  externalModules: boolean; // 8.3+
  legacyLicenseEndpoints: boolean; // < 7.0: licenses.get, licenses.isEnterprise
  maxActiveUsers: boolean; // 4.0+
  validate: boolean; // 8.7+
  workspaceUrlInInfo: boolean; // 8.6+
  newEngine: boolean; // 6.5+: V2 + V3, @rocket.chat/license
  /** licenses.isEnterprise: 5.0 – 6.x (absent in 4.8.0, removed in 7.0; spec §5.11). */
  isEnterprise: boolean;
  /** 3.10–3.18: the V2 engine invalidates a license whose maxActiveUsers is exceeded
   * (ee/app/license/server/license.ts at 3.10.0, `_hasValidNumberOfActiveUsers`; gone in 4.0.0). */
  invalidatesOnSeats: boolean;
  /** The old engine logs `#### License error: …` (3.13+; 3.10–3.12 log nothing for a rejection). */
  logsLicenseErrors: boolean;
  /** POST logout answers 200 with an empty body (7.4+, Rocket.Chat issue #35922). */
  emptyLogout: boolean;
  /** The V2 "enterprise:*" bundle includes 'unlimited-presence' (6.7.0+, ee/packages/license/src/v2/bundles.ts). */
  v2BundleUnlimitedPresence: boolean;
  /** convertToV3.ts grants every V2 license 'teams-voip' and 'contact-id-verification' besides
   * 'hide-watermark': not at 6.14.0-develop (2024-10-15), yes at 8.8.1 (spec §5.3); 8.8+ here. */
  v2GrantsVoipAndContactId: boolean;
  /** GET /api/v1/stdout.queue, the server's log over REST: added in 3.0 (PR #16004), present through
   * 7.x (rest-typings 7.10.0 misc.d.ts), gone in 8.0.0 (rest-typings 8.0.0 no longer types it; the
   * Open-API docs dropped it on 2026-01-07, commit 855fd62; an 8.x misc.ts keeps only its doc
   * comment and registers no route). */
  stdoutQueue: boolean;
  /** The air-gapped read-only countdown, Cloud_Workspace_AirGapped_Restrictions_Remaining_Days
   * (7.0.0, PR #33241; ee/packages/license/src/AirGappedRestriction.ts), and settings.public's
   * `_id` filter, a comma-separated list (apps/meteor/app/api/server/v1/settings.ts, 7.x). */
  airGappedRestriction: boolean;
}

export function eraOf(version: string): Era {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`Not a Rocket.Chat version: ${version}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const at = (a: number, b: number) => major > a || (major === a && minor >= b);
  const name: Era['name'] = at(8, 8) ? 'E' : at(7, 0) ? 'D' : at(6, 5) ? 'C' : 'AB';
  return {
    version,
    major,
    minor,
    name,
    restivus: !at(7, 0),
    licensesApi: at(3, 10),
    licensesInfo: at(6, 5),
    hasValidLicense: at(8, 3),
    externalModules: at(8, 3),
    legacyLicenseEndpoints: at(3, 10) && !at(7, 0),
    maxActiveUsers: at(4, 0),
    validate: at(8, 7),
    workspaceUrlInInfo: at(8, 6),
    newEngine: at(6, 5),
    isEnterprise: at(5, 0) && !at(7, 0),
    invalidatesOnSeats: !at(4, 0),
    logsLicenseErrors: at(3, 13),
    emptyLogout: at(7, 4),
    v2BundleUnlimitedPresence: at(6, 7),
    v2GrantsVoipAndContactId: at(8, 8),
    stdoutQueue: at(3, 0) && !at(8, 0),
    airGappedRestriction: at(7, 0),
  };
}
