/**
 * Disclosure periods (公示期) as data. Every row names the regulation it comes from; rows we could not
 * check against the official text carry `verified: false` and are shown that way on the public rules page.
 * A rule set applies from its effective date: on a given `today`, the set in force that day decides.
 * Override any of this through configuration rather than editing code (see DisclosureConfig).
 */
import type { PenaltyCategory, Tier } from './schemas/common.ts';

export interface TierRule {
  /** Whether records of this tier are public credit information at all. */
  publish: boolean;
  /** Minimum period in months: repair may be applied for after it. */
  minMonths: number;
  /** Maximum period in months: the record stops being shown after it. */
  maxMonths: number;
  cite: string;
}

export interface PenaltyRuleSet {
  id: string;
  title: string;
  docNo: string;
  effectiveFrom: string;
  effectiveTo?: string;
  /** false where the article numbers or values still have to be checked against the official text. */
  verified: boolean;
  tiers: Record<Tier, TierRule>;
  /** Sectors with a longer minimum period; matched against authority, violation type and basis. */
  sectorMinimums: { keywords: string[]; minMonths: number; cite: string }[];
}

/** 发改办财金〔2019〕527号: two tiers only; minor records fall under 一般. */
const NDRC_2019_527: PenaltyRuleSet = {
  id: 'ndrc-2019-527',
  title: '国家发展改革委办公厅关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知',
  docNo: '发改办财金〔2019〕527号',
  effectiveFrom: '2019-07-01',
  effectiveTo: '2023-04-30',
  verified: false,
  tiers: {
    轻微: { publish: true, minMonths: 3, maxMonths: 12, cite: '发改办财金〔2019〕527号：一般失信行为最短3个月、最长1年（无单列的轻微档）' },
    一般: { publish: true, minMonths: 3, maxMonths: 12, cite: '发改办财金〔2019〕527号：一般失信行为最短3个月、最长1年' },
    严重: { publish: true, minMonths: 6, maxMonths: 36, cite: '发改办财金〔2019〕527号：严重失信行为最短6个月、最长3年' },
  },
  sectorMinimums: [],
};

/** 国家发展改革委令2023年第58号 《失信行为纠正后的信用信息修复管理办法（试行）》. */
const NDRC_2023_58: PenaltyRuleSet = {
  id: 'ndrc-2023-58',
  title: '失信行为纠正后的信用信息修复管理办法（试行）',
  docNo: '国家发展改革委令2023年第58号',
  effectiveFrom: '2023-05-01',
  effectiveTo: '2026-03-31',
  verified: false,
  tiers: {
    轻微: { publish: true, minMonths: 3, maxMonths: 36, cite: '国家发展改革委令2023年第58号：行政处罚信息最短3个月、最长3年' },
    一般: { publish: true, minMonths: 3, maxMonths: 36, cite: '国家发展改革委令2023年第58号：行政处罚信息最短3个月、最长3年' },
    严重: { publish: true, minMonths: 3, maxMonths: 36, cite: '国家发展改革委令2023年第58号：行政处罚信息最短3个月、最长3年' },
  },
  sectorMinimums: [
    { keywords: ['特种设备', '安全生产', '应急管理', '安监', '消防'], minMonths: 12, cite: '国家发展改革委令2023年第58号：特种设备、安全生产、消防领域最短1年' },
  ],
};

/** 国家发展改革委令2025年第36号 《信用修复管理办法》, adopted 2025-11-20, in force 2026-04-01. */
const NDRC_2025_36: PenaltyRuleSet = {
  id: 'ndrc-2025-36',
  title: '信用修复管理办法',
  docNo: '国家发展改革委令2025年第36号',
  effectiveFrom: '2026-04-01',
  verified: false,
  tiers: {
    轻微: { publish: false, minMonths: 0, maxMonths: 3, cite: '国家发展改革委令2025年第36号：轻微失信信息原则上不公示，行业确需公示的最长3个月' },
    一般: { publish: true, minMonths: 3, maxMonths: 12, cite: '国家发展改革委令2025年第36号：一般失信信息最短3个月、最长1年，自决定书作出之日起算' },
    严重: { publish: true, minMonths: 12, maxMonths: 36, cite: '国家发展改革委令2025年第36号：严重失信信息最短1年、最长3年，自决定书作出之日起算' },
  },
  sectorMinimums: [],
};

export const PENALTY_RULE_SETS: readonly PenaltyRuleSet[] = [NDRC_2019_527, NDRC_2023_58, NDRC_2025_36];

/** 国家市场监督管理总局令第45号 (publication) and 国市监信规〔2021〕3号 (repair), for SAMR penalty sources. */
export const SAMR_RULES = {
  id: 'samr-45',
  docNo: '国家市场监督管理总局令第45号',
  effectiveFrom: '2021-09-01',
  verified: false,
  /** Decisions of only 通报批评 or a lower-amount fine stop 3 months after publication. */
  shortMonths: 3,
  /** All other published decisions stop 3 years after publication. */
  longMonths: 36,
  /** 国市监信规〔2021〕3号: repair may be applied for after 6 months shown… */
  repairAfterMonths: 6,
  /** …after 1 year for food, drugs and special equipment. */
  repairAfterMonthsSensitive: 12,
  sensitiveKeywords: ['食品', '药品', '特种设备', '疫苗', '医疗器械'],
  /** No early stop for these measures. */
  noEarlyStop: ['吊销许可证件', '责令停产停业', '限制从业'] as PenaltyCategory[],
  cite: '国家市场监督管理总局令第45号：仅通报批评或较低数额罚款的公示3个月，其他公示3年；简易程序及仅警告的不公示。修复见国市监信规〔2021〕3号',
} as const;

/** Values a district sets for itself; the defaults are documented assumptions, not national law. */
export interface DisclosureConfig {
  /** 较低数额罚款 (万元): set by each province (DOMAIN.md cites 湖北: 1万元 for a person, 10万元 for an organisation). */
  lowFineWan: { person: number; organisation: number };
  /** Fines or confiscations from this amount (万元) make a penalty 严重 under the tiered rules. */
  seriousAmountWan: { person: number; organisation: number };
  /** Penalty categories that make a decision 严重 (licence revocation, bans, closure...). */
  seriousCategories: PenaltyCategory[];
  /** Red-list terms by list name when the source gives no 有效期至. */
  redlistTerms: { match: string; months: number; fromEvaluationYear?: boolean; cite: string }[];
  redlistDefaultMonths: number;
  /** Black-list term when the source gives none, and when early removal may be asked for. */
  blacklistDefaultMonths: number;
  blacklistEarlyRemovalMonths: number;
  commitmentDefaultMonths: number;
}

export const DEFAULT_DISCLOSURE_CONFIG: DisclosureConfig = {
  lowFineWan: { person: 1, organisation: 10 },
  seriousAmountWan: { person: 20, organisation: 100 },
  seriousCategories: ['吊销许可证件', '责令关闭', '限制从业', '责令停产停业', '降低资质等级', '限制开展生产经营活动', '行政拘留'],
  redlistTerms: [
    {
      match: 'A级',
      months: 12,
      fromEvaluationYear: true,
      cite: '纳税信用管理办法（试行）（国家税务总局公告2014年第40号）：评价结果按年度确定，A级适用于评价年度的次年',
    },
  ],
  redlistDefaultMonths: 24,
  blacklistDefaultMonths: 36,
  blacklistEarlyRemovalMonths: 12,
  commitmentDefaultMonths: 36,
};

/** The rule set in force on `today` (the earliest one before 2019-07). */
export function ruleSetOn(today: string, sets: readonly PenaltyRuleSet[] = PENALTY_RULE_SETS): PenaltyRuleSet {
  let found = sets[0]!;
  for (const s of sets) if (s.effectiveFrom <= today) found = s;
  return found;
}
