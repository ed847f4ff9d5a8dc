/**
 * Pages of a list, shaped as Astro's paginate() shapes them (the components take Astro's Page), for the lists
 * rendered outside Astro's page pipeline (scripts/render-entities.ts): `base` is the first page's address
 * (/lists/penalty/), the others are base + n + '/'.
 */
import type { Page } from 'astro';

/** The address of page `n` of a list whose first page is at `base`. */
export const pageUrl = (base: string, n: number) => (n === 1 ? base : `${base}${n}/`);

export function paginate<T>(data: T[], pageSize: number, base: string): Page<T>[] {
  const lastPage = Math.max(1, Math.ceil(data.length / pageSize));
  const url = (n: number) => pageUrl(base, n);
  return Array.from({ length: lastPage }, (_, i) => {
    const n = i + 1;
    const start = i * pageSize;
    const end = Math.min(start + pageSize, data.length);
    return {
      data: data.slice(start, end), start, end: end - 1, size: pageSize, total: data.length, currentPage: n, lastPage,
      url: {
        current: url(n), next: n === lastPage ? undefined : url(n + 1), prev: n === 1 ? undefined : url(n - 1),
        first: n === 1 ? undefined : url(1), last: n === lastPage ? undefined : url(lastPage),
      },
    } as Page<T>;
  });
}

/** The file a page's address is written to under dist/. */
export const fileOf = (url: string) => `${url.replace(/^\//, '')}index.html`;
