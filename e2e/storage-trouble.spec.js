// When the browser will not store anything, Tend keeps working in memory and says so plainly.
import { test, expect } from './support/guard.js';
import { Today, DIRECT } from './pages/today.js';

test('a full store keeps entries in memory, shows a banner and offers a copy', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await expect(page.getByTestId('storage-banner')).toContainText('storage for Tend is full');
  await expect(today.bars(DIRECT)).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a copy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tend-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await (await file.createReadStream()).toArray();
  const copy = JSON.parse(Buffer.concat(text).toString('utf8'));
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
  const today = new Today(page);
  await today.open();
  await expect(page.getByTestId('storage-banner')).toContainText('not letting Tend save');
  await today.log('1h', 'Direct session');
  await expect(today.weekTotal).toHaveText('1 h logged');
});
