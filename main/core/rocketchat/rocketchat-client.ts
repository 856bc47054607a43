// The Rocket.Chat REST API as the installer needs it, for servers 3.10 → 8.8+. Every era's answer
// shape is parsed here (spec §1–§3 and its test vectors), and every failure is mapped to a code
// here, once.
import { AppFailure } from '../errors';
import { normalizeWorkspaceUrl, workspaceUrlHash } from '../license/license-checks';
import type { ActiveLicenseState, LimitKind, ServerCapabilities, SignedInUser, WorkspaceInfo } from '../types';
import { isUnencrypted, type HttpResponse, type Transport } from './http';

export interface Credentials {
  userId: string;
  authToken: string;
}

export type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const MIN_VERSION = { major: 3, minor: 10 };

export function parseVersion(raw: string): { major: number; minor: number } | null {
  const m = /^(\d+)\.(\d+)/.exec(raw);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

export function capabilitiesOf(major: number, minor: number): ServerCapabilities {
  const at = (a: number, b: number) => major > a || (major === a && minor >= b);
  return {
    licensesInfo: at(6, 5),
    hasValidLicense: at(8, 3),
    validate: at(8, 7),
    legacy: !at(7, 0),
    isEnterprise: at(5, 0) && !at(7, 0),
    v3Licenses: at(6, 5),
    seatsCheckedOnApply: !at(4, 0),
    maxActiveUsers: at(4, 0),
    workspaceUrl: at(8, 6),
  };
}

/** The wait a 429 asks for, from its message or its X-RateLimit-Reset header. */
export function waitSeconds(res: HttpResponse): number | null {
  const fromText = /wait (\d+) seconds/.exec(String(obj(res.json).error ?? ''));
  if (fromText) return Number(fromText[1]);
  const reset = Number(res.headers['x-ratelimit-reset']);
  if (reset > 0) return Math.max(1, Math.ceil((reset - (res.serverDate?.getTime() ?? Date.now())) / 1000));
  return null;
}

function titleOf(html: string): string | null {
  return /<title>([^<]{1,120})<\/title>/i.exec(html)?.[1]?.trim() ?? /<h1>([^<]{1,120})<\/h1>/i.exec(html)?.[1]?.trim() ?? null;
}

/** An answer that is not JSON from Rocket.Chat: a proxy's error page, a login portal, another app. */
function notRocketChat(res: HttpResponse): AppFailure {
  const type = res.headers['content-type'] ?? 'no content type';
  const title = /html/i.test(type) ? titleOf(res.text) : null;
  const server = res.headers.server ? ` from ${res.headers.server}` : '';
  if (res.status >= 500 && res.status < 600) {
    return new AppFailure(
      'NOT_ROCKETCHAT',
      `The address answered ${res.status}${title ? ` “${title}”` : ''} with a web page${server}: a reverse proxy is in front, and Rocket.Chat behind it is not answering.`,
      { status: res.status },
    );
  }
  if (res.json === undefined && res.text && /json/i.test(type)) {
    return new AppFailure('SERVER_ERROR', `The server's answer (${res.status}) is not readable JSON.`, { status: res.status });
  }
  return new AppFailure('NOT_ROCKETCHAT', `The address answered ${res.status}${title ? ` “${title}”` : ''} (${type}${server}), not Rocket.Chat's API.`, {
    status: res.status,
  });
}

/** The server's own error words, for the detail line. */
function serverWords(res: HttpResponse): string {
  const j = obj(res.json);
  return String(j.error ?? j.message ?? res.text.slice(0, 200));
}

/** Is this the answer to a route the server does not have? Unknown routes are never JSON (spec
 * §5.11): ≤6.x has no API catch-all, so a GET falls through to the web app's HTML page (200) and
 * another method gets Meteor webapp's empty 405; the 7.0+ router answers a plain-text 404. */
export function isMissingEndpoint(res: HttpResponse): boolean {
  if (res.status === 404 || res.status === 405) return true;
  return res.status === 200 && res.json === undefined && /html/i.test(res.headers['content-type'] ?? '');
}

/** Maps a non-2xx answer (or a 2xx that is not JSON) to one error code. */
export function apiFailure(res: HttpResponse, route: string): AppFailure {
  if (isMissingEndpoint(res)) return new AppFailure('SERVER_ERROR', `This server has no ${route} endpoint.`, { status: res.status });
  if (res.json === undefined) return notRocketChat(res);
  const j = obj(res.json);
  switch (res.status) {
    case 401: {
      if (route === 'login') {
        const error = j.error;
        const details = obj(j.details);
        if (error === 'totp-required') {
          return new AppFailure('AUTH_2FA_REQUIRED', details.method === 'email' ? 'A code was e-mailed to the account’s address.' : 'Enter the code from the authenticator app.', {
            method: str(details.method) ?? 'totp',
          });
        }
        if (error === 'totp-invalid') return new AppFailure('AUTH_2FA_INVALID', undefined, { method: str(details.method) ?? 'totp' });
        if (typeof error === 'string' && error.startsWith('error-login-blocked')) {
          return new AppFailure('AUTH_BLOCKED', error === 'error-login-blocked-for-ip' ? 'Sign-in from this laptop’s address is blocked for now.' : 'This account is blocked for now.');
        }
        return new AppFailure('AUTH_INVALID', String(j.message ?? 'Unauthorized'));
      }
      return new AppFailure('AUTH_REQUIRED', String(j.message ?? j.error ?? 'You must be logged in to do this.'));
    }
    case 403:
      return new AppFailure('FORBIDDEN', `The server says: ${serverWords(res)}`);
    case 429: {
      const wait = waitSeconds(res);
      return new AppFailure('RATE_LIMITED', wait ? `Try again in ${wait} seconds.` : serverWords(res), { waitSeconds: wait });
    }
  }
  if (res.status >= 500) return new AppFailure('SERVER_ERROR', `The server answered ${res.status}: ${serverWords(res)}`, { status: res.status });
  return new AppFailure('SERVER_ERROR', `The server answered ${res.status}: ${serverWords(res)}`, { status: res.status });
}

/** Turns licenses.add's 400 words into a license code (spec §6). */
function licenseRejection(res: HttpResponse): AppFailure {
  const words = serverWords(res);
  if (/^Empty license$/.test(words)) return new AppFailure('LICENSE_EMPTY', 'The server says: Empty license');
  if (/^Invalid license$|rsa routines|padding|mod len|block type/i.test(words)) {
    return new AppFailure('LICENSE_SIGNATURE', `The server says: ${words}. It does not accept this license's signature.`);
  }
  return new AppFailure('SERVER_ERROR', `The server refused the request: ${words}`, { status: res.status });
}

export interface ServerValidation {
  valid: boolean;
  reasons: Array<{ behavior: string; reason: string; limit?: string; modules?: string[] }>;
  /** The server could not say (e.g. not ready for validation). */
  note?: string;
}

export interface LicenseStateWithUsage {
  state: ActiveLicenseState;
  usage: Partial<Record<LimitKind, number>> | null;
  /** The server's view of the active license payload (V3 form), when it shows it. */
  payload: Obj | null;
  /** V2 licenses as listed by licenses.get (< 7.0). */
  legacy: Obj[] | null;
}

export class RocketChatClient {
  constructor(
    readonly transport: Transport,
    private credentials: Credentials | null = null,
  ) {}

  setCredentials(credentials: Credentials | null): void {
    this.credentials = credentials;
  }

  private authHeaders(): Record<string, string> {
    return this.credentials ? { 'x-user-id': this.credentials.userId, 'x-auth-token': this.credentials.authToken } : {};
  }

  private async call(method: 'GET' | 'POST', path: string, route: string, options: { body?: unknown; query?: Record<string, string>; auth?: boolean } = {}) {
    const res = await this.transport.request(method, path, {
      body: options.body,
      query: options.query,
      headers: options.auth === false ? {} : this.authHeaders(),
    });
    return res;
  }

  private async ok(method: 'GET' | 'POST', path: string, route: string, options: { body?: unknown; query?: Record<string, string>; auth?: boolean } = {}): Promise<Obj> {
    const res = await this.call(method, path, route, options);
    if (res.status < 200 || res.status >= 300 || res.json === undefined) throw apiFailure(res, route);
    return obj(res.json);
  }

  async info(): Promise<WorkspaceInfo> {
    const localBefore = Date.now();
    const res = await this.call('GET', '/api/info', 'info', { auth: Boolean(this.credentials) });
    if (res.status !== 200 || res.json === undefined) {
      if (res.status === 401 || res.status === 403) throw apiFailure(res, 'info');
      throw res.json === undefined ? notRocketChat(res) : new AppFailure('NOT_ROCKETCHAT', `/api/info answered ${res.status}.`);
    }
    const j = obj(res.json);
    const version = str(j.version) ?? str(obj(j.info).version);
    const parsed = version ? parseVersion(version) : null;
    if (!version || !parsed || (j.success !== true && j.success !== undefined)) {
      throw new AppFailure('NOT_ROCKETCHAT', 'The address answers JSON, but not with Rocket.Chat’s server information.');
    }
    const fromServer = str(j.workspaceUrl);
    const guess = normalizeWorkspaceUrl(this.transport.baseUrl);
    const workspaceUrl = fromServer ?? guess;
    // The Date header is stamped when the answer is made: compare it with the request's midpoint.
    const localMid = new Date((localBefore + res.receivedAt.getTime()) / 2);
    return {
      baseUrl: this.transport.baseUrl,
      version,
      major: parsed.major,
      minor: parsed.minor,
      workspaceUrl,
      workspaceUrlSource: fromServer ? 'server' : 'guess',
      workspaceUrlHash: str(j.hashedWorkspaceUrl) ?? workspaceUrlHash(workspaceUrl),
      serverTime: res.serverDate?.toISOString() ?? null,
      localTime: localMid.toISOString(),
      unencrypted: isUnencrypted(this.transport.baseUrl),
      capabilities: capabilitiesOf(parsed.major, parsed.minor),
    };
  }

  /** Password login; `code` is a TOTP or e-mailed code, sent only once the server asked for it. */
  async login(user: string, password: string, code?: string): Promise<{ credentials: Credentials; user: SignedInUser }> {
    const body: Obj = { user, password };
    if (code) body.code = code.trim();
    const res = await this.call('POST', '/api/v1/login', 'login', { body, auth: false });
    if (res.status !== 200 || res.json === undefined) throw apiFailure(res, 'login');
    // ≤6.x has no `success`; parse data.userId/authToken only (spec §3.1).
    const data = obj(obj(res.json).data);
    const userId = str(data.userId);
    const authToken = str(data.authToken);
    if (!userId || !authToken) throw new AppFailure('NOT_ROCKETCHAT', 'The login answer has no user id or token.');
    return { credentials: { userId, authToken }, user: toUser(obj(data.me), userId) };
  }

  async me(): Promise<SignedInUser> {
    const j = await this.ok('GET', '/api/v1/me', 'me');
    return toUser(j, str(j._id) ?? this.credentials?.userId ?? '');
  }

  /** The Site_Url setting (needs view-privileged-setting): the workspace URL on servers whose
   * /api/info does not report it (before 8.6). null when this account may not read it. */
  async siteUrl(): Promise<string | null> {
    const res = await this.call('GET', '/api/v1/settings/Site_Url', 'settings');
    if (res.status === 200 && typeof obj(res.json).value === 'string') return obj(res.json).value as string;
    if ([400, 401, 403, 404].includes(res.status) && res.json !== undefined) return null;
    throw apiFailure(res, 'settings');
  }

  /** `info` with the Site URL read from the setting when /api/info only allowed a guess (< 8.6). */
  async withSiteUrl(info: WorkspaceInfo): Promise<WorkspaceInfo> {
    if (info.workspaceUrlSource === 'server') return info;
    const site = await this.siteUrl().catch(() => null);
    if (!site) return info;
    const workspaceUrl = normalizeWorkspaceUrl(site);
    return { ...info, workspaceUrl, workspaceUrlSource: 'server', workspaceUrlHash: workspaceUrlHash(workspaceUrl) };
  }

  /** Any 2xx is a logout: 7.4+ answers 200 with an empty body (spec §3.4, Rocket.Chat issue #35922). */
  async logout(): Promise<void> {
    const res = await this.call('POST', '/api/v1/logout', 'logout');
    if (res.status < 200 || res.status >= 300) throw apiFailure(res, 'logout');
  }

  /** The raw license in the Enterprise_License setting, exactly as stored (spec §5.11). GET
   * settings/:_id needs view-privileged-setting and answers `_.pick(setting, '_id', 'value')`
   * (apps/meteor/app/api/server/v1/settings.js at 3.10.0; same shape through 8.x). '' means no
   * license was ever stored. Not readable (no permission, an error) is a value, not a throw: it
   * decides what can be kept and said, never whether an install may go ahead. */
  async storedLicense(): Promise<{ readable: true; value: string } | { readable: false; reason: string }> {
    let res: HttpResponse;
    try {
      res = await this.call('GET', '/api/v1/settings/Enterprise_License', 'settings');
    } catch (e) {
      if (e instanceof AppFailure) return { readable: false, reason: e.message };
      throw e;
    }
    const j = obj(res.json);
    if (res.status === 200 && typeof j.value === 'string') return { readable: true, value: j.value };
    if (res.status === 401) throw apiFailure(res, 'settings');
    if (res.status === 403) return { readable: false, reason: 'this account may not read the server’s privileged settings (view-privileged-setting)' };
    if (res.status === 200 && j.success === true) return { readable: false, reason: 'the server has no Enterprise_License setting' };
    return { readable: false, reason: apiFailure(res, 'settings').message };
  }

  /** licenses.validate (8.7+): the server's own verdict without applying anything. */
  async validate(license: string): Promise<ServerValidation | null> {
    const res = await this.call('POST', '/api/v1/licenses.validate', 'licenses.validate', { body: { license } });
    if (isMissingEndpoint(res)) return null;
    if (res.status === 200 && res.json !== undefined) return { valid: true, reasons: [] };
    const j = obj(res.json);
    if (res.status === 400 && j.error === 'license-invalid') {
      const reasons = Array.isArray(j.reasons) ? j.reasons.map((r) => obj(r)) : [];
      return {
        valid: false,
        reasons: reasons.map((r) => ({
          behavior: String(r.behavior ?? ''),
          reason: String(r.reason ?? ''),
          ...(typeof r.limit === 'string' ? { limit: r.limit } : {}),
          ...(Array.isArray(r.modules) ? { modules: r.modules.map(String) } : {}),
        })),
      };
    }
    if (res.status === 400 && j.error === 'Not ready for validation') {
      return { valid: true, reasons: [], note: 'The server is not ready to validate licenses (its Site URL is not known yet).' };
    }
    throw apiFailure(res, 'licenses.validate');
  }

  async add(license: string): Promise<void> {
    const res = await this.call('POST', '/api/v1/licenses.add', 'licenses.add', { body: { license } });
    if (res.status === 200 && res.json !== undefined) return;
    if (res.status === 400 && res.json !== undefined) throw licenseRejection(res);
    if (isMissingEndpoint(res)) throw new AppFailure('SERVER_TOO_OLD', 'This server has no licenses.add endpoint (it was added in 3.10).');
    throw apiFailure(res, 'licenses.add');
  }

  /** The active license as the server sees it, with current usage, by era (spec §2). */
  async licenseState(caps: ServerCapabilities): Promise<LicenseStateWithUsage> {
    if (caps.licensesInfo) {
      const j = await this.ok('GET', '/api/v1/licenses.info', 'licenses.info', { query: { loadValues: 'true' } });
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
      const m = await this.ok('GET', '/api/v1/licenses.maxActiveUsers', 'licenses.maxActiveUsers');
      if (typeof m.activeUsers === 'number') usage = { activeUsers: m.activeUsers };
      seats = typeof m.maxActiveUsers === 'number' ? m.maxActiveUsers : null;
    }
    // Before 7.0: licenses.get lists only valid licenses; Enterprise_License_Status is not to be
    // trusted there (spec §1.4).
    const res = await this.call('GET', '/api/v1/licenses.get', 'licenses.get');
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
    const e = caps.isEnterprise ? await this.ok('GET', '/api/v1/licenses.isEnterprise', 'licenses.isEnterprise') : {};
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
}

function toUser(me: Obj, userId: string): SignedInUser {
  const roles = Array.isArray(me.roles) ? me.roles.map(String) : [];
  return { userId, username: str(me.username) ?? userId, name: str(me.name), roles, isAdmin: roles.includes('admin') };
}
