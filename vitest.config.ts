import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    server: {
      deps: {
        // GitHub's workflow parser imports JSON without import attributes, which plain Node 20 refuses;
        // letting Vite transform it is the documented way to load it (TOOLCHAIN.md).
        inline: ['@actions/workflow-parser'],
      },
    },
  },
});
