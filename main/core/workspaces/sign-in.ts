// Signing in to a workspace once: a password (+ two-factor code) or a personal access token,
// checked by the server, kept in the keychain (or this session's memory), and forgotten when the
// server no longer accepts it. The token never leaves the main process.
import { AppFailure } from '../errors';
import { RocketChatClient, type Credentials } from '../rocketchat/rocketchat-client';
import type { Connections } from './connections';
import { CredentialVault, type CredentialStorage } from './credential-vault';
import type { SecretStore } from './secret-store';
import type { InstallResult } from '../installs/types';
import type { SignedInUser } from './types';
import type { Workspace, WorkspaceStore } from './workspace-store';

export class SignIn {
  readonly vault: CredentialVault;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly connections: Connections,
    private readonly keychain: SecretStore,
    /** Credentials for every workspace in this process (the CLI's RC_USER_ID/RC_AUTH_TOKEN for
     * unattended runs): used instead of the keychain, never stored. */
    private readonly fixedCredentials?: Credentials,
  ) {
    this.vault = new CredentialVault(keychain);
  }

  /** Whether requests to this workspace carry a sign-in (saved, or given to this process). */
  isSignedIn(w: Workspace): boolean {
    return Boolean(w.signedInAs || this.fixedCredentials);
  }

  /** Whether this process may read what only an administrator may (assumed for given credentials). */
  mayReadSettings(w: Workspace): boolean {
    return Boolean(w.signedInAs?.isAdmin || this.fixedCredentials);
  }

  /** A client that carries the workspace's sign-in. */
  async client(w: Workspace): Promise<RocketChatClient> {
    const transport = this.connections.transportFor(w);
    if (this.fixedCredentials) return new RocketChatClient(transport, this.fixedCredentials);
    const who = w.signedInAs;
    if (!who) throw new AppFailure('AUTH_REQUIRED', `You are not signed in to ${w.name}.`);
    const stored = await this.vault.load(w.baseUrl, who.userId, who.storage);
    if (!stored) {
      this.store.update(w.id, { signedInAs: null });
      throw new AppFailure('AUTH_REQUIRED', who.storage === 'session' ? 'The session-only sign-in ended when the app was closed.' : 'The saved sign-in is no longer in the keychain.');
    }
    return new RocketChatClient(transport, { userId: stored.userId, authToken: stored.token });
  }

  /** A token the server rejects signs the workspace out (and is forgotten); nothing else is lost. */
  async guard<T>(w: Workspace, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'AUTH_REQUIRED' && (await this.forgetRejected(w))) {
        throw new AppFailure('AUTH_REQUIRED', `${w.name} no longer accepts the saved sign-in (it expired or was revoked). Sign in again; the loaded license is kept.`);
      }
      throw e;
    }
  }

  /** Forgets a saved sign-in the server refused; false when there was none to forget. */
  async forgetRejected(w: Workspace): Promise<boolean> {
    if (!w.signedInAs || this.fixedCredentials) return false;
    await this.vault.forget(w.baseUrl, w.signedInAs.userId, w.signedInAs.storage).catch(() => undefined);
    this.store.update(w.id, { signedInAs: null });
    return true;
  }

  /** A job the server refused for the sign-in (it expired mid-way) signs the workspace out. */
  async afterJob(w: Workspace, job: Pick<InstallResult, 'error'>): Promise<void> {
    if (job.error?.code === 'AUTH_REQUIRED') await this.forgetRejected(w);
  }

  private async storageFor(sessionOnly: boolean): Promise<CredentialStorage> {
    if (sessionOnly) return 'session';
    // Ask before signing in, so a token is never created on the server with nowhere to keep it.
    const status = await this.keychain.status();
    if (!status.available) throw new AppFailure('KEYCHAIN_UNAVAILABLE', status.reason);
    return 'keychain';
  }

  async login(id: string, input: { user: string; password: string; code?: string; sessionOnly?: boolean }): Promise<SignedInUser> {
    const w = this.store.get(id);
    const storage = await this.storageFor(Boolean(input.sessionOnly));
    const client = new RocketChatClient(this.connections.transportFor(w));
    const { credentials, user } = await this.connections.withCertificate(w.baseUrl, () => client.login(input.user, input.password, input.code));
    await this.remember(w, credentials, 'login', storage, async () => {
      await new RocketChatClient(this.connections.transportFor(w), credentials).logout().catch(() => undefined);
    });
    this.store.update(id, { signedInAs: { userId: user.userId, username: user.username, kind: 'login', isAdmin: user.isAdmin, storage } });
    return user;
  }

  /** A personal access token (user id + token), checked with /me before it is kept. */
  async useToken(id: string, input: { userId: string; token: string; sessionOnly?: boolean }): Promise<SignedInUser> {
    const w = this.store.get(id);
    const storage = await this.storageFor(Boolean(input.sessionOnly));
    const credentials = { userId: input.userId.trim(), authToken: input.token.trim() };
    const user = await this.connections.withCertificate(w.baseUrl, () => new RocketChatClient(this.connections.transportFor(w), credentials).me()).catch((e) => {
      if (e instanceof AppFailure && e.code === 'AUTH_REQUIRED') throw new AppFailure('AUTH_INVALID', 'The server does not accept this user id and token together.');
      throw e;
    });
    await this.remember(w, credentials, 'pat', storage, async () => undefined);
    this.store.update(id, { signedInAs: { userId: user.userId, username: user.username, kind: 'pat', isAdmin: user.isAdmin, storage } });
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
    const w = this.store.get(id);
    const who = w.signedInAs;
    if (!who) return { revokedOnServer: false, kind: null };
    let revoked = false;
    if (who.kind === 'login') {
      const stored = await this.vault.load(w.baseUrl, who.userId, who.storage).catch(() => null);
      if (stored) {
        revoked = await new RocketChatClient(this.connections.transportFor(w), { userId: stored.userId, authToken: stored.token })
          .logout()
          .then(() => true)
          .catch(() => false);
      }
    }
    await this.vault.forget(w.baseUrl, who.userId, who.storage);
    this.store.update(id, { signedInAs: null });
    return { revokedOnServer: revoked, kind: who.kind };
  }
}
