// The send and what follows it: note where the server's evidence stands, send once, then read the
// verdict from the server's own words (confirm.ts, verdict.ts) and say it. A request that may have
// arrived is never sent again: no answer (a timeout, a reset, a proxy's 502) after the request went
// out means "sent, outcome unknown", and the evidence decides. Only a request that provably never
// left (refused, no name, no route, TLS) may say that nothing was sent.
import { AppFailure } from '../errors';
import type { LoadedLicense } from '../license/license-store';
import type { LicenseStateWithUsage, RocketChatClient, ServerValidation } from '../rocketchat/rocketchat-client';
import { logCursor, readServerLog, type LogCursor } from '../rocketchat/server-log';
import type { WorkspaceInfo } from '../rocketchat/types';
import { confirmOutcome, Interrupted } from './confirm';
import type { stepRecorder } from './job-record';
import { rejectionMsg, serverLogHintMsg } from './server-reasons';
import type { InstallResult } from './types';
import type { Verdict } from './verdict';
import { say, type Msg } from '../i18n/say';

/** Whether a failed licenses.add can still have reached the server (and so must not be resent). */
export function mayHaveArrived(e: unknown): boolean {
  if (!(e instanceof AppFailure)) return true;
  const status = typeof e.data?.status === 'number' ? e.data.status : 0;
  switch (e.code) {
    case 'TIMEOUT':
    case 'NETWORK_UNREACHABLE':
      return e.data?.phase !== 'connect';
    // A proxy's error page, or Rocket.Chat's own 5xx: the request got past the door.
    case 'NOT_ROCKETCHAT':
    case 'SERVER_ERROR':
      return status >= 500;
    default:
      return false;
  }
}

export interface SendContext {
  client: RocketChatClient;
  license: LoadedLicense;
  info: WorkspaceInfo;
  result: InstallResult;
  recorder: ReturnType<typeof stepRecorder>;
  before: LicenseStateWithUsage | null;
  validation: ServerValidation | null;
  waitMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  beforeSend?: (job: InstallResult) => void | Promise<void>;
  afterSend?: (job: InstallResult) => void | Promise<void>;
}

/** Where the status setting and the log stand before the send. Neither ever stops an install. */
async function evidenceBefore(client: RocketChatClient, info: WorkspaceInfo): Promise<{ statusBefore: 'Valid' | 'Invalid' | null; cursor: LogCursor | null }> {
  const statusBefore = info.capabilities.newEngine ? await client.licenseStatus() : null;
  const log = info.capabilities.serverLog ? await readServerLog(client) : null;
  return { statusBefore, cursor: log?.available ? logCursor(log.entries) : null };
}

export async function sendAndConfirm(c: SendContext): Promise<void> {
  const { client, license, info, result } = c;
  const { step } = c.recorder;
  const { statusBefore, cursor } = await evidenceBefore(client, info);
  // Recorded before sending: if the process dies from here on, the record says "interrupted",
  // never a guess.
  // The record a crash from here would leave: the license may be on its way.
  await c.beforeSend?.({ ...structuredClone(result), sent: 'unknown' });
  await step('apply', say('run.apply'), async () => {
    try {
      await client.add(license.canonical.text, c.signal);
      result.sent = 'yes';
      return { value: null, message: say('step.accepted') };
    } catch (e) {
      if (c.signal?.aborted) {
        result.sent = 'unknown';
        throw new Interrupted();
      }
      if (!mayHaveArrived(e)) {
        // An answer (a refusal) means it arrived; only a failure to connect means it never left.
        if (!(e instanceof AppFailure && e.data?.phase === 'connect')) result.sent = 'yes';
        throw e;
      }
      result.sent = 'unknown';
      const why = e instanceof AppFailure ? [e.message, e.detail].filter(Boolean).join(' ') : String(e);
      return { value: null, status: 'warning' as const, message: `No answer to licenses.add (${why}). It may have arrived, so it is not sent again: the server's own state and log say what happened.` };
    }
  });
  await c.afterSend?.(structuredClone(result));

  const { verdict, last } = await step('verify', say('run.verify'), async () => {
    const confirmation = await confirmOutcome({
      client,
      info,
      license,
      before: c.before,
      cursor,
      waitMs: c.waitMs,
      now: c.now,
      sleep: c.sleep,
      signal: c.signal,
      context: {
        license: license.summary,
        caps: info.capabilities,
        validation: c.validation,
        statusBefore,
        logReadable: cursor !== null,
        workspaceUrl: info.workspaceUrl,
        usage: c.before?.usage ?? null,
      },
    });
    return { value: confirmation, ...verifyStep(confirmation.verdict, c.waitMs) };
  });
  result.after = last?.state ?? null;
  result.verdict = verdict.record;
  finishVerdict(c, verdict);
}

function verifyStep(v: Verdict, waitMs: number): { status: 'done' | 'failed' | 'warning'; message: Msg } {
  if (v.outcome === 'active') return { status: 'done', message: say(v.record.evidence[0]?.source === 'server-log' ? 'step.installedLog' : 'step.confirmed') };
  if (v.outcome === 'rejected') return { status: 'failed', message: say('step.notActivated') };
  if (v.cause) return { status: 'warning', message: say('step.unreadable', { cause: `${v.cause.message} ${v.cause.detail ?? ''}`.trim() }) };
  const seconds = Math.round(waitMs / 1000);
  return { status: 'warning', message: say(v.outcome === 'not-active' ? 'step.notActiveAfter' : 'step.noAnswerWithin', { seconds }) };
}

/** The outcome in words: the server's own reasons for a rejection, the next thing to do otherwise. */
function finishVerdict(c: SendContext, v: Verdict): void {
  const { info, result, license } = c;
  const { finish } = c.recorder;
  const s = license.summary;
  const seconds = Math.round(c.waitMs / 1000);
  const failedChecks = result.checks.filter((x) => x.status === 'fail').map((x) => x.msg ?? x.message);
  if (v.outcome === 'active') {
    finish('active', say('outcome.active', { url: info.workspaceUrl, license: s.id ?? s.hashTail }));
  } else if (v.outcome === 'rejected') {
    const said = v.record.reasons.map(rejectionMsg);
    // Where the server kept its reason to itself, what the checks found is the next best thing.
    const known = said.length && !v.record.reasons.some((r) => r.kind === 'not-logged') ? said : [...said, ...failedChecks];
    const accepted = say(result.sent === 'yes' ? 'outcome.acceptedNotActivated' : 'outcome.notActivated');
    const after = result.replaced?.afterRejection;
    const headline = after ? say('sentences.two', { first: accepted, second: result.replaced?.afterRejectionMsg ?? after }) : accepted;
    finish('rejected', headline, known.length ? known : [serverLogHintMsg(info)]);
  } else if (v.outcome === 'not-active') {
    finish('not-active', say('outcome.notActive', { seconds, url: info.workspaceUrl }), [...failedChecks, serverLogHintMsg(info), say('outcome.maySlow')]);
  } else {
    const cause = v.cause;
    const sent = say(result.sent === 'unknown' ? 'outcome.maybeSent' : 'outcome.sent');
    finish(
      'unconfirmed',
      cause
        ? say('outcome.unconfirmedCause', { sent, cause: [cause.message, cause.detail].filter(Boolean).join(' ') })
        : say('outcome.unconfirmed', { sent, seconds }),
      [say('outcome.verifyLater'), ...(cause ? [] : [serverLogHintMsg(info)])],
    );
  }
}
