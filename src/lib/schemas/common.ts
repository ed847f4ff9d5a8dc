import { z } from 'zod';
import { isIsoDate } from '../dates.ts';

/** Record kinds that become published records. */
export const RECORD_KINDS = ['license', 'penalty', 'redlist', 'blacklist', 'commitment'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/** Event kinds that change what may be shown; they are never published as records themselves. */
export const EVENT_KINDS = ['removal', 'objection'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const SOURCE_KINDS = [...RECORD_KINDS, ...EVENT_KINDS] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Labels of the kinds: src/lib/kinds/index.ts (KIND_LABELS), from each kind's module. */

/** 行政相对人类别 as the national 双公示 standard spells them. */
export const SUBJECT_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

/** 处罚类别, 行政处罚法 (2021) 第九条. */
export const PENALTY_CATEGORIES = [
  '警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件',
  '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留', '其他',
] as const;
export type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];

/** 失信信息 tiers of 国家发展改革委令2025年第36号. */
export const TIERS = ['轻微', '一般', '严重'] as const;
export type Tier = (typeof TIERS)[number];

export const DISCLOSURE_STATES = ['公示中', '可申请修复', '已届满', '不予公示', '已修复', '异议核实中'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];
/** States in which a record is shown on the portal. */
export const PUBLIC_STATES: readonly DisclosureState[] = ['公示中', '可申请修复', '异议核实中'];

export const isoDate = z.string().refine(isIsoDate, { message: '日期应为有效的 YYYY-MM-DD' });
const trimmed = z.string().trim();
/** A required text cell. */
export const text = (what: string) => trimmed.min(1, { message: `缺少${what}` });
export const optionalText = trimmed.min(1).optional();
