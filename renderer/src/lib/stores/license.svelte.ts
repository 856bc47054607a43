// The license the technician dropped, chosen or pasted: what it grants and how it fits the selected
// workspace (read by the main process; the page keeps only its summary and a way to read it again).
import type { AppError, Inspection, LicenseSource } from '../../../../main/core/contract';
import { installer } from '../installer';
import type { StatusStore } from './status.svelte';
import type { WorkspacesStore } from './workspaces.svelte';
import { t } from '../i18n.svelte';

/** Reads a dropped or chosen file: at most one byte past the 64 KiB limit is sent. */
export async function fileSource(file: File): Promise<LicenseSource> {
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024 + 1).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { kind: 'file', name: file.name, base64: btoa(binary), size: file.size };
}

export interface LicenseEvents {
  /** A new license replaces the last result on screen. */
  replacedResult(): void;
  /** Whether an installation is running (the license is not re-read under it). */
  installing(): boolean;
  focusNext(): void;
}

export class LicenseStore {
  inspection = $state<Inspection | null>(null);
  licenseName = $state<string | null>(null);
  licenseError = $state<AppError | null>(null);
  reading = $state(false);
  /** ms from drop to summary, for the benchmark and the curious. */
  lastReadMs = $state<number | null>(null);
  private lastSource: LicenseSource | null = null;

  constructor(
    private readonly status: StatusStore,
    private readonly workspaces: WorkspacesStore,
    private readonly events: LicenseEvents,
  ) {}

  reset(): void {
    Object.assign(this, { inspection: null, licenseName: null, licenseError: null, reading: false });
    this.lastSource = null;
  }

  async readLicense(source: LicenseSource): Promise<void> {
    const started = performance.now();
    this.reading = true;
    this.licenseError = null;
    this.events.replacedResult();
    const r = await installer()['license.inspect']({ source, workspaceId: this.workspaces.connection ? (this.workspaces.selectedId ?? undefined) : undefined });
    this.reading = false;
    if (r.ok) {
      this.lastSource = source;
      this.inspection = r.value;
      this.licenseName = source.kind === 'file' ? source.name : 'pasted text';
      this.lastReadMs = performance.now() - started;
      performance.mark('license-summary-shown');
      this.events.focusNext();
      const failed = r.value.checks.filter((c) => c.status === 'fail').length;
      const named = r.value.summary.customer?.company ?? r.value.summary.id;
      this.status.announce(() => t('status.licenseRead', { name: named ?? t('status.noCustomer'), failed }));
    } else {
      this.licenseError = r.error;
      this.status.announceError(r.error);
    }
  }

  /** Re-checks the loaded license when the workspace (or its sign-in) changes. */
  async reinspect(): Promise<void> {
    if (this.lastSource && !this.events.installing()) await this.readLicense(this.lastSource);
  }

  clearLicense(): void {
    this.inspection = null;
    this.lastSource = null;
    this.licenseName = null;
    this.licenseError = null;
    this.events.replacedResult();
  }
}
