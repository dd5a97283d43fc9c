import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Finds (or installs from the distribution) the Chromium and redis-server some suites need; see test/support/systemDeps.ts.
    globalSetup: ["test/support/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallelism modest so timing-sensitive server tests stay stable.
    maxWorkers: 2,
  },
});
