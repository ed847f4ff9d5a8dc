import type { PublishedRecord } from '../schemas/record.ts';

/**
 * How many records end on each day, for totals that must follow the visitor's date (public/expiry.js
 * subtracts those whose day has passed). At most one entry per day of the three-year maximum.
 */
export function endCounts(records: Pick<PublishedRecord, 'disclosure'>[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of records) if (r.disclosure.end) counts.set(r.disclosure.end, (counts.get(r.disclosure.end) ?? 0) + 1);
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
