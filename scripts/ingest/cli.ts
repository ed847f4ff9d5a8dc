/**
 * npm run ingest -- [--config FILE] [--sources FILE] [--out DIR] [--today YYYY-MM-DD] [--allow-shrink] [--strict] [--cache DIR] [--fresh | --no-cache]
 * A source unchanged since the last run (same bytes, descriptor, ID key and ingest code) is not read again: its
 * outcome is kept in --cache (.cache/ingest). When every input is the last run's (each source, the day, the rules,
 * the flags, the code) and --out holds what that run wrote, untouched, the output stands and nothing more is done
 * (memo.ts). --fresh reads every source and refills the cache (npm run build -- --full); --no-cache reads every
 * source and keeps nothing.
 * Exit 0 when the run completed (rejected rows are reported, not fatal; a failed source that fell back to
 * its last good snapshot is reported as stale); 1 when a source fails with no snapshot to fall back to, or
 * any source fails under --strict; the last good output is then left as it was. 2: bad arguments or configuration.
 */
import { MultiBar, type SingleBar } from 'cli-progress';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../src/lib/dates.ts';
import { ConfigError, idSecret, loadDistrict } from '../../src/lib/district.ts';
import { SourceError } from './errors.ts';
import { forgetRun, outputStands, recordRun } from './memo.ts';
import { IngestError, runIngest } from './run.ts';
import { writeOutputs } from './write.ts';

export const DEFAULT_OUT = 'content/data';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      sources: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      today: { type: 'string', default: process.env.CREDIT_TODAY || localToday() },
      'allow-shrink': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      cache: { type: 'string', default: '.cache/ingest' },
      'no-cache': { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
    },
  });
  let district;
  let secret: string;
  try {
    district = loadDistrict(values.config);
    secret = idSecret(district);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    return 2;
  }
  const sourcesFile = values.sources ? resolve(values.sources) : district.sourcesFile;
  if (!isIsoDate(values.today)) {
    console.error(`--today 应为 YYYY-MM-DD，收到“${values.today}”`);
    return 2;
  }
  const started = performance.now();
  // A bar a source: a city's sources are read side by side.
  const bars = process.stderr.isTTY ? new MultiBar({ stream: process.stderr, format: '{source} [{bar}] {value}/{total} 行', hideCursor: true }) : null;
  const barOf = new Map<string, SingleBar>();
  const cached: string[] = [];
  const appended: string[] = [];
  const out = resolve(values.out);
  const cacheDir = values['no-cache'] ? undefined : resolve(values.cache);
  const result = await runIngest({
    sourcesFile,
    outDir: out,
    today: values.today,
    allowShrink: values['allow-shrink'],
    strict: values.strict,
    config: district.disclosure,
    secret,
    cacheDir,
    freshCache: values.fresh,
    standing: async (key: string) => Boolean(cacheDir && !values.fresh && outputStands(cacheDir, out, key)),
    onCached: (source) => cached.push(source),
    onAppended: (source, rows) => appended.push(`${source}（${rows} 行）`),
    onProgress: bars ? (source, done, total) => {
      let bar = barOf.get(source);
      if (!bar) barOf.set(source, (bar = bars.create(total, 0, { source })));
      bar.update(done, { source });
    } : undefined,
  }).finally(() => bars?.stop());
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if ('unchanged' in result) {
    console.error(`ingest ${sourcesFile} @ ${values.today}: 每个来源的内容与描述、日期、规则和读入程序都与上次相同，${values.out} 中上次的输出原样保留；${seconds()} 秒`);
    return 0;
  }
  if (cacheDir) forgetRun(cacheDir);
  await writeOutputs(out, result);
  if (cacheDir && result.key) recordRun(cacheDir, out, result.key);
  const t = result.report.totals;
  console.error(`ingest ${sourcesFile} @ ${values.today}: ${t.rows} 行，接受 ${t.accepted}，拒收 ${t.rejected}，排除 ${t.excluded}；公示 ${t.published}，不公示 ${t.withheld}，合并 ${t.merged}，事件 ${t.events}；主体 ${t.subjects}；${seconds()} 秒 → ${values.out}${cached.length ? `（未变的来源沿用上次读取结果：${cached.join('、')}）` : ''}${appended.length ? `（只在末尾追加的来源只读了追加的行：${appended.join('、')}）` : ''}`);
  for (const s of result.report.sources) {
    console.error(`  ${s.id}: ${s.rows} 行，接受 ${s.accepted}，拒收 ${s.rejected}，排除 ${s.excluded}，警告 ${s.warnings.length}${s.unusedColumns.length ? `，未用列 ${s.unusedColumns.join('、')}` : ''}`);
    if (s.stale) console.error(`    ⚠ 本次读取失败（${s.stale.reason}），沿用 ${s.stale.since} 的快照`);
    const unused = [...s.unmatchedColumns.map((c) => `columns.${c}`), ...s.unusedValues.map((v) => `values.${v}`), ...s.unusedDefaults.map((d) => `defaults.${d}`)];
    if (unused.length) console.error(`    描述文件中未起作用的项：${unused.join('、')}`);
  }
  if (district.idSecret.development && !process.env[district.idSecret.env ?? '']) {
    console.error(`  注意：身份证号哈希使用的是 ${district.file} 中的开发用密钥；正式部署请设置环境变量 ${district.idSecret.env ?? '（idSecret.env）'}`);
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  if (e instanceof SourceError || e instanceof IngestError) console.error(`ingest 失败：${e.message}\n上一次的输出未改动。`);
  else console.error(e);
  process.exitCode = 1;
});
