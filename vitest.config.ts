import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Component tests opt into jsdom with `// @vitest-environment jsdom` at the top of the file.
    setupFiles: ['test/setup.ts'],
    // Derives the property tests' second seed from the commit, once, and prints it.
    globalSetup: ['test/support/propertySeed.globalSetup.ts'],
    restoreMocks: true,
    // Property tests run hundreds of cases; on a loaded 2-core machine the default 5 s is too tight.
    // Speed is measured by the benchmarks, never by test timeouts.
    testTimeout: 30_000,
  },
});
