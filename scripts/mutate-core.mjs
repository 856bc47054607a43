// npm run mutate:core [scope ...]: the core's mutation runs, one StrykerJS run per part
// (flow, license, state, errors — see stryker.core.config.mjs), then the scores per file and per
// folder. Each part keeps its own incremental file, so a second run re-tests only what changed.
import { spawnSync } from 'node:child_process';
import { scopeNames } from '../stryker.core.config.mjs';

const asked = process.argv.slice(2);
const unknown = asked.filter((s) => !scopeNames.includes(s));
if (unknown.length) {
  console.error(`Unknown part: ${unknown.join(', ')}. The parts are ${scopeNames.join(', ')}.`);
  process.exit(2);
}
let failed = 0;
for (const scope of asked.length ? asked : scopeNames) {
  console.log(`\n== mutation testing of the core: ${scope}`);
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.core.config.mjs'], { stdio: 'inherit', env: { ...process.env, RC_MUTATE_SCOPE: scope }, shell: process.platform === 'win32' });
  if (run.status !== 0) failed++;
}
const score = spawnSync(process.execPath, ['scripts/mutation-score.mjs', 'core'], { stdio: 'inherit' });
process.exit(failed || score.status ? 1 : 0);
