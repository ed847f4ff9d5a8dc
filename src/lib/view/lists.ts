/**
 * The list pages, rendered with the credit files outside Astro's page pipeline (scripts/render-entities.ts), so that
 * a city's 16,000 list pages are rendered by the same workers, hashed, and written again only when they change:
 * each kind (all years, each year, each authority) newest first and by month, the authorities, and the subject
 * index by name and by pinyin initial. Each page gets only what it shows (the names of its own rows), so that its hash changes only
 * when it does.
 */
import { RECORD_KINDS, type RecordKind } from '../schemas/common.ts';
import type { PublishedRecord } from '../schemas/record.ts';
import type { Subject } from '../schemas/subject.ts';
import { LETTERS } from '../search/pinyin.ts';
import { endCounts } from './ends.ts';
import { TOC_PAGES, letterCounts, pagesOf, partsOf, subjectsByLetter } from './initials.ts';
import { fileOf, pageUrl, paginate } from './paginate.ts';
import { recordDate, yearsOf } from './record.ts';
import { authoritiesOf, type Authority } from './authorities.ts';
import { authorityListUrl, authorityUrl, listUrl, monthUrl, subjectsLetterUrl, subjectsPartUrl } from './urls.ts';

export const PAGE_SIZE = 50;
/** Records of each kind on an authority's own page; the rest are on its pages by kind. */
export const AUTHORITY_PREVIEW = 20;

export type ListComponent = 'ListPage' | 'MonthPage' | 'AuthoritiesPage' | 'AuthorityPage' | 'AuthorityKindPage' | 'SubjectsPage' | 'SubjectsLetterPage' | 'SubjectsPartPage';
export interface ListJob { component: ListComponent; path: string; props: Record<string, unknown> }
/** Where a list's first page goes on: the month page that holds its first record not shown. */
export interface ReadOn { url: string; month: string; page: number }

/** The names of the subjects a page's records are about. */
function namesOf(records: PublishedRecord[], names: Map<string, string>): Map<string, string> {
  return new Map(records.map((r) => [r.subjectId, names.get(r.subjectId) ?? '']));
}

/** Authorities (data.ts authoritiesOf) as name and count. */
const counted = (authorities: Authority[]) => authorities.map((a) => ({ name: a.name, n: a.records.length }));

/** A list (newest first) cut into its months (YYYY-MM), newest first. */
export function monthsOf(list: PublishedRecord[]): { month: string; records: PublishedRecord[] }[] {
  const months: { month: string; records: PublishedRecord[] }[] = [];
  for (const r of list) {
    const month = recordDate(r).slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.records.push(r);
    else months.push({ month, records: [r] });
  }
  return months;
}

/**
 * Every list page. `records` newest first (record.ts byDateDesc).
 *
 * A list's first page (each kind, each of its years, each authority's records of a kind) describes the whole list:
 * its total, which follows the reader's date (the last days of all its records), its filters, its newest records and
 * its months. A list longer than the first page shows is read by month (/lists/penalty/month/2026-11/, then …/2/):
 * a month's pages show only that month's records and its neighbours, so a record added, repaired or ended changes
 * the pages of its month and the first pages, not every page after it, and an address cited shows the same month
 * tomorrow. Numbered newest first across the whole list, every page moved when one record did (docs/scale.md).
 */
export function* listJobs(records: PublishedRecord[], subjects: Subject[]): Generator<ListJob> {
  const names = new Map(subjects.map((s) => [s.id, s.name]));
  /**
   * The month pages of a list whose first page is at `base`, and its months; none when the first page shows it all
   * (an authority's few records of a kind would otherwise get a page for each month of three years).
   */
  const monthPages = function* (list: PublishedRecord[], base: string, props: Record<string, unknown>) {
    if (list.length <= PAGE_SIZE) return [];
    const months = monthsOf(list);
    for (const [i, { month, records: rows }] of months.entries()) {
      const neighbours = { newer: months[i - 1]?.month, older: months[i + 1]?.month };
      for (const { total, ...page } of paginate(rows, PAGE_SIZE, monthUrl(base, month))) {
        yield {
          component: 'MonthPage' as const, path: fileOf(page.url.current),
          // The month's total only on its first page: a later page changes only when its own rows do (or the month's
          // count of pages).
          props: { ...props, month, ...neighbours, page, names: namesOf(page.data, names), ...(page.currentPage === 1 ? { total, ends: endCounts(rows) } : {}) },
        };
      }
    }
    return months.map((m) => m.month);
  };
  /**
   * What a first page shows of its list; `base`: where the list's months are. `more`: the month page the list goes on
   * at (that of its first record not shown), for reading on from the newest without choosing a month.
   */
  const first = (list: PublishedRecord[], base: string) => {
    const newest = list.slice(0, PAGE_SIZE);
    const next = list[PAGE_SIZE];
    let more: ReadOn | undefined;
    if (next) {
      // Its place in its month: the records of that month shown before it (the list is newest first).
      const month = recordDate(next).slice(0, 7);
      const page = Math.floor(newest.filter((r) => recordDate(r).startsWith(month)).length / PAGE_SIZE) + 1;
      more = { url: pageUrl(monthUrl(base, month), page), month, page };
    }
    return { newest, total: list.length, ends: endCounts(list), names: namesOf(newest, names), ...(more ? { more } : {}) };
  };

  // Each kind: its first page, each year's, and its months.
  for (const kind of RECORD_KINDS) {
    const list = records.filter((r) => r.kind === kind);
    const common = { kind, years: yearsOf(list), authorities: counted(authoritiesOf(list)) };
    const months = yield* monthPages(list, listUrl(kind), { kind });
    yield { component: 'ListPage', path: fileOf(listUrl(kind)), props: { ...common, months, ...first(list, listUrl(kind)) } };
    for (const year of common.years) {
      const ofYear = list.filter((r) => recordDate(r).startsWith(year));
      yield {
        component: 'ListPage', path: fileOf(listUrl(kind, year)),
        props: { ...common, year, months: months.filter((m) => m.startsWith(year)), ...first(ofYear, listUrl(kind)) },
      };
    }
  }

  // Authorities, most records first.
  const authorities = authoritiesOf(records);
  yield { component: 'AuthoritiesPage', path: 'authority/index.html', props: { authorities: counted(authorities) } };
  for (const { name, slug, records: all } of authorities) {
    const preview: PublishedRecord[] = [];
    const counts: Partial<Record<RecordKind, number>> = {};
    for (const kind of RECORD_KINDS) {
      const list = all.filter((r) => r.kind === kind);
      if (!list.length) continue;
      counts[kind] = list.length;
      preview.push(...list.slice(0, AUTHORITY_PREVIEW));
      const months = yield* monthPages(list, authorityListUrl(name, kind), { kind, authority: name });
      yield { component: 'AuthorityKindPage', path: fileOf(authorityListUrl(name, kind)), props: { name, kind, months, ...first(list, authorityListUrl(name, kind)) } };
    }
    yield {
      component: 'AuthorityPage', path: fileOf(authorityUrl(name)),
      props: { authority: { slug, name, records: preview }, counts, total: all.length, names: namesOf(preview, names) },
    };
  }

  // The subject index: the letters with their counts, then each letter's subjects in pages cut where the subjects say.
  yield* subjectIndex(subjects);
}

/** A page of the subject index under one initial, as its neighbours and the letter's first page name it. */
export interface IndexPage { url: string; first: string; last: string; n: number }
/** A part of a long letter's pages (initials.ts partsOf): its address, its first and last names, its subjects and its pages. */
export interface IndexPart extends IndexPage { pages: number }

/**
 * The subject index: /subjects/ (every initial with how many subjects it files), then each initial's pages: the first
 * (/subjects/by/h/) says how many subjects the letter files and lists its pages by their first and last names, as a
 * printed directory's guide words do; the others (/subjects/by/h/ID/) hold their subjects and link their neighbours
 * alone, so that they change only with their own subjects. What counts the whole index (the letters' counts, a letter's
 * total and its pages) is on /subjects/ and the letters' first pages only: every page of the index carried the total
 * and the counts until 2026-12-07, so a single subject added wrote all of them again.
 * A letter of more than TOC_PAGES pages is listed on its first page by parts (/subjects/by/h/part/ID/), each of which
 * lists its pages: the first page then grows by a line a part (about 10,000 subjects), not a line a page.
 */
export function* subjectIndex(subjects: Subject[]): Generator<ListJob> {
  const letters = subjectsByLetter(subjects);
  const counts = letterCounts(subjects);
  const present = LETTERS.filter((l) => (counts.get(l) ?? 0) > 0);
  yield { component: 'SubjectsPage', path: 'subjects/index.html', props: { counts, total: subjects.length } };
  for (const [letter, list] of letters) {
    if (!list.length) continue;
    const pages = pagesOf(list);
    const toc: IndexPage[] = pages.map((p, i) => ({
      url: subjectsLetterUrl(letter, i === 0 ? undefined : p[0]!.subject.id), first: p[0]!.subject.name, last: p.at(-1)!.subject.name, n: p.length,
    }));
    let parts: IndexPart[] | undefined;
    /** Each page's part, by the page's place in the letter. */
    const partOf: string[] = [];
    if (pages.length > TOC_PAGES) {
      parts = partsOf(pages).map((part) => ({
        url: subjectsPartUrl(letter, part[0]![0]!.subject.id), first: part[0]![0]!.subject.name, last: part.at(-1)!.at(-1)!.subject.name,
        n: part.reduce((a, p) => a + p.length, 0), pages: part.length,
      }));
      for (const [i, part] of parts.entries()) {
        const from = partOf.length;
        for (let k = 0; k < part.pages; k++) partOf.push(part.url);
        yield {
          component: 'SubjectsPartPage', path: fileOf(part.url),
          props: { letterName: letter, range: part, toc: toc.slice(from, partOf.length), prev: parts[i - 1]?.url, next: parts[i + 1]?.url, present },
        };
      }
    }
    for (const [i, page] of pages.entries()) {
      yield {
        component: 'SubjectsLetterPage', path: fileOf(toc[i]!.url),
        props: {
          letterName: letter, rows: page.map(({ subject: s }): [string, string] => [s.id, s.name]), range: toc[i]!,
          prev: toc[i - 1]?.url, next: toc[i + 1]?.url,
          // The letter's first page: the counts of every letter, its own total and its pages, or its parts.
          ...(i === 0 ? { counts, total: list.length, ...(parts ? { parts, pages: pages.length } : { toc }) } : { present, ...(parts ? { part: partOf[i] } : {}) }),
        },
      };
    }
  }
}
