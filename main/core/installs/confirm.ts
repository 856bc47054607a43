// After the send: ask the server until its own words give a verdict (verdict.ts) or the wait is
// over. Each round reads the license state, and — where the era has them — the status setting and
// the log written since the send. Reads back off from 250 ms to 2 s.
import { toAppError } from '../errors';
import type { LoadedLicense } from '../license/license-store';
import type { LicenseStateWithUsage, RocketChatClient } from '../rocketchat/rocketchat-client';
import { entriesSince, parseLogEntry, readServerLog, type LogCursor, type LogEvent } from '../rocketchat/server-log';
import type { WorkspaceInfo } from '../rocketchat/types';
import { isSameLicense } from './same-license';
import { judge, judgeAtEnd, type Observation, type StateReading, type Verdict, type VerdictContext } from './verdict';

export interface ConfirmOptions {
  client: RocketChatClient;
  info: WorkspaceInfo;
  license: LoadedLicense;
  /** What was active before the send (to tell "a valid license appeared" from "still the old one"). */
  before: LicenseStateWithUsage | null;
  context: VerdictContext;
  /** Where the log stood before the send; null when it could not be read. */
  cursor: LogCursor | null;
  waitMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

export interface Confirmation {
  verdict: Verdict;
  /** The license state last read, when the last read worked. */
  last: LicenseStateWithUsage | null;
}

/** Thrown out of the wait when the technician interrupts it. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

export async function confirmOutcome(o: ConfirmOptions): Promise<Confirmation> {
  const started = o.now();
  const log = new LogSinceSend(o.cursor);
  let delay = 250;
  let last: LicenseStateWithUsage | null = null;
  let obs: Observation | null = null;
  while (o.now() - started < o.waitMs) {
    await o.sleep(delay, o.signal);
    if (o.signal?.aborted) throw new Interrupted();
    delay = Math.min(delay * 1.5, 2000);
    const round = await observe(o, started, log);
    obs = round.obs;
    last = round.read ?? last;
    if (!obs.state.read && ['AUTH_REQUIRED', 'FORBIDDEN'].includes(obs.state.error.code)) break;
    const verdict = judge(o.context, obs);
    // What was last read is not "after" when the last read failed: then it is unknown.
    if (verdict) return { verdict, last: obs.state.read ? last : null };
  }
  // No time to ask at all: nothing is known, and nothing failed.
  if (!obs) return { verdict: { outcome: 'unconfirmed', record: { evidence: [{ source: 'elapsed-time', says: 'waited', at: new Date().toISOString(), clock: 'laptop', detail: '0' }], reasons: [] } }, last: null };
  return { verdict: judgeAtEnd(o.context, obs, o.now() - started), last: obs.state.read ? last : null };
}

/** The license events the log wrote after the send, gathered across reads: each entry once, even
 * when a cluster answers from different queues. */
class LogSinceSend {
  private readonly keys = new Set<string>();
  readonly events: LogEvent[] = [];

  constructor(readonly cursor: LogCursor | null) {}

  add(entries: Parameters<typeof entriesSince>[1]): void {
    if (!this.cursor) return;
    for (const e of entriesSince(this.cursor, entries)) {
      const key = `${e.id}@${e.ts}`;
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      const event = parseLogEntry(e);
      if (event) this.events.push(event);
    }
  }
}

async function observe(o: ConfirmOptions, started: number, log: LogSinceSend): Promise<{ obs: Observation; read: LicenseStateWithUsage | null }> {
  const at = new Date().toISOString();
  let state: StateReading;
  let read: LicenseStateWithUsage | null = null;
  try {
    read = await o.client.licenseState(o.info.capabilities);
    const same = isSameLicense(o.license, read);
    // Nothing active is not ours; a valid license the server cannot name counts as ours only where
    // none was active before.
    const ours = read.state.valid === false ? false : same === null && read.state.valid === true && o.before?.state.valid === false ? true : same;
    state = { read: true, ours, valid: read.state.valid, via: read.state.source };
  } catch (e) {
    state = { read: false, error: toAppError(e) };
  }
  const status = o.context.caps.newEngine && o.context.statusBefore === 'Valid' ? await o.client.licenseStatus() : null;
  let dateHeader: string | null = null;
  if (log.cursor) {
    const access = await readServerLog(o.client).catch(() => null);
    if (access?.available) {
      log.add(access.entries);
      dateHeader = access.date;
    }
  }
  const obs: Observation = { at, sinceSendMs: o.now() - started, state, status, log: log.cursor ? [...log.events] : null, dateHeader };
  return { obs, read };
}
