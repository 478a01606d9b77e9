// When the browser will not store anything, Tend keeps working in memory and says so plainly.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { DIRECT } from './pages/today.js';
import { text } from './support/download.js';

test('a full store keeps entries in memory, shows a banner and offers a copy', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('50', 'Direct session');
  await expect(app.storageBanner).toContainText('storage for Tend is full');
  await expect(today.bars(DIRECT)).toHaveCount(2);
  const file = await app.download(app.downloadCopy);
  expect(file.suggestedFilename()).toMatch(/^tend-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const copy = JSON.parse(await text(file));
  expect(copy.records.entries).toHaveLength(1);
  expect(copy.records.entries[0].minutes).toBe(50);
});

test('blocked storage (as in some private modes) still lets the clinician work', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const app = new App(page);
  const { today } = app;
  await app.open();
  await expect(app.storageBanner).toContainText('not letting Tend save');
  await today.log('1h', 'Direct session');
  await expect(today.weekTotal).toHaveText('1 h logged');
});
