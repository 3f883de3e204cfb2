import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The CLIs the tests spawn keep their V8 code cache here, not in the developer's ~/.cache.
    env: { APPWRITE_SECOPS_CACHE_DIR: path.join(tmpdir(), 'appwrite-secops-test-code-cache') },
    server: {
      deps: {
        // GitHub's workflow parser imports JSON without import attributes, which plain Node 20 refuses;
        // letting Vite transform it is the documented way to load it (TOOLCHAIN.md).
        inline: ['@actions/workflow-parser'],
      },
    },
  },
});
