/** The data the built site was made from, read the way a reader of the open files would. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
/** The built site. */
export const DIST = join(ROOT, 'dist');
/** A file of content/data, one JSON value a line (tests that rewrite rows read them whole: Record<string, any>). */
export const readLines = <T>(file: string): T[] => readFileSync(join(ROOT, 'content/data', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

export interface RecordLite {
  id: string; kind: string; subjectId: string; docNo?: string; authority: string; certName?: string; decisionDate?: string; listedOn?: string;
  disclosure: { state: string; end?: string; start: string; repairableFrom?: string };
}
export interface SubjectLite { id: string; name: string; category: string; codes: Record<string, string>; recordIds: string[] }
export const records = () => readLines<RecordLite>('records.ndjson');
export const subjects = () => readLines<SubjectLite>('subjects.ndjson');
/** The subject a record is about (each subject is stored once). */
export const subjectOf = (r: RecordLite): SubjectLite => subjects().find((s) => s.id === r.subjectId)!;
export const report = () => JSON.parse(readFileSync(join(ROOT, 'content/data/ingest-report.json'), 'utf8'));

/** Every HTML file of dist/, as text. */
export function distHtml(): { path: string; text: string }[] {
  return distFiles().filter((f) => f.path.endsWith('.html')).map((f) => ({ path: f.path, text: f.bytes.toString('utf8') }));
}

/** Every file of dist/, as bytes. */
export function distFiles(): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ path: p, bytes: readFileSync(p) });
    }
  };
  walk(DIST);
  return out;
}

export const sampleFile = (name: string) => readFileSync(join(ROOT, 'content/sources/daoli', name), 'utf8');
