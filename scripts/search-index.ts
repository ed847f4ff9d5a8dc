/**
 * Build the search: the Pagefind index over one slim stub per subject rather than whole pages (whole subject
 * pages take 14 GB at 50k; one stub per record too made a city's index 350k pages), written to disk and indexed
 * with addDirectory, which is linear (addCustomRecord is quadratic, addHTMLFile costs more than writing the stubs); and the static lookups of exact codes
 * (/codes/) and 文号 (/docno/), one small file per hash shard, with /lookups.json saying how they are split.
 *
 * Incremental: Pagefind rebuilds its whole index every time, so a small change does not rebuild it. The
 * index of the last full build stays in dist/pagefind untouched; the subjects that changed since (new, changed)
 * get a small second index in dist/pagefind-delta, and superseded.json there lists the base index's pages
 * that are out of date (changed or no longer public). The search page merges the two and drops superseded
 * pages. Past --max-delta of the base (10%), or with --full, or when the stub format or Pagefind changed,
 * the base is rebuilt and the delta goes.
 *
 *   node scripts/search-index.ts [--data content/data] [--dist dist] [--index-dist dist] [--full] [--max-delta 0.1]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { loadDistrict } from '../src/lib/district.ts';
import { readAllNdjson } from '../src/lib/ndjson.ts';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { codeShards } from '../src/lib/search/codes.ts';
import { compactPagefind, type Compacted } from '../src/lib/search/compact.ts';
import { docNoShards, type DocNoHit } from '../src/lib/search/docno.ts';
import { searchStubs } from '../src/lib/search/stubs.ts';
import { NO_END } from '../src/lib/search/summary.ts';
import { kindLabel, recordDate, recordTitle } from '../src/lib/view/record.ts';
import { publish } from './publish.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'content/data' },
    /** Where the lookups go (the build stages them). */
    dist: { type: 'string', default: 'dist' },
    /** Where the Pagefind indexes live between builds (the published dist/). */
    'index-dist': { type: 'string' },
    full: { type: 'boolean', default: false },
    'max-delta': { type: 'string', default: '0.1' },
  },
});
const started = performance.now();
const indexDist = resolve(values['index-dist'] ?? values.dist);
const BASE = join(indexDist, 'pagefind');
const DELTA = join(indexDist, 'pagefind-delta');
const cacheDir = resolve('.cache/search');
const manifestFile = join(cacheDir, 'manifest.json');
const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');

const records = await readAllNdjson<PublishedRecord>(join(values.data, 'records.ndjson'));
const subjects = await readAllNdjson<Subject>(join(values.data, 'subjects.ndjson'));

// 1. The lookups, written afresh (small files, written synchronously: one awaited promise per file cost seconds).
function writeShards(dir: string, shards: Map<string, unknown>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, shard] of shards) writeFileSync(join(dir, `${name}.json`), JSON.stringify(shard));
}
const lookup = codeShards(subjects);
writeShards(resolve(values.dist, 'codes'), lookup.shards);
const nameOf = new Map(subjects.map((s) => [s.id, s.name]));
const docNos = docNoShards((function* (): Generator<[string, DocNoHit]> {
  for (const r of records) {
    if (r.docNo) yield [r.docNo, { id: r.id, name: nameOf.get(r.subjectId)!, title: `${kindLabel(r)} ${recordTitle(r)}`, date: recordDate(r), end: r.disclosure.end ?? NO_END }];
  }
})());
writeShards(resolve(values.dist, 'docno'), docNos.shards);
// How the lookups are split, for the portals that search this one with theirs (district.yaml `shards`).
writeFileSync(resolve(values.dist, 'lookups.json'), `${JSON.stringify({ codeDigits: lookup.digits, docNoDigits: docNos.digits })}\n`);

// 2. The stubs and what changed since the base index was built.
/** The stubs' code and Pagefind's version: when either changes, the base is rebuilt. */
const format = sha1([
  ...['stubs.ts', 'pinyin.ts', 'summary.ts'].map((f) => readFileSync(new URL(`../src/lib/search/${f}`, import.meta.url), 'utf8')),
  readFileSync(new URL('../node_modules/pagefind/package.json', import.meta.url), 'utf8'),
].join('\0'));
interface Manifest { format: string; base: Record<string, { hash: string; fragment: string }> }
const stored: Manifest | null = !values.full && existsSync(manifestFile) && existsSync(join(BASE, 'pagefind-entry.json'))
  ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null;
/** The base a delta may stand on: one built from stubs of the same format. */
const previous = stored?.format === format ? stored : null;
/**
 * Stubs by their path without .html (subject/ID; shards/K/subject/ID for another portal's subject indexed here):
 * this portal's subjects, and those of every portal in district.yaml `shards` whose built data is given, so that a
 * province's search fetches one index (docs/scale.md). With shards, every stub carries its region as a filter.
 */
const district = loadDistrict();
const stubs = new Map<string, string>();
const withRegion = district.shards.length > 0;
const addStubs = (stubsOf: Iterable<[string, string]>) => { for (const [path, html] of stubsOf) stubs.set(path.slice(0, -'.html'.length), html); };
addStubs(searchStubs(records, subjects, withRegion ? { region: district.site.region } : {}));
let shardSubjects = 0;
for (const [k, shard] of district.shards.entries()) {
  if (!shard.dataDir) continue;
  const file = (name: string) => {
    const path = join(shard.dataDir!, name);
    if (!existsSync(path)) throw new Error(`${district.file}: shards.${k}.data（${shard.name}）: ${path} 不存在；应指向该门户构建写出的 content/data 目录`);
    return path;
  };
  const [theirRecords, theirSubjects] = [await readAllNdjson<PublishedRecord>(file('records.ndjson')), await readAllNdjson<Subject>(file('subjects.ndjson'))];
  const before = stubs.size;
  addStubs(searchStubs(theirRecords, theirSubjects, { region: shard.name, prefix: `shards/${k}/` }));
  shardSubjects += stubs.size - before;
}
const hashes = new Map([...stubs].map(([id, html]) => [id, sha1(html)]));
const changed = previous ? [...stubs.keys()].filter((id) => previous.base[id]?.hash !== hashes.get(id)) : [];
const removed = previous ? Object.keys(previous.base).filter((id) => !stubs.has(id)) : [];
const incremental = previous !== null && changed.length + removed.length <= Number(values['max-delta']) * Object.keys(previous.base).length;

/** Where the index build's time goes, for the summary line. */
const phases: Record<string, number> = {};
const timed = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  try { return await f(); } finally { phases[name] = (phases[name] ?? 0) + performance.now() - t0; }
};

/** What compact.ts did to each index written (its page names, in the metadata the first search loads). */
const compacted: Compacted[] = [];

async function indexStubs(ids: Iterable<string>, dir: string, out: string): Promise<number> {
  await timed('stubs rm', () => rmSync(dir, { recursive: true, force: true }));
  await timed('stubs', () => writeStubs(ids, dir));
  return indexDir(dir, out);
}

/** One folder for all of a portal's: subject/ID.html (stubs.ts says why). */
function writeStubs(keys: Iterable<string>, dir: string): void {
  const made = new Set<string>();
  for (const key of keys) {
    const folder = key.slice(0, key.lastIndexOf('/'));
    if (!made.has(folder)) { mkdirSync(join(dir, folder), { recursive: true }); made.add(folder); }
    writeFileSync(join(dir, `${key}.html`), stubs.get(key)!);
  }
}

async function indexDir(dir: string, out: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await timed('pagefind add', () => index.addDirectory({ path: dir }));
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  // Written aside, then published file by file: a fragment whose subject did not change keeps its name and
  // bytes, and stays untouched in dist/.
  const aside = `${dir}-out`;
  rmSync(aside, { recursive: true, force: true });
  const written = await timed('pagefind write', () => index.writeFiles({ outputPath: aside }));
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  compacted.push(await timed('compact', () => compactPagefind(aside)));
  await timed('publish', () => publish(aside, out, new Set()));
  return added.page_count;
}

let summary: string;
if (incremental && previous) {
  // 3a. A delta index over what changed; the base stays as it was.
  rmSync(DELTA, { recursive: true, force: true });
  const pages = changed.length ? await indexStubs(changed, resolve('.cache/search-delta-stubs'), DELTA) : 0;
  mkdirSync(DELTA, { recursive: true });
  const superseded = [...changed, ...removed].map((id) => previous.base[id]?.fragment).filter(Boolean).sort();
  writeFileSync(join(DELTA, 'superseded.json'), `${JSON.stringify({ index: pages > 0, superseded })}\n`);
  summary = `delta of ${pages} subject(s) over the base of ${Object.keys(previous.base).length}; ${superseded.length} base page(s) superseded`;
} else {
  // 3b. The base index over every subject, and which fragment holds which subject (for later deltas).
  const pages = await indexStubs(stubs.keys(), resolve('.cache/search-stubs'), BASE);
  rmSync(DELTA, { recursive: true, force: true });
  const base: Manifest['base'] = {};
  for (const f of readdirSync(join(BASE, 'fragment'))) {
    const json = gunzipSync(readFileSync(join(BASE, 'fragment', f))).toString('utf8');
    const url = /"url":"\/([^"]+)\.html"/.exec(json)?.[1];
    if (url) base[url] = { hash: hashes.get(url)!, fragment: f.replace(/\.pf_fragment$/, '') };
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(manifestFile, `${JSON.stringify({ format, base })}\n`);
  summary = `full index of ${pages} subject(s)${shardSubjects ? ` (${shardSubjects} of other portals)` : ''}${previous ? ` (${changed.length + removed.length} changed: more than the delta allows)` : ''}`;
}
await pagefind.close();
console.error(`code lookup: ${lookup.shards.size} shards of ${lookup.digits} hex digit(s); 文号 lookup: ${docNos.shards.size} shards of ${docNos.digits} → ${values.dist}`);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
for (const c of compacted) {
  if ('skipped' in c) console.error(`search index: WARNING: Pagefind's metadata left as written, its page names uncompacted (src/lib/search/compact.ts): ${c.skipped}`);
  else summary += `; metadata ${kb(c.bytesBefore)} → ${kb(c.bytesAfter)} with short page names`;
}
console.error(`search index: ${summary} (${subjects.length} subjects, ${records.length} records) in ${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(phases).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}) → ${indexDist}`);
