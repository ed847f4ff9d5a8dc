/**
 * Records, one schema per kind, shared by the ingest (which validates every row with them) and by the
 * site's content collections (which trust them after the ingest).
 */
import { z } from 'zod';
import {
  DISCLOSURE_STATES, PENALTY_CATEGORIES, SUBJECT_CATEGORIES, TIERS, isoDate, optionalText, text,
} from './common.ts';
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

const amount = z.number().nonnegative({ message: '金额不能为负数' }).optional();

/** 行政许可决定 (双公示 national standard, XK_*). */
export const LicenseFieldsSchema = z.object({
  kind: z.literal('license'),
  /** 行政许可决定文书名称 XK_XKWS. */
  docName: optionalText,
  /** 行政许可决定文书号 XK_WSH. */
  docNo: optionalText,
  /** 许可类别 XK_XKLB: 普通, 特许, 认可, 核准, 登记, 其他. */
  licenseCategory: optionalText,
  /** 许可证书名称 XK_XKZS. */
  certName: optionalText,
  /** 许可编号 XK_XKBH. */
  licenseNo: optionalText,
  /** 许可内容 XK_NR. */
  content: optionalText,
  /** 许可决定日期 XK_JDRQ. */
  decisionDate: isoDate,
  /** 有效期自 XK_YXQZ. */
  validFrom: isoDate.optional(),
  /** 有效期至 XK_YXQZI. */
  validTo: isoDate.optional(),
  /** 许可机关 XK_XKJG. */
  authority: text('许可机关'),
  authorityCode: optionalText,
  /** 当前状态 XK_ZT as published (有效, 注销, 撤销...). */
  status: optionalText,
  /** 数据来源单位 XK_LYDW. */
  dataSource: optionalText,
  remark: optionalText,
});

/** 行政处罚决定 (双公示 national standard, CF_*). */
export const PenaltyFieldsSchema = z.object({
  kind: z.literal('penalty'),
  /** 行政处罚决定书文号 CF_WSH. */
  docNo: text('行政处罚决定书文号'),
  /** 违法行为类型 CF_WFXW. */
  violationType: optionalText,
  /** 违法事实 CF_SY. */
  facts: optionalText,
  /** 处罚依据 CF_YJ. */
  basis: optionalText,
  /** 处罚类别 CF_CFLB, a set (行政处罚法 第九条). */
  categories: z.array(z.enum(PENALTY_CATEGORIES)).min(1, { message: '缺少处罚类别' }),
  /** 处罚内容 CF_NR. */
  content: optionalText,
  /** 罚款金额（万元） CF_NR_FK. */
  fineWan: amount,
  /** 没收违法所得、没收非法财物的金额（万元） CF_NR_WFFF. */
  confiscatedWan: amount,
  /** 暂扣或吊销证照名称及编号 CF_NR_ZKDX. */
  licenceAffected: optionalText,
  /** 处罚决定日期 CF_JDRQ. */
  decisionDate: isoDate,
  /** 处罚有效期 CF_YXQ. */
  validTo: isoDate.optional(),
  /** 公示日期: when the decision was published; 总局令第45号 counts its periods from it. */
  publishedOn: isoDate.optional(),
  /** 公示截止期 CF_GSJZQ: the publisher's own end date, never extended. */
  publishUntil: isoDate.optional(),
  /** 处罚机关 CF_CFJG. */
  authority: text('处罚机关'),
  authorityCode: optionalText,
  dataSource: optionalText,
  /** 简易程序 decisions are not public credit information (发改办财金〔2019〕527号; 总局令第45号 第二条). */
  procedure: z.enum(['简易程序', '普通程序']).optional(),
  /** An explicit severity from the source; otherwise derived from categories and amounts. */
  severity: z.enum(TIERS).optional(),
  remark: optionalText,
});

/** 守信激励 / 诚信典型 list entry. */
export const RedlistFieldsSchema = z.object({
  kind: z.literal('redlist'),
  /** 名单名称 / 荣誉名称 / 信用级别. */
  listName: text('名单名称'),
  docNo: optionalText,
  /** 列入日期 / 认定日期 / 发布日期. */
  listedOn: isoDate.optional(),
  /** 评价年度, when the list is by year (A级纳税人). */
  evaluationYear: z.number().int().min(1990).max(2100).optional(),
  reason: optionalText,
  basis: optionalText,
  /** 认定部门. */
  authority: text('认定部门'),
  /** 有效期至. */
  validTo: isoDate.optional(),
  /** 激励措施. */
  measures: optionalText,
  /** 依据备忘录 (e.g. 发改财金〔2016〕1467号). */
  memorandum: optionalText,
}).refine((r) => r.listedOn !== undefined || r.evaluationYear !== undefined, {
  message: '缺少列入日期或评价年度', path: ['listedOn'],
});

/** 严重失信主体名单 entry: 鹤信用发〔2022〕1号 asks for reason, basis, measures, removal conditions, remedies. */
export const BlacklistFieldsSchema = z.object({
  kind: z.literal('blacklist'),
  listName: text('名单名称'),
  /** 案件性质 (tax lists). */
  caseNature: optionalText,
  docNo: optionalText,
  listedOn: isoDate,
  /** 列入事由 / 主要违法事实. */
  reason: text('列入事由'),
  basis: optionalText,
  authority: text('列入机关'),
  validTo: isoDate.optional(),
  /** 联合惩戒措施. */
  measures: optionalText,
  memorandum: optionalText,
  /** 移出条件. */
  removalConditions: optionalText,
  /** 救济途径. */
  remedies: optionalText,
});

/** 信用承诺. */
export const CommitmentFieldsSchema = z.object({
  kind: z.literal('commitment'),
  commitmentType: text('承诺类型'),
  content: optionalText,
  committedOn: isoDate,
  authority: text('受理单位'),
  validTo: isoDate.optional(),
  docNo: optionalText,
});

export const RecordFieldsSchema = z.discriminatedUnion('kind', [
  LicenseFieldsSchema, PenaltyFieldsSchema, RedlistFieldsSchema, BlacklistFieldsSchema, CommitmentFieldsSchema,
]);
export type RecordFields = z.output<typeof RecordFieldsSchema>;
export type PenaltyFields = z.output<typeof PenaltyFieldsSchema>;

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
