import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { workspaceFor } from '../workspace-option';

export const logout: CommandDefinition = {
  name: 'logout',
  summary: 'Sign out (a session is also ended on the server)',
  usage: ['rc-license logout [--server URL]'],
  description: 'Signs out: a session is revoked on the server and forgotten; a personal access token is only forgotten here.',
  options: [JSON_OPTION, ...CONNECTION_OPTIONS],
  exits: [[0, 'signed out']],
  examples: ['rc-license logout', 'rc-license logout --server https://chat.plant7.lan'],
  async run(ctx) {
    const inst = await ctx.open();
    const ws = await workspaceFor(ctx, inst);
    const r = await inst.logout(ws.id);
    if (ctx.json) ctx.out({ ok: true, ...r });
    else
      ctx.io.stdout.write(
        r.kind === null
          ? `Not signed in to ${ws.baseUrl}.\n`
          : r.kind === 'pat'
            ? 'Forgot the personal access token on this machine; it stays valid on the server until deleted there.\n'
            : `Signed out${r.revokedOnServer ? ' (session ended on the server)' : ' here; the server could not be told'}.\n`,
      );
    return EXIT.ok;
  },
};
