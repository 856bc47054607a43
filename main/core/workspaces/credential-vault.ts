// Sign-in tokens: in the OS keychain, or — only when the technician chose it because the keychain
// is unavailable — in memory for this session. Keyed by workspace address and user id. Never a file.
import { AppFailure } from '../errors';
import { MemorySecretStore, type SecretStore } from './secret-store';

export interface StoredCredential {
  kind: 'login' | 'pat';
  userId: string;
  token: string;
}

export type CredentialStorage = 'keychain' | 'session';

export function credentialKey(baseUrl: string, userId: string): string {
  return `${baseUrl}|${userId}`;
}

function parse(value: string | null): StoredCredential | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as Partial<StoredCredential>;
    if ((v.kind === 'login' || v.kind === 'pat') && typeof v.userId === 'string' && typeof v.token === 'string') {
      return { kind: v.kind, userId: v.userId, token: v.token };
    }
  } catch {
    /* not ours */
  }
  return null;
}

export class CredentialVault {
  private readonly session = new MemorySecretStore();

  constructor(private readonly keychain: SecretStore) {}

  async save(baseUrl: string, credential: StoredCredential, storage: CredentialStorage): Promise<void> {
    const key = credentialKey(baseUrl, credential.userId);
    const value = JSON.stringify(credential);
    if (storage === 'session') {
      await this.session.set(key, value);
      return;
    }
    await this.keychain.set(key, value);
  }

  async load(baseUrl: string, userId: string, storage: CredentialStorage): Promise<StoredCredential | null> {
    const key = credentialKey(baseUrl, userId);
    return parse(storage === 'session' ? await this.session.get(key) : await this.keychain.get(key));
  }

  async forget(baseUrl: string, userId: string, storage: CredentialStorage): Promise<void> {
    const key = credentialKey(baseUrl, userId);
    if (storage === 'session') await this.session.delete(key);
    else await this.keychain.delete(key);
  }

  /** Removes every credential stored for a workspace address, in both places. */
  async forgetWorkspace(baseUrl: string): Promise<void> {
    const prefix = `${baseUrl}|`;
    for (const key of await this.session.list()) if (key.startsWith(prefix)) await this.session.delete(key);
    let keys: string[] = [];
    try {
      keys = await this.keychain.list();
    } catch (e) {
      if (!(e instanceof AppFailure)) throw e;
    }
    for (const key of keys) if (key.startsWith(prefix)) await this.keychain.delete(key);
  }
}
