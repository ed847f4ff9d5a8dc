/** Column names shared by the red and black lists (each kind takes those marked for it). */
import type { FieldDef } from './types.ts';

export const LIST_HEADERS: FieldDef[] = [
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

export const listHeaders = (kind: 'redlist' | 'blacklist') => LIST_HEADERS.filter((f) => f.kinds!.includes(kind));
