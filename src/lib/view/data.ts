/**
 * What the site's own pages (home, search, statistics, open data, about) read of the data: the ingest's summary
 * and report, read once per build. They do not read the records: a city's 250 MB of them took most of Astro's time
 * (at 100,000 subjects, 15.7 s of Astro's build alone against about 4 s without the data); the pages made from the
 * records themselves are rendered by scripts/render-entities.ts.
 */
import { readFileSync } from 'node:fs';
import { IngestReportSchema, type IngestReport } from '../schemas/report.ts';
import { SummarySchema, type Summary } from '../schemas/summary.ts';

export interface SiteData {
  summary: Summary;
  report: IngestReport;
  /** The build's clock: the ingest's `today`. */
  today: string;
}

let cache: SiteData | null = null;

const read = (file: string, what: string): unknown => {
  try {
    return JSON.parse(readFileSync(`content/data/${file}`, 'utf8'));
  } catch (e) {
    throw new Error(`无法读取 content/data/${file}（${what}）：${(e as Error).message}；请先运行 npm run ingest（npm run build 会先运行它）`);
  }
};

export function siteData(): SiteData {
  if (cache) return cache;
  const report = IngestReportSchema.parse(read('ingest-report.json', '读入报告'));
  const summary = SummarySchema.parse(read('summary.json', '数据摘要'));
  cache = { summary, report, today: summary.today };
  return cache;
}
