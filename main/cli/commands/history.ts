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
    const { io, paint: p, width, speak: sp } = ctx;
    const warning = sp.t('history.warning');
    for (const w of warnings) io.stderr.write(`${p.yellow(warning)} ${wrap(w, width, warning.length + 1)}\n`);
    if (!jobs.length) io.stdout.write(`${sp.t('history.empty')}\n`);
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
      const lines = [p.dim(row(sp.t('history.when', { offset }), sp.t('history.status'), sp.t('history.license'), sp.t('history.workspace'), sp.t('history.job')))];
      for (const j of jobs) {
        const status = `${sp.text({ message: STATUS_WORD[j.status], msg: { code: `status.${j.status}` } })}${j.hasBackup && !j.restoredBy ? ' ↺' : ''}`;
        lines.push(row(localTime(j.startedAt).slice(0, 16), status, j.licenseId ?? j.sha256.slice(0, 12), j.workspace, j.jobId));
        if (j.restoredBy) lines.push(p.dim(`${''.padEnd(17)}${sp.t('history.undoneBy', { job: j.restoredBy })}`));
        if (j.restriction) lines.push(p.dim(cut(`${''.padEnd(17)}${sp.t('history.readOnly', { change: sp.text({ message: j.restriction, msg: j.restrictionMsg ?? undefined }) })}`, width).trimEnd()));
      }
      if (jobs.some((j) => j.hasBackup && !j.restoredBy)) lines.push(p.dim(sp.t('history.kept')));
      io.stdout.write(lines.join('\n') + '\n');
    }
    return EXIT.ok;
  },
};
