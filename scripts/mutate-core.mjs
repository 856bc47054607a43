// npm run mutate:core [--fresh] [part ...]: the core's mutation runs, one StrykerJS run per part
// (flow, license, state, errors — see stryker.core.config.mjs), then the scores per file and per
// folder. Each part keeps an incremental file, so a second run re-tests only changed mutants —
// but StrykerJS also keeps a surviving mutant's result while the mutant is unchanged, even when a
// new test would kill it: after adding tests, run with --fresh (the part's incremental file is
// deleted first).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { scopeNames } from '../stryker.core.config.mjs';

const fresh = process.argv.includes('--fresh');
const asked = process.argv.slice(2).filter((a) => a !== '--fresh');
const unknown = asked.filter((s) => !scopeNames.includes(s));
if (unknown.length) {
  console.error(`Unknown part: ${unknown.join(', ')}. The parts are ${scopeNames.join(', ')}.`);
  process.exit(2);
}
let failed = 0;
for (const scope of asked.length ? asked : scopeNames) {
  console.log(`\n== mutation testing of the core: ${scope}${fresh ? ' (fresh)' : ''}`);
  if (fresh) rmSync(`test-results/mutation/core-${scope}-incremental.json`, { force: true });
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.core.config.mjs'], { stdio: 'inherit', env: { ...process.env, RC_MUTATE_SCOPE: scope }, shell: process.platform === 'win32' });
  if (run.status !== 0) failed++;
}
const score = spawnSync(process.execPath, ['scripts/mutation-score.mjs', 'core'], { stdio: 'inherit' });
process.exit(failed || score.status ? 1 : 0);
