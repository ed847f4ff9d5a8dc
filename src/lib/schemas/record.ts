/**
 * Records: each kind's fields come from its module (src/lib/kinds/); here the envelope every published record
 * has (subject, disclosure, provenance) and the events. Shared by the ingest, which validates every row with
 * them, and the site, which reads what the ingest wrote.
 */
import { z } from 'zod';
import { BlacklistFieldsSchema } from '../kinds/blacklist.ts';
import { CommitmentFieldsSchema } from '../kinds/commitment.ts';
import { LicenseFieldsSchema } from '../kinds/license.ts';
import { PenaltyFieldsSchema } from '../kinds/penalty.ts';
import { RedlistFieldsSchema } from '../kinds/redlist.ts';
import { DISCLOSURE_STATES, SUBJECT_CATEGORIES, TIERS, isoDate, optionalText, text } from './common.ts';
import { SubjectCodesSchema } from './subject.ts';

/** Who a record is about, as the row describes them. */
export const SubjectRefSchema = z.object({
  name: text('行政相对人名称（主体名称）'),
  category: z.enum(SUBJECT_CATEGORIES),
  codes: SubjectCodesSchema,
  legalRep: optionalText,
});
export type SubjectRef = z.output<typeof SubjectRefSchema>;

/** Who an event (removal, objection) is about: it names a record by 文号, so a name or code is optional. */
export const EventSubjectSchema = SubjectRefSchema.extend({ name: optionalText });
export type EventSubject = z.output<typeof EventSubjectSchema>;

export { BlacklistFieldsSchema, CommitmentFieldsSchema, LicenseFieldsSchema, PenaltyFieldsSchema, RedlistFieldsSchema };

export const RecordFieldsSchema = z.discriminatedUnion('kind', [
  LicenseFieldsSchema, PenaltyFieldsSchema, RedlistFieldsSchema, BlacklistFieldsSchema, CommitmentFieldsSchema,
]);
export type RecordFields = z.output<typeof RecordFieldsSchema>;
export type { PenaltyFields } from '../kinds/penalty.ts';

/** 信用修复 / 移出 / 撤销: the named record stops being shown from `date`. */
export const RemovalSchema = z.object({
  kind: z.literal('removal'),
  subject: EventSubjectSchema,
  /** 决定书文号 or 认定文号 of the record removed. */
  docNo: text('决定书文号或认定文号'),
  date: isoDate,
  method: z.enum(['信用修复', '终止公示', '移出名单', '撤销']),
  authority: optionalText,
});
export type Removal = z.output<typeof RemovalSchema>;

/** 处理状态 of an objection. */
export const ObjectionStatusSchema = z.enum(['核实中', '已更正', '已驳回']);
export type ObjectionStatus = z.output<typeof ObjectionStatusSchema>;

/** 异议: while 核实中 the record stays, marked, and its term and joint measures pause (seed 004). */
export const ObjectionSchema = z.object({
  kind: z.literal('objection'),
  subject: EventSubjectSchema,
  docNo: text('决定书文号'),
  received: isoDate,
  status: ObjectionStatusSchema,
  closed: isoDate.optional(),
}).refine((o) => o.status === '核实中' || o.closed !== undefined, { message: '已办结的异议缺少办结日期', path: ['closed'] });
export type Objection = z.output<typeof ObjectionSchema>;

/** Where a record came from: enough for a journalist to cite and a clerk to find the row. */
export const ProvenanceSchema = z.object({
  source: z.string(),
  title: z.string(),
  publisher: z.string(),
  /** Row (CSV line, sheet row, table row, array index) in the source file, 1-based. */
  row: z.number().int().positive(),
});
export type Provenance = z.output<typeof ProvenanceSchema>;

export const DisclosureSchema = z.object({
  state: z.enum(DISCLOSURE_STATES),
  tier: z.enum(TIERS).optional(),
  /** Id of the rule (rule set and row) that gave the dates. */
  rule: z.string(),
  /** 公示起. */
  start: isoDate,
  /** What `start` is: the decision date, or (market regulation, 总局令第45号 第十三条) the publication date. */
  startBasis: z.enum(['处罚决定日期', '公示日期']).optional(),
  /** 最短公示期满: the last day of the minimum period; repair may be applied for from the next day. */
  minEnd: isoDate.optional(),
  /** 公示截止: the last day the record may be shown; absent for records shown without end (许可). */
  end: isoDate.optional(),
  /** First day a repair application can be made. */
  repairableFrom: isoDate.optional(),
  /** Citations of the rules that set the minimum and the end, where they differ from `note`. */
  basis: z.object({ publish: z.string().optional(), minEnd: z.string().optional(), end: z.string().optional() }).optional(),
  /** A list entry under objection: its joint measures are not carried out meanwhile. */
  measuresSuspended: z.boolean().optional(),
  objection: z.object({ received: isoDate, status: ObjectionStatusSchema, closed: isoDate.optional() }).optional(),
  /** Plain-language reason for the state, shown to the subject. */
  note: z.string().optional(),
});
export type Disclosure = z.output<typeof DisclosureSchema>;

const envelope = {
  /** Stable id: kind prefix + hash of subject and decision number. Used in permalinks. */
  id: z.string().regex(/^(xk|cf|hong|hei|cn)-[0-9a-f]{12}$/),
  /** The subject this record is about, stored once in subjects.ndjson. */
  subjectId: z.string(),
  disclosure: DisclosureSchema,
  sources: z.array(ProvenanceSchema).min(1),
};

export const PublishedRecordSchema = z.discriminatedUnion('kind', [
  LicenseFieldsSchema.extend(envelope),
  PenaltyFieldsSchema.extend(envelope),
  RedlistFieldsSchema.extend(envelope),
  BlacklistFieldsSchema.extend(envelope),
  CommitmentFieldsSchema.extend(envelope),
]);
export type PublishedRecord = z.output<typeof PublishedRecordSchema>;
