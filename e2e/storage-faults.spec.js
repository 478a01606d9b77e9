// Faults injected into storage before the app starts: each gets a plain message and loses nothing.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { storedState } from './support/stored.js';
import { text as read } from './support/download.js';

test('a damaged month is set aside and offered for download while the rest loads', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('45', 'Direct session');
  const key = (await storedState(page)).keys.find((k) => k.startsWith('tend.chunk.'));
  await page.evaluate((k) => localStorage.setItem(k, '{"schema":2,"month":"20'), key);
  await page.reload();
  await expect(app.loadBanner).toContainText('could not read part of its saved data');
  await app.show('Your data');
  const text = await read(await app.download(app.data.unreadableDownload));
  expect(text).toBe('{"schema":2,"month":"20');
  // The app still works, and saving does not destroy the kept-aside copy.
  await app.show('Today');
  await today.log('20', 'Admin');
  const quarantined = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('tend.quarantine.')).map((k) => localStorage.getItem(k)));
  expect(quarantined).toEqual(['{"schema":2,"month":"20']);
});

test('storage nearly full shows how much is used and offers a backup', async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('tend.ballast')) localStorage.setItem('tend.ballast', 'x'.repeat(2_000_000));
  });
  const app = new App(page);
  await app.open();
  await app.today.log('30', 'Admin');
  await expect(app.usageBanner).toContainText('of its 5 MB storage budget (76%)');
  await expect(app.usageBannerBackup).toBeVisible();
});

test('the browser is asked to keep the data after the first save', async ({ page }) => {
  const app = new App(page);
  const { protection } = app.data;
  await app.open();
  await app.show('Your data');
  await expect(protection).toContainText('not asked yet');
  await app.show('Today');
  await app.today.log('30', 'Admin');
  await app.show('Your data');
  await expect(protection).not.toContainText('not asked yet');
});

test('a week without a backup brings a reminder, and a backup clears it', async ({ page }) => {
  await page.addInitScript(() => {
    const eightDaysAgo = Date.now() - 8 * 24 * 60 * 60 * 1000;
    if (!localStorage.getItem('tend.settings')) {
      localStorage.setItem('tend.settings', JSON.stringify({ first_saved_at: eightDaysAgo, persistence: 'denied' }));
    }
  });
  const app = new App(page);
  await app.open();
  await app.today.log('30', 'Admin');
  const banner = app.backupBanner;
  await expect(banner).toContainText('8 days since your last backup');
  const file = await app.download(app.backupBannerBackup);
  expect(file.suggestedFilename()).toMatch(/^tend-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(await read(file));
  expect(backup.records.entries).toHaveLength(1);
  await expect(banner).toHaveCount(0);
});
