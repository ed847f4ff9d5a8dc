/**
 * The entity stage run twice, as a second `npm run build` runs it: only the pages whose content changed are written
 * again, pages that no longer exist are removed (a record gone, and with it a year's list), and the rest keep their
 * files untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'credit-entities-'));
/** Inside the checkout: the compiled components import Astro from its node_modules. */
const CACHE = join(ROOT, '.cache', `test-render-entities-${process.pid}`);
const SAMPLE = join(DIR, 'sample');
const DIST = join(DIR, 'dist');
afterAll(() => { for (const dir of [CACHE, DIR]) rmSync(dir, { recursive: true, force: true }); });

const lines = (file: string) => readFileSync(join(SAMPLE, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
const render = (...extra: string[]) => spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/render-entities.ts',
  '--data', join(DIR, 'data'), '--dist', DIST, '--site', join(DIR, 'site'), '--cache', CACHE, ...extra], { cwd: ROOT, encoding: 'utf8' });
const write = (subjects: unknown[], records: unknown[]) => {
  mkdirSync(join(DIR, 'data'), { recursive: true });
  writeFileSync(join(DIR, 'data/subjects.ndjson'), subjects.map((s) => `${JSON.stringify(s)}\n`).join(''));
  writeFileSync(join(DIR, 'data/records.ndjson'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
};
const counts = (stderr: string) => /rendered (\d+), unchanged (\d+), removed (\d+)/.exec(stderr)!.slice(1).map(Number);

describe('render-entities, a second time', () => {
  it('writes only what changed, removes what is gone, and leaves the rest untouched', { timeout: 180_000 }, () => {
    const ingest = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/ingest/cli.ts', '--no-cache', '--out', SAMPLE, '--today', '2026-11-22'], { cwd: ROOT, encoding: 'utf8' });
    expect(ingest.status, ingest.stderr).toBe(0);
    mkdirSync(join(DIR, 'site'));
    writeFileSync(join(DIR, 'site/404.html'), '<html><head><link rel="stylesheet" href="/_astro/test.css"></head><body></body></html>');
    // 150 subjects, and a penalty moved to a year no other penalty of theirs has, while its subject has other
    // records and its authority other penalties (so that only its permalink, its year's list and its month's page go).
    const subjects = lines('subjects.ndjson').slice(0, 150);
    const ids = new Set(subjects.map((s) => s.id));
    const records = lines('records.ndjson').filter((r) => ids.has(r.subjectId));
    const penalties = records.filter((r) => r.kind === 'penalty');
    // More than a first page's 50, so that the penalty list is paged by month; no authority has that many here.
    expect(penalties.length).toBeGreaterThan(50);
    const lone = penalties.find((r) => records.some((x) => x.subjectId === r.subjectId && x.id !== r.id)
      && penalties.some((x) => x.authority === r.authority && x.id !== r.id))!;
    expect(lone).toBeDefined();
    const year = ['2019', '2020', '2021', '2022'].find((y) => !penalties.some((x) => x.decisionDate.startsWith(y)))!;
    expect(year).toBeDefined();
    lone.decisionDate = `${year}-03-15`;
    write(subjects, records);

    const first = render();
    expect(first.status, first.stderr).toBe(0);
    const [rendered, unchanged, removed] = counts(first.stderr);
    expect([unchanged, removed]).toEqual([0, 0]);
    const yearList = join(DIST, `lists/penalty/year/${year}/index.html`);
    const monthList = join(DIST, `lists/penalty/month/${year}-03/index.html`);
    const permalink = join(DIST, `record/${lone.id}/index.html`);
    expect(existsSync(yearList) && existsSync(monthList) && existsSync(permalink)).toBe(true);
    // The header and footer are rendered once per menu entry and reused (render-worker.ts chromeOf): a list page
    // marks its own entry, a permalink none, and every page under one entry carries the same header.
    const header = (file: string) => { const html = readFileSync(file, 'utf8'); return html.slice(html.indexOf('<header'), html.indexOf('</header>')); };
    expect(header(join(DIST, 'lists/penalty/index.html'))).toContain('<a href="/lists/penalty/" aria-current="page">行政处罚</a>');
    expect(header(yearList)).toBe(header(join(DIST, 'lists/penalty/index.html')));
    expect(header(permalink)).not.toContain('aria-current="page"');
    expect(header(join(DIST, `subject/${lone.subjectId}/index.html`))).toBe(header(permalink));
    expect(readFileSync(permalink, 'utf8')).toContain('<footer');
    const untouched = join(DIST, `record/${records.find((r) => r.subjectId !== lone.subjectId)!.id}/index.html`);
    const before = statSync(untouched).mtimeMs;

    // Nothing changed: nothing is read or written; the stage stands as its last run left it.
    const again = render();
    expect(counts(again.stderr)).toEqual([0, rendered, 0]);
    expect(again.stderr).toContain('as the last run left them');
    // The same data written again (another time on its files): every page's inputs are compared, none changed.
    write(subjects, records);
    const rewritten = render();
    expect(counts(rewritten.stderr)).toEqual([0, rendered, 0]);
    expect(rewritten.stderr).not.toContain('as the last run left them');
    expect(statSync(untouched).mtimeMs).toBe(before);

    // A page whose hash is unchanged but whose folder went from dist/ is written again, and only it.
    const other = records.find((r) => r.subjectId !== lone.subjectId && !untouched.includes(r.id))!;
    rmSync(join(DIST, `record/${other.id}`), { recursive: true });
    const restored = render();
    expect(counts(restored.stderr)).toEqual([1, rendered! - 1, 0]);
    expect(existsSync(join(DIST, `record/${other.id}/index.html`))).toBe(true);

    // A record corrected at its source (its 文号 here): the list pages that show it are written again with it, as
    // are its permalink and credit file. List pages are hashed by the lines of the records they show.
    // The newest such penalty: on the list's first page (its newest 50), its year's and its month's.
    const corrected = records.filter((r) => r.id !== lone.id && r.docNo && r.kind === 'penalty')
      .sort((a, b) => (a.decisionDate < b.decisionDate ? 1 : -1))[0]!;
    expect(corrected).toBeDefined();
    const showing = (text: string) => (readdirSync(join(DIST, 'lists'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.html') && readFileSync(join(DIST, 'lists', f), 'utf8').includes(text)).sort();
    const listed = showing(corrected.docNo);
    expect(listed).toEqual(expect.arrayContaining(['penalty/index.html', `penalty/month/${corrected.decisionDate.slice(0, 7)}/index.html`]));
    const docNo = '哈道测更〔2026〕4321号';
    write(subjects, records.map((r) => (r.id === corrected.id ? { ...r, docNo } : r)));
    const fixed = render();
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(showing(docNo)).toEqual(listed);
    expect(readFileSync(join(DIST, `record/${corrected.id}/index.html`), 'utf8')).toContain(docNo);
    expect(counts(fixed.stderr)[0]).toBeLessThan(rendered! / 4);

    // The lone penalty is gone (repaired, say): its permalink, its year's list and its month's page go; its subject's
    // page, the penalty lists and the lists that counted it are written again; other permalinks stay as they were.
    write(subjects, records.filter((r) => r.id !== lone.id));
    const third = render();
    expect(third.status, third.stderr).toBe(0);
    const [rerendered, , gone] = counts(third.stderr);
    expect(gone).toBe(3);
    expect(existsSync(permalink)).toBe(false);
    expect(existsSync(yearList)).toBe(false);
    expect(existsSync(monthList)).toBe(false);
    expect(rerendered).toBeGreaterThan(0);
    expect(rerendered).toBeLessThan(rendered! / 4);
    expect(readFileSync(join(DIST, `subject/${lone.subjectId}/index.html`), 'utf8')).not.toContain(lone.id);
    expect(statSync(untouched).mtimeMs).toBe(before);

    // The district renamed in its configuration: its name is on every page (the header, the title), which the
    // components read when they run, so every page is written again.
    const renamed = join(DIR, 'district.yaml');
    const yaml = readFileSync(join(ROOT, 'district.yaml'), 'utf8');
    expect(yaml).toMatch(/^  name: 信用道里$/m);
    writeFileSync(renamed, yaml.replace(/^  name: 信用道里$/m, '  name: 信用道里（更名测试）'));
    const rename = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/render-entities.ts',
      '--data', join(DIR, 'data'), '--dist', DIST, '--site', join(DIR, 'site'), '--cache', CACHE],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CREDIT_CONFIG: renamed } });
    expect(rename.status, rename.stderr).toBe(0);
    expect(counts(rename.stderr)).toEqual([rendered! - 3, 0, 0]);
    expect(readFileSync(untouched, 'utf8')).toContain('- 信用道里（更名测试）</title>');
    // Named back: every page again, with the name it had.
    expect(counts(render().stderr)).toEqual([rendered! - 3, 0, 0]);
    expect(readFileSync(untouched, 'utf8')).toContain('- 信用道里</title>');

    // --full renders every page again over the files in place, and removes every file of its folders that is not
    // one of its pages, with the folders left empty.
    const stray = join(DIST, 'record/no-such-record/index.html');
    mkdirSync(dirname(stray), { recursive: true });
    writeFileSync(stray, 'left by another build');
    writeFileSync(join(DIST, 'lists/left-over.txt'), 'left by another build');
    const bytes = readFileSync(untouched);
    const full = render('--full');
    expect(full.status, full.stderr).toBe(0);
    expect(counts(full.stderr)).toEqual([rendered! - 3, 0, 2]);
    expect(existsSync(join(DIST, 'record/no-such-record'))).toBe(false);
    expect(existsSync(join(DIST, 'lists/left-over.txt'))).toBe(false);
    expect(existsSync(permalink)).toBe(false);
    expect(readFileSync(untouched).equals(bytes)).toBe(true);
    expect(statSync(untouched).mtimeMs).toBeGreaterThan(before);
  });
});

describe('render-entities: a letter longer than its first page lists', () => {
  it('lists the letter by parts, each part its pages, and each page its part', { timeout: 180_000 }, () => {
    // 30,000 subjects under H, which tests/unit/subject-index.test.ts works out apart from the code: 154 pages in 3
    // parts. No records: a credit file without any is still a page.
    const pad5 = (i: number) => String(i).padStart(5, '0');
    const subjects = Array.from({ length: 30000 }, (_, i) => ({ id: `S${pad5(i)}`, name: `哈尔滨${pad5(i)}商店`, category: '法人及非法人组织', codes: {}, aliases: [], recordIds: [] }));
    const dist = join(DIR, 'long-dist');
    const data = join(DIR, 'long-data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'subjects.ndjson'), subjects.map((s) => `${JSON.stringify(s)}\n`).join(''));
    writeFileSync(join(data, 'records.ndjson'), '');
    mkdirSync(join(DIR, 'site'), { recursive: true });
    writeFileSync(join(DIR, 'site/404.html'), '<html><head><link rel="stylesheet" href="/_astro/test.css"></head><body></body></html>');
    const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/render-entities.ts',
      '--data', data, '--dist', dist, '--site', join(DIR, 'site'), '--cache', `${CACHE}-long`], { cwd: ROOT, encoding: 'utf8' });
    rmSync(`${CACHE}-long`, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const html = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
    const hrefs = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

    const first = html('subjects/by/h');
    expect(first).toContain('本字母下的 154 页，分为 3 册');
    const parts = hrefs(first, /href="(\/subjects\/by\/h\/part\/[^"]+\/)"/g);
    expect(parts).toEqual(['/subjects/by/h/part/S00000/', '/subjects/by/h/part/S13099/', '/subjects/by/h/part/S16885/']);
    expect(first).toContain('哈尔滨13099商店 至 哈尔滨16884商店</a>（20 页，3786 个）');
    // Every page of the letter is listed by exactly one part, in order, and every later page links to the part that lists it.
    const listed = parts.map((p) => hrefs(/<ol class="mt-1 list-decimal[^>]*>(.*?)<\/ol>/s.exec(html(p))![1]!, /href="([^"]+)"/g));
    expect(listed.map((l) => l.length)).toEqual([68, 20, 66]);
    expect(listed.flat()[0]).toBe('/subjects/by/h/');
    const later = readdirSync(join(dist, 'subjects/by/h')).filter((n) => /^S\d{5}$/.test(n)).map((n) => `/subjects/by/h/${n}/`);
    expect(listed.flat().slice(1).sort()).toEqual(later.sort());
    for (const [k, urls] of listed.entries()) {
      for (const url of urls.slice(k === 0 ? 1 : 0)) expect(html(url)).toContain(`href="${parts[k]}">本册各页</a>`);
    }
    expect(html(parts[1]!)).toMatch(/rel="prev" href="\/subjects\/by\/h\/part\/S00000\/">上一册<\/a>.*rel="next" href="\/subjects\/by\/h\/part\/S16885\/">下一册<\/a>/s);
    // No page of the index is over 200 KB.
    const sizes = (readdirSync(join(dist, 'subjects'), { recursive: true }) as string[]).filter((f) => f.endsWith('.html'))
      .map((f) => statSync(join(dist, 'subjects', f)).size);
    // /subjects/, the letter's 154 pages (its first among them), its 3 parts.
    expect(sizes.length).toBe(1 + 154 + 3);
    expect(Math.max(...sizes)).toBeLessThan(200 * 1024);
  });
});
