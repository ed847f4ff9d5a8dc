/**
 * dist/ served as any static host serves it, with 404.html for unknown paths. Used by the end-to-end
 * tests, the benchmark and the screenshots (astro preview refuses to start while another preview of the
 * project runs, such as the one `npm start` leaves open).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export const DIST = join(import.meta.dirname, '../dist');

/**
 * `cors`: let pages of any origin read these files, as a portal searched by another (district.yaml `shards`) must
 * for its lookups and index.
 */
export function serveDist(port = 0, dist = DIST, { cors = false } = {}): Promise<{ server: Server; base: string }> {
  const notFound = existsSync(join(dist, '404.html')) ? readFileSync(join(dist, '404.html')) : '404';
  const assets = sirv(dist, {
    dev: false, etag: true, extensions: ['html'],
    setHeaders: cors ? (res) => res.setHeader('Access-Control-Allow-Origin', '*') : undefined,
  });
  const server = createServer((req, res) => assets(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...(cors ? { 'access-control-allow-origin': '*' } : {}) });
    res.end(notFound);
  }));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** Launch options for Debian's Chromium on these machines. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/**
 * dist/ served by a process of its own, as a real host is: a benchmark that served it from its own thread had the
 * server wait on the browser driver's bookkeeping of the very requests it was timing. Resolves once it listens.
 */
export function serveDistApart(dist = DIST, port = 0, { cors = false } = {}): Promise<{ base: string; close: () => void }> {
  const args = ['--disable-warning=ExperimentalWarning', import.meta.filename, '--dist', dist, '--port', String(port), ...(cors ? ['--cors'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const base = /^(http:\S+)\n/.exec(out)?.[1];
      if (base) resolve({ base, close: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve-dist: the server of ${dist} ended (exit ${code}) before it listened`)));
  });
}

//   node scripts/serve-dist.ts [--dist dist] [--port 0] [--cors]: prints the address it serves at, then serves until killed.
if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: DIST }, port: { type: 'string', default: '0' }, cors: { type: 'boolean', default: false } } });
  const { base } = await serveDist(Number(values.port), values.dist, { cors: values.cors });
  console.log(base);
}
