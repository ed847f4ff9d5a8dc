import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stylesheetLinks } from '../../scripts/head-tags.ts';
import { tempFolder } from './helpers.ts';

describe('stylesheetLinks', () => {
  it('gives the stylesheet links of a built 404.html in order, and nothing else of its head', () => {
    const dir = tempFolder('credit-links-');
    writeFileSync(join(dir, '404.html'), '<html><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/f.svg"><link rel="stylesheet" href="/_astro/b.css"></head></html>');
    expect(stylesheetLinks(dir)).toBe('<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/b.css">');
  });
  it('is empty where no site was built yet', () => {
    expect(stylesheetLinks(tempFolder('credit-links-'))).toBe('');
  });
});
