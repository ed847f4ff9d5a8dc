/**
 * merge.ts against Pagefind itself: two indexes made by Pagefind over two halves of a set of pages, merged, hold the
 * same words on the same pages at the same locations, and the same filters, as Pagefind's one index over all of
 * them; one index merged alone gives back Pagefind's own index chunks and filters byte for byte, its chunk bounds
 * included; an index laid out in a way merge.ts does not know is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactPagefind, type IndexFiles } from '../../src/lib/search/compact.ts';
import { byUtf8, mergePagefind } from '../../src/lib/search/merge.ts';
import { tempFolder } from './helpers.ts';

const CHARS = '哈尔滨道里区鑫源恒泰建筑工程有限公司康药房图书馆食品经营许可行政处罚罚款顾乡安和兆麟金酒店管理责任';
/** 1,200 pages in two folders, each with a name of Chinese words, a code, a title as metadata and two filters. */
function writePages(dir: string, sort = false): void {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < 1200; i++) {
    const words = Array.from({ length: 12 }, () => Array.from({ length: 2 + (next() % 3) }, () => CHARS[next() % CHARS.length]).join(''));
    const folder = join(dir, i < 600 ? 'a' : 'b');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `p${i}.html`), `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body>`
      + `<h1 data-pagefind-weight="10">${words.slice(0, 4).join(' ')}</h1><p>${words.slice(4).join(' ')} c${(i * 7919).toString(36)} zz${i % 97}</p>`
      + `<i data-pagefind-meta="title:${words[0]}${i}"></i><i data-pagefind-filter="kind:k${i % 3}"></i><i data-pagefind-filter="region:${i < 600 ? '南岗区' : '香坊区'}"></i>`
      + (sort ? `<i data-pagefind-sort="n:${i}"></i>` : '') + '</main></body></html>');
  }
}

async function indexOf(dir: string, glob?: string): Promise<IndexFiles> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  const added = await index!.addDirectory(glob ? { path: dir, glob } : { path: dir });
  expect(added.errors).toEqual([]);
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  const out: IndexFiles = new Map(files.map((f) => [f.path, f.content]));
  expect(compactPagefind(out)).not.toHaveProperty('skipped');
  return out;
}

const body = (bytes: Uint8Array) => {
  const raw = gunzipSync(bytes);
  expect(raw.subarray(0, 12).toString('latin1')).toBe('pagefind_dcd');
  return raw.subarray(12);
};
const metaOf = (files: IndexFiles) => {
  const entry = JSON.parse(Buffer.from(files.get('pagefind-entry.json')!).toString('utf8'));
  return decode(body(files.get(`pagefind.${entry.languages['zh-cn'].hash}.pf_meta`)!)) as [string, [string, number, string][], [string, string, string][], [string, string][], unknown[], string[]];
};

/** What an index says, by page address: every word's pages with their locations, every filter value's pages. */
function contentOf(files: IndexFiles) {
  const meta = metaOf(files);
  const urls = meta[1].map(([name]) => (JSON.parse(body(files.get(`fragment/${name}.pf_fragment`)!).toString('utf8')) as { url: string }).url);
  const words: Record<string, string[]> = {};
  for (const [, , hash] of meta[2]) {
    const [list] = decode(body(files.get(`index/${hash}.pf_index`)!)) as [[string, [number, number[], number[]][], unknown[]][]];
    for (const [word, pages] of list) {
      let page = 0;
      words[word] = pages.map(([delta, locs, metaLocs]) => { page += Number(delta); return `${urls[page]} ${locs.join(',')} ${metaLocs.join(',')}`; }).sort();
    }
  }
  const filters: Record<string, Record<string, string[]>> = {};
  for (const [name, hash] of meta[3]) {
    const [, values] = decode(body(files.get(`filter/${hash}.pf_filter`)!)) as [string, [string, number[]][]];
    filters[name] = Object.fromEntries(values.map(([value, pages]) => [value, pages.map((p) => urls[Number(p)]!).sort()]));
  }
  return { version: meta[0], pages: [...urls].sort(), words, filters, fields: meta[5], sorts: meta[4] };
}

describe('mergePagefind', () => {
  const dir = tempFolder('credit-merge-');
  let all: IndexFiles;
  let halves: IndexFiles[];
  beforeAll(async () => {
    writePages(dir);
    all = await indexOf(dir);
    halves = [await indexOf(dir, 'a/**/*.html'), await indexOf(dir, 'b/**/*.html')];
  }, 120_000);
  afterAll(() => pagefind.close());

  it('merges two halves into what Pagefind makes of all the pages at once', () => {
    const merged = mergePagefind(halves);
    const want = contentOf(all);
    const got = contentOf(merged);
    // The fixture is what it should be: both halves, several index chunks, metadata words.
    expect(want.pages).toHaveLength(1200);
    expect(metaOf(all)[2].length).toBeGreaterThan(2);
    expect(Object.keys(want.words).length).toBeGreaterThan(1000);
    expect(got).toEqual(want);
    // Pages of the first half, then the second's; every fragment is there; one word count for all (compact.ts).
    const pages = metaOf(merged)[1];
    expect(pages.map(([name]) => name)).toEqual([...metaOf(halves[0]!)[1], ...metaOf(halves[1]!)[1]].map(([name]) => name));
    for (const [name] of pages) expect(merged.has(`fragment/${name}.pf_fragment`)).toBe(true);
    expect(new Set(pages.map(([, count]) => count)).size).toBe(1);
    expect(JSON.parse(Buffer.from(merged.get('pagefind-entry.json')!).toString('utf8')).languages['zh-cn'].page_count).toBe(1200);
    // Pagefind's scripts come along.
    expect(merged.has('pagefind.js')).toBe(true);
  });

  it('gives back Pagefind’s own chunks, bounds and filters when one index is merged alone', () => {
    const merged = mergePagefind([all]);
    const raw = (files: IndexFiles, dirName: string) => [...files].filter(([p]) => p.startsWith(`${dirName}/`)).map(([, b]) => body(b).toString('base64')).sort();
    expect(raw(all, 'index').length).toBeGreaterThan(2);
    expect(raw(merged, 'index')).toEqual(raw(all, 'index'));
    expect(raw(merged, 'filter')).toEqual(raw(all, 'filter'));
    expect(metaOf(merged)[2].map(([from, to]) => [from, to])).toEqual(metaOf(all)[2].map(([from, to]) => [from, to]));
    expect(metaOf(merged)[1]).toEqual(metaOf(all)[1]);
  });

  it('sorts words in UTF-8 byte order, as Pagefind does, also where UTF-16 orders them otherwise', () => {
    // UTF-8: a 61, 哈 E5…, U+E000 EE…, ｡ EF…, 𠀀 F0…; UTF-16 puts 𠀀 (D840 DC00) before U+E000.
    const expected = ['a', '哈', '\ue000', '｡', '𠀀', '𠀀a'];
    expect(['𠀀a', '｡', '𠀀', '\ue000', 'a', '哈'].sort(byUtf8)).toEqual(expected);
  });

  it('refuses indexes it does not know how to merge, saying why', async () => {
    const sorted = tempFolder('credit-merge-sort-');
    writePages(sorted, true);
    const withSort = await indexOf(sorted, 'a/**/*.html');
    expect(() => mergePagefind([withSort, halves[1]!])).toThrow(/排序（sort）/);
    // The same index twice: the same fragments in both.
    expect(() => mergePagefind([halves[0]!, halves[0]!])).toThrow(/片段 .* 在两个索引里都有/);
    expect(() => mergePagefind([])).toThrow(/没有可合并的索引/);
  }, 60_000);
});
