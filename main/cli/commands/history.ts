import { JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { localTime } from '../print';
import { wrap } from '../help';
import { STATUS_WORD } from '../../core/vocabulary';

/** `text` in exactly `n` columns: padded, or cut with an ellipsis. */
function cut(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text.padEnd(n);
}

export const history: CommandDefinition = {
  name: 'history',
  summary: 'Every installation on this machine, newest first',
  usage: ['rc-license history [--json]'],
  description: 'Every installation on this machine, newest first, in local time.',
  options: [JSON_OPTION],
  exits: [[0, 'listed']],
  examples: ['rc-license history'],
  async run(ctx) {
    const inst = await ctx.open();
    const { jobs, warnings } = inst.history();
    if (ctx.json) {
      ctx.out({ ok: true, jobs, warnings });
      return EXIT.ok;
    }
    const { io, paint: p, width } = ctx;
    for (const w of warnings) io.stderr.write(`${p.yellow('Warning:')} ${wrap(w, width, 9)}\n`);
    if (!jobs.length) io.stdout.write('No installations yet.\n');
    else {
      // Fixed columns for the time, the status and the job id; the license and the workspace share
      // the rest of the line, cut with an ellipsis where they do not fit.
      const offset = localTime(jobs[0].startedAt).slice(17);
      const fixed = 16 + 13 + 20 + 4;
      const licenseWidth = Math.max(8, Math.floor((width - fixed) / 2));
      const workspaceWidth = Math.max(8, width - fixed - licenseWidth);
      const row = (when: string, status: string, license: string, ws: string, job: string) =>
        [cut(when, 16), cut(status, 13), cut(license, licenseWidth), cut(ws, workspaceWidth), job].join(' ');
      io.stdout.write(p.dim(row(`WHEN (${offset})`, 'STATUS', 'LICENSE', 'WORKSPACE', 'JOB')) + '\n');
      for (const j of jobs) {
        const status = `${STATUS_WORD[j.status]}${j.hasBackup && !j.restoredBy ? ' ↺' : ''}`;
        io.stdout.write(row(localTime(j.startedAt).slice(0, 16), status, j.licenseId ?? j.sha256.slice(0, 12), j.workspace, j.jobId) + '\n');
        if (j.restoredBy) io.stdout.write(p.dim(`${''.padEnd(17)}undone by ${j.restoredBy}`) + '\n');
        if (j.restriction) io.stdout.write(p.dim(cut(`${''.padEnd(17)}read-only mode: ${j.restriction}`, width).trimEnd()) + '\n');
      }
      if (jobs.some((j) => j.hasBackup && !j.restoredBy)) io.stdout.write(p.dim('↺ kept the license it replaced: rc-license restore JOB\n'));
    }
    return EXIT.ok;
  },
};
