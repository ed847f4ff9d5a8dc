/**
 * The header dictionary: for each schema field, the column names publishers use for it — the national
 * 双公示 standard's Chinese names and XK_ and CF_ codes, their older variants, and the common red/black-list
 * headers (../shared/DOMAIN.md). A record kind's own columns are in its module (src/lib/kinds/); the subject's
 * and the events' are here. A descriptor's `columns` overrides this per source.
 */
import { KINDS } from '../../src/lib/kinds/index.ts';
import type { FieldDef } from '../../src/lib/kinds/types.ts';
import type { RecordKind, SourceKind } from '../../src/lib/schemas/common.ts';
import { headerKey } from '../../src/lib/text.ts';

export type { FieldDef };

const SUBJECT: FieldDef[] = [
  { field: 'subjectName', label: '行政相对人名称', aliases: ['行政相对人名称', 'XK_XDR_MC', 'CF_XDR_MC', '相对人名称', '主体名称', '企业名称', '单位名称', '纳税人名称', '当事人名称', '当事人', '被处罚单位', '姓名', '名称', '市场主体名称', '失信主体名称'] },
  { field: 'subjectCategory', label: '行政相对人类别', aliases: ['行政相对人类别', 'XK_XDR_LB', 'CF_XDR_LB', '相对人类别', '主体类别', '主体类型', '当事人类型'] },
  { field: 'uscc', label: '统一社会信用代码', aliases: ['统一社会信用代码', 'XK_XDR_SHXYM', 'CF_XDR_SHXYM', '社会信用代码', '行政相对人代码_1(统一社会信用代码)', '行政相对人统一社会信用代码'] },
  { field: 'regNo', label: '工商注册号', aliases: ['工商注册号', 'XK_XDR_GSZC', 'CF_XDR_GSZC', '注册号', '工商登记码', '行政相对人代码_2(工商注册号)'] },
  { field: 'orgCode', label: '组织机构代码', aliases: ['组织机构代码', 'XK_XDR_ZZJG', 'CF_XDR_ZZJG', '行政相对人代码_3(组织机构代码)'] },
  { field: 'taxNo', label: '税务登记号', aliases: ['税务登记号', 'XK_XDR_SWDJ', 'CF_XDR_SWDJ', '行政相对人代码_4(税务登记号)'] },
  { field: 'instCert', label: '事业单位证书号', aliases: ['事业单位证书号', 'XK_XDR_SYDW', 'CF_XDR_SYDW'] },
  { field: 'socialOrgCert', label: '社会组织登记证号', aliases: ['社会组织登记证号', 'XK_XDR_SHZZ', 'CF_XDR_SHZZ'] },
  { field: 'code', label: '主体代码', aliases: ['纳税人识别号', 'CF_XDR_ZDM', 'XK_XDR_ZDM', '行政相对人代码', '主体代码', '信用代码', '证照号码'] },
  { field: 'legalRep', label: '法定代表人', aliases: ['法定代表人', 'XK_FRDB', 'CF_FRDB', '法定代表人姓名', '法定代表人（负责人）', '法定代表人或者负责人姓名、性别、证件名称及号码', '法定代表人或负责人', '负责人'] },
  { field: 'idType', label: '证件类型', aliases: ['证件类型', 'XK_XDR_ZJLX', 'CF_XDR_ZJLX'] },
  { field: 'idNumber', label: '证件号码', aliases: ['证件号码', 'XK_XDR_ZJHM', 'CF_XDR_ZJHM', '身份证号', '身份证号码', '居民身份证号码'] },
];

const REMOVAL: FieldDef[] = [
  { field: 'docNo', label: '决定书文号', aliases: ['决定书文号', '认定文号', '行政处罚决定书文号', '文号', 'CF_WSH'] },
  { field: 'date', label: '修复日期', aliases: ['修复日期', '移出日期', '撤销日期', '终止公示日期'] },
  { field: 'method', label: '修复方式', aliases: ['修复方式', '处理方式', '移出方式'] },
  { field: 'authority', label: '决定机关', aliases: ['修复机关', '决定机关', '受理单位'] },
];

const OBJECTION: FieldDef[] = [
  { field: 'docNo', label: '决定书文号', aliases: ['决定书文号', '认定文号', '行政处罚决定书文号', '文号', 'CF_WSH'] },
  { field: 'received', label: '异议受理日期', aliases: ['异议受理日期', '受理日期'] },
  { field: 'status', label: '处理状态', aliases: ['处理状态', '办理状态', '异议状态'] },
  { field: 'closed', label: '办结日期', aliases: ['办结日期', '处理日期'] },
];

const BY_KIND: Record<SourceKind, FieldDef[]> = {
  ...(Object.fromEntries(Object.values(KINDS).map((k) => [k.kind, [...SUBJECT, ...k.headers]])) as Record<RecordKind, FieldDef[]>),
  removal: [...SUBJECT, ...REMOVAL],
  objection: [...SUBJECT, ...OBJECTION],
};

export function fieldsFor(kind: SourceKind): FieldDef[] {
  return BY_KIND[kind];
}

/** Alias (normalised with headerKey) → field definition, for one kind. */
export function aliasIndex(kind: SourceKind): Map<string, FieldDef> {
  const index = new Map<string, FieldDef>();
  for (const def of BY_KIND[kind]) for (const a of def.aliases) {
    const key = headerKey(a);
    if (!index.has(key)) index.set(key, def);
  }
  return index;
}

/** Label of a field for messages, e.g. "处罚决定日期". */
export function fieldLabel(kind: SourceKind, field: string): string {
  return BY_KIND[kind].find((d) => d.field === field)?.label ?? field;
}
