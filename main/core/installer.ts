// The app's whole behaviour, one method per thing a technician does, composed from the nouns:
// saved workspaces and their connections (workspaces/), sign-in (workspaces/sign-in.ts), the
// licenses read this session (license/), and installations with their record (installs/). It
// holds no logic of its own: the contract's handlers and the CLI's commands call it, so that
// neither has to know which noun does what.
import type { SecretStore } from './workspaces/secret-store';
import { toInspection } from './license/license';
import { verificationKeys, type VerificationKey } from './license/license-decode';
import { noWorkspace } from './license/license-checks';
import { LoadedLicenses, type LoadedLicense } from './license/license-store';
import type { Credentials } from './rocketchat/rocketchat-client';
import { Installations, type InstallTiming, type RunOptions } from './installs/installations';
import { workspaceIdOf } from './installs/job-log';
import { Connections, viewOf } from './workspaces/connections';
import { factsForChecks, readWorkspace } from './workspaces/connect';
import { SignIn } from './workspaces/sign-in';
import { WorkspaceStore, type Workspace } from './workspaces/workspace-store';
import type { Inspection } from './license/types';
import type { InstallResult, JobSummary } from './installs/types';
import type { SignedInUser, WorkspaceConnection, WorkspaceView } from './workspaces/types';
import type { Lang } from './i18n/format';

export { viewOf };

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
  /** For tests: the clock the flow waits on (see e2e/support/flow-kit.ts's fastClock). */
  timing?: InstallTiming;
}

export class Installer {
  readonly workspaces: WorkspaceStore;
  readonly connections: Connections;
  readonly signIn: SignIn;
  readonly licenses: LoadedLicenses;
  readonly installations: Installations;

  constructor(options: InstallerOptions) {
    const keys = options.licenseKeys ?? verificationKeys();
    this.workspaces = new WorkspaceStore(options.dataDir);
    this.connections = new Connections(this.workspaces, options.timeoutMs);
    this.signIn = new SignIn(this.workspaces, this.connections, options.keychain, options.fixedCredentials);
    this.licenses = new LoadedLicenses(keys);
    this.installations = new Installations({ ...options, keys });
  }

  private get reading() {
    return { store: this.workspaces, connections: this.connections, signIn: this.signIn };
  }

  // ---- workspaces and sign-in -------------------------------------------------------------------

  /** Saves the workspace once it answers as Rocket.Chat, then reads its status (its read-only mode is public). */
  async addWorkspace(input: { url: string; name?: string; pinnedSha256?: string; caPem?: string; caFileName?: string; proxyUrl?: string }): Promise<WorkspaceConnection> {
    const saved = await this.connections.add(input);
    return (await readWorkspace(this.reading, saved.id)).connection;
  }

  listWorkspaces(): { workspaces: WorkspaceView[]; warnings: string[] } {
    return { workspaces: this.workspaces.list().map(viewOf), warnings: [...this.workspaces.warnings] };
  }

  /** Fresh facts about a workspace: version, Site URL, clock, and the active license when signed in. */
  async connect(id: string): Promise<WorkspaceConnection> {
    return (await readWorkspace(this.reading, id)).connection;
  }

  updateWorkspace(id: string, patch: Parameters<Connections['update']>[1]): WorkspaceView {
    return this.connections.update(id, patch);
  }

  /** Forgets the workspace, its stored sign-in and its backups on this laptop (nothing changes on the server). */
  async removeWorkspace(id: string): Promise<void> {
    await this.signIn.vault.forgetWorkspace(this.workspaces.get(id).baseUrl);
    this.installations.forgetWorkspace(id);
    this.workspaces.remove(id);
    this.connections.forget(id);
  }

  login(id: string, input: { user: string; password: string; code?: string; sessionOnly?: boolean }): Promise<SignedInUser> {
    return this.signIn.login(id, input);
  }

  useToken(id: string, input: { userId: string; token: string; sessionOnly?: boolean }): Promise<SignedInUser> {
    return this.signIn.useToken(id, input);
  }

  logout(id: string): Promise<{ revokedOnServer: boolean; kind: 'login' | 'pat' | null }> {
    return this.signIn.logout(id);
  }

  // ---- licenses and installations -----------------------------------------------------------------

  /** What the license grants and how it fits the workspace (when one is named). */
  async inspect(input: Uint8Array | string, source: string | null, workspaceId?: string, fileSize?: number): Promise<Inspection> {
    const license = await this.licenses.load(input, source, fileSize);
    const against: Awaited<ReturnType<typeof factsForChecks>> = workspaceId ? await factsForChecks(this.reading, workspaceId) : { facts: { ...noWorkspace(), unreadable: null }, active: null };
    return toInspection(license, against.facts, against.active, against.backup, against.restriction);
  }

  install(id: string, sha256: string, options: RunOptions = {}): Promise<InstallResult> {
    return this.run(this.workspaces.get(id), this.licenses.get(sha256), options);
  }

  /** Puts back the license a job kept, through the same verified flow, as a job of its own —
   * unless the job's own license became active meanwhile (then only when asked again). */
  async restore(jobId: string, options: RunOptions & { evenIfActive?: boolean } = {}): Promise<InstallResult> {
    const { job, text } = await this.installations.backupOf(jobId);
    const w = this.workspaces.get(workspaceIdOf(job));
    const license = await this.licenses.loadBackup(text, jobId);
    const client = await this.signIn.client(w);
    await this.signIn.guard(w, () => this.connections.withCertificate(w.baseUrl, () => this.installations.guardRestore(client, jobId, options.evenIfActive)));
    return this.run(w, license, { ...options, restoreOf: jobId });
  }

  /** Reads the server's state for a job again and records the outcome it shows now. */
  async verify(jobId: string): Promise<InstallResult> {
    const w = this.workspaces.get(workspaceIdOf(this.installations.job(jobId)));
    const client = await this.signIn.client(w);
    return this.signIn.guard(w, () => this.connections.withCertificate(w.baseUrl, () => this.installations.verify(client, jobId)));
  }

  private async run(w: Workspace, license: LoadedLicense, options: RunOptions & { restoreOf?: string }): Promise<InstallResult> {
    const result = await this.installations.run(await this.signIn.client(w), { id: w.id, name: w.name }, license, options);
    await this.signIn.afterJob(w, result);
    this.connections.seenInJob(w.id, result);
    return result;
  }

  // ---- the record -------------------------------------------------------------------------------

  history(): { jobs: JobSummary[]; warnings: string[] } {
    return this.installations.history();
  }

  job(jobId: string): InstallResult {
    return this.installations.job(jobId);
  }

  saveReceipt(jobId: string, format: 'html' | 'json' | 'pdf', lang?: Lang): Promise<{ path: string | null }> {
    return this.installations.saveReceipt(jobId, format, lang);
  }

  close(): Promise<void> {
    return this.connections.close();
  }
}
