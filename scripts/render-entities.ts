/**
 * Render every subject's credit file and every record's permalink outside Astro's page-by-page pipeline,
 * with the same components (src/components/pages/*.astro): Vite compiles them once with Astro's plugins
 * (src/render/entities.ts), and worker threads render them with Astro's container API, a fresh container
 * every CHUNK pages (one long-lived container keeps every route and slows down ~25×).
 *
 * Incremental: each page's content hash (its props, the compiled components, the stylesheet links, the district's
 * settings) is kept in .cache/entities/manifest.json; a page whose hash is unchanged and whose file is in place is not
 * rendered or written again. --full renders everything, over the files in place, and removes every other file of
 * its folders.
 *
 *   node scripts/render-entities.ts [--data content/data] [--dist dist] [--site dir-with-astro-404.html] [--cache .cache/entities] [--full]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Page } from 'astro';
import { loadDistrict } from '../src/lib/district.ts';
import { readNdjsonLines } from '../src/lib/ndjson.ts';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { RECORD_KINDS } from '../src/lib/schemas/common.ts';
import { listJobs } from '../src/lib/view/lists.ts';
import { sortedByDateDesc } from '../src/lib/view/record.ts';
import { endCounts } from '../src/lib/view/ends.ts';
import { fileOf, paginate } from '../src/lib/view/paginate.ts';
import { ENTITY_DIRS, listUrl } from '../src/lib/view/urls.ts';
import { SECTION_PAGE, newestFirst, sectionPageCount, sectionUrl } from '../src/lib/view/sections.ts';
import { stylesheetLinks } from './head-tags.ts';
import { fileStamps } from './output-memo.ts';
import type { RenderJob, WorkerInput, WorkerOutput } from './render-worker.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'content/data' },
    dist: { type: 'string', default: 'dist' },
    /** Where Astro's pages are (their stylesheet links go into ours); the build stages them before publishing. */
    site: { type: 'string' },
    full: { type: 'boolean', default: false },
    /** The compiled components and the page hashes of the last run; inside the checkout (the components import Astro). */
    cache: { type: 'string', default: '.cache/entities' },
  },
});
const CHUNK = 1000;
const started = performance.now();
const dist = resolve(values.dist);
const cacheDir = resolve(values.cache);
const manifestFile = join(cacheDir, 'manifest.json');
await mkdir(cacheDir, { recursive: true });

// 1. Compile the page components once, or not at all when nothing they are made from changed since the last
// compile: the sources, the configuration, and the packages (the lock file). The district's settings are read when
// the components run, not compiled in.
const bundleDir = join(cacheDir, 'bundle');
const bundle = join(bundleDir, 'entities.mjs');
const sourcesKey = createHash('sha1');
for (const file of [...readdirSync('src', { recursive: true, withFileTypes: true })].filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()) {
  sourcesKey.update(file).update(await readFile(file));
}
for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json']) if (existsSync(file)) sourcesKey.update(file).update(await readFile(file));
const bundleKey = sourcesKey.digest('hex');
const keyFile = join(cacheDir, 'bundle.key');
if (!existsSync(bundle) || !existsSync(keyFile) || (await readFile(keyFile, 'utf8')) !== bundleKey) {
  await rm(keyFile, { force: true });
  // Astro's configuration and Vite are loaded only to compile: importing them took 0.4–0.5 s of every run, most of
  // which find the compiled components in place.
  const [{ getViteConfig }, { build }] = await Promise.all([import('astro/config'), import('vite')]);
  const viteConfig = await getViteConfig({
    logLevel: 'warn',
    build: {
      ssr: 'src/render/entities.ts', outDir: bundleDir, emptyOutDir: true, copyPublicDir: false,
      rollupOptions: { external: [/^astro(\/|$)/], output: { entryFileNames: 'entities.mjs' } },
    },
  })({ command: 'build', mode: 'production' });
  await build({ ...viteConfig, configFile: false });
  await writeFile(keyFile, bundleKey);
}
const compiled = performance.now();

// 2. The stylesheet links Astro gave its own pages, for the head of ours.
const site = resolve(values.site ?? values.dist);
const headTags = stylesheetLinks(site);
if (!headTags) throw new Error(`render-entities: no stylesheet link found in ${join(site, '404.html')}; run astro build first`);

/**
 * The district's settings, which the components read when they run (src/site.config.ts), not compiled in: its name,
 * colours, links and footer are on every page, its objection rules in every record's guidance. All of them but where
 * its data comes from (`sources`, the paths resolved) and the ID key, which change what the data is, not how a page
 * shows it. Left out until 2026-12-07, a district renamed in district.yaml kept its old name on every entity page of a
 * second build, while Astro's pages showed the new one.
 */
const { file: _file, sourcesFile: _sourcesFile, sources: _sources, idSecret: _idSecret, shards, ...settings } = loadDistrict();
const districtKey = JSON.stringify({ ...settings, shards: shards.map(({ dataDir: _dataDir, ...shard }) => shard) });
// What else goes into every page: the compiled components, the worker that writes them, this stage (a credit file's
// and a permalink's hash is of their lines, and the props are made from them here), the stylesheet links, the
// district's settings.
const version = createHash('sha1').update(await readFile(bundle)).update(await readFile(new URL('./render-worker.ts', import.meta.url)))
  .update(await readFile(new URL(import.meta.url))).update(headTags).update(districtKey).digest('hex');
const previous: { version?: string; inputs?: string; pages: Record<string, string> } = values.full || !existsSync(manifestFile)
  ? { pages: {} } : JSON.parse(await readFile(manifestFile, 'utf8'));

/**
 * Whether a page's folder is in dist/ (record/ID/ for record/ID/index.html), from one listing of each folder of
 * pages rather than a look at each page: at 100,000 subjects the look at each of 350,000 unchanged pages took seconds.
 */
const listings = new Map<string, Set<string>>();
function inPlace(path: string): boolean {
  const folder = dirname(path);
  const parent = dirname(folder);
  let names = listings.get(parent);
  if (!names) listings.set(parent, (names = new Set(existsSync(join(dist, parent)) ? readdirSync(join(dist, parent)) : [])));
  return names.has(basename(folder));
}

/**
 * The stage stands when nothing it reads changed since its last run: the same version (components, worker, stage,
 * links, settings), the same data files (their size and time: the ingest leaves them as they are when its inputs
 * are the last run's), and every page of the last run in place. Reading, hashing and comparing every page's inputs
 * only to find none changed took about 25 s of processor time at 100,000 subjects.
 */
const inputs = createHash('sha1').update(version)
  .update(JSON.stringify(fileStamps(['subjects.ndjson', 'records.ndjson'].map((f) => join(values.data, f))))).digest('hex');
if (!values.full && previous.inputs === inputs && Object.keys(previous.pages).every(inPlace)) {
  const total = Object.keys(previous.pages).length;
  console.error(`entity pages: ${total}, as the last run left them (the same data and components); rendered 0, unchanged ${total}, removed 0; total ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.dist}`);
  process.exit(0);
}

// 3. The pages and their hashes.
const subjects = new Map<string, Subject>();
/**
 * Each subject's and record's line as the ingest wrote it, hashed: a credit file's or permalink's hash is made of
 * these rather than of its props written out again (JSON.stringify of every page's props was most of the time a
 * rebuild spent deciding what changed). The same line parses to the same props.
 */
const lineHash = (line: string) => createHash('sha1').update(line).digest('hex');
const subjectHashes = new Map<string, string>();
const recordHashes = new Map<string, string>();
for await (const { value: s, line } of readNdjsonLines<Subject>(join(values.data, 'subjects.ndjson'))) {
  subjects.set(s.id, s);
  subjectHashes.set(s.id, lineHash(line));
}
const bySubject = new Map<string, PublishedRecord[]>();
for await (const { value: r, line } of readNdjsonLines<PublishedRecord>(join(values.data, 'records.ndjson'))) {
  recordHashes.set(r.id, lineHash(line));
  const list = bySubject.get(r.subjectId);
  if (list) list.push(r);
  else bySubject.set(r.subjectId, [r]);
}
// Lists, authorities and the subject index were Astro's until 2026-11-25: a manifest from before knows none of
// them, so their folders hold Astro's pages, which nothing here would remove when they go. They are made anew.
// Every manifest since holds the first page of each kind's list (made even when the list is empty): looking for one
// spares a walk over every page's name.
if (Object.keys(previous.pages).length && !(fileOf(listUrl('license')) in previous.pages)) {
  for (const dir of ['lists', 'authority', 'subjects']) await rm(join(dist, dir), { recursive: true, force: true });
}
const pages: Record<string, string> = {};
const jobs: RenderJob[] = [];
/**
 * One prop of a page as JSON. Writing out every list page's props was 3.3 s of a city's rebuild (a profile of the
 * stage at 100,000 subjects): each page's rows, and what all pages of a list share (its end counts, a day each for up
 * to three years, its years and authorities). The rows are now their lines' hashes (pageJson), and a shared value
 * is written out once. Maps (the names a list page shows) are written as their entries; not with a replacer
 * function, which takes JSON.stringify off its fast path.
 */
const asJson = new WeakMap<object, string>();
/** Values seen once: kept as JSON only when seen again (kept for every page, a page's own values took a gigabyte more at 100,000 subjects). */
const seen = new WeakSet<object>();
const propJson = (v: unknown): string => {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? '';
  const kept = asJson.get(v);
  if (kept !== undefined) return kept;
  const s = JSON.stringify(v instanceof Map ? [...v] : v);
  if (seen.has(v)) asJson.set(v, s);
  else seen.add(v);
  return s;
};
/** A page of a list: its records by the hashes of their lines (as a credit file's), the rest as JSON. */
const pageJson = ({ data, ...rest }: Page<unknown>): string => JSON.stringify(rest) + data
  .map((x) => (x && typeof x === 'object' && 'id' in x && recordHashes.get(x.id as string)) || JSON.stringify(x)).join('\u0001');
/** A page's hash: of its props, or (`of`) of the lines they were read from. */
const hashOf = (job: RenderJob, of?: string[]) => {
  const h = createHash('sha1').update(version).update(job.component);
  if (of) for (const x of of) h.update(x);
  else for (const [k, v] of Object.entries(job.props)) h.update(k).update('\u0000').update(k === 'page' ? pageJson(v as Page<unknown>) : propJson(v)).update('\u0000');
  return h.digest('hex').slice(0, 16);
};
// 4. Render what changed, in worker threads, a fresh container per chunk, while the rest is still being hashed: a
// rebuild of a city spent 11 of its 33 s rendering after all 366,000 pages had been hashed, with the main thread
// waiting. Chunks of CHUNK pages go out as they fill; the pages left at the end are split between the cores (a
// rebuild after a small change rendered its few hundred pages on one worker while the other core idled).
const cores = availableParallelism();
interface Rendering { worker: Worker; pages: number; waiting: { ok: (out: WorkerOutput) => void; fail: (e: Error) => void }[] }
const pool: Rendering[] = [];
const done: Promise<WorkerOutput>[] = [];
/**
 * Chunks given to the workers and not yet rendered, at most: hashing outpaces rendering, and every chunk waiting
 * holds its pages' props in a worker (unbounded, the stage's peak at 100,000 subjects went from 1.89 to 2.26 GB).
 * Two a worker keep each busy while the next is on its way.
 */
const IN_FLIGHT = 2 * cores;
let roomMade: (() => void) | undefined;
/** Wakes the hashing if it waits for room (a chunk was rendered, or a worker failed). */
const makeRoom = () => {
  roomMade?.();
  roomMade = undefined;
};
const inFlight = () => pool.reduce((n, r) => n + r.waiting.length, 0);
/** Resolves once the workers have room for another chunk. */
async function room(): Promise<void> {
  while (inFlight() >= IN_FLIGHT) await new Promise<void>((ok) => { roomMade = ok; });
}
/** Hands a chunk to the worker with the fewest pages given; a worker takes its chunks in turn, without this thread. */
function render(chunk: RenderJob[]): void {
  let r = pool.length < cores ? undefined : pool.reduce((a, b) => (b.pages < a.pages ? b : a));
  if (!r) {
    // A larger young generation than a worker's default: a render makes much short-lived garbage (the collector was a
    // fifth of the workers' time). 10,000 subjects, this stage alone, 5 runs in turn: 128 MB against the default,
    // processor 0.97, wall 0.95, peak +230 MB; 64 MB: 0.99 and 0.97.
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 128 } });
    const started: Rendering = { worker, pages: 0, waiting: [] };
    worker.on('message', (out: WorkerOutput) => {
      started.waiting.shift()!.ok(out);
      makeRoom();
    });
    worker.on('error', (e) => {
      for (const w of started.waiting.splice(0)) w.fail(e);
      makeRoom();
    });
    pool.push((r = started));
  }
  const rendering = r;
  r.pages += chunk.length;
  done.push(new Promise<WorkerOutput>((ok, fail) => rendering.waiting.push({ ok, fail })));
  r.worker.postMessage({ bundle, headTags, dist, jobs: chunk } satisfies WorkerInput);
}
const byComponent = new Map<string, number>();
function consider(job: RenderJob, of?: string[]) {
  const hash = hashOf(job, of);
  byComponent.set(job.component, (byComponent.get(job.component) ?? 0) + 1);
  pages[job.path] = hash;
  // Looked for under --full too: a page whose folder is not there is made without first trying to open it.
  const there = inPlace(job.path);
  if (previous.pages[job.path] !== hash || !there) {
    jobs.push({ ...job, there });
    if (jobs.length === CHUNK) render(jobs.splice(0));
  }
}
for (const [id, s] of subjects) {
  if (inFlight() >= IN_FLIGHT) await room();
  const records = (bySubject.get(id) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1));
  // No date in the props: a page changes only when its subject or records do.
  const sh = subjectHashes.get(id)!;
  consider({ component: 'SubjectPage', path: `subject/${id}/index.html`, props: { subject: s, records } }, [sh, ...records.map((r) => recordHashes.get(r.id)!)]);
  for (const r of records) consider({ component: 'RecordPage', path: `record/${r.id}/index.html`, props: { record: r, subject: s } }, [recordHashes.get(r.id)!, sh]);
  // A section longer than the credit file shows in full gets pages of its own.
  for (const kind of RECORD_KINDS) {
    const list = records.filter((r) => r.kind === kind);
    if (!sectionPageCount(list.length)) continue;
    // Each page gets its own rows, and the last days of the whole section for its total.
    const ends = endCounts(list);
    for (const page of paginate(newestFirst(list), SECTION_PAGE, sectionUrl(id, kind))) {
      consider({ component: 'SubjectSectionPage', path: fileOf(page.url.current), props: { subject: s, kind, page, ends } });
    }
  }
}

// The lists, the authorities and the subject index.
const newest = sortedByDateDesc([...bySubject.values()].flat());
for (const job of listJobs(newest, [...subjects.values()])) {
  if (inFlight() >= IN_FLIGHT) await room();
  consider(job);
}

const left = Math.ceil(jobs.length / cores);
while (jobs.length) render(jobs.splice(0, left));
let written = 0;
let renderMs = 0;
let writeMs = 0;
try {
  for (const out of await Promise.all(done)) {
    if (out.error) throw new Error(`render-entities: ${out.error}`);
    written += out.written;
    renderMs += out.renderMs ?? 0;
    writeMs += out.writeMs ?? 0;
  }
} finally {
  await Promise.all(pool.map((r) => r.worker.terminate()));
}
const workers = pool.length;

// 5. Pages of subjects and records no longer public are removed.
let removed = 0;
if (values.full) {
  // A full build renders every page over the last build's files, in place (scripts/build.ts), and trusts no
  // manifest: every file of these folders that is not one of its pages goes, then every folder left empty.
  removed = removeAllBut(new Set(Object.keys(pages)));
} else {
  for (const path of Object.keys(previous.pages)) {
    if (pages[path]) continue;
    // A page is alone in its folder (subject/ID/index.html) but for the pages of its long sections below it
    // (subject/ID/penalty/2/index.html), which are gone too when the subject is: the folder goes with it.
    await rm(join(dist, dirname(path)), { recursive: true, force: true });
    removed++;
  }
}
/** Removes from this stage's folders every file not in `keep` (paths relative to dist/) and the folders left empty; returns the files removed. */
function removeAllBut(keep: ReadonlySet<string>): number {
  let n = 0;
  const sweep = (rel: string): boolean => {
    let empty = true;
    for (const e of readdirSync(join(dist, rel), { withFileTypes: true })) {
      const child = join(rel, e.name);
      if (e.isDirectory() ? sweep(child) : !keep.has(child)) {
        rmSync(join(dist, child), { recursive: true, force: true });
        if (!e.isDirectory()) n++;
      } else empty = false;
    }
    return empty;
  };
  for (const top of ENTITY_DIRS) if (existsSync(join(dist, top)) && sweep(top)) rmSync(join(dist, top), { recursive: true, force: true });
  return n;
}
await writeFile(manifestFile, `${JSON.stringify({ version, inputs, pages })}\n`);
const total = Object.keys(pages).length;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.error(`entity pages: ${total} (${[...byComponent].map(([c, n]) => `${c} ${n}`).join(', ')}); rendered ${written}, unchanged ${total - written}, removed ${removed}; `
  + `compile ${seconds(compiled - started)} s, render ${seconds(renderMs)} s and write ${seconds(writeMs)} s (summed over workers), total ${seconds(performance.now() - started)} s with ${workers} worker(s) → ${values.dist}`);
