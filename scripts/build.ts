/**
 * npm run build [-- --full] [--strict] [--allow-shrink] [--json FILE]: the whole build, in stages, each its own process:
 *   ingest (content/data) → Astro (home, search, rules, statistics, MDX) → entity pages (credit files, permalinks,
 *   lists, authorities, subject index: the pages made from the data; incremental) → open data → search index → publish.
 * A second build in the same checkout is incremental by itself: sources that did not change are not read again
 * (.cache/ingest), entity pages whose content did not change are neither rendered nor written (.cache/entities); everything else is made in .cache/site and published
 * into dist/ only where its bytes changed (scripts/publish.ts). --full renders everything again.
 * Prints one line per stage with its wall time and peak memory; --json writes them to FILE (npm run bench).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publish } from './publish.ts';

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
/** Folders of dist/ that a stage keeps up to date itself (entity pages, search indexes); the rest is made anew. */
const KEPT_DIRS = new Set(['subject', 'record', 'lists', 'authority', 'subjects', 'pagefind', 'pagefind-delta']);
/** Astro's pages, the open data and the search index are made here, then published into dist/ file by file. */
const STAGED = join(ROOT, '.cache/site');

interface Stage { name: string; seconds: number; peakRssMB: number }
const stages: Stage[] = [];

function run(name: string, args: string[]): void {
  const rssFile = join(tmpdir(), `credit-rss-${process.pid}-${name}`);
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(node, [...flags, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CREDIT_RSS_FILE: rssFile } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(`build: stage ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  const peakRssMB = existsSync(rssFile) ? Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) : 0;
  stages.push({ name, seconds, peakRssMB });
  console.error(`build: ${name} ${seconds.toFixed(1)} s, peak ${peakRssMB} MB`);
}

run('ingest', ['scripts/ingest/cli.ts', '--out', 'content/data', ...(values.strict ? ['--strict'] : []), ...(values['allow-shrink'] ? ['--allow-shrink'] : []), ...(values.full ? ['--fresh'] : [])]);
// Everything but the entity pages is staged afresh, then published into dist/ where it changed.
if (values.full) rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
rmSync(STAGED, { recursive: true, force: true });
process.env.CREDIT_ASTRO_OUT = STAGED;
run('astro', ['node_modules/astro/bin/astro.mjs', 'build']);
run('entities', ['scripts/render-entities.ts', '--site', STAGED, ...(values.full ? ['--full'] : [])]);
run('opendata', ['scripts/open-data.ts', '--dist', STAGED]);
run('search', ['scripts/search-index.ts', '--dist', STAGED, '--index-dist', DIST, ...(values.full ? ['--full'] : [])]);
const t0 = performance.now();
const published = await publish(STAGED, DIST, KEPT_DIRS);
stages.push({ name: 'publish', seconds: (performance.now() - t0) / 1000, peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20) });
console.error(`build: publish ${stages.at(-1)!.seconds.toFixed(1)} s: ${published.written} files written, ${published.unchanged} unchanged, ${published.removed} removed`);
const total = stages.reduce((a, s) => a + s.seconds, 0);
console.error(`build: total ${total.toFixed(1)} s, peak ${Math.max(...stages.map((s) => s.peakRssMB))} MB`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ stages, total })}\n`);
