/**
 * The stylesheet links Astro gives its own pages, which the entity pages carry too (scripts/render-entities.ts):
 * read from a built 404.html. The build compares the last build's with this build's to tell whether entity pages
 * rendered before Astro finished (with the last build's links) can stand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stylesheet links of the 404.html in `site`, in order, as one string ('' when there is none). */
export function stylesheetLinks(site: string): string {
  const file = join(site, '404.html');
  if (!existsSync(file)) return '';
  return (readFileSync(file, 'utf8').match(/<link rel="stylesheet"[^>]*>/g) ?? []).join('');
}
