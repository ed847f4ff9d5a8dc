import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import { paginate } from '../../src/lib/view/paginate.ts';
import { SECTION_FULL, SECTION_PAGE, newestFirst, sectionPageCount, sectionUrl } from '../../src/lib/view/sections.ts';

const penalty = (id: string, decisionDate: string) => ({ kind: 'penalty', id, decisionDate } as unknown as PublishedRecord);

describe('sections of a credit file', () => {
  it('shows a section whole up to 30 records, and past that gives it pages of 100', () => {
    expect([SECTION_FULL, SECTION_PAGE]).toEqual([30, 100]);
    expect(sectionPageCount(0)).toBe(0);
    expect(sectionPageCount(30)).toBe(0);
    expect(sectionPageCount(31)).toBe(1);
    expect(sectionPageCount(100)).toBe(1);
    expect(sectionPageCount(101)).toBe(2);
    expect(sectionPageCount(250)).toBe(3);
  });
  it('puts the newest first, and a day’s records in id order whatever order they came in', () => {
    const list = [penalty('cf-b', '2025-01-02'), penalty('cf-c', '2026-03-01'), penalty('cf-a', '2025-01-02')];
    expect(newestFirst(list).map((r) => r.id)).toEqual(['cf-c', 'cf-a', 'cf-b']);
    expect(newestFirst([...list].reverse()).map((r) => r.id)).toEqual(['cf-c', 'cf-a', 'cf-b']);
  });
  it('addresses a section’s pages under the subject, the first without a number', () => {
    expect(sectionUrl('91230102MA1234567X', 'penalty')).toBe('/subject/91230102MA1234567X/penalty/');
    const pages = paginate(Array.from({ length: 150 }, (_, i) => i), SECTION_PAGE, sectionUrl('91230102MA1234567X', 'license'));
    expect(pages[1]!.url.current).toBe('/subject/91230102MA1234567X/license/2/');
  });
});
