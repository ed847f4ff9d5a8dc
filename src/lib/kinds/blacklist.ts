/** 严重失信主体名单 entry: 鹤信用发〔2022〕1号 asks for reason, basis, measures, removal conditions, remedies. */
import { z } from 'zod';
import { addMonths } from '../dates.ts';
import { isoDate, optionalText, text } from '../schemas/common.ts';
import { listHeaders } from './lists.ts';
import type { KindModule } from './types.ts';

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
export type BlacklistFields = z.output<typeof BlacklistFieldsSchema>;

export const blacklist: KindModule<'blacklist', BlacklistFields> = {
  kind: 'blacklist',
  label: '严重失信主体名单（黑名单）',
  section: '严重失信',
  slug: 'black',
  idPrefix: 'hei',
  searchCode: 'B',
  authorityRole: '列入机关',
  listIntro: '每条名单信息列明列入事由、认定依据、联合惩戒措施、移出条件和救济途径（鹤信用发〔2022〕1号）。对列入有异议的，可按异议申诉指南提出。',
  schema: BlacklistFieldsSchema,
  headers: listHeaders('blacklist'),
  title: (r) => r.listName,
  date: (r) => r.listedOn,
  idKey: (r, doc) => `${r.listName}|${doc || `${r.listedOn}|${r.authority}`}`,
  term: (r, { config }) => {
    const start = r.listedOn;
    const end = r.validTo ?? addMonths(start, config.blacklistDefaultMonths);
    const minEnd = addMonths(start, config.blacklistEarlyRemovalMonths);
    return {
      rule: r.validTo ? 'blacklist/source' : 'blacklist/default', tier: '严重', start, end,
      minEnd: minEnd < end ? minEnd : undefined, publish: true,
      note: r.validTo ? '公示期限以列入机关决定为准' : `列入机关未载明期限，按严重失信信息最长公示期限${config.blacklistDefaultMonths}个月计算`,
    };
  },
};
