/**
 * Route data computed once per build and handed to components (which never fetch).
 * Records and subjects are read straight from the ingest's NDJSON, not through Astro's content layer: the
 * ingest validated every row with the same schemas and swapped the folder in whole, and the content layer
 * would validate them again and serialise them all into its data store (16 MB for the sample, about 1 GB
 * for a city, past Node's longest string for a province).
 */
import { readFileSync } from 'node:fs';
import { readAllNdjson } from '../ndjson.ts';
import type { PublishedRecord } from '../schemas/record.ts';
import { IngestReportSchema, type IngestReport } from '../schemas/report.ts';
import type { Subject } from '../schemas/subject.ts';
import { sortedByDateDesc } from './record.ts';
import { authoritySlug } from './urls.ts';

export interface Authority { slug: string; name: string; records: PublishedRecord[] }

export interface SiteData {
  /** Newest first. */
  records: PublishedRecord[];
  subjects: Subject[];
  byId: Map<string, PublishedRecord>;
  subjectById: Map<string, Subject>;
  authorities: Authority[];
  /** Subject id → name, for lists that show whose record a row is. */
  names: Map<string, string>;
  report: IngestReport;
  /** The build's clock: the ingest's `today`. */
  today: string;
}

let cache: Promise<SiteData> | null = null;

/** Names in Chinese order: one collator for a whole sort, which localeCompare with a locale makes each time (half the time at 100,000 names). */
export const byName = new Intl.Collator('zh-CN').compare;

/** Records by authority, most records first (then by name); each authority's records in the order given. */
export function authoritiesOf(records: PublishedRecord[]): Authority[] {
  const byAuthority = new Map<string, PublishedRecord[]>();
  for (const r of records) {
    const list = byAuthority.get(r.authority);
    if (list) list.push(r);
    else byAuthority.set(r.authority, [r]);
  }
  return [...byAuthority].map(([name, list]) => ({ slug: authoritySlug(name), name, records: list }))
    .sort((a, b) => b.records.length - a.records.length || byName(a.name, b.name));
}

async function load(): Promise<SiteData> {
  const records = sortedByDateDesc(await readAllNdjson<PublishedRecord>('content/data/records.ndjson'));
  const subjects = await readAllNdjson<Subject>('content/data/subjects.ndjson');
  const report = IngestReportSchema.parse(JSON.parse(readFileSync('content/data/ingest-report.json', 'utf8')));
  return {
    records, subjects, report, today: report.today, authorities: authoritiesOf(records),
    byId: new Map(records.map((r) => [r.id, r])),
    subjectById: new Map(subjects.map((s) => [s.id, s])),
    names: new Map(subjects.map((s) => [s.id, s.name])),
  };
}

export function siteData(): Promise<SiteData> {
  cache ??= load();
  return cache;
}
