import { labelled } from '../print';
import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { currentWorkspace, workspaceFor } from '../workspace-option';

import type { Msg } from '../../core/i18n/messages';

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
    const sp = ctx.speak;
    // Each sentence the core made, in the language asked for (its English text when there is no message).
    const said2 = (s: { label: string; text: string; say?: { label: Msg; text: Msg } }) =>
      sp.t('status.sentence', { label: sp.text({ message: s.label, msg: s.say?.label }), text: sp.text({ message: s.text, msg: s.say?.text }) });
    const line = (text: string | null | undefined, msg: Msg | null | undefined) => (text ? sp.text({ message: text, msg: msg ?? undefined }) : null);
    const url = sp.iso(conn.info.workspaceUrl);
    const rows: Array<[string, string, ((s: string) => string)?]> = [
      [sp.t('status.workspace'), `${sp.iso(ws.baseUrl)}${currentWorkspace(inst)?.id === ws.id ? sp.t('status.current') : ''}`],
      [sp.t('status.rocketchat'), sp.iso(conn.info.version)],
      [
        sp.t('status.siteUrl'),
        said?.siteUrlUnset
          ? `${line(said.siteUrlUnset, said.say?.siteUrlUnset)} ${sp.t('status.fromAddress', { url: conn.info.workspaceUrl })}`
          : `${url}${conn.info.workspaceUrlSource === 'guess' ? sp.t('status.guessed') : ''}`,
      ],
      [sp.t('status.sha256'), `${conn.info.workspaceUrlHash}${sp.t('status.forRequests')}`],
      [
        sp.t('status.signedIn'),
        who ? `${sp.iso(who.username)}${who.isAdmin ? sp.t('status.admin') : ''}${who.kind === 'pat' ? sp.t('status.token') : ''}` : ctx.envUser ? sp.t('status.fromEnv', { user: ctx.envUser }) : sp.t('status.no'),
      ],
      [sp.t('status.license'), said ? said2(said.license) : '—'],
      ...[
        ...(said?.limits ?? []).map((x, i) => line(x, said?.say?.limits[i])),
        line(said?.modules, said?.say?.modules),
        line(said?.offline, said?.say?.offline),
      ]
        .filter((x): x is string => Boolean(x))
        .map((x): [string, string] => ['', x]),
    ];
    if (said?.restriction) {
      const tone = restriction?.phase === 'read-only' ? p.red : restriction?.phase === 'warning' ? p.yellow : (s: string) => s;
      rows.push([sp.t('status.readOnly'), said2(said.restriction), tone]);
    }
    rows.push([sp.t('status.clock'), said ? `${line(said.clock, said.say?.clock)}${said.skew ? ` ${line(said.skew, said.say?.skew)}` : ''}` : '—']);
    const labelWidth = Math.max(12, ...rows.map(([k]) => k.length + 1));
    for (const [k, val, tone] of rows) ctx.io.stdout.write(`${labelled(p, k, labelWidth, val, ctx.width, tone)}\n`);
    return EXIT.ok;
  },
};
