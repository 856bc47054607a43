// The license a server runs, and its usage, read the way each era allows (spec §2): licenses.info
// (6.5+), else licenses.get with licenses.maxActiveUsers (< 7.0), else licenses.isEnterprise.
import type { LimitKind } from '../license/types';
import { apiFailure, isMissingEndpoint } from './api-failures';
import { obj, str, type Obj } from './json';
import type { RocketChatClient } from './rocketchat-client';
import type { ActiveLicenseState, ServerCapabilities } from './types';

export interface LicenseStateWithUsage {
  state: ActiveLicenseState;
  usage: Partial<Record<LimitKind, number>> | null;
  /** The server's view of the active license payload (V3 form), when it shows it. */
  payload: Obj | null;
  /** V2 licenses as listed by licenses.get (< 7.0). */
  legacy: Obj[] | null;
}

/** The active license as the server sees it, with current usage, by era (spec §2). */
export async function readLicenseState(api: Pick<RocketChatClient, 'call' | 'ok'>, caps: ServerCapabilities): Promise<LicenseStateWithUsage> {
  if (caps.licensesInfo) {
    const j = await api.ok('GET', '/api/v1/licenses.info', 'licenses.info', { query: { loadValues: 'true' } });
    const info = obj(j.license);
    const payload = info.license ? obj(info.license) : null;
    const limits = obj(info.limits);
    const usage: Partial<Record<LimitKind, number>> = {};
    for (const [kind, v] of Object.entries(limits)) {
      const value = obj(v).value;
      if (typeof value === 'number') usage[kind as LimitKind] = value;
    }
    const modules = Array.isArray(info.activeModules) ? info.activeModules.map(String) : [];
    const valid = typeof info.hasValidLicense === 'boolean' ? info.hasValidLicense : payload !== null || modules.length > 0;
    const seatsMax = obj(limits.activeUsers).max;
    const periods = Array.isArray(obj(payload?.validation).validPeriods) ? (obj(payload?.validation).validPeriods as unknown[]) : [];
    const until = periods
      .map((p) => str(obj(p).validUntil))
      .filter((x): x is string => Boolean(x))
      .sort()[0];
    return {
      state: {
        known: true,
        valid,
        id: str(obj(payload?.information).id),
        modules,
        tags: Array.isArray(info.tags) ? info.tags.map((t) => String(obj(t).name)) : [],
        seats: typeof seatsMax === 'number' && seatsMax >= 0 && valid ? seatsMax : null,
        seatsInUse: usage.activeUsers ?? null,
        validUntil: until ?? null,
        trial: info.trial === true,
        source: 'licenses.info',
      },
      usage: Object.keys(usage).length ? usage : null,
      payload,
      legacy: null,
    };
  }
  let usage: Partial<Record<LimitKind, number>> | null = null;
  let seats: number | null = null;
  if (caps.maxActiveUsers) {
    const m = await api.ok('GET', '/api/v1/licenses.maxActiveUsers', 'licenses.maxActiveUsers');
    if (typeof m.activeUsers === 'number') usage = { activeUsers: m.activeUsers };
    seats = typeof m.maxActiveUsers === 'number' ? m.maxActiveUsers : null;
  }
  // Before 7.0: licenses.get lists only valid licenses; Enterprise_License_Status is not to be
  // trusted there (spec §1.4).
  const res = await api.call('GET', '/api/v1/licenses.get', 'licenses.get');
  if (res.status === 200 && res.json !== undefined) {
    const list = (Array.isArray(obj(res.json).licenses) ? (obj(res.json).licenses as unknown[]) : []).map((l) => obj(l));
    // 6.5–6.x wraps each as {license, modules}; older lists the V2 payloads themselves.
    const first = list[0] ? (obj(list[0].license).url || obj(list[0].license).version ? obj(list[0].license) : list[0]) : null;
    return {
      state: {
        known: true,
        valid: list.length > 0,
        id: str(obj(first?.information).id),
        modules: list.flatMap((l) => (Array.isArray(l.modules) ? l.modules.map(String) : [])),
        tags: [],
        seats: list.length ? seats : null,
        seatsInUse: usage?.activeUsers ?? null,
        validUntil: str(first?.expiry) ?? null,
        trial: false,
        source: 'licenses.get',
      },
      usage,
      payload: null,
      legacy: list.map((l) => (obj(l.license).url ? obj(l.license) : l)),
    };
  }
  if (res.status !== 403 && !isMissingEndpoint(res)) throw apiFailure(res, 'licenses.get');
  // licenses.get needs view-privileged-setting; isEnterprise (any user) exists only in 5.0 – 6.x.
  const e = caps.isEnterprise ? await api.ok('GET', '/api/v1/licenses.isEnterprise', 'licenses.isEnterprise') : {};
  const known = typeof e.isEnterprise === 'boolean';
  return {
    state: {
      known,
      valid: known ? (e.isEnterprise as boolean) : null,
      id: null,
      modules: [],
      tags: [],
      seats,
      seatsInUse: usage?.activeUsers ?? null,
      validUntil: null,
      trial: false,
      source: known ? 'licenses.isEnterprise' : 'none',
    },
    usage,
    payload: null,
    legacy: null,
  };
}
