// Dates and numbers as a technician reads them.
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function stamp(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.trunc((Date.parse(toIso) - Date.parse(fromIso)) / 86400000);
}

export function limit(max: number | null): string {
  return max === null ? 'unlimited' : String(max);
}

export function shortHash(hex: string, n = 16): string {
  return hex.length > n ? `${hex.slice(0, n)}…` : hex;
}

/** 64 hex characters in groups of 4, easier to compare aloud with a server's fingerprint. */
export function grouped(hex: string): string {
  return hex.replace(/(.{4})/g, '$1 ').trim().toUpperCase();
}
