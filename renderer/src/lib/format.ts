// Hashes and local times as a technician reads them (words, dates and numbers in a language: i18n).

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.trunc((Date.parse(toIso) - Date.parse(fromIso)) / 86400000);
}

export function shortHash(hex: string, n = 16): string {
  return hex.length > n ? `${hex.slice(0, n)}…` : hex;
}

/** 64 hex characters in groups of 4, easier to compare aloud with a server's fingerprint. */
export function grouped(hex: string): string {
  return hex.replace(/(.{4})/g, '$1 ').trim().toUpperCase();
}

/** "2026-11-27 11:05 +01:00": the laptop's local time, with its offset. */
export function localStamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const offset = -d.getTimezoneOffset();
  const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const abs = Math.abs(offset);
  return `${local} ${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "14:05:09": a time of day on the 24-hour clock, in this laptop's time (or UTC): one format
 * for the status bar and the evidence alike. */
export function clockTime(when: string | Date, utc = false): string {
  const d = new Date(when);
  const parts = utc ? [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] : [d.getHours(), d.getMinutes(), d.getSeconds()];
  return parts.map((n) => String(n).padStart(2, '0')).join(':');
}
