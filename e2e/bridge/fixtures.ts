// Playwright fixtures shared by the browser-bridge specs.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createHandlers, type Handlers, type Services } from '../../main/core/handlers';
import { KeytarSecretStore, type SecretStore } from '../../main/core/secret-store';
import { installBridge, type BridgeCall } from './bridge';
import { serveRenderer } from './serve-renderer';

/** Whether the run has a real, unlocked keychain (scripts/test.sh starts one). */
export const hasKeychain = process.env.RC_TEST_KEYCHAIN === '1';

export interface AppFixture {
  /** Opens the app in the page with the given services (defaults: real keychain, temp data dir). */
  open(overrides?: Partial<Services>): Promise<{ calls: BridgeCall[]; handlers: Handlers }>;
  dataDir: string;
  keychainService: string;
}

export const test = base.extend<{ app: AppFixture }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, rendererUrl }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rc-li-e2e-'));
    const keychainService = `rc-license-installer-test-${randomBytes(4).toString('hex')}`;
    const stores: SecretStore[] = []; // the keychain stores this fixture created, to empty afterwards
    const fixture: AppFixture = {
      dataDir,
      keychainService,
      async open(overrides = {}) {
        const keychain = overrides.keychain ?? new KeytarSecretStore({ service: keychainService });
        if (!overrides.keychain) stores.push(keychain);
        const handlers = createHandlers({ shell: 'browser-bridge', dataDir, ...overrides, keychain });
        const calls = await installBridge(page, handlers, rendererUrl);
        await page.goto(rendererUrl + '/index.html');
        return { calls, handlers };
      },
    };
    await use(fixture);
    // Leave no credential behind in the keychain.
    for (const store of stores) {
      if (!hasKeychain) continue;
      for (const account of await store.list().catch(() => [])) await store.delete(account).catch(() => undefined);
    }
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
