import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { Usage } from '../terminal';
import { currentFilePath, workspaceFor } from '../workspace-option';

export const use: CommandDefinition = {
  name: 'use',
  summary: 'Make a workspace the current one (then --server is optional)',
  usage: ['rc-license use <URL|NAME>'],
  description: 'Makes a workspace the current one, so that --server can be left out (as kubectl config use-context). Without it, the only signed-in workspace is used.',
  options: [JSON_OPTION, ...CONNECTION_OPTIONS.slice(1)],
  exits: [
    [0, 'chosen'],
    [5, 'the workspace cannot be reached'],
    [6, 'not Rocket.Chat'],
    [8, 'certificate not trusted at the prompt'],
  ],
  examples: ['rc-license use https://chat.plant7.lan'],
  async run(ctx) {
    const arg = ctx.args[0];
    if (!arg) throw new Usage('use needs a workspace: its address or its name (see rc-license status).');
    const inst = await ctx.open();
    const { normalizeBaseUrl } = await import('../../core/rocketchat/addresses');
    let target = inst.workspaces.list().find((w) => w.name === arg);
    if (!target) {
      const saved = await workspaceFor(ctx, inst, normalizeBaseUrl(arg));
      target = inst.workspaces.get(saved.id);
    }
    const { writeFileAtomic } = await import('../../core/state/files');
    writeFileAtomic(currentFilePath(inst), JSON.stringify({ workspaceId: target.id }));
    if (ctx.json) ctx.out({ ok: true, workspace: { name: target.name, baseUrl: target.baseUrl } });
    else ctx.io.stdout.write(`Using ${target.name} (${target.baseUrl}): --server is now optional.\n`);
    return EXIT.ok;
  },
};
