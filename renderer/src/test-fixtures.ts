// Component-test helpers: a stand-in for the preload API and realistic values to feed it.
import { vi } from 'vitest';
import type { Inspection, InstallResult, KeychainStatus, WorkspaceConnection, WorkspaceView } from '../../main/core/contract';

type Fn = ReturnType<typeof vi.fn>;
export type FakeApi = Record<string, Fn> & { emit(event: string, payload: unknown): void };

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const err = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ ok: false as const, error: { code, message, ...extra } });

export function fakeApi(overrides: Record<string, (input?: unknown) => unknown> = {}): FakeApi {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const defaults: Record<string, (input?: unknown) => unknown> = {
    'app.info': () => ok({ name: 'Offline License Installer for Rocket.Chat', version: '0.1.0', electron: null, chromium: null, node: '20', platform: 'linux', arch: 'x64', osRelease: '6', shell: 'browser-bridge' }),
    'keychain.status': () => ok<KeychainStatus>({ available: true, backend: 'Secret Service', checkedInMs: 1 }),
    'workspace.list': () => ok({ workspaces: [], warnings: [] }),
    'workspace.connect': () => ok(connection()),
    'history.list': () => ok({ jobs: [], warnings: [] }),
    'clipboard.write': () => ok({ copied: true }),
    'file.open': () => ok({ available: false, source: null }),
  };
  const api = {} as FakeApi;
  for (const name of new Set([...Object.keys(defaults), ...Object.keys(overrides)])) {
    const impl = overrides[name] ?? defaults[name];
    api[name] = vi.fn(async (input?: unknown) => impl(input));
  }
  const missing = (name: string) => vi.fn(async () => err('INTERNAL', `fake API: ${name} not stubbed`));
  const proxy = new Proxy(api, { get: (t, k: string) => (k in t ? t[k] : k === 'on' ? undefined : (t[k] = missing(k))) });
  Object.assign(api, {
    on: (event: string, l: (p: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(l);
      return () => listeners.get(event)!.delete(l);
    },
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  });
  (window as unknown as { installer: unknown }).installer = proxy;
  return proxy;
}

export function workspace(extra: Partial<WorkspaceView> = {}): WorkspaceView {
  return {
    id: 'w1',
    name: 'Plant 7',
    baseUrl: 'https://chat.acme.lan',
    unencrypted: false,
    trust: { pinnedSha256: null, caFileName: null },
    proxyUrl: null,
    lastSeen: null,
    signedInAs: { userId: 'u1', username: 'tech', kind: 'login', isAdmin: true, storage: 'keychain' },
    ...extra,
  };
}

export function connection(extra: Partial<WorkspaceConnection> = {}): WorkspaceConnection {
  return {
    workspace: workspace(),
    info: {
      baseUrl: 'https://chat.acme.lan',
      version: '8.8.0',
      major: 8,
      minor: 8,
      workspaceUrl: 'chat.acme.lan',
      workspaceUrlSource: 'server',
      workspaceUrlHash: 'ab'.repeat(32),
      serverTime: '2026-11-26T12:00:00.000Z',
      localTime: '2026-11-26T12:00:00.000Z',
      unencrypted: false,
      capabilities: { licensesInfo: true, hasValidLicense: true, validate: true, legacy: false, isEnterprise: false, v3Licenses: true, seatsCheckedOnApply: false, maxActiveUsers: true, workspaceUrl: true, serverLog: false, newEngine: true, logsValidated: false },
    },
    license: { known: true, valid: true, id: 'OLD-1', modules: ['auditing', 'federation'], tags: [], seats: 50, seatsInUse: 12, validUntil: '2027-01-01T00:00:00.000Z', trial: false, source: 'licenses.info' },
    restriction: { phase: 'none', remainingDays: -1, source: 'settings.public', at: '2026-11-26T12:00:00.000Z' },
    licenseDetail: {
      state: 'active',
      id: 'OLD-1',
      tags: [],
      trial: false,
      validUntil: '2027-01-01T00:00:00.000Z',
      daysLeft: 35,
      limits: [{ kind: 'activeUsers', label: 'Active users (seats)', max: 50, used: 12 }],
      modules: ['auditing', 'federation'],
      offline: true,
    },
    clock: { serverTime: '2026-11-26T12:00:00.000Z', localTime: '2026-11-26T12:00:00.000Z', skewMs: 0 },
    siteUrlSetting: 'https://chat.acme.lan',
    said: {
      license: { label: 'Active', text: "OLD-1, until 2027-01-01 (35 days left by the server's clock)." },
      limits: ['Active users (seats): 12 of 50'],
      modules: 'Modules: auditing, federation',
      offline: 'Marked offline: the workspace does not sync with Rocket.Chat Cloud and uses no push gateway, marketplace or telemetry.',
      restriction: { label: 'No read-only countdown', text: 'users can send messages.' },
      clock: '2026-11-26 12:00 UTC by the server, as this laptop.',
      skew: null,
      siteUrlUnset: null,
    },
    ...extra,
  };
}

/** The read-only mode in each phase, as the core words it (workspaces/restriction.ts). */
export function readOnly(phase: 'read-only' | 'warning', days = 4): Pick<WorkspaceConnection, 'restriction'> & { said: WorkspaceConnection['said'] } {
  const base = connection();
  return phase === 'read-only'
    ? {
        restriction: { phase, remainingDays: 0, source: 'settings.public', at: base.restriction.at },
        said: { ...base.said, restriction: { label: 'Read-only now', text: 'users can read rooms but cannot send, edit or upload. Any valid license lifts it at once.' } },
      }
    : {
        restriction: { phase, remainingDays: days, source: 'settings.public', at: base.restriction.at },
        said: { ...base.said, restriction: { label: `Read-only in ${days} days`, text: 'then users can read rooms but cannot send, edit or upload. Any valid license lifts it.' } },
      };
}

export function inspection(extra: { checks?: Inspection['checks']; summary?: Partial<Inspection['summary']>; replaces?: Inspection['replaces']; restriction?: Inspection['restriction'] } = {}): Inspection {
  return {
    reading: { format: 'v3', sha256: 'cd'.repeat(32), length: 900, cleaned: [] },
    summary: {
      format: 'v3',
      sha256: 'cd'.repeat(32),
      hashTail: 'abcdefgh',
      id: 'ACME-2027-001',
      verifiedWith: { key: 'rocket.chat', fingerprint: 'bf35'.repeat(16) },
      customer: { name: 'Jane Admin', company: 'ACME Corp', email: 'jane@acme.example' },
      tags: [{ name: 'Enterprise', color: '#5154ec' }],
      trial: false,
      createdAt: null,
      visualExpiration: null,
      grantedBy: 'sales',
      periods: [],
      validFrom: '2026-11-01T00:00:00.000Z',
      validUntil: '2027-11-26T00:00:00.000Z',
      serverUrls: [{ value: 'chat.acme.lan', type: 'url' }],
      limits: [{ kind: 'activeUsers', label: 'Active users (seats)', max: 100, behavior: 'invalidate_license', modules: [] }],
      modules: ['auditing', 'livechat-enterprise'],
      informational: [],
      jwt: null,
      ...extra.summary,
    },
    checks: extra.checks ?? [
      { name: 'signature', status: 'pass', message: 'Genuine: signed by Rocket.Chat.' },
      { name: 'url', status: 'pass', message: "The license matches this workspace's Site URL (chat.acme.lan).", items: [{ label: 'chat.acme.lan', status: 'pass', detail: 'matches' }] },
      { name: 'period', status: 'pass', message: 'Valid until 2027-11-26.' },
      { name: 'limits', status: 'pass', message: 'Current usage is within the license.' },
    ],
    facts: { workspaceUrl: 'chat.acme.lan', workspaceUrlSource: 'server', serverTime: '2026-11-26T12:00:00.000Z', localTime: '2026-11-26T12:00:00.000Z', usage: { activeUsers: 12 } },
    active: connection().license,
    replaces: extra.replaces ?? null,
    restriction: extra.restriction ?? null,
  };
}

export function result(outcome: InstallResult['outcome'], extra: Partial<InstallResult> = {}): InstallResult {
  return {
    jobId: '20261126-120000-abcd',
    outcome,
    headline: outcome === 'active' ? 'chat.acme.lan confirms license ACME-2027-001: it is in force now.' : 'The workspace accepted the file but did not activate the license.',
    reasons: outcome === 'rejected' ? ["The license's address (other.lan) does not match this workspace's Site URL (chat.acme.lan)."] : [],
    startedAt: '2026-11-26T12:00:00.000Z',
    finishedAt: '2026-11-26T12:00:02.000Z',
    workspace: { id: 'w1', name: 'Plant 7', baseUrl: 'https://chat.acme.lan', version: '8.8.0', workspaceUrl: 'chat.acme.lan', workspaceUrlSource: 'server' },
    user: { username: 'tech', isAdmin: true },
    license: { sha256: 'cd'.repeat(32), hashTail: 'abcdefgh', id: 'ACME-2027-001', format: 'v3', customer: 'ACME Corp', validUntil: '2027-11-26T00:00:00.000Z', seats: 100 },
    checks: [],
    serverValidation: null,
    steps: [{ step: 'apply', status: 'done', message: 'The server accepted the license file (200).' }],
    before: { known: true, valid: false, id: null, modules: [], tags: [], seats: null, seatsInUse: 12, validUntil: null, trial: false, source: 'licenses.info' },
    after: outcome === 'active' ? { known: true, valid: true, id: 'ACME-2027-001', modules: ['auditing'], tags: [], seats: 100, seatsInUse: 12, validUntil: '2027-11-26T00:00:00.000Z', trial: false, source: 'licenses.info' } : null,
    forced: false,
    error: null,
    ...extra,
  };
}
