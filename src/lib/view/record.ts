/** How a record is named and dated wherever it is shown: lists, pages, citations and the search index. */
import { KINDS, KIND_LABELS, kindOf } from '../kinds/index.ts';
import type { PublishedRecord, RecordFields } from '../schemas/record.ts';

/** The record's own title: violation type, licence, list name or commitment type (its kind's module says which). */
export const recordTitle = (r: PublishedRecord): string => kindOf(r).title(r);

/** The date a reader would cite: decision, listing or commitment date (a yearly rating: 1 January after its year). */
export const recordDate = (r: RecordFields): string => kindOf(r).date(r);

/** Label of the authority role for this kind. */
export const authorityRole = (r: Pick<PublishedRecord, 'kind'>): string => KINDS[r.kind].authorityRole;

export const kindLabel = (r: Pick<PublishedRecord, 'kind'>) => KIND_LABELS[r.kind];

/** The years records were decided or listed in, newest first. */
export function yearsOf(records: PublishedRecord[]): string[] {
  return [...new Set(records.map((r) => recordDate(r).slice(0, 4)))].sort().reverse();
}

/** Newest first, then by id, so every list has one stable order. */
/** Newest date first; the same day in id order. */
const dateDesc = (da: string, ia: string, db: string, ib: string): number => (da < db ? 1 : da > db ? -1 : ia < ib ? -1 : ia > ib ? 1 : 0);

export function byDateDesc(a: PublishedRecord, b: PublishedRecord): number {
  return dateDesc(recordDate(a), a.id, recordDate(b), b.id);
}

/**
 * A new array of `records` in byDateDesc's order, each record's date read once rather than twice a comparison: sorting
 * a city's 259,000 records with byDateDesc was 2.2 s of a rebuild's entity stage (a profile at 100,000 subjects).
 */
export function sortedByDateDesc<R extends PublishedRecord>(records: readonly R[]): R[] {
  const keyed = records.map((r) => ({ r, date: recordDate(r), id: r.id }));
  keyed.sort((a, b) => dateDesc(a.date, a.id, b.date, b.id));
  return keyed.map((k) => k.r);
}
