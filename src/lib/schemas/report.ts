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
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  warnings: z.array(RowIssueSchema.omit({ source: true })),
  unusedColumns: z.array(z.string()),
  /** Columns and the field each was mapped to. */
  mappedColumns: z.record(z.string(), z.string()),
  encoding: z.string().optional(),
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
