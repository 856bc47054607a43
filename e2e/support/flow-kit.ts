// What the flow's tests share: simulators on ephemeral ports that are stopped after each test,
// signed-in clients, licenses loaded with the test key, and the flow with short waits.
import { afterEach, beforeAll } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/simulator';
import { sharedTestKeyPair } from '../simulator/license-factory';
import { decodeLicense } from '../../main/core/license/license';
import { makeKey, rocketChatKey, type VerificationKey } from '../../main/core/license/license-decode';
import type { LoadedLicense } from '../../main/core/license/license-store';
import { Transport, type TransportOptions } from '../../main/core/rocketchat/http';
import { RocketChatClient } from '../../main/core/rocketchat/rocketchat-client';
import { installLicense, type InstallOptions } from '../../main/core/installs/install-flow';
import type { ServerCapabilities } from '../../main/core/rocketchat/types';
import { capabilitiesOf } from '../../main/core/rocketchat/versions';
import { fastClock } from './clock';

export { fastClock };

export const DAY = 86400000;

/** What a server of version `v` (as a number, 8.8 or 6.5: single-digit minors) can do, for tests
 * with a scripted server. */
export function capsFor(v: number): ServerCapabilities {
  return capabilitiesOf(Math.floor(v), Math.round((v % 1) * 10));
}

/** Registers the clean-up hooks in the calling test file and returns the helpers. */
export function useFlowKit() {
  const running: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });
  let keys: VerificationKey[];
  beforeAll(() => {
    keys = [rocketChatKey(), makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];
  });

  async function sim(options: SimulatorOptions = {}): Promise<Simulator> {
    const s = await startSimulator({ validationDelayMs: 20, ...options });
    running.push(s);
    return s;
  }
  function clientFor(s: Simulator, user = 'admin', transport: Partial<TransportOptions> = {}) {
    const t = new Transport({ baseUrl: s.url, timeoutMs: 5000, ...transport });
    running.push({ stop: () => t.close() });
    const { userId, authToken } = s.login(user);
    return new RocketChatClient(t, { userId, authToken });
  }
  async function load(text: string): Promise<LoadedLicense> {
    return { ...(await decodeLicense(text, keys)), source: null };
  }
  return {
    running,
    sim,
    clientFor,
    load,
    host: (s: Simulator) => s.url.replace(/^https?:\/\//, ''),
    adds: (s: Simulator) => s.requests.filter((r) => r.path.endsWith('/licenses.add')),
    quick: (o: Omit<InstallOptions, 'waitSeconds'>) => installLicense({ waitSeconds: 5, ...fastClock(), ...o }),
  };
}
