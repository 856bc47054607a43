// A receipt a technician can hand in: one self-contained, printable HTML page (no scripts, no
// external resources, every value escaped) and the same facts as JSON.
import { join } from 'node:path';
import { AppFailure, isOwnErrorText } from '../errors';
import { coreCatalog } from '../i18n/catalogs';
import type { CoreSource } from '../i18n/en';
import { direction, fmtFor, type Lang } from '../i18n/format';
import { renderMsg, type Msg, type Tell } from '../i18n/messages';
import { say } from '../i18n/say';
import { getAppInfo } from '../app-info';
import { writeFileAtomic } from '../state/files';
import { describeRejection, rejectionMsg } from './server-reasons';
import { CHECK_NAME, evidenceMsg, evidenceWords, STATUS_WORD, STEP_NAME, statusOf, statusTone } from '../vocabulary';
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

/** The receipt's words in one language: its own labels, and each message the job kept (its
 * English text where it kept none — an older record — or the code is unknown). */
function speaker(lang: Lang) {
  const catalog = coreCatalog(lang);
  const fmt = fmtFor(lang);
  const msg = (m: Msg) => renderMsg([catalog], lang, m, fmt) ?? renderMsg([coreCatalog('en')], 'en', m) ?? m.code;
  const t: Tell<CoreSource> = (code, ...params) => msg(say(code, ...params));
  const text = (o: { message: string; msg?: Msg | null }) => (lang === 'en' || !o.msg ? o.message : msg(o.msg));
  return { t, text, msg };
}
type Speaker = ReturnType<typeof speaker>;

function state(sp: Speaker, s: InstallResult['before']): string {
  if (!s) return sp.t('receipt.stateUnknown');
  if (!s.known) return sp.t('receipt.stateUnreadable');
  if (!s.valid) return sp.t('receipt.stateNone');
  return sp.t('receipt.list', {
    items: [
      s.id ? say('receipt.stateActiveId', { id: s.id }) : say('receipt.stateActive'),
      ...(s.seats !== null ? [say('receipt.stateSeats', { n: s.seats })] : []),
      ...(s.validUntil ? [say('receipt.stateUntil', { day: s.validUntil })] : []),
      ...(s.modules.length ? [say('receipt.stateModules', { n: s.modules.length })] : []),
    ],
  });
}

/** Evidence in the words every shell uses, with its time in UTC and whose clock it is. */
function evidenceText(sp: Speaker, e: Evidence): string {
  const what = sp.text({ message: evidenceWords(e), msg: evidenceMsg(e) });
  return sp.t(e.clock === 'rocket.chat' ? 'receipt.atServerClock' : 'receipt.at', { what, at: e.at });
}

function backupText(sp: Speaker, b: NonNullable<InstallResult['backup']>): string {
  if (b.status === 'kept')
    return sp.t('receipt.backupKept', {
      license: b.licenseId ?? say('receipt.aLicense'),
      format: b.format ? say('receipt.backupFormat', { format: b.format.toUpperCase() }) : say('empty'),
      hash: b.sha256,
    });
  if (b.status === 'none-before') return sp.t('receipt.backupNone');
  return sp.t('receipt.backupUnavailable', { reason: b.reason });
}

export function receiptJson(job: InstallResult, appVersion: string): string {
  return JSON.stringify({ receipt: 'rc-license-installer', appVersion, ...job }, null, 2) + '\n';
}

/**
 * The receipt in a language (English by default). The codes stay beside the words — the status,
 * the outcome, each check's and step's name, the job id — so a supervisor who reads another
 * language can match it with the record and with --json.
 */
export function receiptHtml(job: InstallResult, appVersion: string, lang: Lang = 'en'): string {
  const sp = speaker(lang);
  const { t } = sp;
  const status = statusOf(job);
  const tone = statusTone(status);
  const word = (code: string, english: string) => sp.text({ message: english, msg: { code } });
  const sent = job.sent ? { yes: t('receipt.sentYes'), no: t('receipt.sentNo'), unknown: t('receipt.sentUnknown') }[job.sent] : null;
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${direction(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(t('receipt.title', { job: job.jobId }))}</title>
<style>
body{font:14px/1.45 system-ui,'DejaVu Sans',sans-serif;color:#1f2329;margin:32px auto;max-width:820px;padding:0 16px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 8px;border-bottom:1px solid #d7dbe0;padding-bottom:4px}
.outcome{font-size:22px;font-weight:700;padding:12px 16px;border-radius:8px;margin:16px 0 6px}
.ok{background:#e3f5ec;color:#0f7a4a}.warn{background:#fff4d6;color:#8a5a00}.bad{background:#fde8e6;color:#b42318}
table{border-collapse:collapse;width:100%}th,td{text-align:start;vertical-align:top;padding:4px 8px;border-bottom:1px solid #eef0f3}
th{width:30%;color:#4f5661;font-weight:600}code,.mono{font-family:'DejaVu Sans Mono',monospace;font-size:12px;word-break:break-all}
.small{color:#4f5661;font-size:12px}.pass{color:#0f7a4a}.fail{color:#b42318}.unknown{color:#8a5a00}
@media print{body{margin:0}}
</style></head><body>
<h1>${esc(t('receipt.heading'))}</h1>
<div class="small">${esc(t('receipt.job'))} <span class="mono">${esc(job.jobId)}</span> · ${esc(when(job.startedAt))} → ${esc(when(job.finishedAt))}</div>
<div class="outcome ${tone}" data-status="${esc(status)}">${esc(word(`status.${status}`, STATUS_WORD[status]))} <span class="small">(${esc(status)}; ${esc(job.outcome)})</span></div>
<p>${esc(sp.text({ message: job.headline, msg: job.headlineMsg }))}</p>
${job.reasons.length ? `<ul>${job.reasons.map((r, i) => `<li>${esc(sp.text({ message: r, msg: job.reasonsMsg?.[i] }))}</li>`).join('')}</ul>` : ''}
<h2>${esc(t('receipt.workspace'))}</h2><table>
${row(t('receipt.name'), job.workspace.name)}${row(t('receipt.address'), job.workspace.baseUrl)}${row(t('receipt.siteUrl'), job.workspace.workspaceUrl)}${row(t('receipt.version'), job.workspace.version)}
${row(t('receipt.signedInAs'), job.user ? `${job.user.username}${job.user.isAdmin ? t('receipt.admin') : ''}` : null)}
</table>
<h2>${esc(t('receipt.license'))}</h2><table>
${row(t('receipt.licenseId'), job.license.id)}${row(t('receipt.format'), job.license.format.toUpperCase())}${row(t('receipt.customer'), job.license.customer)}
${row(t('receipt.validUntil'), job.license.validUntil ? fmtFor(lang).day(job.license.validUntil) : t('receipt.noEnd'))}${row(t('receipt.seats'), job.license.seats ?? t('receipt.unlimited'))}
<tr><th>SHA-256</th><td class="mono">${esc(job.license.sha256)}</td></tr>
</table>
<h2>${esc(t('receipt.says'))}</h2><table>
${row(t('receipt.before'), state(sp, job.before))}${row(t('receipt.after'), state(sp, job.after))}
${job.restriction?.change ? row(t('receipt.readOnly'), sp.text({ message: job.restriction.change, msg: job.restriction.changeMsg })) : ''}
${job.replaced ? row(t('receipt.replaced'), sp.text({ message: job.replaced.current, msg: job.replaced.currentMsg })) : ''}
${job.backup ? row(t('receipt.kept'), backupText(sp, job.backup)) : ''}${job.restoreOf ? row(t('receipt.restoresJob'), job.restoreOf) : ''}${job.restoredBy ? row(t('receipt.restoredBy'), t('receipt.restoredByText', { job: job.restoredBy })) : ''}
${job.serverValidation ? row(t('receipt.validation'), job.serverValidation.valid ? t('receipt.valid') : t('receipt.notValid', { reasons: job.serverValidation.reasons })) : ''}
${job.forced ? row(t('receipt.forced'), t('receipt.forcedText')) : ''}
${sent ? row(t('receipt.sent'), sent) : ''}
</table>
${
  job.verdict && (job.verdict.evidence.length || job.verdict.reasons.length)
    ? `<h2>${esc(t('receipt.restsOn'))}</h2><table>${job.verdict.evidence.map((e) => row(t('receipt.evidence'), evidenceText(sp, e))).join('')}${job.verdict.reasons.map((r) => row(t('receipt.serverReason'), sp.text({ message: describeRejection(r), msg: rejectionMsg(r) }))).join('')}</table>`
    : ''
}
${
  job.checks.length
    ? `<h2>${esc(t('receipt.checks'))}</h2><table>${job.checks.map((c) => `<tr><th>${esc(word(`check.${c.name}`, CHECK_NAME[c.name]))} <span class="small">(${esc(c.name)})</span></th><td><span class="${esc(c.status)}">${esc(c.status.toUpperCase())}</span> ${esc(sp.text(c))}</td></tr>`).join('')}</table>`
    : ''
}
<h2>${esc(t('receipt.steps'))}</h2><table>
${job.steps.map((st) => `<tr><th>${esc(word(`step.${st.step}`, STEP_NAME[st.step]))} <span class="small">(${esc(st.step)})</span></th><td><span class="${st.status === 'done' ? 'pass' : st.status === 'failed' ? 'fail' : 'unknown'}">${esc(st.status)}</span> ${esc(sp.text(st))}${st.httpStatus ? ` <span class="small">(HTTP ${esc(st.httpStatus)})</span>` : ''}${st.durationMs !== undefined ? ` <span class="small">${esc(st.durationMs)} ms</span>` : ''}</td></tr>`).join('')}
</table>
${job.error ? `<h2>${esc(t('receipt.error'))} <span class="small">(${esc(job.error.code)})</span></h2><p>${esc(sp.text({ message: job.error.message, msg: isOwnErrorText(job.error) ? { code: `error.${job.error.code}` } : undefined }))} ${esc(job.error.detail === undefined ? '' : sp.text({ message: job.error.detail, msg: job.error.detailMsg }))}</p>` : ''}
<p class="small">${esc(t('receipt.footer', { version: appVersion }))}</p>
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
export async function saveReceipt(job: InstallResult, format: 'html' | 'json' | 'pdf', out: ReceiptOutput, lang: Lang = 'en'): Promise<{ path: string | null }> {
  const version = getAppInfo('cli').version;
  const html = receiptHtml(job, version, lang);
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
