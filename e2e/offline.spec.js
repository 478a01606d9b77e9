// After one visit online, Tend opens and works with the network cut, and keeps what was logged.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { DIRECT, DOCUMENTATION } from './pages/today.js';
import { controlled } from './support/pwa.js';

test('the app reloads offline with its data intact and still logs work', async ({ page, context }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await controlled(page);
  await today.log('50', 'Direct session');

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await page.reload();
  await expect(today.add).toBeEnabled();
  await expect(today.entries).toHaveCount(1);
  await expect(today.bars(DIRECT)).toHaveCount(2);

  await today.log('1:30', 'Documentation');
  await page.reload();
  await expect(today.entries).toHaveCount(2);
  await expect(today.bars(DOCUMENTATION)).toHaveCount(2);
  await expect(today.weekTotal).toHaveText('2 h 20 min logged');
  await context.setOffline(false);
});
