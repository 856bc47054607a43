// An Installer signed in to a simulator, with a temp data folder, for the core's installation
// tests; everything it starts is stopped and removed after each test.
import { afterEach, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/simulator';
import { sharedTestKeyPair } from '../simulator/license-factory';
import { Installer } from '../../main/core/installer';
import { MemorySecretStore, type SecretStore } from '../../main/core/workspaces/secret-store';
import { makeKey, rocketChatKey, type VerificationKey } from '../../main/core/license/license-decode';
import { fastClock } from './clock';

/** The workspace part of a simulator's address, as a license names it. */
export const hostOf = (s: Simulator) => s.url.replace(/^https?:\/\//, '');

/** `withRocketChatKey`: verify with Rocket.Chat's own public key too, ahead of the test key. */
export function useInstallerKit(options: { withRocketChatKey?: boolean } = {}) {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  const keys: VerificationKey[] = [];
  beforeAll(() => {
    if (options.withRocketChatKey) keys.push(rocketChatKey());
    keys.push(makeKey(sharedTestKeyPair().publicKeyPem, 'custom'));
  });

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'rc-li-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  async function sim(options: SimulatorOptions = {}): Promise<Simulator> {
    const s = await startSimulator({ validationDelayMs: 10, ...options });
    cleanup.push(() => s.stop());
    return s;
  }

  /** An installer on a fresh data directory (or the one given), with this keychain. */
  function installer(keychain: SecretStore = new MemorySecretStore(), dataDir = tempDir()): Installer {
    const i = new Installer({ dataDir, keychain, licenseKeys: keys, timeoutMs: 5000 });
    cleanup.push(() => i.close());
    return i;
  }

  /** An installer signed in to the simulator as `user`, with a fresh data directory.
   * `realClock`: for a simulator that validates slower than fastClock's 30 ms real wait. */
  async function ready(s: Simulator, user = 'admin', o: { backupsPerWorkspace?: number; dataDir?: string; realClock?: boolean } = {}) {
    const dataDir = o.dataDir ?? tempDir();
    const inst = new Installer({ dataDir, keychain: new MemorySecretStore(), licenseKeys: keys, timeoutMs: 5000, backupsPerWorkspace: o.backupsPerWorkspace, timing: o.realClock ? undefined : fastClock() });
    cleanup.push(() => inst.close());
    const { workspace } = await inst.addWorkspace({ url: s.url, name: 'Plant 7' });
    await inst.login(workspace.id, { user, password: `${user}-pass`, sessionOnly: true });
    const apply = async (text: string, force = false) => {
      const inspection = await inst.inspect(text, null, workspace.id);
      return { inspection, result: await inst.install(workspace.id, inspection.summary.sha256, { force, waitSeconds: 5 }) };
    };
    return { inst, dataDir, id: workspace.id, apply };
  }

  return { cleanup, keys, tempDir, sim, installer, ready };
}
