// Builds main, preload and the CLI with esbuild (one file each: a sandboxed preload cannot
// require local modules, and a single CLI file starts faster), then the renderer with Vite.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
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
  await build({
    ...common,
    entryPoints: { 'rc-license': 'main/cli.ts' },
    outdir: 'out/cli',
    outExtension: { '.js': '.cjs' },
    banner: { js: '#!/usr/bin/env node' },
    // Node parses the whole file on every start: a smaller file starts faster (rc-license --help).
    minify: true,
    keepNames: true,
  });
}
if (!only || only === 'main') chmodSync('out/cli/rc-license.cjs', 0o755);
if (!only || only === 'renderer') {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
