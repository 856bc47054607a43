// How a license, its checks, a certificate and a time are printed on a terminal and in --json.
import type { AppError } from '../core/errors';
import type { Inspection, LicenseCheck } from '../core/license/types';
import { groupFingerprint, parseFingerprint } from '../core/workspaces/fingerprint';
import type { Io } from './terminal';
import { paint } from './terminal';

/** "2026-11-27 11:23 +01:00": the machine's local time, with its offset. */
export function localTime(iso: string, offsetMinutes = -new Date(iso).getTimezoneOffset()): string {
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local} ${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The certificate the server presented, as a technician compares it. */
export function certificateLines(d: AppError['data']): string {
  const fp = parseFingerprint(String(d?.fingerprint256 ?? ''));
  return [
    fp ? `  SHA-256   ${groupFingerprint(fp)}` : null,
    d?.subject ? `  Subject   ${d.subject}` : null,
    d?.issuer ? `  Issuer    ${d.issuer}${d.selfSigned ? ' (self-signed)' : ''}` : null,
    d?.validFrom ? `  Valid     ${d.validFrom} → ${d.validTo}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export function licenseJson(i: Inspection) {
  const s = i.summary;
  const now = Date.parse(i.facts.serverTime ?? i.facts.localTime);
  return {
    format: s.format,
    signature: s.verifiedWith.key,
    id: s.id,
    sha256: s.sha256,
    customer: s.customer,
    serverUrls: s.serverUrls,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    expired: s.validUntil ? Date.parse(s.validUntil) < now : false,
    trial: s.trial,
    limits: s.limits.map((l) => ({ kind: l.kind, max: l.max, behavior: l.behavior })),
    modules: s.modules,
  };
}

export function printInspection(io: Io, i: Inspection): void {
  const p = paint(io);
  const s = i.summary;
  const rows: Array<[string, string]> = [
    ['License', `${s.format.toUpperCase()}${s.id ? ` ${s.id}` : ''}${s.trial ? ' (trial)' : ''}`],
    ['Customer', s.customer?.company ?? s.customer?.name ?? '—'],
    ['SHA-256', s.sha256],
    ['Signature', s.verifiedWith.key === 'rocket.chat' ? 'Rocket.Chat (genuine)' : `additional key ${s.verifiedWith.fingerprint.slice(0, 16)}… (not Rocket.Chat's)`],
    ['Valid', `${s.validFrom?.slice(0, 10) ?? 'from issue'} → ${s.validUntil?.slice(0, 10) ?? 'no end date'}`],
    ['For', s.serverUrls.map((u) => `${u.value} (${u.type})`).join(', ') || '—'],
    ['Limits', s.limits.map((l) => `${l.kind} ${l.max ?? 'unlimited'}`).join(', ') || 'none'],
    ['Modules', s.modules.join(', ') || 'none'],
  ];
  for (const [k, val] of rows) io.stdout.write(`${p.dim(k.padEnd(10))} ${val}\n`);
  io.stdout.write('\n');
  printChecks(io, i.checks);
  // What the license does to the air-gapped read-only mode (7.0+): the reason the technician came.
  if (i.restriction) io.stdout.write(`\n${i.restriction.reading.phase === 'read-only' ? p.red(i.restriction.effect) : p.yellow(i.restriction.effect)}\n`);
}

export function printChecks(io: Io, checks: LicenseCheck[]): void {
  const p = paint(io);
  for (const c of checks) {
    const mark = c.status === 'pass' ? p.green('✓') : c.status === 'fail' ? p.red('✕') : p.yellow('?');
    io.stdout.write(`${mark} ${p.bold(c.name.padEnd(9))} ${c.message}\n`);
  }
}
