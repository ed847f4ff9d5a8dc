/**
 * compact.ts on a real Pagefind index of three pages: page names become one tag and a sequence number, the
 * fragments follow them, word counts become their mean, everything else in the metadata stays as Pagefind wrote it; an index laid out otherwise
 * (fragments bundled into groups) is left alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { compactPagefind, type IndexFiles } from '../../src/lib/search/compact.ts';
import { tempFolder } from './helpers.ts';

const PAGES = { a: '哈尔滨鑫源建筑工程有限公司 食品经营许可 行政处罚 罚款', b: '道里区康泰药房', c: '哈尔滨市道里区图书馆' };

/** A real index of the three pages, as the search stage takes it from Pagefind: its files in memory. */
async function indexOf(options: Record<string, unknown> = {}): Promise<IndexFiles> {
  const dir = tempFolder('credit-compact-');
  mkdirSync(join(dir, 'in'));
  for (const [id, name] of Object.entries(PAGES)) {
    writeFileSync(join(dir, 'in', `${id}.html`), `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>${name}</h1></main></body></html>`);
  }
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn', ...options });
  await index!.addDirectory({ path: join(dir, 'in') });
  const { files } = await index!.getFiles();
  return new Map(files.map((f) => [f.path, f.content]));
}
const entryOf = (files: IndexFiles) => JSON.parse(Buffer.from(files.get('pagefind-entry.json')!).toString('utf8'));
const metaOf = (files: IndexFiles) => {
  const raw = gunzipSync(files.get(`pagefind.${entryOf(files).languages['zh-cn'].hash}.pf_meta`)!);
  expect(raw.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return decode(raw.subarray(12)) as [string, [string, number, string][], ...unknown[]];
};
const fragments = (files: IndexFiles) => [...files.keys()].filter((p) => p.startsWith('fragment/')).map((p) => p.slice('fragment/'.length)).sort();

describe('compactPagefind', () => {
  afterAll(() => pagefind.close());

  it('renames every page to tag-n, with its fragment, gives every page the mean word count, and changes nothing else', { timeout: 60_000 }, async () => {
    const files = await indexOf();
    const before = metaOf(files);
    const oldHash: string = entryOf(files).languages['zh-cn'].hash;
    const fragmentBytes = new Map(before[1].map(([h]) => [h, files.get(`fragment/${h}.pf_fragment`)]));

    const result = compactPagefind(files);
    expect(result).toMatchObject({ pages: 3 });

    const after = metaOf(files);
    const tag = oldHash.slice('zh-cn_'.length, 'zh-cn_'.length + 7);
    expect(after[1].map(([h]) => h)).toEqual([`${tag}-0`, `${tag}-1`, `${tag}-2`]);
    // The pages were of different lengths; each now counts their mean.
    const counts = before[1].map(([, n]) => n);
    expect(new Set(counts).size).toBeGreaterThan(1);
    const mean = Math.round((counts[0]! + counts[1]! + counts[2]!) / 3);
    expect(after[1].map(([, n, g]) => [n, g])).toEqual([[mean, ''], [mean, ''], [mean, '']]);
    expect(after[0]).toBe(before[0]);
    expect(after.slice(2)).toEqual(before.slice(2));
    // Each fragment kept its bytes under its new name; the old names are gone, and so is the old metadata.
    expect(fragments(files)).toEqual([`${tag}-0.pf_fragment`, `${tag}-1.pf_fragment`, `${tag}-2.pf_fragment`]);
    before[1].forEach(([h], i) => expect(files.get(`fragment/${tag}-${i}.pf_fragment`)).toEqual(fragmentBytes.get(h)));
    expect(files.has(`pagefind.${oldHash}.pf_meta`)).toBe(false);
    expect(entryOf(files).languages['zh-cn'].hash).not.toBe(oldHash);
    expect(entryOf(files).languages['zh-cn'].page_count).toBe(3);
  });

  it('leaves an index whose fragments are bundled into groups as Pagefind wrote it, and says why', { timeout: 60_000 }, async () => {
    const files = await indexOf({ maxFragments: 1 });
    const before = new Map(files);
    const result = compactPagefind(files);
    expect(result).toEqual({ skipped: expect.stringContaining('a page that is not [hash, word count, ""]') });
    expect(files).toEqual(before);
  });
});
