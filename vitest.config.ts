import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

// Test files are isomorphic by default: `*.test.ts` must not touch `node:*` or Node globals, so
// they can also run in headless Chromium. Tests that need Node (fs, real sockets, msw/node) are
// named `*.node.test.ts`. Examples import the package by name, as users do.
const config: ViteUserConfig = defineConfig({
  resolve: {
    alias: [
      { find: /^horde-model-reference$/, replacement: src('index.ts') },
      { find: /^horde-model-reference\/node$/, replacement: src('node.ts') },
      { find: /^horde-model-reference\/testing$/, replacement: src('testing.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});

export default config;
