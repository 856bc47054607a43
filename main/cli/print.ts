// How a license, its checks, a certificate and a time are printed on a terminal and in --json.
import type { AppError } from '../core/errors';
import type { Inspection } from '../core/license/types';
import { CHECK_NAME } from '../core/vocabulary';
import { wrap } from './help';
import { groupFingerprint, parseFingerprint } from '../core/workspaces/fingerprint';
import type { Io } from './terminal';
import { paint, type Paint } from './terminal';

/** "2026-11-27 11:23 +01:00": the machine's local time, with its offset. */
export function localTime(iso: string, offsetMinutes = -new Date(iso).getTimezoneOffset()): string {
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local} ${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A SHA-256 fingerprint under a label, in its 16 groups of four as two rows of eight: 80 columns
 * hold it, and no group is ever split across lines.
 */
export function fingerprintRows(label: string, hex: string): string {
  const groups = groupFingerprint(parseFingerprint(hex) ?? hex).split(' ');
  const pad = `  ${label.padEnd(9)} `;
  return [groups.slice(0, 8), groups.slice(8)]
    .filter((g) => g.length)
    .map((g, i) => `${i === 0 ? pad : ' '.repeat(pad.length)}${g.join(' ')}`)
    .join('\n');
}

/** The command that trusts a certificate, copy-paste ready within 80 columns (a shell line continuation). */
export function pinCommand(baseUrl: string, hex: string): string {
  return `  rc-license status --server ${baseUrl} \\\n    --pin ${parseFingerprint(hex) ?? hex}`;
}

/** The certificate the server presented, as a technician compares it. */
export function certificateLines(d: AppError['data']): string {
  const fp = parseFingerprint(String(d?.fingerprint256 ?? ''));
  return [
    fp ? fingerprintRows('SHA-256', fp) : null,
    d?.subject ? `  Subject   ${d.subject}` : null,
    d?.issuer ? `  Issuer    ${d.issuer}${d.selfSigned ? ' (self-signed)' : ''}` : null,
    d?.validFrom ? `  Valid     ${d.validFrom} → ${d.validTo}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/** A check in --json: its stable code, its name as every shell says it, the outcome and the words. */
export function checkJson(c: Inspection['checks'][number]) {
  return { name: c.name, title: CHECK_NAME[c.name], status: c.status, message: c.message };
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
    limits: s.limits.map((l) => ({ kind: l.kind, label: l.label, max: l.max, behavior: l.behavior })),
    modules: s.modules,
  };
}

/**
 * "Label     value…": the value wrapped under itself so that no line passes `width`; `tone` colours
 * each line of the value (after wrapping, so the colour codes never count as columns).
 */
export function labelled(p: Paint, label: string, labelWidth: number, value: string, width: number, tone: (s: string) => string = (x) => x): string {
  return wrap(value, width, labelWidth + 1)
    .split('\n')
    .map((line, i) => (i === 0 ? `${p.dim(label.padEnd(labelWidth))} ` : ' '.repeat(labelWidth + 1)) + tone(line.trimStart()))
    .join('\n');
}

/** A sentence wrapped to `width`, the lines after the first indented; each line toned. */
export function wrapped(text: string, width: number, indent: number, tone: (s: string) => string = (x) => x): string {
  return wrap(text, width, indent)
    .split('\n')
    .map((line, i) => (i === 0 ? tone(line) : ' '.repeat(indent) + tone(line.trimStart())))
    .join('\n');
}

export function printInspection(io: Io, i: Inspection, width: number): void {
  const p = paint(io);
  const s = i.summary;
  const rows: Array<[string, string]> = [
    ['License', `${s.format.toUpperCase()}${s.id ? ` ${s.id}` : ''}${s.trial ? ' (trial)' : ''}`],
    ['Customer', s.customer?.company ?? s.customer?.name ?? '—'],
    ['SHA-256', s.sha256],
    ['Signature', s.verifiedWith.key === 'rocket.chat' ? 'Rocket.Chat (genuine)' : `additional key ${s.verifiedWith.fingerprint.slice(0, 16)}… (not Rocket.Chat's)`],
    ['Valid', `${s.validFrom?.slice(0, 10) ?? 'from issue'} → ${s.validUntil?.slice(0, 10) ?? 'no end date'}`],
    ['For', s.serverUrls.map((u) => `${u.value} (${u.type})`).join(', ') || '—'],
    ['Limits', s.limits.map((l) => `${l.label} ${l.max ?? 'unlimited'}`).join(', ') || 'none'],
    ['Modules', s.modules.join(', ') || 'none'],
  ];
  for (const [k, val] of rows) io.stdout.write(`${labelled(p, k, 10, val, width)}\n`);
  io.stdout.write('\n');
  for (const c of i.checks) {
    const mark = c.status === 'pass' ? p.green('✓') : c.status === 'fail' ? p.red('✕') : p.yellow('?');
    io.stdout.write(`${mark} ${wrapped(`${CHECK_NAME[c.name]}: ${c.message}`, width, 2).replace(CHECK_NAME[c.name], p.bold(CHECK_NAME[c.name]))}\n`);
  }
  // What the license does to the air-gapped read-only mode (7.0+): the reason the technician came.
  if (i.restriction) io.stdout.write(`\n${wrapped(i.restriction.effect, width, 0, i.restriction.reading.phase === 'read-only' ? p.red : p.yellow)}\n`);
}
