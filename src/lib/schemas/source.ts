import { z } from 'zod';
import { SOURCE_KINDS } from './common.ts';

export const SOURCE_FORMATS = ['csv', 'xlsx', 'json', 'html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * One published source, in the spirit of OpenSanctions' dataset descriptors: who publishes it, where it
 * is, how to read it, and what to expect of it.
 */
export const SourceDescriptorSchema = z.object({
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
  /** XLSX sheet name or 1-based index; the first sheet when absent. */
  sheet: z.union([z.string(), z.number().int().positive()]).optional(),
  /** HTML: 1-based index of the table to read; the one with most rows when absent. */
  table: z.number().int().positive().optional(),
  /** 1-based row of the header; found automatically (even below a title row) when absent. */
  headerRow: z.number().int().positive().optional(),
  /** Replace the header row's names, in order (for files whose header does not match their data). */
  header: z.array(z.string()).optional(),
  /** `keyvalue`: the file is "字段名,值" lines, a new record at each `recordStart` key (scraped detail pages). */
  layout: z.enum(['table', 'keyvalue']).default('table'),
  recordStart: z.string().optional(),
  /** JSON: dotted path to the array of rows when the file is an object holding several arrays. */
  path: z.string().optional(),
  /** Map source headers to schema fields, overriding the built-in dictionary: { "原表头": "field" }. */
  columns: z.record(z.string(), z.string()).default({}),
  /** Value look-ups per field: { subjectCategory: { "1": "法人及非法人组织" } }. */
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Constant values for fields the file lacks (e.g. listName of an A级纳税人 list). */
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
});
export type SourceDescriptor = z.output<typeof SourceDescriptorSchema>;

export const SourcesFileSchema = z.object({
  sources: z.array(SourceDescriptorSchema).min(1),
}).refine((f) => new Set(f.sources.map((s) => s.id)).size === f.sources.length, { message: 'source id 重复' });
