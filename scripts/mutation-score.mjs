// Prints the mutation score per file and per folder from StrykerJS's JSON reports (the shell's and
// the core's), lists every surviving mutant, and records the scores in bench/results.json beside
// the performance figures. `node scripts/mutation-score.mjs core` reads only the core's report.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { scopeNames } from '../stryker.core.config.mjs';

// The core is measured in parts (stryker.core.config.mjs); their reports are read as one.
const runs = { shell: ['test-results/mutation/shell.json'], core: scopeNames.map((p) => `test-results/mutation/core-${p}.json`) };
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(runs);
const path = 'bench/results.json';
const results = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
results.mutation ??= {};

const pct = (k, t) => (t ? Math.round((k / t) * 1000) / 10 : 100);
for (const run of wanted) {
  const missing = runs[run].filter((f) => !existsSync(f));
  if (missing.length) {
    console.log(`${run}: no report at ${missing.join(', ')} (run npm run mutate)`);
    if (missing.length === runs[run].length) continue;
  }
  const report = { files: Object.assign({}, ...runs[run].filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, 'utf8')).files)) };
  const files = [];
  const folders = new Map();
  let killed = 0;
  let total = 0;
  console.log(`\n${run}: surviving mutants`);
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const valid = mutants.filter((m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status));
    const dead = valid.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
    killed += dead;
    total += valid.length;
    files.push({ file, killed: dead, total: valid.length, score: pct(dead, valid.length) });
    const f = folders.get(dirname(file)) ?? { killed: 0, total: 0 };
    folders.set(dirname(file), { killed: f.killed + dead, total: f.total + valid.length });
    for (const m of valid.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
      console.log(`  ${m.status.padEnd(10)} ${file}:${m.location.start.line}  ${m.mutatorName}: ${String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90)}`);
    }
  }
  // A part run on its own updates its files and keeps the last figures of the others.
  if (missing.length) {
    const measured = new Set(files.map((f) => f.file));
    for (const before of results.mutation[run]?.files ?? []) {
      if (measured.has(before.file)) continue;
      files.push(before);
      killed += before.killed;
      total += before.total;
      const f = folders.get(dirname(before.file)) ?? { killed: 0, total: 0 };
      folders.set(dirname(before.file), { killed: f.killed + before.killed, total: f.total + before.total });
    }
  }
  console.log('');
  for (const r of files) console.log(`${String(r.score).padStart(5)} %  ${r.killed}/${r.total}  ${r.file}`);
  const perFolder = [...folders].map(([folder, f]) => ({ folder, ...f, score: pct(f.killed, f.total) }));
  for (const f of perFolder) console.log(`${String(f.score).padStart(5)} %  ${f.killed}/${f.total}  ${f.folder}/ (folder)`);
  const score = pct(killed, total);
  console.log(`${String(score).padStart(5)} %  ${killed}/${total}  ${run} mutation score`);
  results.mutation[run] = { score, killed, total, folders: perFolder, files, ...(missing.length ? { reportsNotInThisRun: missing } : {}), measuredAt: new Date().toISOString() };
}
writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
