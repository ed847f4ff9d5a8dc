/**
 * Route data computed once per build and handed to components (which never fetch).
 */
import { getCollection } from 'astro:content';
import type { PublishedRecord } from '../schemas/record.ts';
import type { Subject } from '../schemas/subject.ts';
import { IngestReportSchema, type IngestReport } from '../schemas/report.ts';
import { readFileSync } from 'node:fs';

let cache: { records: PublishedRecord[]; subjects: Subject[]; byId: Map<string, PublishedRecord>; report: IngestReport } | null = null;

export async function siteData() {
  if (cache) return cache;
  const records = (await getCollection('records')).map((e) => e.data as PublishedRecord);
  const subjects = (await getCollection('subjects')).map((e) => e.data as Subject);
  const report = IngestReportSchema.parse(JSON.parse(readFileSync('content/data/ingest-report.json', 'utf8')));
  cache = { records, subjects, byId: new Map(records.map((r) => [r.id, r])), report };
  return cache;
}
