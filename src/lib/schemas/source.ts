import { z } from 'zod';
import { SOURCE_KINDS } from './common.ts';

export const SOURCE_FORMATS = ['csv', 'xlsx', 'xls', 'json', 'html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * One published source, in the spirit of OpenSanctions' dataset descriptors: who publishes it, where it
 * is, how to read it, and what to expect of it. Strict: an unknown key is an error, never ignored.
 */
export const SourceDescriptorSchema = z.strictObject({
  /** Stable id, used in reports and provenance: lower-case letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'id 只能包含小写字母、数字和连字符' }),
  title: z.string().min(1),
  publisher: z.string().min(1),
  kind: z.enum(SOURCE_KINDS),
  /** Guessed from the location's extension when absent. */
  format: z.enum(SOURCE_FORMATS).optional(),
  /** A path relative to the descriptor file, or an http(s) URL. */
  location: z.string().min(1),
  /** Text encoding (utf-8, gbk, gb18030); detected when absent. */
  encoding: z.string().optional(),
  /** CSV: the field delimiter, any single character; detected (comma, tab, semicolon, |) when absent. */
  delimiter: z.string().length(1, { message: 'delimiter 应为单个字符' }).optional(),
  /** XLSX/XLS sheet name or 1-based index; the first sheet when absent. */
  sheet: z.union([z.string(), z.number().int().positive()]).optional(),
  /** HTML: 1-based index of the table to read; the one with most rows when absent. */
  table: z.number().int().positive().optional(),
  /**
   * 1-based row of the header; found automatically (even below a title row) when absent. 0 with `header`:
   * the file has no header line, its first line is data.
   */
  headerRow: z.number().int().nonnegative().optional(),
  /** Replace the header row's names, in order (for files whose header does not match their data). */
  header: z.array(z.string()).optional(),
  /**
   * Keep only rows whose cell under a source header is one of the listed values: { 信用等级: [AA, A] }.
   * Rows left out are counted as excluded, with the reason.
   */
  filter: z.record(z.string(), z.array(z.union([z.string(), z.number()]).transform(String)).min(1)).default({}),
  /** `keyvalue`: the file is "字段名,值" lines, a new record at each `recordStart` key (scraped detail pages). */
  layout: z.enum(['table', 'keyvalue']).default('table'),
  recordStart: z.string().optional(),
  /** JSON: dotted path to the array of rows when the file is an object holding several arrays. */
  path: z.string().optional(),
  /** Map source headers to schema fields, overriding the built-in dictionary: { "原表头": "field" }. */
  columns: z.record(z.string(), z.string()).default({}),
  /** Value look-ups per field, for any field: { subjectCategory: { "1": "法人及非法人组织" }, listName: { A: … } }. */
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Values for fields a row lacks (e.g. listName of an A级纳税人 list); a row's own cell wins. */
  defaults: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** Disclosure regime: `ndrc` (national credit rules) or `samr` (总局令第45号, market-regulation penalties). */
  regime: z.enum(['ndrc', 'samr']).default('ndrc'),
  /** Fewer accepted rows than this fails the run: a source that shrinks must not blank a list. */
  minRows: z.number().int().nonnegative().optional(),
  /** HTTP timeout in seconds. */
  timeoutSeconds: z.number().positive().default(60),
  /** How often the publisher updates it (informational). */
  frequency: z.string().optional(),
  /** Where a reader can check the original. */
  url: z.string().optional(),
}).refine((d) => d.headerRow !== 0 || d.header !== undefined, { message: 'headerRow: 0 表示文件没有表头行，须同时用 header 写出各列名称', path: ['headerRow'] });
export type SourceDescriptor = z.output<typeof SourceDescriptorSchema>;

export const SourcesFileSchema = z.strictObject({
  sources: z.array(SourceDescriptorSchema).min(1),
}).refine((f) => new Set(f.sources.map((s) => s.id)).size === f.sources.length, { message: 'source id 重复' });
