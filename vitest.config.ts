import { defineConfig, type ViteUserConfig } from 'vitest/config';

// Test files are isomorphic by default: `*.test.ts` must not touch `node:*` or Node globals, so
// they can also run in headless Chromium. Tests that need Node (fs, real sockets, msw/node) are
// named `*.node.test.ts`.
const config: ViteUserConfig = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});

export default config;
