// The tests that guard one part of the core, for `npm run mutate:core`: stryker.core.config.mjs
// passes the part's test files in RC_MUTATE_TESTS, and StrykerJS runs the covering ones per mutant.
import { defineConfig } from 'vitest/config';

const include: string[] = JSON.parse(process.env.RC_MUTATE_TESTS ?? '["main/core/rocketchat/*.test.ts"]');

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['e2e/test-key-setup.ts'],
    include,
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
