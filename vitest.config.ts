import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

/** Debian's Chromium; `npx playwright install` cannot download browsers on our machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Test files are isomorphic by default: `*.test.ts` must not touch `node:*` or Node globals, and
// every one of them also runs in headless Chromium. Tests that need Node (fs, real sockets,
// msw/node) are named `*.node.test.ts`; tests that need a browser (IndexedDB, DOM) `*.browser.test.ts`. Examples import the package by name, as users do.
const config: ViteUserConfig = defineConfig({
  resolve: {
    alias: [
      { find: /^horde-model-reference$/, replacement: src('index.ts') },
      { find: /^horde-model-reference\/api$/, replacement: src('api.ts') },
      { find: /^horde-model-reference\/schemas$/, replacement: src('schemas.ts') },
      { find: /^horde-model-reference\/node$/, replacement: src('node.ts') },
      { find: /^horde-model-reference\/testing$/, replacement: src('testing.ts') },
      { find: /^horde-model-reference\/fleet$/, replacement: src('fleet.ts') },
      { find: /^horde-model-reference\/redis$/, replacement: src('redis.ts') },
    ],
  },
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.node.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                // Root in a container needs --no-sandbox; the rest stops Chromium from calling
                // Google services the closed network refuses.
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-quic',
                  '--no-first-run',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

export default config;
