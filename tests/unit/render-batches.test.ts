/**
 * The entity renderer renders several pages in one call of the container, so the pages of one call share a request:
 * they must be under the same menu entry, which is all the layout reads of a page's address.
 */
import { describe, expect, it } from 'vitest';
import { batches, type RenderJob } from '../../scripts/render-worker.ts';
import { currentNav } from '../../src/lib/view/nav.ts';

describe('currentNav', () => {
  it('marks home only on the home page, and every other entry on the pages below it', () => {
    expect(currentNav('/')).toBe('/');
    expect(currentNav('/lists/black/')).toBe('/lists/black/');
    expect(currentNav('/lists/black/2024/3/')).toBe('/lists/black/');
    expect(currentNav('/search/')).toBe('/search/');
  });
  it('marks nothing on a credit file, a permalink or an authority', () => {
    expect(currentNav('/subject/91230102MA1234567X/')).toBeUndefined();
    expect(currentNav('/record/cf-0123456789ab/')).toBeUndefined();
    expect(currentNav('/authority/')).toBeUndefined();
  });
});

describe('batches', () => {
  const job = (component: RenderJob['component'], path: string): RenderJob => ({ component, path, props: {} });
  it('puts together only pages of one component under one menu entry, in their order, so many at most', () => {
    const r1 = job('RecordPage', 'record/a/index.html');
    const s1 = job('SubjectPage', 'subject/x/index.html');
    const r2 = job('RecordPage', 'record/b/index.html');
    const black1 = job('ListPage', 'lists/black/index.html');
    const red1 = job('ListPage', 'lists/red/index.html');
    const r3 = job('RecordPage', 'record/c/index.html');
    const black2 = job('ListPage', 'lists/black/2/index.html');
    expect(batches([r1, s1, r2, black1, red1, r3, black2], 2)).toEqual([[r1, r2], [r3], [s1], [black1, black2], [red1]]);
  });
});
