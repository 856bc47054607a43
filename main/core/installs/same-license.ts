// Is the license the server runs the one we sent? Compared by content, as each era shows it.
import type { LoadedLicense } from '../license/license-store';
import type { LicenseStateWithUsage, Obj } from '../rocketchat/rocketchat-client';

function stripClaims(p: Obj): Obj {
  const { exp: _e, nbf: _n, iat: _i, ...rest } = p;
  return rest;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Obj)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The same instant, whatever the spelling: "2031-01-01" and "2031-01-01T00:00:00.000Z" are equal. */
export function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const [x, y] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(x) && x === y;
}

/** Is the server's active license the one we sent? true / false / null when it cannot tell. */
export function isSameLicense(license: LoadedLicense, server: LicenseStateWithUsage): boolean | null {
  const p = license.payload;
  if (server.payload) {
    if (license.summary.format === 'v3') return stable(stripClaims(server.payload)) === stable(stripClaims(p));
    // 6.5+ shows a V2 license converted (ee/packages/license/src/v2/convertToV3.ts, every release
    // from 6.5.0): the URL survives as is, the expiry as a full ISO instant (spec §5.3).
    const v = server.payload.validation as { serverUrls?: Array<{ value: string }>; validPeriods?: Array<{ validUntil?: string }> } | undefined;
    return v?.serverUrls?.[0]?.value === p.url && sameInstant(v?.validPeriods?.[0]?.validUntil, p.expiry);
  }
  if (server.legacy) {
    return server.legacy.some((l) =>
      license.summary.format === 'v2' ? l.url === p.url && l.expiry === p.expiry && l.maxActiveUsers === p.maxActiveUsers : stable(stripClaims(l)) === stable(stripClaims(p)),
    );
  }
  return null;
}
