// Builds the dashboard and serves it on 127.0.0.1 beside a stand-in PRIMARY:
//   npx tsx examples/dashboard/serve.ts     then open the printed address.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startStandInServer } from 'horde-model-reference/node';
import { createStandInPrimary } from 'horde-model-reference/testing';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The dashboard's address (pointing at a fresh stand-in), and how to stop both servers. */
export async function serveDashboard(): Promise<{ url: string; close: () => Promise<void> }> {
  const bundle = await build({
    entryPoints: [here('./main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The example imports the package by name, as users do; here it resolves to the sources.
    alias: { 'horde-model-reference': here('../../src/index.ts') },
  });
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const html = await readFile(here('./index.html'));
  const standIn = await startStandInServer(createStandInPrimary);
  const server = createServer((request, response) => {
    const js = request.url?.startsWith('/main.js');
    response.writeHead(200, {
      'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8',
    });
    response.end(js ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const query = new URLSearchParams({ primary: standIn.primaryUrl, github: standIn.githubRawUrl });
  return {
    url: `http://127.0.0.1:${port}/?${query}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await standIn.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serveDashboard();
  console.log(`Dashboard: ${url}`);
}
