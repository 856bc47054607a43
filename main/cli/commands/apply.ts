import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { runJob } from '../jobs';
import { licenseInput } from '../license-file';
import { printInspection, wrapped } from '../print';
import { CHECK_NAME } from '../../core/vocabulary';
import { Declined, Usage, confirm } from '../terminal';
import { workspaceFor } from '../workspace-option';

export const apply: CommandDefinition = {
  name: 'apply',
  summary: 'Check, send and confirm a license (exit 0 only when active)',
  usage: ['rc-license apply <FILE|-> [--server URL] [--yes] [--force] [--wait SECONDS] [--json]'],
  description:
    'Checks the license against the workspace, keeps the license the workspace has now, sends the new one and asks the server until it says active or rejected. Exits 0 only when the server confirms it.',
  options: [
    { name: 'yes', type: 'boolean', short: 'y', help: 'do not ask before sending (scripts)' },
    { name: 'force', type: 'boolean', help: 'send even though a check failed' },
    { name: 'wait', type: 'string', value: 'SECONDS', help: 'how long to ask the server for the outcome (default 20)' },
    JSON_OPTION,
    ...CONNECTION_OPTIONS,
  ],
  exits: [
    [0, 'active'],
    [3, 'sign-in or permission'],
    [4, 'not sent (a check failed) or rejected'],
    [5, 'network or rate limit'],
    [7, 'the data folder cannot be written (nothing sent)'],
    [8, 'declined'],
    [9, 'sent but not confirmed'],
  ],
  examples: ['rc-license apply ACME-2027.lic', 'rc-license apply ACME-2027.lic --server https://chat.plant7.lan --yes'],
  async run(ctx) {
    const { io, values: v } = ctx;
    const { bytes, name, size } = await licenseInput(ctx.args[0], io);
    const inst = await ctx.open();
    const ws = await workspaceFor(ctx, inst);
    const inspection = await inst.inspect(bytes, name, ws.id, size);
    const sp = ctx.speak;
    if (!ctx.json) {
      printInspection(io, inspection, ctx.width, sp);
      io.stdout.write('\n');
    }
    if (inspection.replaces && !ctx.json) {
      const note = sp.t('apply.note');
      io.stderr.write(`${ctx.paint.yellow(note)} ${wrapped(sp.text({ message: inspection.replaces.warning, msg: inspection.replaces.warningMsg }), ctx.width, note.length + 1)}\n`);
    }
    // A failed check stops the install before anything is sent: nothing to confirm.
    const failing = inspection.checks.filter((c) => c.status === 'fail');
    if (failing.length && !v.force) {
      if (!ctx.json) {
        const canForce = !failing.some((c) => c.code === 'LICENSE_NEEDS_NEWER_SERVER');
        const checks = failing.map((c) => sp.text({ message: CHECK_NAME[c.name], msg: { code: `check.${c.name}` } }));
        const notSent = sp.t('apply.notSent');
        io.stderr.write(`${ctx.paint.red(notSent)} ${wrapped(sp.t(canForce ? 'apply.checkFailedForce' : 'apply.checkFailed', { checks }), ctx.width, notSent.length + 1)}\n`);
      }
    } else if (!v.yes) {
      if (!io.stdin.isTTY) throw new Usage('Not a terminal, so nothing can be confirmed: pass --yes to install without asking.');
      if (!(await confirm(io, sp.t('apply.confirm', { license: inspection.summary.id ?? inspection.summary.hashTail, name: ws.name, url: ws.baseUrl }))))
        throw new Declined(sp.t('apply.declined'));
    }
    return runJob(ctx, (options) => inst.install(ws.id, inspection.summary.sha256, options));
  },
};
