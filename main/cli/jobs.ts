// An installation or a restore on a terminal: progress on stderr as each step ends, the outcome on
// stdout (or one JSON object), the next command to run, and the exit code the outcome earns.
import type { Evidence, InstallProgress, InstallResult } from '../core/installs/types';
import type { CommandContext } from './command';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { Usage } from './terminal';

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
    io.stderr.write(`\n${p.yellow(signal === 'SIGINT' ? 'Interrupting' : 'Terminating')}: recording the job as interrupted…\n`);
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
        if (step.status === 'running') io.stderr.write(p.dim(`… ${step.message}\n`));
        else io.stderr.write(`${step.status === 'done' ? p.green('✓') : step.status === 'failed' ? p.red('✕') : p.yellow('!')} ${step.message}\n`);
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
      result: result.outcome,
      headline: result.headline,
      reasons: result.reasons,
      sent: result.sent ?? null,
      verdict: result.verdict ?? null,
      restriction: result.restriction ?? null,
      steps: result.steps.map(({ step, status, message }) => ({ step, status, message })),
      checks: result.checks.map(({ name, status, message }) => ({ name, status, message })),
    });
  } else {
    printOutcome(ctx, result);
    if (result.backup?.status === 'kept' && ['rejected', 'unconfirmed', 'not-active', 'interrupted'].includes(result.outcome)) {
      io.stdout.write(`To put back the license the workspace had before: rc-license restore ${result.jobId}\n`);
    }
    io.stdout.write(p.dim(`Job ${result.jobId}: rc-license receipt ${result.jobId} --out receipt.html\n`));
  }
  if (caught) {
    if (result.sent !== 'no' && !ctx.json) io.stderr.write(`To read the outcome later: rc-license verify ${result.jobId}\n`);
    return caught === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
  }
  return outcomeExit(result);
}

/** The outcome with its headline, reasons, what it rests on and the read-only mode before → after. */
export function printOutcome(ctx: CommandContext, result: InstallResult): void {
  const { io, paint: p } = ctx;
  const good = result.outcome === 'active' || result.outcome === 'already-active';
  const tone = good ? p.green : result.outcome === 'unconfirmed' || result.outcome === 'interrupted' ? p.yellow : p.red;
  io.stdout.write(`${tone(p.bold(result.outcome.toUpperCase()))}  ${result.headline}\n`);
  for (const r of result.reasons) io.stdout.write(`  - ${r}\n`);
  for (const e of result.verdict?.evidence ?? []) io.stdout.write(p.dim(`  · ${evidenceLine(e)}\n`));
  const countdown = result.restriction?.change;
  const after = result.restriction?.after?.phase;
  if (countdown) io.stdout.write(`Read-only mode: ${after === 'none' ? p.green(countdown) : after === 'read-only' ? p.red(countdown) : countdown}\n`);
}

/** One piece of evidence, for the terminal. */
function evidenceLine(e: Evidence): string {
  const what = e.source === 'elapsed-time' ? `waited ${e.detail ?? '?'} s` : `${e.source} ${e.says}${e.detail ? ` (${e.detail})` : ''}`;
  return `${what} at ${e.at.slice(0, 19).replace('T', ' ')} UTC${e.clock === 'rocket.chat' ? ", Rocket.Chat's clock" : ''}`;
}
