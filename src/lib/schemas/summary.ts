/**
 * What the site's own pages (home, search, statistics, open data) show of the data: counts, the newest records of
 * each kind, the years, authorities and letters. The ingest writes it beside the records (summary.json), from the
 * same records and subjects, so that those pages need not read a city's 250 MB of records to count them.
 */
import { z } from 'zod';
import { RECORD_KINDS, SUBJECT_CATEGORIES, isoDate } from './common.ts';

const count = z.number().int().nonnegative();
const byKind = z.object(Object.fromEntries(RECORD_KINDS.map((k) => [k, count])) as Record<(typeof RECORD_KINDS)[number], typeof count>);

/** A record as a line of the home page: whose it is, what and when, and the day its disclosure ends. */
export const RecordLineSchema = z.object({
  id: z.string(),
  subjectName: z.string(),
  title: z.string(),
  date: isoDate,
  end: isoDate.optional(),
});
export type RecordLine = z.output<typeof RecordLineSchema>;

export const SummarySchema = z.object({
  /** The build's clock: the ingest's `today`. */
  today: isoDate,
  records: count,
  subjects: count,
  kinds: z.array(z.object({
    kind: z.enum(RECORD_KINDS),
    count,
    /** How many of the kind end on each day (view/ends.ts), for totals that follow the visitor's date. */
    ends: z.array(z.tuple([isoDate, count])),
    /** The newest few, newest first (view/record.ts sortedByDateDesc order). */
    newest: z.array(RecordLineSchema),
    /** Records by the year of their date. */
    byYear: z.record(z.string(), count),
  })),
  /** Years of the records' dates, newest first. */
  years: z.array(z.string()),
  categories: z.array(z.object({ category: z.enum(SUBJECT_CATEGORIES), count })),
  /** Authorities, most records first, then by name in Chinese order (view/authorities.ts authoritiesOf). */
  authorities: z.array(z.object({ name: z.string(), count, byKind })),
  /** Subjects filed under each letter of the subject index (A–Z, '#'), every letter. */
  letters: z.array(z.tuple([z.string(), count])),
  /** Codes the code lookup holds and records with a 文号: the widths of the lookups' shards follow from them. */
  lookupCodes: count,
  docNos: count,
  /** Open data files by kind and year (view/opendata.ts). */
  openData: z.array(z.object({ name: z.string(), label: z.string(), count })),
});
export type Summary = z.output<typeof SummarySchema>;
