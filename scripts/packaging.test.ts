// The packaging config, checked here where installers cannot be built: against electron-builder's
// own schema, its fuses, and an unpacked Linux build made with a stand-in Electron distribution.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';
import Ajv from 'ajv';

const require = createRequire(__filename);
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped fuse defaults, wire v1: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// inspect on, asar integrity off, only-asar off, v8 snapshot off, file protocol on, wasm traps on.
const ELECTRON_DEFAULT_WIRE = '101100011';

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = require('app-builder-lib/scheme.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a wrong key is caught by the same check', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(require('app-builder-lib/scheme.json'));
    expect(validate({ ...config, asarUnpak: ['**/*.node'] })).toBe(false);
  });

  it('flips the fuses that close Node-level back doors', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('never publishes or updates, and declares the keychain library on Debian', () => {
    expect(config.publish).toBeNull();
    expect((config.deb as { depends: string[] }).depends).toContain('libsecret-1-0');
    expect(JSON.stringify(config)).not.toMatch(/electron-updater|autoUpdate/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['@github/keytar']);
  });

  it('ships no Linux target that cannot start sandboxed on Ubuntu 24.04+ (a hand-unpacked tar.gz)', () => {
    const targets = (config.linux as { target: string[] }).target;
    expect(targets).toEqual(['deb', 'rpm', 'AppImage']);
    const releasing = readFileSync('docs/RELEASING.md', 'utf8');
    expect(releasing).toContain('Never run it with `--no-sandbox`.');
    // Electron verifies asar integrity on macOS and Windows only: the guide must not promise it on Linux.
    expect(releasing).toContain('**Asar integrity is checked on macOS and Windows only.**');
  });
});

describe('npm run dist: SHA256SUMS', () => {
  it('lists every installer so `sha256sum -c` verifies the media offline', () => {
    const dist = mkdtempSync(join(tmpdir(), 'rc-sums-'));
    try {
      writeFileSync(join(dist, 'app_0.1.0_amd64.deb'), 'deb bytes');
      writeFileSync(join(dist, 'App Setup 0.1.0.exe'), 'exe bytes');
      writeFileSync(join(dist, 'builder-debug.yml'), 'not an installer');
      const r = spawnSync(process.execPath, ['scripts/checksums.mjs', dist], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const sums = readFileSync(join(dist, 'SHA256SUMS'), 'utf8');
      expect(sums.trim().split('\n').map((l) => l.split('  ')[1])).toEqual(['App Setup 0.1.0.exe', 'app_0.1.0_amd64.deb']);
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dist, encoding: 'utf8' });
      expect(check.status).toBe(0);
      writeFileSync(join(dist, 'app_0.1.0_amd64.deb'), 'tampered');
      expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dist, encoding: 'utf8' }).status).not.toBe(0);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('an unpacked Linux build with a stand-in Electron', () => {
  let work: string;
  let unpacked: string;

  beforeAll(async () => {
    if (!existsSync('out/main/main.cjs') || !existsSync('out/renderer/index.html')) {
      const b = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
      if (b.status !== 0) throw new Error(b.stderr);
    }
    work = mkdtempSync(join(tmpdir(), 'rc-pack-'));
    // A stand-in "electron" with the fuse wire where the real binary has it, so the packager's
    // fuse flipping runs for real.
    const dist = join(work, 'electron-dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in\n'), Buffer.alloc(64), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE), Buffer.alloc(64)]));
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'version'), require('electron/package.json').version);
    const { build, Platform } = require('electron-builder');
    await build({
      targets: Platform.LINUX.createTarget('dir'),
      config: { ...config, electronDist: dist, directories: { ...(config.directories as object), output: join(work, 'dist') } },
      publish: 'never',
    });
    unpacked = join(work, 'dist', 'linux-unpacked');
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('puts the built app in app.asar and nothing it does not need', async () => {
    const asar = require('@electron/asar');
    const archive = join(unpacked, 'resources', 'app.asar');
    const files: string[] = asar.listPackage(archive, {}).map((f: string) => f.replace(/\\/g, '/'));
    for (const needed of ['/package.json', '/out/main/main.cjs', '/out/main/preload.cjs', '/out/renderer/index.html']) expect(files).toContain(needed);
    // The window's entry and the views it loads later (History, About): exactly the built ones.
    const built = readdirSync('out/renderer/assets').filter((f) => f.endsWith('.js'));
    expect(built.filter((f) => f.startsWith('index-'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('/out/renderer/assets/') && f.endsWith('.js')).sort()).toEqual(built.map((f) => `/out/renderer/assets/${f}`).sort());
    expect(files.filter((f) => /\.(ts|mts|map)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /\.test\.|\/e2e\/|\/scripts\/|\/main\/core\//.test(f))).toEqual([]);
    expect(files.filter((f) => /node_modules\/(vitest|svelte|vite|electron|typescript|playwright|zod|undici|jose)\//.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('/out/cli/'))).toBe(false);
    expect(statSync(archive).size).toBeLessThan(5 * 1024 * 1024);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString());
    expect(pkg.main).toBe('out/main/main.cjs');
  });

  it('unpacks the keychain module’s native binary beside the archive', () => {
    const native = join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', '@github', 'keytar', 'build', 'Release', 'keytar.node');
    expect(existsSync(native)).toBe(true);
  });

  it('flips the fuses in the packaged executable', async () => {
    const exe = join(unpacked, 'rc-license-installer');
    expect(existsSync(exe)).toBe(true);
    const bytes = readFileSync(exe);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
    const wire = bytes.subarray(at, at + ELECTRON_DEFAULT_WIRE.length).toString();
    // RunAsNode off, cookies encrypted, NODE_OPTIONS off, --inspect off, asar integrity on,
    // only the asar, no separate V8 snapshot, no extra file:// privileges, wasm traps unchanged.
    expect(wire).toBe('010011001');
  });
});
