/**
 * A province's search, one index against many: a built city's Pagefind index taken N times (each copy's pages
 * renamed, as N portals' indexes are different files), then
 *   - merged into one index (src/lib/search/merge.ts), as a province's portal given its portals' data builds it:
 *     the merge's time and memory;
 *   - in Chromium, the same name fragments searched with Pagefind's own API in the one merged index and in the N
 *     copies merged in the browser (`mergeIndex`, as a portal searches others whose data it was not given), each
 *     in a fresh browser profile, in turns: first search, later searches (median), bytes, and the results' count
 *     of every query, which must be the same both ways.
 * The copies hold the same words, so the merged index compresses better than N different cities' would: its bytes
 * are a floor; the searching worker's time, which goes with the index's decompressed size and the count of indexes,
 * is not. No fragment is written: the server gives each copy's page its city's fragment.
 *
 *   node bench/province-index.ts --site DIR [--copies 10] [--rounds 2] [--queries 13] [--out bench/results/province-index]
 *
 * DIR is a built portal (its dist/pagefind and content/data), such as a tier of `npm run bench` kept.
 *
 *   node bench/province-index.ts --index DIR --data D1,D2,… [--rounds 2] [--queries 13] [--out …]
 *
 * searches a province's own merged index (DIR, the dist/pagefind its search stage wrote) by fragments of the names
 * in the portals' data folders D1, D2, …, one after another, and nothing else.
 */
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import { readAllNdjson } from '../src/lib/ndjson.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import type { IndexFiles } from '../src/lib/search/compact.ts';
import { mergePagefind } from '../src/lib/search/merge.ts';
import { ALL_HAN, coveringPairs, pairToken } from '../src/lib/search/pairs.ts';
import { CHROMIUM } from '../scripts/serve-dist.ts';
import { fragment } from './search.ts';

const { values } = parseArgs({ options: {
  site: { type: 'string' }, index: { type: 'string' }, data: { type: 'string' }, copies: { type: 'string', default: '10' }, rounds: { type: 'string', default: '2' },
  queries: { type: 'string', default: '13' }, out: { type: 'string', default: 'bench/results/province-index' },
} });
if (!values.site && !(values.index && values.data)) throw new Error('province-index: --site DIR（一个已构建的门户：dist/pagefind 与 content/data），或 --index DIR --data D1,D2,…');
const site = values.site ? resolve(values.site) : '';
/** The index the copies are made of, or the province's own. */
const index = values.index ? resolve(values.index) : join(site, 'dist/pagefind');
const N = values.index ? 1 : Number(values.copies);

const files: IndexFiles = new Map();
for (const e of readdirSync(index, { recursive: true, withFileTypes: true })) {
  if (e.isFile() && !e.parentPath.endsWith('fragment')) files.set(relative(index, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
}
const entry = JSON.parse(Buffer.from(files.get('pagefind-entry.json')!).toString('utf8'));
const metaFile = `pagefind.${entry.languages['zh-cn'].hash}.pf_meta`;
const SIGNATURE = Buffer.from('pagefind_dcd');
const meta = decode(gunzipSync(files.get(metaFile)!).subarray(SIGNATURE.length)) as [string, [string, number, string][], ...unknown[]];
// 1. N copies of the index, each page renamed k<K>-…, merged into one (or the province's own, as it is).
const copies: IndexFiles[] = values.index ? [] : Array.from({ length: N }, (_, k) => {
  const renamed = structuredClone(meta);
  for (const page of renamed[1]) page[0] = `k${k}-${page[0]}`;
  return new Map(files).set(metaFile, gzipSync(Buffer.concat([SIGNATURE, encode(renamed)])));
});
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const merged = values.index ? files : mergePagefind(copies);
const mergeSeconds = (performance.now() - t0) / 1000;
const mergeRssMB = Math.round(Math.max(process.memoryUsage().rss, rss0) / 2 ** 20);
const mergedMeta = [...merged].find(([p]) => p.endsWith('.pf_meta'))![1];
const pageCount = values.index ? meta[1].length : meta[1].length * N;
const indexBytes = (m: IndexFiles) => [...m].filter(([p]) => /^(index|filter)\//.test(p)).reduce((a, [, b]) => a + b.length, 0);
console.error(`province-index: ${values.index ? `the index at ${index}: ${pageCount} pages` : `${N} copies of ${meta[1].length} pages merged in ${mergeSeconds.toFixed(1)} s`}; metadata ${(mergedMeta.length / 1024).toFixed(0)} KB; chunks and filters ${(indexBytes(merged) / 2 ** 20).toFixed(1)} MB`);

// 2. Served: /one/pagefind/ (the merged index) and /multi/K/pagefind/ (the copies); fragments from the city's.
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
  const one = /^\/one\/pagefind\/(.+)$/.exec(path);
  const multi = /^\/multi\/(\d+)\/pagefind\/(.+)$/.exec(path);
  let body: Uint8Array | undefined;
  try {
    if (path === '/') body = Buffer.from('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');
    else if (one) {
      const fragmentOf = /^fragment\/(?:k\d+-)?(.+)$/.exec(one[1]!);
      body = fragmentOf ? await readFile(join(index, 'fragment', values.index ? one[1]!.slice('fragment/'.length) : fragmentOf[1]!)) : merged.get(one[1]!) ?? await readFile(join(index, one[1]!));
    } else if (multi) {
      const fragmentOf = /^fragment\/k\d+-(.+)$/.exec(multi[2]!);
      body = fragmentOf ? await readFile(join(index, 'fragment', fragmentOf[1]!)) : copies[Number(multi[1])]?.get(multi[2]!) ?? await readFile(join(index, multi[2]!));
    }
  } catch { body = undefined; }
  if (!body) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : path === '/' ? 'text/html; charset=utf-8' : 'application/octet-stream' });
  res.end(body);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// What readers type (bench/search.ts), asked as the search page asks: the pairs covering each Chinese run.
const dataDirs = values.data ? values.data.split(',') : [join(site, 'content/data')];
const portals = await Promise.all(dataDirs.map((d) => readAllNdjson<Subject>(join(resolve(d), 'subjects.ndjson'))));
const fragments: string[] = [];
// From each portal's names in turn.
for (let i = 0; fragments.length < Number(values.queries) && i < 200_000; i++) {
  const subjects = portals[i % portals.length]!;
  const f = fragment(subjects[(Math.floor(i / portals.length) * 7919) % subjects.length]!.name);
  if (ALL_HAN.test(f) && f.length >= 4 && !fragments.includes(f)) fragments.push(f);
}
const asked = fragments.map((f) => coveringPairs(f).map((p) => pairToken(p)).join(' '));

interface Run { mode: 'one' | 'multi'; firstMs: number; laterMs: number; firstBytes: number; bytes: number; counts: number[] }
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]!; };
const browser = await chromium.launch(CHROMIUM);
async function search(mode: Run['mode']): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', (r) => { r.body().then((b) => { bytes += b.length; }, () => {}); });
  await page.goto(`${base}/`);
  // Pagefind loaded as the search page loads it while the reader types; then the first query, then the rest.
  await page.evaluate(async ({ mode, n }) => {
    const pf = await import(mode === 'one' ? '/one/pagefind/pagefind.js' : '/multi/0/pagefind/pagefind.js');
    await pf.options({ excerptLength: 16 });
    await pf.init();
    if (mode === 'multi') for (let k = 1; k < n; k++) await pf.mergeIndex(`/multi/${k}/pagefind/`, {});
    (window as unknown as { pf: unknown }).pf = pf;
  }, { mode, n: N });
  const ask = (queries: string[]) => page.evaluate(async (queries) => {
    const pf = (window as unknown as { pf: { search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> } }).pf;
    const out: [number, number][] = [];
    for (const q of queries) {
      const t = performance.now();
      const r = await pf.search(q);
      // The first five results' fragments, as the search page shows its first results.
      await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
      out.push([performance.now() - t, r.results.length]);
    }
    return out;
  }, queries);
  const first = await ask(asked.slice(0, 1));
  // Responses are counted as their bodies arrive; give the last a moment.
  await page.waitForTimeout(200);
  const firstBytes = bytes;
  const later = await ask(asked.slice(1));
  await context.close();
  const times = [...first, ...later];
  return { mode, firstMs: times[0]![0], laterMs: median(later.map(([ms]) => ms)), firstBytes, bytes, counts: times.map(([, c]) => c) };
}
const runs: Run[] = [];
for (let r = 0; r < Number(values.rounds); r++) for (const mode of values.index ? ['one'] as const : ['multi', 'one'] as const) {
  const run = await search(mode);
  runs.push(run);
  console.error(`province-index: ${mode} first ${run.firstMs.toFixed(0)} ms (${(run.firstBytes / 1024).toFixed(0)} KB from opening), later ${run.laterMs.toFixed(0)} ms, ${(run.bytes / 1024).toFixed(0)} KB in all`);
}
await browser.close();
server.close();
const same = runs.every((r) => JSON.stringify(r.counts) === JSON.stringify(runs[0]!.counts));

const date = new Date().toISOString().slice(0, 10);
const result = { date, site, index, copies: values.index ? null : N, pages: pageCount, mergeSeconds: values.index ? null : mergeSeconds, mergeRssMB: values.index ? null : mergeRssMB, metaBytes: mergedMeta.length, indexBytes: indexBytes(merged), fragments, sameCounts: same, runs };
writeFileSync(`${values.out}.json`, `${JSON.stringify(result, null, 1)}\n`);
const row = (r: Run) => `| ${r.mode === 'one' ? (values.index ? 'the province\'s index' : 'one merged index') : `${N} indexes merged in the browser`} | ${r.firstMs.toFixed(0)} ms, ${(r.firstBytes / 1024).toFixed(0)} KB | ${r.laterMs.toFixed(0)} ms | ${(r.bytes / 1024).toFixed(0)} KB |`;
const head = values.index
  ? [
    '# A province\'s search through its own merged index',
    '',
    `Recorded by \`node bench/province-index.ts --index … --data …\` on ${date}: the index a province's search stage wrote (${pageCount} pages), its metadata (loaded whole by the first search) ${(mergedMeta.length / 1024).toFixed(0)} KB, its chunks and filters ${(indexBytes(merged) / 2 ** 20).toFixed(1)} MB.`,
    `Searched in Chromium with Pagefind's own API, ${fragments.length} name fragments taken from the ${portals.length} portals' names in turn (${fragments.join('、')}), asked as the search page asks them, each round in a fresh profile; later is the median of all but the first.`,
  ]
  : [
    '# A province\'s search: one merged index against many merged in the browser',
    '',
    `Recorded by \`node bench/province-index.ts --site … --copies ${N}\` on ${date}: ${N} copies of a built city's index (${meta[1].length} pages each, ${pageCount} in all), each copy's pages renamed.`,
    `Merged into one (src/lib/search/merge.ts) in ${mergeSeconds.toFixed(1)} s, the process at ${mergeRssMB} MB; its metadata (loaded whole by the first search) ${(mergedMeta.length / 1024).toFixed(0)} KB, its chunks and filters ${(indexBytes(merged) / 2 ** 20).toFixed(1)} MB.`,
    `Searched in Chromium with Pagefind's own API, ${fragments.length} name fragments (${fragments.join('、')}) asked as the search page asks them, each way in a fresh profile, in turns; later is the median of all but the first. The results' counts were ${same ? 'the same' : 'NOT the same'} both ways for every query.`,
    'The copies hold the same words, so the merged index compresses better than different cities\' would: its bytes are a floor.',
  ];
writeFileSync(`${values.out}.md`, [
  ...head,
  '',
  '| index | first search (time; bytes from opening) | later searches (median) | bytes fetched in all |',
  '|---|---|---|---|',
  ...runs.map(row),
  '',
].join('\n'));
console.error(`province-index: → ${values.out}.md`);
