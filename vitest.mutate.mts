// The tests that guard the shell, for `npm run mutate` (StrykerJS runs them once per mutant).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['e2e/test-key-setup.ts'],
    include: ['main/app.test.ts', 'main/security.test.ts', 'main/ipc.test.ts', 'main/preload.test.ts', 'main/shell-files.test.ts', 'main/core/handlers.test.ts'],
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
