import { labelled } from '../print';
import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { currentWorkspace, workspaceFor } from '../workspace-option';

const sentence = (s: { label: string; text: string }) => `${s.label}: ${s.text}`;

export const status: CommandDefinition = {
  name: 'status',
  summary: 'Is this workspace all right? Its license, countdown, clock',
  usage: ['rc-license status [--server URL] [--json]'],
  description:
    "What the workspace is and whether it is all right: its Rocket.Chat version and Site URL (with the SHA-256 for license requests), the license it runs with its limits and their use, the air-gapped read-only countdown (7.0+, read even before signing in), and its clock against this laptop's. Exits 0 whenever the workspace answered, whatever it found.",
  options: [JSON_OPTION, ...CONNECTION_OPTIONS],
  exits: [
    [0, 'answered (the findings are in the output)'],
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
    const detail = conn.licenseDetail;
    const restriction = conn.restriction;
    const said = conn.said;
    if (ctx.json) {
      ctx.out({
        ok: true,
        workspace: { baseUrl: ws.baseUrl, version: conn.info.version, workspaceUrl: conn.info.workspaceUrl, workspaceUrlSha256: conn.info.workspaceUrlHash, workspaceUrlSource: conn.info.workspaceUrlSource, siteUrlSetting: conn.siteUrlSetting ?? null },
        signedInAs: who,
        license: conn.license,
        licenseDetail: detail ?? null,
        restriction: restriction ?? null,
        clock: conn.clock ?? null,
      });
      return EXIT.ok;
    }
    const p = ctx.paint;
    const rows: Array<[string, string, ((s: string) => string)?]> = [
      ['Workspace', `${ws.baseUrl}${currentWorkspace(inst)?.id === ws.id ? '  (current: --server may be left out)' : ''}`],
      ['Rocket.Chat', conn.info.version],
      ['Site URL', said?.siteUrlUnset ? `${said.siteUrlUnset} From the address: ${conn.info.workspaceUrl}` : `${conn.info.workspaceUrl}${conn.info.workspaceUrlSource === 'guess' ? ' (from the address; sign in as admin to read the setting)' : ''}`],
      ['SHA-256', `${conn.info.workspaceUrlHash}  (for air-gapped license requests)`],
      ['Signed in', who ? `${who.username}${who.isAdmin ? ' (admin)' : ''}${who.kind === 'pat' ? ', token' : ''}` : ctx.envUser ? `as ${ctx.envUser} (from RC_USER_ID)` : 'no'],
      ['License', said ? sentence(said.license) : '—'],
      ...[...(said?.limits ?? []), said?.modules, said?.offline].filter((x): x is string => Boolean(x)).map((x): [string, string] => ['', x]),
    ];
    if (said?.restriction) {
      const tone = restriction?.phase === 'read-only' ? p.red : restriction?.phase === 'warning' ? p.yellow : (s: string) => s;
      rows.push(['Read-only', sentence(said.restriction), tone]);
    }
    rows.push(['Clock', said ? `${said.clock}${said.skew ? ` ${said.skew}` : ''}` : '—']);
    for (const [k, val, tone] of rows) ctx.io.stdout.write(`${labelled(p, k, 12, val, ctx.width, tone)}\n`);
    return EXIT.ok;
  },
};
