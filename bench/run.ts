/**
 * npm run bench [-- --tiers 1000,10000,100000] [--full]: ingest speed and memory on the sample (1× and 10×) and on each
 * realdata file, the build of the sample by stage, what pages weigh and how fast a first search is
 * (bench/results.md), then the build at district and city size with its incremental rebuild
 * (bench/scale.ts → bench/results/scale.md); with --full, a province of a million subjects as ten shards of 100,000
 * built one after another, the province's portal given the others' data and searched through its one index
 * (bench/shards.ts --combined → bench/results/shards-combined-100000.md). No timed assertions live in the tests; this is where speed is shown.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { siteBench } from './site.ts';

const { values: args } = parseArgs({ options: { tiers: { type: 'string', default: '1000,10000,100000' }, full: { type: 'boolean', default: false } } });
const ROOT = resolve(import.meta.dirname, '..');
const TODAY = '2026-11-22';
const node = process.execPath;
const flags = ['--disable-warning=ExperimentalWarning'];
/** Scratch folders (each ingest's output, the generated sample), removed when the bench ends: a run left 32 (about 1 GB). */
const scratch: string[] = [];
const tmp = () => { const dir = mkdtempSync(join(tmpdir(), 'credit-bench-')); scratch.push(dir); return dir; };
process.on('exit', () => { for (const dir of scratch) rmSync(dir, { recursive: true, force: true }); });

interface Once { ms: number; maxRssMB: number; sources: { id: string; rows: number; accepted: number; rejected: number }[]; totals: { rows: number; published: number; subjects: number } }
function ingest(sources: string, today = TODAY): Once {
  const out = spawnSync(node, [...flags, join(ROOT, 'bench/ingest-once.ts'), sources, join(tmp(), 'out'), today], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}
const best = (runs: Once[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

const rows: string[] = [];
const line = (cells: (string | number)[]) => rows.push(`| ${cells.join(' | ')} |`);

// 1. The sample, at 1× and 10× (generated with the same seed and --scale).
rows.push('## Ingest of the generated 道里 sample', '', '| scale | rows | records public | subjects | time (best of 3) | rows/s | peak RSS |', '|---|---|---|---|---|---|---|');
for (const scale of [1, 10]) {
  let sources = join(ROOT, 'content/sources/daoli/sources.yaml');
  if (scale !== 1) {
    const dir = tmp();
    execFileSync(node, [...flags, join(ROOT, 'scripts/sample/generate.ts'), '--out', dir, '--scale', String(scale)], { stdio: 'ignore' });
    const yaml = parse(readFileSync(sources, 'utf8'));
    for (const s of yaml.sources) delete s.minRows;
    sources = join(dir, 'sources.yaml');
    writeFileSync(sources, stringify(yaml));
  }
  const r = best([ingest(sources), ingest(sources), ingest(sources)]);
  line([`${scale}×`, r.totals.rows, r.totals.published, r.totals.subjects, `${(r.ms / 1000).toFixed(2)} s`, Math.round(r.totals.rows / (r.ms / 1000)), `${r.maxRssMB} MB`]);
}

// 2. Each real published file on its own (descriptors from tests/fixtures/realdata).
rows.push('', '## Ingest of each file under ../shared/realdata (today 2026-11-22)', '', '| source | rows | accepted | rejected | time (best of 3) | peak RSS |', '|---|---|---|---|---|---|');
const fixture = join(ROOT, 'tests/fixtures/realdata/sources.yaml');
const real = parse(readFileSync(fixture, 'utf8'));
for (const s of real.sources) {
  const dir = tmp();
  const file = join(dir, 'sources.yaml');
  writeFileSync(file, stringify({ sources: [{ ...s, location: resolve(ROOT, 'tests/fixtures/realdata', s.location) }] }));
  const r = best([ingest(file), ingest(file), ingest(file)]);
  const src = r.sources[0]!;
  line([src.id, src.rows, src.accepted, src.rejected, `${(r.ms / 1000).toFixed(2)} s`, `${r.maxRssMB} MB`]);
}

// 3. The full build of the sample, by stage.
rows.push('', '## Build of the sample (`npm run build -- --full`, by stage)', '', '| stage | time | peak memory |', '|---|---|---|');
const stagesFile = join(tmp(), 'stages.json');
const build = spawnSync(node, [...flags, 'scripts/build.ts', '--full', '--json', stagesFile], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CREDIT_TODAY: TODAY } });
if (build.status !== 0) throw new Error(build.stderr);
const stages = JSON.parse(readFileSync(stagesFile, 'utf8')) as { stages: { name: string; seconds: number; peakRssMB: number }[]; total: number; peakRssMB: number; together: string[] };
for (const st of stages.stages) line([st.name, `${st.seconds.toFixed(1)} s`, `${st.peakRssMB} MB`]);
// Astro then the entity pages, the open data and the search index run at the same time: the total is the wall time,
// the peak that of all the build's processes at once.
line([`total (${stages.together.join(', ')} at the same time)`, `${stages.total.toFixed(1)} s`, `${stages.peakRssMB} MB`]);

// 4. Page weights and the first search.
const recs = readFileSync(join(ROOT, 'content/data/records.ndjson'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; subjectId: string; kind: string });
const busiest = Object.entries(recs.reduce<Record<string, number>>((m, r) => ({ ...m, [r.subjectId]: (m[r.subjectId] ?? 0) + 1 }), {})).sort((a, b) => b[1] - a[1])[0]![0];
rows.push('', '## Page weight (HTML + CSS + JS each page loads, compressed as a static host would serve them)', '');
rows.push(await siteBench({
  home: '', search: 'search', 'subject page, busiest subject': `subject/${busiest}`, 'subject page, typical': `subject/${recs[0]!.subjectId}`,
  'penalty permalink': `record/${recs.find((r) => r.kind === 'penalty')!.id}`, 'penalty list page': 'lists/penalty', 'black list page': 'lists/black',
}, '商贸'));

const header = [
  '# Benchmark results',
  '',
  `Recorded by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  'Times are wall-clock for a whole run in a fresh process (read, map, resolve, write), best of 3; peak RSS is the process maximum.',
  '',
];
const text = `${[...header, ...rows].join('\n')}\n`;
writeFileSync(join(ROOT, 'bench/results.md'), text);
console.log(text);

// 5. District and city size: full and incremental builds against the plain-Node floor (bench/results/scale.md).
// --tiers '' skips this (the tiers measured before stay in bench/results/scale.json).
const scale = spawnSync(node, [...flags, join(ROOT, 'bench/scale.ts'), '--tiers', args.tiers], { cwd: ROOT, stdio: 'inherit' });
if (scale.status !== 0) process.exit(scale.status ?? 1);

// 6. --full: the province, 1M subjects as ten city-sized shards, each built as one runner would (about an hour and a
// half here), the province's portal last and given the other nine's data, so that its search goes through one index
// (--combined; docs/scale.md): merging ten indexes in the browser kept later searches at 316 ms.
if (args.full) {
  const province = spawnSync(node, [...flags, join(ROOT, 'bench/shards.ts'), '--shards', '10', '--subjects', '100000', '--parallel', '1', '--combined'], { cwd: ROOT, stdio: 'inherit' });
  if (province.status !== 0) process.exit(province.status ?? 1);
}
