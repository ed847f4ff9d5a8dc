/**
 * Build the Pagefind index over slim records rather than whole pages (whole subject pages take 14 GB at
 * 50k): one small HTML stub per published record and per subject, carrying the words to search (names,
 * codes, record title, 文号, authority) and the filters, sort key and metadata the search page uses.
 * addDirectory over stubs is linear; addCustomRecord scans URLs per record and is quadratic.
 *
 *   node scripts/search-index.ts [--data content/data] [--dist dist]
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { kindLabel, recordDate, recordTitle } from '../src/lib/view/record.ts';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'content/data' }, dist: { type: 'string', default: 'dist' } } });
const started = performance.now();
const records: PublishedRecord[] = JSON.parse(await readFile(join(values.data, 'records.json'), 'utf8'));
const subjects: Subject[] = JSON.parse(await readFile(join(values.data, 'subjects.json'), 'utf8'));
const subjectById = new Map(subjects.map((s) => [s.id, s]));
const recordById = new Map(records.map((r) => [r.id, r]));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, key: string, value: string | undefined) => (value ? `<i data-pagefind-${name}="${esc(key)}:${esc(value)}"></i>` : '');
const codesOf = (s: Subject) => [s.codes.uscc, s.codes.regNo, s.codes.orgCode, s.codes.taxNo, s.codes.other, s.codes.instCert, s.codes.socialOrgCert].filter(Boolean).join(' ');

function stub(body: string, meta: Record<string, string | undefined>, filters: Record<string, string | undefined>, sort?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(meta.title ?? '')}</title></head><body><main data-pagefind-body>${body}`
    + Object.entries(meta).map(([k, v]) => attr('meta', k, v)).join('')
    + Object.entries(filters).map(([k, v]) => attr('filter', k, v)).join('')
    + (sort ? attr('sort', 'date', sort) : '')
    + '</main></body></html>\n';
}

const stubs = resolve('.cache/search-stubs');
await rm(stubs, { recursive: true, force: true });
const files: [string, string][] = [];
for (const s of subjects) {
  const latest = s.recordIds.map((id) => recordById.get(id)!);
  files.push([`subject/${s.id}/index.html`, stub(
    `<h1>${esc(s.name)}</h1><p>${esc(s.aliases.join(' '))} ${esc(codesOf(s))}</p>`,
    { title: s.name, kind: '信用主体', record: `${s.category}，公示中的信息 ${s.recordIds.length} 条`, docNo: s.codes.uscc ?? s.codes.idMasked },
    { kind: '信用主体', category: s.category },
    latest.map(recordDate).sort().at(-1),
  )]);
}
for (const r of records) {
  const s = subjectById.get(r.subjectId)!;
  const date = recordDate(r);
  files.push([`record/${r.id}/index.html`, stub(
    `<h1>${esc(s.name)}</h1><p>${esc(codesOf(s))}</p><p>${esc(recordTitle(r))} ${esc(r.docNo ?? '')} ${esc(r.authority)}</p>`,
    { title: s.name, kind: kindLabel(r), record: recordTitle(r), docNo: r.docNo, authority: r.authority, date, state: r.disclosure.state, end: r.disclosure.end },
    { kind: kindLabel(r), authority: r.authority, year: date.slice(0, 4), category: s.category },
    date,
  )]);
}
for (const [path, html] of files) {
  await mkdir(join(stubs, path, '..'), { recursive: true });
  await writeFile(join(stubs, path), html);
}

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: stubs });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const out = await index.writeFiles({ outputPath: resolve(values.dist, 'pagefind') });
if (out.errors.length) throw new Error(`pagefind: ${out.errors.join('; ')}`);
await pagefind.close();
console.error(`search index: ${added.page_count} stubs (${subjects.length} subjects, ${records.length} records) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.dist}/pagefind`);
