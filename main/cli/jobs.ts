// An installation or a restore on a terminal: progress on stderr as each step ends, the outcome on
// stdout (or one JSON object), the next command to run, and the exit code the outcome earns.
import type { InstallProgress, InstallResult } from '../core/installs/types';
import type { CommandContext } from './command';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { Usage } from './terminal';

export function outcomeExit(r: InstallResult): ExitCode {
  if (r.outcome === 'active' || r.outcome === 'already-active') return EXIT.ok;
  if (r.outcome === 'rejected' || r.outcome === 'blocked' || r.outcome === 'already-rejected') return EXIT.license;
  if (r.outcome === 'unconfirmed' || r.outcome === 'interrupted') return EXIT.unconfirmed;
  if (r.outcome === 'failed' && r.error) return exitCodeFor(r.error.code);
  return EXIT.unexpected;
}

export type JobRunner = (o: { force?: boolean; waitSeconds?: number; onProgress: (p: InstallProgress) => void }) => Promise<InstallResult>;

/** Runs an install or a restore with progress on stderr and the outcome on stdout. */
export async function runJob(ctx: CommandContext, run: JobRunner): Promise<ExitCode> {
  const { io, values: v, paint: p } = ctx;
  const waitSeconds = v.wait ? Number(v.wait) : undefined;
  if (waitSeconds !== undefined && !(waitSeconds > 0)) throw new Usage('--wait takes a number of seconds.');
  const result = await run({
    force: Boolean(v.force),
    waitSeconds,
    onProgress: ({ step }) => {
      if (step.status === 'running') io.stderr.write(p.dim(`… ${step.message}\n`));
      else io.stderr.write(`${step.status === 'done' ? p.green('✓') : step.status === 'failed' ? p.red('✕') : p.yellow('!')} ${step.message}\n`);
    },
  });
  if (ctx.json) {
    ctx.out({
      ok: result.outcome === 'active' || result.outcome === 'already-active',
      ...(result.error ? { error: { code: result.error.code, message: result.error.message } } : {}),
      jobId: result.jobId,
      result: result.outcome,
      headline: result.headline,
      reasons: result.reasons,
      steps: result.steps.map(({ step, status, message }) => ({ step, status, message })),
      checks: result.checks.map(({ name, status, message }) => ({ name, status, message })),
    });
  } else {
    const tone = result.outcome === 'active' || result.outcome === 'already-active' ? p.green : p.red;
    io.stdout.write(`${tone(p.bold(result.outcome.toUpperCase()))}  ${result.headline}\n`);
    for (const r of result.reasons) io.stdout.write(`  - ${r}\n`);
    if (result.backup?.status === 'kept' && ['rejected', 'unconfirmed', 'interrupted'].includes(result.outcome)) {
      io.stdout.write(`To put back the license the workspace had before: rc-license restore ${result.jobId}\n`);
    }
    io.stdout.write(p.dim(`Job ${result.jobId}: rc-license receipt ${result.jobId} --out receipt.html\n`));
  }
  return outcomeExit(result);
}
