/**
 * The summary the site's own pages are made from (schemas/summary.ts), from the records and subjects the
 * ingest publishes. Pure; the ingest calls it once and writes summary.json.
 */
import { RECORD_KINDS, SUBJECT_CATEGORIES, type RecordKind } from '../schemas/common.ts';
import type { PublishedRecord } from '../schemas/record.ts';
import type { Subject } from '../schemas/subject.ts';
import { SummarySchema, type RecordLine, type Summary } from '../schemas/summary.ts';
import { lookupCodes } from '../search/codes.ts';
import { authoritiesOf } from './authorities.ts';
import { endCounts } from './ends.ts';
import { letterCounts } from './initials.ts';
import { openDataFiles } from './opendata.ts';
import { byDateDesc, recordDate, recordTitle, yearsOf } from './record.ts';

/** Authorities in authoritiesOf's order, with their records counted by kind. */
function authorities(records: PublishedRecord[]): Summary['authorities'] {
  return authoritiesOf(records).map((a) => {
    const byKind = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
    for (const r of a.records) byKind[r.kind]++;
    return { name: a.name, count: a.records.length, byKind };
  });
}

/** How many of each kind's newest records the home page shows. */
const NEWEST = 6;

export function summarize(records: PublishedRecord[], subjects: Subject[], today: string): Summary {
  const names = new Map(subjects.map((s) => [s.id, s.name]));
  const ofKind = new Map<RecordKind, PublishedRecord[]>(RECORD_KINDS.map((k) => [k, []]));
  for (const r of records) ofKind.get(r.kind)!.push(r);
  const kinds = RECORD_KINDS.map((kind) => {
    const list = ofKind.get(kind)!;
    const byYear: Record<string, number> = {};
    // The newest few by one pass, kept in order: sorting a city's records for six of them took a second.
    const newest: PublishedRecord[] = [];
    for (const r of list) {
      const year = recordDate(r).slice(0, 4);
      byYear[year] = (byYear[year] ?? 0) + 1;
      if (newest.length === NEWEST && byDateDesc(r, newest[NEWEST - 1]!) >= 0) continue;
      const at = newest.findIndex((n) => byDateDesc(r, n) < 0);
      newest.splice(at === -1 ? newest.length : at, 0, r);
      if (newest.length > NEWEST) newest.pop();
    }
    const line = (r: PublishedRecord): RecordLine => ({
      id: r.id, subjectName: names.get(r.subjectId) ?? '', title: recordTitle(r), date: recordDate(r), ...(r.disclosure.end ? { end: r.disclosure.end } : {}),
    });
    return { kind, count: list.length, ends: endCounts(list), newest: newest.map(line), byYear };
  });
  return SummarySchema.parse({
    today,
    records: records.length,
    subjects: subjects.length,
    kinds,
    years: yearsOf(records),
    categories: SUBJECT_CATEGORIES.map((category) => ({ category, count: subjects.filter((s) => s.category === category).length })),
    authorities: authorities(records),
    letters: [...letterCounts(subjects)],
    lookupCodes: subjects.reduce((n, s) => n + lookupCodes(s).length, 0),
    docNos: records.reduce((n, r) => n + (r.docNo ? 1 : 0), 0),
    openData: openDataFiles(records),
  });
}
