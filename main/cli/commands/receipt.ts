import { JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { Usage } from '../terminal';

export const receipt: CommandDefinition = {
  name: 'receipt',
  summary: 'Write the receipt of a job to hand in',
  usage: ['rc-license receipt <JOB-ID> [--out FILE.html|FILE.json]'],
  description: 'Writes the receipt of a job to hand in. The format follows the name; PDF receipts come from the desktop app.',
  options: [{ name: 'out', type: 'string', value: 'FILE', help: 'where to write it (.html or .json); default: the data folder' }, JSON_OPTION],
  exits: [
    [0, 'written'],
    [2, 'no such job or an unsupported file name'],
  ],
  examples: ['rc-license receipt 20271103-141500-a1b2 --out receipt.html'],
  async run(ctx) {
    const jobId = ctx.args[0];
    if (!jobId) throw new Usage('receipt needs a job id (see rc-license history).');
    const records = await ctx.records();
    const { receiptHtml, receiptJson, saveReceipt } = await import('../../core/installs/receipt');
    const { getAppInfo } = await import('../../core/app-info');
    const out = ctx.values.out;
    if (typeof out === 'string') {
      // The format follows the file name, and a name that promises what the CLI cannot make is refused.
      const ext = /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase();
      if (ext === 'pdf') throw new Usage('PDF receipts are made by the desktop app. Write --out receipt.html and print it to PDF from a browser, or --out receipt.json.');
      if (ext !== 'html' && ext !== 'htm' && ext !== 'json') throw new Usage(`--out ${out}: name the receipt .html or .json (the format follows the name).`);
      // A mistyped folder is said, not created (the atomic write would make it).
      const [{ existsSync, statSync }, { dirname, resolve }, { writeFileAtomic }] = await Promise.all([import('node:fs'), import('node:path'), import('../../core/state/files')]);
      const folder = dirname(resolve(out));
      if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Usage(`--out ${out}: there is no folder ${folder}. Create it first, or name the receipt in a folder that exists.`);
      const job = records.job(jobId);
      const version = getAppInfo('cli').version;
      const content = ext === 'json' ? receiptJson(job, version) : receiptHtml(job, version, ctx.speak.lang);
      // Whole or not at all: an interrupted write never leaves half a receipt under the name.
      writeFileAtomic(out, content);
      if (ctx.json) ctx.out({ ok: true, path: out });
      else ctx.io.stdout.write(`${out}\n`);
    } else {
      const { path } = await saveReceipt(records.job(jobId), 'html', { dataDir: records.dataDir }, ctx.speak.lang);
      if (ctx.json) ctx.out({ ok: true, path });
      else ctx.io.stdout.write(`${path}\nOpen it in a web browser to read or print it (to PDF too), or copy it onto the hand-in media.\n`);
    }
    return EXIT.ok;
  },
};
