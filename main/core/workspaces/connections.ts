// Reaching a saved workspace: one transport per workspace with its trust settings, the trust
// prompt's certificate details on a TLS failure, and adding a workspace only once it answered.
import { AppFailure } from '../errors';
import { isUnencrypted, normalizeBaseUrl, normalizeProxyUrl } from '../rocketchat/addresses';
import { Transport } from '../rocketchat/http';
import { RocketChatClient } from '../rocketchat/rocketchat-client';
import { probeCertificate } from '../rocketchat/tls';
import type { WorkspaceInfo } from '../rocketchat/types';
import type { Workspace, WorkspaceStore } from './workspace-store';
import type { InstallResult } from '../installs/types';
import type { WorkspaceView } from './types';
import type { WorkspaceReading } from './connect';
import { said, say } from '../i18n/say';

/** What the window may know about a workspace: no secrets, no CA text. */
export function viewOf(w: Workspace): WorkspaceView {
  return {
    id: w.id,
    name: w.name,
    baseUrl: w.baseUrl,
    unencrypted: isUnencrypted(w.baseUrl),
    trust: { pinnedSha256: w.trust.pinnedSha256, caFileName: w.trust.caFileName },
    proxyUrl: w.proxyUrl,
    lastSeen: w.lastSeen,
    signedInAs: w.signedInAs,
  };
}

type Reachable = Pick<Workspace, 'id' | 'baseUrl' | 'trust' | 'proxyUrl'>;

const transportKey = (w: Reachable) => JSON.stringify([w.baseUrl, w.trust.pinnedSha256, w.trust.caPem, w.proxyUrl]);

export class Connections {
  private readonly transports = new Map<string, { key: string; transport: Transport }>();
  /** The last reading of each workspace (connect.ts), as whom, and when: see READING_FRESH_MS. */
  private readonly readings = new Map<string, { at: number; as: string | null; reading: WorkspaceReading }>();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly timeoutMs?: number,
  ) {}

  /** The workspace's transport, made again when its address, trust or proxy changed. */
  transportFor(w: Reachable): Transport {
    const key = transportKey(w);
    const cached = this.transports.get(w.id);
    if (cached?.key === key) return cached.transport;
    void cached?.transport.close();
    const transport = new Transport({ baseUrl: w.baseUrl, trust: w.trust, proxyUrl: w.proxyUrl, timeoutMs: this.timeoutMs });
    this.transports.set(w.id, { key, transport });
    return transport;
  }

  /** A TLS failure gains the certificate's details, so the window can show the trust prompt. */
  async withCertificate<T>(baseUrl: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      // http:// to a port that speaks TLS: the server drops the plain request. Say which it is.
      if (e instanceof AppFailure && e.code === 'NETWORK_UNREACHABLE' && baseUrl.startsWith('http:')) {
        const https = baseUrl.replace(/^http:/, 'https:');
        if (await probeCertificate(https).catch(() => null)) {
          throw new AppFailure('NETWORK_UNREACHABLE', said(say('net.speaksHttps', { https, http: baseUrl })), { suggestedUrl: https });
        }
      }
      if (e instanceof AppFailure && (e.code === 'TLS_UNTRUSTED' || e.code === 'CERT_CHANGED') && baseUrl.startsWith('https:')) {
        const cert = await probeCertificate(baseUrl).catch(() => null);
        if (cert) throw new AppFailure(e.code, e.detailMsg && e.detail !== undefined ? { message: e.detail, msg: e.detailMsg } : e.detail, { ...e.data, ...cert, baseUrl });
      }
      throw e;
    }
  }

  /** /api/info of a saved workspace, with the certificate's details on a TLS failure. */
  info(w: Workspace): Promise<WorkspaceInfo> {
    return this.withCertificate(w.baseUrl, () => new RocketChatClient(this.transportFor(w)).info());
  }

  /** Saves a workspace once it has answered as Rocket.Chat (with the trust given). */
  async add(input: { url: string; name?: string; pinnedSha256?: string; caPem?: string; caFileName?: string; proxyUrl?: string }): Promise<Workspace> {
    const baseUrl = normalizeBaseUrl(input.url);
    if (this.store.findByUrl(baseUrl)) throw new AppFailure('INVALID_INPUT', said(say('ws.alreadySaved', { url: baseUrl })));
    const trust = { caPem: input.caPem ?? null, caFileName: input.caFileName ?? null, pinnedSha256: input.pinnedSha256?.toLowerCase() ?? null };
    const draft = { id: `new:${baseUrl}`, baseUrl, trust, proxyUrl: normalizeProxyUrl(input.proxyUrl) };
    const transport = this.transportFor(draft);
    const info = await this.withCertificate(baseUrl, () => new RocketChatClient(transport).info());
    this.transports.delete(draft.id);
    const saved = this.store.add({
      name: input.name?.trim() || info.workspaceUrl,
      baseUrl,
      trust,
      proxyUrl: draft.proxyUrl,
      lastSeen: { version: info.version, workspaceUrl: info.workspaceUrl, workspaceUrlSource: info.workspaceUrlSource, at: new Date().toISOString() },
    });
    this.transports.set(saved.id, { key: transportKey(saved), transport });
    return saved;
  }

  /** Name, trust or proxy changed; the next request uses them. */
  update(id: string, patch: { name?: string; pinnedSha256?: string | null; caPem?: string | null; caFileName?: string | null; proxyUrl?: string | null }): WorkspaceView {
    const w = this.store.get(id);
    this.readings.delete(id);
    const trust = { ...w.trust };
    if (patch.pinnedSha256 !== undefined) trust.pinnedSha256 = patch.pinnedSha256?.toLowerCase() ?? null;
    if (patch.caPem !== undefined) {
      trust.caPem = patch.caPem;
      trust.caFileName = patch.caFileName ?? null;
    }
    return viewOf(
      this.store.update(id, {
        ...(patch.name !== undefined ? { name: patch.name.trim() || w.name } : {}),
        ...(patch.proxyUrl !== undefined ? { proxyUrl: normalizeProxyUrl(patch.proxyUrl) } : {}),
        trust,
      }),
    );
  }

  /** What the workspace was last seen running, so the window can show it before it answers again. */
  seen(id: string, seen: { version: string; workspaceUrl: string; workspaceUrlSource: 'server' | 'guess'; at?: string }): Workspace {
    return this.store.update(id, { lastSeen: { version: seen.version, workspaceUrl: seen.workspaceUrl, workspaceUrlSource: seen.workspaceUrlSource, at: seen.at ?? new Date().toISOString() } });
  }

  /** What a job found the workspace running, when it got that far. */
  seenInJob(id: string, job: Pick<InstallResult, 'workspace' | 'finishedAt'>): void {
    // A job changed (or re-read) the workspace: what was read before it no longer stands.
    this.readings.delete(id);
    const { version, workspaceUrl, workspaceUrlSource } = job.workspace;
    if (version && workspaceUrl && workspaceUrlSource) this.seen(id, { version, workspaceUrl, workspaceUrlSource, at: job.finishedAt });
  }

  /** Keeps what readWorkspace found, for a license checked against it moments later. */
  remember(id: string, as: string | null, reading: WorkspaceReading): void {
    this.readings.set(id, { at: Date.now(), as, reading });
  }

  /** The last reading, if it was made as the same account less than `maxAgeMs` ago. */
  recall(id: string, as: string | null, maxAgeMs: number): WorkspaceReading | null {
    const r = this.readings.get(id);
    const age = r ? Date.now() - r.at : Infinity;
    return r && r.as === as && age >= 0 && age < maxAgeMs ? r.reading : null;
  }

  forget(id: string): void {
    this.readings.delete(id);
    void this.transports.get(id)?.transport.close();
    this.transports.delete(id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.transports.values()].map((t) => t.transport.close()));
    this.transports.clear();
  }
}
