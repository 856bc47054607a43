// Vitest globalSetup: one test key pair generated per run and handed to every worker through the
// environment, instead of one 4096-bit key per test file (seconds each; per mutant under StrykerJS).
import { createTestKeyPair, TEST_KEY_ENV } from './simulator/license-factory';

export default function setup(): void {
  if (process.env[TEST_KEY_ENV]) return;
  const pair = createTestKeyPair();
  process.env[TEST_KEY_ENV] = JSON.stringify({ privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: pair.publicKeyPem });
}
