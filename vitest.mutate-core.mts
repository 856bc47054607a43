// The tests that guard the core, for `npm run mutate` (StrykerJS runs the covering ones per mutant).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['e2e/test-key-setup.ts'],
    include: ['main/core/rocketchat/*.test.ts', 'main/core/license/replacement.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
