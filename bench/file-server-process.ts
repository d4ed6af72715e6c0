// A static file server in its own process for the download benchmark: files of a folder, read
// from disk (never held in memory), with Range and an ETag, so the benchmark measures the client.
// Prints `{ "origin": "http://127.0.0.1:<port>" }` as one JSON line.
//   tsx bench/file-server-process.ts <folder>
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Serves `folder` from a child process; `stop()` ends it. */
export async function fileServerProcess(
  folder: string,
): Promise<{ origin: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), folder],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk) => resolve(String(chunk)));
    child.once('exit', (code) => reject(new Error(`file server exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as { origin: string }), stop: () => child.kill() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? '.';
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(
      /^\/+/,
      '',
    );
    let size: number;
    let mtime: Date;
    try {
      ({ size, mtime } = statSync(join(folder, name.replace(/\.\.+/g, ''))));
    } catch {
      return void res.writeHead(404).end();
    }
    const etag = `"${size.toString(16)}-${mtime.getTime().toString(16)}"`;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    const partial = range !== null && (req.headers['if-range'] ?? etag) === etag;
    res.writeHead(partial ? 206 : 200, {
      'content-length': partial ? end - start + 1 : size,
      'accept-ranges': 'bytes',
      etag,
      ...(partial ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    createReadStream(join(folder, name), {
      highWaterMark: 1024 * 1024,
      ...(partial ? { start, end } : {}),
    }).pipe(res);
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(JSON.stringify({ origin: `http://127.0.0.1:${port}` }));
  });
}
