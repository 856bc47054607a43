// The record of installations: a job log that survives a crash mid-write, and receipts.
import { describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobRecord } from '../../../e2e/support/job-fixture';
import { useInstallerKit } from '../../../e2e/support/installer-kit';
import { MemorySecretStore } from '../workspaces/secret-store';
import { JobLog } from './job-log';
import { receiptHtml } from './receipt';

const { tempDir, installer } = useInstallerKit({ withRocketChatKey: true });

const job = jobRecord;

describe('job log', () => {
  it('a torn last line (crash mid-write) is skipped and reported; earlier lines are intact; the next record starts clean', () => {
    const dataDir = tempDir();
    const log = new JobLog(dataDir);
    log.append(job('j1'));
    log.append(job('j2'));
    appendFileSync(log.path, JSON.stringify(job('j3')).slice(0, 40));
    const read = log.read();
    expect(read.jobs.map((j) => j.jobId)).toEqual(['j1', 'j2']);
    expect(read.warnings).toEqual([expect.stringMatching(/last job log entry \(line 3\) is incomplete/)]);
    log.append(job('j4'));
    expect(log.read().jobs.map((j) => j.jobId)).toEqual(['j1', 'j2', 'j4']);
    expect(log.list().jobs[0].jobId).toBe('j4');
    expect(log.get('j2').license.id).toBe('lic-1');
    expect(() => log.get('nope')).toThrow(expect.objectContaining({ code: 'JOB_UNKNOWN' }));
  });

  it('a bad line in the middle is named by its line number; blank lines are counted and skipped; the last record of a job counts', () => {
    const log = new JobLog(tempDir());
    const lines = [JSON.stringify(job('j1')), '', '{"not":"a job"}', '   ', 'garbage', JSON.stringify(job('j1', { outcome: 'rejected' })), JSON.stringify(job('j2')), '', ''];
    writeFileSync(log.path, lines.join('\n'));
    const read = log.read();
    expect(read.jobs.map((j) => [j.jobId, j.outcome])).toEqual([
      ['j1', 'rejected'],
      ['j2', 'active'],
    ]);
    expect(read.warnings).toEqual(['Job log line 3 could not be read and was skipped.', 'Job log line 5 could not be read and was skipped.']);
    expect(log.retentionIndex().map((r) => r.jobId)).toEqual(['j1', 'j2']);
  });

  it('a bad last line is named as incomplete even when blank lines follow it; a missing log is empty', () => {
    const log = new JobLog(tempDir());
    expect(log.read()).toEqual({ jobs: [], warnings: [] });
    expect(log.retentionIndex()).toEqual([]);
    writeFileSync(log.path, `${JSON.stringify(job('j1'))}\nnull\n\n\n`);
    expect(log.read()).toEqual({ jobs: [expect.objectContaining({ jobId: 'j1' })], warnings: [expect.stringMatching(/^The last job log entry \(line 2\) is incomplete/)] });
  });

  it('is read in chunks: records longer than a chunk, and characters cut by a chunk edge, come back whole', () => {
    const log = new JobLog(tempDir());
    // 3-byte and 4-byte characters, shifted by one byte per record, so that chunk edges (every 64 KiB)
    // fall inside characters and inside lines; one record is longer than a whole chunk.
    const records = Array.from({ length: 40 }, (_, i) => job(`j${i}`, { headline: `${'x'.repeat(i)}${'Prüfung € 🔑 '.repeat(i === 7 ? 9000 : 300)}` }));
    writeFileSync(log.path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(readFileSync(log.path).length).toBeGreaterThan(4 * 64 * 1024);
    const read = log.read();
    expect(read.warnings).toEqual([]);
    expect(read.jobs.map((j) => j.headline)).toEqual(records.map((r) => r.headline));
  });
});

describe('receipts', () => {
  it('escape everything that came from a license or a server', () => {
    const html = receiptHtml(job('j1', { headline: '<img src=x onerror=alert(1)>', license: { ...job('j1').license, customer: '<script>alert(1)</script>' } }), '1.0.0');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<[a-z]+[^>]*\s(src|href)=/i);
  });

  it('are saved as HTML and JSON beside the data, and PDF only where a shell can print', async () => {
    const dataDir = tempDir();
    const app = installer(new MemorySecretStore(), dataDir);
    app.installations.jobs.append(job('j9'));
    const html = await app.saveReceipt('j9', 'html');
    expect(readFileSync(html.path!, 'utf8')).toContain('data-status="active">Active <span class="small">(active; active)');
    const json = JSON.parse(readFileSync((await app.saveReceipt('j9', 'json')).path!, 'utf8'));
    expect(json).toMatchObject({ receipt: 'rc-license-installer', jobId: 'j9', outcome: 'active' });
    expect(await app.saveReceipt('j9', 'pdf').catch((e) => e)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(existsSync(join(dataDir, 'receipts', 'receipt-j9.html'))).toBe(true);
  });
});

