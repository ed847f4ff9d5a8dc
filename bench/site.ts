/**
 * What the built site weighs and how fast a first search is, measured in Debian's Chromium against
 * dist/ served locally. Used by bench/run.ts; prints Markdown.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, DIST, serveDist } from '../scripts/serve-dist.ts';


const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The files a page loads without a search: its HTML, linked CSS and scripts. */
function pageWeight(path: string) {
  const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]!);
  const parts = { html: Buffer.from(html), css: Buffer.alloc(0), js: Buffer.alloc(0) };
  for (const ref of refs) {
    const body = readFileSync(join(DIST, ref));
    if (ref.endsWith('.css')) parts.css = Buffer.concat([parts.css, body]);
    else parts.js = Buffer.concat([parts.js, body]);
  }
  const gz = (b: Buffer) => (b.length ? gzipSync(b, { level: 9 }).length : 0);
  const br = (b: Buffer) => (b.length ? brotliCompressSync(b).length : 0);
  return { raw: parts.html.length + parts.css.length + parts.js.length, html: gz(parts.html), css: gz(parts.css), js: gz(parts.js), br: br(parts.html) + br(parts.css) + br(parts.js) };
}

export async function siteBench(samples: Record<string, string>, query: string): Promise<string> {
  const lines = ['| page | uncompressed | HTML (gzip) | CSS (gzip) | JS (gzip) | total gzip | total brotli |', '|---|---|---|---|---|---|---|'];
  for (const [name, path] of Object.entries(samples)) {
    const w = pageWeight(path);
    lines.push(`| ${name} (\`${path}\`) | ${kb(w.raw)} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.html + w.css + w.js)} | ${kb(w.br)} |`);
  }
  const pfDir = join(DIST, 'pagefind');
  const pfFiles = readdirSync(pfDir, { recursive: true }).map(String).filter((f) => statSync(join(pfDir, f)).isFile());
  const pfBytes = pfFiles.reduce((n, f) => n + statSync(join(pfDir, f)).size, 0);

  const { server, base } = await serveDist();
  const browser = await chromium.launch(CHROMIUM);
  const runs: { ms: number; cold: number; bytes: number; requests: number }[] = [];
  for (let i = 0; i < 5; i++) {
    // Cold: a link to /search/?q=… opened in a fresh context, from navigation to the first result.
    const coldCtx = await browser.newContext();
    const coldPage = await coldCtx.newPage();
    const c0 = Date.now();
    await coldPage.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
    await coldPage.locator('#results li').first().waitFor();
    const cold = Date.now() - c0;
    await coldCtx.close();
    // Typed: the search page is open, the visitor types and presses 查询.
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('response', async (res) => {
      if (!res.url().includes('/pagefind/')) return;
      requests++;
      bytes += (await res.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${base}/search/`);
    await page.waitForLoadState('networkidle');
    const t0 = Date.now();
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#results li').first().waitFor();
    runs.push({ ms: Date.now() - t0, cold, bytes, requests });
    await context.close();
  }
  await browser.close();
  server.close();
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
  const median = { ms: med(runs.map((r) => r.ms)), cold: med(runs.map((r) => r.cold)), bytes: med(runs.map((r) => r.bytes)), requests: med(runs.map((r) => r.requests)) };
  lines.push('', `Search index: ${pfFiles.length} files, ${kb(pfBytes)} on disk in all.`,
    `First search for “${query}”, median of 5 runs, each in a fresh browser context over loopback:`,
    `- typed on the open search page (from clicking 查询 to the first result shown): ${median.ms} ms;`,
    `- opened as a link to /search/?q=… (from navigation to the first result shown): ${median.cold} ms;`,
    `- Pagefind files fetched from opening the page to the first results: ${median.requests}, ${kb(median.bytes)} uncompressed (pagefind.js, WebAssembly, pf_meta, index chunks, 20 result fragments).`);
  return lines.join('\n');
}
