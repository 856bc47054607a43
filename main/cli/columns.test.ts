// Everything rc-license prints fits an 80-column terminal: prose wrapped at word boundaries, no
// fingerprint group split, table fields cut with an ellipsis. A wider terminal (COLUMNS) is used.
import { describe, expect, it } from 'vitest';
import { licenses, signV3 } from '../../e2e/simulator/license-factory';
import { cliKit, host, type Run } from '../../e2e/support/cli-kit';
import type { Simulator } from '../../e2e/simulator/simulator';
import { COMMANDS } from './registry';

const { sim, cli, home, file } = cliKit();

const admin = (s: Simulator) => {
  const { userId, authToken } = s.login('admin');
  return { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
};
/** The lines of both streams wider than `width`, in code points (what a terminal shows). */
const over = (r: Run, width = 80) => `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => [...l].length > width);

describe('80 columns', () => {
  it('inspect, apply (blocked, forced and rejected, active), status, history and verify', async () => {
    const s = await sim({ version: '7.10.0', usage: { activeUsers: 87 } });
    const env = admin(s);
    const h = home();
    const runs: Run[] = [];
    const good = file('good.lic', await signV3(licenses.seats(host(s), 150, { id: 'ACME-2027-017-A-RATHER-LONG-LICENSE-ID', modules: ['auditing', 'livechat-enterprise', 'ldap-enterprise', 'engagement-dashboard', 'saml-enterprise', 'oauth-enterprise', 'canned-responses', 'message-read-receipt'] })));
    const other = file('other.lic', await signV3(licenses.boundTo('chat.elsewhere.example.internal.acme.lan', { id: 'WRONG-SITE-9' })));
    runs.push(await cli(['inspect', good], { home: h }));
    runs.push(await cli(['use', s.url], { home: h }));
    runs.push(await cli(['inspect', other, '--server', s.url], { env, home: h }));
    runs.push(await cli(['apply', other], { env, home: h }));
    runs.push(await cli(['apply', good, '--yes'], { env, home: h }));
    runs.push(await cli(['apply', other, '--yes', '--force'], { env, home: h }));
    runs.push(await cli(['status'], { env, home: h }));
    runs.push(await cli(['history'], { home: h }));
    runs.push(await cli(['verify'], { env, home: h }));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 4, 4, 0, 4, 0, 0, 4]);
    expect(runs.flatMap((r) => over(r))).toEqual([]);
    // History cuts what does not fit with an ellipsis, and keeps the job id whole.
    const history = runs[7].stdout.split('\n');
    expect(history[1]).toMatch(/… \d{8}-\d{6}-[0-9a-f]{4}$/);
  });

  it('every command\'s help, and errors with their fix', async () => {
    const runs = await Promise.all([...COMMANDS.map((c) => cli(['help', c.name])), cli(['--help']), cli(['apply', 'missing.lic', '--server', 'http://127.0.0.1:9']), cli(['stauts'])]);
    expect(runs.flatMap((r) => over(r))).toEqual([]);
  });

  it('a wider terminal is used: COLUMNS=120 lets a sentence run past 80', async () => {
    const s = await sim({ version: '7.10.0' });
    const wide = await cli(['status', '--server', s.url], { env: { COLUMNS: '120' } });
    expect(over(wide, 80).length).toBeGreaterThan(0);
    expect(over(wide, 120)).toEqual([]);
  });
});
