// The Rocket.Chat REST API as the installer needs it, for servers 3.10 → 8.8+. Every era's answer
// shape is parsed here (spec §1–§3 and its test vectors), and every failure is mapped to a code
// here, once.
import { AppFailure } from '../errors';
import { normalizeWorkspaceUrl, workspaceUrlHash } from '../license/license-checks';
import type { ServerCapabilities, WorkspaceInfo } from './types';
import type { SignedInUser } from '../workspaces/types';
import type { HttpResponse, Transport } from './http';
import { isUnencrypted } from './addresses';
import { apiFailure, isMissingEndpoint, licenseRejection, notRocketChat } from './api-failures';
import { readLicenseState, type LicenseStateWithUsage } from './license-state';
import { obj, str, type Obj } from './json';
import { parseVersion, capabilitiesOf } from './versions';

export type { LicenseStateWithUsage, Obj };

export interface Credentials {
  userId: string;
  authToken: string;
}


export interface ServerValidation {
  valid: boolean;
  reasons: Array<{ behavior: string; reason: string; limit?: string; modules?: string[] }>;
  /** The server could not say (e.g. not ready for validation). */
  note?: string;
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

  /** One request with this client's sign-in; the answer as it came (for readers that map it themselves). */
  async call(method: 'GET' | 'POST', path: string, _route: string, options: { body?: unknown; query?: Record<string, string>; auth?: boolean; signal?: AbortSignal } = {}): Promise<HttpResponse> {
    return this.transport.request(method, path, {
      body: options.body,
      query: options.query,
      signal: options.signal,
      headers: options.auth === false ? {} : this.authHeaders(),
    });
  }

  /** One request whose answer must be a 2xx JSON object; anything else is its error code. */
  async ok(method: 'GET' | 'POST', path: string, route: string, options: { body?: unknown; query?: Record<string, string>; auth?: boolean } = {}): Promise<Obj> {
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
    return withSite(info, await this.siteUrl().catch(() => null));
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

  /** Enterprise_License_Status, 'Valid' or 'Invalid' (admins); null when it cannot be read. Only
   * 6.5+ keeps it true to what is active (spec §1.2, §1.4). */
  async licenseStatus(): Promise<'Valid' | 'Invalid' | null> {
    const res = await this.call('GET', '/api/v1/settings/Enterprise_License_Status', 'settings').catch(() => null);
    const value = res?.status === 200 ? obj(res.json).value : null;
    return value === 'Valid' || value === 'Invalid' ? value : null;
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

  /** The active license as the server sees it, with current usage, by era (spec §2). */
  licenseState(caps: ServerCapabilities): Promise<LicenseStateWithUsage> {
    return readLicenseState(this, caps);
  }

  async add(license: string, signal?: AbortSignal): Promise<void> {
    const res = await this.call('POST', '/api/v1/licenses.add', 'licenses.add', { body: { license }, signal });
    if (res.status === 200 && res.json !== undefined) return;
    if (res.status === 400 && res.json !== undefined) throw licenseRejection(res);
    if (isMissingEndpoint(res)) throw new AppFailure('SERVER_TOO_OLD', 'This server has no licenses.add endpoint (it was added in 3.10).');
    throw apiFailure(res, 'licenses.add');
  }
}

/** `info` with the workspace URL of a Site_Url setting read (an empty or unread one changes nothing). */
export function withSite(info: WorkspaceInfo, site: string | null): WorkspaceInfo {
  if (!site || info.workspaceUrlSource === 'server') return info;
  const workspaceUrl = normalizeWorkspaceUrl(site);
  return { ...info, workspaceUrl, workspaceUrlSource: 'server', workspaceUrlHash: workspaceUrlHash(workspaceUrl) };
}

function toUser(me: Obj, userId: string): SignedInUser {
  const roles = Array.isArray(me.roles) ? me.roles.map(String) : [];
  return { userId, username: str(me.username) ?? userId, name: str(me.name), roles, isAdmin: roles.includes('admin') };
}
