import { JSON_OPTION, type CommandDefinition } from '../command';
import { runJob } from '../jobs';
import { Declined, Usage, confirm } from '../terminal';

export const restore: CommandDefinition = {
  name: 'restore',
  summary: 'Put back the license a job replaced',
  usage: ['rc-license restore <JOB-ID> [--yes] [--even-if-active] [--wait SECONDS] [--json]'],
  description:
    "Puts back the license that a job replaced (kept before it sent), through the same verified flow. If the job's own license became active meanwhile, nothing is restored unless --even-if-active.",
  options: [
    { name: 'yes', type: 'boolean', short: 'y', help: 'do not ask before sending' },
    { name: 'even-if-active', type: 'boolean', help: "restore even though the job's own license is active now" },
    { name: 'wait', type: 'string', value: 'SECONDS', help: 'how long to ask the server for the outcome' },
    JSON_OPTION,
  ],
  exits: [
    [0, 'active again'],
    [2, 'no such job'],
    [4, "nothing kept, the backup is damaged, or the job's license is active now"],
    [8, 'declined'],
    [9, 'not confirmed'],
  ],
  examples: ['rc-license restore 20271103-141500-a1b2'],
  async run(ctx) {
    const { io } = ctx;
    const jobId = ctx.args[0];
    if (!jobId) throw new Usage('restore needs a job id (see rc-license history).');
    const inst = await ctx.open();
    const { job, backup } = await inst.installations.backupOf(jobId);
    if (!ctx.json) {
      io.stdout.write(`Job ${job.jobId} (${job.outcome}) on ${job.workspace.name ?? job.workspace.baseUrl} kept the license the workspace stored before it:\n`);
      io.stdout.write(`  ${backup.licenseId ?? 'license'} (${backup.format?.toUpperCase() ?? 'unknown format'}), SHA-256 ${backup.sha256}\n\n`);
    }
    if (!ctx.values.yes) {
      if (!io.stdin.isTTY) throw new Usage('Not a terminal, so nothing can be confirmed: pass --yes to restore without asking.');
      if (!(await confirm(io, `Restore ${backup.licenseId ?? 'this license'} on ${job.workspace.name ?? job.workspace.baseUrl}?`))) throw new Declined('Not restored: nothing was sent.');
    }
    return runJob(ctx, (options) => inst.restore(jobId, { ...options, evenIfActive: Boolean(ctx.values['even-if-active']) }));
  },
};
