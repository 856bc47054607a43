// The built CLI as a subprocess against the simulator: every exit code from a real scenario.
import { describe, expect, it, vi } from 'vitest';
import { createHash, X509Certificate } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Simulator } from '../../e2e/simulator/simulator';
import { licenses, licenseV3Payload, signV3 } from '../../e2e/simulator/license-factory';
import { selfSignedCert } from '../../e2e/simulator/certs';
import { CLI_PATH, cliKit, flat, host, REAL_KEYCHAIN } from '../../e2e/support/cli-kit';
import { COMMANDS } from './registry';
import { localTime } from './print';
import { plainEnglish } from '../../e2e/support/pseudo';

const CLI = CLI_PATH;
const realKeychain = REAL_KEYCHAIN;
if (!realKeychain) console.log('[skipped] CLI sign-in with the keychain: no gnome-keyring session in this run (scripts/test.sh starts one)');
const { sim, cli, home, file, terminal, paths } = cliKit();

describe('the language rc-license speaks', () => {
  const noLang = { RC_LICENSE_LANG: undefined, LANGUAGE: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
  const bound = async () => file('lang.lic', await signV3(licenses.boundTo('chat.acme.lan', { id: 'LANG-1' })));

  it('LANG=de_DE.UTF-8 prints German; LANGUAGE=es before it prints Spanish; LC_ALL=C prints English', async () => {
    const lic = await bound();
    const de = await cli(['inspect', lic], { env: { ...noLang, LANG: 'de_DE.UTF-8' } });
    expect(de.code).toBe(0);
    expect(de.stdout).toMatch(/^Lizenz\s+V3 LANG-1$/m);
    expect(de.stdout).toMatch(/^Für\s+chat\.acme\.lan \(url\)$/m);
    expect(de.stdout).toContain('Adresse des Arbeitsbereichs: Diese Lizenz ist für chat.acme.lan.');
    const es = await cli(['inspect', lic], { env: { ...noLang, LANGUAGE: 'es', LANG: 'de_DE.UTF-8' } });
    expect(es.stdout).toMatch(/^Licencia\s+V3 LANG-1$/m);
    expect(es.stdout).toContain('Dirección del espacio de trabajo: Esta licencia es para chat.acme.lan.');
    const c = await cli(['inspect', lic], { env: { ...noLang, LC_ALL: 'C', LANGUAGE: 'es', LANG: 'de_DE.UTF-8' } });
    expect(c.stdout).toMatch(/^License\s+V3 LANG-1$/m);
    expect(c.stdout).toContain('Workspace address: This license is for chat.acme.lan.');
    const flag = await cli(['inspect', lic, '--lang', 'fr'], { env: { ...noLang, RC_LICENSE_LANG: 'de' } });
    expect(flag.stdout).toMatch(/^Licence\s+V3 LANG-1$/m);
  });

  it('Arabic keeps URLs, ids and fingerprints whole: each value isolated (FSI … PDI), the SHA-256 line untouched', async () => {
    const lic = await bound();
    const r = await cli(['inspect', lic, '--lang', 'ar']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^الترخيص\s+V3 \u2068LANG-1\u2069$/m);
    expect(r.stdout).toContain('\u2068chat.acme.lan\u2069');
    const sha = (await cli(['inspect', lic, '--json'])).json as { license: { sha256: string } };
    expect(r.stdout).toMatch(new RegExp(`^SHA-256\\s+${sha.license.sha256}$`, 'm'));
  });

  it('--json has the same keys and values in every language (English messages, stable codes)', async () => {
    const lic = await bound();
    const outputs = await Promise.all(['en', 'pt-BR', 'de', 'es', 'fr', 'ar'].map((lang) => cli(['inspect', lic, '--json', '--lang', lang])));
    for (const o of outputs) expect(o.json).toEqual(outputs[0].json);
    expect(JSON.stringify(outputs[0].json)).toContain('This license is for chat.acme.lan.');
  });

  it('help speaks the language too (LANG=de_DE.UTF-8 rc-license --help), and stays English without one', async () => {
    const de = await cli(['--help'], { env: { ...noLang, LANG: 'de_DE.UTF-8' } });
    expect(de.stdout).toMatch(/^Aufruf: rc-license/m);
    expect(de.stdout).toContain('Befehle:');
    const fr = await cli(['help', 'apply', '--lang', 'fr']);
    expect(fr.stdout).toMatch(/^Usage : rc-license apply/m);
    const en = await cli(['--help'], { env: { ...noLang } });
    expect(en.stdout).toMatch(/^Usage: rc-license/m);
  });

  it('a language it does not speak is a usage error that lists those it does', async () => {
    const r = await cli(['inspect', await bound(), '--lang', 'tlh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown language "tlh". rc-license speaks en, pt-BR, de, es, fr, or ar.');
  });

  it('in the pseudo-language nothing it prints stays plain English (a hard-coded string would)', async () => {
    const r = await cli(['inspect', await bound(), '--lang', 'en-XA']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('⟦');
    expect(plainEnglish(r.stdout)).toEqual([]);
    // …and the detector sees a hard-coded word when there is one (not values, not brackets).
    expect(plainEnglish('License   V3 ⟦Ĺííçééñšéé⟧ chat.acme.lan\nSignature ⟦ŵóóŕđ⟧')).toEqual(['License', 'Signature']);
  });
});

describe('rc-license inspect', () => {
  it('0: a genuine license, with --json as one object', async () => {
    const lic = file('good.lic', await signV3(licenses.trial('chat.acme.lan', { id: 'TRIAL-7' })));
    const r = await cli(['inspect', lic, '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      ok: true,
      license: { format: 'v3', signature: 'custom', id: 'TRIAL-7', trial: true, expired: false, serverUrls: [{ value: 'chat.acme.lan', type: 'url' }] },
      checks: expect.arrayContaining([expect.objectContaining({ name: 'period', status: 'pass' })]),
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reads standard input with "-" and prints an aligned summary', async () => {
    const r = await cli(['inspect', '-'], { stdin: await signV3(licenses.boundTo('chat.acme.lan', { id: 'STDIN-1' })) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^License\s+V3 STDIN-1$/m);
    expect(r.stdout).toMatch(/^For\s+chat\.acme\.lan \(url\)$/m);
  });

  it('4: not a license', async () => {
    const r = await cli(['inspect', file('prose.txt', 'Dear customer, here is your license.'), '--json']);
    expect(r.code).toBe(4);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'LICENSE_MALFORMED' } });
  });

  it('4: with --server, a license for another workspace', async () => {
    const s = await sim();
    const r = await cli(['inspect', file('other.lic', await signV3(licenses.boundTo('other.lan'))), '--server', s.url, '--json']);
    expect(r.code).toBe(4);
    expect((r.json.checks as Array<{ name: string; status: string }>).find((c) => c.name === 'url')?.status).toBe('fail');
  });

  it('2: usage errors say what is wrong, and suggest what was meant', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate".');
    expect((await cli(['aply'])).stderr).toContain('Unknown command "aply". Did you mean "apply"? (rc-license help apply)');
    const flag = await cli(['apply', 'x.lic', '--forse']);
    expect([flag.code, flag.stderr]).toEqual([2, expect.stringContaining('Unknown option --forse. Did you mean --force?')]);
    expect(flag.stderr).not.toMatch(/ERR_PARSE_ARGS|TypeError/);
    expect((await cli(['inspect', 'x', '--bogus'])).code).toBe(2);
  });

  it('4: a missing file, a folder and a pipe are file problems, said in words', async () => {
    const missing = await cli(['inspect', join(paths.dir, 'missing.lic')]);
    expect([missing.code, flat(missing.stderr)]).toEqual([4, expect.stringContaining('missing.lic: there is no such file.')]);
    const folder = await cli(['inspect', paths.dir]);
    expect([folder.code, flat(folder.stderr)]).toEqual([4, expect.stringContaining('is not a regular file (a folder, device or pipe), so it cannot be a license.')]);
    expect(folder.stderr).not.toMatch(/EISDIR/);
  });

  it('a reader that goes away (| head -1) ends the command quietly', async () => {
    const lic = file('pipe.lic', await signV3(licenses.boundTo('chat.acme.lan')));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" inspect "${lic}" | head -1`], { encoding: 'utf8', env: { ...process.env, RC_LICENSE_PUBLIC_KEY: paths.keyFile, NO_COLOR: '1' } });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

describe('rc-license apply', () => {
  it('0: unattended with RC_USER_ID/RC_AUTH_TOKEN (no keychain), confirmed active, steps in --json', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const lic = file('good.lic', await signV3(licenses.boundTo(host(s), { id: 'APPLY-1' })));
    const r = await cli(['apply', lic, '--server', s.url, '--yes', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken, DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined } });
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, result: 'active', jobId: expect.any(String) });
    expect((r.json.steps as Array<{ step: string }>).map((x) => x.step)).toContain('verify');
    expect(s.state.active?.decoded.v3.information.id).toBe('APPLY-1');
  });

  it('2: refuses to go on without --yes when stdin is not a terminal, sending nothing', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const r = await cli(['apply', file('a.lic', await signV3(licenses.boundTo(host(s)))), '--server', s.url], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --yes');
    expect(s.requests.some((q) => q.path.endsWith('licenses.add'))).toBe(false);
  });

  it('4: blocked by a pre-check (another workspace URL), nothing sent', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const r = await cli(['apply', file('b.lic', await signV3(licenses.boundTo('other.lan'))), '--server', s.url, '--yes', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(4);
    expect(r.json).toMatchObject({ ok: false, result: 'blocked' });
    expect(s.state.licenseAdds).toBe(0);
  });

  it('3: a non-admin account is refused', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('jo');
    const r = await cli(['apply', file('c.lic', await signV3(licenses.boundTo(host(s)))), '--server', s.url, '--yes', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(3);
    expect(r.json).toMatchObject({ ok: false, result: 'failed', error: { code: 'FORBIDDEN' } });
  });

  it('9: sent but not confirmed within --wait (its own code, not "unexpected")', async () => {
    const s = await sim({ validationDelayMs: 5000 });
    const { userId, authToken } = s.login('admin');
    const r = await cli(['apply', file('d.lic', await signV3(licenses.boundTo(host(s)))), '--server', s.url, '--yes', '--wait', '1', '--json'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(9);
    expect(r.json).toMatchObject({ ok: false, result: 'unconfirmed' });
  });

  it('5: the server cannot be reached; 6: a proxy answers instead of Rocket.Chat', async () => {
    const s = await sim();
    const dead = s.url;
    const r5 = await cli(['status', '--server', 'http://127.0.0.1:9', '--json']);
    expect(r5.code).toBe(5);
    expect(r5.json).toMatchObject({ ok: false, error: { code: 'NETWORK_UNREACHABLE' } });
    s.setFault({ kind: 'html502' });
    const r6 = await cli(['status', '--server', dead, '--json']);
    expect(r6.code).toBe(6);
    expect(r6.json).toMatchObject({ error: { code: 'NOT_ROCKETCHAT' } });
  });

  it('5: a rate limit is "try again later", not a sign-in problem, and says how long', async () => {
    const s = await sim({ routeRateLimit: 0 });
    const { userId, authToken } = s.login('jo');
    const r = await cli(['status', '--server', s.url], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken } });
    expect(r.code).toBe(5);
    expect(flat(r.stderr)).toMatch(/The workspace is limiting requests from this laptop\. — Try again in \d+ seconds\./);
  });

  it('5: an untrusted certificate; --pin makes it work and is remembered', async () => {
    const s = await sim({ tls: true });
    const h = home();
    expect((await cli(['status', '--server', s.url, '--json'], { home: h })).json).toMatchObject({ error: { code: 'TLS_UNTRUSTED' } });
    const pin = s.certificate!.fingerprint256.replace(/(..)/g, '$1:').slice(0, -1).toUpperCase();
    const ok = await cli(['status', '--server', s.url, '--pin', pin, '--json'], { home: h });
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ workspace: { version: '8.8', workspaceUrl: s.url.replace(/^https:\/\//, '') } });
    expect((await cli(['status', '--server', s.url], { home: h })).stdout).toMatch(/^SHA-256\s+[0-9a-f]{64}/m);
  });
});

describe('rc-license login / logout', () => {
  it('7: no keychain available, with the way out named', async () => {
    const s = await sim();
    const r = await cli(['login', '--server', s.url, '--user', 'admin', '--password-stdin'], { stdin: 'admin-pass\n', env: { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined } });
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/keychain/i);
    expect(s.requests.some((q) => q.path === '/api/v1/login')).toBe(false);
  });

  it('3: a wrong password', async () => {
    const s = await sim();
    const r = await cli(['login', '--server', s.url, '--user', 'admin', '--password-stdin', '--json'], { stdin: 'nope\n' });
    expect([r.code, r.json]).toEqual([realKeychain ? 3 : 7, expect.objectContaining({ ok: false })]);
  });

  it.skipIf(!realKeychain)('password and TOTP code from stdin/flags, status, then logout revokes the session', async () => {
    const s = await sim();
    const h = home();
    const noCode = await cli(['login', '--server', s.url, '--user', 'tech', '--password-stdin'], { stdin: 'tech-pass\n', home: h });
    expect(noCode.code).toBe(3);
    expect(noCode.stderr).toContain('--code');
    const r = await cli(['login', '--server', s.url, '--user', 'tech', '--password-stdin', '--code', s.totp('tech')], { stdin: 'tech-pass\n', home: h });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signed in to');
    const status = await cli(['status', '--server', s.url, '--json'], { home: h });
    expect(status.json).toMatchObject({ signedInAs: { username: 'tech', kind: 'login' }, license: { valid: false } });
    const out = await cli(['logout', '--server', s.url], { home: h });
    expect(out.stdout).toContain('session ended on the server');
    expect(s.requests.some((q) => q.path === '/api/v1/logout')).toBe(true);
  });

  it.skipIf(!realKeychain)('a personal access token from stdin; logout only forgets it', async () => {
    const s = await sim();
    const h = home();
    const pat = s.createPersonalAccessToken('admin');
    const r = await cli(['login', '--server', s.url, '--user-id', pat.userId, '--token-stdin'], { stdin: `${pat.token}\n`, home: h });
    expect(r.code).toBe(0);
    const lic = file('pat.lic', await signV3(licenses.boundTo(host(s), { id: 'PAT-1' })));
    expect((await cli(['apply', lic, '--server', s.url, '--yes'], { home: h })).code).toBe(0);
    const out = await cli(['logout', '--server', s.url], { home: h });
    expect(out.stdout).toContain('stays valid on the server');
    expect(s.requests.some((q) => q.path === '/api/v1/logout')).toBe(false);
  });
});

describe('rc-license restore', () => {
  /** A active, then B forced and rejected, in one data directory: the job that kept A. */
  async function replaced() {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    const h = home();
    const a = await signV3(licenses.boundTo(host(s), { id: 'ACME-A' }));
    expect((await cli(['apply', file('a.lic', a), '--server', s.url, '--yes'], { env, home: h })).code).toBe(0);
    const b = await cli(['apply', file('b.lic', await signV3(licenses.boundTo('chat.other.example', { id: 'ACME-B' }))), '--server', s.url, '--yes', '--force', '--wait', '4'], { env, home: h });
    expect(b.code).toBe(4);
    const jobId = /rc-license restore (\S+)/.exec(b.stdout)?.[1];
    expect(jobId, b.stdout).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    return { s, env, h, a, jobId: jobId! };
  }

  it('0: puts the previous license back, confirmed active by the server', async () => {
    const { s, env, h, a, jobId } = await replaced();
    expect(s.state.active).toBeNull();
    const r = await cli(['restore', jobId, '--yes'], { env, home: h });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Job ${jobId} (rejected) on `); // the job is named before anything is sent
    expect(r.stdout).toMatch(/ACME-A \(V3\), SHA-256 [0-9a-f]{64}/);
    expect(r.stdout).toMatch(/^RESTORED {2}127\.0\.0\.1:\d+ confirms license ACME-A: it is in force now\.$/m);
    expect(s.state.active?.text).toBe(a);
    const json = await cli(['restore', jobId, '--yes', '--json'], { env, home: h });
    expect(json.json).toMatchObject({ ok: true, result: 'already-active' });
  });

  it('2: an unknown job; 4: a job that kept nothing; 4: a damaged backup — nothing sent', async () => {
    const { s, env, h, jobId } = await replaced();
    const sent = s.state.licenseAdds;
    const unknown = await cli(['restore', '20990101-000000-abcd', '--yes'], { env, home: h });
    expect([unknown.code, flat(unknown.stderr)]).toEqual([2, expect.stringContaining('No installation with that id is recorded')]);
    const first = (await cli(['history', '--json'], { home: h })).json.jobs as Array<{ jobId: string; hasBackup: boolean }>;
    const nothingKept = first.find((j) => !j.hasBackup)!;
    const none = await cli(['restore', nothingKept.jobId, '--yes', '--json'], { env, home: h });
    expect([none.code, (none.json.error as { code: string }).code]).toEqual([4, 'BACKUP_MISSING']);
    writeFileSync(join(h, 'backups', `${jobId}.license`), 'RCV3_cut');
    const damaged = await cli(['restore', jobId, '--yes'], { env, home: h });
    expect([damaged.code, flat(damaged.stderr)]).toEqual([4, expect.stringMatching(/The saved previous license cannot be used: nothing was sent\. — The backup of job \S+ has changed since it was written/)]);
    expect(s.state.licenseAdds).toBe(sent);
  });
});

describe('rc-license history and receipt', () => {
  it('lists the jobs and writes a receipt', async () => {
    const s = await sim();
    const h = home();
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    await cli(['apply', file('h.lic', await signV3(licenses.boundTo(host(s), { id: 'HIST-1' }))), '--server', s.url, '--yes'], { home: h, env });
    const history = await cli(['history', '--json'], { home: h });
    const jobs = history.json.jobs as Array<{ jobId: string; outcome: string; licenseId: string }>;
    expect(jobs).toEqual([expect.objectContaining({ outcome: 'active', licenseId: 'HIST-1' })]);
    const out = join(paths.dir, 'receipt.html');
    expect((await cli(['receipt', jobs[0].jobId, '--out', out], { home: h })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('HIST-1');
    expect((await cli(['receipt', 'no-such-job'], { home: h })).code).toBe(2);
  });
});

describe('rc-license at a terminal', () => {
  it.skipIf(!realKeychain)('asks the password (not echoed), then the code; a wrong code is asked again, not started over', async () => {
    const s = await sim();
    const t = terminal(['login', '--server', s.url, '--user', 'tech']);
    await t.see(/Password for tech: /);
    t.type('tech-pass\r');
    await t.see(/Code from the authenticator app: /);
    t.type('000000\r');
    await t.see(/That code was not accepted\. Enter the current one/);
    await t.see(/Code from the authenticator app: /);
    t.type(`${s.totp('tech')}\r`);
    const { code, output } = await t.done;
    expect(code, output).toBe(0);
    expect(output).toContain(`Signed in to ${s.url} as tech`);
    expect(output).not.toContain('tech-pass');
  });

  it('shows an untrusted certificate as ssh does; "no" sends nothing (8), "yes" trusts it for this workspace only', async () => {
    const s = await sim({ tls: true });
    const h = home();
    const grouped = (await import('../core/workspaces/fingerprint')).groupFingerprint(createHash('sha256').update(new X509Certificate(s.certificate!.cert).raw).digest('hex'));
    const no = terminal(['status', '--server', s.url], { home: h });
    await no.see(/does not trust the certificate/);
    // Sixteen groups as two rows of eight: 80 columns hold it and no group is split.
    const rows = (g: string) => [g.split(' ').slice(0, 8).join(' '), g.split(' ').slice(8).join(' ')];
    const [firstRow, secondRow] = rows(grouped);
    await no.see(new RegExp(`SHA-256 {3}${firstRow}\\r?\\n {12}${secondRow}\\r?\\n`));
    await no.see(/Trust this certificate for https:\/\/127\.0\.0\.1:\d+\? \[y\/N\] /);
    no.type('n\r');
    const declined = await no.done;
    expect([declined.code, declined.output]).toEqual([8, expect.stringContaining('Not trusted: nothing was sent.')]);

    const yes = terminal(['status', '--server', s.url], { home: h });
    await yes.see(/\[y\/N\] /);
    yes.type('y\r');
    const trusted = await yes.done;
    expect(trusted.code, trusted.output).toBe(0);
    expect(trusted.output).toMatch(/Rocket\.Chat\s+8\.8/);
    // Remembered: no prompt the next time…
    const again = await cli(['status', '--server', s.url], { home: h });
    expect(again.code).toBe(0);
    // …and a changed certificate is refused with both fingerprints, without asking.
    s.setCertificate(await selfSignedCert());
    const changed = terminal(['status', '--server', s.url], { home: h });
    const refused = await changed.done;
    expect(refused.code).toBe(5);
    expect(refused.output.replace(/\r/g, '')).toContain(`trusted   ${firstRow}\n            ${secondRow}\n`);
    expect(refused.output).not.toContain('[y/N]');
    // …with the command that trusts the new one, copy-paste ready: it works as printed.
    const newPin = createHash('sha256').update(new X509Certificate(s.certificate!.cert).raw).digest('hex');
    const printed = /rc-license (status --server \S+) \\\r?\n {4}(--pin [0-9a-f]{64})/.exec(refused.output);
    expect(printed?.[2]).toBe(`--pin ${newPin}`);
    expect(Math.max(...refused.output.split(/\r?\n/).map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const pinned = await cli([...printed![1].split(' '), ...printed![2].split(' ')], { home: h });
    expect(pinned.code, pinned.stderr).toBe(0);
    expect((await cli(['status', '--server', s.url], { home: h })).code).toBe(0);
  });

  it('declining the confirmation exits 8 and sends nothing; a failed check is said without asking', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    const ask = terminal(['apply', file('ask.lic', await signV3(licenses.boundTo(host(s), { id: 'ASK-1' }))), '--server', s.url], { env });
    await ask.see(/Install license ASK-1 on .*\? \[y\/N\] /);
    ask.type('n\r');
    const declined = await ask.done;
    expect([declined.code, declined.output]).toEqual([8, expect.stringContaining('Not installed: nothing was sent.')]);
    const blocked = await terminal(['apply', file('wrong.lic', await signV3(licenses.boundTo('chat.other.example'))), '--server', s.url], { env }).done;
    expect(blocked.code).toBe(4);
    expect(flat(blocked.output)).toContain('Not sent: the Workspace address check failed (see above). If you know better than the check, run again with --force.');
    expect(blocked.output).not.toContain('[y/N]');
    expect(s.state.licenseAdds).toBe(0);
  });
});

describe('rc-license help', () => {
  it.each(COMMANDS.map((c) => c.name))('"help %s" and "%s --help" describe the command, its exit codes and an example', async (name) => {
    const viaHelp = await cli(['help', name]);
    const viaFlag = await cli([name, '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: rc-license ${name}`));
    expect(viaHelp.stdout).toContain('Exit codes: ');
    expect(viaHelp.stdout).toContain(`Example: rc-license ${name}`);
  });

  it('history has a header and shows local time with its offset', async () => {
    expect(localTime('2026-11-27T10:05:00.000Z', 60)).toBe('2026-11-27 11:05 +01:00');
    expect(localTime('2026-11-27T10:05:00.000Z', -330)).toBe('2026-11-27 04:35 -05:30');
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const h = home();
    await cli(['apply', file('hh.lic', await signV3(licenses.boundTo(host(s), { id: 'HDR-1' }))), '--server', s.url, '--yes'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken }, home: h });
    const lines = (await cli(['history'], { home: h, env: { TZ: 'Asia/Kolkata' } })).stdout.split('\n');
    // The offset once, in the heading; the status in the words every shell uses.
    expect(lines[0]).toMatch(/^WHEN \(\+05:30\)\s+STATUS\s+LICENSE\s+WORKSPACE\s+JOB$/);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\s+Active\s+HDR-1/);
    // Columns line up under their headings.
    for (const heading of ['STATUS', 'LICENSE', 'WORKSPACE', 'JOB']) expect(lines[1][lines[0].indexOf(heading) - 1], heading).toBe(' ');
    expect(lines[1].indexOf('Active')).toBe(lines[0].indexOf('STATUS'));
    expect(lines[1].indexOf('HDR-1')).toBe(lines[0].indexOf('LICENSE'));
    expect(lines[1].indexOf(lines[1].trim().split(' ').at(-1)!)).toBe(lines[0].indexOf('JOB'));
  });
});

describe('rc-license use and verify', () => {
  it('"use" makes --server optional; "verify" reads a job again and updates it (9 → 0)', async () => {
    const s = await sim({ validationDelayMs: 3000 });
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    const h = home();
    expect((await cli(['status'], { home: h })).stderr).toContain('--server URL is required (or choose one once with: rc-license use URL).');
    const use = await cli(['use', s.url], { home: h });
    expect([use.code, use.stdout]).toEqual([0, expect.stringContaining('--server is now optional')]);
    const status = await cli(['status'], { home: h });
    expect([status.code, status.stdout]).toEqual([0, expect.stringContaining('(current: --server may be left out)')]);
    const sent = await cli(['apply', file('late.lic', await signV3(licenses.boundTo(host(s), { id: 'LATE-9' }))), '--yes', '--wait', '1'], { env, home: h });
    expect(sent.code).toBe(9);
    await s.settled();
    const verified = await cli(['verify'], { env, home: h });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^ACTIVE {2}.* confirms license LATE-9: it is in force now\./);
    const history = (await cli(['history', '--json'], { home: h })).json.jobs as Array<{ outcome: string }>;
    expect(history.map((j) => j.outcome)).toEqual(['active']);
  });
});

describe('rc-license killed mid-install', () => {
  it('SIGKILL right after the server receives licenses.add: interrupted on the next start, the lock is reclaimed, verify resolves it', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    const h = home();
    s.setFault({ kind: 'delay', ms: 800, match: 'licenses.add' });
    const child = spawn(process.execPath, [CLI, 'apply', file('kill.lic', await signV3(licenses.boundTo(host(s), { id: 'KILL-1' }))), '--server', s.url, '--yes'], {
      env: { ...process.env, RC_LICENSE_HOME: h, RC_LICENSE_PUBLIC_KEY: paths.keyFile, ...env },
    });
    await vi.waitFor(() => expect(s.requests.some((r) => r.path.endsWith('/licenses.add'))).toBe(true), { timeout: 10_000, interval: 10 });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    // The server still handles the request it received (after its delay), as a real one would.
    await vi.waitFor(() => expect(s.state.licenseAdds).toBe(1), { timeout: 5_000 });
    await s.settled();

    const history = (await cli(['history', '--json'], { home: h })).json.jobs as Array<{ jobId: string; outcome: string }>;
    expect(history[0].outcome).toBe('interrupted');
    const plain = await cli(['history'], { home: h });
    expect(plain.stdout).toContain('Interrupted');
    const verified = await cli(['verify'], { env, home: h }); // the last job that sent something: the interrupted one
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('confirms license KILL-1')]);
    // The dead process's lock does not block the next install.
    const again = await cli(['apply', file('kill2.lic', await signV3(licenses.boundTo(host(s), { id: 'KILL-2' }))), '--server', s.url, '--yes'], { env, home: h });
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('rc-license killed between keeping the backup and sending', () => {
  it('SIGKILL after the backup is written: the job says nothing was sent, its backup is kept, the lock is reclaimed', async () => {
    const s = await sim(); // 8.8: licenses.validate runs between the backup and the send
    const { userId, authToken } = s.login('admin');
    const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
    const h = home();
    const first = await cli(['apply', file('before.lic', await signV3(licenses.boundTo(host(s), { id: 'BEFORE-1' }))), '--server', s.url, '--yes'], { env, home: h });
    expect(first.code, first.stderr).toBe(0);
    s.setFault({ kind: 'delay', ms: 1500, match: 'licenses.validate' });
    const child = spawn(process.execPath, [CLI, 'apply', file('kill3.lic', await signV3(licenses.boundTo(host(s), { id: 'KILL-3' }))), '--server', s.url, '--yes'], {
      env: { ...process.env, RC_LICENSE_HOME: h, RC_LICENSE_PUBLIC_KEY: paths.keyFile, ...env },
    });
    // BEFORE-1 replaced nothing, so the first backup is KILL-3's; once its job names it, the flow
    // waits on the (delayed) licenses.validate, and has sent nothing.
    // Count the kept licenses only: each has an owner file beside it, written right after it.
    await vi.waitFor(() => expect(existsSync(join(h, 'backups')) && readdirSync(join(h, 'backups')).filter((f) => f.endsWith('.license')).length).toBe(1), { timeout: 15_000, interval: 10 });
    await vi.waitFor(() => expect(readFileSync(join(h, 'jobs.jsonl'), 'utf8')).toContain('KILL-3'), { timeout: 15_000, interval: 10 });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    s.setFault(null);
    await s.settled();
    expect(s.state.licenseAdds).toBe(1); // BEFORE-1's only
    expect(s.state.active?.decoded.v3.information.id).toBe('BEFORE-1');

    const jobs = (await cli(['history', '--json'], { home: h })).json.jobs as Array<{ jobId: string; outcome: string; headline: string; licenseId: string; hasBackup: boolean }>;
    expect(jobs[0]).toMatchObject({ licenseId: 'KILL-3', outcome: 'failed', headline: expect.stringMatching(/^The app ended after keeping the stored license .* Nothing was sent/), hasBackup: true });
    const verified = await cli(['verify', jobs[0].jobId], { env, home: h });
    expect([verified.code, flat(verified.stderr)]).toEqual([2, expect.stringContaining('sent nothing to the server')]);
    const again = await cli(['apply', file('kill4.lic', await signV3(licenses.boundTo(host(s), { id: 'AFTER-4' }))), '--server', s.url, '--yes'], { env, home: h });
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('rc-license options as people type them', () => {
  it.each([
    ['grouped, upper case', (hex: string) => hex.toUpperCase().replace(/(.{4})/g, '$1 ').trim()],
    ['colon pairs', (hex: string) => hex.replace(/(.{2})/g, '$1:').slice(0, -1)],
    ['plain lower case', (hex: string) => hex],
    ['with a sha256: prefix', (hex: string) => `sha256:${hex}`],
  ])('--pin accepts the fingerprint %s', async (_form, format) => {
    const s = await sim({ tls: true });
    const hex = createHash('sha256').update(new X509Certificate(s.certificate!.cert).raw).digest('hex');
    const r = await cli(['status', '--server', s.url, '--pin', format(hex), '--json']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('receipt --out follows the extension and refuses .pdf and unknown ones', async () => {
    const s = await sim();
    const { userId, authToken } = s.login('admin');
    const h = home();
    await cli(['apply', file('r.lic', await signV3(licenses.boundTo(host(s), { id: 'RCPT-1' }))), '--server', s.url, '--yes'], { env: { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken }, home: h });
    const jobId = ((await cli(['history', '--json'], { home: h })).json.jobs as Array<{ jobId: string }>)[0].jobId;
    const pdf = await cli(['receipt', jobId, '--out', join(h, 'r.pdf')], { home: h });
    expect([pdf.code, pdf.stderr]).toEqual([2, expect.stringContaining('PDF receipts are made by the desktop app.')]);
    expect((await cli(['receipt', jobId, '--out', join(h, 'r.txt')], { home: h })).code).toBe(2);
    expect((await cli(['receipt', jobId, '--out', join(h, 'r.json')], { home: h })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(h, 'r.json'), 'utf8'))).toMatchObject({ receipt: 'rc-license-installer', jobId });
    expect((await cli(['receipt', jobId, '--out', join(h, 'r.HTML')], { home: h })).code).toBe(0);
    expect(readFileSync(join(h, 'r.HTML'), 'utf8')).toMatch(/^<!doctype html>/);
    const plain = await cli(['receipt', jobId], { home: h });
    expect(plain.stdout).toContain('Open it in a web browser');
    // A folder that is not there is said, and not made.
    const missing = join(h, 'no-such-folder', 'r.html');
    const astray = await cli(['receipt', jobId, '--out', missing], { home: h });
    expect([astray.code, astray.stderr.replace(/\s+/g, ' ')]).toEqual([2, expect.stringContaining(`there is no folder ${join(h, 'no-such-folder')}. Create it first`)]);
    expect(existsSync(join(h, 'no-such-folder'))).toBe(false);
  });
});

describe("rc-license verdicts from the server's own words", () => {
  const admin = (s: Simulator) => {
    const { userId, authToken } = s.login('admin');
    return { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken };
  };
  const infoReadsAfterAdd = (s: Simulator) => s.requests.slice(s.requests.findIndex((r) => r.path.endsWith('/licenses.add'))).filter((r) => r.path.endsWith('/licenses.info')).length;

  it.each(['7.10.0', '8.8.0'])('%s: a license the server activates 5 s after the send ends active with --wait 30', async (version) => {
    const s = await sim({ version, validationDelayMs: 5000 });
    const r = await cli(['apply', file(`slow-${version}.lic`, await signV3(licenses.boundTo(host(s), { id: 'SLOW-1' }))), '--server', s.url, '--yes', '--wait', '30', '--json'], { env: admin(s) });
    expect([r.code, r.json.result], r.stderr).toEqual([0, 'active']);
    expect(s.state.licenseAdds).toBe(1);
  }, 40_000);

  it("7.10: a rejection is reported as soon as the log says it, with the server's own Site URL — not at the end of the wait", async () => {
    const s = await sim({ version: '7.10.0', siteUrl: 'https://chat.plant7.lan/' });
    const r = await cli(['apply', file('wrong-url.lic', await signV3(licenses.boundTo('chat.other.example'))), '--server', s.url, '--yes', '--force', '--wait', '30', '--json'], { env: admin(s) });
    expect([r.code, r.json.result]).toEqual([4, 'rejected']);
    expect(r.json.reasons).toEqual(["The license is for chat.other.example, but this workspace's Site URL is chat.plant7.lan. Ask for a license for this Site URL, or correct the Site URL setting."]);
    expect((r.json.verdict as { evidence: Array<{ source: string; detail: string }> }).evidence[0]).toMatchObject({ source: 'server-log', detail: 'Url validation failed' });
    // A 30 s wait reads licenses.info about 17 times; the log's answer came at the first reads.
    expect(infoReadsAfterAdd(s)).toBeLessThanOrEqual(3);
  });

  it("a server clock a proxy hides: the rejection names the period and Rocket.Chat's own clock, and says the Date header differs", async () => {
    // Rocket.Chat's clock is 60 days ahead; the proxy in front stamps Date with the right time,
    // so the laptop's pre-check (by the Date header) passes and only the server's log tells.
    const s = await sim({ version: '7.10.0', clock: { offsetMs: 60 * 86400_000 }, dateHeaderOffsetMs: 0 });
    const until = new Date(Date.now() + 30 * 86400_000);
    const r = await cli(['apply', file('clock.lic', await signV3(licenseV3Payload({ url: host(s), validUntil: until }))), '--server', s.url, '--yes', '--json'], { env: admin(s) });
    expect([r.code, r.json.result]).toEqual([4, 'rejected']);
    const reason = (r.json.reasons as string[])[0];
    expect(reason).toContain(`until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    expect(reason).toContain(`but Rocket.Chat's own clock read ${new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10)}`);
    expect(reason).toContain("The answers' Date header said");
  });

  it('licenses.add answered 22 s late (after the 15 s timeout): active, sent exactly once', async () => {
    const s = await sim({ version: '8.8.0' });
    s.setFault({ kind: 'slowReply', ms: 22_000, match: 'licenses.add' });
    const r = await cli(['apply', file('late-answer.lic', await signV3(licenses.boundTo(host(s), { id: 'LATE-ANSWER' }))), '--server', s.url, '--yes', '--wait', '30', '--json'], { env: admin(s) });
    expect([r.code, r.json.result, r.json.sent], r.stderr).toEqual([0, 'active', 'unknown']);
    expect(s.requests.filter((q) => q.path.endsWith('/licenses.add'))).toHaveLength(1);
    expect((r.json.steps as Array<{ step: string; status: string; message: string }>).find((st) => st.step === 'apply')).toMatchObject({ status: 'warning', message: expect.stringMatching(/It may have arrived, so it is not sent again/) });
  }, 45_000);

  it('Ctrl-C during the wait: exit 130, the job recorded as interrupted, the lock released, and verify reads the outcome; SIGTERM: 143', async () => {
    const s = await sim({ version: '8.8.0', validationDelayMs: 3000 });
    const env = admin(s);
    const h = home();
    const started = (name: string) => spawn(process.execPath, [CLI, 'apply', name, '--server', s.url, '--yes', '--wait', '60'], { env: { ...process.env, RC_LICENSE_HOME: h, RC_LICENSE_PUBLIC_KEY: paths.keyFile, NO_COLOR: '1', ...env } });
    const interrupt = async (signal: NodeJS.Signals, id: string) => {
      const child = started(file(`${id}.lic`, await signV3(licenses.boundTo(host(s), { id }))));
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stdout += d));
      await vi.waitFor(() => expect(stderr).toContain('Waiting for the server to confirm'), { timeout: 15_000, interval: 20 });
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on('close', r));
      return { code, stderr, stdout };
    };
    const first = await interrupt('SIGINT', 'CTRL-C-1');
    expect(first.code).toBe(130);
    expect(first.stdout).toMatch(/To read the outcome again:\n {2}rc-license verify \d{8}-\d{6}-[0-9a-f]{4}\n/);
    const jobs = (await cli(['history', '--json'], { home: h })).json.jobs as Array<{ jobId: string; outcome: string; licenseId: string }>;
    expect(jobs[0]).toMatchObject({ outcome: 'interrupted', licenseId: 'CTRL-C-1' });
    expect(readdirSync(join(h, 'locks')).filter((f) => f.endsWith('.lock'))).toEqual([]);
    await s.settled();
    const verified = await cli(['verify', jobs[0].jobId], { env, home: h });
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('confirms license CTRL-C-1')]);
    const second = await interrupt('SIGTERM', 'TERM-2');
    expect(second.code).toBe(143);
  }, 60_000);

  it('no license text found in the log reaches the job log, a receipt or the screen', async () => {
    // Its JWT expires before the server applies it: the apply fails to decrypt, and the server
    // logs "Invalid raw license" with the whole text (as the real one does).
    const s = await sim({ version: '7.10.0', validationDelayMs: 2500 });
    const text = await signV3({ ...licenseV3Payload({ url: host(s), id: 'LOGGED-1' }), exp: Math.floor(Date.now() / 1000) + 2 });
    const h = home();
    const r = await cli(['apply', file('logged.lic', text), '--server', s.url, '--yes', '--json'], { env: admin(s), home: h });
    expect(s.state.log.join('\n')).toContain(text);
    expect([r.code, r.json.result]).toEqual([4, 'rejected']);
    expect(r.json.reasons).toEqual(['The server could not read the license when it applied it (its log says "Invalid license"): ask for the original file again.']);
    const jobId = r.json.jobId as string;
    await cli(['receipt', jobId, '--out', join(h, 'r.html')], { home: h });
    await cli(['receipt', jobId, '--out', join(h, 'r.json')], { home: h });
    const human = await cli(['verify', jobId], { env: admin(s), home: h });
    const body = text.slice(5, -8); // all but the prefix and the last 8 characters (the server's own short name)
    for (const [where, content] of [
      ['stdout', r.stdout],
      ['stderr', r.stderr],
      ['verify', human.stdout + human.stderr],
      ['jobs.jsonl', readFileSync(join(h, 'jobs.jsonl'), 'utf8')],
      ['receipt html', readFileSync(join(h, 'r.html'), 'utf8')],
      ['receipt json', readFileSync(join(h, 'r.json'), 'utf8')],
    ]) expect(content.includes(body), where).toBe(false);
  }, 30_000);
});
