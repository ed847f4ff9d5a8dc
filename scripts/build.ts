/**
 * npm run build [-- --full] [--strict] [--allow-shrink] [--json FILE]: the whole build, in stages, each its own process:
 *   ingest (content/data) → at the same time: Astro (home, search, rules, statistics, MDX) then the entity pages
 *   (credit files, permalinks, lists, authorities, subject index: the pages made from the data; incremental, with
 *   Astro's stylesheet links; in a rebuild beside Astro, with the last build's links, checked against Astro's when
 *   it ends); the open data; the search index → publish.
 * After the ingest, these read only its data (the entity pages also Astro's stylesheet links) and write apart: run
 * together they fill the cores that each alone leaves idle (the entity pages wait on the disk, Astro and Pagefind's
 * compression of its files use one thread each).
 * A second build in the same checkout is incremental by itself: sources that did not change are not read again
 * (.cache/ingest), entity pages whose content did not change are neither rendered nor written (.cache/entities); everything else is made in .cache/site and published
 * into dist/ only where its bytes changed (scripts/publish.ts). A stage whose inputs are those of its last run and
 * whose output is as it left it stands: the ingest (scripts/ingest/memo.ts), Astro (astro-key.ts), the entity pages,
 * the open data and the search index; so a build on the same day with nothing new writes nothing. --full renders everything again.
 * Prints one line per stage with its wall time and peak memory; --json writes them to FILE (npm run bench).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { descendants, usageOf } from './proc-usage.mjs';
import { stylesheetLinks } from './head-tags.ts';
import { publish } from './publish.ts';
import { forgetOutput, outputStands, recordOutput } from './output-memo.ts';
import { astroKey } from './astro-key.ts';
import { ENTITY_DIRS } from '../src/lib/view/urls.ts';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    /** Passed to the ingest: fail on any failed source instead of using its last good snapshot. */
    strict: { type: 'boolean', default: false },
    /** Passed to the ingest: accept a source that shrank by more than half. */
    'allow-shrink': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const node = process.execPath;
const flags = ['--disable-warning=ExperimentalWarning', '--import', join(ROOT, 'scripts/peak-rss.mjs')];
/** Folders of dist/ that a stage keeps up to date itself (entity pages, search indexes and lookups); the rest is made anew. */
const KEPT_DIRS = new Set<string>([...ENTITY_DIRS, 'pagefind', 'pagefind-delta', 'codes', 'docno']);
/** Astro's pages, the open data and the search index are made here, then published into dist/ file by file. */
const STAGED = join(ROOT, '.cache/site');
/** The open data and lookups are staged beside, then moved into STAGED beside Astro's pages before publishing. */
const STAGED_BESIDE = join(ROOT, '.cache/site-beside');
/**
 * Astro builds into ASTRO_OUT, kept between builds, and its pages are copied into STAGED from there: a build whose
 * inputs of Astro's are those of the last one that ran it (astroKey) and whose ASTRO_OUT is as that one left it
 * (ASTRO_MEMO, scripts/output-memo.ts) does not run Astro again. Its build is a fixed 5–7 s of processor time at any
 * size, the longest stage of a build with nothing new.
 */
const ASTRO_OUT = join(ROOT, '.cache/astro');
const ASTRO_MEMO = join(ROOT, '.cache/astro.json');

/** A stage's wall time, its peak memory and the processor time it used (user and system, all its threads). */
interface Stage { name: string; seconds: number; peakRssMB: number; cpuSeconds: number }
const stages: Stage[] = [];
const running = new Set<ReturnType<typeof spawn>>();
const started = performance.now();
/**
 * The build's memory at once: every quarter second, the resident memory of all its processes added up (read from
 * /proc; 0 where there is none). Stages that run together peak at different moments, so this is below the sum of
 * their peaks, and may miss a spike shorter than a quarter second.
 */
let treePeakKB = 0;
const treeSampler = setInterval(() => {
  const kb = descendants(process.pid).reduce((a, pid) => a + usageOf(pid).rssKB, usageOf(process.pid).rssKB);
  treePeakKB = Math.max(treePeakKB, kb);
}, 250);

/**
 * A larger young generation for the stages that make many short-lived objects in one thread: measured at 100,000
 * subjects with the two commands run in turn, the rebuild's ingest used 0.91 of the processor time (4 pairs, every one
 * below 1) and the search stage 0.89 (its garbage collection 8.5 s → 4.4 s), for about 140 MB more at the peak. A full
 * ingest, whose work is mostly in its reader threads, gained nothing (1.09, spread 0.86–1.10), so it keeps the default.
 * The entity pages of a rebuild, whose main thread reads, hashes and compares every page's inputs (about 22 s of
 * processor time at 100,000 subjects when nothing changed): 0.94 (4 pairs, 0.82–0.95), 65 MB more; of a full build,
 * whose work is in the render threads (which set their own), 1.01 at 10,000 subjects, so it keeps the default there.
 */
const YOUNG = '--max-semi-space-size=64';
/**
 * The search stage of a province's portal (district.yaml `shards` with `data`) holds the Pagefind indexes of all its
 * portals until it merges them: past Node's default heap of about 4 GB with ten portals of 100,000 subjects.
 */
const SEARCH_HEAP = '--max-old-space-size=7168';

function run(name: string, args: string[], nodeFlags: string[] = []): Promise<Stage> {
  const usageFile = join(tmpdir(), `credit-rss-${process.pid}-${name}`);
  rmSync(usageFile, { force: true });
  const t0 = performance.now();
  const child = spawn(node, [...flags, ...nodeFlags, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CREDIT_RSS_FILE: usageFile } });
  running.add(child);
  return new Promise((ok) => child.on('exit', (code, signal) => {
    running.delete(child);
    const seconds = (performance.now() - t0) / 1000;
    if (code !== 0) {
      console.error(`build: stage ${name} failed (exit ${code ?? signal})`);
      // The stages running beside it stop too: their output would be published with a failed one's.
      for (const other of running) other.kill();
      process.exit(code ?? 1);
    }
    // The stage's line, "peak-MB cpu-seconds", its started processes included (peak-rss.mjs).
    const lines = existsSync(usageFile) ? readFileSync(usageFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number)) : [];
    // Read once: left in the temporary folder, every build added five files there.
    rmSync(usageFile, { force: true });
    const stage = { name, seconds, peakRssMB: Math.max(0, ...lines.map(([mb]) => mb!)), cpuSeconds: lines.reduce((a, [, cpu]) => a + (cpu ?? 0), 0) };
    stages.push(stage);
    console.error(`build: ${name} ${seconds.toFixed(1)} s, peak ${stage.peakRssMB} MB, processor ${stage.cpuSeconds.toFixed(1)} s`);
    ok(stage);
  }));
}

/** Astro's pages in STAGED: built into ASTRO_OUT, or as the last build left them there when nothing they are made from changed. */
async function astro(): Promise<Stage> {
  const key = astroKey(ROOT);
  if (!values.full && outputStands(ASTRO_MEMO, ASTRO_OUT, key)) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    cpSync(ASTRO_OUT, STAGED, { recursive: true });
    const cpu = process.cpuUsage(cpu0);
    const stage = { name: 'astro', seconds: (performance.now() - t0) / 1000, peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20), cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    stages.push(stage);
    console.error(`build: astro: its pages as the last build made them (nothing they are made from changed), copied in ${stage.seconds.toFixed(1)} s`);
    return stage;
  }
  forgetOutput(ASTRO_MEMO);
  const stage = await run('astro', ['node_modules/astro/bin/astro.mjs', 'build']);
  recordOutput(ASTRO_MEMO, ASTRO_OUT, key);
  cpSync(ASTRO_OUT, STAGED, { recursive: true });
  return stage;
}

/** Moves every file under `from` to the same place under `to`, into folders already there (Astro's data/index.html beside the open data). */
function moveInto(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [src, dst] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory() && existsSync(dst)) moveInto(src, dst);
    else renameSync(src, dst);
  }
}

await run('ingest', ['scripts/ingest/cli.ts', '--out', 'content/data', ...(values.strict ? ['--strict'] : []), ...(values['allow-shrink'] ? ['--allow-shrink'] : []), ...(values.full ? ['--fresh'] : [])], values.full ? [] : [YOUNG]);
// Everything but the entity pages is staged afresh, then published into dist/ where it changed.
/**
 * Under --full too, the last build's dist/ stays and every stage writes over it in place, each removing what it no
 * longer has (the entity pages every file of their folders that is not one of their pages, the search its index's,
 * the publish every other file not staged). Until 2026-12-04 the old dist/ was moved aside and removed beside the
 * stages: on this machine's ext4 a page folder made after as many were removed cost about 0.3 ms against 0.05–0.1 ms
 * (50,000 folders of one file each, made after 50,000 others were removed: 15.1 s, against 3.2 s before them), so
 * the removal made every new page dearer. Folders that a stopped build of before left in .cache/ go beside the stages.
 */
const leftovers = existsSync(join(ROOT, '.cache')) ? readdirSync(join(ROOT, '.cache')).filter((n) => n.startsWith('dist-old-')).map((n) => join(ROOT, '.cache', n)) : [];
const oldRemoved = Promise.all(leftovers.map((dir) => rm(dir, { recursive: true, force: true })));
mkdirSync(DIST, { recursive: true });
for (const dir of [STAGED, STAGED_BESIDE]) rmSync(dir, { recursive: true, force: true });
process.env.CREDIT_ASTRO_OUT = ASTRO_OUT;
// Entity pages into dist/ (their own folders), open data and lookups.json into STAGED_BESIDE, the search index and
// the lookups' shards into dist/pagefind*, dist/codes and dist/docno: nothing one of them reads, another writes.
// The entity pages carry the stylesheet links Astro gives its pages. A rebuild starts them at once with the last
// build's links (dist/404.html), beside Astro, as those rarely change; should Astro's differ, they are rendered
// again with its own (every page then, as the links are part of each page's hash). A full build waits for Astro.
const entities = (site: string, name = 'entities') => run(name, ['scripts/render-entities.ts', '--site', site, ...(values.full ? ['--full'] : [])], values.full ? [] : [YOUNG]);
const lastLinks = values.full ? '' : stylesheetLinks(DIST);
const pages = lastLinks
  ? Promise.all([astro(), entities(DIST)]).then(async ([built, first]) => {
    if (stylesheetLinks(STAGED) === lastLinks) return [built, first];
    console.error('build: Astro gave its pages other stylesheet links than the last build: the entity pages are rendered again with them');
    return [built, first, await entities(STAGED, 'entities-again')];
  })
  : astro().then(async (built) => [built, await entities(STAGED)]);
const together = (await Promise.all([
  pages,
  run('opendata', ['scripts/open-data.ts', '--dist', STAGED_BESIDE, ...(values.full ? ['--full'] : [])]).then((s) => [s]),
  run('search', ['scripts/search-index.ts', '--dist', STAGED_BESIDE, '--index-dist', DIST, ...(values.full ? ['--full'] : [])], [YOUNG, SEARCH_HEAP]).then((s) => [s]),
])).flat();
moveInto(STAGED_BESIDE, STAGED);
rmSync(STAGED_BESIDE, { recursive: true, force: true });
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const published = await publish(STAGED, DIST, KEPT_DIRS);
const cpu = process.cpuUsage(cpu0);
stages.push({ name: 'publish', seconds: (performance.now() - t0) / 1000, peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20), cpuSeconds: (cpu.user + cpu.system) / 1e6 });
console.error(`build: publish ${stages.at(-1)!.seconds.toFixed(1)} s: ${published.written} files written, ${published.unchanged} unchanged, ${published.removed} removed`);
await oldRemoved;
clearInterval(treeSampler);
// The total is the wall time from the first stage to the last (and to the end of removing what a stopped build left in .cache/).
// The peak is the larger of any stage's own and the whole build's at once (sampled); where /proc cannot be read,
// the stages that ran together are taken to have peaked together: the open data and the search beside the larger
// of Astro and the entity pages where they ran one after the other (a full build), beside both where they ran
// together (a rebuild).
const total = (performance.now() - started) / 1000;
const stagePeak = Math.max(...stages.map((s) => s.peakRssMB));
const peakOf = (name: string) => together.find((s) => s.name === name)?.peakRssMB ?? 0;
const peakRssMB = treePeakKB
  ? Math.max(stagePeak, Math.round(treePeakKB / 1024))
  : (lastLinks ? peakOf('astro') + peakOf('entities') : Math.max(peakOf('astro'), peakOf('entities'))) + peakOf('opendata') + peakOf('search');
const cpuSeconds = stages.reduce((a, s) => a + s.cpuSeconds, 0);
console.error(`build: total ${total.toFixed(1)} s, peak ${peakRssMB} MB (all processes at once), processor ${cpuSeconds.toFixed(1)} s`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ stages, total, peakRssMB, cpuSeconds, together: together.map((s) => s.name) })}\n`);
