/**
 * The ingest pipeline: descriptors → fetch → read → map → resolve → assert → outputs. Pure apart from
 * reading sources and the last good report; writing is left to write.ts so that a failed run writes nothing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_DISCLOSURE_CONFIG, type DisclosureConfig } from '../../src/lib/disclosure-rules.ts';
import { toNdjson } from '../../src/lib/ndjson.ts';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import type { Summary } from '../../src/lib/schemas/summary.ts';
import { summarize } from '../../src/lib/view/summary.ts';
import { describeIssues, nearestKey } from '../../src/lib/schemas/issues.ts';
import { IngestReportSchema, type IngestReport, type RowIssue, type SourceReport } from '../../src/lib/schemas/report.ts';
import { SourcesFileSchema, type SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { IngestError, SourceError } from './errors.ts';
import { fetchSource } from './fetch.ts';
import { fieldsFor } from './fields.ts';
import { readSources } from './pool.ts';
import { resolve, type Accepted } from './resolve.ts';
import { DEVELOPMENT_SECRET, ingestCached, type QuarantineEntry, type SourceOptions, type SourceOutcome } from './source.ts';
import { runKey } from './memo.ts';

export interface RunOptions extends SourceOptions {
  sourcesFile: string;
  outDir: string;
  today: string;
  allowShrink?: boolean;
  /** Fail the whole run when any source fails, instead of falling back to its last good snapshot. */
  strict?: boolean;
  config?: DisclosureConfig;
  /** Threads that read the sources (pool.ts); by default one per processor where the sources are a city's. */
  workers?: number;
}

/** The last run's output stands (memo.ts): every input is the one it was made from. */
export interface Unchanged { unchanged: true; key: string; report: IngestReport }

export { DEVELOPMENT_SECRET, type QuarantineEntry } from './source.ts';

export interface RunResult {
  report: IngestReport;
  /** Public records, each referring to its subject by id; written as records.ndjson. */
  records: PublishedRecord[];
  /** Subjects with public records, each stored once; written as subjects.ndjson. */
  subjects: Subject[];
  /** What the site's own pages show of them (counts, the newest records, letters); written as summary.json. */
  summary: Summary;
  /** Rejected rows, never published, ID numbers masked; written as quarantine.ndjson. */
  quarantine: QuarantineEntry[];
  /** snapshots/ID.bin and .json: each source's bytes as ingested, for the next run to fall back to. */
  snapshots: Record<string, string | Uint8Array>;
  /** The key of the run's inputs (memo.ts), when every source was read as fetched (none fell back to its snapshot). */
  key?: string;
}

/** The output files as text (for small runs and tests; writeOutputs streams the same lines). */
export function outputFiles(r: RunResult): Record<string, string> {
  return {
    'records.ndjson': toNdjson(r.records),
    'subjects.ndjson': toNdjson(r.subjects),
    'quarantine.ndjson': toNdjson(r.quarantine),
    'summary.json': `${JSON.stringify(r.summary)}\n`,
    'ingest-report.json': `${JSON.stringify(r.report, null, 2)}\n`,
  };
}

export { IngestError };

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

/**
 * With `standing`, asked once every source is fetched whether the output made from inputs of this key is still in
 * place (memo.ts outputStands): then nothing is read or resolved, and the last run's report comes back.
 */
export async function runIngest(opts: RunOptions): Promise<RunResult>;
export async function runIngest(opts: RunOptions & { standing: (key: string) => Promise<boolean> }): Promise<RunResult | Unchanged>;
export async function runIngest(opts: RunOptions & { standing?: (key: string) => Promise<boolean> }): Promise<RunResult | Unchanged> {
  const sources = await loadSources(opts.sourcesFile);
  const baseDir = dirname(opts.sourcesFile);
  const previous = await lastReport(opts.outDir);
  const accepted: Accepted[] = [];
  const reports: SourceReport[] = [];
  const rejects: RowIssue[] = [];
  const quarantine: QuarantineEntry[] = [];
  const snapshots: RunResult['snapshots'] = {};

  // Fetched one after another (a publisher's server is asked for one file at a time), read side by side.
  const fetched: ({ bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: unknown })[] = [];
  for (const desc of sources) {
    try {
      fetched.push({ bytes: await fetchSource(desc, baseDir) });
    } catch (error) {
      fetched.push({ error });
    }
  }
  const digests = fetched.map((f) => f.bytes && sha256(f.bytes));
  const key = fetched.every((f) => f.bytes) ? runKey({
    today: opts.today, config: opts.config ?? DEFAULT_DISCLOSURE_CONFIG, secret: opts.secret ?? DEVELOPMENT_SECRET, strict: opts.strict ?? false,
    allowShrink: opts.allowShrink ?? false, sources: sources.map((desc, i) => ({ desc, sha256: digests[i]! })),
  }) : undefined;
  if (key && previous && opts.standing && await opts.standing(key)) return { unchanged: true, key, report: previous };
  const jobs = sources.flatMap((desc, i) => (fetched[i]!.bytes ? [{ desc, bytes: fetched[i]!.bytes }] : []));
  const read = await readSources(jobs, opts);
  const outcomes = new Map(jobs.map((job, i) => [job.desc, read[i]!]));

  for (const [i, desc] of sources.entries()) {
    let bytes = fetched[i]!.bytes;
    let outcome: SourceOutcome;
    let fetchedOn = opts.today;
    let stale: SourceReport['stale'];
    try {
      if (!bytes) throw fetched[i]!.error;
      const settled = outcomes.get(desc)!;
      if (settled.status === 'rejected') throw settled.reason;
      outcome = settled.value;
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
    const digest = stale ? sha256(bytes) : digests[i]!;
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
  const summary = summarize(resolved.records, resolved.subjects, opts.today);
  const stood = reports.some((r) => r.stale) ? undefined : key;
  return { report, records: resolved.records, subjects: resolved.subjects, summary, quarantine, snapshots, ...(stood ? { key: stood } : {}) };
}
