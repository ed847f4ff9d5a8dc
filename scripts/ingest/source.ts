/**
 * Stage "read and map", one source at a time: its bytes read as a table, every row mapped and checked, and
 * accounted for (accepted, rejected into the quarantine, or excluded with a reason). Independent of every other
 * source, so that sources can be read side by side (pool.ts).
 */
import { maskIdNumber, scrubPersonalNumbers } from '../../src/lib/mask.ts';
import { classifyCode } from '../../src/lib/credit-code.ts';
import { cleanCell, headerKey, toHalfWidth } from '../../src/lib/text.ts';
import type { RowIssue, SourceReport } from '../../src/lib/schemas/report.ts';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { appendedRows, tailOf, type Tail } from './append.ts';
import { contextKey, hasOutcome, outcomeKey, readOutcome, readTail, writeOutcome, writeTail } from './cache.ts';
import { IngestError } from './errors.ts';
import { mapColumns, mapRow, newUsage, type ColumnMap, type DescriptorUsage } from './map.ts';
import { readTable, type ReadTable } from './read.ts';
import type { GridRow } from './readers/grid.ts';
import type { Accepted } from './resolve.ts';

/** Used only where no district secret is passed (library calls in tests); the CLI always passes one. */
export const DEVELOPMENT_SECRET = 'credit-portal-development-secret';

export interface QuarantineEntry {
  source: string;
  row: number;
  issues: { column: string; reason: string }[];
  /** The row as read, with ID numbers masked. */
  cells: Record<string, string>;
}

/** What reading one source needs of the run's options. */
export interface SourceOptions {
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
  /** Told which sources were taken from the cache but for the rows appended since, and how many those were (append.ts). */
  onAppended?: (source: string, rows: number) => void;
}

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


export interface SourceOutcome {
  report: Omit<SourceReport, 'sha256' | 'fetchedOn' | 'stale'>;
  accepted: Accepted[];
  rejects: RowIssue[];
  quarantine: QuarantineEntry[];
}

const filterValue = (v: string) => toHalfWidth(cleanCell(v)).replace(/\s+/g, '');

/** What mapping a run of rows gave: the part of an outcome that rows add up to. */
interface Mapped {
  accepted: Accepted[];
  rejects: RowIssue[];
  quarantine: QuarantineEntry[];
  warnings: SourceReport['warnings'];
  exclusions: Map<string, number>;
  usage: DescriptorUsage;
  ok: number;
}

/** Maps and accounts for `rows` of a table whose header is `header` (found on row `headerRow`). */
function mapRows(desc: SourceDescriptor, header: string[], headerRow: number, rows: GridRow[], opts: SourceOptions): Mapped & { map: ColumnMap } {
  const map = mapColumns(desc.kind, header, desc);
  const idColumns = new Set(map.fields.flatMap((f, i) => (f?.field === 'idNumber' ? [i] : [])));
  const filters = Object.entries(desc.filter).map(([name, allowed]) => {
    const column = header.findIndex((h) => headerKey(h) === headerKey(name));
    if (column < 0) throw new IngestError(`来源 ${desc.id}：filter 中的表头“${name}”不在文件中（表头：${map.columns.join('、')}）。请改正描述文件`);
    return { header: name, column, allowed: new Set(allowed.map(filterValue)), list: allowed.join('、') };
  });
  const headerLine = header.map((h) => headerKey(h)).join('\u0000');
  const out: Mapped = { accepted: [], rejects: [], quarantine: [], warnings: [], exclusions: new Map(), usage: newUsage(), ok: 0 };
  const exclude = (reason: string) => out.exclusions.set(reason, (out.exclusions.get(reason) ?? 0) + 1);
  rows.forEach((r, i) => {
    if (opts.onProgress && (i % 500 === 0 || i === rows.length - 1)) opts.onProgress(desc.id, i + 1, rows.length);
    // Two exports concatenated: the header again inside the data is not a bad row.
    if (headerRow !== 0 && r.cells.map((c) => headerKey(c)).join('\u0000') === headerLine) { exclude('重复表头'); return; }
    const failed = filters.find((f) => !f.allowed.has(filterValue(r.cells[f.column] ?? '')));
    if (failed) { exclude(`${failed.header}不是 ${failed.list}（描述文件 filter）`); return; }
    if (r.cells.length !== header.length) {
      const extra = r.cells.slice(header.length).filter((c) => c.trim());
      out.warnings.push({
        row: r.row, column: '—',
        reason: r.cells.length < header.length
          ? `该行只有 ${r.cells.length} 列，表头有 ${header.length} 列，缺少的列按空值处理`
          : `该行有 ${r.cells.length} 列，多于表头的 ${header.length} 列${extra.length ? `，多出的“${extra.map(scrubPersonalNumbers).join('、')}”未使用` : ''}`,
      });
    }
    const m = mapRow(desc.kind, r.cells, map, desc, { usage: out.usage, secret: opts.secret ?? DEVELOPMENT_SECRET });
    for (const w of m.warnings) out.warnings.push({ row: r.row, ...w });
    if (m.ok) {
      out.ok++;
      out.accepted.push({ source: desc, row: r.row, value: m.value, subject: m.subject, idKey: m.idKey });
      return;
    }
    if (r.cells.length > header.length) m.issues.push({ column: '—', reason: `该行比表头多 ${r.cells.length - header.length} 列，数据可能错位，请核对原文件` });
    for (const issue of m.issues) out.rejects.push({ source: desc.id, row: r.row, ...issue });
    out.quarantine.push({ source: desc.id, row: r.row, issues: m.issues, cells: quarantineCells(map.columns, r.cells, idColumns) });
  });
  return { ...out, map };
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Read, map and account for every row of one source's bytes. */
export async function ingestSource(desc: SourceDescriptor, bytes: Uint8Array, opts: SourceOptions): Promise<SourceOutcome> {
  return (await readAndMap(desc, bytes, opts)).outcome;
}

async function readAndMap(desc: SourceDescriptor, bytes: Uint8Array, opts: SourceOptions): Promise<{ outcome: SourceOutcome; table: ReadTable }> {
  const table = await readTable(desc, bytes);
  const m = mapRows(desc, table.header, table.headerRow, table.rows, opts);
  const excluded = sum(m.exclusions);
  const outcome: SourceOutcome = {
    report: {
      id: desc.id,
      rows: table.rows.length,
      accepted: m.ok,
      rejected: table.rows.length - m.ok - excluded,
      excluded,
      exclusions: [...m.exclusions].map(([reason, rows]) => ({ reason, rows })),
      warnings: [...table.notes, ...m.map.notes.map((n) => ({ row: table.headerRow, ...n })), ...m.warnings],
      unusedColumns: m.map.unused,
      mappedColumns: m.map.mapped,
      encoding: table.encoding,
      unmatchedColumns: m.map.unmatched,
      unusedValues: Object.entries(desc.values).flatMap(([field, values]) => Object.keys(values).map((raw) => `${field}.${raw}`)).filter((k) => !m.usage.values.has(k)),
      unusedDefaults: Object.keys(desc.defaults).filter((f) => !m.usage.defaults.has(f)),
    },
    accepted: m.accepted, rejects: m.rejects, quarantine: m.quarantine,
  };
  return { outcome, table };
}

/** Cache keys made in this thread, by the bytes they were made of: the pool asks first (isCached), then ingestCached. */
const keys = new WeakMap<Uint8Array, { desc: SourceDescriptor; secret: string; key: string }>();
function keyOf(desc: SourceDescriptor, bytes: Uint8Array, secret: string): string {
  const made = keys.get(bytes);
  if (made && made.desc === desc && made.secret === secret) return made.key;
  const key = outcomeKey(desc, bytes, secret);
  keys.set(bytes, { desc, secret, key });
  return key;
}

/** Whether ingestCached would take this source's outcome from the cache rather than read it. */
export async function isCached(desc: SourceDescriptor, bytes: Uint8Array, opts: SourceOptions): Promise<boolean> {
  if (!opts.cacheDir || opts.freshCache) return false;
  return hasOutcome(opts.cacheDir, desc, keyOf(desc, bytes, opts.secret ?? DEVELOPMENT_SECRET));
}

/** ingestSource, or what it gave last time for the same bytes, descriptor, key and code (or for the bytes before some were appended, and the rows appended). */
export async function ingestCached(desc: SourceDescriptor, bytes: Uint8Array, opts: SourceOptions): Promise<SourceOutcome> {
  if (!opts.cacheDir) return ingestSource(desc, bytes, opts);
  const secret = opts.secret ?? DEVELOPMENT_SECRET;
  const key = keyOf(desc, bytes, secret);
  const cached = opts.freshCache ? null : await readOutcome<SourceOutcome['report'], RowIssue, QuarantineEntry>(opts.cacheDir, desc, key);
  if (cached) {
    opts.onCached?.(desc.id);
    return cached;
  }
  const context = contextKey(desc, secret);
  const appended = opts.freshCache ? undefined : await ingestAppended(opts.cacheDir, desc, bytes, context, opts);
  // The tail goes first and comes back last: one left beside an outcome being rewritten would name the wrong key.
  await writeTail(opts.cacheDir, desc.id, null);
  if (appended) {
    await writeOutcome(opts.cacheDir, desc, key, appended.outcome);
    if (appended.tail) await writeTail(opts.cacheDir, desc.id, { ...appended.tail, key });
    opts.onAppended?.(desc.id, appended.rows);
    return appended.outcome;
  }
  const { outcome, table } = await readAndMap(desc, bytes, opts);
  await writeOutcome(opts.cacheDir, desc, key, outcome);
  const tail = tailOf(desc, bytes, table, key, context);
  if (tail) await writeTail(opts.cacheDir, desc.id, tail);
  return outcome;
}

/**
 * The outcome of a CSV that grew only at its end since its kept outcome was made: that outcome, and the appended rows
 * mapped and added to it, as reading the whole file would give (append.ts says when that holds; else undefined).
 */
async function ingestAppended(dir: string, desc: SourceDescriptor, bytes: Uint8Array, context: string, opts: SourceOptions):
  Promise<{ outcome: SourceOutcome; tail?: Tail; rows: number } | undefined> {
  const tail = await readTail(dir, desc.id);
  const added = tail && appendedRows(bytes, tail, context);
  if (!tail || !added) return undefined;
  const last = await readOutcome<SourceOutcome['report'], RowIssue, QuarantineEntry>(dir, desc, tail.key);
  if (!last) return undefined;
  const m = mapRows(desc, tail.header, tail.headerRow, added.rows, opts);
  const excluded = sum(m.exclusions);
  const exclusions = new Map(last.report.exclusions.map((e) => [e.reason, e.rows]));
  for (const [reason, n] of m.exclusions) exclusions.set(reason, (exclusions.get(reason) ?? 0) + n);
  const r = last.report;
  const outcome: SourceOutcome = {
    report: {
      ...r,
      rows: r.rows + added.rows.length,
      accepted: r.accepted + m.ok,
      rejected: r.rejected + added.rows.length - m.ok - excluded,
      excluded: r.excluded + excluded,
      exclusions: [...exclusions].map(([reason, rows]) => ({ reason, rows })),
      warnings: [...r.warnings, ...m.warnings],
      unusedValues: r.unusedValues.filter((k) => !m.usage.values.has(k)),
      unusedDefaults: r.unusedDefaults.filter((f) => !m.usage.defaults.has(f)),
    },
    accepted: [...last.accepted, ...m.accepted],
    rejects: [...last.rejects, ...m.rejects],
    quarantine: [...last.quarantine, ...m.quarantine],
  };
  return { outcome, tail: added.tail, rows: added.rows.length };
}
