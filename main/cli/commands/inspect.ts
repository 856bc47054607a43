import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { licenseInput } from '../license-file';
import { checkJson, licenseJson, printInspection } from '../print';
import { workspaceFor } from '../workspace-option';
import type { Inspection } from '../../core/license/types';

export const inspect: CommandDefinition = {
  name: 'inspect',
  summary: 'Is a license genuine, and what does it grant? (offline)',
  usage: ['rc-license inspect <FILE|-> [--server URL] [--json]'],
  description: 'Reads a license offline: is it genuine, what does it grant. With --server, also whether it fits that workspace.',
  options: [JSON_OPTION, ...CONNECTION_OPTIONS],
  exits: [
    [0, 'genuine (and fits)'],
    [4, 'not a license, damaged, or does not fit'],
    [5, 'the workspace cannot be reached'],
    [6, 'the address is not Rocket.Chat'],
  ],
  examples: ['rc-license inspect ACME-2027.lic', 'rc-license inspect ACME-2027.lic --server https://chat.plant7.lan'],
  offline: true,
  async run(ctx) {
    const { bytes, name, size } = await licenseInput(ctx.args[0], ctx.io);
    let inspection: Inspection;
    if (ctx.values.server) {
      const inst = await ctx.open();
      const ws = await workspaceFor(ctx, inst);
      inspection = await inst.inspect(bytes, name, ws.id, size);
    } else {
      // Without a server nothing but the license engine is loaded: fast, and fully offline.
      inspection = await (await import('../../core/license/license')).inspectLicense(bytes, { fileSize: size });
    }
    // Genuine is what inspect answers on its own; with --server, the fit to that workspace too.
    const code = ctx.values.server && inspection.checks.some((c) => c.status === 'fail') ? EXIT.license : EXIT.ok;
    if (ctx.json) ctx.out({ ok: code === EXIT.ok, license: licenseJson(inspection), checks: inspection.checks.map(checkJson) });
    else printInspection(ctx.io, inspection, ctx.width, ctx.speak);
    return code;
  },
};
