/**
 * A static server for the end-to-end tests: dist/ as any static host serves it, with 404.html for
 * unknown paths. (astro preview refuses to start while another preview of the project runs, such as
 * the one `npm start` leaves open.)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

const dist = join(import.meta.dirname, '../../dist');
const port = Number(process.argv[2] ?? 4329);
const notFound = readFileSync(join(dist, '404.html'));
const assets = sirv(dist, { dev: false, etag: true, extensions: ['html'] });
createServer((req, res) => assets(req, res, () => {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(notFound);
})).listen(port, '127.0.0.1', () => console.log(`serving dist on http://127.0.0.1:${port}/`));
