import { JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { localTime } from '../print';

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
    const { io, paint: p } = ctx;
    for (const w of warnings) io.stderr.write(`${p.yellow('Warning:')} ${w}\n`);
    if (!jobs.length) io.stdout.write('No installations yet.\n');
    else {
      const row = (when: string, outcome: string, license: string, ws: string, job: string) => `${when.padEnd(23)} ${outcome.padEnd(16)} ${license.padEnd(20)} ${ws.padEnd(24)} ${job}`;
      io.stdout.write(p.dim(row('WHEN (local time)', 'OUTCOME', 'LICENSE', 'WORKSPACE', 'JOB')) + '\n');
      for (const j of jobs) {
        const outcome = `${j.outcome}${j.hasBackup ? ' ↺' : ''}${j.restoreOf ? ' (restore)' : ''}`;
        io.stdout.write(row(localTime(j.startedAt), outcome, j.licenseId ?? j.sha256.slice(0, 12), j.workspace, j.jobId) + '\n');
        if (j.restriction) io.stdout.write(p.dim(`${''.padEnd(24)}${j.restriction}\n`));
      }
      if (jobs.some((j) => j.hasBackup)) io.stdout.write(p.dim('↺ kept the license it replaced: rc-license restore JOB\n'));
    }
    return EXIT.ok;
  },
};
