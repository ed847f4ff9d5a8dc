/**
 * The build at district and city size: for each N, a synthetic district of N subjects (npm run sample --
 * --subjects N) is built from scratch in a scratch copy of the project, stage by stage (time and peak
 * memory), then rebuilt after --change 0.01 (time, and how many files of dist/ were written), then built once more
 * with nothing new (the same sources, the same day: what a second build on the same day costs). In the same
 * run, a plain Node writer puts out the same number of entity pages of the same sizes: the floor.
 *
 *   node bench/scale.ts [--tiers 1000,10000,100000] [--out bench/results]
 *
 * Writes bench/results/scale.json and bench/results/scale.md (the README links the table). Tiers measured
 * earlier and kept in scale.json stay unless measured again; --tiers '' only rewrites the table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSearch, medianMs, type SearchBench } from './search.ts';

const { values } = parseArgs({ options: { tiers: { type: 'string', default: '1000,10000' }, out: { type: 'string', default: 'bench/results' } } });
const OUT = resolve(values.out);
const ROOT = resolve(import.meta.dirname, '..');
const TODAY = '2026-11-22';
const node = process.execPath;
const flags = ['--disable-warning=ExperimentalWarning'];

interface Stage { name: string; seconds: number; peakRssMB: number; cpuSeconds?: number }
/**
 * scripts/build.ts --json: each stage, the wall time of the whole, and (since Astro then the entity pages, the open
 * data and the search index run at the same time) the peak of all the build's processes at once and the processor
 * time of all stages.
 */
interface BuildRun { stages: Stage[]; total: number; peakRssMB?: number; cpuSeconds?: number; together?: string[] }

/** A scratch copy of the project (sources only; node_modules linked), so that a bench never touches dist/. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'credit-scale-'));
  for (const entry of ['src', 'scripts', 'content', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'district.yaml']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (p) => !p.includes(`${join('content', 'data')}`) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function build(dir: string, sources: string, full: boolean): BuildRun {
  const json = join(dir, 'build-stages.json');
  const r = spawnSync(node, [...flags, 'scripts/build.ts', '--json', json, ...(full ? ['--full'] : [])], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, CREDIT_SOURCES: sources, CREDIT_TODAY: TODAY }, maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`build failed in ${dir}:\n${r.stderr.slice(-4000)}`);
  return JSON.parse(readFileSync(json, 'utf8')) as BuildRun;
}

function walk(dir: string, visit: (path: string, size: number, mtimeMs: number) => void): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else { const st = statSync(p); visit(p, st.size, st.mtimeMs); }
  }
}

/** The floor: write the same number of pages, of the same sizes, with plain Node in one thread. */
function floor(dist: string): { pages: number; seconds: number } {
  const sizes: number[] = [];
  for (const kind of ['subject', 'record']) walk(join(dist, kind), (_p, size) => sizes.push(size));
  const out = mkdtempSync(join(tmpdir(), 'credit-floor-'));
  const block = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>信用档案</title></head><body>'.padEnd(1024, '信');
  const t0 = performance.now();
  sizes.forEach((size, i) => {
    const file = join(out, 'p', String(i % 1000), String(i), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    // A page assembled from strings, as a template-literal renderer would, of the real page's length.
    writeFileSync(file, `${block.repeat(Math.max(1, Math.floor(size / 3 / 1024)))}<p>${i}</p></body></html>`);
  });
  const seconds = (performance.now() - t0) / 1000;
  spent.push(out);
  return { pages: sizes.length, seconds };
}

interface Tier {
  subjects: number; publicRecords: number; subjectsWithRecords: number;
  full: BuildRun; floor: { pages: number; seconds: number };
  /** largestHtml: the heaviest HTML page (the issue allows none over 200 KB); not recorded before 2026-12-02. */
  dist: { files: number; bytes: number; largestHtml?: { path: string; bytes: number } };
  incremental: BuildRun & { filesWritten: number; filesTotal: number };
  search?: SearchBench;
  /**
   * The same searches after the rebuild, as readers search between two full builds: the small index of the subjects
   * changed since, merged into the base's at build time since 2026-12-04 (merged in the browser before). Not
   * recorded before 2026-12-02.
   */
  searchAfterRebuild?: SearchBench;
  /** The build once more after the rebuild, with nothing new (the same sources and day); not recorded before 2026-12-07 night. */
  again?: BuildRun & { filesWritten: number };
}
const tiers: Tier[] = [];
/** Scratch folders to remove once every tier has been measured. */
const spent: string[] = [];
for (const n of values.tiers.split(',').filter(Boolean).map(Number)) {
  const gen = mkdtempSync(join(tmpdir(), 'credit-district-'));
  execFileSync(node, [...flags, join(ROOT, 'scripts/sample/generate.ts'), '--subjects', String(n), '--out', join(gen, 'base')], { stdio: 'ignore' });
  execFileSync(node, [...flags, join(ROOT, 'scripts/sample/generate.ts'), '--subjects', String(n), '--change', '0.01', '--out', join(gen, 'changed')], { stdio: 'ignore' });
  const dir = scratch();
  console.error(`scale ${n}: building in ${dir}`);
  const full = build(dir, join(gen, 'base', 'sources.yaml'), true);
  const report = JSON.parse(readFileSync(join(dir, 'content/data/ingest-report.json'), 'utf8'));
  const dist = { files: 0, bytes: 0, largestHtml: { path: '', bytes: 0 } };
  walk(join(dir, 'dist'), (p, size) => {
    dist.files++;
    dist.bytes += size;
    if (p.endsWith('.html') && size > dist.largestHtml.bytes) dist.largestHtml = { path: relative(join(dir, 'dist'), p), bytes: size };
  });
  const fl = floor(join(dir, 'dist'));
  const search = await benchSearch(join(dir, 'dist'), join(dir, 'content/data'));
  // Rebuild after 1% changed, and count what was written again: a file new, or whose time moved. Until 2026-12-07
  // night every file's time was set back an hour before the rebuild instead: 65 s at 100,000 subjects (463,188
  // files) before the rebuild began. Whether those inode updates, written back meanwhile, slowed the rebuild was
  // not seen: one pair of rebuilds by hand took 65.2 s after them and 72.3 s without.
  const rebuilt = (): { written: number; total: number } => {
    let [written, total] = [0, 0];
    walk(join(dir, 'dist'), (p, _s, mtime) => { total++; if (times.get(p) !== mtime) written++; });
    return { written, total };
  };
  let times = new Map<string, number>();
  walk(join(dir, 'dist'), (p, _s, mtime) => times.set(p, mtime));
  const inc = build(dir, join(gen, 'changed', 'sources.yaml'), false);
  const { written, total } = rebuilt();
  const searchAfterRebuild = await benchSearch(join(dir, 'dist'), join(dir, 'content/data'));
  // Once more with nothing new: the same sources on the same day.
  times = new Map();
  walk(join(dir, 'dist'), (p, _s, mtime) => times.set(p, mtime));
  const again = build(dir, join(gen, 'changed', 'sources.yaml'), false);
  const writtenAgain = rebuilt().written;
  tiers.push({
    subjects: n, publicRecords: report.totals.published, subjectsWithRecords: report.totals.subjects,
    full, floor: fl, dist, incremental: { ...inc, filesWritten: written, filesTotal: total }, search, searchAfterRebuild,
    again: { ...again, filesWritten: writtenAgain },
  });
  console.error(`scale ${n}: full ${full.total.toFixed(1)} s, incremental ${inc.total.toFixed(1)} s, again ${again.total.toFixed(1)} s, floor ${fl.seconds.toFixed(1)} s for ${fl.pages} pages`);
  spent.push(dir, gen);
}
// Removed only now: on this machine's ext4, files and folders made after many were removed cost several times more
// (50,000 one-file folders: 15.1 s after 50,000 were removed, 3.2 s before), so removing a tier's folders before
// the next tier (or the floor's pages before the rebuild) made the next builds pay for it (docs/scale.md).
for (const dir of spent) rmSync(dir, { recursive: true, force: true });

// Keep the tiers measured before (a 100k tier takes half an hour); those measured now replace them.
const resultsFile = join(OUT, 'scale.json');
const kept: (Tier & { date?: string })[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).tiers : [];
const today = new Date().toISOString().slice(0, 10);
const all = [...kept.filter((k) => !tiers.some((t) => t.subjects === k.subjects)), ...tiers.map((t) => ({ ...t, date: today }))]
  .sort((a, b) => a.subjects - b.subjects);

const NONE: Stage = { name: '', seconds: NaN, peakRssMB: NaN };
const peakOf = (run: BuildRun) => run.peakRssMB ?? Math.max(...run.stages.map((s) => s.peakRssMB));
/** The search index's share of the build: of its wall time, and of its processor time where recorded. */
const searchShare = (run: BuildRun) => {
  const st = stage(run, 'search');
  const wall = `${Math.round((100 * st.seconds) / run.total)}% of the build`;
  return st.cpuSeconds !== undefined && run.cpuSeconds ? `${wall}; ${Math.round((100 * st.cpuSeconds) / run.cpuSeconds)}% of its processor time` : wall;
};
const stage = (run: BuildRun, name: string) => run.stages.find((s) => s.name === name) ?? NONE;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const yes = (r: { found: boolean }) => (r.found ? 'found' : '**not found**');
const s1 = (x: number) => `${x.toFixed(1)} s`;
/** A search table's cells from the first search on: first, later (median), fragments found, pinyin, code, 文号. */
const searchCells = (q: SearchBench) => {
  const runs = [q.cold, ...q.later];
  return `${ms(q.cold.ms)}, ${kb(q.cold.bytes)} | ${ms(medianMs(q.later))} | ${runs.filter((r) => r.found).length} of ${runs.length} | ${ms(q.pinyin.ms)}, ${yes(q.pinyin)} | ${ms(q.code.ms)}, ${kb(q.code.bytes)} | ${ms(q.docNo.ms)}, ${yes(q.docNo)}`;
};
const gb = (mb: number) => `${(mb / 1024).toFixed(2)} GB`;
const lines = [
  '# The build at scale',
  '',
  `Recorded by \`node bench/scale.ts\` (\`npm run bench\`): ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; the date of each tier's run is in its row.`,
  'Each tier is a synthetic district (`npm run sample -- --subjects N`) built from scratch (`npm run build -- --full`), then rebuilt after `--change 0.01`, then (since 2026-12-07 night) built once more with nothing new.',
  'The floor is a plain Node writer putting out the same number of entity pages of the same sizes in the same run.',
  'Since 2026-12-04 every scratch folder (a tier\'s checkout, its sources, the floor\'s pages) is removed after the last tier, not before the next step: on this machine\'s file system, files made after many were removed cost several times more, which made each tier pay for the one before (docs/scale.md).',
  '',
  'Each stage cell is wall time / peak memory (with the processes a stage starts, such as Pagefind\'s indexer, where recorded). Since 2026-11-25 evening, after the ingest, Astro then the entity pages, the open data and the search index run at the same time: the total is the wall time of the whole build, its peak memory that of all its processes at once (sampled every quarter second; before, the largest stage\'s, without Pagefind\'s indexer), and its processor time all stages\' user and system time. The search index\'s share of the build is given in both. Since 2026-12-07 afternoon Astro\'s pages read only the ingest\'s summary. That afternoon\'s run was made with the entity pages started beside Astro in a full build, waiting for its stylesheet links (33855a4, reverted after: 1.02 of the time in paired runs), so its entity pages\' cells include that wait. Since 2026-12-07 evening a list is read by month after its first page (5ca4527): fewer list pages, and fewer of them rendered again by a rebuild. Since 2026-12-07 night a stage whose inputs are those of its last run, with its output as it left it, is not run again (the ingest, Astro, the entity pages, the open data, the search): the rebuild table\'s last column. That night\'s 1,000-subject full build (16.9 s, against 8.7 s on 2026-12-03) is made in a fresh copy, which compiles the entity components first (about 2 s) and has nothing cached; by hand, with the components compiled, three runs in turn against the code before that session\'s took 10.4–12.6 s against 10.2–11.6 s (1.03 of the time). The run of 2026-12-07 late night (the subject index cut by its subjects, d1e4f77) is kept apart in `scale-2026-12-07-latenight.md`: the file system was slowed through it (the floor 2–6× the night before\'s, the builds\' wall time with it, their processor time not); the files its rebuild wrote are comparable: 3,481 of 463,489 at 100,000 subjects (0.75%), 439 of 51,184 at 10,000. The run of 2026-12-08 (0e81a0f: that index, and a letter of more than 100 pages listed on its first page by parts) replaces the night\'s in this table; the night\'s is in `scale-2026-12-07-night.md`. Its 1,000-subject floor (1.2 s, against 0.3 s) is a second\'s noise on a small tier. The run of 2026-12-08 morning (3f072f2: the resolve with lighter maps, 0.92 of the rebuild ingest\'s time in pairs run in turn) replaces it here; that run is kept in `scale-2026-12-08.md`, this one also in `scale-2026-12-08-morning.md`. Its rebuild at 100,000 subjects (71.1 s, its ingest 32.9 s against 29.9 s) shows the day\'s drift, not the change: compare the pairs.',
  '',
  '| subjects generated (run on) | with public records | public records | ingest | Astro | entity pages | open data | search index | publish | total | processor time | peak memory | dist/ | largest HTML page | floor (entity pages) | total ÷ floor |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...all.map((t) => `| ${t.subjects} (${t.date}) | ${t.subjectsWithRecords} | ${t.publicRecords} | ${['ingest', 'astro', 'entities', 'opendata', 'search', 'publish'].map((n) => `${s1(stage(t.full, n).seconds)} / ${gb(stage(t.full, n).peakRssMB)}`).join(' | ')} | ${s1(t.full.total)} | ${t.full.cpuSeconds ? s1(t.full.cpuSeconds) : '–'} | ${gb(peakOf(t.full))} | ${t.dist.files} files, ${(t.dist.bytes / 2 ** 30).toFixed(2)} GB | ${t.dist.largestHtml ? `${kb(t.dist.largestHtml.bytes)} (${t.dist.largestHtml.path})` : '–'} | ${s1(t.floor.seconds)} for ${t.floor.pages} pages | ${(t.full.total / t.floor.seconds).toFixed(1)}× |`),
  '',
  '## Incremental rebuild after 1% of the subjects changed',
  '',
  '| subjects | full build | rebuild | rebuild ÷ full | entity pages stage | files of dist/ written again | built once more, nothing new (since 2026-12-07 night) |',
  '|---|---|---|---|---|---|---|',
  ...all.map((t) => `| ${t.subjects} | ${s1(t.full.total)} | ${s1(t.incremental.total)} | ${Math.round((100 * t.incremental.total) / t.full.total)}% | ${s1(stage(t.incremental, 'entities').seconds)} | ${t.incremental.filesWritten} of ${t.incremental.filesTotal} (${((100 * t.incremental.filesWritten) / t.incremental.filesTotal).toFixed(1)}%) | ${t.again ? `${s1(t.again.total)}, ${t.again.filesWritten} files written` : '–'} |`),
  '',
  '## Search in Chromium (bench/search.ts)',
  '',
  'Time from submitting a query to results shown, and bytes fetched. Cold: a fresh browser profile opens /search/ (which preloads Pagefind while the reader types) and searches a fragment of a name; the bytes are all the search fetched from opening the page. Later: seven more fragments in the same page (median). Pinyin: the initials of a name. Code: an exact 统一社会信用代码 (bytes of the lookup request; the time includes opening the subject page). 文号: typed with [] instead of 〔〕; found means its record came first.',
  '',
  '| subjects | index build | index on disk | cold first search | later searches (median) | name fragments found | pinyin initials | exact code | 文号 [] |',
  '|---|---|---|---|---|---|---|---|---|',
  ...all.filter((t) => t.search).map((t) => {
    const q = t.search!;
    return `| ${t.subjects} | ${s1(stage(t.full, 'search').seconds)} (${searchShare(t.full)}) | ${(q.indexBytes / 2 ** 20).toFixed(1)} MB | ${searchCells(q)} |`;
  }),
  '',
  '### After the rebuild',
  '',
  'The same searches once the district has been rebuilt after 1% changed, as readers search it until the next full build: the small index of the subjects changed since merged into the last full build\'s at build time (since 2026-12-04; before, the two were merged in the browser), the changed subjects\' old entries left out.',
  '',
  '| subjects | cold first search | later searches (median) | name fragments found | pinyin initials | exact code | 文号 [] |',
  '|---|---|---|---|---|---|---|',
  ...all.map((t) => {
    const q = t.searchAfterRebuild;
    return `| ${t.subjects} | ${q ? searchCells(q) : 'not measured (before 2026-12-02) | | | | |'} |`;
  }),
  '',
];
mkdirSync(OUT, { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify({ tiers: all }, null, 2)}\n`);
writeFileSync(join(OUT, 'scale.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
