// Today's helpers: the welcome card and demo data, the same-as-last-week shortcut, the week
// against the clinician's targets, and the organisation on an entry.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

const iso = (d) => d.toISOString().slice(0, 10);

test('demo data loads, fills the views and comes out in one click', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await expect(today.welcome).toContainText('not a diagnosis');
  await app.tryDemo.click();
  await expect(app.demoBanner).toBeVisible();
  await expect(today.organisation).toContainText('Sample:');
  await today.previousWeek.click();
  await expect(today.weekTotal).not.toHaveText('0 min logged');
  await page.screenshot({ path: 'docs/screenshots/today-demo.png', fullPage: true });
  await app.removeDemo.click();
  await expect(app.demoBanner).toHaveCount(0);
  await expect(today.welcome).toBeVisible();
  await expect(today.weekTotal).toHaveText('0 min logged');
  await page.reload();
  await expect(today.welcome).toBeVisible();
});

test('the same entries as last week are added in one click', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  const now = new Date();
  const lastWeek = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  await today.log('50', 'Direct session', { date: iso(lastWeek) });
  await today.log('20', 'Documentation');
  await today.date.fill(iso(now));
  await expect(today.sameAsLast).toContainText('(2 entries, 1 h 10 min)');
  await today.sameAsLast.click();
  await expect(today.entries).toHaveCount(2);
  await expect(today.weekTotal).toHaveText('1 h 10 min logged');
});

test('the week is measured against the sustainable target and the direct maximum', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('2h', 'Direct session');
  await expect(today.weekTargets).toContainText('of your sustainable 37 h 30 min; 35 h 30 min to go.');
  await expect(today.weekTargets).toContainText('Direct client time 2 h of your maximum 20 h.');
});
