// An installation (or a restore, or "Verify again") as the window follows it: the steps as they
// end, the result, and the workspace and History read again afterwards.
import type { AppError, InstallResult, InstallStep, Result } from '../../../../main/core/contract';
import { installer } from '../installer';
import { statusOf } from '../../../../main/core/vocabulary';
import type { HistoryStore } from './history.svelte';
import type { LicenseStore } from './license.svelte';
import type { StatusStore } from './status.svelte';
import type { WorkspacesStore } from './workspaces.svelte';
import { i18n, t } from '../i18n.svelte';

function holdWhileInstalling(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Chromium still asks for this to be set.
  event.returnValue = '';
}

export class InstallStore {
  installing = $state(false);
  steps = $state<InstallStep[]>([]);
  result = $state<InstallResult | null>(null);
  installError = $state<AppError | null>(null);

  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly status: StatusStore,
    private readonly workspaces: WorkspacesStore,
    private readonly license: LicenseStore,
    private readonly history: HistoryStore,
  ) {}

  /** Follows the main process's progress events while an installation runs. */
  listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = installer().on('install.progress', (p) => {
      if (!this.installing) return;
      const i = this.steps.findIndex((s) => s.step === p.step.step);
      if (i >= 0) this.steps[i] = p.step;
      else this.steps.push(p.step);
      if (p.step.status !== 'running') this.status.announce(() => i18n.text(p.step));
    });
  }

  /** The restore of this job was refused because the job's own license is active now. */
  restoreRefused(jobId: string): AppError | null {
    const e = this.installError;
    return e?.code === 'NEWER_LICENSE_ACTIVE' && e.data?.jobId === jobId ? e : null;
  }

  /** The result on screen belongs to what came before: a new license or workspace clears it. */
  clear(): void {
    this.result = null;
    this.steps = [];
  }

  reset(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    Object.assign(this, { installing: false, steps: [], result: null, installError: null });
  }

  async install(force: boolean): Promise<void> {
    const inspection = this.license.inspection;
    const workspaceId = this.workspaces.selectedId;
    if (!inspection || !workspaceId) return;
    const { sha256 } = inspection.summary;
    const name = this.workspaces.selected?.name ?? '';
    await this.run(() => t('status.installing', { name }), () => installer()['license.install']({ workspaceId, sha256, force }));
  }

  /** "Verify again": the server's state for a job read again; the job's record is updated. */
  async verify(jobId: string): Promise<InstallResult | null> {
    this.status.announce(() => t('status.askingAgain'));
    const r = await installer()['history.verify']({ jobId });
    if (!r.ok) {
      this.status.announceError(r.error);
      return null;
    }
    if (this.result?.jobId === jobId) this.result = r.value;
    const verified = r.value;
    this.status.announce(() => i18n.text({ message: verified.headline, msg: verified.headlineMsg }));
    void this.history.loadHistory();
    // What the server says now may have changed the workspace's license and read-only mode.
    void this.workspaces.connect({ reinspect: false, quiet: true });
    return r.value;
  }

  /** Puts back the license a job kept before it sent another; the outcome shows like an install's.
   * The workspace refuses while the job's own license is active, unless `evenIfActive`. */
  async restore(jobId: string, options: { evenIfActive?: boolean } = {}): Promise<InstallResult | null> {
    return this.run(() => t('status.restoring'), () => installer()['license.restore']({ jobId, ...(options.evenIfActive ? { evenIfActive: true } : {}) }));
  }

  private async run(starting: () => string, call: () => Promise<Result<InstallResult>>): Promise<InstallResult | null> {
    const shown = { result: this.result, steps: this.steps };
    this.installing = true;
    this.installError = null;
    this.clear();
    this.status.announce(starting);
    // While a license is being sent or confirmed, closing the window asks first (main/app.ts).
    window.addEventListener('beforeunload', holdWhileInstalling);
    const r = await call().finally(() => window.removeEventListener('beforeunload', holdWhileInstalling));
    this.installing = false;
    if (r.ok) {
      // Restored: the panel shows what the workspace has now, not the license that was refused.
      if (statusOf(r.value) === 'restored') this.license.clearLicense();
      this.result = r.value;
      this.steps = r.value.steps;
      const done = r.value;
      this.status.announce(() => i18n.text({ message: done.headline, msg: done.headlineMsg }));
    } else {
      this.installError = r.error;
      this.status.announceError(r.error);
      // A restore that would replace a license that became active is asked again beside the
      // result it came from, which stays on screen.
      if (r.error.code === 'NEWER_LICENSE_ACTIVE') Object.assign(this, shown);
    }
    await this.workspaces.loadWorkspaces();
    // Show the workspace's license as it is now, keeping the result on screen.
    await this.workspaces.connect({ reinspect: false, quiet: true });
    void this.history.loadHistory();
    return r.ok ? r.value : null;
  }

  async saveReceipt(jobId: string, format: 'html' | 'pdf' | 'json'): Promise<void> {
    // In the window's language; the codes stay beside the words for a supervisor who reads another.
    const r = await installer()['receipt.save']({ jobId, format, ...(i18n.lang === 'en' ? {} : { lang: i18n.lang }) });
    if (r.ok) {
      const path = r.value.path;
      this.status.announce(() => (path ? t('status.receiptSaved', { path }) : t('status.receiptNotSaved')));
    }
    else this.status.announceError(r.error);
  }
}
