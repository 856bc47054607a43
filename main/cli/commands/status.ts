import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { currentWorkspace, workspaceFor } from '../workspace-option';

function siteUrlRow(url: string, source: 'server' | 'guess', setting: string | null | undefined): string {
  if (source === 'server') return url;
  if (setting === '') return `not set: Rocket.Chat holds a license until it is (Administration → Settings → General → Site URL). From the address: ${url}`;
  return `${url} (from the address; sign in as admin to read the setting)`;
}

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
    const { describeLicenseDetail, describeLimit, OFFLINE_LICENSE } = await import('../../core/workspaces/license-detail');
    const { describeRestriction } = await import('../../core/workspaces/restriction');
    const { describeSkew } = await import('../../core/license/license-checks');
    const who = conn.workspace.signedInAs;
    const detail = conn.licenseDetail;
    const restriction = conn.restriction;
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
    const rows: Array<[string, string]> = [
      ['Workspace', `${ws.baseUrl}${currentWorkspace(inst)?.id === ws.id ? '  (current: --server may be left out)' : ''}`],
      ['Rocket.Chat', conn.info.version],
      ['Site URL', siteUrlRow(conn.info.workspaceUrl, conn.info.workspaceUrlSource, conn.siteUrlSetting)],
      ['SHA-256', `${conn.info.workspaceUrlHash}  (for air-gapped license requests)`],
      ['Signed in', who ? `${who.username}${who.isAdmin ? ' (admin)' : ''}${who.kind === 'pat' ? ', token' : ''}` : ctx.envUser ? `as ${ctx.envUser} (from RC_USER_ID)` : 'no'],
      ['License', detail ? describeLicenseDetail(detail) : '—'],
      ...(detail?.state === 'active' ? detail.limits.map((l): [string, string] => ['', describeLimit(l)]) : []),
      ...(detail?.state === 'active' && detail.modules.length ? [['', `Modules: ${detail.modules.join(', ')}`] as [string, string]] : []),
      ...(detail?.offline ? [['', OFFLINE_LICENSE] as [string, string]] : []),
    ];
    const said = restriction ? describeRestriction(restriction) : null;
    if (said) {
      const tone = restriction?.phase === 'read-only' ? p.red : restriction?.phase === 'warning' ? p.yellow : (s: string) => s;
      rows.push(['Read-only', tone(said)]);
    }
    const skew = conn.clock?.serverTime ? describeSkew(Date.parse(conn.clock.serverTime), Date.parse(conn.clock.localTime)) : null;
    rows.push(['Clock', conn.clock?.serverTime ? `${conn.clock.serverTime.slice(0, 16).replace('T', ' ')} UTC by the server${skew ? `. ${skew}` : ', as this laptop'}` : 'the server sent no time']);
    for (const [k, val] of rows) ctx.io.stdout.write(`${p.dim(k.padEnd(12))} ${val}\n`);
    return EXIT.ok;
  },
};
