// Licenses the technician has loaded this session, by SHA-256: the renderer refers to a license by
// its hash and never has to send the text back to be applied. Memory only, bounded.
import { AppFailure } from '../errors';
import { decodeLicense } from './license';
import type { VerificationKey } from './license-decode';
import type { CanonicalLicense } from './license-read';
import type { LicenseSummary } from './types';

export interface LoadedLicense {
  canonical: CanonicalLicense;
  summary: LicenseSummary;
  payload: Record<string, unknown>;
  /** The file name it came from, if any (shown in receipts). */
  source: string | null;
}

export class LicenseStore {
  private readonly loaded = new Map<string, LoadedLicense>();
  constructor(private readonly capacity = 20) {}

  put(license: LoadedLicense): void {
    this.loaded.delete(license.canonical.sha256);
    this.loaded.set(license.canonical.sha256, license);
    while (this.loaded.size > this.capacity) this.loaded.delete(this.loaded.keys().next().value as string);
  }

  get(sha256: string): LoadedLicense | undefined {
    return this.loaded.get(sha256);
  }
}

/** The licenses read this session, verified with the app's keys. */
export class LoadedLicenses {
  private readonly store = new LicenseStore();

  constructor(private readonly keys: VerificationKey[]) {}

  async load(input: Uint8Array | string, source: string | null, fileSize?: number): Promise<LoadedLicense> {
    const license = { ...(await decodeLicense(input, this.keys, fileSize)), source };
    this.store.put(license);
    return license;
  }

  /** A license kept before a job sent another, read again to be put back. */
  async loadBackup(text: string, jobId: string): Promise<LoadedLicense> {
    const license = await this.load(text, `backup of job ${jobId}`).catch((e) => {
      throw new AppFailure('BACKUP_DAMAGED', `The backup of job ${jobId} is not a license this app can verify: ${e instanceof AppFailure ? e.message : String(e)}`);
    });
    return { ...license, source: null };
  }

  get(sha256: string): LoadedLicense {
    const l = this.store.get(sha256);
    if (!l) throw new AppFailure('INVALID_INPUT', 'That license is no longer loaded: drop the file again.');
    return l;
  }
}
