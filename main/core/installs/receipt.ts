// A receipt a technician can hand in: one self-contained, printable HTML page (no scripts, no
// external resources, every value escaped) and the same facts as JSON.
import { join } from 'node:path';
import { AppFailure } from '../errors';
import { getAppInfo } from '../app-info';
import { writeFileAtomic } from '../state/files';
import { describeRejection } from './server-reasons';
import { CHECK_NAME, evidenceWords, STATUS_WORD, STEP_NAME, statusOf, statusTone } from '../vocabulary';
import type { Evidence, InstallResult } from './types';

const esc = (v: unknown): string =>
  String(v ?? '—').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

function row(label: string, value: unknown): string {
  return `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`;
}

function state(s: InstallResult['before']): string {
  if (!s) return 'not known';
  if (!s.known) return 'not readable with this account';
  if (!s.valid) return 'no active license';
  return [`active${s.id ? ` (${s.id})` : ''}`, s.seats !== null ? `${s.seats} seats` : null, s.validUntil ? `until ${s.validUntil.slice(0, 10)}` : null, s.modules.length ? `${s.modules.length} modules` : null]
    .filter(Boolean)
    .join(', ');
}

/** Evidence in the words every shell uses, with its time in UTC and whose clock it is. */
function evidenceText(e: Evidence): string {
  return `${evidenceWords(e)} · ${when(e.at)}${e.clock === 'rocket.chat' ? " (Rocket.Chat's clock)" : ''}`;
}

function backupText(b: NonNullable<InstallResult['backup']>): string {
  if (b.status === 'kept') return `${b.licenseId ?? 'license'}${b.format ? ` (${b.format.toUpperCase()})` : ''}, SHA-256 ${b.sha256} — kept on the installing laptop, restorable`;
  if (b.status === 'none-before') return 'none: no license was stored before';
  return `none: ${b.reason}`;
}

export function receiptJson(job: InstallResult, appVersion: string): string {
  return JSON.stringify({ receipt: 'rc-license-installer', appVersion, ...job }, null, 2) + '\n';
}

export function receiptHtml(job: InstallResult, appVersion: string): string {
  const status = statusOf(job);
  const tone = statusTone(status);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>License installation receipt ${esc(job.jobId)}</title>
<style>
body{font:14px/1.45 system-ui,'DejaVu Sans',sans-serif;color:#1f2329;margin:32px auto;max-width:820px;padding:0 16px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 8px;border-bottom:1px solid #d7dbe0;padding-bottom:4px}
.outcome{font-size:22px;font-weight:700;padding:12px 16px;border-radius:8px;margin:16px 0 6px}
.ok{background:#e3f5ec;color:#0f7a4a}.warn{background:#fff4d6;color:#8a5a00}.bad{background:#fde8e6;color:#b42318}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #eef0f3}
th{width:30%;color:#4f5661;font-weight:600}code,.mono{font-family:'DejaVu Sans Mono',monospace;font-size:12px;word-break:break-all}
.small{color:#4f5661;font-size:12px}.pass{color:#0f7a4a}.fail{color:#b42318}.unknown{color:#8a5a00}
@media print{body{margin:0}}
</style></head><body>
<h1>License installation receipt</h1>
<div class="small">Job <span class="mono">${esc(job.jobId)}</span> · ${esc(when(job.startedAt))} → ${esc(when(job.finishedAt))}</div>
<div class="outcome ${tone}" data-status="${esc(status)}">${esc(STATUS_WORD[status])} <span class="small">(${esc(status)}; ${esc(job.outcome)})</span></div>
<p>${esc(job.headline)}</p>
${job.reasons.length ? `<ul>${job.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''}
<h2>Workspace</h2><table>
${row('Name', job.workspace.name)}${row('Address', job.workspace.baseUrl)}${row('Site URL (license binding)', job.workspace.workspaceUrl)}${row('Rocket.Chat version', job.workspace.version)}
${row('Signed in as', job.user ? `${job.user.username}${job.user.isAdmin ? ' (administrator)' : ''}` : null)}
</table>
<h2>License</h2><table>
${row('License id', job.license.id)}${row('Format', job.license.format.toUpperCase())}${row('Customer', job.license.customer)}
${row('Valid until', job.license.validUntil ? job.license.validUntil.slice(0, 10) : 'no end date')}${row('Seats', job.license.seats ?? 'unlimited')}
<tr><th>SHA-256</th><td class="mono">${esc(job.license.sha256)}</td></tr>
</table>
<h2>What the workspace says</h2><table>
${row('Before', state(job.before))}${row('After', state(job.after))}
${job.restriction?.change ? row('Air-gapped read-only mode', job.restriction.change) : ''}
${job.replaced ? row('Replaced', job.replaced.current) : ''}
${job.backup ? row('Previous license kept', backupText(job.backup)) : ''}${job.restoreOf ? row('Restores the license kept by job', job.restoreOf) : ''}${job.restoredBy ? row('Restored by job', `${job.restoredBy}: the license this job replaced was put back`) : ''}
${job.serverValidation ? row('Server validation (licenses.validate)', job.serverValidation.valid ? 'valid' : `not valid: ${job.serverValidation.reasons.join(' ')}`) : ''}
${job.forced ? row('Sent despite failed checks', 'yes — the technician chose to apply anyway') : ''}
${job.sent ? row('License sent', { yes: 'yes: the server answered', no: 'no: nothing was sent', unknown: 'perhaps: no answer came after the request went out' }[job.sent]) : ''}
</table>
${
  job.verdict && (job.verdict.evidence.length || job.verdict.reasons.length)
    ? `<h2>What the outcome rests on</h2><table>${job.verdict.evidence.map((e) => row('Evidence', evidenceText(e))).join('')}${job.verdict.reasons.map((r) => row('The server’s reason', describeRejection(r))).join('')}</table>`
    : ''
}
${
  job.checks.length
    ? `<h2>Checks before sending</h2><table>${job.checks.map((c) => `<tr><th>${esc(CHECK_NAME[c.name])} <span class="small">(${esc(c.name)})</span></th><td><span class="${esc(c.status)}">${esc(c.status.toUpperCase())}</span> ${esc(c.message)}</td></tr>`).join('')}</table>`
    : ''
}
<h2>Steps</h2><table>
${job.steps.map((st) => `<tr><th>${esc(STEP_NAME[st.step])} <span class="small">(${esc(st.step)})</span></th><td><span class="${st.status === 'done' ? 'pass' : st.status === 'failed' ? 'fail' : 'unknown'}">${esc(st.status)}</span> ${esc(st.message)}${st.httpStatus ? ` <span class="small">(HTTP ${esc(st.httpStatus)})</span>` : ''}${st.durationMs !== undefined ? ` <span class="small">${esc(st.durationMs)} ms</span>` : ''}</td></tr>`).join('')}
</table>
${job.error ? `<h2>Error</h2><p>${esc(job.error.message)} ${esc(job.error.detail ?? '')}</p>` : ''}
<p class="small">Made offline by Offline License Installer for Rocket.Chat ${esc(appVersion)}. The license text is not part of this receipt; it is identified by its SHA-256.</p>
</body></html>
`;
}

export interface ReceiptOutput {
  dataDir: string;
  /** Where a receipt goes. Default: <dataDir>/receipts/<name>. The desktop shell asks with a dialog. */
  saveFile?: (suggestedName: string, data: string | Buffer) => Promise<string | null>;
  /** HTML → PDF, where the shell can (Electron's printToPDF). */
  renderPdf?: (html: string) => Promise<Buffer>;
}

/** Writes a job's receipt where the shell says (a dialog), else into the data folder. */
export async function saveReceipt(job: InstallResult, format: 'html' | 'json' | 'pdf', out: ReceiptOutput): Promise<{ path: string | null }> {
  const version = getAppInfo('cli').version;
  const html = receiptHtml(job, version);
  let data: string | Buffer;
  if (format === 'pdf') {
    if (!out.renderPdf) throw new AppFailure('INVALID_INPUT', 'PDF receipts are made by the desktop app; save the HTML receipt and print it instead.');
    data = await out.renderPdf(html);
  } else data = format === 'html' ? html : receiptJson(job, version);
  const name = `receipt-${job.jobId}.${format}`;
  if (out.saveFile) return { path: await out.saveFile(name, data) };
  const path = join(out.dataDir, 'receipts', name);
  writeFileAtomic(path, data);
  return { path };
}
