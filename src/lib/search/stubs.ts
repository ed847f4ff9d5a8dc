/**
 * The search index's input: one small HTML document per subject, at the URL of its page, holding the words to
 * search — every pair of adjacent Chinese characters of its names and aliases (as tokens), what else those names
 * hold (nameRest), every code, the names' pinyin and initials — and one heading per public record (its id, and its title as tokens: titleTokens), so that Pagefind
 * returns one result per subject with the matching records as its sub-results. Attributes carry the filters (every kind, authority and
 * year of its records, the category); the name is the one metadata value, and what else the search page shows
 * (the code, and each record's kind, date, last day of disclosure, authority and title, so that counts and badges
 * follow the visitor's date) is the id of an empty element (summary.ts packCard), which Pagefind returns without
 * indexing it.
 *
 * Not indexed, as what Pagefind's indexer holds until it writes grows with every word of every page (a city's
 * index had taken 8.3 GB): a record's 文号, found exactly by the /docno/ lookup instead, and its authority, which
 * is a filter and which the search page turns a query naming it into (docs/scale.md gives the figures).
 */
import { SEARCH_CODES } from '../kinds/index.ts';
import type { PublishedRecord } from '../schemas/record.ts';
import type { Subject } from '../schemas/subject.ts';
import { kindLabel, recordDate, recordTitle } from '../view/record.ts';
import { lookupCodes } from './codes.ts';
import { HAN_RUN, HAN_SPLIT, charPairs, pairToken } from './pairs.ts';
import { namePinyin } from './pinyin.ts';
import { NO_END, packCard } from './summary.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, key: string, value: string | undefined) => (value ? `<i data-pagefind-${name}="${esc(key)}:${esc(value)}"></i>` : '');

/** Every code a subject is known by, as searchable words. */
export function subjectCodes(s: Subject): string {
  return lookupCodes(s).join(' ');
}

/**
 * What of a name its pairs do not hold, as words: its Latin words and digits, and a Chinese character standing alone
 * (ABC科技（哈）有限公司 → ABC 哈). The name's Chinese runs are not given to Pagefind as text: a query of two or more
 * Chinese characters asks for their pairs only (search-util.ts searchTerms), so the words Pagefind would cut those
 * runs into were never asked for, and at 100,000 subjects they were a third of the index (1.7 of 4.8 million
 * entries) and a quarter of its build. The name still reaches the index once, whole, as the title metadata, which
 * Pagefind indexes as one word: a single character finds the names it begins.
 */
export function nameRest(name: string): string[] {
  return name.split(HAN_SPLIT).map((part, i) => (i % 2 ? (part.length === 1 ? part : '') : part.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())).filter(Boolean);
}

/** Every pair of adjacent Chinese characters of a name, once each, as the words the index holds (pairs.ts says why). */
export function namePairTokens(name: string): string[] {
  return [...new Set((name.match(HAN_RUN) ?? []).flatMap(charPairs).map((p) => pairToken(p)))];
}

/**
 * A record's title as the index holds it: its pairs of Chinese characters as tokens of their own (vz, pairs.ts), so
 * that 建设工程规划许可证 finds the subjects holding that licence, and a name fragment does not fetch them.
 */
export function titleTokens(title: string): string[] {
  return [...new Set((title.match(HAN_RUN) ?? []).flatMap(charPairs).map((p) => pairToken(p, 'vz')))];
}

/**
 * [path under the stub folder, html] of one subject and its public records: subject/ID.html, one folder for all (a
 * folder per stub cost a second file-system operation per subject; the search page turns the result's address
 * /subject/ID.html into the credit file's, /subject/ID/: search-util.ts subjectHref). No sort key: Pagefind keeps every sort
 * as an order of all pages in the metadata the first search loads (a quarter of it on the sample); results are by
 * relevance, grouped by subject.
 */
export function subjectStub(s: Subject, records: PublishedRecord[], { region, prefix = '' }: StubPlace = {}): [string, string] {
  const names = [s.name, ...s.aliases];
  const pinyin = names.map(namePinyin).flatMap((p) => [p.full, p.initials]);
  const sorted = records.map((r) => ({ r, date: recordDate(r) })).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.r.id < b.r.id ? -1 : 1));
  // Weights: Pagefind ranks an h2 nearly as high as an h1 (6 and 7), so a subject with many records whose titles
  // share a word of the query (建筑工程) outranked the subject so named. The name weighs most, then the other names,
  // codes and pinyin, then the records.
  const sections = sorted.map(({ r }) => `<h2 id="${r.id}" data-pagefind-weight="1">${titleTokens(recordTitle(r)).map(esc).join(' ')}</h2>`).join('');
  const code = s.codes.uscc ?? s.codes.regNo ?? s.codes.orgCode ?? s.codes.idMasked;
  const card = packCard(code, sorted.map(({ r, date }) => ({ id: r.id, kind: r.kind, date, end: r.disclosure.end ?? NO_END, authority: r.authority, title: recordTitle(r) })), SEARCH_CODES);
  const filters = [
    ...new Set(sorted.map(({ r }) => `kind:${kindLabel(r)}`)),
    ...new Set(sorted.map(({ r }) => `authority:${r.authority}`)),
    ...new Set(sorted.map(({ date }) => `year:${date.slice(0, 4)}`)),
    `category:${s.category}`,
    ...(region ? [`region:${region}`] : []),
  ];
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(s.name)}</title></head><body><main data-pagefind-body>`
    + `<h1 data-pagefind-weight="10">${esc(nameRest(s.name).join(' '))}</h1><p data-pagefind-weight="5">${esc(s.aliases.flatMap(nameRest).join(' '))} ${esc(subjectCodes(s))} ${pinyin.join(' ')}</p>`
    + `<p data-pagefind-weight="5">${[...new Set(names.flatMap(namePairTokens))].join(' ')}</p>${sections}`
    + `<i id="${esc(card)}"></i>${attr('meta', 'title', s.name)}`
    + filters.map((f) => `<i data-pagefind-filter="${esc(f)}"></i>`).join('')
    + '</main></body></html>\n';
  return [`${prefix}subject/${s.id}.html`, html];
}

/**
 * Where a stub belongs when a portal searches others too (district.yaml `shards`): its region, as the 地区 filter,
 * and for another portal's subject indexed here, the folder that names that portal (shards/K/, K its place in
 * `shards`), which the search page turns into that portal's address.
 */
export interface StubPlace { region?: string; prefix?: string }

/** One stub per subject with public records. */
export function* searchStubs(records: Iterable<PublishedRecord>, subjects: Iterable<Subject>, place: StubPlace = {}): Generator<[string, string]> {
  const bySubject = new Map<string, PublishedRecord[]>();
  for (const r of records) {
    const list = bySubject.get(r.subjectId);
    if (list) list.push(r);
    else bySubject.set(r.subjectId, [r]);
  }
  for (const s of subjects) {
    const list = bySubject.get(s.id);
    if (list?.length) yield subjectStub(s, list, place);
  }
}
