/**
 * What makes the build run Astro again (scripts/astro-key.ts): anything its pages are made from, and nothing else.
 */
import { cpSync, mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroKey } from '../../scripts/astro-key.ts';
import { tempFolder } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('astroKey', () => {
  const root = tempFolder('credit-astro-key-');
  for (const entry of ['src', 'public', 'content/news', 'content/policies', 'astro.config.mjs', 'package.json', 'district.yaml']) {
    cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  mkdirSync(join(root, 'content/data'), { recursive: true });
  mkdirSync(join(root, 'content/sources/daoli'), { recursive: true });
  for (const f of ['summary.json', 'ingest-report.json', 'records.ndjson', 'subjects.ndjson']) writeFileSync(join(root, 'content/data', f), '{}\n');
  const env = {};
  const key = () => astroKey(root, env);

  it('is the same for the same inputs, and changes with what Astro’s pages read', () => {
    const first = key();
    expect(key()).toBe(first);
    const changes: [string, () => void][] = [
      ['an article', () => appendFileSync(join(root, 'content/news/portal-launch.mdx'), '\n一句新增的话。\n')],
      ['a component', () => appendFileSync(join(root, 'src/components/SiteFooter.astro'), '\n')],
      ['the summary', () => writeFileSync(join(root, 'content/data/summary.json'), '{"subjects":1}\n')],
      ['the ingest report', () => writeFileSync(join(root, 'content/data/ingest-report.json'), '{"today":"2026-12-08"}\n')],
      ['a public file', () => appendFileSync(join(root, 'public/expiry.js'), '\n')],
      ['the district', () => appendFileSync(join(root, 'district.yaml'), '\n# 注释\n')],
      ['the configuration', () => appendFileSync(join(root, 'astro.config.mjs'), '\n')],
    ];
    const seen = new Set([first]);
    for (const [what, change] of changes) {
      change();
      const now = key();
      expect(seen.has(now), what).toBe(false);
      seen.add(now);
    }
    const other = astroKey(root, { CREDIT_SOURCES: '/elsewhere/sources.yaml' });
    expect(seen.has(other)).toBe(false);
  });

  it('does not change with the records, the subjects or the sources, which Astro’s pages do not read', () => {
    const before = key();
    writeFileSync(join(root, 'content/data/records.ndjson'), '{"id":"x"}\n');
    writeFileSync(join(root, 'content/data/subjects.ndjson'), '{"id":"y"}\n');
    writeFileSync(join(root, 'content/sources/daoli/new.csv'), 'a,b\n');
    expect(key()).toBe(before);
  });
});
