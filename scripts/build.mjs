// Builds main and preload with esbuild (one file each: a sandboxed preload cannot require local
// modules), the CLI in chunks (below), then the renderer with Vite.
import { build, transform } from 'esbuild';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv[2];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Native keychain module and Electron itself are loaded at run time, never bundled.
  external: ['electron', '@github/keytar'],
};

if (!only || only === 'main') {
  rmSync('out/main', { recursive: true, force: true });
  rmSync('out/cli', { recursive: true, force: true });
  await build({ ...common, entryPoints: { main: 'main/app.ts' }, outdir: 'out/main', outExtension: { '.js': '.cjs' } });
  // A sandboxed preload may require only electron and a few built-ins: everything else is bundled.
  await build({
    ...common,
    entryPoints: { preload: 'main/preload.ts' },
    outdir: 'out/main',
    outExtension: { '.js': '.cjs' },
    target: 'chrome130',
  });
  // rc-license: split into chunks so that each command parses only the code it uses (a single file
  // is compiled whole on every start: `--help` would compile undici). esbuild splits only ESM, and
  // Node's ESM loader alone costs ~10 % of a bare start (perf issue), so each chunk is then turned
  // into CommonJS: static imports become require(), import() a require() when first needed.
  const cli = await build({
    ...common,
    entryPoints: { 'rc-license': 'main/cli/bin.ts' },
    outdir: 'out/cli/lib',
    format: 'esm',
    splitting: true,
    minify: true,
    // No keepNames here: it wraps every named function in a __name() call at load, and the
    // language catalogs are hundreds of small functions (~4 ms of rc-license inspect's start).
    // Errors are told apart with instanceof, and AppFailure sets its own name.
    write: false,
    // Which sources each chunk holds, for the bench's "where start-up goes" (npm run bench).
    metafile: true,
  });
  mkdirSync('out/cli/lib', { recursive: true });
  const renamed = (path) => path.replace(/\.js$/, '.cjs');
  for (const file of cli.outputFiles) {
    const esm = file.text.replace(/(["'])\.\/([\w-]+)\.js\1/g, '$1./$2.cjs$1');
    const { code } = await transform(esm, { format: 'cjs', platform: 'node', target: 'node20', minify: true, supported: { 'dynamic-import': false } });
    if (/\bimport\s*\(|import\.meta/.test(code)) throw new Error(`${file.path}: an ES module construct survived the CommonJS pass`);
    writeFileSync(renamed(file.path), code);
  }
  const outputs = Object.fromEntries(Object.entries(cli.metafile.outputs).map(([path, o]) => [renamed(path), o]));
  writeFileSync('out/cli/meta.json', JSON.stringify({ ...cli.metafile, outputs }));
  writeFileSync('out/cli/rc-license.cjs', "#!/usr/bin/env node\n'use strict';\nrequire('./lib/rc-license.cjs');\n");
}
if (!only || only === 'main') chmodSync('out/cli/rc-license.cjs', 0o755);
if (!only || only === 'renderer') {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
