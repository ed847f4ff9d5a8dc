/**
 * compact.ts on a real Pagefind index of three pages: page names become one tag and a sequence number, the
 * fragments follow them, word counts become their mean, everything else in the metadata stays as Pagefind wrote it; an index laid out otherwise
 * (fragments bundled into groups) is left alone.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { compactPagefind } from '../../src/lib/search/compact.ts';

const PAGES = { a: '哈尔滨鑫源建筑工程有限公司 食品经营许可 行政处罚 罚款', b: '道里区康泰药房', c: '哈尔滨市道里区图书馆' };

async function indexOf(options: Record<string, unknown> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'credit-compact-'));
  mkdirSync(join(dir, 'in'));
  for (const [id, name] of Object.entries(PAGES)) {
    writeFileSync(join(dir, 'in', `${id}.html`), `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>${name}</h1></main></body></html>`);
  }
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn', ...options });
  await index!.addDirectory({ path: join(dir, 'in') });
  await index!.writeFiles({ outputPath: join(dir, 'out') });
  return join(dir, 'out');
}
const entryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
const metaOf = (dir: string) => {
  const raw = gunzipSync(readFileSync(join(dir, `pagefind.${entryOf(dir).languages['zh-cn'].hash}.pf_meta`)));
  expect(raw.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return decode(raw.subarray(12)) as [string, [string, number, string][], ...unknown[]];
};
const fragments = (dir: string) => readdirSync(join(dir, 'fragment')).sort();

describe('compactPagefind', () => {
  afterAll(() => pagefind.close());

  it('renames every page to tag-n, with its fragment, gives every page the mean word count, and changes nothing else', { timeout: 60_000 }, async () => {
    const dir = await indexOf();
    const before = metaOf(dir);
    const oldHash: string = entryOf(dir).languages['zh-cn'].hash;
    const fragmentBytes = new Map(before[1].map(([h]) => [h, readFileSync(join(dir, 'fragment', `${h}.pf_fragment`))]));

    const result = compactPagefind(dir);
    expect(result).toMatchObject({ pages: 3 });

    const after = metaOf(dir);
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
    expect(fragments(dir)).toEqual([`${tag}-0.pf_fragment`, `${tag}-1.pf_fragment`, `${tag}-2.pf_fragment`]);
    before[1].forEach(([h], i) => expect(readFileSync(join(dir, 'fragment', `${tag}-${i}.pf_fragment`))).toEqual(fragmentBytes.get(h)));
    expect(existsSync(join(dir, `pagefind.${oldHash}.pf_meta`))).toBe(false);
    expect(entryOf(dir).languages['zh-cn'].hash).not.toBe(oldHash);
    expect(entryOf(dir).languages['zh-cn'].page_count).toBe(3);
  });

  it('leaves an index whose fragments are bundled into groups as Pagefind wrote it, and says why', { timeout: 60_000 }, async () => {
    const dir = await indexOf({ maxFragments: 1 });
    const entry = readFileSync(join(dir, 'pagefind-entry.json'), 'utf8');
    const files = fragments(dir);
    const result = compactPagefind(dir);
    expect(result).toEqual({ skipped: expect.stringContaining('a page that is not [hash, word count, ""]') });
    expect(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')).toBe(entry);
    expect(fragments(dir)).toEqual(files);
  });
});
