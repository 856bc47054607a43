// The window's shared state, over the contract. Components read it and call its actions; nothing
// here touches a token or the network — every call goes through the preload API.
import type {
  AppError,
  Inspection,
  InstallResult,
  InstallStep,
  JobSummary,
  KeychainStatus,
  LicenseSource,
  Result,
  SignedInUser,
  WorkspaceConnection,
  WorkspaceView,
} from '../../../main/core/contract';
import { installer } from './installer';
import { tick } from 'svelte';

export type View = 'install' | 'history' | 'about';

/** Reads a dropped or chosen file: at most one byte past the 64 KiB limit is sent. */
export async function fileSource(file: File): Promise<LicenseSource> {
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024 + 1).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { kind: 'file', name: file.name, base64: btoa(binary), size: file.size };
}

class AppState {
  view = $state<View>('install');
  /** The one line read out to screen readers (aria-live), and shown in the status bar. */
  announcement = $state('Ready. Nothing is sent anywhere until you apply a license.');
  /** When the status line was last set: an old message is shown as old, never under a newer one. */
  announcedAt = $state(new Date());

  workspaces = $state<WorkspaceView[]>([]);
  workspaceWarnings = $state<string[]>([]);
  selectedId = $state<string | null>(null);
  connection = $state<WorkspaceConnection | null>(null);
  connecting = $state(false);
  connectError = $state<AppError | null>(null);
  /** When the workspace last answered: what the panel shows is as of then. */
  connectedAt = $state<string | null>(null);

  keychain = $state<KeychainStatus | null>(null);

  inspection = $state<Inspection | null>(null);
  licenseName = $state<string | null>(null);
  licenseError = $state<AppError | null>(null);
  reading = $state(false);
  /** ms from drop to summary, for the benchmark and the curious. */
  lastReadMs = $state<number | null>(null);
  private lastSource: LicenseSource | null = null;

  installing = $state(false);
  steps = $state<InstallStep[]>([]);
  result = $state<InstallResult | null>(null);
  installError = $state<AppError | null>(null);

  /** Replaced whole, never changed in place: raw, so that 1 000 jobs are not made into 1 000 deep proxies. */
  jobs = $state.raw<JobSummary[]>([]);
  jobWarnings = $state<string[]>([]);

  selected = $derived(this.workspaces.find((w) => w.id === this.selectedId) ?? null);

  private unsubscribe: (() => void) | null = null;

  async start(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = installer().on('install.progress', (p) => {
      if (!this.installing) return;
      const i = this.steps.findIndex((s) => s.step === p.step.step);
      if (i >= 0) this.steps[i] = p.step;
      else this.steps.push(p.step);
      if (p.step.status !== 'running') this.announce(p.step.message);
    });
    await Promise.all([this.loadWorkspaces(), this.checkKeychain()]);
    if (!this.selectedId && this.workspaces.length) await this.select(this.workspaces[0].id);
  }

  /** Back to a fresh window (used by component tests between cases). */
  reset(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    Object.assign(this, {
      view: 'install',
      workspaces: [],
      workspaceWarnings: [],
      selectedId: null,
      connection: null,
      connecting: false,
      connectError: null,
      keychain: null,
      inspection: null,
      licenseName: null,
      licenseError: null,
      reading: false,
      installing: false,
      steps: [],
      result: null,
      installError: null,
      jobs: [],
      jobWarnings: [],
    });
    this.lastSource = null;
  }

  announce(text: string): void {
    this.announcement = text;
    this.announcedAt = new Date();
  }

  /** A failure, as the status line's newest message (also one shown in a form: sign-in, add, trust, rename). */
  private announceError(error: AppError): void {
    this.announce(`${error.message} ${error.detail ?? ''}`.trim());
  }

  async checkKeychain(): Promise<void> {
    const r = await installer()['keychain.status']();
    if (r.ok) this.keychain = r.value;
  }

  async loadWorkspaces(): Promise<void> {
    const r = await installer()['workspace.list']();
    if (r.ok) {
      this.workspaces = r.value.workspaces;
      this.workspaceWarnings = r.value.warnings;
    }
  }

  private replaceWorkspace(w: WorkspaceView): void {
    const i = this.workspaces.findIndex((x) => x.id === w.id);
    if (i >= 0) this.workspaces[i] = w;
    else this.workspaces.push(w);
  }

  async select(id: string): Promise<void> {
    this.selectedId = id;
    this.connection = null;
    this.result = null;
    this.steps = [];
    await this.connect();
  }

  /** `quiet`: keep the announcement that led here (a sign-in or sign-out message) on screen. */
  async connect(options: { reinspect?: boolean; quiet?: boolean } = {}): Promise<void> {
    if (!this.selectedId) return;
    this.connecting = true;
    this.connectError = null;
    const r = await installer()['workspace.connect']({ workspaceId: this.selectedId });
    this.connecting = false;
    if (r.ok) {
      this.connection = r.value;
      this.connectedAt = new Date().toISOString();
      this.replaceWorkspace(r.value.workspace);
      if (!options.quiet) this.announce(`Connected to ${r.value.workspace.name}: Rocket.Chat ${r.value.info.version}.`);
      if (options.reinspect === false) return;
      if (this.lastSource) await this.reinspect();
    } else {
      this.connectError = r.error;
      await this.loadWorkspaces(); // a 401 may have signed the workspace out
      this.announce(r.error.message);
    }
  }

  /**
   * Focus goes to the next thing to do, never back to <body>: sign in, then choose the license,
   * then Apply (or the license's summary when a check stops it). Results focus their own heading.
   */
  private focusNext(): void {
    if (typeof document === 'undefined') return;
    void tick().then(() => {
      const signedIn = Boolean(this.selected?.signedInAs);
      const selectors = !signedIn
        ? ['#signin-user']
        : this.inspection
          ? ['[data-testid="apply-button"]:not([disabled])', '#license-customer']
          : ['[data-testid="dropzone"] button'];
      for (const selector of selectors) {
        const el = document.querySelector<HTMLElement>(selector);
        if (el) return el.focus();
      }
    });
  }

  async addWorkspace(input: { url: string; name?: string; pinnedSha256?: string; caPem?: string; caFileName?: string }): Promise<Result<WorkspaceConnection>> {
    const r = await installer()['workspace.add'](input);
    if (r.ok) {
      this.replaceWorkspace(r.value.workspace);
      this.selectedId = r.value.workspace.id;
      this.connection = r.value;
      this.connectError = null;
      this.announce(`Added ${r.value.workspace.name} (Rocket.Chat ${r.value.info.version}).`);
      if (this.lastSource) await this.reinspect();
      this.focusNext();
    } else this.announceError(r.error);
    return r;
  }

  async updateTrust(trust: { pinnedSha256?: string | null; caPem?: string | null; caFileName?: string | null }): Promise<void> {
    if (!this.selectedId) return;
    const r = await installer()['workspace.update']({ workspaceId: this.selectedId, ...trust });
    if (r.ok) {
      this.replaceWorkspace(r.value);
      await this.connect();
      this.focusNext();
    } else {
      this.connectError = r.error;
      this.announceError(r.error);
    }
  }

  async rename(name: string): Promise<void> {
    if (!this.selectedId) return;
    const r = await installer()['workspace.update']({ workspaceId: this.selectedId, name });
    if (r.ok) {
      this.replaceWorkspace(r.value);
      this.announce(`Renamed to ${r.value.name}.`);
    } else this.announceError(r.error);
  }

  async remove(): Promise<void> {
    if (!this.selectedId) return;
    const name = this.selected?.name;
    const r = await installer()['workspace.remove']({ workspaceId: this.selectedId });
    if (!r.ok) return this.announceError(r.error);
    this.workspaces = this.workspaces.filter((w) => w.id !== this.selectedId);
    this.selectedId = null;
    this.connection = null;
    this.announce(`Removed ${name} from this laptop.`);
    if (this.workspaces.length) await this.select(this.workspaces[0].id);
  }

  async signIn(input: { user: string; password: string; code?: string; sessionOnly?: boolean }): Promise<Result<SignedInUser>> {
    const r = await installer()['auth.login']({ workspaceId: this.selectedId!, ...input });
    if (r.ok) await this.afterSignIn(r.value);
    else this.announceError(r.error);
    return r;
  }

  async signInWithToken(input: { userId: string; token: string; sessionOnly?: boolean }): Promise<Result<SignedInUser>> {
    const r = await installer()['auth.token']({ workspaceId: this.selectedId!, ...input });
    if (r.ok) await this.afterSignIn(r.value);
    else this.announceError(r.error);
    return r;
  }

  private async afterSignIn(user: SignedInUser): Promise<void> {
    this.announce(`Signed in as ${user.username}${user.isAdmin ? '' : ' (not an administrator)'}.`);
    await this.loadWorkspaces();
    await this.connect({ quiet: true });
    this.focusNext();
  }

  async signOut(): Promise<void> {
    const r = await installer()['auth.logout']({ workspaceId: this.selectedId! });
    if (r.ok) {
      this.announce(
        r.value.kind === 'pat'
          ? 'Signed out. The personal access token was forgotten on this laptop; it stays valid on the server until you delete it there.'
          : r.value.revokedOnServer
            ? 'Signed out: the session was ended on the server and forgotten here.'
            : 'Signed out here. The server could not be told; the session ends there when it expires.',
      );
    } else this.announceError(r.error);
    await this.loadWorkspaces();
    await this.connect({ quiet: true });
  }

  async readLicense(source: LicenseSource): Promise<void> {
    const started = performance.now();
    this.reading = true;
    this.licenseError = null;
    this.result = null;
    this.steps = [];
    const r = await installer()['license.inspect']({ source, workspaceId: this.connection ? (this.selectedId ?? undefined) : undefined });
    this.reading = false;
    if (r.ok) {
      this.lastSource = source;
      this.inspection = r.value;
      this.licenseName = source.kind === 'file' ? source.name : 'pasted text';
      this.lastReadMs = performance.now() - started;
      performance.mark('license-summary-shown');
      this.focusNext();
      const failing = r.value.checks.filter((c) => c.status === 'fail').length;
      this.announce(
        `License read: ${r.value.summary.customer?.company ?? r.value.summary.id ?? 'no customer named'}. ${failing ? `${failing} check${failing > 1 ? 's' : ''} failed.` : 'No check failed.'}`,
      );
    } else {
      this.licenseError = r.error;
      this.announceError(r.error);
    }
  }

  /** Re-checks the loaded license when the workspace (or its sign-in) changes. */
  private async reinspect(): Promise<void> {
    if (this.lastSource && !this.installing) await this.readLicense(this.lastSource);
  }

  clearLicense(): void {
    this.inspection = null;
    this.lastSource = null;
    this.licenseName = null;
    this.licenseError = null;
    this.result = null;
    this.steps = [];
  }

  async install(force: boolean): Promise<void> {
    if (!this.inspection || !this.selectedId) return;
    const { sha256 } = this.inspection.summary;
    const workspaceId = this.selectedId;
    await this.runJob(`Installing on ${this.selected?.name}…`, () => installer()['license.install']({ workspaceId, sha256, force }));
  }

  /** "Verify again": the server's state for a job read again; the job's record is updated. */
  async verify(jobId: string): Promise<InstallResult | null> {
    this.announce('Asking the workspace again…');
    const r = await installer()['history.verify']({ jobId });
    if (!r.ok) {
      this.announceError(r.error);
      return null;
    }
    if (this.result?.jobId === jobId) this.result = r.value;
    this.announce(r.value.headline);
    void this.loadHistory();
    return r.value;
  }

  /** Puts back the license a job kept before it sent another; the outcome shows like an install's. */
  async restore(jobId: string): Promise<InstallResult | null> {
    return this.runJob('Restoring the previous license…', () => installer()['license.restore']({ jobId }));
  }

  private async runJob(starting: string, call: () => Promise<Result<InstallResult>>): Promise<InstallResult | null> {
    this.installing = true;
    this.installError = null;
    this.result = null;
    this.steps = [];
    this.announce(starting);
    const r = await call();
    this.installing = false;
    if (r.ok) {
      this.result = r.value;
      this.steps = r.value.steps;
      this.announce(r.value.headline);
    } else {
      this.installError = r.error;
      this.announceError(r.error);
    }
    await this.finishJob();
    return r.ok ? r.value : null;
  }

  private async finishJob(): Promise<void> {
    await this.loadWorkspaces();
    // Show the workspace's license as it is now, keeping the result on screen.
    await this.connect({ reinspect: false, quiet: true });
    void this.loadHistory();
  }

  async loadHistory(): Promise<void> {
    const r = await installer()['history.list']();
    if (r.ok) {
      this.jobs = r.value.jobs;
      this.jobWarnings = r.value.warnings;
    }
  }

  async saveReceipt(jobId: string, format: 'html' | 'pdf' | 'json'): Promise<void> {
    const r = await installer()['receipt.save']({ jobId, format });
    if (r.ok) this.announce(r.value.path ? `Receipt saved: ${r.value.path}` : 'Receipt not saved.');
    else this.announceError(r.error);
  }

  async copy(text: string, what: string): Promise<void> {
    const r = await installer()['clipboard.write']({ text });
    this.announce(r.ok && r.value.copied ? `${what} copied.` : `${what}: ${text}`);
  }
}

export const app = new AppState();
