// An installation or a restore on a terminal: progress on stderr as each step ends, the outcome on
// stdout (or one JSON object), the next command to run, and the exit code the outcome earns.
import type { Evidence, InstallProgress, InstallResult } from '../core/installs/types';
import type { CommandContext } from './command';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { Usage } from './terminal';
import { checkJson, labelled, wrapped } from './print';
import { evidenceMsg, evidenceWords, STATUS_WORD, statusOf, statusTone } from '../core/vocabulary';
import type { Speaker } from './speak';

/**
 * The exit code an outcome earns. "Not active" (the wait ended, and no source could say why) is 9
 * like "not confirmed", not 4 like "rejected": a slow server may still take the license, and a
 * script must not react as to a refusal — restoring on it would replace a license about to work.
 */
export function outcomeExit(r: InstallResult): ExitCode {
  if (r.outcome === 'active' || r.outcome === 'already-active') return EXIT.ok;
  if (r.outcome === 'rejected' || r.outcome === 'blocked' || r.outcome === 'already-rejected') return EXIT.license;
  if (r.outcome === 'unconfirmed' || r.outcome === 'not-active' || r.outcome === 'interrupted') return EXIT.unconfirmed;
  if (r.outcome === 'failed' && r.error) return exitCodeFor(r.error.code);
  return EXIT.unexpected;
}

export type JobRunner = (o: { force?: boolean; waitSeconds?: number; signal: AbortSignal; onProgress: (p: InstallProgress) => void }) => Promise<InstallResult>;

/**
 * Runs an install or a restore with progress on stderr and the outcome on stdout. Ctrl-C (SIGINT)
 * or SIGTERM while it runs interrupts it cleanly: the job is recorded as interrupted with whether
 * anything was sent, the lock is released, and the exit code is 130 / 143.
 */
export async function runJob(ctx: CommandContext, run: JobRunner): Promise<ExitCode> {
  const { io, values: v, paint: p } = ctx;
  const waitSeconds = v.wait ? Number(v.wait) : undefined;
  if (waitSeconds !== undefined && !(waitSeconds > 0)) throw new Usage('--wait takes a number of seconds.');
  const stop = new AbortController();
  let caught: 'SIGINT' | 'SIGTERM' | null = null;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => () => {
    if (caught) return;
    caught = signal;
    io.stderr.write(`\n${p.yellow(ctx.speak.t(signal === 'SIGINT' ? 'job.interrupting' : 'job.terminating'))}\n`);
    stop.abort();
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  for (const [signal, handler] of Object.entries(handlers)) io.signals?.on(signal, handler);
  let result: InstallResult;
  try {
    result = await run({
      force: Boolean(v.force),
      waitSeconds,
      signal: stop.signal,
      onProgress: ({ step }) => {
        const said = ctx.speak.text(step);
        if (step.status === 'running') io.stderr.write(`${wrapped(`… ${said}`, ctx.width, 2, p.dim)}\n`);
        else io.stderr.write(`${step.status === 'done' ? p.green('✓') : step.status === 'failed' ? p.red('✕') : p.yellow('!')} ${wrapped(said, ctx.width, 2)}\n`);
      },
    });
  } finally {
    for (const [signal, handler] of Object.entries(handlers)) io.signals?.off(signal, handler);
  }
  if (ctx.json) {
    ctx.out({
      ok: result.outcome === 'active' || result.outcome === 'already-active',
      ...(result.error ? { error: { code: result.error.code, message: result.error.message } } : {}),
      jobId: result.jobId,
      status: statusOf(result),
      result: result.outcome,
      headline: result.headline,
      reasons: result.reasons,
      sent: result.sent ?? null,
      verdict: result.verdict ?? null,
      restriction: result.restriction ?? null,
      steps: result.steps.map(({ step, status, message }) => ({ step, status, message })),
      checks: result.checks.map(checkJson),
    });
  } else {
    printOutcome(ctx, result);
    printNextSteps(ctx, result);
  }
  if (caught) {
    // The command that reads the outcome is among the next steps printed above.
    return caught === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
  }
  return outcomeExit(result);
}

/** The outcome in the words everyone uses, its headline, reasons, what it rests on and the
 * read-only mode before → after, wrapped to the terminal. */
export function printOutcome(ctx: CommandContext, result: InstallResult): void {
  const { io, paint: p, width, speak: sp } = ctx;
  const status = statusOf(result);
  const tone = { ok: p.green, warn: p.yellow, bad: p.red }[statusTone(status)];
  const word = sp.text({ message: STATUS_WORD[status], msg: { code: `status.${status}` } }).toLocaleUpperCase(sp.lang === 'en-XA' ? 'en' : sp.lang);
  io.stdout.write(`${tone(p.bold(word))}  ${wrapped(sp.text({ message: result.headline, msg: result.headlineMsg }), width, word.length + 2)}\n`);
  result.reasons.forEach((r, i) => io.stdout.write(`  - ${wrapped(sp.text({ message: r, msg: result.reasonsMsg?.[i] ?? undefined }), width, 4)}\n`));
  for (const e of result.verdict?.evidence ?? []) io.stdout.write(`  · ${wrapped(evidenceLine(sp, e), width, 4, p.dim)}\n`);
  const countdown = result.restriction?.change;
  const after = result.restriction?.after?.phase;
  const label = sp.t('job.readOnlyMode');
  if (countdown)
    io.stdout.write(
      `${labelled(p, label, Math.max(15, label.length), sp.text({ message: countdown, msg: result.restriction?.changeMsg ?? undefined }), width, after === 'none' ? p.green : after === 'read-only' ? p.red : undefined)}\n`,
    );
}

/** What to do next after each outcome, as commands to copy. */
export function printNextSteps(ctx: CommandContext, result: InstallResult): void {
  const { io, paint: p, speak: sp } = ctx;
  const status = statusOf(result);
  const step = (what: string, command: string) => io.stdout.write(`${what}\n  ${command}\n`);
  if (status === 'not-confirmed' || (status === 'interrupted' && result.sent !== 'no')) step(sp.t('job.readAgain'), `rc-license verify ${result.jobId}`);
  if (result.backup?.status === 'kept' && ['rejected', 'not-confirmed', 'interrupted'].includes(status)) step(sp.t('job.putBack'), `rc-license restore ${result.jobId}`);
  io.stdout.write(p.dim(`${sp.t('job.receipt', { job: result.jobId })}\n  rc-license receipt ${result.jobId} --out receipt.html\n`));
}

/** One piece of evidence, for the terminal. */
function evidenceLine(sp: Speaker, e: Evidence): string {
  const words = sp.text({ message: evidenceWords(e), msg: evidenceMsg(e) });
  if (e.source === 'elapsed-time') return words;
  return sp.t(e.clock === 'rocket.chat' ? 'job.atServerClock' : 'job.at', { what: words, at: e.at });
}
