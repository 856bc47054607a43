// The saved workspaces, the one selected and what it said when last asked (its connection), the
// keychain, and signing in and out. Nothing here holds a token: the main process keeps it.
import type { AppError, KeychainStatus, Result, SignedInUser, WorkspaceConnection, WorkspaceView } from '../../../../main/core/contract';
import { installer } from '../installer';
import type { StatusStore } from './status.svelte';
import { t } from '../i18n.svelte';

/** What a change of workspace (or of its sign-in) asks of the other areas. */
export interface WorkspaceEvents {
  /** The selection changed: the last result belongs to the workspace before. */
  selected(): void;
  /** The workspace answered again: re-check the loaded license against it. */
  connected(): Promise<void>;
  /** Focus the next thing to do. */
  focusNext(): void;
}

export class WorkspacesStore {
  workspaces = $state<WorkspaceView[]>([]);
  workspaceWarnings = $state<string[]>([]);
  selectedId = $state<string | null>(null);
  connection = $state<WorkspaceConnection | null>(null);
  connecting = $state(false);
  connectError = $state<AppError | null>(null);
  /** The workspace answered but no longer takes the saved sign-in: a sign-in problem, not a network one. */
  get signedOut(): boolean {
    return this.connectError?.code === 'AUTH_REQUIRED';
  }
  /** Not answering (or not trusted): what was read before may be out of date. */
  get unreachable(): boolean {
    return this.connectError !== null && !this.signedOut;
  }
  /** When the workspace last answered: what the panel shows is as of then. */
  connectedAt = $state<string | null>(null);
  keychain = $state<KeychainStatus | null>(null);

  selected = $derived(this.workspaces.find((w) => w.id === this.selectedId) ?? null);

  constructor(
    private readonly status: StatusStore,
    private readonly events: WorkspaceEvents,
  ) {}

  reset(): void {
    Object.assign(this, { workspaces: [], workspaceWarnings: [], selectedId: null, connection: null, connecting: false, connectError: null, keychain: null });
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
    this.events.selected();
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
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a string is kept, not the Date
      this.connectedAt = new Date().toISOString();
      this.replaceWorkspace(r.value.workspace);
      if (!options.quiet) {
        const { name } = r.value.workspace;
        const { version } = r.value.info;
        this.status.announce(() => t('status.connected', { name, version }));
      }
      if (options.reinspect === false) return;
      await this.events.connected();
    } else {
      this.connectError = r.error;
      await this.loadWorkspaces(); // a 401 may have signed the workspace out
      this.status.announceError(r.error);
    }
  }

  async addWorkspace(input: { url: string; name?: string; pinnedSha256?: string; caPem?: string; caFileName?: string }): Promise<Result<WorkspaceConnection>> {
    const r = await installer()['workspace.add'](input);
    if (r.ok) {
      this.replaceWorkspace(r.value.workspace);
      this.selectedId = r.value.workspace.id;
      this.connection = r.value;
      this.connectError = null;
      const { name } = r.value.workspace;
      const { version } = r.value.info;
      this.status.announce(() => t('status.added', { name, version }));
      await this.events.connected();
      this.events.focusNext();
    } else this.status.announceError(r.error);
    return r;
  }

  async updateTrust(trust: { pinnedSha256?: string | null; caPem?: string | null; caFileName?: string | null }): Promise<void> {
    if (!this.selectedId) return;
    const r = await installer()['workspace.update']({ workspaceId: this.selectedId, ...trust });
    if (r.ok) {
      this.replaceWorkspace(r.value);
      await this.connect();
      this.events.focusNext();
    } else {
      this.connectError = r.error;
      this.status.announceError(r.error);
    }
  }

  async rename(name: string): Promise<void> {
    if (!this.selectedId) return;
    const r = await installer()['workspace.update']({ workspaceId: this.selectedId, name });
    if (r.ok) {
      this.replaceWorkspace(r.value);
      const renamed = r.value.name;
      this.status.announce(() => t('status.renamed', { name: renamed }));
    } else this.status.announceError(r.error);
  }

  async remove(): Promise<void> {
    if (!this.selectedId) return;
    const name = this.selected?.name;
    const r = await installer()['workspace.remove']({ workspaceId: this.selectedId });
    if (!r.ok) return this.status.announceError(r.error);
    this.workspaces = this.workspaces.filter((w) => w.id !== this.selectedId);
    this.selectedId = null;
    this.connection = null;
    this.status.announce(() => t('status.removed', { name: name ?? '' }));
    if (this.workspaces.length) await this.select(this.workspaces[0].id);
  }

  async signIn(input: { user: string; password: string; code?: string; sessionOnly?: boolean }): Promise<Result<SignedInUser>> {
    const r = await installer()['auth.login']({ workspaceId: this.selectedId!, ...input });
    if (r.ok) await this.afterSignIn(r.value);
    else this.status.announceError(r.error);
    return r;
  }

  async signInWithToken(input: { userId: string; token: string; sessionOnly?: boolean }): Promise<Result<SignedInUser>> {
    const r = await installer()['auth.token']({ workspaceId: this.selectedId!, ...input });
    if (r.ok) await this.afterSignIn(r.value);
    else this.status.announceError(r.error);
    return r;
  }

  private async afterSignIn(user: SignedInUser): Promise<void> {
    this.status.announce(() => t(user.isAdmin ? 'status.signedIn' : 'status.signedInNotAdmin', { user: user.username }));
    await this.loadWorkspaces();
    await this.connect({ quiet: true });
    this.events.focusNext();
  }

  async signOut(): Promise<void> {
    const r = await installer()['auth.logout']({ workspaceId: this.selectedId! });
    if (r.ok) {
      const key = r.value.kind === 'pat' ? 'status.signedOutToken' : r.value.revokedOnServer ? 'status.signedOutServer' : 'status.signedOutHere';
      this.status.announce(() => t(key));
    } else this.status.announceError(r.error);
    await this.loadWorkspaces();
    await this.connect({ quiet: true });
  }
}
