/**
 * What Astro's pages are made from (scripts/build.ts runs Astro only when this changed, or its output did): the
 * components, styles and scripts (src/), the collections (content/ but for the data and the sources, of which the
 * pages read only the ingest's summary and report), public/, the configuration and the locked packages, the
 * district's file, and the variables that pick the district and its sources.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_DISTRICT_FILE } from '../src/lib/district.ts';

export function astroKey(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const h = createHash('sha256');
  const add = (file: string) => h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const skip = new Set(['content/data', 'content/sources'].map((d) => join(root, d)));
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (skip.has(path)) continue;
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) add(path);
    }
  };
  for (const dir of ['src', 'content', 'public']) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const f of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'content/data/summary.json', 'content/data/ingest-report.json']) {
    if (existsSync(join(root, f))) add(join(root, f));
  }
  // The stages run in the checkout, where CREDIT_CONFIG is read from (src/lib/district.ts).
  const district = resolve(root, env.CREDIT_CONFIG || DEFAULT_DISTRICT_FILE);
  if (existsSync(district)) add(district);
  h.update(JSON.stringify([env.CREDIT_CONFIG ?? '', env.CREDIT_SOURCES ?? '']));
  return h.digest('hex');
}
