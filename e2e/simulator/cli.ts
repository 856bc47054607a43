// `npm run simulator -- --version 8.8.0 --port 3000 [--tls] [--base-path /chat]`
// A Rocket.Chat stand-in to try the app without a server. Prints how to sign in and a license
// signed for this workspace with a test key (trusted by the app via RC_LICENSE_PUBLIC_KEY).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator, DEFAULT_USERS } from './simulator';
import { licenses, sharedTestKeyPair, signV2, licenseV2Payload, signV3 } from './license-factory';
import { eraOf } from './eras';

const HELP = `Usage: npm run simulator -- [options]

A stand-in Rocket.Chat on this machine, to try the app and rc-license without a server.

Options:
  --version X.Y.Z           the Rocket.Chat version to behave as, 3.10 to 8.8+ (default 8.8.0)
  --port N                  the port on 127.0.0.1 (default 3000)
  --tls                     serve HTTPS with a self-signed certificate (its SHA-256 is printed)
  --base-path /chat         a sub-path deployment
  --site-url URL            the Site URL licenses are checked against (default: its own address)
  --clock-offset-days N     the server's clock, N days ahead (negative: behind)
  -h, --help                this text

It prints an admin login, a TOTP user, and a sample license signed with a test key: set
RC_LICENSE_PUBLIC_KEY as printed, in the shell that runs the app or rc-license, so they accept it.`;

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      version: { type: 'string', default: '8.8.0' },
      port: { type: 'string', default: '3000' },
      tls: { type: 'boolean', default: false },
      'base-path': { type: 'string', default: '' },
      'site-url': { type: 'string' },
      'clock-offset-days': { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  console.error(`${(e as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

async function main() {
  const keys = sharedTestKeyPair();
  const sim = await startSimulator({
    version: String(values.version),
    port: Number(values.port),
    tls: Boolean(values.tls),
    basePath: String(values['base-path']),
    siteUrl: values['site-url'] as string | undefined,
    clock: { offsetMs: Number(values['clock-offset-days']) * 86400000 },
    validationDelayMs: 800,
  });
  const workspace = sim.state.siteUrl.replace(/\/$/, '').replace(/^https?:\/\//, '');
  const license = eraOf(String(values.version)).newEngine ? await signV3(licenses.seats(workspace, 100, { id: 'sample-001' })) : signV2(licenseV2Payload({ url: workspace }));
  const dir = join(tmpdir(), `rc-license-simulator-${sim.port}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'test-public-key.pem'), keys.publicKeyPem);
  writeFileSync(join(dir, 'sample-license.txt'), license + '\n');
  const tech = DEFAULT_USERS.find((u) => u.username === 'tech')!;

  console.log(`Simulated Rocket.Chat ${values.version} at ${sim.url}  (Site URL ${sim.state.siteUrl})`);
  if (sim.certificate) console.log(`TLS: self-signed, SHA-256 ${sim.certificate.fingerprint256}`);
  console.log(`Admin login:      admin / admin-pass`);
  console.log(`TOTP admin:       tech / tech-pass, TOTP secret ${tech.totpSecret} (current code ${sim.totp('tech')})`);
  console.log(`Non-admin:        jo / jo-pass`);
  console.log(`Sample license:   ${join(dir, 'sample-license.txt')}  (bound to ${workspace}, 100 seats)`);
  console.log(`Test signing key: export RC_LICENSE_PUBLIC_KEY=${join(dir, 'test-public-key.pem')}`);
  console.log('');
  console.log(`  curl ${sim.certificate ? '-k ' : ''}${sim.url}/api/info`);
  console.log(`  TOKEN=$(curl -s ${sim.certificate ? '-k ' : ''}-H 'Content-Type: application/json' -d '{"user":"admin","password":"admin-pass"}' ${sim.url}/api/v1/login | sed -E 's/.*"authToken":"([^"]+)".*/\\1/')`);
  console.log(`  curl ${sim.certificate ? '-k ' : ''}-H "X-User-Id: admin-id-0001" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' -d "{\\"license\\":\\"$(cat ${join(dir, 'sample-license.txt')})\\"}" ${sim.url}/api/v1/licenses.add`);
  console.log('Ctrl-C to stop.');

  const stop = async () => {
    await sim.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
