/**
 * Build the search: the Pagefind index over one slim stub per subject rather than whole pages (whole subject
 * pages take 14 GB at 50k; one stub per record too made a city's index 350k pages), written to disk and indexed
 * with addDirectory, which is linear (addCustomRecord is quadratic, addHTMLFile costs more than writing the
 * stubs), the index taken back in memory and written once (indexStubs); and the static lookups of exact codes
 * (/codes/) and 文号 (/docno/), one small file per hash shard, with /lookups.json saying how they are split.
 *
 * Incremental: Pagefind rebuilds its whole index every time, so a small change does not rebuild it. The
 * subjects that changed since the last full build (new, changed) get a small index of their own, merged into the
 * base's (src/lib/search/merge.ts: the base's pages and fragments as they were, the changed subjects' after them)
 * in dist/pagefind, and dist/pagefind-delta/superseded.json lists the base pages that are out of date (changed
 * or no longer public), which the search page drops. Past --max-delta of the base (10%), or with --full, or when
 * the stub format or Pagefind changed, the base is rebuilt.
 *
 *   node scripts/search-index.ts [--data content/data] [--dist dist] [--index-dist dist] [--full] [--max-delta 0.1]
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { loadDistrict } from '../src/lib/district.ts';
import { readAllNdjson, readNdjsonLines } from '../src/lib/ndjson.ts';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { codeShards } from '../src/lib/search/codes.ts';
import { compactPagefind, type Compacted, type IndexFiles } from '../src/lib/search/compact.ts';
import { docNoShards, type DocNoHit } from '../src/lib/search/docno.ts';
import { mergePagefind } from '../src/lib/search/merge.ts';
import { searchStubs } from '../src/lib/search/stubs.ts';
import { NO_END } from '../src/lib/search/summary.ts';
import { kindLabel, recordDate, recordTitle } from '../src/lib/view/record.ts';
import { fileStamps } from './output-memo.ts';
import { writeInPlace } from './write-in-place.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'content/data' },
    /** Where lookups.json goes (the build stages it); the lookups' shards go with the index (--index-dist). */
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
/** The base index's files but its fragments (which stay in dist/), for merging each delta into it. */
const BASE_FILES = join(cacheDir, 'base');
const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');

/**
 * The stubs' code and the packages: when any of it changes, the base is rebuilt. All of src/lib/ (the stubs are made
 * with its titles, pairs and pinyin) and the lock file (pinyin-pro, the segmenter, Pagefind): an unchanged subject's
 * stub is not made again (its input hash says it is the same), so its code must be the same too.
 */
const LIB = fileURLToPath(new URL('../src/lib/', import.meta.url));
const format = sha1([
  ...filesUnder(LIB).sort().flatMap((f) => [f, readFileSync(join(LIB, f), 'utf8')]),
  ...['../node_modules/pagefind/package.json', '../package-lock.json'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')),
].join('\0'));
const district = loadDistrict();

/**
 * The stage stands when nothing it reads changed since its last run: the same code (the stubs' format and this
 * stage), the same settings, and the same data files (their size and time: the ingest leaves them as they are when its
 * inputs are the last run's), with the index and the lookups in place. Reading every record and subject, making every
 * lookup and merging an empty delta into the base only to find nothing changed took about 20 s of processor time at
 * 100,000 subjects. Kept in RUN_FILE with the lookups.json it staged, removed as a run starts: a run that fails
 * leaves none.
 */
const RUN_FILE = join(cacheDir, 'run.json');
const dataFiles = [values.data, ...district.shards.flatMap((x) => (x.dataDir ? [x.dataDir] : []))]
  .flatMap((dir) => ['subjects.ndjson', 'records.ndjson'].map((f) => join(dir, f)));
const runInputs = sha1(JSON.stringify({
  format, stage: sha1(readFileSync(new URL(import.meta.url))), region: district.site.region, indexDist, maxDelta: values['max-delta'],
  shards: district.shards.map(({ dataDir: _dataDir, ...x }) => x),
  data: fileStamps(dataFiles),
}));
const lastRun: { inputs: string; lookups: string } | null = existsSync(RUN_FILE) ? JSON.parse(readFileSync(RUN_FILE, 'utf8')) : null;
if (!values.full && lastRun?.inputs === runInputs && [join(BASE, 'pagefind-entry.json'), join(indexDist, 'codes'), join(indexDist, 'docno')].every(existsSync)) {
  mkdirSync(resolve(values.dist), { recursive: true });
  writeFileSync(resolve(values.dist, 'lookups.json'), lastRun.lookups);
  console.error(`search index: as the last run left it (the same data and code) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${indexDist}`);
  process.exit(0);
}
rmSync(RUN_FILE, { force: true });

/** The values of an NDJSON file, and the hash of each one's line (what a stub is made from, as the ingest wrote it). */
async function readHashed<T>(file: string): Promise<{ values: T[]; hashes: string[] }> {
  const out: { values: T[]; hashes: string[] } = { values: [], hashes: [] };
  for await (const { value, line } of readNdjsonLines<T>(file)) {
    out.values.push(value);
    out.hashes.push(sha1(line));
  }
  return out;
}
const { values: records, hashes: recordLines } = await readHashed<PublishedRecord>(join(values.data, 'records.ndjson'));
const { values: subjects, hashes: subjectLines } = await readHashed<Subject>(join(values.data, 'subjects.ndjson'));

// 1. The lookups, in dist/ beside the index, where only the shards whose bytes changed are written (syncFolder,
// synchronously: one awaited promise per file cost seconds). Until 2026-12-04 they were staged afresh each build and
// published: every shard a new file in place of one just removed, which this machine's file system makes cost about
// 0.6 ms of kernel time a file (4,000 files made after 4,000 were removed: 2.8 s, against 0.3 s with none removed);
// at 10,000 subjects 4,340 shards, 4.7 s of a rebuild's search stage.
function writeShards(dir: string, shards: Map<string, unknown>): void {
  syncFolder(dir, new Map([...shards].map(([name, shard]) => [`${name}.json`, Buffer.from(JSON.stringify(shard))])));
}
const lookup = codeShards(subjects);
writeShards(join(indexDist, 'codes'), lookup.shards);
const nameOf = new Map(subjects.map((s) => [s.id, s.name]));
const docNos = docNoShards((function* (): Generator<[string, DocNoHit]> {
  for (const r of records) {
    if (r.docNo) yield [r.docNo, { id: r.id, name: nameOf.get(r.subjectId)!, title: `${kindLabel(r)} ${recordTitle(r)}`, date: recordDate(r), end: r.disclosure.end ?? NO_END }];
  }
})());
writeShards(join(indexDist, 'docno'), docNos.shards);
// How the lookups are split, for the portals that search this one with theirs (district.yaml `shards`).
mkdirSync(resolve(values.dist), { recursive: true });
const lookupsJson = `${JSON.stringify({ codeDigits: lookup.digits, docNoDigits: docNos.digits })}\n`;
writeFileSync(resolve(values.dist, 'lookups.json'), lookupsJson);

// 2. The stubs and what changed since the base index was built.
/** The base index: each stub's hash, the fragment holding it, and (this portal's subjects) the hash of what it was made from. */
interface Manifest { format: string; base: Record<string, { hash: string; fragment: string; input?: string }> }
const stored: Manifest | null = !values.full && existsSync(manifestFile) && existsSync(join(BASE, 'pagefind-entry.json')) && existsSync(join(BASE_FILES, 'pagefind-entry.json'))
  ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null;
/** The base a delta may stand on: one built from stubs of the same format. */
const previous = stored?.format === format ? stored : null;
/**
 * Stubs by their path without .html (subject/ID; shards/K/subject/ID for another portal's subject indexed here):
 * this portal's subjects, and those of every portal in district.yaml `shards` whose built data is given, so that a
 * province's search fetches one index (docs/scale.md). With shards, every stub carries its region as a filter.
 */
const stubs = new Map<string, string>();
const withRegion = district.shards.length > 0;
/** Each stub's hash. */
const hashes = new Map<string, string>();
const addStubs = (stubsOf: Iterable<[string, string]>) => {
  for (const [path, html] of stubsOf) {
    const key = path.slice(0, -'.html'.length);
    stubs.set(key, html);
    hashes.set(key, sha1(html));
  }
};
/**
 * This portal's subjects by their stub's key (subject/ID), each with the hash of what its stub is made from: its line,
 * its records' lines and where it is filed. A stub whose input is the one the base index was built from is not made
 * again: making all of them was 7.8 s of a city's rebuild (a profile at 100,000 subjects), to find a few hundred changed.
 */
const ownPlace = withRegion ? { region: district.site.region } : {};
const inputs = new Map<string, string>();
{
  const linesOf = new Map<string, string[]>();
  records.forEach((r, i) => {
    const list = linesOf.get(r.subjectId);
    if (list) list.push(recordLines[i]!);
    else linesOf.set(r.subjectId, [recordLines[i]!]);
  });
  const placeKey = JSON.stringify(ownPlace);
  subjects.forEach((x, i) => {
    const list = linesOf.get(x.id);
    if (list) inputs.set(`subject/${x.id}`, sha1([placeKey, subjectLines[i]!, ...list].join('\0')));
  });
}
const asBuilt = (key: string) => previous?.base[key]?.input !== undefined && previous.base[key].input === inputs.get(key);
const ownStubs = (want: (key: string) => boolean) => searchStubs(records, subjects.filter((x) => want(`subject/${x.id}`)), ownPlace);
addStubs(ownStubs((key) => !asBuilt(key)));
/** Every stub's key, made or not. */
const present = new Set(inputs.keys());
let shardSubjects = 0;
/** Where the base index's stubs are written for Pagefind. */
const STUBS_DIR = resolve('.cache/search-stubs');
/**
 * Other portals' stubs are written into the base's folder as they are made and kept in memory only where a delta
 * may need them (changed since the base): a province's million did not fit in the 4 GB of Node's heap.
 */
let baseStubs: StubFolder | undefined;
/** The keys of every stub, made or only written. */
const allKeys = new Set<string>(stubs.keys());
for (const [k, shard] of district.shards.entries()) {
  if (!shard.dataDir) continue;
  const file = (name: string) => {
    const path = join(shard.dataDir!, name);
    if (!existsSync(path)) throw new Error(`${district.file}: shards.${k}.data（${shard.name}）: ${path} 不存在；应指向该门户构建写出的 content/data 目录`);
    return path;
  };
  const [theirRecords, theirSubjects] = [await readAllNdjson<PublishedRecord>(file('records.ndjson')), await readAllNdjson<Subject>(file('subjects.ndjson'))];
  baseStubs ??= openStubs(STUBS_DIR);
  for (const [path, html] of searchStubs(theirRecords, theirSubjects, { region: shard.name, prefix: `shards/${k}/` })) {
    const key = path.slice(0, -'.html'.length);
    hashes.set(key, sha1(html));
    putStub(baseStubs, key, html);
    if (previous && previous.base[key]?.hash !== hashes.get(key)) stubs.set(key, html);
    allKeys.add(key);
    shardSubjects++;
  }
}
for (const key of allKeys) present.add(key);
const changed = previous ? [...allKeys].filter((id) => previous.base[id]?.hash !== hashes.get(id)) : [];
const removed = previous ? Object.keys(previous.base).filter((id) => !present.has(id)) : [];
const incremental = previous !== null && changed.length + removed.length <= Number(values['max-delta']) * Object.keys(previous.base).length;
/** Stubs made of this portal's subjects, for the summary line (all of them, for a base). */
let made = [...stubs.keys()].filter((key) => inputs.has(key)).length;
// A base built again needs every stub, the unchanged ones too.
if (!incremental) {
  addStubs(ownStubs(asBuilt));
  for (const key of stubs.keys()) allKeys.add(key);
  made = inputs.size;
}
// Every stub is made: the data is let go before Pagefind's indexes are taken in (a province's portal holds ten).
const counts = { subjects: subjects.length, records: records.length };
records.length = 0;
subjects.length = 0;
recordLines.length = 0;
subjectLines.length = 0;

/** Where the index build's time goes, for the summary line. */
const phases: Record<string, number> = {};
const timed = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  try { return await f(); } finally { phases[name] = (phases[name] ?? 0) + performance.now() - t0; }
};

/** What compact.ts did to each index written (its page names, in the metadata the first search loads). */
const compacted: Compacted[] = [];
/** What indexStubs said of the indexes it merged, for the summary line. */
let merged = '';

/** Files under `dir`, as paths relative to it (none when there is no such folder). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * A file of an index set down on disk as soon as it was made, rather than held until its folder is synced: a
 * province's search stage made ten Pagefind indexes, one per portal, and held all their fragments (about 1.2 GB at
 * 100,000 subjects a portal) until the merge; with them set down it holds the metadata and index chunks alone.
 * Each is kept by its path in the index (fragment/….pf_fragment; its file is that under STAGED_DIR) with the page
 * it is of (subject/ID), for the manifest.
 */
type Staged = ReadonlyMap<string, string | undefined>;
/** Where the fragments of a province's indexes wait for the merge. */
const STAGED_DIR = join(cacheDir, 'fragments');
/** Moves a file, across file systems too (--index-dist may be on another). */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to);
    rmSync(from);
  }
}
/** The page a fragment is of (subject/ID, shards/K/subject/ID), read from the url Pagefind put in it. */
const urlOfFragment = (bytes: Uint8Array) => /"url":"\/([^"]+)\.html"/.exec(gunzipSync(bytes).toString('utf8'))?.[1];

/**
 * Makes the folder `dir` hold exactly `files` (path relative to it → bytes): a file whose bytes are already there
 * is left untouched (its file and modification time kept), one no longer wanted is removed, so that an index's
 * folder in dist/ keeps every file whose bytes did not change.
 *
 * A base index built again renames every fragment (compact.ts names them by the index's own hash), so most of the
 * folder goes. Then the files are written into a new folder, the unchanged ones moved over, and the two folders
 * swapped: at 100,000 subjects, removing 92,000 files from the folder and creating 92,000 others in it took 27 s
 * (open and unlink in a directory that large), writing them into an empty one 2 s; and the published index stays
 * whole until the swap, where in place its metadata named fragments already removed.
 */
function syncFolder(dir: string, files: ReadonlyMap<string, Uint8Array>, keep: ReadonlySet<string> = new Set(), staged: Staged = new Map()): void {
  const there = new Set(filesUnder(dir));
  const wanted = (rel: string) => files.has(rel) || staged.has(rel) || keep.has(rel);
  const swap = [...there].filter(wanted).length < there.size / 2;
  const root = swap ? `${dir}.next` : dir;
  if (swap) rmSync(root, { recursive: true, force: true });
  else for (const rel of there) if (!wanted(rel)) rmSync(join(dir, rel));
  const made = new Set<string>();
  /** Where `rel` goes under root, its folder made. */
  const place = (rel: string) => {
    const path = join(root, rel);
    const folder = dirname(path);
    if (!made.has(folder)) { mkdirSync(folder, { recursive: true }); made.add(folder); }
    return path;
  };
  for (const [rel, bytes] of files) {
    if (there.has(rel) && readFileSync(join(dir, rel)).equals(bytes)) {
      if (swap) renameSync(join(dir, rel), place(rel));
    } else if (!swap && there.has(rel)) writeInPlace(place(rel), bytes);
    else writeFileSync(place(rel), bytes);
  }
  // Files set down before: one whose bytes are there already stays (and its set-down copy goes), any other is moved in.
  for (const rel of staged.keys()) {
    const path = join(STAGED_DIR, rel);
    if (there.has(rel) && readFileSync(join(dir, rel)).equals(readFileSync(path))) {
      if (swap) renameSync(join(dir, rel), place(rel));
      rmSync(path);
    } else moveFile(path, place(rel));
  }
  if (swap) {
    for (const rel of keep) if (there.has(rel) && !files.has(rel) && !staged.has(rel)) renameSync(join(dir, rel), place(rel));
    const prev = `${dir}.prev`;
    rmSync(prev, { recursive: true, force: true });
    renameSync(dir, prev);
    renameSync(root, dir);
    rmSync(prev, { recursive: true, force: true });
  }
}

/** A stubs' folder being brought up to date: what its list said was written there last time, and what it holds now. */
interface StubFolder { dir: string; written: Record<string, string>; now: Record<string, string>; made: Set<string> }
/** The stubs' folder `dir` and its list (`dir`.json); a folder without that list is made anew. */
function openStubs(dir: string): StubFolder {
  const listFile = `${dir}.json`;
  let written: Record<string, string> | null = existsSync(listFile) && existsSync(dir) ? JSON.parse(readFileSync(listFile, 'utf8')) : null;
  if (!written) { rmSync(dir, { recursive: true, force: true }); written = {}; }
  // Removed until closeStubs writes it again: a run stopped in between leaves a folder that is made anew.
  rmSync(listFile, { force: true });
  return { dir, written, now: {}, made: new Set() };
}
/** Writes the stub `key` into the folder unless the list says it holds those bytes (reading each file back to compare cost more than writing it). */
function putStub(f: StubFolder, key: string, html: string): void {
  const rel = `${key}.html`;
  const hash = hashes.get(key)!;
  f.now[rel] = hash;
  if (f.written[rel] === hash) return;
  const path = join(f.dir, rel);
  const folder = dirname(path);
  if (!f.made.has(folder)) { mkdirSync(folder, { recursive: true }); f.made.add(folder); }
  // Over the last one in place (write-in-place.ts); a new one into the folder made above.
  if (rel in f.written) writeInPlace(path, html);
  else writeFileSync(path, html);
}
/** Removes the stubs the folder no longer holds (those written before and not now, but for `kept`) and writes its list. */
function closeStubs(f: StubFolder, kept: (rel: string) => boolean = () => false): void {
  for (const [rel, hash] of Object.entries(f.written)) {
    if (rel in f.now) continue;
    if (kept(rel)) f.now[rel] = hash;
    else rmSync(join(f.dir, rel), { force: true });
  }
  writeFileSync(`${f.dir}.json`, JSON.stringify(f.now));
}
/** Makes the stubs' folder `dir` hold exactly the stubs `keys` (those `f` has had put already are not written again). */
function syncStubs(dir: string, keys: string[], f = openStubs(dir)): void {
  for (const key of keys) if (!(`${key}.html` in f.now)) putStub(f, key, stubs.get(key)!);
  closeStubs(f);
}

/**
 * Past this many pages Pagefind writes its files itself and they are read back: getFiles hands them over as one
 * message, about 1.9 characters of it a byte of the index (base64 inside base64), which near 300,000 subjects
 * would pass the longest string Node holds.
 */
const IN_MEMORY_PAGES = 250_000;

/**
 * The index of the stubs `keys`: they are synced into `dir` (one folder for all of a portal's, subject/ID.html:
 * stubs.ts says why) for Pagefind's addDirectory, which is linear where addCustomRecord is quadratic; Pagefind's
 * files are taken in memory, their page names compacted (compact.ts), and synced into `out`. Taking them in memory
 * rather than having Pagefind write them halves its part (at 20,000 subjects 6.4 s against 12.9 s: each of its file
 * writes goes through its own thread pool, creating one file after another in one folder) and spares writing,
 * renaming and copying each file again.
 *
 * With `groups` (path prefixes: a province's own subjects and each other portal's), the stubs of each group are
 * indexed by a Pagefind of their own, one after another, and the indexes merged into one (merge.ts): the indexer's
 * memory is then that of the largest group, a city's, where one run over a province's million stubs would need
 * several times this machine's (docs/scale.md).
 */
async function indexStubs(keys: string[], dir: string, out: string | null, groups: string[] = [], folder?: StubFolder): Promise<{ pages: number; files: IndexFiles; staged: Staged }> {
  await timed('stubs', () => syncStubs(dir, keys, folder));
  // Every stub is on disk for Pagefind: their text is let go (a city's took a few hundred MB beside its indexer).
  stubs.clear();
  const parts = groups.length > 1 ? groups.filter((g) => keys.some((k) => k.startsWith(g))) : [''];
  const built: { pages: number; files: IndexFiles }[] = [];
  /** With several parts, each part's fragments are set down as it is made (Staged), and moved into `out` at the end. */
  const staged = new Map<string, string | undefined>();
  if (parts.length > 1) {
    rmSync(STAGED_DIR, { recursive: true, force: true });
    mkdirSync(join(STAGED_DIR, 'fragment'), { recursive: true });
  }
  for (const group of parts) {
    const part = await pagefindOf(dir, group);
    if (parts.length > 1) {
      await timed('set down', () => {
        for (const [rel, bytes] of part.files) {
          if (!rel.startsWith('fragment/')) continue;
          writeFileSync(join(STAGED_DIR, rel), bytes);
          staged.set(rel, urlOfFragment(bytes));
          part.files.delete(rel);
        }
      });
      // Pagefind's indexer is a process of its own that keeps what it took (2.8 GB after a city's index) until it
      // ends: ended after each part, it holds one part at most, and nothing while the parts are merged.
      await pagefind.close();
    }
    built.push(part);
  }
  const files = built.length === 1 ? built[0]!.files : await timed('merge', () => mergePagefind(built.map((b) => b.files)));
  if (built.length > 1) {
    const meta = [...files].find(([path]) => path.endsWith('.pf_meta'))![1];
    merged = `; merged from ${built.length} Pagefind indexes, one per portal (metadata ${(meta.length / 1024).toFixed(0)} KB)`;
  }
  if (out) await timed('write', () => syncFolder(out, files, new Set(), staged));
  return { pages: built.reduce((a, b) => a + b.pages, 0), files, staged };
}

/** Pagefind's index of the stubs in `dir` whose path begins with `group` (all of them for ''), its page names compacted. */
async function pagefindOf(dir: string, group: string): Promise<{ pages: number; files: IndexFiles }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await timed('pagefind add', () => index.addDirectory(group ? { path: dir, glob: `${group}**/*.html` } : { path: dir }));
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const files: IndexFiles = new Map();
  if (added.page_count <= IN_MEMORY_PAGES) {
    const got = await timed('pagefind files', () => index.getFiles());
    if (got.errors.length) throw new Error(`pagefind: ${got.errors.join('; ')}`);
    for (const f of got.files) files.set(f.path, f.content);
  } else {
    const aside = `${dir}-out`;
    rmSync(aside, { recursive: true, force: true });
    const written = await timed('pagefind files', () => index.writeFiles({ outputPath: aside }));
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    for (const rel of filesUnder(aside)) files.set(rel, readFileSync(join(aside, rel)));
    rmSync(aside, { recursive: true, force: true });
  }
  await index.deleteIndex();
  compacted.push(await timed('compact', () => compactPagefind(files)));
  return { pages: added.page_count, files };
}

let summary: string;
if (incremental && previous) {
  // 3a. A delta index over what changed, merged into the base's (merge.ts), so that a search goes through one index
  // as after a full build: the base's pages and fragments stay as they were, the changed subjects' pages are added
  // after them, and the base pages they supersede are listed for the search page to leave out. Each rebuild merges
  // its delta into the base as the full build left it (BASE_FILES), not into the last merge.
  rmSync(DELTA, { recursive: true, force: true });
  // The base's folder got other portals' stubs as they were made; this portal's stay there as they were.
  if (baseStubs) closeStubs(baseStubs, (rel) => inputs.has(rel.slice(0, -'.html'.length)));
  const delta = changed.length ? await indexStubs(changed, resolve('.cache/search-delta-stubs'), null) : null;
  const baseFiles: IndexFiles = new Map(filesUnder(BASE_FILES).map((rel) => [rel, readFileSync(join(BASE_FILES, rel))]));
  const files = delta ? await timed('merge', () => mergePagefind([baseFiles, delta.files])) : baseFiles;
  const baseFragments = new Set(Object.values(previous.base).map((x) => `fragment/${x.fragment}.pf_fragment`));
  for (const rel of baseFragments) files.delete(rel);
  await timed('write', () => syncFolder(BASE, files, baseFragments));
  mkdirSync(DELTA, { recursive: true });
  const superseded = [...changed, ...removed].map((id) => previous.base[id]?.fragment).filter(Boolean).sort();
  // `index: false`: no second index to merge (portals built before this merged one in the browser).
  writeFileSync(join(DELTA, 'superseded.json'), `${JSON.stringify({ index: false, superseded })}\n`);
  summary = `delta of ${delta?.pages ?? 0} subject(s) merged into the base of ${Object.keys(previous.base).length}; ${superseded.length} base page(s) superseded`;
} else {
  // 3b. The base index over every subject, and which fragment holds which subject (for later deltas).
  // With other portals' subjects (a province), each portal's stubs are indexed by a Pagefind of their own and the
  // indexes merged into one (merge.ts): Pagefind's indexer holds every page until it writes, so one run over a
  // province's million would not fit in memory, and a search through one index is what keeps it fast.
  const groups = shardSubjects ? ['subject/', ...district.shards.map((_, k) => `shards/${k}/`)] : [];
  const { pages, files, staged } = await indexStubs([...allKeys], STUBS_DIR, BASE, groups, baseStubs);
  rmSync(DELTA, { recursive: true, force: true });
  rmSync(STAGED_DIR, { recursive: true, force: true });
  const base: Manifest['base'] = {};
  /** The fragment at `path` (in memory, or set down for a province) holds the page `url`. */
  const holds = (path: string, url: string | undefined) => {
    const fragment = /^fragment\/(.+)\.pf_fragment$/.exec(path)?.[1];
    if (fragment && url) base[url] = { hash: hashes.get(url)!, fragment, input: inputs.get(url) };
  };
  for (const [path, bytes] of files) if (path.startsWith('fragment/')) holds(path, urlOfFragment(bytes));
  for (const [path, url] of staged) holds(path, url);
  mkdirSync(cacheDir, { recursive: true });
  syncFolder(BASE_FILES, new Map([...files].filter(([path]) => !path.startsWith('fragment/'))));
  writeFileSync(manifestFile, `${JSON.stringify({ format, base })}\n`);
  summary = `full index of ${pages} subject(s)${shardSubjects ? ` (${shardSubjects} of other portals)` : ''}${previous ? ` (${changed.length + removed.length} changed: more than the delta allows)` : ''}`;
}
await pagefind.close();
console.error(`code lookup: ${lookup.shards.size} shards of ${lookup.digits} hex digit(s); 文号 lookup: ${docNos.shards.size} shards of ${docNos.digits} → ${indexDist}`);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
for (const c of compacted) {
  if ('skipped' in c) console.error(`search index: WARNING: Pagefind's metadata left as written, its page names uncompacted (src/lib/search/compact.ts): ${c.skipped}`);
  else summary += `; metadata ${kb(c.bytesBefore)} → ${kb(c.bytesAfter)} with short page names`;
}
summary += merged;
console.error(`search index: ${summary}; stubs made for ${made} of ${inputs.size} subject(s) with public records (${counts.subjects} subjects, ${counts.records} records) in ${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(phases).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}) → ${indexDist}`);
mkdirSync(cacheDir, { recursive: true });
writeFileSync(RUN_FILE, `${JSON.stringify({ inputs: runInputs, lookups: lookupsJson })}\n`);
