// One normalized view of what a license grants, for V2 and V3 alike. V2 licenses are converted the
// way the server converts them (spec §5.3, ee/packages/license/src/v2/convertToV3.ts).
import type { LicenseBehavior, LicenseLimit, LicensePeriod, LicenseSummary, LimitKind, UrlRuleType } from './types';
import type { CanonicalLicense } from './license-read';
import type { VerifiedLicense } from './license-decode';
import { say, type Msg } from '../i18n/say';

/**
 * The V2 "enterprise:*" bundle (ee/packages/license/src/v2/bundles.ts, develop late 2024: 6.7.0
 * added 'unlimited-presence'; 6.5–6.6 have the other 20); "pro:*" is empty.
 */
export const ENTERPRISE_BUNDLE = [
  'auditing',
  'canned-responses',
  'ldap-enterprise',
  'livechat-enterprise',
  'voip-enterprise',
  'omnichannel-mobile-enterprise',
  'engagement-dashboard',
  'push-privacy',
  'scalability',
  'saml-enterprise',
  'oauth-enterprise',
  'device-management',
  'federation',
  'videoconference-enterprise',
  'message-read-receipt',
  'outlook-calendar',
  'teams-mention',
  'hide-watermark',
  'custom-roles',
  'accessibility-certification',
  'unlimited-presence',
];

/**
 * Modules every V2 license is granted when the server converts it: 'hide-watermark', from 6.5.0-rc.4
 * to develop late 2024 (convertToV3.ts: `['hide-watermark', ...v2.modules]`). The newest versions
 * add 'teams-voip' and 'contact-id-verification' too (spec §5.3); since when is not known, and the
 * summary is read before the server's version is, so it does not claim them.
 */
export const V2_ALWAYS_GRANTED = ['hide-watermark'];

/** The colour of a tag made from a bundle name (ee/packages/license/src/v2/getTagColor.ts). */
function tagColor(tag: string): string {
  return ({ bronze: '#BD5A0B', silver: '#9EA2A8', gold: '#F3BE08' } as Record<string, string>)[tag] ?? '#4411DD';
}

export const LIMIT_LABELS: Record<LimitKind, string> = {
  activeUsers: 'Active users (seats)',
  guestUsers: 'Guest users',
  roomsPerGuest: 'Rooms per guest',
  privateApps: 'Private apps',
  marketplaceApps: 'Marketplace apps',
  monthlyActiveContacts: 'Monthly active contacts',
};

/** A limit's name as a message (the window and the CLI say it in their language). */
export function limitLabel(kind: LimitKind): Msg {
  return say(`limit.${kind}`);
}

const LIMIT_KINDS: LimitKind[] = ['activeUsers', 'guestUsers', 'roomsPerGuest', 'privateApps', 'marketplaceApps', 'monthlyActiveContacts'];
const BEHAVIORS: LicenseBehavior[] = ['invalidate_license', 'start_fair_policy', 'prevent_action', 'allow_action', 'prevent_installation', 'disable_modules'];
/** Period behaviours that stop the license as a whole (spec §5.8). */
export const BLOCKING: LicenseBehavior[] = ['invalidate_license', 'prevent_installation'];

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const behavior = (v: unknown): LicenseBehavior => (BEHAVIORS.includes(v as LicenseBehavior) ? (v as LicenseBehavior) : 'invalidate_license');
const modulesOf = (v: unknown): string[] =>
  arr(v)
    .map((m) => (typeof m === 'string' ? m : str(obj(m).module)))
    .filter((m): m is string => Boolean(m));

/** "enterprise:*" → "enterprise"; "*" and plain modules are no bundle name (bundles.ts). */
const bundleName = (m: string): string | null => /^(.+):\*$/.exec(m)?.[1] ?? null;

function expandV2Modules(modules: string[]): string[] {
  const out = new Set<string>();
  for (const m of [...V2_ALWAYS_GRANTED, ...modules]) {
    const bundle = bundleName(m);
    if (m === '*' || bundle === 'enterprise') ENTERPRISE_BUNDLE.forEach((x) => out.add(x));
    else if (bundle === null) out.add(m); // other bundles (pro:*) are empty
  }
  return [...out];
}

/** The overall window: latest start and earliest end among the periods that stop the license. */
function overallWindow(periods: LicensePeriod[]): { validFrom: string | null; validUntil: string | null } {
  let from = -Infinity;
  let until = Infinity;
  for (const p of periods) {
    if (!BLOCKING.includes(p.invalidBehavior)) continue;
    const f = p.validFrom ? Date.parse(p.validFrom) : NaN;
    const u = p.validUntil ? Date.parse(p.validUntil) : NaN;
    if (!Number.isNaN(f)) from = Math.max(from, f);
    if (!Number.isNaN(u)) until = Math.min(until, u);
  }
  const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : null);
  return { validFrom: iso(from), validUntil: iso(until) };
}

function summarizeV2(p: Obj): Omit<LicenseSummary, 'sha256' | 'hashTail' | 'verifiedWith' | 'format' | 'validFrom' | 'validUntil'> {
  const meta = obj(p.meta);
  const apps = obj(p.apps);
  const expiry = str(p.expiry);
  const limits: LicenseLimit[] = [];
  const add = (kind: LimitKind, v: unknown) => {
    if (typeof v === 'number' && v !== 0) limits.push({ kind, label: LIMIT_LABELS[kind], max: v < 0 ? null : v, behavior: 'prevent_action', modules: [] });
  };
  add('activeUsers', p.maxActiveUsers);
  add('guestUsers', p.maxGuestUsers);
  add('roomsPerGuest', p.maxRoomsPerGuest);
  add('privateApps', apps.maxPrivateApps);
  add('marketplaceApps', apps.maxMarketplaceApps);
  const tag = obj(p.tag);
  // No tag: an old license, and the server names it by its bundles (convertToV3.ts).
  const tags = str(tag.name)
    ? [{ name: String(tag.name), color: str(tag.color) ?? '#6c737a' }]
    : [...new Set(modulesOf(p.modules).map(bundleName).filter((b): b is string => b !== null))].map((name) => ({ name, color: tagColor(name) }));
  const informational: LicenseSummary['informational'] = [];
  if (str(meta.workspaceId)) informational.push({ label: 'Cloud workspace id', value: String(meta.workspaceId), code: 'cloudWorkspaceId' });
  return {
    id: null,
    customer: null,
    tags,
    trial: meta.trial === true,
    createdAt: null,
    visualExpiration: str(meta.trialEnd) ?? expiry,
    grantedBy: 'V2 license',
    periods: expiry ? [{ validFrom: null, validUntil: expiry, invalidBehavior: 'invalidate_license', modules: [] }] : [],
    serverUrls: str(p.url) ? [{ value: String(p.url), type: 'regex' }] : [],
    limits,
    modules: expandV2Modules(modulesOf(p.modules)),
    informational,
    jwt: null,
  };
}

function summarizeV3(p: Obj): Omit<LicenseSummary, 'sha256' | 'hashTail' | 'verifiedWith' | 'format' | 'validFrom' | 'validUntil'> {
  const info = obj(p.information);
  const validation = obj(p.validation);
  const grantedTo = obj(info.grantedTo);
  const grantedBy = obj(info.grantedBy);
  const periods: LicensePeriod[] = arr(validation.validPeriods).map((x) => {
    const period = obj(x);
    return {
      validFrom: str(period.validFrom),
      validUntil: str(period.validUntil),
      invalidBehavior: behavior(period.invalidBehavior),
      modules: modulesOf(period.modules),
    };
  });
  const limits: LicenseLimit[] = [];
  const limitsObj = obj(p.limits);
  for (const kind of LIMIT_KINDS) {
    for (const l of arr(limitsObj[kind])) {
      const limit = obj(l);
      if (typeof limit.max !== 'number') continue;
      limits.push({ kind, label: LIMIT_LABELS[kind], max: limit.max < 0 ? null : limit.max, behavior: behavior(limit.behavior), modules: modulesOf(limit.modules) });
    }
  }
  const informational: LicenseSummary['informational'] = [];
  const versions = arr(validation.serverVersions).map((v) => str(obj(v).value)).filter(Boolean);
  if (versions.length) informational.push({ label: 'Server versions', value: versions.join(', '), code: 'serverVersions' });
  if (str(validation.serverUniqueId)) informational.push({ label: 'Server unique id', value: String(validation.serverUniqueId), code: 'serverUniqueId' });
  if (str(validation.cloudWorkspaceId)) informational.push({ label: 'Cloud workspace id', value: String(validation.cloudWorkspaceId), code: 'cloudWorkspaceId' });
  const legal = obj(validation.legalTextAgreement);
  if (str(legal.type)) informational.push({ label: 'Legal text agreement', value: String(legal.type), code: 'legalText' });
  const stats = obj(validation.statisticsReport);
  if (typeof stats.required === 'boolean') {
    informational.push({ label: 'Statistics report', value: stats.required ? 'required' : 'not required', code: 'statistics', said: stats.required ? 'required' : 'notRequired' });
  }
  if (typeof info.offline === 'boolean') informational.push({ label: 'Offline license', value: info.offline ? 'yes' : 'no', code: 'offline', said: info.offline ? 'yes' : 'no' });
  if (typeof info.autoRenew === 'boolean') informational.push({ label: 'Auto-renew', value: info.autoRenew ? 'yes' : 'no', code: 'autoRenew', said: info.autoRenew ? 'yes' : 'no' });
  if (str(info.notes)) informational.push({ label: 'Notes', value: String(info.notes), code: 'notes' });

  const date = (v: unknown) => (typeof v === 'number' ? new Date(v * 1000).toISOString() : null);
  const customer = grantedTo.name || grantedTo.company || grantedTo.email
    ? { name: str(grantedTo.name), company: str(grantedTo.company), email: str(grantedTo.email) }
    : null;
  return {
    id: str(info.id),
    customer,
    tags: arr(info.tags)
      .map((t) => obj(t))
      .filter((t) => str(t.name))
      .map((t) => ({ name: String(t.name), color: str(t.color) ?? '#6c737a' })),
    trial: info.trial === true,
    createdAt: str(info.createdAt),
    visualExpiration: str(info.visualExpiration),
    grantedBy: str(grantedBy.method) ? [grantedBy.method, str(grantedBy.seller)].filter(Boolean).join(' · ') : null,
    periods,
    serverUrls: arr(validation.serverUrls)
      .map((u) => obj(u))
      .filter((u) => typeof u.value === 'string')
      .map((u) => ({ value: String(u.value), type: (['url', 'regex', 'hash'].includes(u.type as string) ? u.type : 'url') as UrlRuleType })),
    limits,
    modules: modulesOf(p.grantedModules),
    informational,
    jwt: p.exp !== undefined || p.nbf !== undefined ? { exp: date(p.exp), nbf: date(p.nbf) } : null,
  };
}

export function summarizeLicense(license: CanonicalLicense, verified: VerifiedLicense): LicenseSummary {
  const body = license.format === 'v3' ? summarizeV3(verified.payload) : summarizeV2(verified.payload);
  return {
    format: license.format,
    sha256: license.sha256,
    hashTail: license.text.slice(-8),
    verifiedWith: { key: verified.key.kind, fingerprint: verified.key.fingerprint },
    ...body,
    ...overallWindow(body.periods),
  };
}
