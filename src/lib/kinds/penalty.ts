/**
 * 行政处罚决定 (双公示 national standard, CF_*), and how long one is shown: its tier (轻微 / 一般 / 严重) and the
 * rule set in force on its decision date, a later one where more favourable (src/lib/disclosure-rules.ts
 * holds the rules, each row citing its regulation and article).
 */
import { z } from 'zod';
import { addDays, addMonths, minDate } from '../dates.ts';
import {
  DEFAULT_DISCLOSURE_CONFIG, SAMR_PUBLICATION, SAMR_REPAIR_SETS, SIMPLE_PROCEDURE, ruleSetOn,
  type DisclosureConfig, type PenaltyRuleSet, type SamrRepairSet,
} from '../disclosure-rules.ts';
import { PENALTY_CATEGORIES, TIERS, isoDate, optionalText, text, type PenaltyCategory, type SubjectCategory, type Tier } from '../schemas/common.ts';
import type { Amount } from '../schemas/district.ts';
import type { FieldDef, KindModule, Term, TermContext } from './types.ts';

const amount = z.number().nonnegative({ message: '金额不能为负数' }).optional();

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
export type PenaltyFields = z.output<typeof PenaltyFieldsSchema>;

const HEADERS: FieldDef[] = [
  { field: 'docNo', label: '行政处罚决定书文号', aliases: ['行政处罚决定书文号', 'CF_WSH', '处罚决定书文号', '决定书文号', '处罚文书号', '文书号'] },
  { field: 'violationType', label: '违法行为类型', aliases: ['违法行为类型', 'CF_WFXW', 'CF_CFMC', '处罚名称', '案件名称'] },
  { field: 'facts', label: '违法事实', aliases: ['违法事实', 'CF_SY', '处罚事由', '主要违法事实'] },
  { field: 'basis', label: '处罚依据', aliases: ['处罚依据', 'CF_YJ', '法律依据'] },
  { field: 'categories', label: '处罚类别', multi: true, aliases: ['处罚类别', 'CF_CFLB', 'CF_CFLB1', 'CF_CFLB2', '处罚类别1', '处罚类别2', '处罚种类'] },
  { field: 'content', label: '处罚内容', aliases: ['处罚内容', 'CF_NR', '处罚结果', 'CF_JG'] },
  { field: 'fineWan', label: '罚款金额（万元）', aliases: ['罚款金额(万元)', 'CF_NR_FK', '罚款金额'] },
  { field: 'fineWan', label: '罚款金额（元）', unit: 'yuan', aliases: ['罚款金额(元)'] },
  { field: 'confiscatedWan', label: '没收违法所得、没收非法财物的金额（万元）', aliases: ['没收违法所得、没收非法财物的金额(万元)', 'CF_NR_WFFF', '没收金额(万元)', '没收金额'] },
  { field: 'confiscatedWan', label: '没收金额（元）', unit: 'yuan', aliases: ['没收违法所得、没收非法财物的金额(元)', '没收金额(元)'] },
  { field: 'licenceAffected', label: '暂扣或吊销证照名称及编号', aliases: ['暂扣或吊销证照名称及编号', 'CF_NR_ZKDX'] },
  { field: 'decisionDate', label: '处罚决定日期', aliases: ['处罚决定日期', 'CF_JDRQ', '决定日期', '处罚日期', '作出处罚决定日期'] },
  { field: 'validTo', label: '处罚有效期', aliases: ['处罚有效期', 'CF_YXQ'] },
  { field: 'publishedOn', label: '公示日期', aliases: ['公示日期', '公示时间', '公开日期', '信息公示日期'] },
  { field: 'publishUntil', label: '公示截止期', aliases: ['公示截止期', 'CF_GSJZQ', '公示截止日期', '公示期限'] },
  { field: 'authority', label: '处罚机关', aliases: ['处罚机关', 'CF_CFJG', '处罚部门', '执法机关', '作出处罚决定机关'] },
  { field: 'authorityCode', label: '处罚机关统一社会信用代码', aliases: ['处罚机关统一社会信用代码', 'CF_CFJGDM'] },
  { field: 'dataSource', label: '数据来源单位', aliases: ['数据来源单位', 'CF_SJLY'] },
  { field: 'procedure', label: '程序类型', aliases: ['程序类型', '适用程序', '处罚程序'] },
  { field: 'severity', label: '失信程度', aliases: ['失信程度', '失信严重程度', '严重程度', '失信等级'] },
  { field: 'remark', label: '备注', aliases: ['备注', 'BZ'] },
];

const MINOR_ONLY: readonly PenaltyCategory[] = ['警告', '通报批评'];
const FINE_LIKE: readonly PenaltyCategory[] = ['警告', '通报批评', '罚款'];

const who = (c: SubjectCategory) => (c === '自然人' ? 'person' : 'organisation');

function sectorText(p: PenaltyFields): string {
  return [p.authority, p.violationType, p.basis, p.facts].filter(Boolean).join(' ');
}
const inSector = (p: PenaltyFields, keywords: readonly string[]) => keywords.some((k) => sectorText(p).includes(k));

/** The thresholds in force for a penalty: a sector's own where configured, else the district's. */
function thresholds(p: PenaltyFields, config: DisclosureConfig): { lowFine?: Amount; hugeFine?: Amount } {
  const sector = config.sectorThresholds.find((s) => inSector(p, s.keywords));
  return { lowFine: sector?.lowFine ?? config.lowFine, hugeFine: sector?.hugeFine ?? config.hugeFine };
}

/** True when the fine is known and below the configured 较低数额; false when unknown or not configured. */
function lowerFine(p: PenaltyFields, category: SubjectCategory, config: DisclosureConfig): boolean {
  const low = thresholds(p, config).lowFine;
  return p.fineWan !== undefined && low !== undefined && p.fineWan < low[who(category)];
}

export interface TierResult {
  tier: Tier;
  /** Why, in plain words. */
  basis: string;
  /** A fine is imposed but its amount is blank: the tier could not use it. */
  amountUnknown: boolean;
}

/**
 * Tier of a penalty: an explicit severity from the source wins; else 简易程序 is 轻微; the categories the
 * district counts as serious, or a fine reaching its 巨额 threshold, make it 严重; 警告 / 通报批评 alone, or
 * (where configured) a known fine below 较低数额, make it 轻微; everything else is 一般. A blank amount is
 * unknown, not zero: it never makes a penalty 轻微.
 */
export function penaltyTierOf(p: PenaltyFields, category: SubjectCategory, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): TierResult {
  const fined = p.categories.includes('罚款');
  const amountUnknown = fined && p.fineWan === undefined;
  if (p.severity) return { tier: p.severity, basis: '来源标明的失信程度', amountUnknown: false };
  if (p.procedure === '简易程序') return { tier: '轻微', basis: '简易程序', amountUnknown: false };
  const serious = p.categories.find((c) => config.seriousCategories.includes(c));
  if (serious) return { tier: '严重', basis: `处罚类别含${serious}`, amountUnknown: false };
  const huge = thresholds(p, config).hugeFine;
  const amount = (p.fineWan ?? 0) + (p.confiscatedWan ?? 0);
  if (huge && (p.fineWan !== undefined || p.confiscatedWan !== undefined) && amount >= huge[who(category)]) {
    return { tier: '严重', basis: `罚没金额达到巨额标准（${huge[who(category)]}万元）`, amountUnknown };
  }
  if (p.categories.every((c) => MINOR_ONLY.includes(c))) return { tier: '轻微', basis: '仅警告或通报批评', amountUnknown: false };
  if (p.categories.every((c) => FINE_LIKE.includes(c)) && config.lowFineIsMinor && lowerFine(p, category, config)) {
    return { tier: '轻微', basis: '较低数额罚款', amountUnknown: false };
  }
  return { tier: '一般', basis: amountUnknown ? '罚款金额空缺，按一般失信处理' : '一般失信', amountUnknown };
}


/** What one national rule set says of a penalty. */
interface Bounds { set: PenaltyRuleSet; publish: boolean; minEnd?: string; end: string; publishCite: string; minCite: string; endCite: string }

function underSet(p: PenaltyFields, tier: Tier, set: PenaltyRuleSet): Bounds {
  const row = set.tiers[tier];
  const start = p.decisionDate;
  const end = addMonths(start, row.maxMonths);
  let minMonths = row.minMonths;
  let minCite = row.cite;
  for (const s of set.sectorMinimums) {
    if (inSector(p, s.keywords) && s.minMonths > minMonths) { minMonths = s.minMonths; minCite = s.cite; }
  }
  let minEnd = minMonths > 0 ? addMonths(start, minMonths) : undefined;
  const full = set.fullTerm;
  if (full && inSector(p, full.keywords) && p.categories.some((c) => full.categories.includes(c))) {
    minEnd = end;
    minCite = full.cite;
  }
  return { set, publish: row.publish, minEnd, end, publishCite: row.cite, minCite, endCite: row.cite };
}

/** The first day a repair can be applied for under some bounds, or undefined when never before the end. */
export const repairDay = (minEnd: string | undefined, end: string | undefined) => (minEnd && (!end || minEnd < end) ? addDays(minEnd, 1) : undefined);

function ndrcPenaltyTerm(p: PenaltyFields, tier: Tier, today: string, config: DisclosureConfig): Term {
  const start = p.decisionDate;
  const then = underSet(p, tier, ruleSetOn(p.decisionDate));
  const nowSet = ruleSetOn(today);
  const now = config.transition === 'favourable' && nowSet.effectiveFrom > then.set.effectiveFrom ? underSet(p, tier, nowSet) : null;
  const rule = `${then.set.id}/${tier}`;
  const base: Pick<Term, 'rule' | 'tier' | 'start' | 'startBasis'> = { rule, tier, start, startBasis: '处罚决定日期' };
  if (!then.publish) return { ...base, publish: false, note: then.publishCite };
  if (now && !now.publish) {
    return { ...base, publish: false, note: `决定作出时施行${then.set.docNo}；现行${now.set.docNo}不予公示此类信息，对当事人更有利，按现行规定不予公示`, basis: { publish: now.publishCite } };
  }
  let minEnd = then.minEnd;
  let minCite = then.minCite;
  let end = then.end;
  let endCite = then.endCite;
  const later: string[] = [];
  if (now) {
    if (now.end < end) { end = now.end; endCite = now.endCite; later.push('公示截止日期'); }
    const thenRepair = repairDay(minEnd, end);
    const nowRepair = repairDay(now.minEnd, end);
    if (nowRepair && (!thenRepair || nowRepair < thenRepair)) { minEnd = now.minEnd; minCite = now.minCite; later.push('可申请修复日期'); }
  }
  if (minEnd && minEnd > end) minEnd = end;
  const note = later.length
    ? `按决定作出时施行的${then.set.docNo}计算；现行${now!.set.docNo}对当事人更有利的，${later.join('和')}按现行规定计算（立法法第一百零四条）`
    : then.set === nowSet ? then.publishCite : `按决定作出时施行的${then.set.docNo}计算（规章不溯及既往，立法法第一百零四条）`;
  return { ...base, publish: true, minEnd, end, note, basis: { minEnd: minCite, end: endCite } };
}

function samrPenaltyTerm(p: PenaltyFields, tier: Tier, category: SubjectCategory, today: string, config: DisclosureConfig): Term {
  // Art. 13: periods count from the day of publication; the decision date stands in when the source has none.
  const start = p.publishedOn ?? p.decisionDate;
  const base: Pick<Term, 'rule' | 'tier' | 'start' | 'startBasis'> = {
    rule: SAMR_PUBLICATION.id, tier, start, startBasis: p.publishedOn ? '公示日期' : '处罚决定日期',
  };
  if (p.categories.every((c) => c === '警告')) return { ...base, rule: SAMR_PUBLICATION.notPublished.id, publish: false, note: SAMR_PUBLICATION.notPublished.cite };
  // "仅受到通报批评或者较低数额罚款": only those; 警告 with a lower fine is not this case.
  const short = p.categories.every((c) => c === '通报批评' || c === '罚款')
    && (!p.categories.includes('罚款') || lowerFine(p, category, config));
  const pub = short ? SAMR_PUBLICATION.short : SAMR_PUBLICATION.long;
  let end = addMonths(start, pub.months);
  if (!short && p.validTo && p.validTo > end && p.categories.some((c) => SAMR_PUBLICATION.actualTerm.includes(c))) end = p.validTo;
  const noEarly = p.categories.find((c) => SAMR_PUBLICATION.noEarlyStop.categories.includes(c));
  const term: Term = { ...base, rule: pub.id, publish: true, end, note: pub.cite, basis: { end: pub.cite } };
  if (short) return term;
  if (noEarly) return { ...term, minEnd: end, basis: { ...term.basis, minEnd: SAMR_PUBLICATION.noEarlyStop.cite } };
  // Repair: the rule in force on the decision date, or a later one in force today where it allows repair earlier.
  const sets: SamrRepairSet[] = [ruleSetOn(p.decisionDate, SAMR_REPAIR_SETS)];
  const nowSet = ruleSetOn(today, SAMR_REPAIR_SETS);
  if (config.transition === 'favourable' && nowSet.effectiveFrom > sets[0]!.effectiveFrom) sets.push(nowSet);
  let best: { minEnd: string; set: SamrRepairSet } | undefined;
  for (const set of sets) {
    const months = set.sensitive && inSector(p, set.sensitive.keywords) ? set.sensitive.months : set.afterMonths[tier === '严重' ? '严重' : '一般'];
    const minEnd = addMonths(start, months);
    if (!best || minEnd < best.minEnd) best = { minEnd, set };
  }
  return { ...term, minEnd: minDate(best!.minEnd, end), basis: { ...term.basis, minEnd: best!.set.cite } };
}

function penaltyTerm(p: PenaltyFields, { subjectCategory, regime, today, config }: TermContext): Term {
  const { tier } = penaltyTierOf(p, subjectCategory, config);
  if (p.procedure === '简易程序') {
    return { rule: SIMPLE_PROCEDURE.id, tier, start: p.decisionDate, publish: false, note: SIMPLE_PROCEDURE.cite };
  }
  const term = regime === 'samr'
    ? samrPenaltyTerm(p, tier, subjectCategory, today, config)
    : ndrcPenaltyTerm(p, tier, today, config);
  // The publisher's own 公示截止期 is never extended; an implausible one (before the start) is ignored.
  if (term.publish && p.publishUntil && p.publishUntil >= term.start && term.end && p.publishUntil < term.end) {
    term.end = p.publishUntil;
    term.basis = { ...term.basis, end: '来源部门载明的公示截止期' };
    if (term.minEnd && term.minEnd > term.end) term.minEnd = term.end;
  }
  return term;
}

export const penalty: KindModule<'penalty', PenaltyFields> = {
  kind: 'penalty',
  label: '行政处罚',
  section: '行政处罚',
  slug: 'penalty',
  idPrefix: 'cf',
  searchCode: 'P',
  authorityRole: '处罚机关',
  listIntro: '行政处罚信息自处罚决定作出之日起按公示期限规则公示；简易程序作出的处罚和轻微失信信息不予公示。',
  schema: PenaltyFieldsSchema,
  headers: HEADERS,
  title: (r) => r.violationType ?? '行政处罚决定',
  date: (r) => r.decisionDate,
  idKey: (_r, doc) => doc,
  term: penaltyTerm,
};
