// Playwright fixtures shared by the browser-bridge specs.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createHandlers, type Handlers, type Services } from '../../main/core/handlers';
import { KeytarSecretStore, type SecretStore } from '../../main/core/workspaces/secret-store';
import { makeKey, rocketChatKey } from '../../main/core/license/license-decode';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/simulator';
import { sharedTestKeyPair } from '../simulator/license-factory';
import { installBridge, type BridgeCall } from './bridge';
import { serveRenderer } from './serve-renderer';

/** Whether the run has a real, unlocked keychain (scripts/test.sh starts one). */
export const hasKeychain = process.env.RC_TEST_KEYCHAIN === '1';

export interface AppFixture {
  /** Opens the app in the page with the given services (defaults: real keychain, temp data dir, test key trusted). */
  open(overrides?: Partial<Services>): Promise<{ calls: BridgeCall[]; handlers: Handlers; clipboard: string[] }>;
  dataDir: string;
  keychainService: string;
  keychain: SecretStore;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  consoleErrors: string[];
}

export const test = base.extend<{ app: AppFixture; sim: (o?: SimulatorOptions) => Promise<Simulator> }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  sim: async ({}, use) => {
    const started: Simulator[] = [];
    await use(async (o = {}) => {
      const s = await startSimulator({ validationDelayMs: 150, ...o });
      started.push(s);
      return s;
    });
    await Promise.all(started.map((s) => s.stop()));
  },
  app: async ({ page, rendererUrl }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rc-li-e2e-'));
    const keychainService = `rc-license-installer-test-${randomBytes(4).toString('hex')}`;
    const keychain = new KeytarSecretStore({ service: keychainService });
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    const fixture: AppFixture = {
      dataDir,
      keychainService,
      keychain,
      consoleErrors,
      async open(overrides = {}) {
        const clipboard: string[] = [];
        const handlers = createHandlers({
          shell: 'browser-bridge',
          dataDir,
          keychain,
          licenseKeys: [rocketChatKey(), makeKey(sharedTestKeyPair().publicKeyPem, 'custom')],
          writeClipboard: async (text) => void clipboard.push(text),
          ...overrides,
        });
        const calls = await installBridge(page, handlers, rendererUrl);
        await page.goto(rendererUrl + '/index.html');
        // The window is open once it has painted: it loads its language before the first paint.
        await page.locator('.shell').waitFor();
        return { calls, handlers, clipboard };
      },
    };
    await use(fixture);
    // Leave no credential behind in the keychain.
    if (hasKeychain) for (const account of await keychain.list().catch(() => [])) await keychain.delete(account).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Drops a real file on an element: a DataTransfer built in the page from the file's bytes. */
export async function dropFile(page: Page, selector: string, name: string, content: string | Buffer): Promise<void> {
  const bytes = [...(typeof content === 'string' ? Buffer.from(content) : content)];
  await page.evaluate(
    ({ selector, name, bytes }) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector}`);
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    },
    { selector, name, bytes },
  );
}

export { expect };
