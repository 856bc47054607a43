// npm run mutate:core (and the second half of npm run mutate): mutation testing of the core, in the
// scope the reliability issue sets — main/core/license/*, the install flow, the data folder's pieces
// (state/*, and the job log, backups, receipts, saved workspaces and credential vault beside their
// nouns) and errors.ts.
// It runs as four StrykerJS runs (scripts/mutate-core.mjs sets RC_MUTATE_SCOPE), each with the
// tests written for that part: a mutant in errors.ts is covered by nearly every test in the
// project, and running all of them for each of its ~500 mutants took ~12 s a mutant on 2 cores.
// Limiting each part to its own tests can only make a score lower, never higher.
// See docs/SECURITY.md for the survivors.
const scopes = {
  // What decides send / don't send and active / rejected / unconfirmed, and the replacement warning.
  flow: {
    mutate: ['main/core/installs/install-flow.ts', 'main/core/installs/same-license.ts', 'main/core/license/replacement.ts'],
    tests: [
      'main/core/installs/install-flow.test.ts',
      'main/core/installs/same-license.test.ts',
      'main/core/installs/server-fidelity.test.ts',
      'main/core/installs/verdicts.test.ts',
      'main/core/license/replacement.test.ts',
    ],
  },
  // The verdict after a send, from the server's own evidence (the verdict issue asks ≥ 90 %).
  verdict: {
    mutate: ['main/core/installs/verdict.ts'],
    tests: ['main/core/installs/verdict.test.ts', 'main/core/installs/verdicts.test.ts'],
  },
  // Is the workspace read-only, what a license does to it, and the license a status shows (the
  // workspace-status issue): read-only or not is what brought the technician.
  restriction: {
    mutate: ['main/core/workspaces/{restriction,license-detail}.ts', 'main/core/installs/countdown.ts'],
    tests: ['main/core/workspaces/{restriction,license-detail}.test.ts', 'main/core/installs/countdown.test.ts'],
  },
  // Reading, decoding, checking and summarizing a license file.
  license: {
    mutate: ['main/core/license/*.ts', '!main/core/license/*.test.ts', '!main/core/license/replacement.ts'],
    tests: ['main/core/license/*.test.ts', 'main/bad-inputs.test.ts'],
  },
  // Job log, backups, install lock, receipts, workspaces, credential vault, atomic writes.
  state: {
    mutate: [
      'main/core/state/*.ts',
      '!main/core/state/*.test.ts',
      'main/core/installs/{backups,job-log,receipt,retention}.ts',
      'main/core/workspaces/{workspace-store,credential-vault}.ts',
    ],
    tests: [
      'main/core/state/*.test.ts',
      'main/core/installs/{backups,job-log,receipt,records,installations}.test.ts',
      'main/core/workspaces/{workspace-store,workspaces}.test.ts',
      'main/bad-inputs.test.ts',
    ],
  },
  // Every error code and the words a technician reads for it.
  errors: {
    mutate: ['main/core/errors.ts'],
    tests: ['main/core/errors.test.ts', 'main/bad-inputs.test.ts', 'main/core/handlers.test.ts'],
  },
};

export const scopeNames = Object.keys(scopes);
const name = process.env.RC_MUTATE_SCOPE ?? 'flow';
const scope = scopes[name];
if (!scope) throw new Error(`RC_MUTATE_SCOPE must be one of ${scopeNames.join(', ')}; it is "${name}".`);
process.env.RC_MUTATE_TESTS = JSON.stringify(scope.tests);

export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate-core.mts', related: false },
  mutate: scope.mutate,
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `test-results/mutation/core-${name}.json` },
  tempDirName: `.stryker-tmp-core-${name}`,
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'out', 'test-results', 'e2e/screenshots', '.stryker-tmp*'],
  incremental: true,
  incrementalFile: `test-results/mutation/core-${name}-incremental.json`,
};
