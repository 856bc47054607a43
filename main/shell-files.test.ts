// The shell's file work, without Electron.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { developmentSwitches, openDialogStart, printFromTempFile } from './shell-files';
import { capJobStrings, MAX_JOB_STRING } from './core/installs/job-log';

describe('shell files', () => {
  it('removes the temporary receipt even when printing fails', async () => {
    let seen = '';
    await expect(
      printFromTempFile('<p>receipt</p>', async (url) => {
        seen = url;
        expect(existsSync(fileURLToPath(url))).toBe(true);
        throw new Error('printer gone');
      }),
    ).rejects.toThrow('printer gone');
    expect(existsSync(fileURLToPath(seen))).toBe(false);
  });

  it('a packaged build honours neither test-only switch', () => {
    const env = { RC_LICENSE_HOME: '/tmp/elsewhere', RC_LICENSE_PUBLIC_KEY: '/tmp/key.pem' };
    expect(developmentSwitches(true, env)).toEqual({ dataDir: null, publicKeyPath: null });
    expect(developmentSwitches(false, env)).toEqual({ dataDir: '/tmp/elsewhere', publicKeyPath: '/tmp/key.pem' });
    expect(developmentSwitches(false, {})).toEqual({ dataDir: null, publicKeyPath: null });
  });

  it('the open dialog starts where the last license was, else in Documents', () => {
    expect(openDialogStart(null, '/home/t/Documents')).toBe('/home/t/Documents');
    expect(openDialogStart('/media/usb/ACME.lic', '/home/t/Documents')).toBe('/media/usb');
  });

  it('a job keeps at most 2 KB of any text, marked as cut', () => {
    const capped = capJobStrings({ headline: 'ok', steps: [{ serverError: 'e'.repeat(100_000) }], n: 3, none: null });
    expect(capped.headline).toBe('ok');
    expect(capped.steps[0].serverError).toBe(`${'e'.repeat(MAX_JOB_STRING)} … [cut: ${100_000 - MAX_JOB_STRING} more characters]`);
    expect(capped.n).toBe(3);
    expect(capped.none).toBeNull();
  });
});
