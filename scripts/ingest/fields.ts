/**
 * The header dictionary: for each schema field, the column names publishers use for it — the national
 * 双公示 standard's Chinese names and XK_ and CF_ codes, their older variants, and the common red/black-list
 * headers (../shared/DOMAIN.md). A descriptor's `columns` overrides this per source.
 */
import type { SourceKind } from '../../src/lib/schemas/common.ts';
import { headerKey } from '../../src/lib/text.ts';

export interface FieldDef {
  field: string;
  /** Human label used in messages when the value came from a default rather than a column. */
  label: string;
  aliases: string[];
  /** Kinds this field belongs to; all kinds when absent. */
  kinds?: SourceKind[];
  /** Several columns may feed this field (CF_CFLB1, CF_CFLB2); their values are combined. */
  multi?: boolean;
  /** Amount columns in 元 rather than 万元. */
  unit?: 'yuan';
}

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

const LICENSE: FieldDef[] = [
  { field: 'docName', label: '行政许可决定文书名称', aliases: ['行政许可决定文书名称', 'XK_XKWS', '决定文书名称', '许可决定书名称'] },
  { field: 'docNo', label: '行政许可决定文书号', aliases: ['行政许可决定文书号', 'XK_WSH', '决定文书号', '许可决定书文号', '许可文书号'] },
  { field: 'licenseCategory', label: '许可类别', aliases: ['许可类别', 'XK_XKLB', '审批类别'] },
  { field: 'certName', label: '许可证书名称', aliases: ['许可证书名称', 'XK_XKZS', '证书名称'] },
  { field: 'licenseNo', label: '许可编号', aliases: ['许可编号', 'XK_XKBH', '许可证号', '许可证编号', '证书编号'] },
  { field: 'content', label: '许可内容', aliases: ['许可内容', 'XK_NR', '许可范围'] },
  { field: 'decisionDate', label: '许可决定日期', aliases: ['许可决定日期', 'XK_JDRQ', '许可日期', '决定日期', '审批日期'] },
  { field: 'validFrom', label: '有效期自', aliases: ['有效期自', 'XK_YXQZ', '有效期起', '有效期开始日期'] },
  { field: 'validTo', label: '有效期至', aliases: ['有效期至', 'XK_YXQZI', '有效期止', '有效期截止日期'] },
  { field: 'authority', label: '许可机关', aliases: ['许可机关', 'XK_XKJG', '许可部门', '审批机关', '发证机关'] },
  { field: 'authorityCode', label: '许可机关统一社会信用代码', aliases: ['许可机关统一社会信用代码', 'XK_XKJGDM'] },
  { field: 'status', label: '当前状态', aliases: ['当前状态', 'XK_ZT', '许可状态', '状态'] },
  { field: 'dataSource', label: '数据来源单位', aliases: ['数据来源单位', 'XK_LYDW'] },
];

const PENALTY: FieldDef[] = [
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
];

const LISTS: FieldDef[] = [
  { field: 'listName', label: '名单名称', kinds: ['redlist', 'blacklist'], aliases: ['名单类型', '名单名称', '荣誉名称', '荣誉称号', '信用级别', '典型类型', '列入名单'] },
  { field: 'caseNature', label: '案件性质', kinds: ['blacklist'], aliases: ['案件性质'] },
  { field: 'docNo', label: '认定文号', kinds: ['redlist', 'blacklist'], aliases: ['认定文号', '决定书文号', '列入文号', '文号', '列入决定书文号'] },
  { field: 'listedOn', label: '列入日期', kinds: ['redlist', 'blacklist'], aliases: ['列入日期', '认定日期', '发布日期', '列入时间', '评定日期'] },
  { field: 'evaluationYear', label: '评价年度', kinds: ['redlist'], aliases: ['评价年度', '年度'] },
  { field: 'reason', label: '列入事由', kinds: ['redlist', 'blacklist'], aliases: ['列入事由', '认定事由', '主要违法事实', '列入原因', '失信行为', '主要事迹'] },
  { field: 'basis', label: '认定依据', kinds: ['redlist', 'blacklist'], aliases: ['认定依据', '列入依据', '相关法律依据', '相关法律依据及税务处理处罚情况', '法律依据'] },
  { field: 'authority', label: '认定部门', kinds: ['redlist', 'blacklist'], aliases: ['认定部门', '认定单位', '列入机关', '作出决定机关', '发布单位', '税务机关', '决定机关'] },
  { field: 'validTo', label: '有效期至', kinds: ['redlist', 'blacklist'], aliases: ['有效期至', '移出日期', '公示截止日期', '有效期截止', '公示期限至'] },
  { field: 'measures', label: '惩戒或激励措施', kinds: ['redlist', 'blacklist'], aliases: ['惩戒措施', '激励措施', '联合惩戒措施', '联合激励措施'] },
  { field: 'memorandum', label: '依据备忘录', kinds: ['redlist', 'blacklist'], aliases: ['备忘录', '依据备忘录'] },
  { field: 'removalConditions', label: '移出条件', kinds: ['blacklist'], aliases: ['移出条件'] },
  { field: 'remedies', label: '救济途径', kinds: ['blacklist'], aliases: ['救济途径', '救济方式'] },
];

const COMMITMENT: FieldDef[] = [
  { field: 'commitmentType', label: '承诺类型', aliases: ['承诺类型', '承诺事项'] },
  { field: 'content', label: '承诺内容', aliases: ['承诺内容'] },
  { field: 'committedOn', label: '承诺日期', aliases: ['承诺日期', '作出承诺日期', '签署日期'] },
  { field: 'authority', label: '受理单位', aliases: ['受理单位', '承诺受理单位', '受理部门'] },
  { field: 'validTo', label: '有效期至', aliases: ['有效期至'] },
  { field: 'docNo', label: '承诺书编号', aliases: ['承诺书编号', '编号'] },
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
  license: [...SUBJECT, ...LICENSE, { field: 'remark', label: '备注', aliases: ['备注', 'BZ'] }],
  penalty: [...SUBJECT, ...PENALTY, { field: 'remark', label: '备注', aliases: ['备注', 'BZ'] }],
  redlist: [...SUBJECT, ...LISTS.filter((f) => f.kinds!.includes('redlist'))],
  blacklist: [...SUBJECT, ...LISTS.filter((f) => f.kinds!.includes('blacklist'))],
  commitment: [...SUBJECT, ...COMMITMENT],
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
