/**
 * Every page opens on the data's own date (the ingest's `today`), not on the machine's: pages settle what
 * depends on the date on the visitor's clock, and the machine's clock moves on after the build. A test that
 * needs another day sets it itself.
 */
import { test as base } from '@playwright/test';
import { report } from './data.ts';

export const test = base.extend({
  page: async ({ page }, use) => {
    await page.clock.setFixedTime(new Date(`${report().today}T10:00:00+08:00`));
    await use(page);
  },
});
export { expect } from '@playwright/test';
