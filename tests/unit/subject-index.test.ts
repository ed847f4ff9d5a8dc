import { describe, expect, it } from 'vitest';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import { TOC_PAGES, pagesOf, partsOf } from '../../src/lib/view/initials.ts';
import { subjectIndex, type IndexPage, type IndexPart, type ListJob } from '../../src/lib/view/lists.ts';

const pad = (i: number) => String(i).padStart(4, '0');
const items = (ids: string[]) => ids.map((id) => ({ subject: { id } }));
const ids = Array.from({ length: 2000 }, (_, i) => `S${pad(i)}`);
const firsts = (pages: { subject: { id: string } }[][]) => pages.map((p) => p[0]!.subject.id);

describe('pagesOf: the subject index cut where the subjects say', () => {
  // Worked out apart from the code (FNV-1a of each id, by hand in another language): S0006 would begin a page but
  // its page holds 6 (fewer than 50); S0169, S0994, S1089, S1548, S1823 and S1908 begin pages (hash % 200 = 0);
  // S0486, S0815 and S1401 begin pages as their page holds 300 or more and their hash % 20 = 0.
  const expected = ['S0000', 'S0169', 'S0486', 'S0815', 'S0994', 'S1089', 'S1401', 'S1548', 'S1823', 'S1908'];

  it('begins a page where an id says so, and keeps every subject once, in order', () => {
    const pages = pagesOf(items(ids));
    expect(firsts(pages)).toEqual(expected);
    expect(pages.flat().map((x) => x.subject.id)).toEqual(ids);
    expect(pages.map((p) => p.length)).toEqual([169, 317, 329, 179, 95, 312, 147, 275, 85, 92]);
  });

  it('changes only the pages around a subject added or gone', () => {
    // S0500x begins nothing: it joins the page of S0486, and no page begins elsewhere.
    const added = pagesOf(items([...ids.slice(0, 501), 'S0500x', ...ids.slice(501)]));
    expect(firsts(added)).toEqual(expected);
    // S0700-99 begins a page (hash % 200 = 0): the page of S0486 is cut in two there, and the second half runs on
    // over S0815, which began its page only as the page before held 300. Every other page is as it was.
    const splits = pagesOf(items([...ids.slice(0, 701), 'S0700-99', ...ids.slice(701)]));
    expect(firsts(splits)).toEqual(['S0000', 'S0169', 'S0486', 'S0700-99', 'S0994', 'S1089', 'S1401', 'S1548', 'S1823', 'S1908']);
    // S1089 gone: its page joins the one before, which is then long enough for S1328 to begin a page (hash % 20 = 0)
    // in place of S1401. From S1548 on, nothing changes.
    const gone = pagesOf(items(ids.filter((id) => id !== 'S1089')));
    expect(firsts(gone)).toEqual(['S0000', 'S0169', 'S0486', 'S0815', 'S0994', 'S1328', 'S1548', 'S1823', 'S1908']);
  });

  it('makes pages of 50 to 600 subjects but a letter\'s last', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `T${String(i).padStart(5, '0')}`);
    const lengths = pagesOf(items(many)).map((p) => p.length);
    expect(lengths.slice(0, -1).filter((n) => n < 50 || n > 600)).toEqual([]);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(20000);
  });
});

/**
 * 哈尔滨0000商店 … (the number written with `width` digits), id S0000 …: filed under H, in the order of their numbers
 * (pinyin keeps digits as written).
 */
const shop = (i: number, width: number, id = `S${String(i).padStart(width, '0')}`): Subject => ({
  id, name: `哈尔滨${String(i).padStart(width, '0')}商店`, category: '法人及非法人组织', codes: {}, aliases: [], recordIds: [],
}) as unknown as Subject;
/** One subject under Z, whose letter's first page changes with H's counts. */
const zhong = { id: 'Z1', name: '中央大街商店', category: '法人及非法人组织', codes: {}, aliases: [], recordIds: [] } as unknown as Subject;
/** A page's props as text, to tell whether a rebuild would write it again. */
const text = (job: ListJob) => JSON.stringify(job.props, (_, v) => (v instanceof Map ? [...v] : v));
/** The subject index's pages by their path. */
const pages = (subjects: Subject[]) => new Map([...subjectIndex(subjects)].map((j) => [j.path, j]));

describe('subjectIndex: the pages of the subject index', () => {
  const subject = (i: number, id?: string) => shop(i, 4, id);
  const all = [...ids.map((_, i) => subject(i)), zhong];
  const before = pages(all);

  it('gives /subjects/ the letters and their counts, and each letter its pages at their first subject', () => {
    expect(before.get('subjects/index.html')!.props).toMatchObject({ total: 2001 });
    expect([...(before.get('subjects/index.html')!.props.counts as Map<string, number>)].filter(([, n]) => n > 0)).toEqual([['H', 2000], ['Z', 1]]);
    expect([...before.keys()].filter((p) => p.startsWith('subjects/by/h/')).sort()).toEqual([
      'subjects/by/h/S0169/index.html', 'subjects/by/h/S0486/index.html', 'subjects/by/h/S0815/index.html', 'subjects/by/h/S0994/index.html',
      'subjects/by/h/S1089/index.html', 'subjects/by/h/S1401/index.html', 'subjects/by/h/S1548/index.html', 'subjects/by/h/S1823/index.html',
      'subjects/by/h/S1908/index.html', 'subjects/by/h/index.html',
    ]);
    expect([...before.keys()].filter((p) => p.startsWith('subjects/by/z/'))).toEqual(['subjects/by/z/index.html']);
  });

  it('says what counts the whole letter on its first page only, and links a later page to its neighbours', () => {
    const first = before.get('subjects/by/h/index.html')!.props;
    expect(first).toMatchObject({ total: 2000, next: '/subjects/by/h/S0169/' });
    expect((first.toc as { url: string; first: string; last: string; n: number }[]).slice(0, 2)).toEqual([
      { url: '/subjects/by/h/', first: '哈尔滨0000商店', last: '哈尔滨0168商店', n: 169 },
      { url: '/subjects/by/h/S0169/', first: '哈尔滨0169商店', last: '哈尔滨0485商店', n: 317 },
    ]);
    const later = before.get('subjects/by/h/S0486/index.html')!.props;
    expect(later).toMatchObject({ prev: '/subjects/by/h/S0169/', next: '/subjects/by/h/S0815/', present: ['H', 'Z'] });
    expect(later).not.toHaveProperty('total');
    expect(later).not.toHaveProperty('counts');
    expect((later.rows as [string, string][])[0]).toEqual(['S0486', '哈尔滨0486商店']);
  });

  it('writes again only the index, the letters\' first pages and the page a subject is added to', () => {
    const after = pages([...all, subject(600, 'S0600b')]);
    const changed = [...after.keys()].filter((p) => !before.has(p) || text(before.get(p)!) !== text(after.get(p)!)).sort();
    expect(changed).toEqual(['subjects/by/h/S0486/index.html', 'subjects/by/h/index.html', 'subjects/by/z/index.html', 'subjects/index.html']);
    expect([...before.keys()].filter((p) => !after.has(p))).toEqual([]);
  });
});

describe('partsOf: a long letter\'s pages cut into parts where their first ids say', () => {
  it('begins a part where a page\'s first id says so, and keeps every page once, in order', () => {
    const many = Array.from({ length: 100000 }, (_, i) => `T${String(i).padStart(5, '0')}`);
    const pages = pagesOf(items(many));
    const parts = partsOf(pages);
    // Worked out apart from the code (FNV-1a, by hand in another language): 550 pages, and parts beginning where the
    // first id of a page, its hash divided by 200 and rounded down, is 0 mod 40, once the part holds 10 pages.
    expect(pages).toHaveLength(550);
    expect(parts.map((part) => part[0]![0]!.subject.id)).toEqual(['T00000', 'T08555', 'T25895', 'T61037', 'T67479', 'T88425', 'T98671']);
    expect(parts.map((part) => part.length)).toEqual([54, 93, 194, 35, 115, 51, 8]);
    expect(parts.flat()).toEqual(pages);
  });
});

describe('subjectIndex: a letter of more pages than its first page lists', () => {
  const subject = (i: number, id?: string) => shop(i, 5, id);
  const all = [...Array.from({ length: 30000 }, (_, i) => subject(i)), zhong];
  const before = pages(all);

  it('lists the letter\'s parts on its first page, and each part\'s pages on a page of its own', () => {
    // Worked out apart from the code, as above: 154 pages under H, in parts beginning with S00000 (68 pages, 13,099
    // subjects), S13099 (20 pages, 3,786) and S16885 (66 pages, 13,115).
    expect(TOC_PAGES).toBeLessThan(154);
    const first = before.get('subjects/by/h/index.html')!.props;
    expect(first).not.toHaveProperty('toc');
    expect(first).toMatchObject({ total: 30000, pages: 154 });
    expect(first.parts).toEqual([
      { url: '/subjects/by/h/part/S00000/', first: '哈尔滨00000商店', last: '哈尔滨13098商店', n: 13099, pages: 68 },
      { url: '/subjects/by/h/part/S13099/', first: '哈尔滨13099商店', last: '哈尔滨16884商店', n: 3786, pages: 20 },
      { url: '/subjects/by/h/part/S16885/', first: '哈尔滨16885商店', last: '哈尔滨29999商店', n: 13115, pages: 66 },
    ]);
    const parts = (first.parts as IndexPart[]).map((p) => before.get(`subjects/by/h/part/${/part\/([^/]+)\//.exec(p.url)![1]}/index.html`)!);
    expect(parts.map((p) => p.component)).toEqual(['SubjectsPartPage', 'SubjectsPartPage', 'SubjectsPartPage']);
    expect(parts.map((p) => [p.props.prev, p.props.next])).toEqual([
      [undefined, '/subjects/by/h/part/S13099/'], ['/subjects/by/h/part/S00000/', '/subjects/by/h/part/S16885/'], ['/subjects/by/h/part/S13099/', undefined],
    ]);
    // The parts' pages, one after another, are the letter's pages: its first page, then every later one by its address.
    const listed = parts.flatMap((p) => (p.props.toc as IndexPage[]).map((x) => x.url));
    const later = [...before.keys()].filter((k) => /^subjects\/by\/h\/S\d{5}\/index\.html$/.test(k));
    expect(listed).toHaveLength(154);
    expect(listed[0]).toBe('/subjects/by/h/');
    expect(listed.slice(1).map((u) => `${u.slice(1)}index.html`).sort()).toEqual(later.sort());
    expect((parts[1]!.props.toc as IndexPage[])[0]).toMatchObject({ url: '/subjects/by/h/S13099/', first: '哈尔滨13099商店' });
    // A later page links to its part.
    expect(before.get('subjects/by/h/S19945/index.html')!.props).toMatchObject({ part: '/subjects/by/h/part/S16885/' });
    expect(before.get('subjects/by/h/S13099/index.html')!.props).toMatchObject({ part: '/subjects/by/h/part/S13099/' });
  });

  it('writes again only the index, the letters\' first pages, and the page and part a subject is added to', () => {
    // S20000b begins nothing (its hash is 102 mod 200, 2 mod 20): it joins the page of S19945, in the part of S16885.
    const after = pages([...all, subject(20000, 'S20000b')]);
    const changed = [...after.keys()].filter((p) => !before.has(p) || text(before.get(p)!) !== text(after.get(p)!)).sort();
    expect(changed).toEqual([
      'subjects/by/h/S19945/index.html', 'subjects/by/h/index.html', 'subjects/by/h/part/S16885/index.html', 'subjects/by/z/index.html', 'subjects/index.html',
    ]);
    expect([...before.keys()].filter((p) => !after.has(p))).toEqual([]);
  });
});
