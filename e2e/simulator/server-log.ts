// What the simulated server writes to its log, and what of it `GET /api/v1/stdout.queue` shows
// (spec §5.12). 6.5+ writes one pino JSON line per event, and at the default Log_Level 0 only
// warn (40), error (50) and startup (51) lines of the license package reach stdout; ≤6.4 writes
// console lines, where console.log goes to stdout (queued) and console.error to stderr (not).
// Read in apps/meteor/server/stream/stdout.ts and packages/logger/src (6.14.0-develop), and
// ee/app/license/server/license.ts (3.10.0 – 6.4).

/** A new-engine (pino) event, or an old-engine console line. */
export type LogLine = { level: number; msg: string; fields?: Record<string, unknown> } | { stream: 'stdout' | 'stderr'; text: string };

export const LEVEL = { info: 30, warn: 40, error: 50, startup: 51 } as const;

/** The line as a person reads the server's console: what tests look for in `state.log`. */
export function humanLine(line: LogLine): string {
  if ('text' in line) return line.text;
  return line.fields && Object.keys(line.fields).length ? `${line.msg} ${JSON.stringify(line.fields)}` : line.msg;
}

export interface QueueEntry {
  id: string;
  string: string;
  ts: string;
}

/** One instance's stdout queue: the last `limit` writes (Log_View_Limit, default 1000). */
export class StdoutQueue {
  readonly entries: QueueEntry[] = [];
  private next = 0;

  constructor(
    private readonly hostname: string,
    private readonly limit = 1000,
  ) {}

  /** Writes the line as the era's server would; returns whether it reached stdout. */
  write(line: LogLine, now: Date): boolean {
    let text: string;
    if ('text' in line) {
      if (line.stream !== 'stdout') return false;
      text = line.text;
    } else {
      if (line.level < LEVEL.warn) return false;
      text = JSON.stringify({ level: line.level, time: now.toISOString(), pid: 1, hostname: this.hostname, name: 'License', msg: line.msg, ...line.fields });
    }
    this.entries.push({ id: `logid-${this.next++}`, string: `${text}\n`, ts: now.toISOString() });
    if (this.entries.length > this.limit) this.entries.shift();
    return true;
  }

  /** Lines written by others (a startup banner, another service), as a real queue has. */
  raw(text: string, now: Date): void {
    this.entries.push({ id: `logid-${this.next++}`, string: text, ts: now.toISOString() });
    if (this.entries.length > this.limit) this.entries.shift();
  }
}
