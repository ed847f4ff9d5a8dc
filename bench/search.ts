/**
 * Search as a reader uses it, in Chromium against a built dist/: the time from submitting a query to results
 * shown, and the bytes the search fetched (Pagefind's script, WebAssembly, metadata, index chunks and
 * fragments, and the static lookups).
 *   - cold: a fresh browser profile opens /search/, the page preloads Pagefind while the reader types, then a
 *     name fragment is submitted; bytes are everything the search fetched from opening the page to results;
 *   - later: further name fragments in the same page (median);
 *   - code: an exact 统一社会信用代码 (one lookup request, then the subject's page opens; bytes of that request);
 *   - 文号: a record's number typed with [] instead of 〔〕, which must come first.
 * Each query also checks that its subject (or record) is among the results shown.
 * dist/ is served by a process of its own (serveDistApart), as a host is, not from this one's thread.
 *
 *   node bench/search.ts [--dist dist] [--data content/data] [--queries 8]
 */
import { chromium, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readAllNdjson } from '../src/lib/ndjson.ts';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { namePinyin } from '../src/lib/search/pinyin.ts';
import { CHROMIUM, serveDistApart } from '../scripts/serve-dist.ts';

/** One search: what was asked, for which subject, how long and how much it took, whether that subject was shown, and what the page said (how many it found). */
export interface SearchRun { query: string; what: string; ms: number; bytes: number; found: boolean; status?: string }
export interface SearchBench { cold: SearchRun; later: SearchRun[]; pinyin: SearchRun; code: SearchRun; docNo: SearchRun; indexBytes: number; pages: number }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)] ?? NaN; };
export const medianMs = (runs: SearchRun[]) => median(runs.map((r) => r.ms));

/**
 * What a reader types of a name: the name without its place (哈尔滨市道里区…) and its company form (…有限公司), at
 * most eight characters: the trade name and trade (鑫源恒泰建筑工程). Four characters of trade name alone are
 * shared by a hundred synthetic companies at 100,000 subjects, so the one meant would rarely be among those shown.
 */
export function fragment(name: string): string {
  const core = name.replace(/^(黑龙江省?)?(哈尔滨市?)?(道里区)?/, '').replace(/[（(].*$/, '').replace(/(股份)?有限(责任)?公司.*$|(分公司|合作社|商行|经营部|店)$/, '');
  return (core.length >= 4 ? core : name.replace(/^(哈尔滨市?)?(道里区)?/, '')).slice(0, 8);
}

export async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __t: { submit?: number; done?: number } };
    w.__t = {};
    document.addEventListener('submit', () => { w.__t = { submit: performance.now() }; }, true);
    const status = document.getElementById('search-status')!;
    new MutationObserver(() => {
      if (w.__t.submit !== undefined && w.__t.done === undefined && /找到|没有找到|完全匹配/.test(status.textContent ?? '')) w.__t.done = performance.now();
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

export async function submit(page: Page, query: string): Promise<number> {
  const box = page.locator('form[role=search] input[name=q]');
  await box.fill(query);
  await box.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __t: { done?: number } }).__t.done !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => { const t = (window as unknown as { __t: { submit: number; done: number } }).__t; return t.done - t.submit; });
}

/**
 * Once the first results are shown (what submit times), the page goes on showing the rest of the first page; what
 * was found is read when it has (the results list is busy until then). Waiting for the network to be idle, as this
 * did, returned at once: that had happened when the page loaded, so later results were not yet shown, and a subject
 * among them was counted as not found.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('#results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 60_000 });
}

export async function benchSearch(dist: string, data: string, queries = 8): Promise<SearchBench> {
  const subjects = await readAllNdjson<Subject>(join(data, 'subjects.ndjson'));
  const records = await readAllNdjson<PublishedRecord>(join(data, 'records.ndjson'));
  const companies = subjects.filter((s) => s.category === '法人及非法人组织' && s.codes.uscc && s.name.length >= 8);
  const pick = (i: number) => companies[Math.floor(((i + 0.5) * companies.length) / (queries + 3))]!;
  const server = await serveDistApart(dist);
  const { base } = server;
  const browser = await chromium.launch(CHROMIUM);
  try {
    const fresh = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      let lookupBytes = 0;
      page.on('requestfinished', (req) => {
        if (/\/(pagefind|codes|docno)\//.test(req.url())) void req.sizes().then((s) => { bytes += s.responseBodySize + s.responseHeadersSize; }, () => {});
        if (/\/(codes|docno)\//.test(req.url())) void req.sizes().then((s) => { lookupBytes += s.responseBodySize + s.responseHeadersSize; }, () => {});
      });
      await page.goto(`${base}/search/`);
      await page.waitForLoadState('networkidle');
      await instrument(page);
      return { page, context, bytes: () => bytes, lookupBytes: () => lookupBytes };
    };
    const shown = (page: Page, id: string) => page.locator(`#results a[href="/subject/${id}/"], #results a[href="/record/${id}/"]`).count().then((n) => n > 0);

    // Cold: a fresh profile, the first search.
    const first = pick(0);
    const cold = await fresh();
    const coldMs = await submit(cold.page, fragment(first.name));
    await settled(cold.page);
    const coldRun: SearchRun = { query: fragment(first.name), what: first.name, ms: coldMs, bytes: cold.bytes(), found: await shown(cold.page, first.id) };
    const later: SearchRun[] = [];
    for (let i = 1; i < queries; i++) {
      const s = pick(i);
      const before = cold.bytes();
      const ms = await submit(cold.page, fragment(s.name));
      await settled(cold.page);
      later.push({ query: fragment(s.name), what: s.name, ms, bytes: cold.bytes() - before, found: await shown(cold.page, s.id) });
    }
    const py = pick(queries);
    const initials = namePinyin(py.name).initials;
    const beforePy = cold.bytes();
    const pyMs = await submit(cold.page, initials);
    await settled(cold.page);
    const pinyin: SearchRun = { query: initials, what: py.name, ms: pyMs, bytes: cold.bytes() - beforePy, found: await shown(cold.page, py.id) };
    await cold.context.close();

    // An exact code: the subject's page opens.
    const c = pick(queries + 1);
    const codePage = await fresh();
    const t0 = Date.now();
    const box = codePage.page.locator('form[role=search] input[name=q]');
    await box.fill(c.codes.uscc!);
    await box.press('Enter');
    await codePage.page.waitForURL(`**/subject/${c.id}/`, { timeout: 60_000 });
    const code: SearchRun = { query: c.codes.uscc!, what: c.name, ms: Date.now() - t0, bytes: codePage.lookupBytes(), found: true };
    await codePage.context.close();

    // A 文号 typed with [] instead of 〔〕.
    const r = records.find((x, i) => i >= records.length / 2 && x.docNo && /〔\d{4}〕/.test(x.docNo)) ?? records.find((x) => x.docNo)!;
    const typed = r.docNo!.replace('〔', '[').replace('〕', ']');
    const dn = await fresh();
    const dnMs = await submit(dn.page, typed);
    const firstLink = await dn.page.locator('#results li a').first().getAttribute('href');
    const docNo: SearchRun = { query: typed, what: r.id, ms: dnMs, bytes: dn.bytes(), found: firstLink === `/record/${r.id}/` };
    await dn.context.close();

    let indexBytes = 0;
    const { readdirSync, statSync } = await import('node:fs');
    const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else indexBytes += statSync(p).size; } };
    for (const d of ['pagefind', 'codes', 'docno']) walk(join(dist, d));
    return { cold: coldRun, later, pinyin, code, docNo, indexBytes, pages: subjects.length };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, data: { type: 'string', default: 'content/data' }, queries: { type: 'string', default: '8' } } });
  const result = await benchSearch(resolve(values.dist), resolve(values.data), Number(values.queries));
  console.log(JSON.stringify(result, null, 2));
  console.log(`cold ${result.cold.ms.toFixed(0)} ms ${(result.cold.bytes / 1024).toFixed(0)} KB; later median ${medianMs(result.later).toFixed(0)} ms; pinyin ${result.pinyin.ms.toFixed(0)} ms; code ${result.code.ms} ms ${(result.code.bytes / 1024).toFixed(1)} KB; 文号 ${result.docNo.ms.toFixed(0)} ms found first: ${result.docNo.found}`);
}
