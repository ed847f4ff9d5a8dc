/**
 * A province as shards, simulated on this machine: N synthetic districts (different seeds, as different regions
 * would be), each built from scratch in its own copy of the project, all at once, each configured (district.yaml
 * `shards`) to search the others. Then each is served by a process and on a port of its own with CORS, as its own host would be,
 * and in Chromium the first portal's search page looks for subjects of every portal: the time from submitting to
 * results shown, and the bytes fetched from all of them (cold: a fresh profile; later: in the same page).
 * Reports each shard's stages, time and peak memory, the wall time of the whole and the search, to
 * bench/results/shards.{json,md}.
 *
 *   node bench/shards.ts [--shards 2] [--subjects 10000] [--parallel N] [--combined] [--out bench/results]
 *
 * --parallel N builds N shards at a time (all at once by default). A city-sized shard takes both cores of this
 * machine, so the province (`npm run bench -- --full`: ten shards of 100,000 subjects) builds them one after
 * another, each as it would on a runner of its own; each shard's build cache is removed once it is built, as a
 * runner's would be, and so are its pages (only its search index and lookups are searched), so that ten of them
 * fit on one disk.
 *
 * --combined: portal 1 is given the others' built data (district.yaml `shards` with `data`) and built after them,
 * so that its search holds every portal's subjects in one index; results go to shards-combined.{json,md}.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, statfsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { readAllNdjson } from '../src/lib/ndjson.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { CHROMIUM, serveDistApart } from '../scripts/serve-dist.ts';
import { fragment, instrument, medianMs, settled, submit, type SearchRun } from './search.ts';

const { values } = parseArgs({ options: { shards: { type: 'string', default: '2' }, subjects: { type: 'string', default: '10000' }, out: { type: 'string', default: 'bench/results' }, combined: { type: 'boolean', default: false }, parallel: { type: 'string' } } });
/** --combined: the first portal is built after the others and given their data, so that it searches them in its own index. */
const combined = values.combined;
const ROOT = resolve(import.meta.dirname, '..');
const node = process.execPath;
const flags = ['--disable-warning=ExperimentalWarning'];
const n = Number(values.shards);
const subjects = Number(values.subjects);
const parallel = Math.max(1, Math.min(n, Number(values.parallel ?? n)));

/** A free port, asked of the system; each portal's address must be known before the others are built. */
const freePort = () => new Promise<number>((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => ok(port)); }); });
/**
 * What the shards need on disk. A 100,000-subject shard takes about 70 KB a subject while it builds (its sources,
 * cache, dist/ and content/data: 6.8 GB). Once built, only what the search fetches is kept (below), about 7 KB a
 * subject, until all are searched: kept whole, ten did not fit beside the project on this machine (root may use
 * about 100 GB of its disk), and the tenth build failed for want of space.
 */
const BUILDING_PER_SUBJECT = 70 * 1024;
const KEPT_PER_SUBJECT = 7 * 1024;
const needed = subjects * (parallel * BUILDING_PER_SUBJECT + n * KEPT_PER_SUBJECT);
const { bavail, bsize } = statfsSync(tmpdir());
if (bavail * bsize < needed) {
  console.error(`bench:shards: ${n} shards of ${subjects} subjects need about ${(needed / 2 ** 30).toFixed(0)} GB in ${tmpdir()}, and ${(bavail * bsize / 2 ** 30).toFixed(0)} GB is free. Free space, or set TMPDIR to a disk that has it.`);
  process.exit(1);
}
const ports: number[] = [];
for (let i = 0; i < n; i++) ports.push(await freePort());
const region = (i: number) => `模拟第${i + 1}分区`;
const url = (i: number) => `http://127.0.0.1:${ports[i]}/`;

interface Stage { name: string; seconds: number; peakRssMB: number }
const dirs = Array.from({ length: n }, (_, i) => mkdtempSync(join(tmpdir(), `credit-shard-build-${i}-`)));
const shards = Array.from({ length: n }, (_, i) => {
  const gen = mkdtempSync(join(tmpdir(), `credit-shard-${i}-`));
  execFileSync(node, [...flags, join(ROOT, 'scripts/sample/generate.ts'), '--subjects', String(subjects), '--seed', String(1000 + i), '--out', gen], { stdio: 'ignore' });
  const dir = dirs[i]!;
  for (const entry of ['src', 'scripts', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'district.yaml']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (p) => !p.includes(join('content', 'data')) });
  }
  // Its own region's name, and the other portals to search with it.
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i)
    .map((j) => `  - { name: ${region(j)}, url: '${url(j)}'${combined && i === 0 ? `, data: '${join(dirs[j]!, 'content/data')}'` : ''} }`);
  const yaml = readFileSync(join(dir, 'district.yaml'), 'utf8').replace(/^ {2}region: .*$/m, `  region: ${region(i)}`);
  writeFileSync(join(dir, 'district.yaml'), `${yaml}\nshards:\n${others.join('\n')}\n`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { gen, dir };
});

// Every copy and generated district goes when the bench ends, however it ends: a failed tenth shard once left the
// nine built before it (60 GB) on the disk.
// A build still running is stopped first, with what it started (its own process group), so that nothing writes there again.
const building = new Set<number>();
process.on('exit', () => {
  for (const pid of building) { try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ } }
  for (const { gen, dir } of shards) { rmSync(gen, { recursive: true, force: true }); rmSync(dir, { recursive: true, force: true }); }
});
process.on('SIGINT', () => process.exit(130));

/** The folders of dist/ made from the data, one page per subject, record or list page: the bulk of a shard. */
const ENTITY_DIRS = ['subject', 'record', 'lists', 'authority', 'subjects', 'data'];
const t0 = performance.now();
const buildShard = ({ gen, dir }: { gen: string; dir: string }) => new Promise<{ stages: Stage[]; total: number; peakRssMB?: number }>((ok, fail) => {
  const json = join(dir, 'build-stages.json');
  const child = spawn(node, [...flags, 'scripts/build.ts', '--full', '--json', json], {
    cwd: dir, stdio: 'ignore', detached: true, env: { ...process.env, CREDIT_SOURCES: join(gen, 'sources.yaml'), CREDIT_TODAY: '2026-11-22' },
  });
  building.add(child.pid!);
  child.on('exit', (code) => {
    building.delete(child.pid!);
    if (code !== 0) return fail(new Error(`shard in ${dir} failed (${code})`));
    // What a runner throws away: its build cache and the sources.
    rmSync(join(dir, '.cache'), { recursive: true, force: true });
    rmSync(gen, { recursive: true, force: true });
    // What the search across portals does not fetch: the pages made from the data and the open data (results are
    // checked by their links, not opened), and the records (the bench picks its queries from the subjects). With
    // --combined the other portals' content/data is the first portal's input, and stays whole.
    for (const pages of ENTITY_DIRS) rmSync(join(dir, 'dist', pages), { recursive: true, force: true });
    if (!combined) rmSync(join(dir, 'content/data/records.ndjson'), { force: true });
    ok(JSON.parse(readFileSync(json, 'utf8')));
  });
});
/** Builds the given shards, `parallel` at a time, keeping their order in the result. */
async function buildAll(list: typeof shards) {
  const out: { stages: Stage[]; total: number; peakRssMB?: number }[] = [];
  let next = 0;
  const lane = async () => { for (let k = next++; k < list.length; k = next++) out[k] = await buildShard(list[k]!); };
  await Promise.all(Array.from({ length: Math.min(parallel, list.length) }, lane));
  return out;
}
// With --combined the first portal needs the others' data, so it is built after them.
const runs = combined
  ? await buildAll(shards.slice(1)).then(async (rest) => [await buildShard(shards[0]!), ...rest])
  : await buildAll(shards);
const wall = (performance.now() - t0) / 1000;

// Search across the portals from the first one's search page.
const metaBytes = shards.map(({ dir }) => readdirSync(join(dir, 'dist/pagefind')).filter((f) => f.endsWith('.pf_meta')).reduce((b, f) => b + statSync(join(dir, 'dist/pagefind', f)).size, 0));
// Each by a process of its own, as each portal's host is, not from the thread that drives the browser and times it.
const servers = await Promise.all(shards.map(({ dir }, i) => serveDistApart(join(dir, 'dist'), ports[i], { cors: true })));
const people = await Promise.all(shards.map(({ dir }) => readAllNdjson<Subject>(join(dir, 'content/data/subjects.ndjson'))));
const QUERIES = 8;
/** Query k: a company of portal k mod n, spread over each portal's subjects. */
const target = (k: number) => {
  const i = k % n;
  const companies = people[i]!.filter((s) => s.category === '法人及非法人组织' && s.codes.uscc && s.name.length >= 8);
  return { i, s: companies[Math.floor(((Math.floor(k / n) + 0.5) * companies.length) / Math.ceil(QUERIES / n))]! };
};
const browser = await chromium.launch(CHROMIUM);
const runsSearch: SearchRun[] = [];
let named: (string | null)[] = [];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('requestfinished', (req) => {
    if (/\/(pagefind|pagefind-delta|codes|docno)\/|\/lookups\.json/.test(req.url())) void req.sizes().then((s) => { bytes += s.responseBodySize + s.responseHeadersSize; }, () => {});
  });
  await page.goto(`${url(0)}search/`);
  await page.waitForLoadState('networkidle');
  // What the page says before any script: the other portals it searches, each a link to its site.
  named = await page.locator('main p', { hasText: '本页同时查询' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await instrument(page);
  // The first query is of the last portal: its subject must come from another host.
  for (const k of [n - 1, ...Array.from({ length: QUERIES }, (_, k) => k).filter((k) => k !== n - 1)]) {
    const { i, s } = target(k);
    // The first search counts everything fetched since the page opened (Pagefind, metadata, every portal's).
    const before = runsSearch.length ? bytes : 0;
    const ms = await submit(page, fragment(s.name));
    await settled(page);
    const href = i === 0 ? `/subject/${s.id}/` : `${url(i)}subject/${s.id}/`;
    const found = (await page.locator(`#results a[href="${href}"]`).count()) > 0;
    // How many subjects the fragment found, as the page says: more than a page of names holding it leaves the one asked for to chance.
    const status = (await page.locator('#search-status').textContent())?.trim() ?? '';
    runsSearch.push({ query: fragment(s.name), what: `${s.name} (${region(i)})`, ms, bytes: bytes - before, found, status });
  }
  await context.close();
} finally {
  await browser.close();
  for (const server of servers) server.close();
}

const [cold, ...later] = runsSearch;
const others = Array.from({ length: n - 1 }, (_, j) => url(j + 1));
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const together = parallel >= n ? 'all at the same time' : parallel === 1 ? 'one after another' : `${parallel} at a time`;
const slowest = Math.max(...runs.map((r) => r.total));
/** A shard's peak: the stages that ran at the same time added up (scripts/build.ts). */
const heaviest = Math.max(...runs.map((r) => r.peakRssMB ?? Math.max(...r.stages.map((s) => s.peakRssMB))));
const lines = [
  '# A province as shards, simulated',
  '',
  `Recorded by \`node bench/shards.ts --shards ${n} --subjects ${subjects}${parallel < n ? ` --parallel ${parallel}` : ''}${combined ? ' --combined' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  combined
    ? `${n} synthetic districts of ${subjects} subjects each (different seeds), each built from scratch in its own copy of the project: portals 2–${n} ${together} on this machine, then portal 1 given their data (district.yaml \`shards\` with \`data\`), so that it indexes every portal's subjects in its own search index. On CI each shard is its own runner (docs/scale.md).`
    : `${n} synthetic districts of ${subjects} subjects each (different seeds), each built from scratch in its own copy of the project, ${together} on this machine, each configured to search the others (district.yaml \`shards\`, merging their indexes in the browser). On CI each shard is its own runner (docs/scale.md).`,
  '',
  '| shard | stages (wall time / peak memory) | total | peak memory | search metadata (pf_meta) |',
  '|---|---|---|---|---|',
  ...runs.map((r, i) => `| ${i + 1} | ${r.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)} s / ${(s.peakRssMB / 1024).toFixed(2)} GB`).join(', ')} | ${r.total.toFixed(1)} s | ${((r.peakRssMB ?? Math.max(...r.stages.map((s) => s.peakRssMB))) / 1024).toFixed(2)} GB | ${kb(metaBytes[i]!)} |`),
  '',
  `All ${n} shards built in ${wall.toFixed(1)} s of wall time. The slowest shard took ${slowest.toFixed(1)} s and the most memory any shard's build took at once was ${(heaviest / 1024).toFixed(2)} GB (a province's target: each shard ≤ 20 min and ≤ 8 GB).`,
  '',
  '## Searching every portal from one',
  '',
  `Each portal's \`dist/\` served by a process and on a port of its own with CORS (since 2026-12-03; before, all from the benchmark's own thread); the first portal's /search/ in Chromium (bench/shards.ts). Cold: a fresh profile opens the page and searches a name fragment of a subject of portal ${n}; bytes are everything the search fetched from all portals since the page opened. Later: ${later.length} more fragments, of subjects of each portal in turn, in the same page.`,
  '',
  '| cold first search | later searches (median) | fragments whose subject was shown, with its portal\'s link |',
  '|---|---|---|',
  `| ${cold!.ms.toFixed(0)} ms, ${kb(cold!.bytes)} | ${medianMs(later).toFixed(0)} ms | ${runsSearch.filter((r) => r.found).length} of ${runsSearch.length} |`,
  '',
  '| query | subject (portal) | time | fetched | shown on the first page | the page said |',
  '|---|---|---|---|---|---|',
  ...runsSearch.map((r) => `| ${r.query} | ${r.what} | ${r.ms.toFixed(0)} ms | ${kb(r.bytes)} | ${r.found ? 'yes' : '**no**'} | ${r.status ?? ''} |`),
  '',
  `The first portal's search page, as built, names ${named.length} other portals with a link to each (${others.every((u) => named.includes(u)) ? 'every one' : 'not every one'} of the ${n - 1} configured).`,
  '',
];
mkdirSync(resolve(values.out), { recursive: true });
const base = `shards${combined ? '-combined' : ''}${subjects !== 10000 ? `-${subjects}` : ''}`;
writeFileSync(join(resolve(values.out), `${base}.json`), `${JSON.stringify({ shards: n, subjects, combined, wall, runs, metaBytes, search: runsSearch }, null, 2)}\n`);
writeFileSync(join(resolve(values.out), `${base}.md`), lines.join('\n'));
console.log(lines.join('\n'));
