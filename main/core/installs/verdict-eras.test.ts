// The verdict era by era, 3.10 to 8.8, against the simulator: what each era can say after a send,
// and so what a good license and a forced one for another address end as — with the evidence.
import { describe, expect, it } from 'vitest';
import { licenseV2Payload, licenseV3Payload, signV2, signV3 } from '../../../e2e/simulator/license-factory';
import type { Simulator } from '../../../e2e/simulator/simulator';
import { useFlowKit } from '../../../e2e/support/flow-kit';

const { sim, clientFor, load, host, quick } = useFlowKit();

type Verdict = { outcome: string; evidence: string; reason?: string };
/** What each era ends a forced, doomed send as, and on what (spec §5.12, eras.ts, verdict.ts). */
const ERAS: Array<[version: string, doomed: Verdict]> = [
  // 3.10 – 3.12 log neither "validated" nor a reason: nothing can say "rejected".
  ['3.10.5', { outcome: 'not-active', evidence: 'elapsed-time' }],
  ['3.12.0', { outcome: 'not-active', evidence: 'elapsed-time' }],
  // 3.13 – 6.4: "### New Enterprise License" without "#### License validated"; the reason is on stderr.
  ['3.13.0', { outcome: 'rejected', evidence: 'server-log', reason: 'not-logged' }],
  ['4.8.0', { outcome: 'rejected', evidence: 'server-log', reason: 'not-logged' }],
  ['5.4.0', { outcome: 'rejected', evidence: 'server-log', reason: 'not-logged' }],
  ['6.4.0', { outcome: 'rejected', evidence: 'server-log', reason: 'not-logged' }],
  // 6.5 – 7.x: pino lines with the server's own reason.
  ['6.5.1', { outcome: 'rejected', evidence: 'server-log', reason: 'url' }],
  ['6.14.0', { outcome: 'rejected', evidence: 'server-log', reason: 'url' }],
  ['7.0.0', { outcome: 'rejected', evidence: 'server-log', reason: 'url' }],
  ['7.10.0', { outcome: 'rejected', evidence: 'server-log', reason: 'url' }],
  // 8.0 – 8.6: no log over REST, no licenses.validate; with no license valid before, nothing speaks.
  ['8.0.0', { outcome: 'not-active', evidence: 'elapsed-time' }],
  ['8.6.0', { outcome: 'not-active', evidence: 'elapsed-time' }],
  // 8.7+: licenses.validate refused it before the send.
  ['8.7.1', { outcome: 'rejected', evidence: 'server-validation', reason: 'url' }],
  ['8.8.0', { outcome: 'rejected', evidence: 'server-validation', reason: 'url' }],
];

const newEngine = (v: string) => !/^([3-5]\.|6\.[0-4]\.)/.test(v);
const sign = (s: Simulator, version: string, url = host(s), id = 'ERA-1') =>
  newEngine(version) ? signV3(licenseV3Payload({ url, id })) : Promise.resolve(signV2(licenseV2Payload({ url })));

describe.each(ERAS)('Rocket.Chat %s', (version, doomed) => {
  it('a good license ends active, on the state or the log', async () => {
    const s = await sim({ version });
    const result = await quick({ client: clientFor(s), license: await load(await sign(s, version)) });
    expect(result.outcome).toBe('active');
    expect(result.verdict?.evidence[0].source).toMatch(/^(license-state|server-log)$/);
  });

  it(`a forced license for another address ends ${doomed.outcome}, on ${doomed.evidence}`, async () => {
    const s = await sim({ version });
    const result = await quick({ client: clientFor(s), license: await load(await sign(s, version, 'chat.other.example')), force: true });
    expect(result.outcome).toBe(doomed.outcome);
    expect(result.verdict?.evidence.map((e) => e.source)).toContain(doomed.evidence);
    if (doomed.reason) expect(result.verdict?.reasons[0]?.kind).toBe(doomed.reason);
    // Never "rejected" without the server's word.
    if (result.outcome === 'rejected') expect(result.verdict?.evidence[0].source).not.toBe('elapsed-time');
  });
});

describe('8.0 – 8.6 with a license valid before', () => {
  it.each(['8.2.0', '8.6.0'])('%s: the status setting turning Invalid is the evidence', async (version) => {
    const s = await sim({ version });
    const client = clientFor(s);
    expect((await quick({ client, license: await load(await signV3(licenseV3Payload({ url: host(s), id: 'BEFORE-1' }))) })).outcome).toBe('active');
    const result = await quick({ client, license: await load(await signV3(licenseV3Payload({ url: 'chat.other.example', id: 'AFTER-2' }))), force: true });
    expect(result.outcome).toBe('rejected');
    expect(result.verdict?.evidence[0]).toMatchObject({ source: 'status-setting', says: 'invalid-after-valid' });
  });
});
