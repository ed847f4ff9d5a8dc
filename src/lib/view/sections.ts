/**
 * A credit file stays readable and under 200 KB however many records a subject has: each section shows its newest
 * records in full, and when there are more, links to the section's full list on pages of its own
 * (/subject/{id}/{slug}/, /subject/{id}/{slug}/2/ …, paginated like every list: paginate.ts), one row per record,
 * rendered with the credit file.
 */
import type { RecordKind } from '../schemas/common.ts';
import type { PublishedRecord } from '../schemas/record.ts';
import { sortedByDateDesc } from './record.ts';
import { LIST_SLUG, subjectUrl } from './urls.ts';

/** Records shown in full in a section of the credit file (about 2–4 KB each). */
export const SECTION_FULL = 30;
/** Rows on a page of a section's full list (about 0.8 KB each). */
export const SECTION_PAGE = 100;

/** Newest first; the same day in id order, so that the order never depends on the input's. */
export function newestFirst<R extends PublishedRecord>(records: R[]): R[] {
  return sortedByDateDesc(records);
}

/** How many pages a section's full list takes; 0 when the credit file shows the whole section. */
export function sectionPageCount(n: number): number {
  return n > SECTION_FULL ? Math.ceil(n / SECTION_PAGE) : 0;
}

/** The first page of a section's full list; the others are numbered below it (paginate.ts). */
export function sectionUrl(subjectId: string, kind: RecordKind): string {
  return `${subjectUrl(subjectId)}${LIST_SLUG[kind]}/`;
}
