// The server's own log, read over REST: GET /api/v1/stdout.queue (spec §5.12), 3.0 – 7.x. It was
// removed in 8.0.0: rest-typings 8.0.0 no longer types it, the Open-API docs dropped it
// (RocketChat/Rocket.Chat-Open-API 855fd62, 2026-01-07), and an 8.x misc.ts keeps only its doc
// comment. A 404 or 405 is therefore "no log here", never an error.
//
// Only what a verdict needs is kept from a line — never the line itself: "Invalid raw license"
// carries the whole license text (ee/packages/license/src/license.ts, setLicense's catch), of
// which only the last 8 characters (the server's own short name for a license) are read.
import { AppFailure } from '../errors';
import { isMissingEndpoint } from './api-failures';
import { obj, str } from './json';
import type { RocketChatClient } from './rocketchat-client';

export interface LogEntry {
  id: string;
  string: string;
  ts: string;
}

/** The queue, with the Date header of the answer that carried it (a proxy may set it by its own clock). */
export type LogAccess = { available: true; entries: LogEntry[]; date: string | null } | { available: false; why: 'no-endpoint' | 'forbidden' | 'disabled' | 'unreadable' };

/** What a license engine wrote, reduced to facts: times are Rocket.Chat's own clock. */
export type LogEvent =
  | { kind: 'installed'; hashTail: string; at: string | null }
  | { kind: 'url-failed'; rule: { value: string; type: string }; workspaceUrl: string | null; at: string | null }
  | { kind: 'period-failed'; validFrom: string | null; validUntil: string | null; behavior: string | null; at: string | null }
  | { kind: 'limit-failed'; limit: string; max: number | null; behavior: string | null; at: string | null }
  | { kind: 'invalid'; at: string | null }
  | { kind: 'invalid-raw'; hashTail: string; at: string | null }
  | { kind: 'site-url-unknown'; at: string | null }
  | { kind: 'invalidated'; at: string | null }
  | { kind: 'old-new'; at: string | null }
  | { kind: 'old-validated'; at: string | null };

/** Longer lines are not read: no line this app looks for is near it, except one carrying a whole
 * license (at most 64 KiB of text). */
export const MAX_LOG_LINE = 256 * 1024;
const MAX_FIELD = 500;
// Terminal colour and cursor codes (the old console logger colours its lines).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
const INTERESTING = /validation failed|License installed|Invalid license|Invalid raw license|Unable to validate license URL|License invalidated|New Enterprise License|License validated/;

const short = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, MAX_FIELD) : null);
const instant = (v: unknown): string | null => {
  const t = typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
  return t && !Number.isNaN(t.getTime()) ? t.toISOString() : null;
};

/** One queue entry as a license event, or null when it is something else (or unreadable). */
export function parseLogEntry(entry: LogEntry): LogEvent | null {
  if (typeof entry.string !== 'string' || entry.string.length > MAX_LOG_LINE || !INTERESTING.test(entry.string)) return null;
  const text = entry.string.replace(ANSI, '').trim();
  const queuedAt = instant(entry.ts);
  if (text.startsWith('{')) {
    let line: Record<string, unknown>;
    try {
      line = obj(JSON.parse(text));
    } catch {
      return null;
    }
    const at = instant(line.time) ?? queuedAt;
    switch (line.msg) {
      case 'License installed': {
        const hash = short(line.hash);
        return hash ? { kind: 'installed', hashTail: hash.slice(-8), at } : null;
      }
      case 'Url validation failed': {
        const rule = obj(line.url);
        return { kind: 'url-failed', rule: { value: short(rule.value) ?? '', type: short(rule.type) ?? 'url' }, workspaceUrl: short(line.workspaceUrl), at };
      }
      case 'Period validation failed': {
        const period = obj(line.period);
        return { kind: 'period-failed', validFrom: instant(period.validFrom), validUntil: instant(period.validUntil), behavior: short(period.invalidBehavior), at };
      }
      case 'Limit validation failed': {
        const limit = obj(line.limit);
        return { kind: 'limit-failed', limit: short(line.kind) ?? '', max: typeof limit.max === 'number' ? limit.max : null, behavior: short(limit.behavior), at };
      }
      case 'Invalid license':
        return { kind: 'invalid', at };
      case 'Invalid raw license': {
        // Only the last 8 characters are read; the text itself is dropped here.
        const text = str(line.encryptedLicense);
        return text ? { kind: 'invalid-raw', hashTail: text.trim().slice(-8), at } : null;
      }
      case 'Unable to validate license URL without knowing the workspace URL.':
        return { kind: 'site-url-unknown', at };
      case 'License invalidated':
        return { kind: 'invalidated', at };
    }
    return null;
  }
  // ≤6.4 (ee/app/license/server/license.ts): console lines; the errors went to stderr.
  if (/^#{3} New Enterprise License/.test(text)) return { kind: 'old-new', at: queuedAt };
  if (/^#{4} License validated/.test(text)) return { kind: 'old-validated', at: queuedAt };
  return null;
}

/** Reads the queue; what is not there (8.0+, no view-logs, a disabled viewer) is said, not thrown. */
export async function readServerLog(client: Pick<RocketChatClient, 'call'>): Promise<LogAccess> {
  let res;
  try {
    res = await client.call('GET', '/api/v1/stdout.queue', 'stdout.queue');
  } catch (e) {
    if (e instanceof AppFailure) return { available: false, why: 'unreadable' };
    throw e;
  }
  if (res.status === 401 && res.json !== undefined) throw new AppFailure('AUTH_REQUIRED', String(obj(res.json).message ?? obj(res.json).error ?? 'You must be logged in to do this.'));
  if (res.status === 403) return { available: false, why: 'forbidden' };
  if (isMissingEndpoint(res)) return { available: false, why: 'no-endpoint' };
  const queue = obj(res.json).queue;
  if (res.status !== 200 || !Array.isArray(queue)) return { available: false, why: 'unreadable' };
  // STDOUT_VIEWER_DISABLED answers an empty queue: nothing can be learnt from it.
  if (!queue.length) return { available: false, why: 'disabled' };
  const entries = queue.map((e) => obj(e)).map((e) => ({ id: String(e.id ?? ''), string: typeof e.string === 'string' ? e.string : '', ts: String(e.ts ?? '') }));
  return { available: true, entries, date: res.serverDate?.toISOString() ?? null };
}

/** Where the log stood before the send: what was there already is never read as an answer. */
export interface LogCursor {
  ids: Set<string>;
  newest: number;
}

export function logCursor(entries: LogEntry[]): LogCursor {
  const times = entries.map((e) => Date.parse(e.ts)).filter((t) => !Number.isNaN(t));
  return { ids: new Set(entries.map((e) => e.id)), newest: times.length ? Math.max(...times) : 0 };
}

/**
 * The entries written after the cursor, in order. An entry is new when its id was not there and it
 * was queued no earlier than the newest entry then: in a cluster another instance answers with its
 * own queue, whose ids mean nothing against ours, but whose older entries are older.
 */
export function entriesSince(cursor: LogCursor, entries: LogEntry[]): LogEntry[] {
  return entries.filter((e) => {
    const t = Date.parse(e.ts);
    return !cursor.ids.has(e.id) && !Number.isNaN(t) && t >= cursor.newest;
  });
}

/** The license events among the entries written after the cursor. */
export function eventsSince(cursor: LogCursor, entries: LogEntry[]): LogEvent[] {
  return entriesSince(cursor, entries)
    .map(parseLogEntry)
    .filter((e): e is LogEvent => e !== null);
}
