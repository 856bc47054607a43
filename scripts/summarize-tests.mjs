// Sums every runner's report into the one line CI reads: "N passed, N failed, N skipped".
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const checks = read('test-results/checks.json') ?? [];
for (const c of checks) {
  if (c.ok) passed++;
  else {
    failed++;
    console.log(`failed check: ${c.name}`);
  }
}

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no tests but is a failure all the same.
  failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else missing.push('vitest');

const pw = read('test-results/playwright.json');
if (pw) {
  passed += pw.stats.expected + pw.stats.flaky;
  failed += pw.stats.unexpected;
  skipped += pw.stats.skipped;
  failed += (pw.errors ?? []).length;
} else missing.push('playwright');

for (const m of missing) {
  console.log(`no report from ${m}: counted as a failure`);
  failed++;
}
const line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
writeFileSync('test-results/summary.txt', line + '\n');
console.log(line);
process.exit(failed ? 1 : 0);
