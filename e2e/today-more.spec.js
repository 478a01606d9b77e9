// Today's helpers: the welcome card and demo data, the same-as-last-week shortcut, the week
// against the clinician's targets, and the organisation on an entry.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

const iso = (d) => d.toISOString().slice(0, 10);

test('demo data loads, fills the views and comes out in one click', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await expect(page.getByTestId('welcome')).toContainText('not a diagnosis');
  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByLabel('Organisation')).toContainText('Sample:');
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(today.weekTotal).not.toHaveText('0 min logged');
  await page.screenshot({ path: 'docs/screenshots/today-demo.png', fullPage: true });
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(today.weekTotal).toHaveText('0 min logged');
  await page.reload();
  await expect(page.getByTestId('welcome')).toBeVisible();
});

test('the same entries as last week are added in one click', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  const now = new Date();
  const lastWeek = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  await page.getByLabel('Date').fill(iso(lastWeek));
  await today.log('50', 'Direct session');
  await today.log('20', 'Documentation');
  await page.getByLabel('Date').fill(iso(now));
  const copy = page.getByTestId('same-as-last');
  await expect(copy).toContainText('(2 entries, 1 h 10 min)');
  await copy.click();
  await expect(today.dayEntries.locator('li')).toHaveCount(2);
  await expect(today.weekTotal).toHaveText('1 h 10 min logged');
});

test('the week is measured against the sustainable target and the direct maximum', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('2h', 'Direct session');
  const targets = page.getByTestId('week-targets');
  await expect(targets).toContainText('of your sustainable 37 h 30 min; 35 h 30 min to go.');
  await expect(targets).toContainText('Direct client time 2 h of your maximum 20 h.');
});
