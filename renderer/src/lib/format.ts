// Dates and numbers as a technician reads them.
import type { Evidence } from '../../../main/core/contract';

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

/** "2026-11-27 11:05 +01:00": the laptop's local time, with its offset. */
export function localStamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const offset = -d.getTimezoneOffset();
  const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const abs = Math.abs(offset);
  return `${local} ${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Each outcome in words, as the result and History show it. */
export const OUTCOME_TITLE: Record<string, string> = {
  active: 'Active',
  'already-active': 'Already active',
  'already-rejected': 'Already rejected — not sent',
  rejected: 'Rejected',
  unconfirmed: 'Not confirmed',
  'not-active': 'Not active',
  blocked: 'Not sent',
  failed: 'Stopped',
  interrupted: 'Interrupted — outcome unknown',
};

export function outcomeTone(outcome: string): 'ok' | 'warn' | 'bad' {
  return outcome === 'active' || outcome === 'already-active' ? 'ok' : ['unconfirmed', 'not-active', 'blocked', 'already-rejected', 'interrupted'].includes(outcome) ? 'warn' : 'bad';
}

const EVIDENCE_SOURCE: Record<Evidence['source'], string> = {
  'license-state': 'License state',
  'server-log': "Server's log",
  'status-setting': 'License status setting',
  'server-validation': "Server's validation",
  'stored-license': 'Stored license',
  'elapsed-time': 'Waited',
};

const EVIDENCE_SAYS: Record<string, string> = {
  'ours-active': 'shows this license active',
  'other-active': 'shows another license active',
  'none-active': 'shows no license active',
  'cannot-tell': 'cannot tell which license is active',
  installed: 'says the license is installed',
  rejected: 'says the license was refused',
  'applied-not-validated': 'says a license was applied and not validated',
  silent: 'said nothing about it',
  'invalid-after-valid': 'turned Invalid',
  valid: 'said valid before the send',
  invalid: 'said not valid before the send',
  'stores-this': 'holds this license',
  'stores-other': 'holds another license',
  'stores-none': 'holds no license',
};

/** One piece of evidence in words: "Server's log says the license was refused (Url validation failed) · 10:02:11, Rocket.Chat's clock". */
export function evidenceText(e: Evidence): string {
  if (e.source === 'elapsed-time') return `${EVIDENCE_SOURCE[e.source]} ${e.detail ?? '?'} s`;
  const time = new Date(e.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: e.clock === 'rocket.chat' ? 'UTC' : undefined });
  const detail = e.detail ? ` (${e.detail})` : '';
  return `${EVIDENCE_SOURCE[e.source]} ${EVIDENCE_SAYS[e.says] ?? e.says}${detail} · ${time}${e.clock === 'rocket.chat' ? " UTC, Rocket.Chat's clock" : ''}`;
}
