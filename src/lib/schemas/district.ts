/**
 * One district's configuration (district.yaml): branding, footer registrations, where its sources are, the
 * disclosure settings a province or district decides, and where the ID-hash secret comes from. The ingest,
 * the build and the rules page read this one file. Objects are strict: an unknown key is an error.
 */
import { z } from 'zod';
import { PENALTY_CATEGORIES } from './common.ts';

const months = z.number().int().positive();

/** An amount in 万元 for persons and for organisations, with what the district rests it on. */
const AmountSchema = z.strictObject({
  person: z.number().nonnegative(),
  organisation: z.number().nonnegative(),
  /** Where the amount comes from (a province's rule, a sector's rule); shown on the rules page. */
  basis: z.string().min(1),
});
export type Amount = z.output<typeof AmountSchema>;

/** A red-list term by list name: matched exactly (`name`) or by an anchored pattern (`pattern: ^…$`). */
export const RedlistTermSchema = z.strictObject({
  name: z.string().min(1).optional(),
  pattern: z.string().min(1).optional(),
  months,
  /** The term runs from 1 January after the evaluation year (纳税信用 A 级 and other yearly ratings). */
  fromEvaluationYear: z.boolean().default(false),
  cite: z.string().min(1),
}).superRefine((t, ctx) => {
  if ((t.name === undefined) === (t.pattern === undefined)) {
    ctx.addIssue({ code: 'custom', message: '每条守信名单期限须写 name（名单名称全称）或 pattern（以 ^ 开头、$ 结尾的正则）二者之一' });
  }
  if (t.pattern !== undefined) {
    if (!t.pattern.startsWith('^') || !t.pattern.endsWith('$')) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'pattern 须以 ^ 开头、以 $ 结尾，匹配整个名单名称' });
    try { new RegExp(t.pattern, 'u'); } catch (e) { ctx.addIssue({ code: 'custom', path: ['pattern'], message: `不是有效的正则：${(e as Error).message}` }); }
  }
});
export type RedlistTerm = z.output<typeof RedlistTermSchema>;

export const DisclosureConfigSchema = z.strictObject({
  /** 较低数额罚款 (万元): set by each province and sector; no national value exists. */
  lowFine: AmountSchema.optional(),
  /** 巨额罚款 (万元): a fine or confiscation from this amount makes a penalty 严重. */
  hugeFine: AmountSchema.optional(),
  /** Sector values that replace lowFine / hugeFine when a penalty's authority, type or basis names the sector. */
  sectorThresholds: z.array(z.strictObject({
    keywords: z.array(z.string().min(1)).min(1),
    lowFine: AmountSchema.optional(),
    hugeFine: AmountSchema.optional(),
  })).default([]),
  /** Order 36 (as reported from its draft) counts lower-amount fines as 轻微. */
  lowFineIsMinor: z.boolean().default(true),
  /** 处罚类别 that make a decision 严重 (Order 36 as reported: 吊销, 限制开展生产经营活动, 责令停产停业, 责令关闭, 限制从业). */
  seriousCategories: z.array(z.enum(PENALTY_CATEGORIES)).default(['吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业']),
  redlistTerms: z.array(RedlistTermSchema).default([]),
  redlistDefaultMonths: months.default(24),
  blacklistDefaultMonths: months.default(36),
  blacklistEarlyRemovalMonths: months.default(12),
  commitmentDefaultMonths: months.default(36),
  /**
   * Which rule set judges an older decision: `favourable` (the set in force on the decision date, or a later
   * one in force today bound by bound where it favours the subject, 立法法 第一百零四条) or `decision-date` only.
   */
  transition: z.enum(['favourable', 'decision-date']).default('favourable'),
  objection: z.strictObject({
    /** Working days within which an objection is to be verified, where the district has such a rule. */
    verificationWorkingDays: z.number().int().positive().optional(),
    /** What the deadline rests on. */
    basis: z.string().min(1).optional(),
    /** An objection pauses a list entry's joint-measure term, which resumes on rejection (within the legal maximum). */
    pauseMeasuresTerm: z.boolean().default(false),
    pauseBasis: z.string().min(1).optional(),
  }).default({ pauseMeasuresTerm: false })
    .refine((o) => (o.verificationWorkingDays === undefined) === (o.basis === undefined), { message: 'verificationWorkingDays 与 basis 须同时填写' })
    .refine((o) => !o.pauseMeasuresTerm || o.pauseBasis !== undefined, { message: 'pauseMeasuresTerm 为 true 时须写明 pauseBasis' }),
  /** Further working-day deadlines of the district's own rules, shown where they apply. */
  localDeadlines: z.array(z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    label: z.string().min(1),
    workingDays: z.number().int().positive(),
    basis: z.string().min(1),
  })).default([]),
});
export type DisclosureConfig = z.output<typeof DisclosureConfigSchema>;

export const SiteSchema = z.strictObject({
  /** Site name, as in the header and the page titles. */
  name: z.string().min(1),
  /** The region the portal serves. */
  region: z.string().min(1),
  /** 行政区划代码 of the region. */
  regionCode: z.string().regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字' }),
  /** 主办单位. */
  host: z.string().min(1),
  /** 承办单位. */
  operator: z.string().min(1),
  /** The office that answers questions about the data; shown on the about page when set. */
  contact: z.strictObject({ address: z.string().min(1), phone: z.string().min(1), hours: z.string().min(1) }).optional(),
  /** Brand colours (AA contrast with white text). */
  colors: z.strictObject({ brand: z.string().regex(/^#[0-9a-fA-F]{6}$/), brandDark: z.string().regex(/^#[0-9a-fA-F]{6}$/) }),
  /** Emblem shown in the header; a file under public/. */
  emblem: z.strictObject({ src: z.string().min(1), alt: z.string() }),
  /** The portal's public address, used in citations; empty: the address the page was served from. */
  url: z.union([z.literal(''), z.url()]).default(''),
  /** Upper-level portals. */
  links: z.array(z.strictObject({ name: z.string().min(1), url: z.url() })).default([]),
  /** 网站标识码, ICP 备案号 and 公安机关备案号 of a government website. */
  siteCode: z.string().default(''),
  icp: z.string().default(''),
  police: z.string().default(''),
  /** 政府网站找错 (the national error-report service). */
  errorReportUrl: z.url(),
  /** The plan this portal implements, cited by 文号. */
  plan: z.strictObject({ docNo: z.string().min(1), title: z.string().min(1) }),
  /** Pages say their data may be out of date once it is older than this many days on the reader's clock. */
  staleAfterDays: z.number().int().positive().default(14),
});
export type SiteConfig = z.output<typeof SiteSchema>;

export const DistrictSchema = z.strictObject({
  site: SiteSchema,
  /** The sources file, relative to district.yaml (CREDIT_SOURCES overrides it). */
  sources: z.string().min(1),
  /**
   * The secret keying the hash that identifies natural persons (HMAC-SHA-256 of the ID number): read from the
   * environment variable `env` when it is set, else `value` (a documented development value for samples only).
   */
  idSecret: z.strictObject({
    env: z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional(),
    value: z.string().min(16, { message: '密钥至少 16 个字符' }).optional(),
    /** Say so when `value` is a development value that must not be used for a real deployment. */
    development: z.boolean().default(false),
  }).refine((s) => s.env !== undefined || s.value !== undefined, { message: 'idSecret 须写 env（环境变量名）或 value' }),
  disclosure: DisclosureConfigSchema.default(DisclosureConfigSchema.parse({})),
  /**
   * Other portals searched together with this one: a province's portal names its cities' (each an ordinary build
   * on its own host, docs/scale.md). Each must let this portal's origin read its /lookups.json, /pagefind/,
   * /pagefind-delta/, /codes/ and /docno/ (CORS).
   */
  shards: z.array(z.strictObject({
    /** The region it serves, as shown beside its results and in the search page's 地区 filter. */
    name: z.string().min(1),
    /** Its address: a host of its own, as every page it writes links from the root. */
    url: z.url().refine((u) => new URL(u).pathname === '/' && !new URL(u).search && !new URL(u).hash, { message: '分站地址须是站点根地址，以 / 结尾，如 https://daoli.credit.example.gov.cn/' }),
    /**
     * Its built data (the content/data folder its build wrote, e.g. from its CI job), relative to district.yaml.
     * When given, its subjects go into this portal's own search index, so that a search fetches one index
     * instead of one per portal (docs/scale.md); without it, the search page merges the portal's own index.
     */
    data: z.string().min(1).optional(),
  })).default([]),
});
export type District = z.output<typeof DistrictSchema>;
