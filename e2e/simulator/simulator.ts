// A stand-in Rocket.Chat server on loopback, faithful to ../shared/spec/rocketchat-api.md era by
// era: status codes and JSON bodies of its test vectors, 2FA, rate limits, TLS, a clock of its
// own, and the background license apply that follows licenses.add.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createHash, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { TOTP, Secret } from 'otpauth';
import { eraOf, type Era } from './eras';
import { selfSignedCert, type ServerCert } from './certs';
import { activeModules, blocks, normalizeSiteUrl, runValidation, serverDecode, validateV2Old, type DecodedServerLicense, type Reason } from './server-license';
import { sharedTestKeyPair } from './license-factory';
import { LEVEL, StdoutQueue, humanLine, type LogLine, type QueueEntry } from './server-log';

export interface SimUser {
  _id: string;
  username: string;
  name: string;
  email: string;
  password: string;
  roles: string[];
  /** Base32 TOTP secret: the user has TOTP 2FA. */
  totpSecret?: string;
  /** E-mail 2FA (sends a code on the first code-less login). */
  email2fa?: boolean;
  /** Login blocked after failed attempts (L7). */
  blocked?: boolean;
}

export type Fault =
  | { kind: 'html502'; match?: string; times?: number }
  | { kind: 'delay'; ms: number; match?: string; times?: number }
  | { kind: 'drop'; match?: string; times?: number }
  | { kind: 'redirect'; location: string; match?: string; times?: number }
  | { kind: 'malformed'; match?: string; times?: number }
  | { kind: 'error500'; match?: string; times?: number }
  /** The request is carried out, then the answer is held back this long (a loaded database, a
   * buffering proxy): a client whose timeout is shorter gives up on a request that took effect. */
  | { kind: 'slowReply'; ms: number; match?: string; times?: number }
  /** Carried out, then the connection is reset before any answer. */
  | { kind: 'dropAfter'; match?: string; times?: number }
  /** Carried out, then a reverse proxy answers 502 (it timed out waiting for Rocket.Chat). */
  | { kind: 'html502After'; match?: string; times?: number };

export interface SimulatorOptions {
  version?: string;
  /** Site_Url. Default: the simulator's own URL; null: not set yet (a license is held as pending). */
  siteUrl?: string | null;
  users?: SimUser[];
  /** PEM public keys the server verifies licenses with. Default: the shared test key. */
  licenseKeys?: string[];
  clock?: { offsetMs: number };
  tls?: boolean | { cert: ServerCert };
  port?: number;
  validationDelayMs?: number;
  usage?: Record<string, number>;
  loginRateLimit?: number;
  routeRateLimit?: number;
  /** A sub-path deployment, e.g. '/chat'. */
  basePath?: string;
  /** A license already in the Enterprise_License setting at start. */
  initialLicense?: string;
  cloudWorkspaceId?: string;
  /** STDOUT_VIEWER_DISABLED: stdout.queue answers an empty queue (spec §5.12). */
  logViewerDisabled?: boolean;
  /** A reverse proxy on another host stamps the Date header with its own clock, this far from
   * Rocket.Chat's (which still writes its log lines with its own). */
  dateHeaderOffsetMs?: number;
  /** Several Rocket.Chat instances behind one address: requests go to each in turn; each applies
   * a new license after its own delay and has its own log queue (the setting is shared). */
  cluster?: { applyDelaysMs: number[] };
  /** 7.0+: how many days ago Rocket.Chat Cloud last answered the usage report with a stats token;
   * null (the default, as for an air-gapped workspace): never. Drives the read-only countdown. */
  statsTokenAgeDays?: number | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody: string;
}

interface Token {
  userId: string;
  type: 'login' | 'pat';
  name?: string;
}

export interface SimInstance {
  name: string;
  active: ActiveLicense | null;
  queue: StdoutQueue;
  /** How long after the setting changes this instance applies the license. */
  applyDelayMs: number;
}

interface ActiveLicense {
  text: string;
  decoded: DecodedServerLicense;
  modules: string[];
}

export interface SimulatorState {
  era: Era;
  siteUrl: string;
  /** The Enterprise_License setting, as written (untrimmed). */
  setting: string;
  /** Enterprise_License_Status: unreliable before 6.5, as on the real server. */
  status: 'Valid' | 'Invalid';
  /** The first instance's license in memory (all of them, when there is one instance). */
  active: ActiveLicense | null;
  usage: Record<string, number>;
  /** Everything the server logged, stdout and stderr, every level, as a person reads it. */
  log: string[];
  /** Each instance's license in memory and its stdout queue. */
  instances: SimInstance[];
  /** Cloud_Workspace_AirGapped_Restrictions_Remaining_Days (7.0+): -1 none, 0 read-only, 1–10 left. */
  restrictionDays: number;
  /** E-mail 2FA codes "sent", by username, with when they expire (3600 s, the server's default). */
  emailCodes: Map<string, { code: string; expires: Date }>;
  tokens: Map<string, Token>;
  users: SimUser[];
  licenseAdds: number;
}

export interface Simulator {
  url: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  state: SimulatorState;
  certificate: ServerCert | null;
  stop(): Promise<void>;
  setFault(fault: Fault | null): void;
  setCertificate(cert: ServerCert): void;
  setClockOffset(ms: number): void;
  now(): Date;
  totp(username: string): string;
  login(username: string): { userId: string; authToken: string };
  createPersonalAccessToken(username: string, name?: string): { userId: string; token: string };
  revokeTokens(username: string): void;
  /** Resolves when every scheduled background apply has run. */
  settled(): Promise<void>;
  /** Rocket.Chat restarting: the license in memory is dropped and the stored setting applied
   * again, as the server's start-up does (spec §1.2, §5.11). */
  restart(): Promise<void>;
}

export const DEFAULT_USERS: SimUser[] = [
  { _id: 'admin-id-0001', username: 'admin', name: 'Site Admin', email: 'admin@acme.example', password: 'admin-pass', roles: ['user', 'admin'] },
  { _id: 'user-id-0002', username: 'jo', name: 'Jo User', email: 'jo@acme.example', password: 'jo-pass', roles: ['user'] },
  {
    _id: 'totp-id-0003',
    username: 'tech',
    name: 'Field Technician',
    email: 'tech@acme.example',
    password: 'tech-pass',
    roles: ['user', 'admin'],
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  { _id: 'mail-id-0004', username: 'mailer', name: 'Mail 2FA Admin', email: 'mailer@acme.example', password: 'mailer-pass', roles: ['user', 'admin'], email2fa: true },
  { _id: 'block-id-0005', username: 'locked', name: 'Locked Out', email: 'locked@acme.example', password: 'locked-pass', roles: ['user', 'admin'], blocked: true },
];

const UNAUTH = 'You must be logged in to do this.';
const RESTRICTION_SETTING = 'Cloud_Workspace_AirGapped_Restrictions_Remaining_Days';
const NO_PERMISSION = 'User does not have the permissions required for this action [error-unauthorized]';
const HTML_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A body sent as it is (not JSON): the web app's HTML, a router's plain-text 404, an empty body. */
class RawBody {
  constructor(
    readonly text: string,
    readonly type: string | null,
  ) {}
}
const RAW = (text: string, type: string | null = null) => new RawBody(text, type);
const WEB_APP_HTML = '<!DOCTYPE html>\n<html>\n<head><title>Rocket.Chat</title></head>\n<body><noscript>You need to enable JavaScript to run this app.</noscript></body>\n</html>\n';

class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

function totpFor(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const era = eraOf(options.version ?? '8.8.0');
  const basePath = (options.basePath ?? '').replace(/\/$/, '');
  const keys = options.licenseKeys ?? [sharedTestKeyPair().publicKeyPem];
  let offsetMs = options.clock?.offsetMs ?? 0;
  const now = () => new Date(Date.now() + offsetMs);
  const delay = options.validationDelayMs ?? 50;
  const loginLimit = options.loginRateLimit ?? 10;
  const routeLimit = options.routeRateLimit ?? 10;
  let certificate: ServerCert | null = null;
  if (options.tls) certificate = typeof options.tls === 'object' ? options.tls.cert : await selfSignedCert();

  const instances: SimInstance[] = (options.cluster?.applyDelaysMs ?? [delay]).map((applyDelayMs, i) => ({
    name: `rocketchat-${i}`,
    active: null,
    queue: new StdoutQueue(`rocketchat-${i}`),
    applyDelayMs,
  }));
  let turn = 0;
  /** The instance that answers a request: one after the other in a cluster. */
  const answering = () => instances[turn++ % instances.length];
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const pending = new Set<Promise<void>>();
  const rate = new Map<string, { start: number; count: number }>();
  const state: SimulatorState = {
    era,
    siteUrl: options.siteUrl ?? '',
    restrictionDays: -1,
    setting: '',
    status: 'Invalid',
    get active() {
      return instances[0].active;
    },
    set active(a) {
      for (const i of instances) i.active = a;
    },
    instances,
    usage: { activeUsers: 12, guestUsers: 1, privateApps: 0, marketplaceApps: 2, monthlyActiveContacts: 0, ...options.usage },
    log: [],
    emailCodes: new Map(),
    tokens: new Map(),
    users: (options.users ?? DEFAULT_USERS).map((u) => ({ ...u })),
    licenseAdds: 0,
  };
  /** A line logged by one instance: every line to the console record, stdout lines to its queue. */
  const logOn = (inst: SimInstance) => (line: LogLine) => {
    state.log.push(humanLine(line));
    if (!options.logViewerDisabled) inst.queue.write(line, now());
  };
  // What a real queue holds before anything happens: start-up lines of other services.
  for (const inst of options.logViewerDisabled ? [] : instances) {
    inst.queue.raw('LocalStore: store created at \n', now());
    if (era.newEngine) inst.queue.raw(`${JSON.stringify({ level: LEVEL.startup, time: now().toISOString(), pid: 1, hostname: inst.name, name: 'Migrations', msg: 'Not migrating, already at version 304' })}\n`, now());
    else inst.queue.raw('\u001b[34mI20261127-10:00:00.000(0) server.js:204 Starting Rocket.Chat\u001b[39m\n', now());
  }

  // ---- bodies that differ by era ----------------------------------------------------------
  const unauthorized = () =>
    new Reply(401, era.restivus ? { status: 'error', message: UNAUTH } : { success: false, error: UNAUTH, status: 'error', message: UNAUTH });
  const loginFailure = (error: string | number, message: string, details?: unknown) =>
    new Reply(
      401,
      era.restivus
        ? { status: 'error', error, ...(details ? { details } : {}), message }
        : { success: false, error, status: 'error', ...(details ? { details } : {}), message },
    );
  const failure = (error: string, extra: Record<string, unknown> = {}) => new Reply(400, { success: false, error, ...extra });
  const paramsError = (message: string) =>
    era.name === 'E'
      ? new Reply(400, { success: false, errorType: 'error-invalid-params', error: message })
      : new Reply(400, { success: false, error: `${message} [invalid-params]`, errorType: 'invalid-params' });
  const ok = (body: Record<string, unknown> = {}) => new Reply(200, { ...body, success: true });
  // Unknown routes are never JSON (spec §5.11): ≤6.x has no API catch-all, so a GET falls through
  // to the web app's page and other methods get Meteor webapp's empty 405 (UNCONFIRMED for POST);
  // the 7.0+ router answers a plain-text 404.
  const noRoute = (method: string) =>
    era.restivus
      ? method === 'GET' || method === 'HEAD'
        ? new Reply(200, RAW(WEB_APP_HTML, 'text/html; charset=utf-8'))
        : new Reply(405, RAW(''), { Allow: 'OPTIONS, GET, HEAD' })
      : new Reply(404, RAW('404 Not Found', 'text/plain; charset=UTF-8'));

  // ---- users and tokens --------------------------------------------------------------------
  const findUser = (id: string) => state.users.find((u) => u._id === id);
  const isAdmin = (u: SimUser | undefined) => Boolean(u?.roles.includes('admin'));
  const issueToken = (u: SimUser, type: Token['type'] = 'login', name?: string) => {
    const token = randomBytes(24).toString('base64url');
    state.tokens.set(token, { userId: u._id, type, name });
    return token;
  };
  const authenticate = (req: IncomingMessage): SimUser | null => {
    const id = req.headers['x-user-id'];
    const token = req.headers['x-auth-token'];
    if (typeof id !== 'string' || typeof token !== 'string') return null;
    const t = state.tokens.get(token);
    return t && t.userId === id ? (findUser(id) ?? null) : null;
  };
  const me = (u: SimUser) => ({
    _id: u._id,
    name: u.name,
    emails: [{ address: u.email, verified: true }],
    status: 'online',
    statusConnection: 'online',
    username: u.username,
    utcOffset: 0,
    active: true,
    roles: u.roles,
    settings: { preferences: {} },
    avatarUrl: `${origin}${basePath}/avatar/${u.username}`,
  });

  // ---- rate limiting (spec §3.3) ----------------------------------------------------------
  const limited = (key: string, limit: number): Reply | Record<string, string> => {
    const t = now().getTime();
    let entry = rate.get(key);
    if (!entry || t - entry.start >= 60_000) {
      entry = { start: t, count: 0 };
      rate.set(key, entry);
    }
    entry.count++;
    const reset = entry.start + 60_000;
    const headers = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - entry.count)),
      'X-RateLimit-Reset': String(reset),
    };
    if (entry.count > limit) {
      const wait = Math.ceil((reset - t) / 1000);
      return new Reply(
        429,
        {
          success: false,
          error: `Error, too many requests. Please slow down. You must wait ${wait} seconds before trying this endpoint again. [error-too-many-requests]`,
        },
        headers,
      );
    }
    return headers;
  };

  // ---- body validation of licenses.add / licenses.validate --------------------------------
  const meteorCheck = (body: Record<string, unknown>): Reply | string => {
    for (const [k, v] of Object.entries(body)) {
      if (k !== 'license') return failure(`Match error: Unknown key in field ${k}`);
      if (typeof v !== 'string') return failure(`Match error: Expected string, got ${v === null ? 'null' : typeof v} in field license`);
    }
    if (!('license' in body)) return failure("Match error: Missing key 'license'");
    return body.license as string;
  };
  const ajvCheck = (body: Record<string, unknown>): Reply | string => {
    const invalid = (error: string) => new Reply(400, { success: false, errorType: 'error-invalid-params', error });
    if (!('license' in body)) return invalid("must have required property 'license'");
    if (Object.keys(body).some((k) => k !== 'license')) return invalid('must NOT have additional properties');
    const v = body.license;
    if (Array.isArray(v) || (typeof v === 'object' && v !== null)) return invalid('must be string');
    return v === null ? '' : String(v); // coerceTypes: 123 → "123", true → "true", null → ""
  };

  // ---- the license engine's state machine (spec §1.2, §1.4) -------------------------------
  const workspaceUrl = () => normalizeSiteUrl(state.siteUrl);
  const maxOf = (kind: string, inst: SimInstance = instances[0]): number => {
    const limits = inst.active?.decoded.v3.limits?.[kind] ?? [];
    return limits.length ? Math.min(...limits.map((l) => l.max)) : -1;
  };
  /**
   * The air-gapped countdown (7.0+), as AirGappedRestriction.computeRestriction does: -1 under a
   * valid license, else 10 days from the last stats token (3 without effect, 7 of warnings), 0 —
   * read-only — with no token at all. Recomputed when a license is validated, invalidated or removed.
   */
  function recomputeRestriction(): void {
    if (!era.airGappedRestriction) return;
    const licensed = instances.some((i) => i.active);
    const age = options.statsTokenAgeDays ?? null;
    state.restrictionDays = licensed ? -1 : age === null ? 0 : Math.max(10 - age, 0);
  }

  /** One instance applies the stored license, and logs what it decided, as its era does. */
  async function apply(inst: SimInstance, license: string): Promise<void> {
    const log = logOn(inst);
    if (!era.newEngine) {
      // Pre-6.5: addLicense() returns true even when URL or expiry fail; the status says Valid.
      // A rejected license leaves the one in memory active until the next restart (spec §5.11).
      // (The real engine keeps a list and lists every valid one; the simulator keeps the newest.)
      log({ stream: 'stdout', text: '### New Enterprise License' });
      try {
        const decoded = await serverDecode(license.trim(), keys, era, now());
        const valid = validateV2Old(decoded.v2 ?? {}, state.siteUrl, now(), era, state.usage.activeUsers ?? 0, log);
        state.status = 'Valid';
        if (valid) inst.active = { text: license.trim(), decoded, modules: decoded.v3.grantedModules.map((m) => m.module) };
      } catch {
        log({ stream: 'stderr', text: '##### Invalid license' });
        state.status = 'Invalid';
      }
      return;
    }
    const trimmed = license.trim();
    if (trimmed === '') {
      inst.active = null;
      state.status = 'Invalid';
      log({ level: LEVEL.startup, msg: 'License removed' });
      recomputeRestriction();
      return;
    }
    if (inst.active?.text === trimmed) return;
    // Not ready while the Site URL is unknown: held as pending (validation/isReadyForValidation.ts).
    if (!state.siteUrl) {
      log({ level: LEVEL.info, msg: 'Storing license as pending validation.' });
      return;
    }
    log({ level: LEVEL.info, msg: 'New Enterprise License' });
    let decoded: DecodedServerLicense;
    try {
      decoded = await serverDecode(trimmed, keys, era, now());
    } catch (e) {
      log({ level: LEVEL.error, msg: 'Invalid license' });
      // As the real server does: the whole license text in the log (license.ts, setLicense's catch).
      log({ level: LEVEL.error, msg: 'Invalid raw license', fields: { encryptedLicense: trimmed, e: { message: (e as Error).message } } });
      return;
    }
    const reasons: Reason[] = runValidation(decoded.v3, { workspaceUrl: workspaceUrl(), now: now(), usage: state.usage, log });
    if (blocks(reasons)) {
      if (inst.active) {
        inst.active = null;
        state.status = 'Invalid';
        log({ level: LEVEL.startup, msg: 'License invalidated' });
        recomputeRestriction();
      }
      return;
    }
    inst.active = { text: trimmed, decoded, modules: activeModules(decoded.v3, reasons) };
    state.status = 'Valid';
    log({ level: LEVEL.info, msg: 'License validated', fields: { modules: inst.active.modules } });
    log({ level: LEVEL.startup, msg: 'License installed', fields: { version: decoded.format === 'v3' ? '3' : '2', hash: trimmed.slice(-8) } });
    recomputeRestriction();
  }
  /** The setting changed: each instance's watcher applies it after its own delay. A stopped
   * server applies nothing more (stop() does not wait out a long delay). */
  const waiting = new Map<NodeJS.Timeout, () => void>();
  let stopped = false;
  const schedule = (license: string) => {
    for (const inst of instances) {
      const p: Promise<void> = new Promise<void>((resolve) => {
        const timer = setTimeout(() => (waiting.delete(timer), resolve()), inst.applyDelayMs);
        waiting.set(timer, resolve);
      })
        .then(() => (stopped ? undefined : apply(inst, license)))
        .finally(() => pending.delete(p));
      pending.add(p);
    }
  };

  // ---- /api/info ---------------------------------------------------------------------------
  const serverInfo = () => ({
    version: era.version,
    build: { date: '2026-07-01T00:00:00.000Z', nodeVersion: 'v22.16.0', arch: 'x64', platform: 'linux', osRelease: '6.1.0', totalMemory: 8e9, freeMemory: 4e9, cpus: 4 },
    commit: { hash: 'abc1234', date: '2026-07-01', author: 'Simulator', subject: 'release', tag: era.version, branch: 'master' },
    marketplaceApiVersion: '1.61.0',
  });
  function info(req: IncomingMessage): Reply {
    const user = authenticate(req);
    const privileged = isAdmin(user ?? undefined);
    const short = era.version.replace(/(\d+\.\d+).*/, '$1');
    if (era.major < 4) return privileged ? ok({ info: serverInfo() }) : ok({ version: era.version });
    if (!era.newEngine) return privileged ? ok({ info: serverInfo() }) : ok({ version: short });
    const body: Record<string, unknown> = {};
    if (era.workspaceUrlInInfo) {
      body.workspaceUrl = workspaceUrl();
      body.hashedWorkspaceUrl = createHash('sha256').update(workspaceUrl()).digest('hex');
    }
    body.version = privileged ? era.version : short;
    if (privileged) body.info = serverInfo();
    body.minimumClientVersions = { desktop: '4.1.0', mobile: '4.52.0' };
    if (options.cloudWorkspaceId) body.cloudWorkspaceId = options.cloudWorkspaceId;
    return ok(body);
  }

  // ---- /api/v1/login -----------------------------------------------------------------------
  function login(req: IncomingMessage, body: Record<string, unknown>): Reply {
    const ip = req.socket.remoteAddress ?? '';
    const rl = limited(`${ip} login`, loginLimit);
    if (rl instanceof Reply) return rl;
    if (typeof body.resume === 'string') {
      const t = state.tokens.get(body.resume);
      const u = t ? findUser(t.userId) : undefined;
      if (!u) return loginFailure(403, "You've been logged out by the server. Please log in again.");
      return loggedIn(u, body.resume);
    }
    const name = (body.user ?? body.username ?? body.email) as string | undefined;
    const u = state.users.find((x) => x.username === name || x.email === name);
    if (!u) return loginFailure('Unauthorized', 'Unauthorized');
    // apps/meteor/app/authentication/server/startup/index.js (validateLoginAttempt).
    if (u.blocked) return loginFailure('error-login-blocked-for-user', 'Login has been temporarily blocked For User', { function: 'Accounts.validateLoginAttempt' });
    if (u.password !== body.password) return loginFailure(403, 'Incorrect password');
    const code = (body.code as string | undefined) ?? (req.headers['x-2fa-code'] as string | undefined);
    if (u.totpSecret) {
      if (!code) return loginFailure('totp-required', 'TOTP Required', { method: 'totp', availableMethods: ['totp'] });
      if (totpFor(u.totpSecret).validate({ token: String(code), window: 1 }) === null) {
        return loginFailure('totp-invalid', 'TOTP Invalid', { method: 'totp' });
      }
    } else if (u.email2fa) {
      const pending = state.emailCodes.get(u.username);
      const unexpired = pending && pending.expires > now() ? pending : null;
      if (!code) {
        // EmailCheck.processInvalidCode: expired codes are removed, an unexpired one is reused
        // (no new mail, codeGenerated false, codeExpires), otherwise a new code is mailed.
        if (unexpired) {
          return loginFailure('totp-required', 'TOTP Required', {
            method: 'email',
            emailOrUsername: u.username,
            codeGenerated: false,
            codeExpires: unexpired.expires.toISOString(),
            availableMethods: ['email'],
          });
        }
        const sent = String(100000 + (randomBytes(4).readUInt32BE() % 900000));
        state.emailCodes.set(u.username, { code: sent, expires: new Date(now().getTime() + 3600_000) });
        return loginFailure('totp-required', 'TOTP Required', { method: 'email', emailOrUsername: u.username, codeGenerated: true, availableMethods: ['email'] });
      }
      if (!unexpired || String(code).replace(/\D/g, '') !== unexpired.code) return loginFailure('totp-invalid', 'TOTP Invalid', { method: 'email' });
      state.emailCodes.delete(u.username);
    }
    return loggedIn(u, issueToken(u));
  }
  function loggedIn(u: SimUser, token: string): Reply {
    const data = { userId: u._id, authToken: token, me: me(u) };
    return new Reply(200, era.restivus ? { status: 'success', data } : { status: 'success', data, success: true });
  }

  // ---- settings.public (no sign-in) --------------------------------------------------------
  /** The public settings the simulator knows; 7.0+ filters by `_id` (a comma-separated list). */
  function publicSettings(query: Record<string, string>): Reply {
    const all: Array<{ _id: string; value: unknown }> = [{ _id: 'Site_Name', value: 'Rocket.Chat' }];
    if (era.airGappedRestriction) all.push({ _id: RESTRICTION_SETTING, value: state.restrictionDays });
    const ids = era.airGappedRestriction && query._id ? query._id.split(',').map((id) => id.trim()) : null;
    const settings = ids ? all.filter((s) => ids.includes(s._id)) : all;
    return ok({ settings, count: settings.length, offset: 0, total: settings.length });
  }

  // ---- licenses.info -----------------------------------------------------------------------
  function licensesInfo(user: SimUser, query: Record<string, string>, inst: SimInstance): Reply {
    const keysIn = Object.keys(query);
    if (keysIn.some((k) => k !== 'loadValues')) return paramsError('must NOT have additional properties');
    if ('loadValues' in query && !['true', 'false'].includes(query.loadValues)) return paramsError('must be boolean');
    const admin = isAdmin(user);
    const loadValues = query.loadValues === 'true' && admin;
    const a = inst.active;
    const limits: Record<string, unknown> = {};
    if (admin) {
      const defaults: Record<string, number> = { activeUsers: -1, guestUsers: -1, privateApps: 3, marketplaceApps: 5, monthlyActiveContacts: -1 };
      for (const kind of Object.keys(defaults)) {
        const max = a ? maxOf(kind, inst) : defaults[kind];
        limits[kind] = loadValues ? { value: state.usage[kind] ?? 0, max } : { max };
      }
    }
    const prevented: Record<string, boolean> = {};
    for (const kind of ['activeUsers', 'guestUsers', 'roomsPerGuest', 'privateApps', 'marketplaceApps', 'monthlyActiveContacts']) {
      const max = a ? maxOf(kind, inst) : -1;
      prevented[kind] = max >= 0 && (state.usage[kind] ?? 0) >= max;
    }
    const body: Record<string, unknown> = {};
    if (admin && a) body.license = a.decoded.v3;
    body.activeModules = a ? a.modules : [];
    if (era.externalModules) body.externalModules = [];
    body.preventedActions = prevented;
    body.limits = limits;
    body.tags = a ? (a.decoded.v3.information.tags ?? []) : [];
    body.trial = Boolean(a?.decoded.v3.information.trial);
    if (era.hasValidLicense) body.hasValidLicense = Boolean(a);
    return ok({ license: body });
  }

  // ---- routing ----------------------------------------------------------------------------
  async function route(req: IncomingMessage, path: string, query: Record<string, string>, body: Record<string, unknown>): Promise<Reply> {
    const method = req.method ?? 'GET';
    if (path === '/api/info' && method === 'GET') return info(req);
    if (path === '/api/v1/login' && method === 'POST') return login(req, body);

    const setting = /^\/api\/v1\/settings\/([\w.-]+)$/.exec(path)?.[1];
    if (setting && method === 'GET') {
      const user = authenticate(req);
      if (!user) return unauthorized();
      if (!isAdmin(user)) return new Reply(403, era.restivus ? { success: false, error: 'unauthorized' } : { success: false, error: NO_PERMISSION });
      if (setting === 'Site_Url') return ok({ _id: 'Site_Url', value: state.siteUrl });
      if (setting === RESTRICTION_SETTING && era.airGappedRestriction) return ok({ _id: setting, value: state.restrictionDays });
      if (setting === 'Enterprise_License_Status') return ok({ _id: setting, value: state.status });
      if (setting === 'Enterprise_License') return ok({ _id: setting, value: state.setting });
      return failure('error-setting-not-found');
    }
    if (path === '/api/v1/settings.public' && method === 'GET') return publicSettings(query);
    const v1 = /^\/api\/v1\/([\w.]+)$/.exec(path)?.[1];
    const known: Record<string, string> = {
      me: 'GET',
      logout: 'POST',
      'users.generatePersonalAccessToken': 'POST',
      ...(era.licensesApi ? { 'licenses.add': 'POST' } : {}),
      ...(era.licensesInfo ? { 'licenses.info': 'GET' } : {}),
      ...(era.legacyLicenseEndpoints ? { 'licenses.get': 'GET' } : {}),
      ...(era.isEnterprise ? { 'licenses.isEnterprise': 'GET' } : {}),
      ...(era.maxActiveUsers ? { 'licenses.maxActiveUsers': 'GET' } : {}),
      ...(era.validate ? { 'licenses.validate': 'POST' } : {}),
      ...(era.stdoutQueue ? { 'stdout.queue': 'GET' } : {}),
    };
    if (!v1 || known[v1] !== method) return noRoute(method);

    const user = authenticate(req);
    if (!user) return unauthorized();
    let rateHeaders: Record<string, string> = {};
    if (!isAdmin(user)) {
      // Admins hold api-bypass-rate-limit.
      const rl = limited(`${req.socket.remoteAddress} ${v1}`, routeLimit);
      if (rl instanceof Reply) return rl;
      rateHeaders = rl;
    }
    const reply = await authed(req, v1, user, query, body, answering());
    return new Reply(reply.status, reply.body, { ...rateHeaders, ...reply.headers });
  }

  async function authed(req: IncomingMessage, name: string, user: SimUser, query: Record<string, string>, body: Record<string, unknown>, inst: SimInstance): Promise<Reply> {
    switch (name) {
      case 'me':
        return ok(me(user));
      case 'logout': {
        state.tokens.delete(req.headers['x-auth-token'] as string);
        // 7.4+ answers 200 with an empty body (Rocket.Chat issue #35922).
        if (era.emptyLogout) return new Reply(200, RAW(''));
        return new Reply(200, { status: 'success', data: { message: "You've been logged out!" } });
      }
      case 'users.generatePersonalAccessToken': {
        const code = req.headers['x-2fa-code'];
        const method = user.totpSecret ? 'totp' : 'password';
        const valid =
          typeof code === 'string' &&
          (method === 'totp'
            ? totpFor(user.totpSecret!).validate({ token: code, window: 1 }) !== null
            : code === createHash('sha256').update(user.password).digest('hex'));
        if (!valid) {
          const details = { method, codeGenerated: false, availableMethods: method === 'totp' ? ['totp'] : [] };
          return code
            ? failure('TOTP Invalid [totp-invalid]', { errorType: 'totp-invalid', details: { method } })
            : failure('TOTP Required [totp-required]', { errorType: 'totp-required', details });
        }
        return ok({ token: issueToken(user, 'pat', String(body.tokenName ?? 'token')) });
      }
      case 'licenses.add':
      case 'licenses.validate': {
        let license: Reply | string;
        if (era.restivus) {
          // ≤6.x: check() runs before the in-handler permission test (spec §1.4).
          license = meteorCheck(body);
          if (license instanceof Reply) return license;
          if (!isAdmin(user)) return new Reply(403, { success: false, error: 'unauthorized' });
        } else {
          if (!isAdmin(user)) return new Reply(403, { success: false, error: NO_PERMISSION });
          license = era.name === 'E' || name === 'licenses.validate' ? ajvCheck(body) : meteorCheck(body);
          if (license instanceof Reply) return license;
        }
        if (name === 'licenses.validate') return validate(license);
        try {
          await serverDecode(license, keys, era, now());
        } catch (e) {
          return failure((e as Error).message);
        }
        state.licenseAdds++;
        // Settings.updateValueById writes only when the value differs ({value: {$ne: value}}): the
        // same text again fires no change, so nothing is validated again (spec §5.11).
        if (state.setting !== license) {
          state.setting = license;
          schedule(license);
        }
        return ok();
      }
      case 'licenses.info':
        return licensesInfo(user, query, inst);
      case 'licenses.get':
        if (!isAdmin(user)) return new Reply(403, { success: false, error: 'unauthorized' });
        if (!inst.active) return ok({ licenses: [] });
        return ok({
          licenses: [
            era.newEngine
              ? { license: inst.active.decoded.v2 ?? inst.active.decoded.v3, modules: inst.active.modules }
              : { ...inst.active.decoded.v2, modules: inst.active.modules },
          ],
        });
      case 'licenses.isEnterprise':
        return ok({ isEnterprise: Boolean(inst.active) });
      case 'stdout.queue': {
        // ≤6.x checks view-logs in the handler (API.v1.unauthorized()); 7.x declares it as
        // permissionsRequired (misc.ts at 3.10.0 and 7.x; spec §5.12). Admins hold view-logs.
        if (!isAdmin(user)) return new Reply(403, era.restivus ? { success: false, error: 'unauthorized' } : { success: false, error: NO_PERMISSION });
        return ok({ queue: inst.queue.entries.map((e: QueueEntry) => ({ ...e })) });
      }
      case 'licenses.maxActiveUsers': {
        const max = inst.active ? maxOf('activeUsers', inst) : -1;
        return ok({ maxActiveUsers: max > 0 ? max : null, activeUsers: state.usage.activeUsers ?? 0 });
      }
    }
    return noRoute(req.method ?? 'GET');
  }

  async function validate(license: string): Promise<Reply> {
    if (!state.siteUrl) return failure('Not ready for validation');
    let decoded: DecodedServerLicense;
    try {
      decoded = await serverDecode(license, keys, era, now());
    } catch {
      return new Reply(400, { error: 'license-invalid', reasons: [], success: false });
    }
    const reasons = runValidation(decoded.v3, { workspaceUrl: workspaceUrl(), now: now(), usage: state.usage, log: () => undefined }).filter(
      (r) => r.behavior === 'invalidate_license' || r.behavior === 'prevent_installation',
    );
    return reasons.length ? new Reply(400, { error: 'license-invalid', reasons, success: false }) : ok();
  }

  // ---- transport --------------------------------------------------------------------------
  function takeFault(path: string): Fault | null {
    const i = faults.findIndex((f) => !f.match || path.includes(f.match));
    if (i < 0) return null;
    const f = faults[i];
    if (f.times !== undefined && --f.times <= 0) faults.splice(i, 1);
    return f;
  }

  /** The Date header: Rocket.Chat's clock, or a proxy's own when one stamps it. */
  const dateHeader = () => (options.dateHeaderOffsetMs !== undefined ? new Date(Date.now() + options.dateHeaderOffsetMs) : now()).toUTCString();

  function send(res: ServerResponse, reply: Reply) {
    if (reply.body instanceof RawBody) {
      res.writeHead(reply.status, { ...(reply.body.type ? { 'Content-Type': reply.body.type } : {}), Date: dateHeader(), ...reply.headers });
      res.end(reply.body.text);
      return;
    }
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json', Date: dateHeader(), ...reply.headers });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://sim');
    const query = Object.fromEntries(url.searchParams);
    let body: unknown = {};
    const jsonType = /^application\/json\b/i.test(req.headers['content-type'] ?? '');
    if (rawBody && jsonType) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query, headers: { ...req.headers }, body, rawBody });

    const fault = takeFault(url.pathname);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'html502') {
      res.writeHead(502, { 'Content-Type': 'text/html', Date: dateHeader(), Server: 'nginx' });
      res.end(HTML_502);
      return;
    }
    if (fault?.kind === 'redirect') {
      res.writeHead(302, { Location: fault.location, Date: dateHeader() });
      res.end();
      return;
    }
    if (fault?.kind === 'malformed') {
      res.writeHead(200, { 'Content-Type': 'application/json', Date: dateHeader() });
      res.end('{"success":tr');
      return;
    }
    if (fault?.kind === 'error500') return send(res, new Reply(500, { success: false, error: 'Internal server error' }));

    if (typeof body === 'string' || !jsonType) body = {};
    if (basePath && !url.pathname.startsWith(basePath + '/')) return send(res, noRoute(req.method ?? 'GET'));
    const path = url.pathname.slice(basePath.length);
    const reply = await route(req, path, query, (body ?? {}) as Record<string, unknown>).catch(
      (e: Error) => new Reply(500, { success: false, error: `Internal server error: ${e.message}` }),
    );
    // The request took effect; what reaches the client is another matter.
    if (fault?.kind === 'slowReply') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'dropAfter') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'html502After') {
      res.writeHead(502, { 'Content-Type': 'text/html', Date: dateHeader(), Server: 'nginx' });
      res.end(HTML_502);
      return;
    }
    if (res.destroyed) return;
    send(res, reply);
  }

  const sockets = new Set<Socket>();
  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const server: Server = certificate ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, listener) : createHttpServer(listener);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const origin = `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`;
  const url = origin + basePath;
  if (options.siteUrl === undefined) state.siteUrl = url + '/';
  recomputeRestriction();
  if (options.initialLicense) {
    state.setting = options.initialLicense;
    for (const inst of instances) await apply(inst, options.initialLicense);
  }

  const user = (username: string) => {
    const u = state.users.find((x) => x.username === username);
    if (!u) throw new Error(`No simulated user ${username}`);
    return u;
  };

  return {
    url,
    origin,
    port,
    requests,
    state,
    get certificate() {
      return certificate;
    },
    async stop() {
      stopped = true;
      for (const [timer, resolve] of waiting) {
        clearTimeout(timer);
        resolve();
      }
      waiting.clear();
      await Promise.allSettled([...pending]);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    setFault(fault) {
      faults.length = 0;
      if (fault) faults.push({ ...fault });
    },
    setCertificate(cert) {
      if (!('setSecureContext' in server)) throw new Error('The simulator is not serving HTTPS');
      certificate = cert;
      (server as unknown as { setSecureContext(o: { key: string; cert: string }): void }).setSecureContext({ key: cert.key, cert: cert.cert });
      // Existing keep-alive connections keep the old certificate: close them.
      for (const s of sockets) s.destroy();
    },
    setClockOffset(ms) {
      offsetMs = ms;
    },
    now,
    totp(username) {
      const u = user(username);
      if (!u.totpSecret) throw new Error(`${username} has no TOTP`);
      return totpFor(u.totpSecret).generate({ timestamp: Date.now() });
    },
    login(username) {
      const u = user(username);
      return { userId: u._id, authToken: issueToken(u) };
    },
    createPersonalAccessToken(username, name = 'tech') {
      const u = user(username);
      return { userId: u._id, token: issueToken(u, 'pat', name) };
    },
    revokeTokens(username) {
      const u = user(username);
      for (const [token, t] of state.tokens) if (t.userId === u._id) state.tokens.delete(token);
    },
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    async restart() {
      while (pending.size) await Promise.allSettled([...pending]);
      for (const inst of instances) {
        inst.active = null;
        state.log.push('Restarting');
        if (state.setting.trim()) await apply(inst, state.setting);
      }
      recomputeRestriction(); // at start-up too
    },
  };
}
