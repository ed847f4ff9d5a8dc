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
import { hasOutcome, outcomeKey, readOutcome, writeOutcome } from './cache.ts';
import { IngestError } from './errors.ts';
import { mapColumns, mapRow, newUsage } from './map.ts';
import { readTable } from './read.ts';
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

/** Read, map and account for every row of one source's bytes. */
export async function ingestSource(desc: SourceDescriptor, bytes: Uint8Array, opts: SourceOptions): Promise<SourceOutcome> {
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

/** ingestSource, or what it gave last time for the same bytes, descriptor, key and code. */
export async function ingestCached(desc: SourceDescriptor, bytes: Uint8Array, opts: SourceOptions): Promise<SourceOutcome> {
  if (!opts.cacheDir) return ingestSource(desc, bytes, opts);
  const key = keyOf(desc, bytes, opts.secret ?? DEVELOPMENT_SECRET);
  const cached = opts.freshCache ? null : await readOutcome<SourceOutcome['report'], RowIssue, QuarantineEntry>(opts.cacheDir, desc, key);
  if (cached) {
    opts.onCached?.(desc.id);
    return cached;
  }
  const outcome = await ingestSource(desc, bytes, opts);
  await writeOutcome(opts.cacheDir, desc, key, outcome);
  return outcome;
}
