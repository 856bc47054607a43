// Licenses the technician has loaded this session, by SHA-256: the renderer refers to a license by
// its hash and never has to send the text back to be applied. Memory only, bounded.
import type { CanonicalLicense } from './license-read';
import type { LicenseSummary } from '../types';

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
