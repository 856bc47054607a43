// `npm run bench`: every performance figure against its budget (DESIGN "Budgets"), measured the
// same way each time. It reports; it never fails the build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startSimulator } from '../e2e/simulator/simulator';
import { licenseV2Payload, licenses, sharedTestKeyPair, signV2, signV3 } from '../e2e/simulator/license-factory';
import { decodeLicense } from '../main/core/license/license';
import { makeKey, rocketChatKey } from '../main/core/license/license-decode';
import { Transport } from '../main/core/rocketchat/http';
import { RocketChatClient } from '../main/core/rocketchat/rocketchat-client';
import { installLicense } from '../main/core/installs/install-flow';
import { createHandlers } from '../main/core/handlers';
import { MemorySecretStore } from '../main/core/workspaces/secret-store';
import { installBridge } from '../e2e/bridge/bridge';
import { serveRenderer } from '../e2e/bridge/serve-renderer';
import { COMMANDS, commandNamed } from '../main/cli/registry';

const CLI = 'out/cli/rc-license.cjs';
/** The arguments of one `rc-license` run; the command must be one the registry has (the bench
 * names no command of its own). */
function rcLicense(command: string, ...rest: string[]): string[] {
  if (!commandNamed(command)) throw new Error(`rc-license has no command "${command}" (main/cli/registry.ts)`);
  return [CLI, command, ...rest];
}

interface Figure {
  figure: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  budget: number | null;
  runs: number;
  note?: string;
  /** A start-up figure against a bare `node -e 0` timed in the same loop (this machine is shared
   * and noisy: absolute times move by ±30 % between runs, the ratio much less). */
  against?: { bare: number; ratio: number; difference: number; target: string; within: boolean };
}

const figures: Figure[] = [];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function record(figure: string, unit: string, samples: number[], budget: number | null, note?: string) {
  figures.push({ figure, unit, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), budget, runs: samples.length, note });
  process.stderr.write(`  measured: ${figure}\n`);
}
const tmp = mkdtempSync(join(tmpdir(), 'rc-bench-'));
const keyFile = join(tmp, 'key.pem');
writeFileSync(keyFile, sharedTestKeyPair().publicKeyPem);
const keys = [rocketChatKey(), makeKey(sharedTestKeyPair().publicKeyPem, 'custom')];

function build() {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

async function rendererSize() {
  const dir = 'out/renderer/assets';
  const files = readdirSync(dir);
  const read = (names: string[]) => names.map((f) => readFileSync(join(dir, f)));
  const bytes = (bs: Buffer[]) => bs.reduce((a, b) => a + b.length, 0) / 1024;
  const gz = (bs: Buffer[]) => bs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0) / 1024;
  // What the first paint loads: the page's script and the chunks it preloads. Views opened later
  // (History, About, the installation's panel) and the languages are chunks of their own.
  const html = readFileSync('out/renderer/index.html', 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const js = read(first);
  const css = read(files.filter((f) => f.endsWith('.css')));
  const all = read(files.filter((f) => f.endsWith('.js')));
  record('renderer JS at first paint, gzipped', 'KB', [gz(js)], 40, `${bytes(js).toFixed(1)} KB raw; ${gz(all).toFixed(1)} KB for every chunk and language`);
  record('renderer CSS, gzipped', 'KB', [gz(css)], null, `${bytes(css).toFixed(1)} KB raw`);
  // Each language is loaded when chosen: the window's words and (not English) the core's sentences.
  const catalogs = files.filter((f) => /^(en|pt-BR|de|es|fr|ar)-[\w-]+\.js$/.test(f));
  const perLanguage = ['en', 'pt-BR', 'de', 'es', 'fr', 'ar'].map((l) => `${l} ${gz(read(catalogs.filter((f) => f.startsWith(`${l}-`)))).toFixed(1)}`);
  record('a language, loaded when chosen, gzipped', 'KB', [gz(read(catalogs.filter((f) => f.startsWith('de-'))))], null, `German shown; ${perLanguage.join(', ')} (two files each but English: the window's words and the core's sentences)`);
}

async function decode() {
  for (const [name, text] of [
    ['V3', await signV3(licenses.seats('chat.acme.lan', 100))],
    ['V2', signV2(licenseV2Payload({ url: 'chat.acme.lan' }))],
  ] as const) {
    for (let i = 0; i < 200; i++) await decodeLicense(text, keys);
    const samples: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const t = performance.now();
      await decodeLicense(text, keys);
      samples.push(performance.now() - t);
    }
    record(`license decode + summarize, ${name}`, 'ms', samples, 5);
  }
}

/** Runs a child to its end: how long it took, its exit code, and what it wrote to stderr when asked. */
function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, keepStderr = false): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((done, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', keepStderr ? 'pipe' : 'ignore'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ ms: performance.now() - t, code, stderr }));
  });
}

const run = async (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> => (await runChild(cmd, args, env)).ms;

/** The sources esbuild put in each CLI chunk (scripts/build.mjs writes out/cli/meta.json). */
function chunkContents(): Map<string, string> {
  const meta = JSON.parse(readFileSync('out/cli/meta.json', 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const names = new Map<string, string>();
  for (const [file, output] of Object.entries(meta.outputs)) {
    const by = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 3).join('/');
      by.set(pkg, (by.get(pkg) ?? 0) + bytesInOutput);
    }
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k]) => k);
    names.set(file.split('/').pop()!, top.join(' + ') || 'runtime');
  }
  return names;
}

/**
 * Where one run's start-up goes: Node's `--cpu-prof` samples summed by script, each bundle chunk
 * named by the sources it holds — so a figure that grows names its cause ("undici 31 ms").
 */
async function startupProfile(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const dir = mkdtempSync(join(tmp, 'prof-'));
  await run(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250', ...args], env);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return 'no profile written';
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
    samples: number[];
    timeDeltas: number[];
  };
  const chunks = chunkContents();
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Each sample goes to the innermost chunk of ours on its stack (so a chunk's share includes the
  // built-in modules it requires and the chunks it loads), else to Node's own start-up.
  const ownerOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const base = byId.get(at)!.callFrame.url.split('/').pop()!;
      if (chunks.has(base)) return `${chunks.get(base)} (${base.replace(/-[A-Z0-9]{8}\.cjs$/, '')})`;
    }
    const frame = byId.get(id)!.callFrame;
    return frame.url ? 'Node start-up' : `(${frame.functionName || 'program'})`;
  };
  const ms = new Map<string, number>();
  prof.samples.forEach((id, i) => {
    const key = ownerOf(id);
    ms.set(key, (ms.get(key) ?? 0) + prof.timeDeltas[i] / 1000);
  });
  rmSync(dir, { recursive: true, force: true });
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  const top = [...ms].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 4);
  return `profiled ${total.toFixed(0)} ms: ${top.map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`;
}

const bareRuns: number[] = [];

/**
 * One CLI start-up figure: the command and a bare `node -e 0` in turn, so both see the same
 * machine; judged by `target` against that bare run, with where its time goes beside it.
 */
async function startupFigure(figure: string, args: string[], env: NodeJS.ProcessEnv, target: { times: number } | { plus: number }, runs = 11) {
  await run(process.execPath, args, env); // the file cache warm, as on a second run on site
  const own: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await run(process.execPath, ['-e', '0'], env));
    own.push(await run(process.execPath, args, env));
  }
  bareRuns.push(...bare);
  const b = median(bare);
  const m = median(own);
  const against = {
    bare: b,
    ratio: m / b,
    difference: m - b,
    target: 'times' in target ? `≤ ${target.times}× bare` : `≤ bare + ${target.plus} ms`,
    within: 'times' in target ? m / b <= target.times : m - b <= target.plus,
  };
  figures.push({ figure, unit: 'ms', median: m, min: Math.min(...own), max: Math.max(...own), budget: null, runs, note: await startupProfile(args, env), against });
  process.stderr.write(`  measured: ${figure}\n`);
}

async function cliStartup() {
  const lic = join(tmp, 'license.lic');
  writeFileSync(lic, await signV3(licenses.seats('chat.acme.lan', 100)));
  const env = { RC_LICENSE_PUBLIC_KEY: keyFile, RC_LICENSE_HOME: tmp };
  await startupFigure('rc-license --help', [CLI, '--help'], env, { times: 1.15 });
  await startupFigure('rc-license inspect FILE', rcLicense('inspect', lic), env, { plus: 40 });
  // Every command's own help, from the registry: a command whose module grew slow to load shows here.
  const each: number[] = [];
  for (const c of COMMANDS) each.push(await run(process.execPath, [CLI, 'help', c.name], env));
  record(`rc-license help <command>, each of the ${COMMANDS.length} commands once`, 'ms', each, null);
}

async function flowOverhead() {
  const s = await startSimulator({ version: '8.8.0', validationDelayMs: 0 });
  try {
    const text = await signV3(licenses.seats(s.url.replace(/^http:\/\//, ''), 100));
    const loaded = { ...(await decodeLicense(text, keys)), source: null };
    const { userId, authToken } = s.login('admin');
    const transport = new Transport({ baseUrl: s.url });
    const client = new RocketChatClient(transport, { userId, authToken });
    const flow: number[] = [];
    for (let i = 0; i < 25; i++) {
      s.state.active = null;
      s.state.setting = ''; // else the same text again is (rightly) a no-op: already-rejected
      const r = await installLicense({ client, license: loaded, waitSeconds: 5, sleep: (ms) => new Promise((res) => setTimeout(res, Math.min(ms, 5))) });
      if (r.outcome !== 'active') throw new Error(`flow ended ${r.outcome}`);
      // Verification excluded: every step up to and including licenses.add.
      flow.push(r.steps.filter((st) => st.step !== 'verify').reduce((a, st) => a + (st.durationMs ?? 0), 0));
    }
    await transport.close();
    const body = JSON.stringify({ license: text });
    const curl: number[] = [];
    const hasCurl = spawnSync('curl', ['--version']).status === 0;
    if (hasCurl) {
      for (let i = 0; i < 25; i++) {
        curl.push(
          await run('curl', ['-s', '-o', '/dev/null', '-H', `X-User-Id: ${userId}`, '-H', `X-Auth-Token: ${authToken}`, '-H', 'Content-Type: application/json', '--data-binary', body, `${s.url}/api/v1/licenses.add`]),
        );
      }
    }
    const floor = hasCurl ? median(curl) : NaN;
    record('install flow up to licenses.add (verification excluded), loopback', 'ms', flow, 100, hasCurl ? `bare curl licenses.add: ${floor.toFixed(1)} ms → ${(median(flow) / floor).toFixed(1)}× the floor, for 7 requests instead of 1` : 'curl not installed: no floor');
    if (hasCurl) record('bare curl licenses.add (the floor)', 'ms', curl, null);
  } finally {
    await s.stop();
  }
}

async function browser() {
  const server = await serveRenderer(resolve('out/renderer'));
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browserInstance = await chromium.launch({
    executablePath: existsSync(exe) ? exe : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const interactive: number[] = [];
    const toScript: number[] = [];
    const toMounted: number[] = [];
    const drops: number[] = [];
    const license = await signV3(licenses.seats('chat.acme.lan', 100));
    for (let i = 0; i < 9; i++) {
      const page = await browserInstance.newPage();
      const dataDir = mkdtempSync(join(tmp, 'data-'));
      await installBridge(page, createHandlers({ shell: 'browser-bridge', keychain: new MemorySecretStore(), dataDir, licenseKeys: keys }), server.url);
      await page.goto(server.url + '/index.html');
      await page.waitForFunction(() => performance.getEntriesByName('renderer-interactive').length > 0);
      const phases = await page.evaluate(() => ({
        interactive: performance.getEntriesByName('renderer-interactive')[0].startTime,
        script: performance.getEntriesByName('renderer-start')[0].startTime,
        mounted: performance.getEntriesByName('renderer-mounted')[0]?.startTime ?? NaN,
      }));
      interactive.push(phases.interactive);
      toScript.push(phases.script);
      toMounted.push(phases.mounted - phases.script);
      for (let j = 0; j < 4; j++) {
        const ms = await page.evaluate(async (text) => {
          const zone = document.querySelector('[data-testid="dropzone"]')!;
          const dt = new DataTransfer();
          dt.items.add(new File([text], 'license.lic'));
          const t0 = performance.now();
          for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
          // (No named inner functions here: the runner's transform would wrap them in a helper the page lacks.)
          while (!document.querySelector('[data-testid="license-summary"]')) await new Promise((r) => requestAnimationFrame(r));
          const t1 = performance.now();
          (document.querySelector('button.link') as HTMLButtonElement | null)?.click(); // Clear
          await new Promise((r) => requestAnimationFrame(r));
          return t1 - t0;
        }, license);
        drops.push(ms);
      }
      await page.close();
    }
    record('drop-to-summary in the browser bridge', 'ms', drops, 30, 'includes the bridge round trip Electron IPC replaces');
    record(
      'renderer time to interactive',
      'ms',
      interactive,
      250,
      `page and script loaded ${median(toScript).toFixed(0)} ms, script to first render ${median(toMounted).toFixed(0)} ms, then the saved workspaces over the bridge ${(median(interactive) - median(toScript) - median(toMounted)).toFixed(0)} ms`,
    );
  } finally {
    await browserInstance.close();
    await server.close();
  }
}

async function startup() {
  // The Electron entry with a stand-in `electron` module: from process start to the moment a
  // BrowserWindow would be created (imports, services, IPC registration).
  const stub = join(tmp, 'electron-stub.cjs');
  writeFileSync(
    stub,
    `const Module = require('module'); const t0 = Number(process.env.BENCH_T0);
const noop = () => {}; const fake = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : fake), apply: () => fake, construct: () => fake });
const electron = {
  app: { isPackaged: false, requestSingleInstanceLock: () => true, on: noop, whenReady: () => Promise.resolve(), getPath: () => ${JSON.stringify(tmp)}, setPath: noop, getAppPath: () => process.cwd(), quit: noop },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  BrowserWindow: class { constructor() { process.stdout.write(JSON.stringify({ withBoot: performance.timeOrigin + performance.now() - t0, app: performance.now() - globalThis.__appStart })); process.exit(0); } },
  ipcMain: { handle: noop }, Menu: { setApplicationMenu: noop, buildFromTemplate: () => ({}) },
  protocol: { registerSchemesAsPrivileged: noop, handle: noop },
  session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, webRequest: { onBeforeRequest: noop } } },
  dialog: fake, clipboard: fake,
};
const resolve = Module._resolveFilename; Module._resolveFilename = function (r, ...a) { return r === 'electron' ? 'electron' : resolve.call(this, r, ...a); };
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: electron };
globalThis.__appStart = performance.now();`,
  );
  const app: number[] = [];
  const withBoot: number[] = [];
  for (let i = 0; i < 11; i++) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['-r', stub, 'out/main/main.cjs'], { env: { ...process.env, BENCH_T0: String(t0), RC_LICENSE_HOME: tmp }, encoding: 'utf8' });
    let m: { withBoot: number; app: number };
    try {
      m = JSON.parse(r.stdout);
    } catch {
      throw new Error(`start-up probe failed: ${r.stderr}`);
    }
    if (i > 0) {
      app.push(m.app);
      withBoot.push(m.withBoot);
    }
  }
  record('main-process start-up work before the window (imports, services, IPC)', 'ms', app, 150, `${median(withBoot).toFixed(0)} ms from process spawn, with Node's own boot`);
}

/** A preload (`node -r`) that writes the process's peak RSS (KB) to $BENCH_RSS_FILE as it exits,
 * and beside it ($BENCH_RSS_FILE.json) what the process holds then, by kind. */
function rssProbe(): string {
  const probe = join(tmp, 'rss-probe.cjs');
  writeFileSync(
    probe,
    `process.on('exit', () => { const fs = require('fs'); fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); fs.writeFileSync(process.env.BENCH_RSS_FILE + '.json', JSON.stringify(process.memoryUsage())); });`,
  );
  return probe;
}

/** What a process held as it exited, by kind: a memory figure that grows says where. */
function heldAtExit(rssFile: string): string {
  const m = JSON.parse(readFileSync(`${rssFile}.json`, 'utf8')) as NodeJS.MemoryUsage;
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  return `at exit: JS heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, buffers ${mb(m.arrayBuffers)}, other native ${mb(m.external - m.arrayBuffers)}; the rest of the peak is Node itself, compiled code and WebAssembly (undici's parser: the CLI keeps it on V8's baseline compiler, about 37 MB less)`;
}

async function applyRss() {
  const s = await startSimulator({ version: '8.8.0', validationDelayMs: 0 });
  try {
    const lic = join(tmp, 'apply.lic');
    const probe = rssProbe();
    const samples: number[] = [];
    let held = '';
    for (let i = 0; i < 5; i++) {
      s.state.active = null;
      s.state.setting = ''; // else the same text again is (rightly) a no-op: already-rejected
      writeFileSync(lic, await signV3(licenses.seats(s.url.replace(/^http:\/\//, ''), 100)));
      const { userId, authToken } = s.login('admin');
      const rssFile = join(tmp, `rss-${i}`);
      const home = mkdtempSync(join(tmp, 'home-'));
      const exit = await runChild(process.execPath, ['-r', probe, ...rcLicense('apply', lic, '--server', s.url, '--yes', '--wait', '10')], {
        RC_USER_ID: userId,
        RC_AUTH_TOKEN: authToken,
        RC_LICENSE_HOME: home,
        RC_LICENSE_PUBLIC_KEY: keyFile,
        BENCH_RSS_FILE: rssFile,
      }, true);
      // The whole installation, to Active: a run that failed early would measure less than it does.
      if (exit.code !== 0) throw new Error(`rc-license apply ended with exit ${exit.code}: ${exit.stderr.slice(0, 500)}`);
      samples.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
      held = heldAtExit(rssFile);
    }
    record('peak RSS of rc-license apply', 'MB', samples, 70, held);
  } finally {
    await s.stop();
  }
}

/** Soak (reliability issue, item 7): 300 sequential `rc-license apply` runs with mixed outcomes on
 * one data folder: the job log stays readable and the CLI's peak memory does not grow. */
async function soak() {
  const RUNS = Number(process.env.BENCH_SOAK_RUNS ?? 300);
  const s = await startSimulator({ version: '8.8.0', validationDelayMs: 0 });
  const home = mkdtempSync(join(tmp, 'soak-'));
  const probe = rssProbe();
  const host = s.url.replace(/^http:\/\//, '');
  const { userId, authToken } = s.login('admin');
  const env = { RC_USER_ID: userId, RC_AUTH_TOKEN: authToken, RC_LICENSE_HOME: home, RC_LICENSE_PUBLIC_KEY: keyFile };
  const files = {
    good: join(tmp, 'soak-good.lic'),
    other: join(tmp, 'soak-other.lic'),
  };
  writeFileSync(files.good, await signV3(licenses.seats(host, 100)));
  writeFileSync(files.other, await signV3(licenses.boundTo('chat.elsewhere.lan', { id: 'SOAK-ELSEWHERE' })));
  const exits = new Map<number, number>();
  const rss: number[] = [];
  const ms: number[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      // Mixed: a fresh good license (active), the same again (already active), another URL's
      // license refused before sending (exit 4), and the same forced (rejected, then restored next).
      const kind = i % 4;
      if (kind === 1) {
        s.state.active = null;
        s.state.setting = '';
        writeFileSync(files.good, await signV3(licenses.seats(host, 100 + i)));
      }
      const args = ['-r', probe, ...rcLicense('apply', kind === 3 || kind === 0 ? files.other : files.good, '--server', s.url, '--yes', '--wait', '10', ...(kind === 0 ? ['--force'] : []))];
      const rssFile = join(tmp, 'soak-rss');
      const child = await runChild(process.execPath, args, { ...env, BENCH_RSS_FILE: rssFile });
      ms.push(child.ms);
      const code = child.code ?? -1;
      exits.set(code, (exits.get(code) ?? 0) + 1);
      rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
      if (i % 50 === 0) process.stderr.write(`    soak: ${i}/${RUNS}\n`);
    }
    const history = spawnSync(process.execPath, rcLicense('history', '--json'), { env: { ...process.env, ...env }, encoding: 'utf8' });
    const listed = JSON.parse(history.stdout) as { jobs: unknown[]; warnings: string[] };
    const summary = [...exits].sort((a, b) => a[0] - b[0]).map(([c, n]) => `exit ${c}×${n}`).join(', ');
    if (listed.jobs.length < RUNS * 0.5 || listed.warnings.length) throw new Error(`soak: the job log reads back ${listed.jobs.length} jobs, warnings ${JSON.stringify(listed.warnings)}`);
    record('soak: rc-license apply, one run of the 300', 'ms', ms, null, `${RUNS} runs: ${summary}; history reads back ${listed.jobs.length} jobs, no warning`);
    // The four kinds of run differ in peak memory (a forced send and its restore do more than a
    // refusal), so each kind is compared with itself: runs 9–28 against the last 20, per kind.
    if (process.env.BENCH_SOAK_DUMP) writeFileSync(process.env.BENCH_SOAK_DUMP, JSON.stringify(rss));
    const byKind = [1, 2, 3, 0].map((kind) => {
      const of = (from: number, to: number) => rss.map((v, i) => ({ v, run: i + 1 })).filter((r) => r.run >= from && r.run <= to && r.run % 4 === kind).map((r) => r.v);
      const early = median(of(9, 28));
      const late = median(of(RUNS - 19, RUNS));
      return { kind, early, late, growth: late - early };
    });
    const worst = byKind.reduce((a, b) => (b.growth > a.growth ? b : a));
    const names: Record<number, string> = { 1: 'new license', 2: 'same again', 3: 'refused', 0: 'forced' };
    record(
      'soak: peak RSS growth, runs 10 → 300',
      'MB',
      [worst.growth],
      5,
      `per kind of run, median of runs 9–28 → last 20: ${byKind.map((k) => `${names[k.kind]} ${k.early.toFixed(1)} → ${k.late.toFixed(1)} MB`).join(', ')}; largest growth: ${names[worst.kind]}`,
    );
  } finally {
    await s.stop();
  }
}

/** A history of 1 000 jobs, read by the core, the CLI and the History view. */
async function history() {
  const big = mkdtempSync(join(tmp, 'history-'));
  const { JobLog } = await import('../main/core/installs/job-log');
  const { jobRecord } = await import('../e2e/support/job-fixture');
  const log = new JobLog(big);
  const outcomes = ['active', 'rejected', 'blocked', 'unconfirmed', 'already-active', 'failed', 'interrupted'] as const;
  for (let i = 0; i < 1000; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString();
    log.append(jobRecord(`20260101-${String(i).padStart(6, '0')}-${(i % 65536).toString(16).padStart(4, '0')}`, { outcome: outcomes[i % outcomes.length], startedAt: at, finishedAt: at, workspace: { id: `w${i % 5}`, name: `Plant ${i % 5}`, baseUrl: 'https://chat.example', version: '8.8.0', workspaceUrl: 'chat.example', workspaceUrlSource: 'server' } }));
  }
  const core: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    if (new JobLog(big).list().jobs.length !== 1000) throw new Error('history of 1000 jobs does not read back');
    core.push(performance.now() - t);
  }
  record('history of 1 000 jobs: read and summarized (core)', 'ms', core, 100);
  await startupFigure('rc-license history (1 000 jobs)', rcLicense('history'), { RC_LICENSE_HOME: big }, { plus: 60 });
  // The command's own time, from argv to the last line written (in this process, so without
  // Node's start-up and the bundle's load, which `rc-license --help` measures).
  const { main: cliMain } = await import('../main/cli/index');
  const { PassThrough, Readable } = await import('node:stream');
  const inProcess: number[] = [];
  for (let i = 0; i < 10; i++) {
    const out = new PassThrough();
    let lines = 0;
    out.on('data', (d: Buffer) => (lines += d.toString().split('\n').length - 1));
    const t = performance.now();
    const exit = await cliMain(['history'], { stdout: out, stderr: new PassThrough(), stdin: Readable.from([]), env: { RC_LICENSE_HOME: big, NO_COLOR: '1' } });
    inProcess.push(performance.now() - t);
    if (exit !== 0 || lines < 1000) throw new Error(`rc-license history printed ${lines} lines, exit ${exit}`);
  }
  record('history of 1 000 jobs: rc-license history, the command itself', 'ms', inProcess, 100, 'argv to the last line, without Node start-up');
  await historyView(big);
}

/** The History view with 1 000 jobs: from the click on History to its rows on screen. */
async function historyView(dataDir: string) {
  const server = await serveRenderer(resolve('out/renderer'));
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browserInstance = await chromium.launch({ executablePath: existsSync(exe) ? exe : undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  try {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browserInstance.newPage();
      await installBridge(page, createHandlers({ shell: 'browser-bridge', keychain: new MemorySecretStore(), dataDir, licenseKeys: keys }), server.url);
      await page.goto(server.url + '/index.html');
      // The window reads the history after start-up; a technician opens History seconds later.
      await page.waitForFunction(() => performance.getEntriesByName('history-ready').length > 0);
      samples.push(
        await page.evaluate(async () => {
          const t0 = performance.now();
          [...document.querySelectorAll('nav button')].find((b) => b.textContent === 'History')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          while (document.querySelectorAll('[data-testid="history"] tbody tr, [data-testid="history-row"]').length < 50) await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - t0;
        }),
      );
      await page.close();
    }
    record('history of 1 000 jobs: History view, click to rows (browser bridge)', 'ms', samples, 100, 'the history is read after start-up; the view draws it, then reads it again behind the rows');
  } finally {
    await browserInstance.close();
    await server.close();
  }
}

async function simulatorStart() {
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const s = await startSimulator({ version: '8.8.0' });
    samples.push(performance.now() - t);
    await s.stop();
  }
  record('simulator start (for tests)', 'ms', samples, 1000);
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes('--no-build')) build();
  process.stderr.write('Measuring…\n');
  // BENCH_ONLY=soak (or history, or another name) measures one part; results.json is then not rewritten.
  const parts: Record<string, () => Promise<void>> = { rendererSize, decode, cliStartup, flowOverhead, browser, startup, applyRss, simulatorStart, soak, history };
  const only = process.env.BENCH_ONLY;
  for (const [name, part] of Object.entries(parts)) if (!only || only === name) await part();

  if (bareRuns.length) record('bare `node -e 0`, the baseline of every start-up figure', 'ms', bareRuns, null);
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const rows = figures.map((f) => [
    f.figure,
    f.against ? `${fmt(f.median)} ms = ${f.against.ratio.toFixed(2)}× bare, +${f.against.difference.toFixed(0)} ms` : `${fmt(f.median)} ${f.unit}`,
    `${fmt(f.min)}–${fmt(f.max)}`,
    f.against ? f.against.target : f.budget === null ? '—' : `≤ ${f.budget} ${f.unit}`,
    f.against ? (f.against.within ? 'within' : 'OVER') : f.budget === null ? 'report' : f.median <= f.budget ? 'within' : 'OVER',
    String(f.runs),
  ]);
  const head = ['figure', 'median', 'min–max', 'budget', '', 'runs'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const f of figures.filter((x) => x.note)) console.log(`  · ${f.figure}: ${f.note}`);
  if (only) {
    // One part measured again: its figures replace those of the same name in bench/results.json.
    if (existsSync('bench/results.json')) {
      const kept = JSON.parse(readFileSync('bench/results.json', 'utf8')) as { figures: Figure[] };
      const fresh = new Map(figures.map((f) => [f.figure, f]));
      kept.figures = [...kept.figures.map((f) => fresh.get(f.figure) ?? f), ...figures.filter((f) => !kept.figures.some((k) => k.figure === f.figure))];
      writeFileSync('bench/results.json', JSON.stringify(kept, null, 2) + '\n');
    }
    rmSync(tmp, { recursive: true, force: true });
    return;
  }
  mkdirSync('bench', { recursive: true });
  // Keep what `npm run mutate` recorded beside the figures.
  const previous = existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as { mutation?: unknown }) : {};
  writeFileSync(
    'bench/results.json',
    JSON.stringify(
      { measuredAt: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, seconds: (Date.now() - started) / 1000, figures, mutation: previous.mutation },
      null,
      2,
    ) + '\n',
  );
  console.log(`\n${figures.length} figures in ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/results.json`);
  rmSync(tmp, { recursive: true, force: true });
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
