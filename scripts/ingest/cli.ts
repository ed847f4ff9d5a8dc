/**
 * npm run ingest -- [--sources FILE] [--out DIR] [--today YYYY-MM-DD] [--allow-shrink]
 * Exit 0 when the run completed (rejected rows are reported, not fatal); 1 when a source cannot be
 * fetched or read, or shrank; the last good output is then left as it was.
 */
import { SingleBar } from 'cli-progress';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../src/lib/dates.ts';
import { SourceError } from './errors.ts';
import { IngestError, runIngest } from './run.ts';
import { writeOutputs } from './write.ts';

export const DEFAULT_SOURCES = 'content/sources/daoli/sources.yaml';
export const DEFAULT_OUT = 'content/data';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string', default: process.env.CREDIT_SOURCES || DEFAULT_SOURCES },
      out: { type: 'string', default: DEFAULT_OUT },
      today: { type: 'string', default: process.env.CREDIT_TODAY || localToday() },
      'allow-shrink': { type: 'boolean', default: false },
    },
  });
  if (!isIsoDate(values.today)) {
    console.error(`--today 应为 YYYY-MM-DD，收到“${values.today}”`);
    return 2;
  }
  const started = performance.now();
  const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: '{source} [{bar}] {value}/{total} 行', hideCursor: true }) : null;
  let current = '';
  const result = await runIngest({
    sourcesFile: resolve(values.sources),
    outDir: resolve(values.out),
    today: values.today,
    allowShrink: values['allow-shrink'],
    onProgress: bar ? (source, done, total) => {
      if (source !== current) { if (current) bar.stop(); bar.start(total, 0, { source }); current = source; }
      bar.update(done, { source });
    } : undefined,
  }).finally(() => bar?.stop());
  await writeOutputs(resolve(values.out), result.files);
  const t = result.report.totals;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`ingest ${values.sources} @ ${values.today}: ${t.rows} 行，接受 ${t.accepted}，拒收 ${t.rejected}；公示 ${t.published}，不公示 ${t.withheld}，合并 ${t.merged}，事件 ${t.events}；主体 ${t.subjects}；${seconds} 秒 → ${values.out}`);
  for (const s of result.report.sources) {
    console.error(`  ${s.id}: ${s.rows} 行，接受 ${s.accepted}，拒收 ${s.rejected}，警告 ${s.warnings.length}${s.unusedColumns.length ? `，未用列 ${s.unusedColumns.join('、')}` : ''}`);
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  if (e instanceof SourceError || e instanceof IngestError) console.error(`ingest 失败：${e.message}\n上一次的输出未改动。`);
  else console.error(e);
  process.exitCode = 1;
});
