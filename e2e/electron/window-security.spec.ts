import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectron } from './electron-binary';

const found = findElectron();
if ('reason' in found) console.log(`[electron specs skipped] ${found.reason}`);

test.describe('the real app window', () => {
  test.skip('reason' in found, 'reason' in found ? found.reason : '');

  test('runs sandboxed with context isolation and exposes only the installer API', async () => {
    // A fresh data folder and Electron profile (the app puts userData beside it), never the real one.
    const home = mkdtempSync(join(tmpdir(), 'rc-electron-'));
    const app = await electron.launch({ executablePath: (found as { path: string }).path, args: ['.'], cwd: process.cwd(), env: { ...process.env, RC_LICENSE_HOME: home } as Record<string, string> });
    try {
      const page = await app.firstWindow();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const win = BrowserWindow.getAllWindows()[0];
        // Undocumented but long-standing: the preferences the renderer was actually created with.
        const contents = win.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
        const p = contents.getLastWebPreferences?.() ?? {};
        return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, url: win.webContents.getURL() };
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      expect(prefs.webSecurity).not.toBe(false);
      expect(prefs.url.startsWith('app://renderer/')).toBe(true);
      const page_ = await page.evaluate(() => ({
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
        api: Object.keys((window as unknown as { installer: object }).installer).sort(),
        popup: window.open('https://example.com') === null,
      }));
      expect(page_.hasRequire).toBe(false);
      expect(page_.hasProcess).toBe(false);
      expect(page_.api).toContain('app.info');
      expect(page_.popup).toBe(true);
      const version = await page.getByRole('button', { name: 'About' }).click().then(() => page.getByTestId('app-info').textContent());
      expect(version).toContain('Electron');
    } finally {
      await app.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
