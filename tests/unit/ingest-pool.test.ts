import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { IngestError, SourceError } from '../../scripts/ingest/errors.ts';
import { BESIDE_CACHED_FROM_BYTES, WORKERS_FROM_BYTES, workerCount } from '../../scripts/ingest/pool.ts';
import { outputFiles, runIngest } from '../../scripts/ingest/run.ts';
import { source, tempDir, writeSources } from './helpers.ts';

const SAMPLE = 'content/sources/daoli/sources.yaml';
const HEADER = '行政相对人名称,行政相对人类别,统一社会信用代码,行政处罚决定书文号,处罚类别,罚款金额（万元）,处罚决定日期,处罚机关\n';
const ROW = '哈尔滨松江商贸有限公司,法人及非法人组织,9133021272513935X8,哈道市监罚〔2026〕1号,罚款,15,2026-05-10,哈尔滨市道里区市场监督管理局\n';

describe('sources read side by side', () => {
  it('gives the embedded sample the same output bytes on two worker threads as in one thread', async () => {
    const dir = tempDir();
    const inThread = await runIngest({ sourcesFile: SAMPLE, outDir: join(dir, 'a'), today: '2026-11-22', workers: 1 });
    const progress = new Set<string>();
    const onWorkers = await runIngest({
      sourcesFile: SAMPLE, outDir: join(dir, 'b'), today: '2026-11-22', workers: 2, onProgress: (id) => progress.add(id),
    });
    expect(outputFiles(onWorkers)).toEqual(outputFiles(inThread));
    expect(onWorkers.report.totals.rows).toBe(inThread.report.totals.rows);
    // The workers report their rows as they go, for every source.
    expect([...progress].sort()).toEqual(['daoli-chengnuo', 'daoli-scjg-xzcf', 'daoli-shixin', 'daoli-shouxin', 'daoli-xiufu', 'daoli-xzcf', 'daoli-xzxk', 'daoli-yiyi']);
    // The sources are reported in the order of the descriptor file, as when read in this thread.
    expect(onWorkers.report.sources.map((s) => s.id)).toEqual(inThread.report.sources.map((s) => s.id));
  });

  it('passes a source that cannot be read back as the same kind of error: with no snapshot to fall back to, the run stops and says why', async () => {
    const dir = tempDir({ 'good.csv': iconv.encode(HEADER + ROW, 'gbk'), 'broken.xlsx': 'not a workbook' });
    const sources = writeSources(dir, [
      source({ id: 'good', kind: 'penalty', location: 'good.csv' }),
      source({ id: 'broken', kind: 'penalty', location: 'broken.xlsx' }),
    ]);
    const run = runIngest({ sourcesFile: sources, outDir: join(dir, 'out'), today: '2026-06-01', workers: 2 });
    await expect(run).rejects.toBeInstanceOf(SourceError);
    await expect(run).rejects.toThrow(/来源 broken：.*且没有上一次成功读取的快照可用/);
  });

  it('passes a descriptor mistake found while reading back as an IngestError naming it', async () => {
    const dir = tempDir({ 'a.csv': iconv.encode(HEADER + ROW, 'gbk'), 'b.csv': iconv.encode(HEADER + ROW, 'gbk') });
    const sources = writeSources(dir, [
      source({ id: 'a', kind: 'penalty', location: 'a.csv' }),
      source({ id: 'b', kind: 'penalty', location: 'b.csv', filter: { 处罚区域: ['道里区'] } }),
    ]);
    const run = runIngest({ sourcesFile: sources, outDir: join(dir, 'out'), today: '2026-06-01', workers: 2 });
    await expect(run).rejects.toBeInstanceOf(IngestError);
    await expect(run).rejects.toThrow('来源 b：filter 中的表头“处罚区域”不在文件中');
  });

  it('loads cached outcomes in this thread while threads read the sources that changed, with the same bytes out', async () => {
    const dir = tempDir();
    cpSync(dirname(SAMPLE), join(dir, 'sources'), { recursive: true });
    const sourcesFile = join(dir, 'sources', 'sources.yaml');
    const cacheDir = join(dir, 'cache');
    await runIngest({ sourcesFile, outDir: join(dir, 'first'), today: '2026-11-22', cacheDir, workers: 2 });
    // Two sources' descriptors changed since (a descriptor is part of the cache key): they are read again, the other six loaded.
    const yaml = parse(readFileSync(sourcesFile, 'utf8')) as { sources: { id: string; title: string }[] };
    for (const d of yaml.sources.filter((x) => x.id === 'daoli-xzcf' || x.id === 'daoli-xzxk')) d.title += '（更新）';
    writeFileSync(sourcesFile, stringify(yaml));
    const cached: string[] = [];
    const mixed = await runIngest({ sourcesFile, outDir: join(dir, 'mixed'), today: '2026-11-22', cacheDir, workers: 2, onCached: (id) => cached.push(id) });
    expect(cached.sort()).toEqual(['daoli-chengnuo', 'daoli-scjg-xzcf', 'daoli-shixin', 'daoli-shouxin', 'daoli-xiufu', 'daoli-yiyi']);
    const uncached = await runIngest({ sourcesFile, outDir: join(dir, 'uncached'), today: '2026-11-22', workers: 1 });
    expect(outputFiles(mixed)).toEqual(outputFiles(uncached));
  });

  it('uses threads for a city’s bytes only, never more than there are sources', () => {
    const job = (bytes: number) => ({ desc: source({ id: 'x', kind: 'penalty', location: 'x.csv' }) as never, bytes: new Uint8Array(bytes) });
    expect(workerCount([job(1000), job(1000)])).toEqual({ threads: 1, beside: false });
    expect(workerCount([job(WORKERS_FROM_BYTES), job(10)], 8)).toEqual({ threads: 2, beside: false });
    expect(workerCount([job(WORKERS_FROM_BYTES)], 4)).toEqual({ threads: 1, beside: false });
    expect(workerCount([job(10), job(10), job(10)], 3)).toEqual({ threads: 3, beside: false });
  });

  it('reads a rebuild’s few large sources in a thread beside the cached outcomes loaded here, unless told how many threads', () => {
    const job = (bytes: number) => ({ desc: source({ id: 'x', kind: 'penalty', location: 'x.csv' }) as never, bytes: new Uint8Array(bytes) });
    // 42 MB of penalties read again while six sources come from the cache.
    expect(workerCount([job(42 * 2 ** 20)], undefined, 6)).toEqual({ threads: 1, beside: true });
    // Nothing to load meanwhile, or too little to read to pay for a thread, or the caller chose.
    expect(workerCount([job(42 * 2 ** 20)], undefined, 0)).toEqual({ threads: 1, beside: false });
    expect(workerCount([job(BESIDE_CACHED_FROM_BYTES - 1)], undefined, 6)).toEqual({ threads: 1, beside: false });
    expect(workerCount([job(42 * 2 ** 20)], 1, 6)).toEqual({ threads: 1, beside: false });
  });
});
