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
    const { jobs, warnings } = (await ctx.records()).history();
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
      // One write for the whole table: a thousand jobs are a thousand writes otherwise.
      const lines = [p.dim(row(`WHEN (${offset})`, 'STATUS', 'LICENSE', 'WORKSPACE', 'JOB'))];
      for (const j of jobs) {
        const status = `${STATUS_WORD[j.status]}${j.hasBackup && !j.restoredBy ? ' ↺' : ''}`;
        lines.push(row(localTime(j.startedAt).slice(0, 16), status, j.licenseId ?? j.sha256.slice(0, 12), j.workspace, j.jobId));
        if (j.restoredBy) lines.push(p.dim(`${''.padEnd(17)}undone by ${j.restoredBy}`));
        if (j.restriction) lines.push(p.dim(cut(`${''.padEnd(17)}read-only mode: ${j.restriction}`, width).trimEnd()));
      }
      if (jobs.some((j) => j.hasBackup && !j.restoredBy)) lines.push(p.dim('↺ kept the license it replaced: rc-license restore JOB'));
      io.stdout.write(lines.join('\n') + '\n');
    }
    return EXIT.ok;
  },
};
