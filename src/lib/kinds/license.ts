/** 行政许可决定 (双公示 national standard, XK_*). */
import { z } from 'zod';
import { isoDate, optionalText, text } from '../schemas/common.ts';
import type { FieldDef, KindModule } from './types.ts';

export const LicenseFieldsSchema = z.object({
  kind: z.literal('license'),
  /** 行政许可决定文书名称 XK_XKWS. */
  docName: optionalText,
  /** 行政许可决定文书号 XK_WSH. */
  docNo: optionalText,
  /** 许可类别 XK_XKLB: 普通, 特许, 认可, 核准, 登记, 其他. */
  licenseCategory: optionalText,
  /** 许可证书名称 XK_XKZS. */
  certName: optionalText,
  /** 许可编号 XK_XKBH. */
  licenseNo: optionalText,
  /** 许可内容 XK_NR. */
  content: optionalText,
  /** 许可决定日期 XK_JDRQ. */
  decisionDate: isoDate,
  /** 有效期自 XK_YXQZ. */
  validFrom: isoDate.optional(),
  /** 有效期至 XK_YXQZI. */
  validTo: isoDate.optional(),
  /** 许可机关 XK_XKJG. */
  authority: text('许可机关'),
  authorityCode: optionalText,
  /** 当前状态 XK_ZT as published (有效, 注销, 撤销...). */
  status: optionalText,
  /** 数据来源单位 XK_LYDW. */
  dataSource: optionalText,
  remark: optionalText,
});
export type LicenseFields = z.output<typeof LicenseFieldsSchema>;

const HEADERS: FieldDef[] = [
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
  { field: 'remark', label: '备注', aliases: ['备注', 'BZ'] },
];

export const LICENCE_WITHDRAWN = /注销|撤销|撤回|吊销/;

/** Status of a licence on `today`, from its published status and validity (public/expiry.js does the same in the browser). */
export function licenseStatus(r: { status?: string; validTo?: string }, today: string): string {
  if (r.status && LICENCE_WITHDRAWN.test(r.status)) return r.status;
  if (r.validTo && today > r.validTo) return '有效期届满';
  return r.status ?? '有效';
}


export const license: KindModule<'license', LicenseFields> = {
  kind: 'license',
  label: '行政许可',
  section: '行政许可',
  slug: 'license',
  idPrefix: 'xk',
  searchCode: 'L',
  authorityRole: '许可机关',
  listIntro: '行政许可信息长期公示，有效期届满、注销或撤销时显示其状态。',
  schema: LicenseFieldsSchema,
  headers: HEADERS,
  title: (r) => r.certName ?? r.docName ?? '行政许可决定',
  date: (r) => r.decisionDate,
  idKey: (r, doc) => doc || r.licenseNo || `${r.decisionDate}|${r.certName ?? ''}|${r.content ?? ''}`,
  // 行政许可 is not 失信信息: shown with its status; expiry and 注销/撤销 change the status, not visibility.
  term: (r) => ({ rule: 'license', start: r.decisionDate, publish: true, note: '行政许可信息长期公示，有效期届满、注销或撤销时更新状态' }),
};
