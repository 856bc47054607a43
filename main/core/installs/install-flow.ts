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
import { describeRejection } from './server-reasons';
import { validationReasons } from './verdict';
import { english, say, type Msg } from '../i18n/say';
import { isOwnErrorText } from '../errors';
import { rejectionMsg, serverLogHintMsg } from './server-reasons';
import type { RejectionReason } from './types';

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
    await step('license', say('run.license'), async () => ({
      value: null,
      status: s.verifiedWith.key === 'custom' ? 'warning' : 'done',
      message: say('step.licenseRead', {
        format: s.format.toUpperCase(),
        id: s.id ? say('step.licenseId', { id: s.id }) : say('empty'),
        hash: s.sha256.slice(0, 12),
        custom: s.verifiedWith.key === 'custom' ? say('step.customKey') : say('empty'),
      }),
    }));

    const info = await step('connect', say('run.connect', { url: client.transport.baseUrl }), async () => {
      const i = await client.info();
      if (i.major < MIN_VERSION.major || (i.major === MIN_VERSION.major && i.minor < MIN_VERSION.minor)) {
        throw new AppFailure('SERVER_TOO_OLD', english(say('step.tooOld', { version: i.version })));
      }
      result.workspace.version = i.version;
      result.workspace.workspaceUrl = i.workspaceUrl;
      result.workspace.workspaceUrlSource = i.workspaceUrlSource;
      return {
        value: i,
        status: i.unencrypted ? 'warning' : 'done',
        message: say('step.connected', {
          version: i.version,
          url: i.workspaceUrl,
          guess: i.workspaceUrlSource === 'guess' ? say('step.urlGuessed') : say('empty'),
          http: i.unencrypted ? say('step.unencrypted') : say('empty'),
        }),
      };
    });

    // Public, 7.0+; never stops the install.
    const countdown = await countdownBefore(client, info);
    result.restriction = { before: countdown, after: null, change: null };

    const me = await step('account', say('run.account'), async () => {
      const u = await client.me();
      result.user = { username: u.username, isAdmin: u.isAdmin };
      return u.isAdmin
        ? { value: u, message: say('step.admin', { user: u.username }) }
        : {
            value: u,
            status: 'warning' as const,
            message: say('step.notAdmin', { user: u.username }),
          };
    });

    if (me.isAdmin) {
      // Before 8.6 /api/info does not say; the Site_Url setting itself is authoritative.
      Object.assign(info, await client.withSiteUrl(info));
      result.workspace.workspaceUrl = info.workspaceUrl;
      result.workspace.workspaceUrlSource = info.workspaceUrlSource;
    }

    const before = await step('usage', say('run.usage'), async () => {
      try {
        const st = await client.licenseState(info.capabilities);
        result.before = st.state;
        const seats = st.usage?.activeUsers !== undefined ? say('step.activeUsers', { n: st.usage.activeUsers }) : say('step.usageNotReported');
        return {
          value: st,
          message: !st.state.valid
            ? say('step.usageNone', { seats })
            : st.state.id
              ? say('step.usageActiveId', { id: st.state.id, seats })
              : say('step.usageActive', { seats }),
        };
      } catch (e) {
        if (e instanceof AppFailure && e.code === 'FORBIDDEN' && !me.isAdmin) {
          return { value: null, status: 'warning' as const, message: say('step.stateForbidden') };
        }
        throw e;
      }
    });

    // The license the server stores now (spec §5.11): what a restart would apply, and what is
    // kept so that it can be put back. licenses.add writes the setting only when the text
    // differs, so this exact text again would be a no-op: nothing validated again.
    type Stored = Awaited<ReturnType<RocketChatClient['storedLicense']>>;
    const stored = await step<Stored>('stored', say('run.stored'), async () => {
      const read = await client.storedLicense();
      if (!read.readable) return { value: read, status: 'warning' as const, message: say('step.storedUnreadable', { reason: read.reason }) };
      return { value: read, message: read.value.trim() ? say('step.storesOne', { tail: read.value.trim().slice(-8) }) : say('step.storedNone') };
    });
    const storesThis = stored.readable && stored.value.trim() === license.canonical.text;
    const activeIsThis = Boolean(before?.state.valid) && before !== null && isSameLicense(license, before) === true;

    // Active and stored (or the storage unknown): nothing to do. Active in memory while another
    // text is stored (≤6.4 after a rejection): sent, so that it survives the next restart.
    if (activeIsThis && (storesThis || !stored.readable)) {
      result.after = before?.state ?? null;
      finish('already-active', say('outcome.alreadyActive', { url: info.workspaceUrl }));
      return result;
    }
    const backupNote = !stored.readable ? { possible: false, reason: stored.reason } : { possible: Boolean(stored.value.trim() && options.keepBackup) };
    result.replaced = activeIsThis ? null : replacementOf(before?.state ?? null, info.version, s.id, backupNote);

    result.checks = checkLicense(s, workspaceFacts(info, before?.usage ?? null));
    const failing = result.checks.filter((c) => c.status === 'fail');
    if (storesThis) {
      result.after = before?.state ?? null;
      result.error = new AppFailure('LICENSE_ALREADY_REJECTED').toError();
      const stillActive = result.replaced?.lostWhen === 'restart' ? [say('outcome.stillActiveUntilRestart', { current: result.replaced.currentMsg ?? result.replaced.current })] : [];
      finish('already-rejected', say('outcome.alreadyRejected', { url: info.workspaceUrl }), [
        ...failing.map((c) => c.msg ?? c.message),
        ...stillActive,
        say('outcome.fixThenRestart'),
        serverLogHintMsg(info),
      ]);
      return result;
    }

    // A server that cannot read the format would only answer with OpenSSL's words: never send.
    const unreadable = failing.filter((c) => c.code === 'LICENSE_NEEDS_NEWER_SERVER');
    await step('prechecks', say('run.prechecks'), async () => ({
      value: null,
      status: failing.length ? (options.force && !unreadable.length ? 'warning' : 'failed') : 'done',
      message: failing.length
        ? say(options.force && !unreadable.length ? 'step.checksFailedForced' : 'step.checksFailed', { n: failing.length, names: failing.map((c) => c.name) })
        : say('step.checksPass'),
    }));
    if (unreadable.length) {
      result.error = new AppFailure('LICENSE_NEEDS_NEWER_SERVER', english(say('step.tooOld', { version: info.version }))).toError();
      finish('blocked', say('outcome.cannotRead', { version: info.version }), unreadable.map((c) => c.msg ?? c.message));
      return result;
    }
    if (failing.length && !options.force) {
      finish('blocked', say('outcome.doesNotFit'), failing.map((c) => c.msg ?? c.message));
      return result;
    }

    // Kept before anything is sent; a backup that cannot be written stops the install.
    if (!stored.readable) result.backup = { status: 'unavailable', reason: stored.reason };
    else if (!stored.value.trim()) result.backup = { status: 'none-before' };
    else if (options.keepBackup) {
      const text = stored.value;
      result.backup = await step('backup', say('run.backup'), async () => {
        const kept = await options.keepBackup!(text, before?.state ?? null);
        return { value: kept, message: say('step.kept', { id: kept.licenseId ? say('step.licenseId', { id: kept.licenseId }) : say('empty'), hash: kept.sha256.slice(0, 12) }) };
      });
      await options.afterBackup?.(structuredClone(result));
    }

    let serverSaid: ServerValidation | null = null;
    let validationSaid: RejectionReason[] = [];
    if (info.capabilities.validate) {
      const verdict = await step('server-validation', say('run.validate'), async () => {
        const v = await client.validate(license.canonical.text);
        if (!v) return { value: null, status: 'skipped' as const, message: say('step.noValidate') };
        const said = validationReasons({ license: s, workspaceUrl: info.workspaceUrl, usage: before?.usage ?? null, validation: v }, { dateHeader: info.serverTime });
        result.serverValidation = { valid: v.valid, reasons: said.map(describeRejection) };
        validationSaid = said;
        if (v.valid) return { value: v, message: v.note ?? say('step.valid') };
        return {
          value: v,
          status: options.force ? ('warning' as const) : ('failed' as const),
          message: say('step.invalid', { reasons: v.reasons.length ? v.reasons.map((r) => r.reason).join(', ') : say('step.noReason') }),
        };
      });
      // "Not ready for validation" is no answer either way.
      serverSaid = verdict && !verdict.note ? verdict : null;
      if (verdict && !verdict.valid && !options.force) {
        finish('blocked', say('outcome.serverSaysInvalid'), validationSaid.length ? validationSaid.map(rejectionMsg) : [say('outcome.noReason')]);
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
      finish('interrupted', say(result.sent === 'no' ? 'outcome.stoppedBefore' : result.sent === 'yes' ? 'outcome.stoppedAfterAccepted' : 'outcome.stoppedAfterMaybe'));
      return result;
    }
    const error = toAppError(e);
    result.error = error;
    // Said exactly: nothing was sent unless the send itself got that far.
    const own = isOwnErrorText(error);
    const message = own ? say(`error.${error.code}`) : error.message;
    finish(
      'failed',
      result.sent === 'no' ? say('outcome.failedNothingSent', { message }) : own ? say('outcome.failed', { message }) : error.message,
      [error.detail, error.fix === undefined ? undefined : own ? say(`fix.${error.code}`) : error.fix].filter((x): x is string | Msg => Boolean(x)),
    );
    return result;
  } finally {
    result.finishedAt = new Date().toISOString();
    busy.delete(lockKey);
  }
}
