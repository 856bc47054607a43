// The terminal a command talks to: its streams, colour (only on a TTY, never with NO_COLOR), the
// width to wrap at, prompts that hide what is typed, and reading standard input with a limit.
import { MAX_LICENSE_BYTES } from '../core/license/size-limit';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  env: NodeJS.ProcessEnv;
  /** Where SIGINT and SIGTERM arrive (the process); absent in tests that run commands in-process. */
  signals?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

/** A usage mistake: its own exit code, the message and the usage are printed. */
export class Usage extends Error {}

/** The technician said no (or cancelled a prompt): its own exit code, nothing was done. */
export class Declined extends Error {}

export type Paint = ReturnType<typeof paint>;

export function paint(io: Io) {
  const on = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const c = (code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { green: c(32), red: c(31), yellow: c(33), bold: c(1), dim: c(2) };
}

export async function readAll(stream: NodeJS.ReadableStream, limit = MAX_LICENSE_BYTES + 1): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(b);
    size += b.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

export async function readLine(stream: NodeJS.ReadableStream): Promise<string> {
  return (await readAll(stream, 100_000)).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/**
 * A prompt on the terminal; with `hidden`, typed characters are not echoed. Reads with a 'data'
 * listener that it removes again — never `for await` over stdin, whose early return destroys the
 * stream, so that prompts work one after another (password, then code, then a retried code).
 */
export function prompt(io: Io, question: string, hidden = false): Promise<string> {
  io.stderr.write(question);
  const stdin = io.stdin;
  if (!stdin.isTTY || !stdin.setRawMode) return Promise.reject(new Usage('This needs a terminal to ask; use --password-stdin / --token-stdin / --code / --yes instead.'));
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (settle: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      settle();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') {
          io.stderr.write('\n');
          return finish(() => resolve(answer));
        }
        if (ch === '\u0003' || ch === '\u0004') {
          io.stderr.write('\n');
          return finish(() => reject(new Declined('Cancelled.')));
        }
        if (ch === '\u007f' || ch === '\b') {
          if (answer) {
            answer = answer.slice(0, -1);
            if (!hidden) io.stderr.write('\b \b');
          }
          continue;
        }
        answer += ch;
        if (!hidden) io.stderr.write(ch);
      }
    };
    stdin.on('data', onData);
  });
}

/** A yes/no question; anything but y or yes is no. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  return /^y(es)?$/i.test((await prompt(io, `${question} [y/N] `)).trim());
}
