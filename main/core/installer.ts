// Workspaces and sign-in, the licenses loaded this session, and the way in to installations
// (installations.ts: running one, restoring what one replaced, the record). The Electron IPC
// handlers, the CLI and the browser test bridge are all thin shells over this.
import { AppFailure, toAppError } from './errors';
import type { SecretStore } from './secret-store';
import { decodeLicense, toInspection, type DecodedLicense } from './license/license';
import type { BackupNote } from './license/replacement';
import { verificationKeys, type VerificationKey } from './license/license-decode';
import { noWorkspace } from './license/license-checks';
import { LicenseStore, type LoadedLicense } from './license/license-store';
import { Transport, normalizeBaseUrl, normalizeProxyUrl, probeCertificate, isUnencrypted } from './rocketchat/http';
import { RocketChatClient, type Credentials, type LicenseStateWithUsage } from './rocketchat/rocketchat-client';
import { workspaceFacts } from './rocketchat/install-flow';
import { Installations, type InstallTiming, type RunOptions } from './installations';
import { WorkspaceStore, type Workspace } from './state/workspace-store';
import { CredentialVault, type CredentialStorage } from './state/credential-vault';
import type {
  CertificateInfo,
  Inspection,
  InstallResult,
  JobSummary,
  SignedInUser,
  WorkspaceConnection,
  WorkspaceFacts,
  WorkspaceView,
} from './types';

export interface InstallerOptions {
  dataDir: string;
  keychain: SecretStore;
  licenseKeys?: VerificationKey[];
  timeoutMs?: number;
  /** Where a receipt goes. Default: <dataDir>/receipts/<name>. The desktop shell asks with a dialog. */
  saveFile?: (suggestedName: string, data: string | Buffer) => Promise<string | null>;
  /** HTML → PDF, where the shell can (Electron's printToPDF). */
  renderPdf?: (html: string) => Promise<Buffer>;
  /** How many previous licenses to keep per workspace (default 20, the newest jobs'). */
  backupsPerWorkspace?: number;
  /** This program, as another one waiting for the installation lock is told ("rc-license"…). */
  program?: string;
  /** Credentials for every workspace in this process (the CLI's RC_USER_ID/RC_AUTH_TOKEN for
   * unattended runs): used instead of the keychain, never stored. */
  fixedCredentials?: Credentials;
  /** For tests: the clock the flow waits on (see flow-test-kit's fastClock). */
  timing?: InstallTiming;
}

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

function certificateData(c: CertificateInfo): Record<string, string | boolean | null> {
  return { ...c };
}

export class Installer {
  readonly workspaces: WorkspaceStore;
  readonly installations: Installations;
  readonly vault: CredentialVault;
  readonly licenses = new LicenseStore();
  private readonly keys: VerificationKey[];
  private readonly transports = new Map<string, { key: string; transport: Transport }>();

  constructor(private readonly options: InstallerOptions) {
    this.workspaces = new WorkspaceStore(options.dataDir);
    this.installations = new Installations({ ...options, keys: options.licenseKeys ?? verificationKeys() });
    this.vault = new CredentialVault(options.keychain);
    this.keys = options.licenseKeys ?? verificationKeys();
  }

  // ---- connections ----------------------------------------------------------------------------

  private transportFor(w: Pick<Workspace, 'id' | 'baseUrl' | 'trust' | 'proxyUrl'>): Transport {
    const key = JSON.stringify([w.baseUrl, w.trust.pinnedSha256, w.trust.caPem, w.proxyUrl]);
    const cached = this.transports.get(w.id);
    if (cached?.key === key) return cached.transport;
    void cached?.transport.close();
    const transport = new Transport({ baseUrl: w.baseUrl, trust: w.trust, proxyUrl: w.proxyUrl, timeoutMs: this.options.timeoutMs });
    this.transports.set(w.id, { key, transport });
    return transport;
  }

  /** A TLS failure gains the certificate's details, so the window can show the trust prompt. */
  private async withCertificate<T>(baseUrl: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      // http:// to a port that speaks TLS: the server drops the plain request. Say which it is.
      if (e instanceof AppFailure && e.code === 'NETWORK_UNREACHABLE' && baseUrl.startsWith('http:')) {
        const https = baseUrl.replace(/^http:/, 'https:');
        if (await probeCertificate(https).catch(() => null)) {
          throw new AppFailure('NETWORK_UNREACHABLE', `This port speaks HTTPS: use ${https} instead of ${baseUrl}.`, { suggestedUrl: https });
        }
      }
      if (e instanceof AppFailure && (e.code === 'TLS_UNTRUSTED' || e.code === 'CERT_CHANGED') && baseUrl.startsWith('https:')) {
        const cert = await probeCertificate(baseUrl).catch(() => null);
        if (cert) throw new AppFailure(e.code, e.detail, { ...e.data, ...certificateData(cert) });
      }
      throw e;
    }
  }

  private async signedInClient(w: Workspace): Promise<{ client: RocketChatClient; who: NonNullable<Workspace['signedInAs']> | null }> {
    if (this.options.fixedCredentials) return { client: new RocketChatClient(this.transportFor(w), this.options.fixedCredentials), who: null };
    const who = w.signedInAs;
    if (!who) throw new AppFailure('AUTH_REQUIRED', `You are not signed in to ${w.name}.`);
    const stored = await this.vault.load(w.baseUrl, who.userId, who.storage);
    if (!stored) {
      this.workspaces.update(w.id, { signedInAs: null });
      throw new AppFailure('AUTH_REQUIRED', who.storage === 'session' ? 'The session-only sign-in ended when the app was closed.' : 'The saved sign-in is no longer in the keychain.');
    }
    return { client: new RocketChatClient(this.transportFor(w), { userId: stored.userId, authToken: stored.token }), who };
  }

  /** A token the server rejects signs the workspace out (and is forgotten); nothing else is lost. */
  private async handleExpired<T>(w: Workspace, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'AUTH_REQUIRED' && w.signedInAs && !this.options.fixedCredentials) {
        await this.vault.forget(w.baseUrl, w.signedInAs.userId, w.signedInAs.storage).catch(() => undefined);
        this.workspaces.update(w.id, { signedInAs: null });
        throw new AppFailure('AUTH_REQUIRED', `${w.name} no longer accepts the saved sign-in (it expired or was revoked). Sign in again; the loaded license is kept.`);
      }
      throw e;
    }
  }

  async addWorkspace(input: { url: string; name?: string; pinnedSha256?: string; caPem?: string; caFileName?: string; proxyUrl?: string }): Promise<WorkspaceConnection> {
    const baseUrl = normalizeBaseUrl(input.url);
    if (this.workspaces.findByUrl(baseUrl)) throw new AppFailure('INVALID_INPUT', `${baseUrl} is already saved.`);
    const trust = { caPem: input.caPem ?? null, caFileName: input.caFileName ?? null, pinnedSha256: input.pinnedSha256?.toLowerCase() ?? null };
    const draft = { id: `new:${baseUrl}`, baseUrl, trust, proxyUrl: normalizeProxyUrl(input.proxyUrl) };
    const transport = this.transportFor(draft);
    const info = await this.withCertificate(baseUrl, () => new RocketChatClient(transport).info());
    this.transports.delete(draft.id);
    const saved = this.workspaces.add({
      name: input.name?.trim() || info.workspaceUrl,
      baseUrl,
      trust,
      proxyUrl: draft.proxyUrl,
      lastSeen: { version: info.version, workspaceUrl: info.workspaceUrl, workspaceUrlSource: info.workspaceUrlSource, at: new Date().toISOString() },
    });
    this.transports.set(saved.id, { key: JSON.stringify([baseUrl, trust.pinnedSha256, trust.caPem, draft.proxyUrl]), transport });
    return { workspace: viewOf(saved), info, license: null };
  }

  listWorkspaces(): { workspaces: WorkspaceView[]; warnings: string[] } {
    return { workspaces: this.workspaces.list().map(viewOf), warnings: [...this.workspaces.warnings] };
  }

  /** Fresh facts about a workspace: version, Site URL, clock, and the active license when signed in. */
  async connect(id: string): Promise<WorkspaceConnection> {
    return (await this.refresh(id)).connection;
  }

  /** One round of server facts: info, Site URL and — when signed in — the license state with usage. */
  private async refresh(id: string, options: { backupNote?: boolean } = {}): Promise<{ connection: WorkspaceConnection; usage: WorkspaceFacts['usage']; backup?: BackupNote }> {
    let w = this.workspaces.get(id);
    const info = await this.withCertificate(w.baseUrl, () => new RocketChatClient(this.transportFor(w)).info());
    let state: LicenseStateWithUsage | null = null;
    let backup: BackupNote | undefined;
    if (w.signedInAs || this.options.fixedCredentials) {
      const { client } = await this.signedInClient(w);
      await this.handleExpired(w, async () => {
        if (w.signedInAs?.isAdmin || this.options.fixedCredentials) Object.assign(info, await client.withSiteUrl(info));
        state = await client.licenseState(info.capabilities).catch((e) => (e instanceof AppFailure && e.code === 'FORBIDDEN' ? null : Promise.reject(e)));
        if (options.backupNote) {
          // Whether the install will be able to keep the stored license, said in the confirmation.
          const stored = await client.storedLicense();
          backup = stored.readable ? { possible: stored.value.trim() !== '' } : { possible: false, reason: stored.reason };
        }
      });
    }
    w = this.workspaces.update(id, { lastSeen: { version: info.version, workspaceUrl: info.workspaceUrl, workspaceUrlSource: info.workspaceUrlSource, at: new Date().toISOString() } });
    const read = state as LicenseStateWithUsage | null;
    return { connection: { workspace: viewOf(w), info, license: read?.state ?? null }, usage: read?.usage ?? null, backup };
  }

  updateWorkspace(id: string, patch: { name?: string; pinnedSha256?: string | null; caPem?: string | null; caFileName?: string | null; proxyUrl?: string | null }): WorkspaceView {
    const w = this.workspaces.get(id);
    const trust = { ...w.trust };
    if (patch.pinnedSha256 !== undefined) trust.pinnedSha256 = patch.pinnedSha256?.toLowerCase() ?? null;
    if (patch.caPem !== undefined) {
      trust.caPem = patch.caPem;
      trust.caFileName = patch.caFileName ?? null;
    }
    return viewOf(
      this.workspaces.update(id, {
        ...(patch.name !== undefined ? { name: patch.name.trim() || w.name } : {}),
        ...(patch.proxyUrl !== undefined ? { proxyUrl: normalizeProxyUrl(patch.proxyUrl) } : {}),
        trust,
      }),
    );
  }

  /** Forgets the workspace and its stored sign-in on this laptop (nothing is changed on the server). */
  async removeWorkspace(id: string): Promise<void> {
    const w = this.workspaces.get(id);
    await this.vault.forgetWorkspace(w.baseUrl);
    this.installations.forgetWorkspace(id);
    this.workspaces.remove(id);
    void this.transports.get(id)?.transport.close();
    this.transports.delete(id);
  }

  // ---- sign-in ----------------------------------------------------------------------------------

  private async storageFor(sessionOnly: boolean): Promise<CredentialStorage> {
    if (sessionOnly) return 'session';
    // Ask before signing in, so a token is never created on the server with nowhere to keep it.
    const status = await this.options.keychain.status();
    if (!status.available) throw new AppFailure('KEYCHAIN_UNAVAILABLE', status.reason);
    return 'keychain';
  }

  async login(id: string, input: { user: string; password: string; code?: string; sessionOnly?: boolean }): Promise<SignedInUser> {
    const w = this.workspaces.get(id);
    const storage = await this.storageFor(Boolean(input.sessionOnly));
    const client = new RocketChatClient(this.transportFor(w));
    const { credentials, user } = await this.withCertificate(w.baseUrl, () => client.login(input.user, input.password, input.code));
    await this.remember(w, credentials, 'login', storage, async () => {
      await new RocketChatClient(this.transportFor(w), credentials).logout().catch(() => undefined);
    });
    this.workspaces.update(id, { signedInAs: { userId: user.userId, username: user.username, kind: 'login', isAdmin: user.isAdmin, storage } });
    return user;
  }

  /** A personal access token (user id + token), checked with /me before it is kept. */
  async useToken(id: string, input: { userId: string; token: string; sessionOnly?: boolean }): Promise<SignedInUser> {
    const w = this.workspaces.get(id);
    const storage = await this.storageFor(Boolean(input.sessionOnly));
    const credentials = { userId: input.userId.trim(), authToken: input.token.trim() };
    const user = await this.withCertificate(w.baseUrl, () => new RocketChatClient(this.transportFor(w), credentials).me()).catch((e) => {
      if (e instanceof AppFailure && e.code === 'AUTH_REQUIRED') throw new AppFailure('AUTH_INVALID', 'The server does not accept this user id and token together.');
      throw e;
    });
    await this.remember(w, credentials, 'pat', storage, async () => undefined);
    this.workspaces.update(id, { signedInAs: { userId: user.userId, username: user.username, kind: 'pat', isAdmin: user.isAdmin, storage } });
    return user;
  }

  private async remember(w: Workspace, c: Credentials, kind: 'login' | 'pat', storage: CredentialStorage, undo: () => Promise<void>): Promise<void> {
    if (w.signedInAs) await this.vault.forget(w.baseUrl, w.signedInAs.userId, w.signedInAs.storage).catch(() => undefined);
    try {
      await this.vault.save(w.baseUrl, { kind, userId: c.userId, token: c.authToken }, storage);
    } catch (e) {
      await undo(); // no token left valid on the server with nowhere to keep it
      throw e;
    }
  }

  /** Signs out: a login token is revoked on the server, then forgotten; a personal access token is
   * only forgotten here (logging it out would revoke it on the server). */
  async logout(id: string): Promise<{ revokedOnServer: boolean; kind: 'login' | 'pat' | null }> {
    const w = this.workspaces.get(id);
    const who = w.signedInAs;
    if (!who) return { revokedOnServer: false, kind: null };
    let revoked = false;
    if (who.kind === 'login') {
      const stored = await this.vault.load(w.baseUrl, who.userId, who.storage).catch(() => null);
      if (stored) {
        revoked = await new RocketChatClient(this.transportFor(w), { userId: stored.userId, authToken: stored.token })
          .logout()
          .then(() => true)
          .catch(() => false);
      }
    }
    await this.vault.forget(w.baseUrl, who.userId, who.storage);
    this.workspaces.update(id, { signedInAs: null });
    return { revokedOnServer: revoked, kind: who.kind };
  }

  // ---- licenses ---------------------------------------------------------------------------------

  async loadLicense(input: Uint8Array | string, source: string | null, fileSize?: number): Promise<DecodedLicense> {
    const decoded = await decodeLicense(input, this.keys, fileSize);
    this.licenses.put({ ...decoded, source });
    return decoded;
  }

  /** What the license grants and how it fits the workspace (when one is named). */
  async inspect(input: Uint8Array | string, source: string | null, workspaceId?: string, fileSize?: number): Promise<Inspection> {
    const decoded = await this.loadLicense(input, source, fileSize);
    let unreadable: string | null = null;
    const fresh = workspaceId
      ? await this.refresh(workspaceId, { backupNote: true }).catch((e) => {
          const error = toAppError(e);
          unreadable = [error.message, error.detail].filter(Boolean).join(' ');
          return null;
        })
      : null;
    if (!fresh) return toInspection(decoded, { ...noWorkspace(), unreadable });
    const { info, license } = fresh.connection;
    return toInspection(decoded, workspaceFacts(info, fresh.usage), license, fresh.backup);
  }

  loaded(sha256: string): LoadedLicense {
    const l = this.licenses.get(sha256);
    if (!l) throw new AppFailure('INVALID_INPUT', 'That license is no longer loaded: drop the file again.');
    return l;
  }

  async install(id: string, sha256: string, options: RunOptions = {}): Promise<InstallResult> {
    return this.run(this.workspaces.get(id), this.loaded(sha256), options);
  }

  /** Puts back the license a job kept, through the same verified flow, as a job of its own. */
  async restore(jobId: string, options: RunOptions = {}): Promise<InstallResult> {
    const { job, text } = await this.installations.backupOf(jobId);
    const w = this.workspaceOf(job);
    const license = await this.loadLicense(text, `backup of job ${jobId}`).catch((e) => {
      throw new AppFailure('BACKUP_DAMAGED', `The backup of job ${jobId} is not a license this app can verify: ${e instanceof AppFailure ? e.message : String(e)}`);
    });
    return this.run(w, { ...license, source: null }, { ...options, restoreOf: jobId });
  }

  /** Reads the server's state for a job again and records the outcome it shows now. */
  async verify(jobId: string): Promise<InstallResult> {
    const w = this.workspaceOf(this.installations.job(jobId));
    const { client } = await this.signedInClient(w);
    return this.handleExpired(w, () => this.withCertificate(w.baseUrl, () => this.installations.verify(client, jobId)));
  }

  /** The saved workspace a recorded job was for. */
  private workspaceOf(job: InstallResult): Workspace {
    if (!job.workspace.id) throw new AppFailure('WORKSPACE_UNKNOWN', `Job ${job.jobId} names no saved workspace.`);
    return this.workspaces.get(job.workspace.id);
  }

  private async run(w: Workspace, license: LoadedLicense, options: RunOptions & { restoreOf?: string }): Promise<InstallResult> {
    const { client } = await this.signedInClient(w);
    const result = await this.installations.run(client, { id: w.id, name: w.name }, license, options);
    if (result.error?.code === 'AUTH_REQUIRED' && w.signedInAs && !this.options.fixedCredentials) {
      await this.vault.forget(w.baseUrl, w.signedInAs.userId, w.signedInAs.storage).catch(() => undefined);
      this.workspaces.update(w.id, { signedInAs: null });
    }
    if (result.workspace.version && result.workspace.workspaceUrl && result.workspace.workspaceUrlSource) {
      this.workspaces.update(w.id, {
        lastSeen: { version: result.workspace.version, workspaceUrl: result.workspace.workspaceUrl, workspaceUrlSource: result.workspace.workspaceUrlSource, at: result.finishedAt },
      });
    }
    return result;
  }

  // ---- the record -------------------------------------------------------------------------------

  history(): { jobs: JobSummary[]; warnings: string[] } {
    return this.installations.history();
  }

  job(jobId: string): InstallResult {
    return this.installations.job(jobId);
  }

  saveReceipt(jobId: string, format: 'html' | 'json' | 'pdf'): Promise<{ path: string | null }> {
    return this.installations.saveReceipt(jobId, format);
  }

  receiptHtml(jobId: string): string {
    return this.installations.receiptHtml(jobId);
  }

  async close(): Promise<void> {
    await Promise.all([...this.transports.values()].map((t) => t.transport.close()));
    this.transports.clear();
  }
}
