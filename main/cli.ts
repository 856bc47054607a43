// `rc-license`: the installer's core from a terminal — the same code as the app, for SSH sessions,
// install scripts and machines where a window is not an option.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppFailure, describeError, toAppError, type AppError, type ErrorCode } from './core/errors';
import { MAX_LICENSE_BYTES } from './core/license/license-read';
import type { InstallProgress, InstallResult } from './core/installs/types';
import type { Inspection, LicenseCheck } from './core/license/types';
import type { WorkspaceView } from './core/workspaces/types';
import type { Installer } from './core/installer';
import { parseFingerprint, groupFingerprint } from './core/workspaces/fingerprint';
import { readLicenseFile } from './shell-files';
import { COMMANDS, commandHelp, localTime, nearest } from './cli-help';

export const EXIT = { ok: 0, unexpected: 1, usage: 2, auth: 3, license: 4, network: 5, server: 6, keychain: 7, declined: 8, unconfirmed: 9 } as const;

const USAGE = `Usage:
  rc-license inspect <FILE|-> [--server URL] [--json]
  rc-license login --server URL --user NAME [--password-stdin] [--code CODE]
  rc-license login --server URL --user-id ID --token-stdin      (personal access token)
  rc-license logout --server URL
  rc-license status --server URL [--json]
  rc-license apply <FILE|-> --server URL [--yes] [--force] [--wait SECONDS] [--json]
  rc-license restore <JOB-ID> [--yes] [--wait SECONDS] [--json]   (put back the license a job replaced)
  rc-license verify [JOB-ID] [--json]        (read the server's state for a job again; default: the last)
  rc-license use <URL|NAME>                  (then --server is optional)
  rc-license history [--json]
  rc-license receipt <JOB-ID> [--out FILE]
  rc-license help <COMMAND>          (or COMMAND --help: its options, exit codes and an example)
Common options: --ca FILE  --pin SHA256  --timeout SECONDS  --proxy URL
Unattended runs: set RC_USER_ID and RC_AUTH_TOKEN instead of signing in.
Exit codes: 0 ok (the server confirms), 1 unexpected, 2 usage, 3 authentication or permission,
            4 license or file (not sent, or rejected), 5 network, TLS or rate limit (try again later),
            6 server unsupported or not Rocket.Chat, 7 this laptop's keychain or data folder unusable,
            8 declined at a prompt, 9 sent but not confirmed (check later: the outcome is unknown).`;

export function exitCodeFor(code: ErrorCode | string): number {
  if (code.startsWith('LICENSE_') || code.startsWith('BACKUP_') || code === 'FILE_UNREADABLE') return EXIT.license;
  if (code.startsWith('AUTH_') || code === 'FORBIDDEN') return EXIT.auth;
  // A 429 is the server asking to wait, not a sign-in problem: "try again later", like the network.
  if (['NETWORK_UNREACHABLE', 'TIMEOUT', 'TLS_UNTRUSTED', 'CERT_CHANGED', 'REDIRECT_BLOCKED', 'RATE_LIMITED'].includes(code)) return EXIT.network;
  if (['SERVER_TOO_OLD', 'NOT_ROCKETCHAT', 'SERVER_ERROR'].includes(code)) return EXIT.server;
  // This laptop, not the license or the server: the keychain, or a data folder that cannot be written.
  if (code === 'KEYCHAIN_UNAVAILABLE' || code === 'STORAGE_FAILED') return EXIT.keychain;
  if (['INVALID_INPUT', 'WORKSPACE_UNKNOWN', 'JOB_UNKNOWN'].includes(code)) return EXIT.usage;
  return EXIT.unexpected;
}

class Usage extends Error {}

function unknownCommand(name: string): string {
  const meant = nearest(name, Object.keys(COMMANDS));
  return `Unknown command "${name}".${meant ? ` Did you mean "${meant}"? (rc-license help ${meant})` : ''}`;
}

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  env: NodeJS.ProcessEnv;
}

const OPTIONS = {
  server: { type: 'string' },
  json: { type: 'boolean' },
  user: { type: 'string' },
  'user-id': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'token-stdin': { type: 'boolean' },
  code: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  wait: { type: 'string' },
  out: { type: 'string' },
  ca: { type: 'string' },
  pin: { type: 'string' },
  timeout: { type: 'string' },
  proxy: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} satisfies ParseArgsConfig['options'];

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };

function paint(io: Io) {
  const on = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const c = (code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { green: c(32), red: c(31), yellow: c(33), bold: c(1), dim: c(2) };
}

async function readAll(stream: NodeJS.ReadableStream, limit = MAX_LICENSE_BYTES + 1): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(b);
    size += b.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

async function readLine(stream: NodeJS.ReadableStream): Promise<string> {
  return (await readAll(stream, 100_000)).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/**
 * A prompt on the terminal; with `hidden`, typed characters are not echoed. Reads with a 'data'
 * listener that it removes again — never `for await` over stdin, whose early return destroys the
 * stream, so that prompts work one after another (password, then code, then a retried code).
 */
function prompt(io: Io, question: string, hidden = false): Promise<string> {
  io.stderr.write(question);
  const stdin = io.stdin;
  if (!stdin.isTTY || !stdin.setRawMode) return Promise.reject(new Usage('This needs a terminal to ask; use --password-stdin / --token-stdin / --code / --yes instead.'));
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (settle: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      settle();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') {
          io.stderr.write('\n');
          return finish(() => resolve(answer));
        }
        if (ch === '\u0003' || ch === '\u0004') {
          io.stderr.write('\n');
          return finish(() => reject(new Declined('Cancelled.')));
        }
        if (ch === '\u007f' || ch === '\b') {
          if (answer) {
            answer = answer.slice(0, -1);
            if (!hidden) io.stderr.write('\b \b');
          }
          continue;
        }
        answer += ch;
        if (!hidden) io.stderr.write(ch);
      }
    };
    stdin.on('data', onData);
  });
}

/** The technician said no (or cancelled a prompt): its own exit code, nothing was done. */
class Declined extends Error {}

function licenseInput(file: string | undefined, io: Io): Promise<{ bytes: Uint8Array; name: string | null; size?: number }> {
  if (!file) throw new Usage('Name the license file (or - for standard input).');
  if (file === '-') return readAll(io.stdin).then((bytes) => ({ bytes, name: null }));
  // A regular file, at most the limit + 1 bytes: a directory, a device or a FIFO is refused in words.
  const { bytes, size } = readLicenseFile(file, MAX_LICENSE_BYTES);
  return Promise.resolve({ bytes, size, name: file.split(/[\\/]/).pop() ?? file });
}

function trustOptions(v: Values): { pinnedSha256?: string; caPem?: string; caFileName?: string; proxyUrl?: string } {
  const out: { pinnedSha256?: string; caPem?: string; caFileName?: string; proxyUrl?: string } = {};
  if (v.pin) {
    const pin = parseFingerprint(v.pin);
    if (!pin) throw new Usage('--pin takes the certificate’s SHA-256 fingerprint: 64 hex digits, in any case, with spaces, colons or nothing between them.');
    out.pinnedSha256 = pin;
  }
  if (v.ca) {
    try {
      out.caPem = readFileSync(v.ca, 'utf8');
      out.caFileName = v.ca.split(/[\\/]/).pop();
    } catch (e) {
      throw new AppFailure('FILE_UNREADABLE', `--ca ${v.ca}: ${(e as Error).message}`);
    }
  }
  if (v.proxy) out.proxyUrl = v.proxy;
  return out;
}

const CURRENT_FILE = 'cli-current.json';

/** The workspace `rc-license use` chose (if it is still saved), else the only one signed in to. */
function currentWorkspace(installer: Installer) {
  const path = join(dirname(installer.workspaces.path), CURRENT_FILE);
  try {
    const id = (JSON.parse(readFileSync(path, 'utf8')) as { workspaceId?: string }).workspaceId;
    const chosen = installer.workspaces.list().find((w) => w.id === id);
    if (chosen) return chosen;
  } catch {
    /* none chosen */
  }
  const signedIn = installer.workspaces.list().filter((w) => w.signedInAs);
  return signedIn.length === 1 ? signedIn[0] : null;
}

/** The certificate the server presented, as a technician compares it. */
function certificateLines(d: AppError['data']): string {
  const fp = parseFingerprint(String(d?.fingerprint256 ?? ''));
  return [
    fp ? `  SHA-256   ${groupFingerprint(fp)}` : null,
    d?.subject ? `  Subject   ${d.subject}` : null,
    d?.issuer ? `  Issuer    ${d.issuer}${d.selfSigned ? ' (self-signed)' : ''}` : null,
    d?.validFrom ? `  Valid     ${d.validFrom} → ${d.validTo}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The saved workspace for --server, saved on first successful use with its trust settings. A
 * certificate this machine does not trust is shown on a terminal as ssh shows a new host key, and
 * trusted for this workspace only if the technician says so.
 */
async function workspaceFor(installer: Installer, v: Values, io?: Io, json = false): Promise<WorkspaceView> {
  if (!v.server) {
    // Like `kubectl config use-context`: the workspace chosen with `rc-license use`, or the only
    // one signed in to.
    const current = currentWorkspace(installer);
    if (current) return (await import('./core/installer')).viewOf(current);
    throw new Usage('--server URL is required (or choose one once with: rc-license use URL).');
  }
  const { normalizeBaseUrl } = await import('./core/rocketchat/addresses');
  const baseUrl = normalizeBaseUrl(v.server);
  const trust = trustOptions(v);
  const existing = installer.workspaces.findByUrl(baseUrl);
  if (!existing) {
    try {
      return (await installer.addWorkspace({ url: baseUrl, ...trust })).workspace;
    } catch (e) {
      const fp = e instanceof AppFailure && e.code === 'TLS_UNTRUSTED' ? parseFingerprint(String(e.data?.fingerprint256 ?? '')) : null;
      if (!fp || !io?.stdin.isTTY || json || trust.pinnedSha256 || v.yes) throw e;
      io.stderr.write(`This machine does not trust the certificate of ${baseUrl}:\n${certificateLines((e as AppFailure).data)}\n`);
      io.stderr.write('Compare the SHA-256 with the one the server’s administrator reads from the server.\n');
      const answer = await prompt(io, `Trust this certificate for ${baseUrl}? [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) throw new Declined('Not trusted: nothing was sent.');
      return (await installer.addWorkspace({ url: baseUrl, ...trust, pinnedSha256: fp })).workspace;
    }
  }
  if (trust.pinnedSha256 || trust.caPem || trust.proxyUrl) {
    return installer.updateWorkspace(existing.id, {
      ...(trust.pinnedSha256 ? { pinnedSha256: trust.pinnedSha256 } : {}),
      ...(trust.caPem ? { caPem: trust.caPem, caFileName: trust.caFileName ?? null } : {}),
      ...(trust.proxyUrl ? { proxyUrl: trust.proxyUrl } : {}),
    });
  }
  return (await import('./core/installer')).viewOf(existing);
}

function licenseJson(i: Inspection) {
  const s = i.summary;
  const now = Date.parse(i.facts.serverTime ?? i.facts.localTime);
  return {
    format: s.format,
    signature: s.verifiedWith.key,
    id: s.id,
    sha256: s.sha256,
    customer: s.customer,
    serverUrls: s.serverUrls,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    expired: s.validUntil ? Date.parse(s.validUntil) < now : false,
    trial: s.trial,
    limits: s.limits.map((l) => ({ kind: l.kind, max: l.max, behavior: l.behavior })),
    modules: s.modules,
  };
}

function printInspection(io: Io, i: Inspection) {
  const p = paint(io);
  const s = i.summary;
  const rows: Array<[string, string]> = [
    ['License', `${s.format.toUpperCase()}${s.id ? ` ${s.id}` : ''}${s.trial ? ' (trial)' : ''}`],
    ['Customer', s.customer?.company ?? s.customer?.name ?? '—'],
    ['SHA-256', s.sha256],
    ['Signature', s.verifiedWith.key === 'rocket.chat' ? 'Rocket.Chat (genuine)' : `additional key ${s.verifiedWith.fingerprint.slice(0, 16)}… (not Rocket.Chat's)`],
    ['Valid', `${s.validFrom?.slice(0, 10) ?? 'from issue'} → ${s.validUntil?.slice(0, 10) ?? 'no end date'}`],
    ['For', s.serverUrls.map((u) => `${u.value} (${u.type})`).join(', ') || '—'],
    ['Limits', s.limits.map((l) => `${l.kind} ${l.max ?? 'unlimited'}`).join(', ') || 'none'],
    ['Modules', s.modules.join(', ') || 'none'],
  ];
  for (const [k, val] of rows) io.stdout.write(`${p.dim(k.padEnd(10))} ${val}\n`);
  io.stdout.write('\n');
  printChecks(io, i.checks);
}

function printChecks(io: Io, checks: LicenseCheck[]) {
  const p = paint(io);
  for (const c of checks) {
    const mark = c.status === 'pass' ? p.green('✓') : c.status === 'fail' ? p.red('✕') : p.yellow('?');
    io.stdout.write(`${mark} ${p.bold(c.name.padEnd(9))} ${c.message}\n`);
  }
}

function outcomeExit(r: InstallResult): number {
  if (r.outcome === 'active' || r.outcome === 'already-active') return EXIT.ok;
  if (r.outcome === 'rejected' || r.outcome === 'blocked' || r.outcome === 'already-rejected') return EXIT.license;
  if (r.outcome === 'unconfirmed' || r.outcome === 'interrupted') return EXIT.unconfirmed;
  if (r.outcome === 'failed' && r.error) return exitCodeFor(r.error.code);
  return EXIT.unexpected;
}

/** Runs an install or a restore with progress on stderr and the outcome on stdout. */
async function runJob(io: Io, v: Values, json: boolean, out: (o: object) => void, run: (o: { force?: boolean; waitSeconds?: number; onProgress: (p: InstallProgress) => void }) => Promise<InstallResult>): Promise<number> {
  const waitSeconds = v.wait ? Number(v.wait) : undefined;
  if (waitSeconds !== undefined && !(waitSeconds > 0)) throw new Usage('--wait takes a number of seconds.');
  const p = paint(io);
  const result = await run({
    force: v.force,
    waitSeconds,
    onProgress: ({ step }) => {
      if (step.status === 'running') io.stderr.write(p.dim(`… ${step.message}\n`));
      else io.stderr.write(`${step.status === 'done' ? p.green('✓') : step.status === 'failed' ? p.red('✕') : p.yellow('!')} ${step.message}\n`);
    },
  });
  if (json) {
    out({
      ok: result.outcome === 'active' || result.outcome === 'already-active',
      ...(result.error ? { error: { code: result.error.code, message: result.error.message } } : {}),
      jobId: result.jobId,
      result: result.outcome,
      headline: result.headline,
      reasons: result.reasons,
      steps: result.steps.map(({ step, status, message }) => ({ step, status, message })),
      checks: result.checks.map(({ name, status, message }) => ({ name, status, message })),
    });
  } else {
    const tone = result.outcome === 'active' || result.outcome === 'already-active' ? p.green : p.red;
    io.stdout.write(`${tone(p.bold(result.outcome.toUpperCase()))}  ${result.headline}\n`);
    for (const r of result.reasons) io.stdout.write(`  - ${r}\n`);
    if (result.backup?.status === 'kept' && ['rejected', 'unconfirmed', 'interrupted'].includes(result.outcome)) {
      io.stdout.write(`To put back the license the workspace had before: rc-license restore ${result.jobId}\n`);
    }
    io.stdout.write(p.dim(`Job ${result.jobId}: rc-license receipt ${result.jobId} --out receipt.html\n`));
  }
  return outcomeExit(result);
}

export async function main(argv: string[], io: Io): Promise<number> {
  let json = argv.includes('--json');
  const out = (obj: object) => io.stdout.write(JSON.stringify(obj) + '\n');
  const fail = (error: AppError, extra: object = {}) => {
    if (json) out({ ok: false, error: { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}), ...(error.data ? { data: error.data } : {}) }, ...extra });
    else {
      io.stderr.write(`${paint(io).red('Error:')} ${describeError(error)}\n`);
      // Never "compare the fingerprint" without printing it.
      const fp = parseFingerprint(String(error.data?.fingerprint256 ?? ''));
      if (error.code === 'TLS_UNTRUSTED' && fp) io.stderr.write(`${certificateLines(error.data)}\nTo trust it without a prompt: --pin ${groupFingerprint(fp).replace(/ /g, '')}\n`);
      if (error.code === 'CERT_CHANGED' && error.data?.expected && error.data.actual) {
        io.stderr.write(`  trusted   ${groupFingerprint(parseFingerprint(String(error.data.expected)) ?? String(error.data.expected))}\n  now       ${groupFingerprint(parseFingerprint(String(error.data.actual)) ?? String(error.data.actual))}\n`);
      }
    }
    return exitCodeFor(error.code);
  };
  let installer: Installer | null = null;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      // Node's own words ("Unknown option '--forse'…"), with the option meant when it is near one.
      const unknown = /Unknown option '(--?[\w-]+)'/.exec((e as Error).message)?.[1];
      const meant = unknown ? nearest(unknown.replace(/^-+/, ''), Object.keys(OPTIONS)) : null;
      throw new Usage(unknown ? `Unknown option ${unknown}.${meant ? ` Did you mean --${meant}?` : ''}` : (e as Error).message);
    }
    const v = parsed.values as Values;
    json = Boolean(v.json);
    const [command, arg] = parsed.positionals;
    if (v.version) {
      io.stdout.write(`${(await import('./core/app-info')).getAppInfo('cli').version}\n`);
      return EXIT.ok;
    }
    if (command === 'help' || (v.help && command)) {
      const topic = command === 'help' ? arg : command;
      if (!topic) io.stdout.write(USAGE + '\n');
      else if (COMMANDS[topic]) io.stdout.write(commandHelp(topic) + '\n');
      else throw new Usage(unknownCommand(topic));
      return EXIT.ok;
    }
    if (v.help || !command) {
      (v.help ? io.stdout : io.stderr).write(USAGE + '\n');
      return v.help ? EXIT.ok : EXIT.usage;
    }
    if (!COMMANDS[command]) throw new Usage(unknownCommand(command));
    const timeoutMs = v.timeout ? Number(v.timeout) * 1000 : undefined;
    if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new Usage('--timeout takes a number of seconds.');

    const envUser = io.env.RC_USER_ID;
    const envToken = io.env.RC_AUTH_TOKEN;
    if (Boolean(envUser) !== Boolean(envToken)) throw new Usage('Set both RC_USER_ID and RC_AUTH_TOKEN, or neither.');
    const open = async () => {
      const [{ Installer }, { KeytarSecretStore }, { defaultDataDir }] = await Promise.all([
        import('./core/installer'),
        import('./core/workspaces/secret-store'),
        import('./core/state/files'),
      ]);
      installer = new Installer({
        dataDir: defaultDataDir(io.env),
        keychain: new KeytarSecretStore(),
        timeoutMs,
        program: 'rc-license',
        fixedCredentials: envUser && envToken ? { userId: envUser, authToken: envToken } : undefined,
      });
      return installer;
    };

    switch (command) {
      case 'inspect': {
        const { bytes, name, size } = await licenseInput(arg, io);
        let inspection: Inspection;
        if (v.server) {
          const inst = await open();
          const ws = await workspaceFor(inst, v, io, json);
          inspection = await inst.inspect(bytes, name, ws.id, size);
        } else {
          // Without a server nothing but the license engine is loaded: fast, and fully offline.
          inspection = await (await import('./core/license/license')).inspectLicense(bytes, { fileSize: size });
        }
        // Genuine is what inspect answers on its own; with --server, the fit to that workspace too.
        const code = v.server && inspection.checks.some((c) => c.status === 'fail') ? EXIT.license : EXIT.ok;
        if (json) out({ ok: code === EXIT.ok, license: licenseJson(inspection), checks: inspection.checks.map(({ name, status, message }) => ({ name, status, message })) });
        else printInspection(io, inspection);
        return code;
      }
      case 'login': {
        const inst = await open();
        const ws = await workspaceFor(inst, v, io, json);
        if (v['user-id']) {
          const token = v['token-stdin'] ? await readLine(io.stdin) : await prompt(io, 'Personal access token: ', true);
          const user = await inst.useToken(ws.id, { userId: v['user-id'], token });
          if (json) out({ ok: true, user });
          else io.stdout.write(`Signed in to ${ws.baseUrl} as ${user.username}${user.isAdmin ? '' : ' (not an administrator)'} with a personal access token, kept in the keychain.\n`);
          return EXIT.ok;
        }
        if (!v.user) throw new Usage('login needs --user NAME (or --user-id ID --token-stdin for a personal access token).');
        const password = v['password-stdin'] ? await readLine(io.stdin) : await prompt(io, `Password for ${v.user}: `, true);
        let code = v.code;
        let codesAsked = 0;
        const interactive = Boolean(io.stdin.isTTY) && !v['password-stdin'];
        for (;;) {
          try {
            const user = await inst.login(ws.id, { user: v.user, password, code });
            if (json) out({ ok: true, user });
            else io.stdout.write(`Signed in to ${ws.baseUrl} as ${user.username}${user.isAdmin ? '' : ' (not an administrator: licenses need an admin)'}; the session is kept in the keychain.\n`);
            return EXIT.ok;
          } catch (e) {
            const err = e instanceof AppFailure ? e : null;
            const method = err?.data?.method === 'email' ? 'email' : 'totp';
            const ask = () => prompt(io, method === 'email' ? 'Code from the e-mail: ' : 'Code from the authenticator app: ');
            if (err?.code === 'AUTH_2FA_REQUIRED' && !code && interactive) {
              codesAsked++;
              code = await ask();
              continue;
            }
            // A mistyped code is asked again, up to three codes in all, instead of starting over.
            if (err?.code === 'AUTH_2FA_INVALID' && interactive && codesAsked < 3) {
              io.stderr.write(`${paint(io).yellow('That code was not accepted.')} Enter the current one${method === 'totp' ? ' (they change every 30 seconds)' : ''}.\n`);
              codesAsked++;
              code = await ask();
              continue;
            }
            if (err?.code === 'AUTH_2FA_REQUIRED') throw new AppFailure('AUTH_2FA_REQUIRED', `${err.detail ?? ''} Run again with --code CODE.`.trim(), err.data);
            throw e;
          }
        }
      }
      case 'logout': {
        const inst = await open();
        const ws = await workspaceFor(inst, v, io, json);
        const r = await inst.logout(ws.id);
        if (json) out({ ok: true, ...r });
        else
          io.stdout.write(
            r.kind === null
              ? `Not signed in to ${ws.baseUrl}.\n`
              : r.kind === 'pat'
                ? 'Forgot the personal access token on this machine; it stays valid on the server until deleted there.\n'
                : `Signed out${r.revokedOnServer ? ' (session ended on the server)' : ' here; the server could not be told'}.\n`,
          );
        return EXIT.ok;
      }
      case 'status': {
        const inst = await open();
        const ws = await workspaceFor(inst, v, io, json);
        const conn = await inst.connect(ws.id);
        const who = conn.workspace.signedInAs;
        if (json) {
          out({ ok: true, workspace: { baseUrl: ws.baseUrl, version: conn.info.version, workspaceUrl: conn.info.workspaceUrl, workspaceUrlSha256: conn.info.workspaceUrlHash, workspaceUrlSource: conn.info.workspaceUrlSource }, signedInAs: who, license: conn.license });
        } else {
          const p = paint(io);
          const lic = conn.license;
          const rows: Array<[string, string]> = [
            ['Workspace', `${ws.baseUrl}${currentWorkspace(inst)?.id === ws.id ? '  (current: --server may be left out)' : ''}`],
            ['Rocket.Chat', conn.info.version],
            ['Site URL', `${conn.info.workspaceUrl}${conn.info.workspaceUrlSource === 'guess' ? ' (from the address; sign in as admin to read the setting)' : ''}`],
            ['SHA-256', `${conn.info.workspaceUrlHash}  (for air-gapped license requests)`],
            ['Signed in', who ? `${who.username}${who.isAdmin ? ' (admin)' : ''}${who.kind === 'pat' ? ', token' : ''}` : envUser ? `as ${envUser} (from RC_USER_ID)` : 'no'],
            ['License', !lic ? '—' : !lic.known ? 'not readable' : lic.valid ? `active${lic.id ? ` ${lic.id}` : ''}${lic.seats !== null ? `, ${lic.seats} seats` : ''}${lic.validUntil ? `, until ${lic.validUntil.slice(0, 10)}` : ''}` : 'none active'],
          ];
          for (const [k, val] of rows) io.stdout.write(`${p.dim(k.padEnd(12))} ${val}\n`);
        }
        return EXIT.ok;
      }
      case 'apply': {
        const { bytes, name, size } = await licenseInput(arg, io);
        const inst = await open();
        const ws = await workspaceFor(inst, v, io, json);
        const inspection = await inst.inspect(bytes, name, ws.id, size);
        if (!json) {
          printInspection(io, inspection);
          io.stdout.write('\n');
        }
        if (inspection.replaces && !json) io.stderr.write(`${paint(io).yellow('Note:')} ${inspection.replaces.warning}\n`);
        // A failed check stops the install before anything is sent: nothing to confirm.
        const failing = inspection.checks.filter((c) => c.status === 'fail');
        if (failing.length && !v.force) {
          if (!json) {
            const canForce = !failing.some((c) => c.code === 'LICENSE_NEEDS_NEWER_SERVER');
            io.stderr.write(`${paint(io).red('Not sent:')} the ${failing.map((c) => c.name).join(' and ')} check failed (see above).${canForce ? ' If you know better than the check, run again with --force.' : ''}\n`);
          }
        } else if (!v.yes) {
          if (!io.stdin.isTTY) throw new Usage('Not a terminal, so nothing can be confirmed: pass --yes to install without asking.');
          const answer = await prompt(io, `Install license ${inspection.summary.id ?? inspection.summary.hashTail} on ${ws.name} (${ws.baseUrl})? [y/N] `);
          if (!/^y(es)?$/i.test(answer.trim())) throw new Declined('Not installed: nothing was sent.');
        }
        // Awaited here, not returned as a promise: the finally below closes the connections.
        return await runJob(io, v, json, out, (options) => inst.install(ws.id, inspection.summary.sha256, options));
      }
      case 'restore': {
        if (!arg) throw new Usage('restore needs a job id (see rc-license history).');
        const inst = await open();
        const { job, backup } = await inst.installations.backupOf(arg);
        if (!json) {
          io.stdout.write(`Job ${job.jobId} (${job.outcome}) on ${job.workspace.name ?? job.workspace.baseUrl} kept the license the workspace stored before it:\n`);
          io.stdout.write(`  ${backup.licenseId ?? 'license'} (${backup.format?.toUpperCase() ?? 'unknown format'}), SHA-256 ${backup.sha256}\n\n`);
        }
        if (!v.yes) {
          if (!io.stdin.isTTY) throw new Usage('Not a terminal, so nothing can be confirmed: pass --yes to restore without asking.');
          const answer = await prompt(io, `Restore ${backup.licenseId ?? 'this license'} on ${job.workspace.name ?? job.workspace.baseUrl}? [y/N] `);
          if (!/^y(es)?$/i.test(answer.trim())) throw new Declined('Not restored: nothing was sent.');
        }
        return await runJob(io, v, json, out, (options) => inst.restore(arg, options));
      }
      case 'use': {
        if (!arg) throw new Usage('use needs a workspace: its address or its name (see rc-license status).');
        const inst = await open();
        const { normalizeBaseUrl } = await import('./core/rocketchat/addresses');
        let target = inst.workspaces.list().find((w) => w.name === arg);
        if (!target) {
          const saved = await workspaceFor(inst, { ...v, server: normalizeBaseUrl(arg) }, io, json);
          target = inst.workspaces.get(saved.id);
        }
        const { writeFileAtomic } = await import('./core/state/files');
        writeFileAtomic(join(dirname(inst.workspaces.path), CURRENT_FILE), JSON.stringify({ workspaceId: target.id }));
        if (json) out({ ok: true, workspace: { name: target.name, baseUrl: target.baseUrl } });
        else io.stdout.write(`Using ${target.name} (${target.baseUrl}): --server is now optional.\n`);
        return EXIT.ok;
      }
      case 'verify': {
        const inst = await open();
        const jobId = arg ?? inst.history().jobs.find((j) => ['interrupted', 'unconfirmed', 'active', 'rejected'].includes(j.outcome))?.jobId;
        if (!jobId) throw new Usage('verify needs a job id: no installation that sent a license is recorded (see rc-license history).');
        const result = await inst.verify(jobId);
        if (json) out({ ok: result.outcome === 'active', jobId, result: result.outcome, headline: result.headline, reasons: result.reasons, verifiedAt: result.verifiedAt });
        else {
          const p = paint(io);
          io.stdout.write(`${(result.outcome === 'active' ? p.green : result.outcome === 'unconfirmed' || result.outcome === 'interrupted' ? p.yellow : p.red)(p.bold(result.outcome.toUpperCase()))}  ${result.headline}\n`);
          for (const r of result.reasons) io.stdout.write(`  - ${r}\n`);
          io.stdout.write(p.dim(`Job ${jobId}, verified again at ${localTime(result.verifiedAt ?? new Date().toISOString())}\n`));
        }
        return outcomeExit(result);
      }
      case 'history': {
        const inst = await open();
        const { jobs, warnings } = inst.history();
        if (json) out({ ok: true, jobs, warnings });
        else {
          for (const w of warnings) io.stderr.write(`${paint(io).yellow('Warning:')} ${w}\n`);
          if (!jobs.length) io.stdout.write('No installations yet.\n');
          else {
            const p = paint(io);
            const row = (when: string, outcome: string, license: string, ws: string, job: string) => `${when.padEnd(23)} ${outcome.padEnd(16)} ${license.padEnd(20)} ${ws.padEnd(24)} ${job}`;
            io.stdout.write(p.dim(row('WHEN (local time)', 'OUTCOME', 'LICENSE', 'WORKSPACE', 'JOB')) + '\n');
            for (const j of jobs) {
              const outcome = `${j.outcome}${j.hasBackup ? ' ↺' : ''}${j.restoreOf ? ' (restore)' : ''}`;
              io.stdout.write(row(localTime(j.startedAt), outcome, j.licenseId ?? j.sha256.slice(0, 12), j.workspace, j.jobId) + '\n');
            }
            if (jobs.some((j) => j.hasBackup)) io.stdout.write(p.dim('↺ kept the license it replaced: rc-license restore JOB\n'));
          }
        }
        return EXIT.ok;
      }
      case 'receipt': {
        if (!arg) throw new Usage('receipt needs a job id (see rc-license history).');
        const inst = await open();
        if (v.out) {
          // The format follows the file name, and a name that promises what the CLI cannot make is refused.
          const ext = /\.([a-z]+)$/i.exec(v.out)?.[1]?.toLowerCase();
          if (ext === 'pdf') throw new Usage('PDF receipts are made by the desktop app. Write --out receipt.html and print it to PDF from a browser, or --out receipt.json.');
          if (ext !== 'html' && ext !== 'htm' && ext !== 'json') throw new Usage(`--out ${v.out}: name the receipt .html or .json (the format follows the name).`);
          const { writeFileSync } = await import('node:fs');
          const { receiptJson } = await import('./core/installs/receipt');
          const content = ext === 'json' ? receiptJson(inst.job(arg), (await import('./core/app-info')).getAppInfo('cli').version) : inst.receiptHtml(arg);
          writeFileSync(v.out, content);
          if (json) out({ ok: true, path: v.out });
          else io.stdout.write(`${v.out}\n`);
        } else {
          const { path } = await inst.saveReceipt(arg, 'html');
          if (json) out({ ok: true, path });
          else io.stdout.write(`${path}\nOpen it in a web browser to read or print it (to PDF too), or copy it onto the hand-in media.\n`);
        }
        return EXIT.ok;
      }
      default:
        throw new Usage(unknownCommand(command));
    }
  } catch (e) {
    if (e instanceof Usage) {
      if (json) out({ ok: false, error: { code: 'USAGE', message: e.message } });
      else io.stderr.write(`${e.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (e instanceof Declined) {
      if (json) out({ ok: false, error: { code: 'DECLINED', message: e.message } });
      else io.stderr.write(`${e.message}\n`);
      return EXIT.declined;
    }
    return fail(toAppError(e));
  } finally {
    await (installer as Installer | null)?.close();
  }
}

/** The process entry (main/cli-bin.ts): real streams, EPIPE handled, the exit code set. */
export function runFromProcess(): void {
  // `rc-license inspect FILE | head -1`: a reader that goes away ends the command quietly, as
  // `git log | head` does, instead of a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
      throw e;
    });
  }
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`Unexpected error: ${(e as Error).message}\n`);
      process.exitCode = EXIT.unexpected;
    },
  );
}
