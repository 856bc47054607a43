// How a license, its checks, a certificate and a time are printed on a terminal and in --json.
import type { AppError } from '../core/errors';
import type { Inspection } from '../core/license/types';
import { CHECK_NAME } from '../core/vocabulary';
import { wrap } from './help';
import { groupFingerprint, parseFingerprint } from '../core/workspaces/fingerprint';
import type { Io } from './terminal';
import type { Speaker } from './speak';
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
export function certificateLines(d: AppError['data'], sp: Speaker): string {
  const fp = parseFingerprint(String(d?.fingerprint256 ?? ''));
  const row = (label: string, value: string) => `  ${label.padEnd(9)} ${value}`;
  return [
    fp ? fingerprintRows('SHA-256', fp) : null,
    d?.subject ? row(sp.t('cert.subject'), sp.iso(String(d.subject))) : null,
    d?.issuer ? row(sp.t('cert.issuer'), `${sp.iso(String(d.issuer))}${d.selfSigned ? sp.t('cert.selfSigned') : ''}`) : null,
    d?.validFrom ? row(sp.t('cert.valid'), `${sp.iso(String(d.validFrom))} → ${sp.iso(String(d.validTo))}`) : null,
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

export function printInspection(io: Io, i: Inspection, width: number, sp: Speaker): void {
  const p = paint(io);
  const s = i.summary;
  const none = sp.t('inspect.none');
  const rows: Array<[string, string]> = [
    [sp.t('inspect.license'), `${s.format.toUpperCase()}${s.id ? ` ${sp.iso(s.id)}` : ''}${s.trial ? sp.t('inspect.trial') : ''}`],
    [sp.t('inspect.customer'), s.customer?.company || s.customer?.name ? sp.iso(String(s.customer?.company ?? s.customer?.name)) : '—'],
    [sp.t('inspect.sha256'), s.sha256],
    [sp.t('inspect.signature'), s.verifiedWith.key === 'rocket.chat' ? sp.t('inspect.genuine') : sp.t('inspect.additionalKey', { fingerprint: s.verifiedWith.fingerprint.slice(0, 16) })],
    [sp.t('inspect.valid'), sp.t('inspect.period', { from: s.validFrom ?? sp.t('inspect.fromIssue'), until: s.validUntil ?? sp.t('inspect.noEnd') })],
    [sp.t('inspect.for'), s.serverUrls.length ? sp.t('inspect.list', { items: s.serverUrls.map((u) => sp.t('inspect.rule', { value: u.value, type: u.type })) }) : '—'],
    [sp.t('inspect.limits'), s.limits.length ? sp.t('inspect.list', { items: s.limits.map((l) => sp.t('inspect.limit', { label: sp.text({ message: l.label, msg: { code: `limit.${l.kind}` } }), max: l.max === null ? sp.t('inspect.unlimited') : String(l.max) })) }) : none],
    [sp.t('inspect.modules'), s.modules.length ? sp.t('inspect.list', { items: s.modules }) : none],
  ];
  const labelWidth = Math.max(10, ...rows.map(([k]) => k.length + 1));
  for (const [k, val] of rows) io.stdout.write(`${labelled(p, k, labelWidth, val, width)}\n`);
  io.stdout.write('\n');
  for (const c of i.checks) {
    const mark = c.status === 'pass' ? p.green('✓') : c.status === 'fail' ? p.red('✕') : p.yellow('?');
    const name = sp.text({ message: CHECK_NAME[c.name], msg: { code: `check.${c.name}` } });
    io.stdout.write(`${mark} ${wrapped(`${name}: ${sp.text(c)}`, width, 2).replace(name, p.bold(name))}\n`);
  }
  // What the license does to the air-gapped read-only mode (7.0+): the reason the technician came.
  if (i.restriction) io.stdout.write(`\n${wrapped(sp.text({ message: i.restriction.effect, msg: i.restriction.effectMsg }), width, 0, i.restriction.reading.phase === 'read-only' ? p.red : p.yellow)}\n`);
}
