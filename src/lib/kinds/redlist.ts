/** 守信激励 / 诚信典型 list entry, shown for the term its authority set, or the term the district configures. */
import { z } from 'zod';
import { addDays, addMonths } from '../dates.ts';
import { isoDate, optionalText, text } from '../schemas/common.ts';
import type { RedlistTerm } from '../schemas/district.ts';
import { listHeaders } from './lists.ts';
import type { KindModule } from './types.ts';

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
export type RedlistFields = z.output<typeof RedlistFieldsSchema>;

/** The configured red-list term for a list name: exact name, or an anchored pattern; never a substring. */
export function redlistTermFor(listName: string, terms: readonly RedlistTerm[]): RedlistTerm | undefined {
  return terms.find((t) => (t.name !== undefined ? t.name === listName : new RegExp(t.pattern!, 'u').test(listName)));
}

/** A yearly rating counts from 1 January after its year. */
const listedDate = (r: RedlistFields) => r.listedOn ?? `${r.evaluationYear! + 1}-01-01`;

export const redlist: KindModule<'redlist', RedlistFields> = {
  kind: 'redlist',
  label: '守信激励（红名单）',
  section: '守信激励',
  slug: 'red',
  idPrefix: 'hong',
  searchCode: 'R',
  authorityRole: '认定部门',
  listIntro: '守信激励对象名单由认定部门依法认定并公布，有效期届满后不再公示。',
  schema: RedlistFieldsSchema,
  headers: listHeaders('redlist'),
  title: (r) => r.listName,
  date: listedDate,
  idKey: (r, doc) => `${r.listName}|${doc || `${r.listedOn ?? r.evaluationYear}|${r.authority}`}`,
  term: (r, { config }) => {
    const termRule = redlistTermFor(r.listName, config.redlistTerms);
    const start = listedDate(r);
    const ruleId = termRule ? `redlist/${termRule.name ?? termRule.pattern}` : 'redlist/default';
    if (r.validTo) return { rule: 'redlist/source', start, end: r.validTo, publish: true, note: '有效期以认定部门公布的为准' };
    if (termRule?.fromEvaluationYear && r.evaluationYear !== undefined) {
      const from = `${r.evaluationYear + 1}-01-01`;
      return { rule: ruleId, start, end: addDays(addMonths(from, termRule.months), -1), publish: true, note: termRule.cite };
    }
    const months = termRule?.months ?? config.redlistDefaultMonths;
    return { rule: ruleId, start, end: addMonths(start, months), publish: true, note: termRule?.cite ?? `认定部门未公布有效期，按本站配置公示${months}个月` };
  },
};
