// The window, rc-license, --json and the receipt use the same words: each is held here to
// main/core/vocabulary.ts for every way a job can end (the window's side: renderer/src/vocabulary.test.ts).
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { everyEnding } from '../../e2e/support/job-fixture';
import { receiptHtml, receiptJson } from '../core/installs/receipt';
import { CHECK_NAME, STATUS_WORD, statusOf, STEP_NAME } from '../core/vocabulary';
import type { CommandContext } from './command';
import { ENGLISH } from './speak';
import { printOutcome } from './jobs';
import { checkJson } from './print';
import { paint } from './terminal';

function printed(job: Parameters<typeof printOutcome>[1]): string {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const io = { stdout: out, stderr: new PassThrough(), stdin: Readable.from([]), env: { NO_COLOR: '1' } };
  printOutcome({ io, paint: paint(io), width: 80, speak: ENGLISH } as unknown as CommandContext, job);
  return text;
}

describe('one word for each ending, everywhere', () => {
  it.each(everyEnding())('%s', (_name, job) => {
    const word = STATUS_WORD[statusOf(job)];
    expect(printed(job).split('  ')[0]).toBe(word.toUpperCase());
    expect(receiptHtml(job, '1')).toContain(`data-status="${statusOf(job)}">${word} `);
    expect(JSON.parse(receiptJson(job, '1')).outcome).toBe(job.outcome);
  });

  it('six words, no more; each check and step has one name, and --json keeps the code beside it', () => {
    expect(new Set(everyEnding().map(([, job]) => STATUS_WORD[statusOf(job)]))).toEqual(new Set(['Active', 'Restored', 'Not confirmed', 'Rejected', 'Not sent', 'Interrupted']));
    expect(checkJson({ name: 'url', status: 'fail', message: 'x' })).toEqual({ name: 'url', title: CHECK_NAME.url, status: 'fail', message: 'x' });
    expect(CHECK_NAME).toMatchObject({ url: 'Workspace address', period: 'Dates' });
    expect(new Set(Object.values(STEP_NAME)).size).toBe(Object.keys(STEP_NAME).length);
  });
});
