import { defineConfig, type Options } from 'tsup';

const config: Options | Options[] = defineConfig({
  entry: {
    index: 'src/index.ts',
    api: 'src/api.ts',
    schemas: 'src/schemas.ts',
    node: 'src/node.ts',
    testing: 'src/testing.ts',
    fleet: 'src/fleet.ts',
    redis: 'src/redis.ts',
    cli: 'src/cli.ts',
  },
  format: ['esm'],
  // The declarations name `Symbol.asyncDispose`; consumers on an older `lib` get its typings too.
  dts: { banner: '/// <reference lib="esnext.disposable" />' },
  sourcemap: true,
  clean: true,
  target: 'es2023',
  platform: 'neutral',
  splitting: true,
  treeshake: true,
}) as Options | Options[];

export default config;
