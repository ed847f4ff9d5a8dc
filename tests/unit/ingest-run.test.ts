import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { outputFiles, runIngest } from '../../scripts/ingest/run.ts';
import { writeOutputs } from '../../scripts/ingest/write.ts';
import { source, tempDir, writeSources } from './helpers.ts';

const HEADER = '行政相对人名称,行政相对人类别,统一社会信用代码,证件号码,行政处罚决定书文号,处罚类别,罚款金额（万元）,处罚决定日期,处罚机关\n';
const GOOD = [
  '哈尔滨松江商贸有限公司,法人及非法人组织,9133021272513935X8,,哈道市监罚〔2026〕1号,罚款,15,2026-05-10,哈尔滨市道里区市场监督管理局',
  '张三,自然人,,11010519491231002X,哈道公罚〔2026〕2号,罚款,3,2026/5/11,哈尔滨市公安局道里分局',
  '哈尔滨通江餐饮有限公司,法人及非法人组织,９１３３０２１２７２５１３９３５Ｘ８,,哈道市监罚〔2026〕3号,警告,,20260512,哈尔滨市道里区市场监督管理局',
];
const BAD = ['哈尔滨兆麟物流有限公司,法人及非法人组织,,,哈道安罚〔2026〕4号,罚款,2,2026-13-45,哈尔滨市道里区安全生产监督管理局'];

function fixture(lines = [...GOOD, ...BAD], extra: Record<string, unknown> = {}) {
  const dir = tempDir({ 'xzcf.csv': iconv.encode(HEADER + lines.join('\n') + '\n', 'gbk') });
  return { dir, sources: writeSources(dir, [source({ id: 'xzcf', kind: 'penalty', location: 'xzcf.csv', ...extra })]), out: join(dir, 'out') };
}

// Without the cache of sources read: it would live in the checkout's .cache/ (its own tests are above).
const cli = (args: string[]) => spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/ingest/cli.ts', '--no-cache', ...args], { encoding: 'utf8' });

describe('runIngest', () => {
  it('accounts for every row: accepted plus rejected equals rows read', async () => {
    const f = fixture();
    const { report } = await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' });
    expect(report.sources[0]).toMatchObject({ id: 'xzcf', rows: 4, accepted: 3, rejected: 1, encoding: 'gb18030' });
    expect(report.totals).toMatchObject({ rows: 4, accepted: 3, rejected: 1, published: 2, withheld: 1 });
    expect(report.rejects).toEqual([{ source: 'xzcf', row: 5, column: '处罚决定日期', reason: expect.stringContaining('2026-13-45') }]);
  });
  it('writes rejected rows to quarantine, with ID numbers masked', async () => {
    const f = fixture([...GOOD, '李四,自然人,,11010519491231002X,哈道公罚〔2026〕5号,罚款,1,不详,哈尔滨市公安局道里分局']);
    const files = outputFiles(await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' }));
    const quarantine = files['quarantine.ndjson']!.trim().split('\n').map((l) => JSON.parse(l));
    expect(quarantine).toEqual([expect.objectContaining({ source: 'xzcf', row: 5, cells: expect.objectContaining({ 证件号码: '110105********002X' }) })]);
    for (const text of Object.values(files)) expect(text).not.toContain('11010519491231002X');
  });
  it('produces the same bytes from the same input', async () => {
    const f = fixture();
    const a = await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' });
    const b = await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' });
    expect(outputFiles(a)).toEqual(outputFiles(b));
  });
  it('fails a source below minRows', async () => {
    const f = fixture(GOOD, { minRows: 10 });
    await expect(runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' })).rejects.toThrow('少于 minRows 10');
  });
  it('fails a source that shrank by more than half against the last good output, unless allowed', async () => {
    const f = fixture();
    const first = await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' });
    await writeOutputs(f.out, { ...first, snapshots: {} });
    writeFileSync(join(f.dir, 'xzcf.csv'), iconv.encode(HEADER + GOOD[0] + '\n', 'gbk'));
    await expect(runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' })).rejects.toThrow('减少超过一半');
    await expect(runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01', allowShrink: true })).resolves.toBeTruthy();
  });
  it('names the descriptor field that is wrong', async () => {
    const dir = tempDir();
    const file = writeSources(dir, [{ id: 'Bad Id', kind: 'penalty', location: 'x.csv' }]);
    await expect(runIngest({ sourcesFile: file, outDir: join(dir, 'out'), today: '2026-06-01' })).rejects.toThrow(/sources\.0\.id/);
  });
});

describe('the cache of sources read', () => {
  it('reuses an unchanged source’s outcome, with the same output bytes, and reads it again when its bytes, descriptor or ID key change', async () => {
    const f = fixture();
    const cacheDir = join(f.dir, 'cache');
    const cached: string[] = [];
    const run = (extra: Partial<Parameters<typeof runIngest>[0]> = {}) =>
      runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01', cacheDir, onCached: (s) => cached.push(s), ...extra });
    const uncached = outputFiles(await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01' }));

    const first = outputFiles(await run());
    expect(cached).toEqual([]);
    const second = outputFiles(await run());
    expect(cached).toEqual(['xzcf']);
    expect(second).toEqual(uncached);
    expect(first).toEqual(uncached);
    // Another day: identities and disclosure are resolved afresh, the reading is reused.
    const later = await run({ today: '2027-06-01' });
    expect(cached).toEqual(['xzcf', 'xzcf']);
    expect(later.report.today).toBe('2027-06-01');

    // New bytes: read again.
    writeFileSync(join(f.dir, 'xzcf.csv'), iconv.encode(HEADER + GOOD.join('\n') + '\n', 'gbk'));
    const changed = await run();
    expect(cached).toHaveLength(2);
    expect(changed.report.totals).toMatchObject({ rows: 3, rejected: 0 });
    // Another ID key: person ids depend on it, read again.
    await run({ secret: 'another-secret' });
    expect(cached).toHaveLength(2);
    // Fresh: read again even though nothing changed.
    await run({ secret: 'another-secret', freshCache: true });
    expect(cached).toHaveLength(2);
    await run({ secret: 'another-secret' });
    expect(cached).toHaveLength(3);
  });
  it('does not trust a cache whose key file is missing (a run cut off while writing it)', async () => {
    const f = fixture();
    const cacheDir = join(f.dir, 'cache');
    const cached: string[] = [];
    await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01', cacheDir });
    rmSync(join(cacheDir, 'xzcf.key'));
    await runIngest({ sourcesFile: f.sources, outDir: f.out, today: '2026-06-01', cacheDir, onCached: (s) => cached.push(s) });
    expect(cached).toEqual([]);
  });
});

describe('a run whose every input is the last run’s (memo.ts)', () => {
  const withCache = (f: ReturnType<typeof fixture>, ...args: string[]) => spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning',
    'scripts/ingest/cli.ts', '--sources', f.sources, '--out', f.out, '--cache', join(f.dir, 'cache'), ...args], { encoding: 'utf8' });
  const KEPT = '中上次的输出原样保留';
  const times = (f: ReturnType<typeof fixture>) => ['records.ndjson', 'subjects.ndjson', 'summary.json', 'ingest-report.json']
    .map((n) => statSync(join(f.out, n)).mtimeMs);
  it('leaves the output as it is, and runs again when a source, the day, a flag or the output itself changed', () => {
    const f = fixture();
    const first = withCache(f, '--today', '2026-06-01');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('拒收 1');
    const written = times(f);
    const records = readFileSync(join(f.out, 'records.ndjson'), 'utf8');

    const again = withCache(f, '--today', '2026-06-01');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(KEPT);
    expect(times(f)).toEqual(written);

    // Another day: disclosure is worked out again.
    const later = withCache(f, '--today', '2026-06-02');
    expect(later.stderr).not.toContain(KEPT);
    expect(JSON.parse(readFileSync(join(f.out, 'ingest-report.json'), 'utf8')).today).toBe('2026-06-02');
    expect(withCache(f, '--today', '2026-06-02').stderr).toContain(KEPT);
    // A flag that decides failures.
    expect(withCache(f, '--today', '2026-06-02', '--strict').stderr).not.toContain(KEPT);
    // An output file changed or gone since: made again.
    rmSync(join(f.out, 'quarantine.ndjson'));
    expect(withCache(f, '--today', '2026-06-02', '--strict').stderr).not.toContain(KEPT);
    expect(existsSync(join(f.out, 'quarantine.ndjson'))).toBe(true);
    writeFileSync(join(f.out, 'records.ndjson'), '');
    expect(withCache(f, '--today', '2026-06-02', '--strict').stderr).not.toContain(KEPT);
    expect(readFileSync(join(f.out, 'records.ndjson'), 'utf8')).not.toBe('');
    // --fresh reads and writes everything.
    expect(withCache(f, '--today', '2026-06-02', '--strict', '--fresh').stderr).not.toContain(KEPT);

    // The source corrected (the bad row dropped): read again, and its output is the new one.
    writeFileSync(join(f.dir, 'xzcf.csv'), iconv.encode(HEADER + GOOD.join('\n') + '\n', 'gbk'));
    const changed = withCache(f, '--today', '2026-06-01');
    expect(changed.stderr).not.toContain(KEPT);
    expect(changed.stderr).toContain('拒收 0');
    expect(readFileSync(join(f.out, 'records.ndjson'), 'utf8')).toBe(records);
    expect(JSON.parse(readFileSync(join(f.out, 'ingest-report.json'), 'utf8')).totals.rows).toBe(3);
  });
  it('does not stand on a run that fell back to a source’s snapshot', () => {
    const f = fixture();
    expect(withCache(f, '--today', '2026-06-01').status).toBe(0);
    writeFileSync(join(f.dir, 'xzcf.csv'), iconv.encode(HEADER, 'gbk'));
    const stale = withCache(f, '--today', '2026-06-01');
    expect(stale.stderr).toContain('沿用 2026-06-01 的快照');
    // The same emptied source again: it is still reported stale, not taken as the output of a run that read it.
    const again = withCache(f, '--today', '2026-06-01');
    expect(again.stderr).not.toContain(KEPT);
    expect(again.stderr).toContain('沿用 2026-06-01 的快照');
  });
});

describe('npm run ingest (cli)', () => {
  it('exits 0 with rejected rows, writes the report, and under --strict keeps the last good output when a later run fails', () => {
    const f = fixture();
    const ok = cli(['--sources', f.sources, '--out', f.out, '--today', '2026-06-01']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('拒收 1');
    const before = readFileSync(join(f.out, 'records.ndjson'), 'utf8');
    writeFileSync(join(f.dir, 'xzcf.csv'), iconv.encode(HEADER, 'gbk'));
    const failed = cli(['--sources', f.sources, '--out', f.out, '--today', '2026-06-01', '--strict']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('上一次的输出未改动');
    expect(readFileSync(join(f.out, 'records.ndjson'), 'utf8')).toBe(before);
  });
  it('without --strict, falls back to the last good snapshot of a source that emptied, and says it is stale', () => {
    const f = fixture();
    expect(cli(['--sources', f.sources, '--out', f.out, '--today', '2026-06-01']).status).toBe(0);
    const before = readFileSync(join(f.out, 'records.ndjson'), 'utf8');
    writeFileSync(join(f.dir, 'xzcf.csv'), iconv.encode(HEADER, 'gbk'));
    const stale = cli(['--sources', f.sources, '--out', f.out, '--today', '2026-06-02']);
    expect(stale.status).toBe(0);
    expect(stale.stderr).toContain('沿用 2026-06-01 的快照');
    const report = JSON.parse(readFileSync(join(f.out, 'ingest-report.json'), 'utf8'));
    expect(report.sources[0]).toMatchObject({ fetchedOn: '2026-06-01', stale: { since: '2026-06-01', reason: expect.stringContaining('减少超过一半') } });
    expect(readFileSync(join(f.out, 'records.ndjson'), 'utf8')).toBe(before);
  });
  it('falls back to the snapshot when the file is gone, and fails a source that never had a good run', () => {
    const f = fixture();
    expect(cli(['--sources', f.sources, '--out', f.out, '--today', '2026-06-01']).status).toBe(0);
    rmSync(join(f.dir, 'xzcf.csv'));
    const stale = cli(['--sources', f.sources, '--out', f.out, '--today', '2026-06-03']);
    expect(stale.status).toBe(0);
    expect(JSON.parse(readFileSync(join(f.out, 'ingest-report.json'), 'utf8')).sources[0].stale.reason).toContain('无法读取文件');
    const fresh = fixture();
    rmSync(join(fresh.dir, 'xzcf.csv'));
    const failed = cli(['--sources', fresh.sources, '--out', fresh.out, '--today', '2026-06-03']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('没有上一次成功读取的快照');
  });
  it('exits non-zero when a source file is missing, and rejects a malformed --today', () => {
    const dir = tempDir();
    const file = writeSources(dir, [source({ id: 'gone', kind: 'penalty', location: 'gone.csv' })]);
    const r = cli(['--sources', file, '--out', join(dir, 'out'), '--today', '2026-06-01']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('来源 gone');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(cli(['--sources', file, '--today', '2026-6-1']).status).toBe(2);
  });
});
