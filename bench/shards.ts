/**
 * A province as shards, simulated on this machine: N synthetic districts (different seeds, as different regions
 * would be), each built from scratch in its own copy of the project, all at once. Reports each shard's stages,
 * time and peak memory, and the wall time of the whole, to bench/results/shards.{json,md}.
 *
 *   node bench/shards.ts [--shards 2] [--subjects 10000] [--out bench/results]
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { shards: { type: 'string', default: '2' }, subjects: { type: 'string', default: '10000' }, out: { type: 'string', default: 'bench/results' } } });
const ROOT = resolve(import.meta.dirname, '..');
const node = process.execPath;
const flags = ['--disable-warning=ExperimentalWarning'];
const n = Number(values.shards);
const subjects = Number(values.subjects);

interface Stage { name: string; seconds: number; peakRssMB: number }
const shards = Array.from({ length: n }, (_, i) => {
  const gen = mkdtempSync(join(tmpdir(), `credit-shard-${i}-`));
  execFileSync(node, [...flags, join(ROOT, 'scripts/sample/generate.ts'), '--subjects', String(subjects), '--seed', String(1000 + i), '--out', gen], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), `credit-shard-build-${i}-`));
  for (const entry of ['src', 'scripts', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'district.yaml']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (p) => !p.includes(join('content', 'data')) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { gen, dir };
});

const t0 = performance.now();
const runs = await Promise.all(shards.map(({ gen, dir }) => new Promise<{ stages: Stage[]; total: number }>((ok, fail) => {
  const json = join(dir, 'build-stages.json');
  const child = spawn(node, [...flags, 'scripts/build.ts', '--full', '--json', json], {
    cwd: dir, stdio: 'ignore', env: { ...process.env, CREDIT_SOURCES: join(gen, 'sources.yaml'), CREDIT_TODAY: '2026-11-22' },
  });
  child.on('exit', (code) => (code === 0 ? ok(JSON.parse(readFileSync(json, 'utf8'))) : fail(new Error(`shard in ${dir} failed (${code})`))));
})));
const wall = (performance.now() - t0) / 1000;
for (const { gen, dir } of shards) { rmSync(gen, { recursive: true, force: true }); rmSync(dir, { recursive: true, force: true }); }

const lines = [
  '# A province as shards, simulated',
  '',
  `Recorded by \`node bench/shards.ts --shards ${n} --subjects ${subjects}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  `${n} synthetic districts of ${subjects} subjects each (different seeds), each built from scratch in its own copy of the project, all at the same time on this machine. On CI each shard is its own runner (docs/scale.md).`,
  '',
  '| shard | stages (wall time / peak memory) | total | peak memory |',
  '|---|---|---|---|',
  ...runs.map((r, i) => `| ${i + 1} | ${r.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)} s / ${(s.peakRssMB / 1024).toFixed(2)} GB`).join(', ')} | ${r.total.toFixed(1)} s | ${(Math.max(...r.stages.map((s) => s.peakRssMB)) / 1024).toFixed(2)} GB |`),
  '',
  `All ${n} shards built in ${wall.toFixed(1)} s of wall time.`,
  '',
];
mkdirSync(resolve(values.out), { recursive: true });
writeFileSync(join(resolve(values.out), 'shards.json'), `${JSON.stringify({ shards: n, subjects, wall, runs }, null, 2)}\n`);
writeFileSync(join(resolve(values.out), 'shards.md'), lines.join('\n'));
console.log(lines.join('\n'));
