/**
 * `npm run build` a second time, in a scratch copy of the project on a small synthetic district: with nothing new,
 * every stage stands (the ingest's output, Astro's pages, the entity pages, the search index, the open data) and no file
 * of dist/ is written; after an article is edited only Astro runs again; after the sources change everything does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempFolders, tempFolder } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
afterAll(removeTempFolders);

/** Every file of dist/ with its modification time. */
function times(dist: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(join(e.parentPath, e.name), statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return out;
}
const changedSince = (before: Map<string, number>, after: Map<string, number>) =>
  [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);

describe('a second build', () => {
  it('does nothing when nothing is new, runs Astro alone after an article changed, and everything after the sources did', { timeout: 300_000 }, () => {
    const dir = tempFolder('credit-build-again-');
    for (const entry of ['src', 'scripts', 'content', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'district.yaml']) {
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (p) => !p.startsWith(join(ROOT, 'content', 'data')) });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const gen = tempFolder('credit-build-again-sources-');
    const generate = (out: string, ...extra: string[]) => execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts/sample/generate.ts'),
      '--subjects', '120', '--out', join(gen, out), ...extra], { stdio: 'ignore' });
    generate('base');
    generate('changed', '--change', '0.05');
    const build = (sources: string, ...extra: string[]) => {
      const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/build.ts', ...extra], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, CREDIT_SOURCES: join(gen, sources, 'sources.yaml'), CREDIT_TODAY: '2026-11-22' },
      });
      expect(r.status, r.stderr.slice(-3000)).toBe(0);
      return r.stderr;
    };
    const dist = join(dir, 'dist');
    const STANDS = {
      ingest: '中上次的输出原样保留',
      astro: 'build: astro: its pages as the last build made them',
      entities: 'as the last run left them',
      search: 'search index: as the last run left it',
      opendata: 'open data: as the last run made it',
    };
    const standing = (log: string) => Object.entries(STANDS).filter(([, line]) => log.includes(line)).map(([stage]) => stage);

    expect(standing(build('base', '--full'))).toEqual([]);
    const built = times(dist);

    // Nothing new: every stage that can stands, and no file of dist/ is written.
    expect(standing(build('base'))).toEqual(['ingest', 'astro', 'entities', 'search', 'opendata']);
    expect(changedSince(built, times(dist))).toEqual([]);

    // An article edited: Astro runs again, the data stages stand, and only that article's page is written.
    const article = 'content/news/portal-launch.mdx';
    appendFileSync(join(dir, article), '\n本站今日更新了一段测试文字。\n');
    expect(standing(build('base'))).toEqual(['ingest', 'entities', 'search', 'opendata']);
    const page = join(dist, 'news/portal-launch/index.html');
    expect(readFileSync(page, 'utf8')).toContain('本站今日更新了一段测试文字。');
    const afterEdit = times(dist);
    expect(changedSince(built, afterEdit)).toEqual([page]);

    // The sources changed: every stage runs again.
    expect(standing(build('changed'))).toEqual([]);
    expect(changedSince(afterEdit, times(dist)).length).toBeGreaterThan(0);
    // And once more with nothing new since.
    const changed = times(dist);
    expect(standing(build('changed'))).toEqual(['ingest', 'astro', 'entities', 'search', 'opendata']);
    expect(changedSince(changed, times(dist))).toEqual([]);
  });
});
