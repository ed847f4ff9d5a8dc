/**
 * Built-in value look-ups for the national code lists (DOMAIN.md "Code lists") and the spellings seen
 * in practice. A descriptor's `values` is consulted first.
 */
import { PENALTY_CATEGORIES, type PenaltyCategory, type SubjectCategory } from '../../src/lib/schemas/common.ts';
import { toHalfWidth } from '../../src/lib/text.ts';

/** Look-up keys: full-width and spacing do not matter. */
export const lookupKey = (s: string) => toHalfWidth(s).replace(/\s+/g, '');
const key = lookupKey;

export const SUBJECT_CATEGORY: Record<string, SubjectCategory> = {
  '01': '自然人', '1': '自然人', 自然人: '自然人', 个人: '自然人',
  '02': '法人及非法人组织', '2': '法人及非法人组织', 法人: '法人及非法人组织',
  '03': '法人及非法人组织', '3': '法人及非法人组织', 非法人组织: '法人及非法人组织',
  法人及非法人组织: '法人及非法人组织', 法人和非法人组织: '法人及非法人组织', 法人及其他组织: '法人及非法人组织',
  法人或其他组织: '法人及非法人组织', 其他组织: '法人及非法人组织', 企业: '法人及非法人组织', 企业法人: '法人及非法人组织',
  '04': '个体工商户', '4': '个体工商户', 个体工商户: '个体工商户', 个体户: '个体工商户', 个体: '个体工商户',
};

export const ID_TYPE: Record<string, string> = {
  '01': '身份证', '1': '身份证', 身份证: '身份证', 居民身份证: '身份证',
  '02': '护照', '2': '护照', 护照: '护照',
  '03': '港澳居民来往内地通行证', '04': '台湾居民来往大陆通行证', '05': '外国人永久居留身份证',
};

export const LICENSE_CATEGORY: Record<string, string> = {
  '01': '普通', '02': '特许', '03': '认可', '04': '核准', '05': '登记', '06': '其他',
  '1': '普通', '2': '特许', '3': '认可', '4': '核准', '5': '登记', '6': '其他',
};

export const PROCEDURE: Record<string, '简易程序' | '普通程序'> = {
  简易: '简易程序', 简易程序: '简易程序', 当场处罚: '简易程序',
  普通: '普通程序', 普通程序: '普通程序', 一般程序: '普通程序', 听证程序: '普通程序',
};

export const SEVERITY: Record<string, '轻微' | '一般' | '严重'> = {
  轻微: '轻微', 轻微失信: '轻微', 一般: '一般', 一般失信: '一般', 较重: '一般', 严重: '严重', 严重失信: '严重',
};

export const REMOVAL_METHOD: Record<string, '信用修复' | '终止公示' | '移出名单' | '撤销'> = {
  信用修复: '信用修复', 修复: '信用修复', 终止公示: '终止公示', 提前终止公示: '终止公示', 停止公示: '终止公示',
  移出: '移出名单', 移出名单: '移出名单', 撤销: '撤销', 撤销决定: '撤销', 撤销认定: '撤销',
};

export const OBJECTION_STATUS: Record<string, '核实中' | '已更正' | '已驳回'> = {
  核实中: '核实中', 受理中: '核实中', 处理中: '核实中', 已受理: '核实中',
  已更正: '已更正', 更正: '已更正', 异议成立: '已更正',
  已驳回: '已驳回', 驳回: '已驳回', 维持: '已驳回', 异议不成立: '已驳回',
};

const CATEGORY_SYNONYMS: Record<string, PenaltyCategory> = {
  罚金: '罚款', 处罚款: '罚款', 没收违法所得和非法财物: '没收违法所得', 没收: '没收违法所得',
  暂扣许可证: '暂扣许可证件', 暂扣执照: '暂扣许可证件', 暂扣许可证或者执照: '暂扣许可证件', 暂扣许可证件执照: '暂扣许可证件',
  吊销许可证: '吊销许可证件', 吊销执照: '吊销许可证件', 吊销营业执照: '吊销许可证件', 吊销许可证或者执照: '吊销许可证件',
  停产停业: '责令停产停业', 责令停业: '责令停产停业', 关闭: '责令关闭', 拘留: '行政拘留',
  其他行政处罚: '其他', 法律行政法规规定的其他行政处罚: '其他',
};

/** Look a value up in a descriptor table then a built-in one; undefined when neither knows it. */
export function lookup<T extends string>(raw: string, ...tables: (Record<string, T> | Record<string, string> | undefined)[]): T | undefined {
  const k = key(raw);
  for (const t of tables) if (t && k in t) return t[k] as T;
  return undefined;
}

/**
 * Split 处罚类别 ("罚款;没收违法所得", "警告、罚款") into the categories of 行政处罚法 第九条.
 * Unknown words come back separately so the caller can warn and keep the record as 其他.
 */
export function splitPenaltyCategories(raw: string): { categories: PenaltyCategory[]; unknown: string[] } {
  const found = new Set<PenaltyCategory>();
  const unknown: string[] = [];
  for (const part of toHalfWidth(raw).split(/[;,、/|\s]+/)) {
    const w = part.replace(/[()（）]/g, '').replace(/^(并处|并|处以|处)/, '').trim();
    if (!w) continue;
    const hit = (PENALTY_CATEGORIES as readonly string[]).includes(w) ? (w as PenaltyCategory)
      : CATEGORY_SYNONYMS[w]
      ?? PENALTY_CATEGORIES.find((c) => c !== '其他' && w.includes(c));
    if (hit) found.add(hit);
    else unknown.push(w);
  }
  if (unknown.length) found.add('其他');
  return { categories: PENALTY_CATEGORIES.filter((c) => found.has(c)), unknown };
}

/** An amount in 万元 from "0.2", "2000元", "0.2万元", "2,000" (in a 元 column). Null when not a number. */
export function parseAmountWan(raw: string, unit: 'wan' | 'yuan' = 'wan'): number | null {
  const s = toHalfWidth(raw).replace(/[,\s]/g, '');
  if (!s) return null;
  const m = /^(-?\d+(?:\.\d+)?)(万元|万|元)?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const u = m[2] === '元' ? 'yuan' : m[2] ? 'wan' : unit;
  // Round to 1 元 (4 decimals of 万元) so that float noise does not differ between runs.
  return Math.round((u === 'yuan' ? n / 10_000 : n) * 10_000) / 10_000;
}
