import { z } from 'zod';
import { DISCLOSURE_STATES } from './common.ts';

export const RowIssueSchema = z.object({
  source: z.string(),
  /** Row in the source as a clerk would find it (CSV line, sheet row, table row, array index), 1-based. */
  row: z.number().int(),
  /** The source's own column header. */
  column: z.string(),
  reason: z.string(),
});
export type RowIssue = z.output<typeof RowIssueSchema>;

export const SourceReportSchema = z.object({
  id: z.string(),
  /** Rows read (data rows, not the header): rows = accepted + rejected + excluded. */
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Rows deliberately left out (the descriptor's filter, a header line repeated inside the file). */
  excluded: z.number().int(),
  /** Why rows were excluded, with how many each. */
  exclusions: z.array(z.object({ reason: z.string(), rows: z.number().int() })),
  warnings: z.array(RowIssueSchema.omit({ source: true })),
  unusedColumns: z.array(z.string()),
  /** Columns and the field each was mapped to. */
  mappedColumns: z.record(z.string(), z.string()),
  encoding: z.string().optional(),
  /** Descriptor `columns` entries whose header is not in the file. */
  unmatchedColumns: z.array(z.string()),
  /** Descriptor `values` entries no row used, as "field.原值". */
  unusedValues: z.array(z.string()),
  /** Descriptor `defaults` no row needed (every row had its own value). */
  unusedDefaults: z.array(z.string()),
  /** SHA-256 of the bytes ingested. */
  sha256: z.string(),
  /** The day those bytes were fetched: today, or the day of the last good snapshot when the source is stale. */
  fetchedOn: z.string(),
  /** Set when the source failed today and its last good snapshot was used instead. */
  stale: z.object({ since: z.string(), reason: z.string() }).optional(),
});
export type SourceReport = z.output<typeof SourceReportSchema>;

/** DIR/ingest-report.json: the contract other tools and the build rely on. */
export const IngestReportSchema = z.object({
  today: z.string(),
  sources: z.array(SourceReportSchema),
  totals: z.object({
    rows: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    excluded: z.number().int(),
    /** Records shown on the portal today. */
    published: z.number().int(),
    /** Accepted records not shown today (ended, repaired, not disclosable). */
    withheld: z.number().int(),
    /** Accepted rows folded into another row's record (the same decision published twice). */
    merged: z.number().int(),
    /** Accepted removal and objection rows. */
    events: z.number().int(),
    subjects: z.number().int(),
    /** Records by disclosure state. */
    byState: z.record(z.enum(DISCLOSURE_STATES), z.number().int()),
  }),
  rejects: z.array(RowIssueSchema),
});
export type IngestReport = z.output<typeof IngestReportSchema>;
