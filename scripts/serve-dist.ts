/**
 * dist/ served as any static host serves it, with 404.html for unknown paths. Used by the end-to-end
 * tests, the benchmark and the screenshots (astro preview refuses to start while another preview of the
 * project runs, such as the one `npm start` leaves open).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
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
