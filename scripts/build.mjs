// Builds main, preload and the CLI with esbuild (one file each: a sandboxed preload cannot
// require local modules, and a single CLI file starts faster), then the renderer with Vite.
import { build } from 'esbuild';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
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
  // rc-license: ESM with code splitting, so each command parses only the code it uses (a single
  // file is parsed whole on every start); a tiny CommonJS launcher keeps the `bin` path stable.
  await build({
    ...common,
    entryPoints: { 'rc-license': 'main/cli/bin.ts' },
    outdir: 'out/cli/lib',
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    minify: true,
    keepNames: true,
    // CommonJS dependencies bundled into ESM still call require() and read __filename.
    banner: {
      js: "import { createRequire as __rcRequire } from 'node:module'; import { fileURLToPath as __rcPath } from 'node:url'; const require = __rcRequire(import.meta.url); const __filename = __rcPath(import.meta.url); const __dirname = __rcPath(new URL('.', import.meta.url));",
    },
  });
  writeFileSync('out/cli/rc-license.cjs', "#!/usr/bin/env node\n'use strict';\nimport('./lib/rc-license.mjs');\n");
}
if (!only || only === 'main') chmodSync('out/cli/rc-license.cjs', 0o755);
if (!only || only === 'renderer') {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
