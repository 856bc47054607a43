// The built CLI as a subprocess against the simulator, for the CLI's test files: builds it once,
// gives each run its own home folder, stops every simulator after each test and forgets what the
// runs left in the keychain.
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/simulator';
import { sharedTestKeyPair } from '../simulator/license-factory';
import { KeytarSecretStore, KEYCHAIN_SERVICE } from '../../main/core/workspaces/secret-store';

export const CLI_PATH = join(process.cwd(), 'out/cli/rc-license.cjs');
export const REAL_KEYCHAIN = process.env.RC_TEST_KEYCHAIN === '1';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

type Env = Record<string, string | undefined>;

/** Output with every run of white space made one space: sentences wrapped to the terminal's width read whole again. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The value of one labelled row ("Label       value…", wrapped under itself), as one line. */
export function rowOf(out: string, label: string, labelWidth = 12): string | null {
  const lines = out.split('\n');
  const i = lines.findIndex((l) => l.startsWith(label));
  if (i < 0) return null;
  const rest = [lines[i].slice(labelWidth).trim()];
  for (let j = i + 1; j < lines.length && lines[j].startsWith(' '.repeat(labelWidth + 1)); j++) rest.push(lines[j].trim());
  return rest.join(' ');
}

/** The workspace part of a simulator's address, as a license names it. */
export const host = (s: Simulator) => s.url.replace(/^http:\/\//, '');

/** Registers the hooks; call once at the top of a test file. */
export function cliKit() {
  const paths = { dir: '', keyFile: '' };
  const sims: Simulator[] = [];
  beforeAll(() => {
    // Test the CLI built from the current source.
    const b = spawnSync(process.execPath, ['scripts/build.mjs', 'main'], { encoding: 'utf8' });
    if (b.status !== 0) throw new Error(b.stderr);
    paths.dir = mkdtempSync(join(tmpdir(), 'rc-cli-'));
    paths.keyFile = join(paths.dir, 'test-key.pem');
    writeFileSync(paths.keyFile, sharedTestKeyPair().publicKeyPem);
  });
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });
  afterAll(async () => {
    if (REAL_KEYCHAIN) {
      const store = new KeytarSecretStore({ service: KEYCHAIN_SERVICE });
      for (const a of await store.list()) if (a.startsWith('http://127.0.0.1:')) await store.delete(a);
    }
    rmSync(paths.dir, { recursive: true, force: true });
  });

  async function sim(o: SimulatorOptions = {}) {
    const s = await startSimulator({ validationDelayMs: 20, ...o });
    sims.push(s);
    return s;
  }

  function home() {
    return mkdtempSync(join(paths.dir, 'home-'));
  }

  function envFor(o: { env?: Env; home?: string }): NodeJS.ProcessEnv {
    // English unless a test asks for a language (the machine's own LANG must not change what tests read).
    const env: Env = { ...process.env, RC_LICENSE_HOME: o.home ?? home(), RC_LICENSE_PUBLIC_KEY: paths.keyFile, NO_COLOR: '1', RC_LICENSE_LANG: 'en', ...o.env };
    for (const [k, val] of Object.entries(env)) if (val === undefined) delete env[k];
    return env as NodeJS.ProcessEnv;
  }

  function cli(args: string[], o: { stdin?: string; env?: Env; home?: string } = {}): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI_PATH, ...args], { env: envFor(o) });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.stdin.end(o.stdin ?? '');
      child.on('close', (code) => {
        let json = {};
        try {
          json = JSON.parse(stdout);
        } catch {
          /* human output */
        }
        resolve({ code: code ?? -1, stdout, stderr, json });
      });
    });
  }

  function file(name: string, text: string) {
    const path = join(paths.dir, name);
    writeFileSync(path, text);
    return path;
  }

  /**
   * The CLI in a real pseudo-terminal (util-linux `script`), typed at as a technician would: wait for
   * each prompt, type the answer.
   */
  function terminal(args: string[], o: { env?: Env; home?: string } = {}) {
    const command = [process.execPath, CLI_PATH, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: envFor(o) });
    let output = '';
    let seen = 0;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const done = new Promise<{ code: number; output: string }>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, output })));
    return {
      /** Waits until the output since the last match shows `re`. */
      async see(re: RegExp): Promise<void> {
        await vi.waitFor(
          () => {
            const rest = output.slice(seen);
            const m = re.exec(rest);
            if (!m) throw new Error(`waiting for ${re} in: ${JSON.stringify(output.slice(-300))}`);
            seen += m.index + m[0].length;
          },
          { timeout: 10_000, interval: 25 },
        );
      },
      type(text: string) {
        child.stdin.write(text);
      },
      async end() {
        child.stdin.end();
        return done;
      },
      done,
    };
  }

  return { paths, sim, home, cli, file, terminal };
}
