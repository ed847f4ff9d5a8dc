/**
 * The built sample with another search index: the search stage (scripts/search-index.ts) run on data a test
 * writes, and a copy of dist/ that serves its index instead of the sample's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The search files a build with this district.yaml would write for this data (content/data layout), into `out`. */
export function buildIndex(data: string, out: string, config: string, cwd: string): void {
  const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts/search-index.ts'), '--full',
    '--data', data, '--dist', out, '--index-dist', out], { cwd, encoding: 'utf8', env: { ...process.env, CREDIT_CONFIG: config } });
  if (run.status !== 0) throw new Error(`search-index failed:\n${run.stderr}`);
}

/** A copy of the built site in `to`, with the Pagefind index of `site` (a folder buildIndex wrote) as its own. */
export function portalWithIndex(site: string, to: string): void {
  cpSync(join(ROOT, 'dist'), to, { recursive: true, filter: (p) => !/[/\\]pagefind(-delta)?$/.test(p) });
  cpSync(join(site, 'pagefind'), join(to, 'pagefind'), { recursive: true });
}
