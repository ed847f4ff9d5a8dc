/**
 * The search index's input: one small HTML document per published record and per subject, holding the
 * words to search (names, codes, record title, 文号, authority) and, as attributes, the filters, sort key
 * and metadata the search page needs — including each record's last day of disclosure.
 */
import type { PublishedRecord } from '../schemas/record.ts';
import type { Subject } from '../schemas/subject.ts';
import { kindLabel, recordDate, recordTitle } from '../view/record.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, key: string, value: string | undefined) => (value ? `<i data-pagefind-${name}="${esc(key)}:${esc(value)}"></i>` : '');

/** Every code a subject is known by, as searchable words. */
export function subjectCodes(s: Subject): string {
  return [s.codes.uscc, s.codes.regNo, s.codes.orgCode, s.codes.taxNo, s.codes.other, s.codes.instCert, s.codes.socialOrgCert].filter(Boolean).join(' ');
}

function stub(body: string, meta: Record<string, string | undefined>, filters: Record<string, string | undefined>, sort?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(meta.title ?? '')}</title></head><body><main data-pagefind-body>${body}`
    + Object.entries(meta).map(([k, v]) => attr('meta', k, v)).join('')
    + Object.entries(filters).map(([k, v]) => attr('filter', k, v)).join('')
    + (sort ? attr('sort', 'date', sort) : '')
    + '</main></body></html>\n';
}

/** [path under the stub folder, html] for each subject and record; the path gives the result's URL. */
export function searchStubs(records: PublishedRecord[], subjects: Subject[]): [string, string][] {
  const recordById = new Map(records.map((r) => [r.id, r]));
  const subjectById = new Map(subjects.map((s) => [s.id, s]));
  const out: [string, string][] = [];
  for (const s of subjects) {
    const latest = s.recordIds.map((id) => recordDate(recordById.get(id)!)).sort().at(-1);
    out.push([`subject/${s.id}/index.html`, stub(
      `<h1>${esc(s.name)}</h1><p>${esc(s.aliases.join(' '))} ${esc(subjectCodes(s))}</p>`,
      { title: s.name, kind: '信用主体', record: `${s.category}，公示中的信息 ${s.recordIds.length} 条`, docNo: s.codes.uscc ?? s.codes.idMasked },
      { kind: '信用主体', category: s.category },
      latest,
    )]);
  }
  for (const r of records) {
    const s = subjectById.get(r.subjectId)!;
    const date = recordDate(r);
    out.push([`record/${r.id}/index.html`, stub(
      `<h1>${esc(s.name)}</h1><p>${esc(subjectCodes(s))}</p><p>${esc(recordTitle(r))} ${esc(r.docNo ?? '')} ${esc(r.authority)}</p>`,
      { title: s.name, kind: kindLabel(r), record: recordTitle(r), docNo: r.docNo, authority: r.authority, date, state: r.disclosure.state, end: r.disclosure.end },
      { kind: kindLabel(r), authority: r.authority, year: date.slice(0, 4), category: s.category },
      date,
    )]);
  }
  return out;
}
