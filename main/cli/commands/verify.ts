import { JSON_OPTION, type CommandDefinition } from '../command';
import { outcomeExit, printOutcome } from '../jobs';
import { statusOf } from '../../core/vocabulary';
import { localTime } from '../print';
import { Usage } from '../terminal';

export const verify: CommandDefinition = {
  name: 'verify',
  summary: 'Read the outcome of a job from the server again',
  usage: ['rc-license verify [JOB-ID] [--json]'],
  description:
    "Reads the server's state for a job again (the last job that sent a license, by default) and records what it says now: active, rejected, or still not confirmed. For a job whose outcome was unknown (the connection dropped, the laptop slept).",
  options: [JSON_OPTION],
  exits: [
    [0, 'active'],
    [2, 'no such job or it sent nothing'],
    [3, 'sign-in'],
    [4, 'rejected or not in force'],
    [5, 'network'],
    [9, 'still not confirmed'],
  ],
  examples: ['rc-license verify', 'rc-license verify 20271103-141500-a1b2'],
  async run(ctx) {
    const inst = await ctx.open();
    const jobId = ctx.args[0] ?? inst.history().jobs.find((j) => ['interrupted', 'unconfirmed', 'active', 'rejected'].includes(j.outcome))?.jobId;
    if (!jobId) throw new Usage('verify needs a job id: no installation that sent a license is recorded (see rc-license history).');
    const result = await inst.verify(jobId);
    if (ctx.json) ctx.out({ ok: result.outcome === 'active', jobId, status: statusOf(result), result: result.outcome, headline: result.headline, reasons: result.reasons, verifiedAt: result.verifiedAt, restriction: result.restriction ?? null });
    else {
      const p = ctx.paint;
      printOutcome(ctx, result);
      ctx.io.stdout.write(p.dim(`Job ${jobId}, verified again at ${localTime(result.verifiedAt ?? new Date().toISOString())}\n`));
    }
    return outcomeExit(result);
  },
};
