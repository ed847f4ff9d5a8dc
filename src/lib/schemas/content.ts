/** Authored MDX collections: policy summaries, guides, cases and news. */
import { z } from 'zod';
import { isoDate } from './common.ts';

/** YAML front matter turns 2026-04-01 into a Date; keep dates as ISO strings like everywhere else. */
const date = z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const PolicySchema = z.object({
  title: z.string().min(1),
  /** 文号 of the document, as cited. */
  docNo: z.string().min(1),
  issuer: z.string().min(1),
  /** Date the document was issued, when the text shows it. */
  date: date.optional(),
  /** One sentence on what the document asks of a credit portal. */
  summary: z.string().min(1),
  order: z.number().int(),
});

export const GuideSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int(),
});

export const ArticleSchema = z.object({
  title: z.string().min(1),
  date,
  summary: z.string().min(1),
  /** Sample content shipped with the embedded 道里区 sample; shown with a 示例 label. */
  sample: z.boolean().default(false),
});
