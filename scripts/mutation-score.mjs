// Prints the mutation score per file from StrykerJS's JSON report, lists every surviving mutant,
// and records the score in bench/results.json beside the performance figures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('test-results/mutation/shell.json', 'utf8'));
const rows = [];
let killed = 0;
let total = 0;
for (const [file, { mutants }] of Object.entries(report.files)) {
  const valid = mutants.filter((m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status));
  const dead = valid.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  killed += dead;
  total += valid.length;
  rows.push({ file, killed: dead, total: valid.length, score: valid.length ? Math.round((dead / valid.length) * 1000) / 10 : 100 });
  for (const m of valid.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
    console.log(`  ${m.status.padEnd(10)} ${file}:${m.location.start.line}  ${m.mutatorName}: ${String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90)}`);
  }
}
console.log('');
for (const r of rows) console.log(`${String(r.score).padStart(5)} %  ${r.killed}/${r.total}  ${r.file}`);
const score = total ? Math.round((killed / total) * 1000) / 10 : 100;
console.log(`${String(score).padStart(5)} %  ${killed}/${total}  shell mutation score`);

const path = 'bench/results.json';
const results = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
results.mutation = { ...(results.mutation ?? {}), shell: { score, killed, total, files: rows, measuredAt: new Date().toISOString() } };
writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
