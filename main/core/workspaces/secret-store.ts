// Credentials live in the OS keychain (GNOME Keyring / KWallet via Secret Service, macOS Keychain,
// Windows Credential Manager) through @github/keytar, or — only when the technician chooses it —
// in memory for this session. Never in a file.
import { createRequire } from 'node:module';
import { AppFailure } from '../errors';
import type { KeychainStatus, SecretBackend } from './types';

export type { KeychainStatus, SecretBackend };

export interface SecretStore {
  readonly kind: 'keychain' | 'session';
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  list(): Promise<string[]>;
}

export const KEYCHAIN_SERVICE = 'rc-license-installer';
const PROBE_ACCOUNT = '.probe';
/** Under the 5 s a technician is promised an answer in (reliability issue, item 3). */
export const KEYCHAIN_TIMEOUT_MS = 4000;

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export function platformBackend(platform: NodeJS.Platform = process.platform): SecretBackend {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service';
}

/** keytar's errors carry no code: recognise the known failure texts (BUILD-NOTES "Keychain"). */
export function explainKeychainError(message: string): string {
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket/i.test(message)) {
    return 'No desktop session bus (D-Bus) is running, so the keychain cannot be reached.';
  }
  if (/org\.freedesktop\.secrets|not provided by any \.service files|ServiceUnknown/i.test(message)) {
    return 'No keychain service (Secret Service such as GNOME Keyring or KWallet) is running.';
  }
  if (/Object does not exist at path|collection|locked|IsLocked|prompt/i.test(message)) {
    return 'The keychain is locked or has no default ("login") collection: unlock it and try again.';
  }
  if (/Failed to load keytar|keytar\.node|cannot open shared object|libsecret/i.test(message)) {
    return 'The keychain library could not be loaded on this system (is libsecret installed?).';
  }
  return `The keychain refused the request (${message}).`;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppFailure(
            'KEYCHAIN_UNAVAILABLE',
            `The keychain did not answer within ${Math.round(ms / 1000)} s while ${what} (it may be waiting for an unlock prompt).`,
          ),
        ),
      ms,
    );
    // Not unref'd: a keychain call stuck in an unlock prompt may hold nothing else that keeps the
    // process alive, and the CLI must then say why rather than end silently.
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

let keytarModule: KeytarApi | Error | undefined;
function loadKeytar(): KeytarApi {
  if (keytarModule === undefined) {
    try {
      // __filename exists in every host (bundled CommonJS, Vitest, Playwright); import.meta does not.
      keytarModule = createRequire(__filename)('@github/keytar') as KeytarApi;
    } catch (e) {
      keytarModule = e instanceof Error ? e : new Error(String(e));
    }
  }
  if (keytarModule instanceof Error) {
    throw new AppFailure('KEYCHAIN_UNAVAILABLE', explainKeychainError(`Failed to load keytar: ${keytarModule.message}`));
  }
  return keytarModule;
}

export interface KeytarStoreOptions {
  service?: string;
  timeoutMs?: number;
  /** For tests: a stand-in with keytar's API. */
  keytar?: KeytarApi;
}

export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly injected?: KeytarApi;

  constructor(options: KeytarStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
    this.injected = options.keytar;
  }

  private async call<T>(what: string, fn: (k: KeytarApi) => Promise<T>): Promise<T> {
    const keytar = this.injected ?? loadKeytar();
    try {
      return await withTimeout(fn(keytar), this.timeoutMs, what);
    } catch (e) {
      if (e instanceof AppFailure) throw e;
      throw new AppFailure('KEYCHAIN_UNAVAILABLE', explainKeychainError(e instanceof Error ? e.message : String(e)));
    }
  }

  /**
   * Asks for one entry that never exists. Unlike findCredentials, a lookup fails cleanly when the
   * Secret Service has gone or its unlock prompt is refused: keytar's findCredentials then crashes
   * the whole process (segfault in secret_value_get_text on a NULL secret; atom/node-keytar#477,
   * still in @github/keytar 7.10.6 — reproduced by secret-store.test.ts "service dies").
   */
  private probe(): Promise<unknown> {
    return this.call('checking it', (k) => k.getPassword(this.service, PROBE_ACCOUNT));
  }

  async status(): Promise<KeychainStatus> {
    const started = performance.now();
    const backend = platformBackend();
    try {
      await this.probe();
      return { available: true, backend, checkedInMs: Math.round(performance.now() - started) };
    } catch (e) {
      const reason = e instanceof AppFailure && e.detail ? e.detail : String(e);
      return { available: false, backend, reason, checkedInMs: Math.round(performance.now() - started) };
    }
  }

  get(account: string): Promise<string | null> {
    return this.call('reading a credential', (k) => k.getPassword(this.service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.call('saving a credential', (k) => k.setPassword(this.service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.call('deleting a credential', (k) => k.deletePassword(this.service, account));
  }

  async list(): Promise<string[]> {
    await this.probe(); // findCredentials only on a keychain that answered just now (see probe)
    const found = await this.call('listing credentials', (k) => k.findCredentials(this.service));
    return found.map((c) => c.account).sort();
  }
}

/** "This session only": forgotten when the process ends. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'session' as const;
  private readonly secrets = new Map<string, string>();

  async status(): Promise<KeychainStatus> {
    return { available: true, backend: 'session memory', checkedInMs: 0 };
  }
  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }
  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }
  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }
  async list(): Promise<string[]> {
    return [...this.secrets.keys()].sort();
  }
}
