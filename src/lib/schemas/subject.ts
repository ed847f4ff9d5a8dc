import { z } from 'zod';
import { SUBJECT_CATEGORIES, optionalText, text } from './common.ts';

/** The identifiers a subject is known by. Resident ID numbers only ever appear masked. */
export const SubjectCodesSchema = z.object({
  /** 统一社会信用代码 (GB 32100), 18 characters. */
  uscc: optionalText,
  /** 工商注册号, 15 digits (pre-2015). */
  regNo: optionalText,
  /** 组织机构代码 (GB 11714), 9 characters. */
  orgCode: optionalText,
  /** 税务登记号 / 纳税人识别号 that is not a USCC. */
  taxNo: optionalText,
  /** 事业单位证书号. */
  instCert: optionalText,
  /** 社会组织登记证号. */
  socialOrgCert: optionalText,
  /** Any other identifier the publisher printed, kept as given. */
  other: optionalText,
  /** A person's ID number, masked (230102********1234). */
  idMasked: optionalText.refine((v) => v === undefined || /\*/.test(v), { message: '证件号码必须已脱敏' }),
  /** 证件类型 of idMasked. */
  idType: optionalText,
});
export type SubjectCodes = z.output<typeof SubjectCodesSchema>;

/** One 信用主体: a company, organisation, 个体工商户 or natural person, identified once across all sources. */
export const SubjectSchema = z.object({
  /** Stable id used in URLs: the USCC, or a hash for subjects without one (never a raw ID number). */
  id: z.string().regex(/^[0-9A-Z]{18}$|^[np]-[0-9a-f]{12}$/),
  /** 行政相对人名称 as published (cleaned). */
  name: text('主体名称'),
  /** 行政相对人类别. */
  category: z.enum(SUBJECT_CATEGORIES),
  codes: SubjectCodesSchema,
  /** 法定代表人 where the source publishes it (organisations only). */
  legalRep: optionalText,
  /** Other names the same subject appears under in the sources. */
  aliases: z.array(z.string()).default([]),
  /** Ids of this subject's published records, sorted. */
  recordIds: z.array(z.string()),
});
export type Subject = z.output<typeof SubjectSchema>;
