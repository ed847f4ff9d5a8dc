/**
 * Disclosure periods (公示期) as data. Every row names the regulation it comes from and whether its
 * article or value was checked (`verified`; see "Law facts checked" in ../shared/DOMAIN.md for where each
 * fact was read). Rows whose text could not be read keep `verified: false`, and the rules page says so in
 * plain words. What a province or district decides (thresholds, list terms, local deadlines) is not here but
 * in district.yaml (DisclosureConfig).
 */
import type { PenaltyCategory, Tier } from './schemas/common.ts';
import { DisclosureConfigSchema, type DisclosureConfig } from './schemas/district.ts';

export type { DisclosureConfig } from './schemas/district.ts';

export interface TierRule {
  /** Whether records of this tier are public credit information at all. */
  publish: boolean;
  /** Minimum period in months: repair may be applied for after it. */
  minMonths: number;
  /** Maximum period in months: the record stops being shown after it. */
  maxMonths: number;
  cite: string;
}

/** A regulation in force over a span of time. */
export interface RuleSource {
  id: string;
  title: string;
  docNo: string;
  effectiveFrom: string;
  effectiveTo?: string;
  /** false where the article numbers or values could not be checked against the official text. */
  verified: boolean;
}

export interface PenaltyRuleSet extends RuleSource {
  /** What the periods count from. */
  countsFrom: string;
  tiers: Record<Tier, TierRule>;
  /** Sectors with a longer minimum period; matched against authority, violation type, basis and facts. */
  sectorMinimums: { id: string; keywords: string[]; minMonths: number; cite: string }[];
  /**
   * 特定严重失信 (527号): decisions in these sectors with one of these measures are shown for the whole
   * maximum and cannot be repaired early.
   */
  fullTerm?: { id: string; keywords: string[]; categories: PenaltyCategory[]; cite: string };
}

/** 简易程序 decisions are not public credit information: the national basis, whatever the rule set. */
export const SIMPLE_PROCEDURE = {
  id: 'simple-procedure',
  cite: '发改办财金〔2019〕527号：适用简易程序作出的行政处罚信息不纳入公示；国家市场监督管理总局令第45号第二条：仅公示适用普通程序作出的行政处罚',
  verified: true,
} as const;

/** 发改办财金〔2019〕527号: two tiers; 一般 is everything not 严重. Numbered sections, not articles. */
const NDRC_2019_527: PenaltyRuleSet = {
  id: 'ndrc-2019-527',
  title: '国家发展改革委办公厅关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知',
  docNo: '发改办财金〔2019〕527号',
  effectiveFrom: '2019-07-01',
  effectiveTo: '2023-04-30',
  verified: true,
  countsFrom: '行政处罚决定作出之日',
  tiers: {
    轻微: { publish: true, minMonths: 3, maxMonths: 12, cite: '发改办财金〔2019〕527号：一般失信行为（严重以外的均属一般，未单列轻微档）最短3个月、最长1年' },
    一般: { publish: true, minMonths: 3, maxMonths: 12, cite: '发改办财金〔2019〕527号：一般失信行为最短3个月、最长1年' },
    严重: { publish: true, minMonths: 6, maxMonths: 36, cite: '发改办财金〔2019〕527号：严重失信行为最短6个月、最长3年' },
  },
  sectorMinimums: [],
  fullTerm: {
    id: 'ndrc-2019-527/特定严重失信',
    keywords: ['食品', '药品', '环境', '生态环境', '环保', '工程质量', '建筑', '安全生产', '应急管理', '消防', '强制性产品认证', 'CCC', '3C'],
    categories: ['责令停产停业', '吊销许可证件'],
    cite: '发改办财金〔2019〕527号：食品药品、生态环境、工程质量、安全生产、消防、强制性产品认证等领域被责令停产停业或吊销许可证件的特定严重失信行为，公示满最长期限，不予提前修复',
  },
};

/** 国家发展改革委令2023年第58号 《失信行为纠正后的信用信息修复管理办法（试行）》. */
const NDRC_2023_58: PenaltyRuleSet = {
  id: 'ndrc-2023-58',
  title: '失信行为纠正后的信用信息修复管理办法（试行）',
  docNo: '国家发展改革委令2023年第58号',
  effectiveFrom: '2023-05-01',
  effectiveTo: '2026-03-31',
  // Periods read from summaries; the article numbers were not.
  verified: false,
  countsFrom: '行政处罚决定作出之日',
  tiers: {
    轻微: { publish: true, minMonths: 3, maxMonths: 36, cite: '国家发展改革委令2023年第58号：行政处罚信息最短3个月、最长3年，届满自动停止公示' },
    一般: { publish: true, minMonths: 3, maxMonths: 36, cite: '国家发展改革委令2023年第58号：行政处罚信息最短3个月、最长3年，届满自动停止公示' },
    严重: { publish: true, minMonths: 3, maxMonths: 36, cite: '国家发展改革委令2023年第58号：行政处罚信息最短3个月、最长3年，届满自动停止公示' },
  },
  sectorMinimums: [{
    id: 'ndrc-2023-58/一年领域',
    keywords: ['食品', '药品', '特种设备', '安全生产', '应急管理', '消防'],
    minMonths: 12,
    // Sources disagree: one summary lists only 特种设备, 安全生产, 消防; another adds 食品 and 药品.
    cite: '国家发展改革委令2023年第58号：食品、药品、特种设备、安全生产、消防领域最短1年（另有摘要只列特种设备、安全生产、消防三项，二者不一致）',
  }],
};

/** 国家发展改革委令2025年第36号 《信用修复管理办法》, adopted 2025-11-19, in force 2026-04-01. */
const NDRC_2025_36: PenaltyRuleSet = {
  id: 'ndrc-2025-36',
  title: '信用修复管理办法',
  docNo: '国家发展改革委令2025年第36号',
  effectiveFrom: '2026-04-01',
  // Articles from 5 on could not be read; the tiers come from published summaries.
  verified: false,
  countsFrom: '行政处罚决定书作出之日',
  tiers: {
    轻微: { publish: false, minMonths: 0, maxMonths: 3, cite: '国家发展改革委令2025年第36号：轻微失信信息（简易程序、警告、通报批评等）原则上不公示，行业确需公示的最长3个月' },
    一般: { publish: true, minMonths: 3, maxMonths: 12, cite: '国家发展改革委令2025年第36号：一般失信信息最短3个月、最长1年，自决定书作出之日起算' },
    严重: { publish: true, minMonths: 12, maxMonths: 36, cite: '国家发展改革委令2025年第36号：严重失信信息最短1年、最长3年，自决定书作出之日起算' },
  },
  sectorMinimums: [],
};

/** The national rule sets, oldest first. */
export const PENALTY_RULE_SETS: readonly PenaltyRuleSet[] = [NDRC_2019_527, NDRC_2023_58, NDRC_2025_36];

/** 国家市场监督管理总局令第45号 《市场监督管理行政处罚信息公示规定》 (full text read, DOMAIN.md). */
export const SAMR_PUBLICATION = {
  id: 'samr-45',
  title: '市场监督管理行政处罚信息公示规定',
  docNo: '国家市场监督管理总局令第45号',
  effectiveFrom: '2021-09-01',
  verified: true,
  notPublished: { id: 'samr-45/第二条', cite: '国家市场监督管理总局令第45号第二条：适用简易程序作出的、仅受到警告的行政处罚不公示' },
  short: { id: 'samr-45/第十三条/三个月', months: 3, cite: '国家市场监督管理总局令第45号第十三条：仅受到通报批评或者较低数额罚款的，公示期自公示之日起3个月' },
  long: { id: 'samr-45/第十三条/三年', months: 36, cite: '国家市场监督管理总局令第45号第十三条：其他行政处罚信息公示期自公示之日起3年；限制开展生产经营活动、限制从业期限超过3年的，公示期按实际期限' },
  /** Restrictions whose actual term is shown when longer than 3 years (Art. 13). */
  actualTerm: ['限制开展生产经营活动', '限制从业'] as PenaltyCategory[],
  /** No early stop (Art. 14). 吊销营业执照 is recorded as 吊销许可证件. */
  noEarlyStop: {
    id: 'samr-45/第十四条',
    categories: ['责令停产停业', '限制开展生产经营活动', '限制从业', '降低资质等级', '吊销许可证件'] as PenaltyCategory[],
    cite: '国家市场监督管理总局令第45号第十四条：受到责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件、吊销营业执照等处罚的，不得提前停止公示',
  },
} as const;

/** Repair of market-regulation penalties: when a subject may apply, by rule set in force. */
export interface SamrRepairSet extends RuleSource {
  /** Months after publication from which repair may be applied for, by tier (轻微 and the 3-month case: never). */
  afterMonths: { 一般: number; 严重: number };
  /** Sectors with a longer wait, and how long. */
  sensitive?: { keywords: string[]; months: number };
  cite: string;
}

export const SAMR_REPAIR_SETS: readonly SamrRepairSet[] = [
  {
    id: 'samr-repair-2021',
    title: '市场监督管理信用修复管理办法',
    docNo: '国市监信规〔2021〕3号',
    effectiveFrom: '2021-09-01',
    effectiveTo: '2025-12-24',
    verified: true,
    afterMonths: { 一般: 6, 严重: 6 },
    sensitive: { keywords: ['食品', '药品', '特种设备'], months: 12 },
    cite: '国市监信规〔2021〕3号第六条：公示满6个月可申请信用修复，食品、药品、特种设备领域满1年；仅受警告、通报批评或较低数额罚款的不适用',
  },
  {
    id: 'samr-repair-2025',
    title: '市场监督管理信用修复管理办法（2025年）',
    docNo: '市场监管总局2025年部门规章',
    effectiveFrom: '2025-12-25',
    // Only news reports were found: "tiers mirror Order 36". Applied as reported until the text is checked.
    verified: false,
    afterMonths: { 一般: 3, 严重: 12 },
    cite: '2025年12月25日起施行的市场监管信用修复规章：据报道与国家发展改革委令2025年第36号的分级一致，一般失信满3个月、严重失信满1年可申请修复',
  },
];

/** The default configuration: no thresholds (no province's value is national), national terms only. */
export const DEFAULT_DISCLOSURE_CONFIG: DisclosureConfig = DisclosureConfigSchema.parse({});

/** The rule set in force on `day` (the earliest one before 2019-07). */
export function ruleSetOn<T extends { effectiveFrom: string }>(day: string, sets: readonly T[]): T;
export function ruleSetOn(day: string): PenaltyRuleSet;
export function ruleSetOn(day: string, sets: readonly { effectiveFrom: string }[] = PENALTY_RULE_SETS) {
  let found = sets[0]!;
  for (const s of sets) if (s.effectiveFrom <= day) found = s;
  return found;
}
