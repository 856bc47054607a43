import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { currentWorkspace, workspaceFor } from '../workspace-option';

export const status: CommandDefinition = {
  name: 'status',
  summary: 'What the workspace runs, who is signed in, its license',
  usage: ['rc-license status [--server URL] [--json]'],
  description: 'What the workspace is: version, Site URL (and its SHA-256 for license requests), who is signed in, the license active now.',
  options: [JSON_OPTION, ...CONNECTION_OPTIONS],
  exits: [
    [0, 'answered'],
    [5, 'network or TLS'],
    [6, 'not Rocket.Chat'],
    [8, 'certificate not trusted at the prompt'],
  ],
  examples: ['rc-license status', 'rc-license status --server https://chat.plant7.lan --json'],
  async run(ctx) {
    const inst = await ctx.open();
    const ws = await workspaceFor(ctx, inst);
    const conn = await inst.connect(ws.id);
    const who = conn.workspace.signedInAs;
    if (ctx.json) {
      ctx.out({
        ok: true,
        workspace: { baseUrl: ws.baseUrl, version: conn.info.version, workspaceUrl: conn.info.workspaceUrl, workspaceUrlSha256: conn.info.workspaceUrlHash, workspaceUrlSource: conn.info.workspaceUrlSource },
        signedInAs: who,
        license: conn.license,
      });
      return EXIT.ok;
    }
    const lic = conn.license;
    const rows: Array<[string, string]> = [
      ['Workspace', `${ws.baseUrl}${currentWorkspace(inst)?.id === ws.id ? '  (current: --server may be left out)' : ''}`],
      ['Rocket.Chat', conn.info.version],
      ['Site URL', `${conn.info.workspaceUrl}${conn.info.workspaceUrlSource === 'guess' ? ' (from the address; sign in as admin to read the setting)' : ''}`],
      ['SHA-256', `${conn.info.workspaceUrlHash}  (for air-gapped license requests)`],
      ['Signed in', who ? `${who.username}${who.isAdmin ? ' (admin)' : ''}${who.kind === 'pat' ? ', token' : ''}` : ctx.envUser ? `as ${ctx.envUser} (from RC_USER_ID)` : 'no'],
      [
        'License',
        !lic
          ? '—'
          : !lic.known
            ? 'not readable'
            : lic.valid
              ? `active${lic.id ? ` ${lic.id}` : ''}${lic.seats !== null ? `, ${lic.seats} seats` : ''}${lic.validUntil ? `, until ${lic.validUntil.slice(0, 10)}` : ''}`
              : 'none active',
      ],
    ];
    for (const [k, val] of rows) ctx.io.stdout.write(`${ctx.paint.dim(k.padEnd(12))} ${val}\n`);
    return EXIT.ok;
  },
};
