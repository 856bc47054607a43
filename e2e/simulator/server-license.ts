// The simulator's own model of the server's license engine (spec §1.2, §4, §5), written from the
// spec independently of the app's engine so that tests of the app are not checked against itself.
import { constants, createHash, publicDecrypt } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import type { Era } from './eras';
import { LEVEL, type LogLine } from './server-log';

export interface Reason {
  behavior: string;
  reason: 'url' | 'period' | 'limit';
  modules?: string[];
  limit?: string;
}

export type V3 = {
  version: '3.0';
  information: Record<string, unknown> & { tags?: Array<{ name: string; color: string }>; trial?: boolean };
  validation: {
    serverUrls: Array<{ value: string; type: string }>;
    validPeriods: Array<{ validFrom?: string; validUntil?: string; invalidBehavior: string; modules?: Array<{ module: string }> }>;
  } & Record<string, unknown>;
  grantedModules: Array<{ module: string; external?: boolean }>;
  limits: Record<string, Array<{ max: number; behavior: string; modules?: Array<{ module: string }> }>>;
  [k: string]: unknown;
};

export interface DecodedServerLicense {
  format: 'v2' | 'v3';
  /** V3 form (V2 converted as the era's converter does). */
  v3: V3;
  /** The original V2 payload, for the old engine and licenses.get. */
  v2?: Record<string, unknown>;
}

const ENTERPRISE = [
  'auditing', 'canned-responses', 'ldap-enterprise', 'livechat-enterprise', 'voip-enterprise', 'omnichannel-mobile-enterprise',
  'engagement-dashboard', 'push-privacy', 'scalability', 'saml-enterprise', 'oauth-enterprise', 'device-management', 'federation',
  'videoconference-enterprise', 'message-read-receipt', 'outlook-calendar', 'teams-mention', 'hide-watermark', 'custom-roles',
  'accessibility-certification',
];
const enterpriseBundle = (era: Era) => (era.v2BundleUnlimitedPresence ? [...ENTERPRISE, 'unlimited-presence'] : ENTERPRISE);
/** What convertToV3.ts always grants a V2 license (when in 7.0–8.7 the two were added is not known). */
const v2AlwaysGranted = (era: Era) => (era.v2GrantsVoipAndContactId ? ['teams-voip', 'contact-id-verification', 'hide-watermark'] : ['hide-watermark']);
/** convertToV3.ts: a V2 license with no tag is named by its bundles ("enterprise:*" → "enterprise"), coloured by getTagColor.ts. */
const bundleTags = (modules: string[]) =>
  [...new Set(modules.map((m) => /^(.+):\*$/.exec(m)?.[1]).filter((b): b is string => Boolean(b)))].map((name) => ({
    name,
    color: ({ bronze: '#BD5A0B', silver: '#9EA2A8', gold: '#F3BE08' } as Record<string, string>)[name] ?? '#4411DD',
  }));

export function flattenV2Modules(modules: string[], era: Era): string[] {
  return [...new Set(modules.flatMap((m) => (m === '*' || m === 'enterprise:*' ? enterpriseBundle(era) : m.endsWith(':*') ? [] : [m])))];
}

// ee/packages/license/src/v2/convertToV3.ts (every release from 6.5.0 on): the URL becomes a
// `regex` rule, dates become full ISO instants, and the era's always-granted modules are added.
function convertV2(v2: Record<string, unknown>, era: Era): V3 {
  const limits: V3['limits'] = {};
  const apps = (v2.apps ?? {}) as Record<string, number>;
  const lim = (kind: string, max: unknown) => {
    if (typeof max === 'number' && max !== 0) limits[kind] = [{ max, behavior: 'prevent_action' }];
  };
  lim('activeUsers', v2.maxActiveUsers);
  lim('guestUsers', v2.maxGuestUsers);
  lim('roomsPerGuest', v2.maxRoomsPerGuest);
  lim('privateApps', apps.maxPrivateApps);
  lim('marketplaceApps', apps.maxMarketplaceApps);
  const modules = flattenV2Modules([...v2AlwaysGranted(era), ...((v2.modules as string[]) ?? [])], era);
  const meta = v2.meta as { trial?: boolean; trialEnd?: string } | undefined;
  const iso = (date: unknown) => new Date(Date.parse(String(date))).toISOString();
  return {
    version: '3.0',
    information: {
      autoRenew: false,
      ...(meta?.trialEnd || v2.expiry ? { visualExpiration: iso(meta?.trialEnd || v2.expiry) } : {}),
      trial: Boolean(meta?.trial),
      offline: false,
      createdAt: new Date().toISOString(),
      grantedBy: { method: 'manual', seller: 'V2' },
      tags: v2.tag ? [v2.tag as { name: string; color: string }] : bundleTags((v2.modules as string[]) ?? []),
    },
    validation: {
      serverUrls: [{ value: String(v2.url), type: 'regex' }],
      validPeriods: [{ validUntil: iso(v2.expiry), invalidBehavior: 'invalidate_license' }],
      statisticsReport: { required: true },
    },
    grantedModules: [...new Set(modules)].map((module) => ({ module })),
    limits,
    cloudMeta: v2.meta as Record<string, unknown>,
  };
}

/** Decode as the era's server would; throws with the message the server would put in `error`. */
export async function serverDecode(license: string, keys: string[], era: Era, now: Date): Promise<DecodedServerLicense> {
  if (era.newEngine) {
    if (String(license).trim() === '') throw new Error('Empty license');
    if (license.startsWith('RCV3_')) {
      for (const pem of keys) {
        try {
          // jose's defaults: exp/nbf enforced with no tolerance (packages/jwt verify()).
          const { payload } = await jwtVerify(license.slice(5), await importSPKI(pem, 'RS256'), { currentDate: now });
          return { format: 'v3', v3: payload as unknown as V3 };
        } catch {
          continue;
        }
      }
      throw new Error('Invalid license');
    }
  } else if (String(license).trim() === '') {
    throw new Error('Invalid license');
  }
  const block = Buffer.from(license, 'base64');
  let lastError: Error = new Error('Invalid license');
  for (const pem of keys) {
    try {
      const v2 = JSON.parse(publicDecrypt({ key: pem, padding: constants.RSA_PKCS1_PADDING }, block).toString('utf8'));
      return { format: 'v2', v2, v3: convertV2(v2, era) };
    } catch (e) {
      lastError = e as Error;
    }
  }
  // Before 6.5 decrypt() had no try/catch: OpenSSL's own words reach the client (spec §1.4).
  throw era.newEngine ? new Error('Invalid license') : new Error(lastError.message);
}

export function normalizeSiteUrl(siteUrl: string): string {
  return siteUrl.replace(/\/$/, '').replace(/^https?:\/\/(.*)$/, '$1');
}

function urlMatches(rule: { value: string; type: string }, workspaceUrl: string): boolean {
  if (rule.type === 'hash') return createHash('sha256').update(workspaceUrl).digest('hex') === rule.value;
  if (rule.type === 'regex') {
    try {
      return new RegExp(`^${rule.value.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`, 'i').test(workspaceUrl);
    } catch {
      return false;
    }
  }
  return rule.value.toLowerCase() === workspaceUrl.toLowerCase();
}

export interface ValidationContext {
  workspaceUrl: string;
  now: Date;
  usage: Record<string, number>;
  log: (line: LogLine) => void;
}

const mods = (m?: Array<{ module: string }>) => (m ?? []).map((x) => x.module);

/** runValidation: URL (every entry), periods (server clock), limits (value > max). */
export function runValidation(v3: V3, ctx: ValidationContext): Reason[] {
  const reasons: Reason[] = [];
  for (const rule of v3.validation.serverUrls ?? []) {
    if (!urlMatches(rule, ctx.workspaceUrl)) {
      ctx.log({ level: LEVEL.error, msg: 'Url validation failed', fields: { url: rule, workspaceUrl: ctx.workspaceUrl } });
      reasons.push({ behavior: 'invalidate_license', reason: 'url' });
    }
  }
  for (const p of v3.validation.validPeriods ?? []) {
    const t = ctx.now.getTime();
    if ((p.validFrom && t < Date.parse(p.validFrom)) || (p.validUntil && t > Date.parse(p.validUntil))) {
      ctx.log({ level: LEVEL.error, msg: 'Period validation failed', fields: { period: p } });
      reasons.push({ behavior: p.invalidBehavior, reason: 'period', ...(p.modules ? { modules: mods(p.modules) } : {}) });
    }
  }
  for (const [kind, limits] of Object.entries(v3.limits ?? {})) {
    for (const l of limits) {
      if (l.max < 0 || !['invalidate_license', 'prevent_installation', 'start_fair_policy', 'disable_modules'].includes(l.behavior)) continue;
      const value = ctx.usage[kind] ?? 0;
      if (value > l.max) {
        // logKind.ts: the behaviours that refuse the license are errors, the others info.
        const level = l.behavior === 'invalidate_license' || l.behavior === 'prevent_installation' ? LEVEL.error : LEVEL.info;
        ctx.log({ level, msg: 'Limit validation failed', fields: { kind, limit: l } });
        reasons.push({ behavior: l.behavior, reason: 'limit', limit: kind, ...(l.modules ? { modules: mods(l.modules) } : {}) });
      }
    }
  }
  return reasons;
}

export function blocks(reasons: Reason[]): boolean {
  return reasons.some((r) => r.behavior === 'invalidate_license' || r.behavior === 'prevent_installation');
}

export function activeModules(v3: V3, reasons: Reason[]): string[] {
  const disabled = new Set(reasons.filter((r) => r.behavior === 'disable_modules').flatMap((r) => r.modules ?? []));
  return v3.grantedModules.map((m) => m.module).filter((m) => !disabled.has(m));
}

/** The pre-6.5 V2 engine: regex URL, expiry by date, and on 3.10–3.18 the seat count; it logs
 * (from 3.13), never refuses (spec §1.4, §5.10; ee/app/license/server/license.ts, tags 3.10.0–4.0.0). */
export function validateV2Old(v2: Record<string, unknown>, siteUrl: string, now: Date, era: Era, activeUsers: number, log: (l: LogLine) => void): boolean {
  // Errors go to stderr (console.error): never in stdout.queue (spec §5.12).
  const say = (text: string) => era.logsLicenseErrors && log({ stream: 'stderr', text });
  if (!urlMatches({ value: String(v2.url), type: 'regex' }, normalizeSiteUrl(siteUrl))) {
    say(`#### License error: invalid url, licensed to ${v2.url}, used on ${normalizeSiteUrl(siteUrl)}`);
    return false;
  }
  if (now > new Date(String(v2.expiry))) {
    say(`#### License error: expired, valid until ${v2.expiry}`);
    return false;
  }
  if (era.invalidatesOnSeats && typeof v2.maxActiveUsers === 'number' && v2.maxActiveUsers > 0 && activeUsers > v2.maxActiveUsers) {
    say(`#### License error: over seats, max allowed ${v2.maxActiveUsers}, current active users ${activeUsers}`);
    return false;
  }
  if (era.logsLicenseErrors) log({ stream: 'stdout', text: `#### License validated: ${flattenV2Modules((v2.modules as string[]) ?? [], era).join(', ')}` });
  return true;
}
