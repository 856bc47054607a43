// The installation, end to end: connect → who am I → usage → pre-checks → the server's own
// validation (8.7+) → licenses.add → verify by asking the server until it says valid or not.
// A 200 from licenses.add only means "well-formed" (spec §1.1); the outcome is read back.
import { randomBytes } from 'node:crypto';
import { AppFailure, toAppError } from '../errors';
import { checkLicense, workspaceFacts } from '../license/license-checks';
import type { LoadedLicense } from '../license/license-store';
import { replacementOf } from '../license/replacement';
import { newJobRecord, stepRecorder } from './job-record';
import type { LicenseBackup, InstallProgress, InstallResult } from './types';
import type { ActiveLicenseState } from '../rocketchat/types';
import type { RocketChatClient, ServerValidation } from '../rocketchat/rocketchat-client';
import { MIN_VERSION } from '../rocketchat/versions';
import { Interrupted } from './confirm';
import { countdownAfter, countdownBefore } from './countdown';
import { isSameLicense } from './same-license';
import { sendAndConfirm } from './send';
import { describeRejection, serverLogHint } from './server-reasons';
import { validationReasons } from './verdict';

export interface InstallOptions {
  client: RocketChatClient;
  license: LoadedLicense;
  workspace?: { id: string | null; name: string | null };
  /** Send even though a pre-check or the server's validation failed. */
  force?: boolean;
  /** How long to keep asking the server for the outcome. */
  waitSeconds?: number;
  onProgress?: (progress: InstallProgress) => void;
  jobId?: string;
  /** Keeps the license the server stored before sending (the app's data directory); throws when
   * it cannot, which stops the install. Without it nothing is kept. */
  keepBackup?: (storedText: string, activeBefore: ActiveLicenseState | null) => Promise<Extract<LicenseBackup, { status: 'kept' }>>;
  /** This install puts back the license kept by that job. */
  restoreOf?: string;
  /** Called with the job once the stored license is kept (before anything is sent); a throw stops the install. */
  afterBackup?: (job: InstallResult) => void | Promise<void>;
  /** Called with the job as it stands just before licenses.add; a throw stops the install. */
  beforeSend?: (job: InstallResult) => void | Promise<void>;
  /** Called with the job once licenses.add has answered (or may have arrived), before the wait. */
  afterSend?: (job: InstallResult) => void | Promise<void>;
  /** Interrupts the installation (Ctrl-C, the window closing): recorded as interrupted, with
   * whether anything was sent. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock the waits are measured on (with `sleep`, tests run the waits on a faster one). */
  now?: () => number;
}

const busy = new Set<string>();

export function newJobId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** A wait that ends early when the installation is interrupted. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => (clearTimeout(timer), resolve());
    // The listener goes with the wait: a long confirmation loop must not pile them up on the signal.
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function installLicense(options: InstallOptions): Promise<InstallResult> {
  const { client, license } = options;
  const jobId = options.jobId ?? newJobId();
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const waitMs = (options.waitSeconds ?? 20) * 1000;
  const lockKey = client.transport.baseUrl;
  if (busy.has(lockKey)) throw new AppFailure('BUSY', `An installation to ${lockKey} is still running.`);
  busy.add(lockKey);

  const s = license.summary;
  const result = newJobRecord(jobId, { baseUrl: client.transport.baseUrl, ...options.workspace }, license, { restoreOf: options.restoreOf, force: options.force });
  const recorder = stepRecorder(result, options.onProgress, options.signal);
  const { step, finish } = recorder;

  try {
    await step('license', 'Reading the license', async () => ({
      value: null,
      status: s.verifiedWith.key === 'custom' ? 'warning' : 'done',
      message: `${s.format.toUpperCase()} license${s.id ? ` ${s.id}` : ''}, SHA-256 ${s.sha256.slice(0, 12)}…, signature verified${s.verifiedWith.key === 'custom' ? ' with a non-Rocket.Chat key' : ''}.`,
    }));

    const info = await step('connect', `Connecting to ${client.transport.baseUrl}`, async () => {
      const i = await client.info();
      if (i.major < MIN_VERSION.major || (i.major === MIN_VERSION.major && i.minor < MIN_VERSION.minor)) {
        throw new AppFailure('SERVER_TOO_OLD', `This workspace runs Rocket.Chat ${i.version}.`);
      }
      result.workspace.version = i.version;
      result.workspace.workspaceUrl = i.workspaceUrl;
      result.workspace.workspaceUrlSource = i.workspaceUrlSource;
      return {
        value: i,
        status: i.unencrypted ? 'warning' : 'done',
        message: `Rocket.Chat ${i.version}; Site URL ${i.workspaceUrl}${i.workspaceUrlSource === 'guess' ? ' (from the address entered: this version does not report it)' : ''}.${i.unencrypted ? ' The connection is not encrypted (http://).' : ''}`,
      };
    });

    // Public, 7.0+; never stops the install.
    const countdown = await countdownBefore(client, info);
    result.restriction = { before: countdown, after: null, change: null };

    const me = await step('account', 'Checking the signed-in account', async () => {
      const u = await client.me();
      result.user = { username: u.username, isAdmin: u.isAdmin };
      return u.isAdmin
        ? { value: u, message: `Signed in as ${u.username} (administrator).` }
        : {
            value: u,
            status: 'warning' as const,
            message: `Signed in as ${u.username}, who is not an administrator: only admins hold edit-privileged-setting by default, so the server will probably refuse.`,
          };
    });

    if (me.isAdmin) {
      // Before 8.6 /api/info does not say; the Site_Url setting itself is authoritative.
      Object.assign(info, await client.withSiteUrl(info));
      result.workspace.workspaceUrl = info.workspaceUrl;
      result.workspace.workspaceUrlSource = info.workspaceUrlSource;
    }

    const before = await step('usage', 'Reading the current license and usage', async () => {
      try {
        const st = await client.licenseState(info.capabilities);
        result.before = st.state;
        const seats = st.usage?.activeUsers !== undefined ? `${st.usage.activeUsers} active users` : 'usage not reported';
        return {
          value: st,
          message: `${st.state.valid ? `A license is active${st.state.id ? ` (${st.state.id})` : ''}` : 'No license is active'}; ${seats}.`,
        };
      } catch (e) {
        if (e instanceof AppFailure && e.code === 'FORBIDDEN' && !me.isAdmin) {
          return { value: null, status: 'warning' as const, message: 'This account may not read the license state.' };
        }
        throw e;
      }
    });

    // The license the server stores now (spec §5.11): what a restart would apply, and what is
    // kept so that it can be put back. licenses.add writes the setting only when the text
    // differs, so this exact text again would be a no-op: nothing validated again.
    type Stored = Awaited<ReturnType<RocketChatClient['storedLicense']>>;
    const stored = await step<Stored>('stored', 'Reading the license stored on the server', async () => {
      const read = await client.storedLicense();
      if (!read.readable) return { value: read, status: 'warning' as const, message: `The stored license could not be read, so it cannot be backed up: ${read.reason}.` };
      return { value: read, message: read.value.trim() ? `The server stores a license (…${read.value.trim().slice(-8)}).` : 'The server stores no license.' };
    });
    const storesThis = stored.readable && stored.value.trim() === license.canonical.text;
    const activeIsThis = Boolean(before?.state.valid) && before !== null && isSameLicense(license, before) === true;

    // Active and stored (or the storage unknown): nothing to do. Active in memory while another
    // text is stored (≤6.4 after a rejection): sent, so that it survives the next restart.
    if (activeIsThis && (storesThis || !stored.readable)) {
      result.after = before?.state ?? null;
      finish('already-active', `This exact license is already in force on ${info.workspaceUrl}. Nothing was sent.`);
      return result;
    }
    const backupNote = !stored.readable ? { possible: false, reason: stored.reason } : { possible: Boolean(stored.value.trim() && options.keepBackup) };
    result.replaced = activeIsThis ? null : replacementOf(before?.state ?? null, info.version, s.id, backupNote);

    result.checks = checkLicense(s, workspaceFacts(info, before?.usage ?? null));
    const failing = result.checks.filter((c) => c.status === 'fail');
    if (storesThis) {
      result.after = before?.state ?? null;
      result.error = new AppFailure('LICENSE_ALREADY_REJECTED').toError();
      const stillActive = result.replaced?.lostWhen === 'restart' ? [`${result.replaced.current} is still active, but a restart will check the stored license instead and then none will be active.`] : [];
      finish(
        'already-rejected',
        `${info.workspaceUrl} already stores this exact license and did not activate it. Rocket.Chat checks a license only when the stored one changes or when it restarts, so sending it again would change nothing.`,
        [...failing.map((c) => c.message), ...stillActive, 'Fix what made it fail, then restart Rocket.Chat: it checks the stored license again at start-up.', serverLogHint(info)],
      );
      return result;
    }

    // A server that cannot read the format would only answer with OpenSSL's words: never send.
    const unreadable = failing.filter((c) => c.code === 'LICENSE_NEEDS_NEWER_SERVER');
    await step('prechecks', 'Checking the license against this workspace', async () => ({
      value: null,
      status: failing.length ? (options.force && !unreadable.length ? 'warning' : 'failed') : 'done',
      message: failing.length
        ? `${failing.length} check${failing.length > 1 ? 's' : ''} failed: ${failing.map((c) => c.name).join(', ')}${options.force && !unreadable.length ? ' — sending anyway, as asked.' : '.'}`
        : 'URL, dates and limits fit this workspace.',
    }));
    if (unreadable.length) {
      result.error = new AppFailure('LICENSE_NEEDS_NEWER_SERVER', `This workspace runs Rocket.Chat ${info.version}.`).toError();
      finish('blocked', `This workspace (Rocket.Chat ${info.version}) cannot read this license's format. Nothing was sent to the server.`, unreadable.map((c) => c.message));
      return result;
    }
    if (failing.length && !options.force) {
      finish('blocked', 'The license does not fit this workspace. Nothing was sent to the server.', failing.map((c) => c.message));
      return result;
    }

    // Kept before anything is sent; a backup that cannot be written stops the install.
    if (!stored.readable) result.backup = { status: 'unavailable', reason: stored.reason };
    else if (!stored.value.trim()) result.backup = { status: 'none-before' };
    else if (options.keepBackup) {
      const text = stored.value;
      result.backup = await step('backup', 'Keeping a copy of the stored license on this laptop', async () => {
        const kept = await options.keepBackup!(text, before?.state ?? null);
        return { value: kept, message: `Kept the stored license${kept.licenseId ? ` ${kept.licenseId}` : ''} (SHA-256 ${kept.sha256.slice(0, 12)}…): it can be restored in one step.` };
      });
      await options.afterBackup?.(structuredClone(result));
    }

    let serverSaid: ServerValidation | null = null;
    if (info.capabilities.validate) {
      const verdict = await step('server-validation', 'Asking the server to validate the license', async () => {
        const v = await client.validate(license.canonical.text);
        if (!v) return { value: null, status: 'skipped' as const, message: 'This server has no licenses.validate endpoint.' };
        const said = validationReasons({ license: s, workspaceUrl: info.workspaceUrl, usage: before?.usage ?? null, validation: v }, { dateHeader: info.serverTime });
        result.serverValidation = { valid: v.valid, reasons: said.map(describeRejection) };
        if (v.valid) return { value: v, message: v.note ?? 'The server says the license is valid for this workspace.' };
        return {
          value: v,
          status: options.force ? ('warning' as const) : ('failed' as const),
          message: `The server says the license is not valid here (${v.reasons.map((r) => r.reason).join(', ') || 'no reason given'}).`,
        };
      });
      // "Not ready for validation" is no answer either way.
      serverSaid = verdict && !verdict.note ? verdict : null;
      if (verdict && !verdict.valid && !options.force) {
        finish(
          'blocked',
          'The server itself says this license is not valid for this workspace. Nothing was sent.',
          result.serverValidation?.reasons.length ? result.serverValidation.reasons : ['The server rejected the license without giving a reason: it is damaged or not meant for this server.'],
        );
        return result;
      }
    }

    await sendAndConfirm({
      client,
      license,
      info,
      result,
      recorder,
      before,
      validation: serverSaid,
      waitMs,
      now,
      sleep,
      signal: options.signal,
      beforeSend: options.beforeSend,
      afterSend: options.afterSend,
    });
    if (!options.signal?.aborted) result.restriction = await countdownAfter(client, info, result, countdown, (ms) => sleep(ms, options.signal));
    return result;
  } catch (e) {
    if (e instanceof Interrupted) {
      finish(
        'interrupted',
        result.sent === 'no'
          ? 'Stopped before sending: nothing was sent; the workspace is as it was.'
          : `Stopped after sending: ${result.sent === 'yes' ? 'the server accepted the license file' : 'the license may have reached the server'}, but whether it is active was not read. Verify again to read the outcome.`,
      );
      return result;
    }
    const error = toAppError(e);
    result.error = error;
    // Said exactly: nothing was sent unless the send itself got that far.
    const nothingSent = result.sent === 'no' ? ' Nothing was sent to the server.' : '';
    finish('failed', `${error.message}${nothingSent}`, [error.detail, error.fix].filter((x): x is string => Boolean(x)));
    return result;
  } finally {
    result.finishedAt = new Date().toISOString();
    busy.delete(lockKey);
  }
}
