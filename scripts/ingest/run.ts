/**
 * The ingest pipeline: descriptors → fetch → read → map → resolve → assert → outputs. Pure apart from
 * reading sources and the last good report; writing is left to write.ts so that a failed run writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_DISCLOSURE_CONFIG, type DisclosureConfig } from '../../src/lib/disclosure-rules.ts';
import { revealsIdNumber, maskIdNumber, scrubPersonalNumbers } from '../../src/lib/mask.ts';
import { classifyCode } from '../../src/lib/credit-code.ts';
import { IngestReportSchema, type IngestReport, type RowIssue, type SourceReport } from '../../src/lib/schemas/report.ts';
import { SourcesFileSchema, type SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { SourceError } from './errors.ts';
import { fetchSource } from './fetch.ts';
import { mapColumns, mapRow } from './map.ts';
import { readTable } from './read.ts';
import { resolve, type Accepted } from './resolve.ts';

export interface RunOptions {
  sourcesFile: string;
  outDir: string;
  today: string;
  allowShrink?: boolean;
  config?: DisclosureConfig;
  /** Called as rows are mapped, for a progress bar. */
  onProgress?: (source: string, done: number, total: number) => void;
}

export interface QuarantineEntry {
  source: string;
  row: number;
  issues: { column: string; reason: string }[];
  /** The row as read, with ID numbers masked. */
  cells: Record<string, string>;
}

export interface RunResult {
  report: IngestReport;
  /** File name → contents, ready to be written atomically. */
  files: Record<string, string>;
}

export class IngestError extends Error {}

export async function loadSources(file: string): Promise<SourceDescriptor[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new IngestError(`无法读取来源描述文件 ${file}（${(e as NodeJS.ErrnoException).code}）`);
  }
  const parsed = SourcesFileSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(根)'}：${i.message}`);
    throw new IngestError(`来源描述文件 ${file} 有误：\n${lines.join('\n')}`);
  }
  return parsed.data.sources;
}

async function lastReport(outDir: string): Promise<IngestReport | null> {
  try {
    return IngestReportSchema.parse(JSON.parse(await readFile(join(outDir, 'ingest-report.json'), 'utf8')));
  } catch {
    return null;
  }
}

/** A row for the quarantine file: nothing raw that identifies a person. */
function quarantineCells(header: string[], cells: string[], idColumns: Set<number>): Record<string, string> {
  const out: Record<string, string> = {};
  const width = Math.max(header.length, cells.length);
  for (let i = 0; i < width; i++) {
    const name = header[i]?.trim() || `第${i + 1}列`;
    const v = cells[i] ?? '';
    out[name] = idColumns.has(i) || classifyCode(v)?.type === 'residentId' ? maskIdNumber(v) : scrubPersonalNumbers(v);
  }
  return out;
}

/** One record per line: small diffs between runs, and the same bytes for the same input. */
export const jsonLines = (items: unknown[]) => (items.length ? `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]\n` : '[]\n');

export async function runIngest(opts: RunOptions): Promise<RunResult> {
  const sources = await loadSources(opts.sourcesFile);
  const baseDir = dirname(opts.sourcesFile);
  const accepted: Accepted[] = [];
  const reports: SourceReport[] = [];
  const rejects: RowIssue[] = [];
  const quarantine: QuarantineEntry[] = [];

  for (const desc of sources) {
    const bytes = await fetchSource(desc, baseDir);
    const table = await readTable(desc, bytes);
    const map = mapColumns(desc.kind, table.header, desc);
    const idColumns = new Set(map.fields.flatMap((f, i) => (f?.field === 'idNumber' ? [i] : [])));
    const warnings: SourceReport['warnings'] = [
      ...table.notes,
      ...map.notes.map((n) => ({ row: table.headerRow, ...n })),
    ];
    let ok = 0;
    table.rows.forEach((r, i) => {
      if (r.cells.length !== table.header.length) {
        const extra = r.cells.slice(table.header.length).filter((c) => c.trim());
        warnings.push({
          row: r.row, column: '—',
          reason: r.cells.length < table.header.length
            ? `该行只有 ${r.cells.length} 列，表头有 ${table.header.length} 列，缺少的列按空值处理`
            : `该行有 ${r.cells.length} 列，多于表头的 ${table.header.length} 列${extra.length ? `，多出的“${extra.map(scrubPersonalNumbers).join('、')}”未使用` : ''}`,
        });
      }
      const m = mapRow(desc.kind, r.cells, map, desc);
      for (const w of m.warnings) warnings.push({ row: r.row, ...w });
      if (m.ok) {
        ok++;
        accepted.push({ source: desc, row: r.row, value: m.value, subject: m.subject });
      } else {
        if (r.cells.length > table.header.length) m.issues.push({ column: '—', reason: `该行比表头多 ${r.cells.length - table.header.length} 列，数据可能错位，请核对原文件` });
        for (const issue of m.issues) rejects.push({ source: desc.id, row: r.row, ...issue });
        quarantine.push({ source: desc.id, row: r.row, issues: m.issues, cells: quarantineCells(map.columns, r.cells, idColumns) });
      }
      if (opts.onProgress && (i % 500 === 0 || i === table.rows.length - 1)) opts.onProgress(desc.id, i + 1, table.rows.length);
    });
    reports.push({
      id: desc.id,
      rows: table.rows.length,
      accepted: ok,
      rejected: table.rows.length - ok,
      warnings,
      unusedColumns: map.unused,
      mappedColumns: map.mapped,
      encoding: table.encoding,
    });
  }

  // A source that shrank must not blank a published list.
  const previous = await lastReport(opts.outDir);
  for (const [i, r] of reports.entries()) {
    const desc = sources[i]!;
    if (desc.minRows !== undefined && r.accepted < desc.minRows) {
      throw new SourceError(desc.id, `只接受了 ${r.accepted} 行，少于 minRows ${desc.minRows}`, '请核对来源文件是否完整；上一次的输出保持不变');
    }
    const before = previous?.sources.find((s) => s.id === desc.id);
    if (!opts.allowShrink && before && r.accepted < before.accepted / 2) {
      throw new SourceError(desc.id, `接受的行数从上次的 ${before.accepted} 降到 ${r.accepted}，减少超过一半`, '请核对来源文件；确认无误后加 --allow-shrink 重新运行');
    }
  }

  const resolved = resolve(accepted, opts.today, opts.config ?? DEFAULT_DISCLOSURE_CONFIG);
  for (const w of resolved.warnings) reports.find((r) => r.id === w.source)!.warnings.push({ row: w.row, column: w.column, reason: w.reason });
  for (const r of reports) r.warnings.sort((a, b) => a.row - b.row);

  const sum = (k: 'rows' | 'accepted' | 'rejected') => reports.reduce((n, r) => n + r[k], 0);
  const withheld = Object.values(resolved.withheldBySource).reduce((a, b) => a + b, 0);
  const report = IngestReportSchema.parse({
    today: opts.today,
    sources: reports,
    totals: {
      rows: sum('rows'), accepted: sum('accepted'), rejected: sum('rejected'),
      published: resolved.records.length, withheld, merged: resolved.merged, events: resolved.events,
      subjects: resolved.subjects.length, byState: resolved.byState,
    },
    rejects,
  });

  // Cross-record assertions: every row is accounted for, and no ID number leaves unmasked.
  for (const r of report.sources) {
    if (r.accepted + r.rejected !== r.rows) throw new IngestError(`内部错误：来源 ${r.id} 的行数不平衡`);
  }
  const t = report.totals;
  if (t.accepted !== t.published + t.withheld + t.merged + t.events) throw new IngestError('内部错误：接受的行数与记录数不平衡');
  const files: Record<string, string> = {
    'records.json': jsonLines(resolved.records),
    'subjects.json': jsonLines(resolved.subjects),
    'quarantine.json': jsonLines(quarantine),
    'ingest-report.json': `${JSON.stringify(report, null, 2)}\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    if (revealsIdNumber(text)) throw new IngestError(`内部错误：${name} 含有未脱敏的身份证号码，已停止写出`);
  }
  return { report, files };
}
