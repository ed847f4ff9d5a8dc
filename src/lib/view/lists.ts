/**
 * The list pages, rendered with the credit files outside Astro's page pipeline (scripts/render-entities.ts), so that
 * a city's 16,000 list pages are rendered by the same workers, hashed, and written again only when they change:
 * each kind newest first (all years, each year, each authority), the authorities, and the subject index by name and
 * by pinyin initial. Each page gets only what it shows (the names of its own rows), so that its hash changes only
 * when it does.
 */
import { RECORD_KINDS, type RecordKind } from '../schemas/common.ts';
import type { PublishedRecord } from '../schemas/record.ts';
import type { Subject } from '../schemas/subject.ts';
import { letterSlug } from '../search/pinyin.ts';
import { endCounts } from './ends.ts';
import { letterCounts, subjectsByLetter } from './initials.ts';
import { fileOf, paginate } from './paginate.ts';
import { recordDate, yearsOf } from './record.ts';
import { authoritiesOf, byName, type Authority } from './authorities.ts';
import { authorityUrl, LIST_SLUG, listUrl } from './urls.ts';

export const PAGE_SIZE = 50;
/** Subjects on a page of the subject index. */
export const SUBJECTS_PAGE = 200;
/** Records of each kind on an authority's own page; the rest are on its pages by kind. */
export const AUTHORITY_PREVIEW = 20;

export type ListComponent = 'ListPage' | 'AuthoritiesPage' | 'AuthorityPage' | 'AuthorityKindPage' | 'SubjectsPage' | 'SubjectsLetterPage';
export interface ListJob { component: ListComponent; path: string; props: Record<string, unknown> }

/** The names of the subjects a page's records are about. */
function namesOf(records: PublishedRecord[], names: Map<string, string>): Map<string, string> {
  return new Map(records.map((r) => [r.subjectId, names.get(r.subjectId) ?? '']));
}

/** Authorities (data.ts authoritiesOf) as name and count. */
const counted = (authorities: Authority[]) => authorities.map((a) => ({ name: a.name, n: a.records.length }));

/** Every list page. `records` newest first (record.ts byDateDesc). */
export function* listJobs(records: PublishedRecord[], subjects: Subject[]): Generator<ListJob> {
  const names = new Map(subjects.map((s) => [s.id, s.name]));
  const pages = function* (component: ListComponent, list: PublishedRecord[], base: string, props: Record<string, unknown>) {
    for (const page of paginate(list, PAGE_SIZE, base)) {
      yield { component, path: fileOf(page.url.current), props: { ...props, page, names: namesOf(page.data, names) } };
    }
  };

  // Each kind: all years, then each year.
  for (const kind of RECORD_KINDS) {
    const list = records.filter((r) => r.kind === kind);
    const common = { kind, years: yearsOf(list), authorities: counted(authoritiesOf(list)) };
    yield* pages('ListPage', list, listUrl(kind), { ...common, ends: endCounts(list) });
    for (const year of common.years) {
      const ofYear = list.filter((r) => recordDate(r).startsWith(year));
      yield* pages('ListPage', ofYear, listUrl(kind, year), { ...common, year, ends: endCounts(ofYear) });
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
      yield* pages('AuthorityKindPage', list, `${authorityUrl(name)}${LIST_SLUG[kind]}/`, { name, kind, ends: endCounts(list) });
    }
    yield {
      component: 'AuthorityPage', path: fileOf(authorityUrl(name)),
      props: { authority: { slug, name, records: preview }, counts, total: all.length, names: namesOf(preview, names) },
    };
  }

  // The subject index: by name, and by the pinyin initial of the name.
  const counts = letterCounts(subjects);
  const sorted = [...subjects].sort((a, b) => byName(a.name, b.name) || (a.id < b.id ? -1 : 1));
  for (const page of paginate(sorted.map((s): [string, string] => [s.id, s.name]), SUBJECTS_PAGE, '/subjects/')) {
    yield { component: 'SubjectsPage', path: fileOf(page.url.current), props: { page, counts } };
  }
  for (const [letter, list] of subjectsByLetter(subjects)) {
    if (!list.length) continue;
    for (const page of paginate(list.map(({ subject: s }): [string, string] => [s.id, s.name]), SUBJECTS_PAGE, `/subjects/by/${letterSlug(letter)}/`)) {
      yield { component: 'SubjectsLetterPage', path: fileOf(page.url.current), props: { page, letterName: letter, counts } };
    }
  }
}

