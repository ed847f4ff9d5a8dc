import type { PublishedRecord } from '../schemas/record.ts';

/** The latest end date among records, for elements that should disappear with the last of them. */
export function lastEnd(records: PublishedRecord[]): string | undefined {
  if (records.some((r) => !r.disclosure.end)) return undefined;
  return records.map((r) => r.disclosure.end!).sort().at(-1);
}
