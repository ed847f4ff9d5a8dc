/**
 * The ingest pipeline: descriptors → fetch → read → map → resolve → assert → outputs. Pure apart from
 * reading sources and the last good report; writing is left to write.ts so that a failed run writes nothing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_DISCLOSURE_CONFIG, type DisclosureConfig } from '../../src/lib/disclosure-rules.ts';
import { maskIdNumber, scrubPersonalNumbers } from '../../src/lib/mask.ts';
import { toNdjson } from '../../src/lib/ndjson.ts';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import { classifyCode } from '../../src/lib/credit-code.ts';
import { describeIssues, nearestKey } from '../../src/lib/schemas/issues.ts';
import { cleanCell, headerKey, toHalfWidth } from '../../src/lib/text.ts';
import { IngestReportSchema, type IngestReport, type RowIssue, type SourceReport } from '../../src/lib/schemas/report.ts';
import { SourcesFileSchema, type SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { outcomeKey, readOutcome, writeOutcome } from './cache.ts';
import { SourceError } from './errors.ts';
import { fetchSource } from './fetch.ts';
import { fieldsFor } from './fields.ts';
import { mapColumns, mapRow, newUsage } from './map.ts';
import { readTable } from './read.ts';
import { resolve, type Accepted } from './resolve.ts';

export interface RunOptions {
  sourcesFile: string;
  outDir: string;
  today: string;
  allowShrink?: boolean;
  /** Fail the whole run when any source fails, instead of falling back to its last good snapshot. */
  strict?: boolean;
  config?: DisclosureConfig;
  /** Key of the HMAC that identifies natural persons (district.yaml idSecret). */
  secret?: string;
  /** Called as rows are mapped, for a progress bar. */
  onProgress?: (source: string, done: number, total: number) => void;
  /** Keep each source's outcome here and reuse it while the source and the code are unchanged (cache.ts). */
  cacheDir?: string;
  /** Read every source even if the cache has it, and refill the cache. */
  freshCache?: boolean;
  /** Told which sources were taken from the cache. */
  onCached?: (source: string) => void;
}

/** Used only where no district secret is passed (library calls in tests); the CLI always passes one. */
export const DEVELOPMENT_SECRET = 'credit-portal-development-secret';

export interface QuarantineEntry {
  source: string;
  row: number;
  issues: { column: string; reason: string }[];
  /** The row as read, with ID numbers masked. */
  cells: Record<string, string>;
}

export interface RunResult {
  report: IngestReport;
  /** Public records, each referring to its subject by id; written as records.ndjson. */
  records: PublishedRecord[];
  /** Subjects with public records, each stored once; written as subjects.ndjson. */
  subjects: Subject[];
  /** Rejected rows, never published, ID numbers masked; written as quarantine.ndjson. */
  quarantine: QuarantineEntry[];
  /** snapshots/ID.bin and .json: each source's bytes as ingested, for the next run to fall back to. */
  snapshots: Record<string, string | Uint8Array>;
}

/** The output files as text (for small runs and tests; writeOutputs streams the same lines). */
export function outputFiles(r: RunResult): Record<string, string> {
  return {
    'records.ndjson': toNdjson(r.records),
    'subjects.ndjson': toNdjson(r.subjects),
    'quarantine.ndjson': toNdjson(r.quarantine),
    'ingest-report.json': `${JSON.stringify(r.report, null, 2)}\n`,
  };
}

export class IngestError extends Error {}

/** Field names a descriptor may use in `columns`, `values`, `defaults` for a kind. */
function checkFieldNames(desc: SourceDescriptor, index: number): string[] {
  const known = [...new Set(fieldsFor(desc.kind).map((d) => d.field))];
  const problems: string[] = [];
  const check = (where: string, field: string) => {
    if (known.includes(field)) return;
    const near = nearestKey(field, known);
    problems.push(`sources.${index}.${where}：“${field}”不是${desc.kind}的字段${near ? `（是否应为 ${near}？）` : `（可用：${known.join('、')}）`}`);
  };
  for (const [header, field] of Object.entries(desc.columns)) if (field !== '') check(`columns.${header}`, field);
  for (const field of Object.keys(desc.values)) check(`values.${field}`, field);
  for (const field of Object.keys(desc.defaults)) check(`defaults.${field}`, field);
  return problems;
}

export async function loadSources(file: string): Promise<SourceDescriptor[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new IngestError(`无法读取来源描述文件 ${file}（${(e as NodeJS.ErrnoException).code}）`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    throw new IngestError(`来源描述文件 ${file} 不是有效的 YAML：${(e as Error).message}`);
  }
  const parsed = SourcesFileSchema.safeParse(data);
  const lines = parsed.success ? parsed.data.sources.flatMap(checkFieldNames) : describeIssues(SourcesFileSchema, parsed.error);
  if (!parsed.success || lines.length) throw new IngestError(`来源描述文件 ${file} 有误：\n${lines.map((l) => `  ${l}`).join('\n')}`);
  return parsed.data.sources;
}

async function lastReport(outDir: string): Promise<IngestReport | null> {
  try {
    return IngestReportSchema.parse(JSON.parse(await readFile(join(outDir, 'ingest-report.json'), 'utf8')));
  } catch {
    return null;
  }
}

/** The last good bytes of a source, kept beside the output so that a failed source can fall back to them. */
interface Snapshot { bytes: Uint8Array; sha256: string; fetchedOn: string }
const snapshotFiles = (id: string) => ({ meta: `snapshots/${id}.json`, bytes: `snapshots/${id}.bin` });

async function lastSnapshot(outDir: string, id: string): Promise<Snapshot | null> {
  const f = snapshotFiles(id);
  try {
    const meta = JSON.parse(await readFile(join(outDir, f.meta), 'utf8')) as { sha256: string; fetchedOn: string };
    const bytes = new Uint8Array(await readFile(join(outDir, f.bytes)));
    return sha256(bytes) === meta.sha256 ? { bytes, sha256: meta.sha256, fetchedOn: meta.fetchedOn } : null;
  } catch {
    return null;
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A row for the quarantine file: nothing raw that identifies a person. */
function quarantineCells(header: string[], cells: string[], idColumns: Set<number>): Record<string, string> {
  const out: Record<string, string> = {};
  const width = Math.max(header.length, cells.length);
  for (let i = 0; i < width; i++) {
    const name = header[i]?.trim() || `第${i + 1}列`;
    const v = cells[i] ?? '';
    out[name] = idColumns.has(i) || classifyCode(v)?.type === 'residentId' ? maskIdNumber(v) : scrubPersonalNumbers(cleanCell(v));
  }
  return out;
}


interface SourceOutcome {
  report: Omit<SourceReport, 'sha256' | 'fetchedOn' | 'stale'>;
  accepted: Accepted[];
  rejects: RowIssue[];
  quarantine: QuarantineEntry[];
}

const filterValue = (v: string) => toHalfWidth(cleanCell(v)).replace(/\s+/g, '');

/** Read, map and account for every row of one source's bytes. */
async function ingestSource(desc: SourceDescriptor, bytes: Uint8Array, opts: RunOptions): Promise<SourceOutcome> {
  const table = await readTable(desc, bytes);
  const map = mapColumns(desc.kind, table.header, desc);
  const idColumns = new Set(map.fields.flatMap((f, i) => (f?.field === 'idNumber' ? [i] : [])));
  const warnings: SourceReport['warnings'] = [
    ...table.notes,
    ...map.notes.map((n) => ({ row: table.headerRow, ...n })),
  ];
  const filters = Object.entries(desc.filter).map(([header, allowed]) => {
    const column = table.header.findIndex((h) => headerKey(h) === headerKey(header));
    if (column < 0) throw new IngestError(`来源 ${desc.id}：filter 中的表头“${header}”不在文件中（表头：${map.columns.join('、')}）。请改正描述文件`);
    return { header, column, allowed: new Set(allowed.map(filterValue)), list: allowed.join('、') };
  });
  const headerLine = table.header.map((h) => headerKey(h)).join('\u0000');
  const usage = newUsage();
  const accepted: Accepted[] = [];
  const rejects: RowIssue[] = [];
  const quarantine: QuarantineEntry[] = [];
  const exclusions = new Map<string, number>();
  const exclude = (reason: string) => exclusions.set(reason, (exclusions.get(reason) ?? 0) + 1);
  let ok = 0;
  table.rows.forEach((r, i) => {
    if (opts.onProgress && (i % 500 === 0 || i === table.rows.length - 1)) opts.onProgress(desc.id, i + 1, table.rows.length);
    // Two exports concatenated: the header again inside the data is not a bad row.
    if (table.headerRow !== 0 && r.cells.map((c) => headerKey(c)).join('\u0000') === headerLine) { exclude('重复表头'); return; }
    const failed = filters.find((f) => !f.allowed.has(filterValue(r.cells[f.column] ?? '')));
    if (failed) { exclude(`${failed.header}不是 ${failed.list}（描述文件 filter）`); return; }
    if (r.cells.length !== table.header.length) {
      const extra = r.cells.slice(table.header.length).filter((c) => c.trim());
      warnings.push({
        row: r.row, column: '—',
        reason: r.cells.length < table.header.length
          ? `该行只有 ${r.cells.length} 列，表头有 ${table.header.length} 列，缺少的列按空值处理`
          : `该行有 ${r.cells.length} 列，多于表头的 ${table.header.length} 列${extra.length ? `，多出的“${extra.map(scrubPersonalNumbers).join('、')}”未使用` : ''}`,
      });
    }
    const m = mapRow(desc.kind, r.cells, map, desc, { usage, secret: opts.secret ?? DEVELOPMENT_SECRET });
    for (const w of m.warnings) warnings.push({ row: r.row, ...w });
    if (m.ok) {
      ok++;
      accepted.push({ source: desc, row: r.row, value: m.value, subject: m.subject, idKey: m.idKey });
      return;
    }
    if (r.cells.length > table.header.length) m.issues.push({ column: '—', reason: `该行比表头多 ${r.cells.length - table.header.length} 列，数据可能错位，请核对原文件` });
    for (const issue of m.issues) rejects.push({ source: desc.id, row: r.row, ...issue });
    quarantine.push({ source: desc.id, row: r.row, issues: m.issues, cells: quarantineCells(map.columns, r.cells, idColumns) });
  });
  const excluded = [...exclusions.values()].reduce((a, b) => a + b, 0);
  return {
    report: {
      id: desc.id,
      rows: table.rows.length,
      accepted: ok,
      rejected: table.rows.length - ok - excluded,
      excluded,
      exclusions: [...exclusions].map(([reason, rows]) => ({ reason, rows })),
      warnings,
      unusedColumns: map.unused,
      mappedColumns: map.mapped,
      encoding: table.encoding,
      unmatchedColumns: map.unmatched,
      unusedValues: Object.entries(desc.values).flatMap(([field, table]) => Object.keys(table).map((raw) => `${field}.${raw}`)).filter((k) => !usage.values.has(k)),
      unusedDefaults: Object.keys(desc.defaults).filter((f) => !usage.defaults.has(f)),
    },
    accepted, rejects, quarantine,
  };
}

/** ingestSource, or what it gave last time for the same bytes, descriptor, key and code. */
async function ingestCached(desc: SourceDescriptor, bytes: Uint8Array, opts: RunOptions): Promise<SourceOutcome> {
  if (!opts.cacheDir) return ingestSource(desc, bytes, opts);
  const key = outcomeKey(desc, bytes, opts.secret ?? DEVELOPMENT_SECRET);
  const cached = opts.freshCache ? null : await readOutcome<SourceOutcome['report'], RowIssue, QuarantineEntry>(opts.cacheDir, desc, key);
  if (cached) {
    opts.onCached?.(desc.id);
    return cached;
  }
  const outcome = await ingestSource(desc, bytes, opts);
  await writeOutcome(opts.cacheDir, desc, key, outcome);
  return outcome;
}

/** A freshly read source that must not replace its last good version: a failed or shrunken source never blanks a list. */
function checkShrink(desc: SourceDescriptor, accepted: number, previous: IngestReport | null, allowShrink: boolean): void {
  if (desc.minRows !== undefined && accepted < desc.minRows) {
    throw new SourceError(desc.id, `只接受了 ${accepted} 行，少于 minRows ${desc.minRows}`, '请核对来源文件是否完整');
  }
  const before = previous?.sources.find((s) => s.id === desc.id);
  if (!allowShrink && before && accepted < before.accepted / 2) {
    throw new SourceError(desc.id, `接受的行数从上次的 ${before.accepted} 降到 ${accepted}，减少超过一半`, '请核对来源文件；确认无误后加 --allow-shrink 重新运行');
  }
}

export async function runIngest(opts: RunOptions): Promise<RunResult> {
  const sources = await loadSources(opts.sourcesFile);
  const baseDir = dirname(opts.sourcesFile);
  const previous = await lastReport(opts.outDir);
  const accepted: Accepted[] = [];
  const reports: SourceReport[] = [];
  const rejects: RowIssue[] = [];
  const quarantine: QuarantineEntry[] = [];
  const snapshots: RunResult['snapshots'] = {};

  for (const desc of sources) {
    let bytes: Uint8Array | undefined;
    let outcome: SourceOutcome;
    let fetchedOn = opts.today;
    let stale: SourceReport['stale'];
    try {
      bytes = await fetchSource(desc, baseDir);
      outcome = await ingestCached(desc, bytes, opts);
      checkShrink(desc, outcome.report.accepted, previous, opts.allowShrink ?? false);
    } catch (e) {
      // One source down does not stop the others: its last good snapshot stands in, marked stale.
      if (!(e instanceof SourceError) || opts.strict) throw e;
      const snap = await lastSnapshot(opts.outDir, desc.id);
      if (!snap) throw new SourceError(desc.id, `${e.reason}，且没有上一次成功读取的快照可用`, `${e.hint}；上一次的输出保持不变`);
      bytes = snap.bytes;
      fetchedOn = snap.fetchedOn;
      stale = { since: snap.fetchedOn, reason: e.reason };
      outcome = await ingestCached(desc, bytes, opts);
    }
    const digest = sha256(bytes);
    const snap = snapshotFiles(desc.id);
    snapshots[snap.bytes] = bytes;
    snapshots[snap.meta] = `${JSON.stringify({ id: desc.id, sha256: digest, fetchedOn, bytes: bytes.length })}\n`;
    reports.push({ ...outcome.report, sha256: digest, fetchedOn, ...(stale ? { stale } : {}) });
    // One at a time: spreading a city's rows into push() overflows the call stack.
    for (const a of outcome.accepted) accepted.push(a);
    for (const r of outcome.rejects) rejects.push(r);
    for (const q of outcome.quarantine) quarantine.push(q);
  }

  const resolved = resolve(accepted, opts.today, opts.config ?? DEFAULT_DISCLOSURE_CONFIG);
  for (const w of resolved.warnings) reports.find((r) => r.id === w.source)!.warnings.push({ row: w.row, column: w.column, reason: w.reason });
  for (const r of reports) r.warnings.sort((a, b) => a.row - b.row);

  const sum = (k: 'rows' | 'accepted' | 'rejected' | 'excluded') => reports.reduce((n, r) => n + r[k], 0);
  const withheld = Object.values(resolved.withheldBySource).reduce((a, b) => a + b, 0);
  const report = IngestReportSchema.parse({
    today: opts.today,
    sources: reports,
    totals: {
      rows: sum('rows'), accepted: sum('accepted'), rejected: sum('rejected'), excluded: sum('excluded'),
      published: resolved.records.length, withheld, merged: resolved.merged, events: resolved.events,
      subjects: resolved.subjects.length, byState: resolved.byState,
    },
    rejects,
  });

  // Cross-record assertions: every row is accounted for, and no ID number leaves unmasked.
  for (const r of report.sources) {
    if (r.accepted + r.rejected + r.excluded !== r.rows) throw new IngestError(`内部错误：来源 ${r.id} 的行数不平衡`);
  }
  const t = report.totals;
  if (t.accepted !== t.published + t.withheld + t.merged + t.events) throw new IngestError('内部错误：接受的行数与记录数不平衡');
  return { report, records: resolved.records, subjects: resolved.subjects, quarantine, snapshots };
}
