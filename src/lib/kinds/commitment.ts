/** 信用承诺, shown for its validity or the term the district configures. */
import { z } from 'zod';
import { addMonths } from '../dates.ts';
import { isoDate, optionalText, text } from '../schemas/common.ts';
import type { FieldDef, KindModule } from './types.ts';

export const CommitmentFieldsSchema = z.object({
  kind: z.literal('commitment'),
  commitmentType: text('承诺类型'),
  content: optionalText,
  committedOn: isoDate,
  authority: text('受理单位'),
  validTo: isoDate.optional(),
  docNo: optionalText,
});
export type CommitmentFields = z.output<typeof CommitmentFieldsSchema>;

const HEADERS: FieldDef[] = [
  { field: 'commitmentType', label: '承诺类型', aliases: ['承诺类型', '承诺事项'] },
  { field: 'content', label: '承诺内容', aliases: ['承诺内容'] },
  { field: 'committedOn', label: '承诺日期', aliases: ['承诺日期', '作出承诺日期', '签署日期'] },
  { field: 'authority', label: '受理单位', aliases: ['受理单位', '承诺受理单位', '受理部门'] },
  { field: 'validTo', label: '有效期至', aliases: ['有效期至'] },
  { field: 'docNo', label: '承诺书编号', aliases: ['承诺书编号', '编号'] },
];

export const commitment: KindModule<'commitment', CommitmentFields> = {
  kind: 'commitment',
  label: '信用承诺',
  section: '信用承诺',
  slug: 'commitment',
  idPrefix: 'cn',
  searchCode: 'C',
  authorityRole: '受理单位',
  schema: CommitmentFieldsSchema,
  headers: HEADERS,
  title: (r) => r.commitmentType,
  date: (r) => r.committedOn,
  idKey: (r, doc) => doc || `${r.commitmentType}|${r.committedOn}|${r.authority}`,
  term: (r, { config }) => {
    const end = r.validTo ?? addMonths(r.committedOn, config.commitmentDefaultMonths);
    return { rule: r.validTo ? 'commitment/source' : 'commitment/default', start: r.committedOn, end, publish: true, note: '信用承诺按承诺有效期公示' };
  },
};
