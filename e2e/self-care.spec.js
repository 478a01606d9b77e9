// Self-care: breaks, a day off and a vacation logged by keyboard; the days since the last day
// off and the vacation clock match what was logged, and survive a reload.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

const iso = (d) => d.toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);

async function logBreak(page, kind, date, durationOrUntil) {
  const form = page.getByTestId('break-form');
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByLabel(/^(Date|First day)$/).fill(date);
  if (durationOrUntil?.duration) await form.getByLabel('Duration').fill(durationOrUntil.duration);
  if (durationOrUntil?.until) await form.getByLabel('Last day (optional)').fill(durationOrUntil.until);
  await form.getByRole('button', { name: 'Add' }).press('Enter');
}

test('breaks, a day off and a vacation give the rest numbers', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  // Work today, yesterday and the day before: a day with no work counts as a day off.
  for (const n of [2, 1, 0]) {
    await page.getByLabel('Date').fill(iso(daysAgo(n)));
    await today.log('50', 'Direct session');
  }
  await today.show('Self-care');
  await expect(page.getByTestId('vacation-clock')).toHaveText('No vacation logged yet.');

  await logBreak(page, 'Micro-break', iso(new Date()), { duration: '5' });
  await logBreak(page, 'Meal break', iso(new Date()), { duration: '30' });
  await logBreak(page, 'Day off', iso(daysAgo(3)));
  // A vacation from 40 to 35 days ago: the clock counts from its last day.
  await logBreak(page, 'Vacation', iso(daysAgo(40)), { until: iso(daysAgo(35)) });
  await expect(page.getByTestId('recent-breaks').locator('li')).toHaveCount(3);

  const check = async () => {
    await expect(page.getByTestId('day-off')).toHaveText('3 days since your last full day off.');
    await expect(page.getByTestId('vacation-clock')).toHaveText('35 days since your last vacation.');
    await expect(page.getByTestId('breaks-summary')).toContainText('0.7 breaks per working day on average, against your target of 3; the target was met on 0 of 3 working days.');
  };
  await check();
  await page.reload();
  await check();
  await page.screenshot({ path: 'docs/screenshots/self-care.png', fullPage: true });
});

test('targets are the clinician\'s own and every section measures against them', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.show('Self-care');
  const form = page.getByTestId('targets-form');
  await form.getByLabel('Sustainable weekly hours').fill('30');
  await form.getByLabel('Caseload capacity in points').fill('80');
  await form.getByLabel('Usual hourly rate (optional)').fill('abc');
  await form.getByRole('button', { name: 'Save targets' }).click();
  await expect(page.getByTestId('targets-error')).toContainText('not an amount');
  await form.getByLabel('Usual hourly rate (optional)').fill('90');
  await form.getByLabel('Sat').check();
  await form.getByRole('button', { name: 'Save targets' }).click();
  await expect(page.getByTestId('self-care-status')).toContainText('Your targets are saved.');
  await page.reload();
  await expect(form.getByLabel('Sustainable weekly hours')).toHaveValue('30');
  await expect(form.getByLabel('Sat')).toBeChecked();
  await today.show('Today');
  await today.log('3h', 'Admin');
  await expect(page.getByTestId('week-targets')).toContainText('of your sustainable 30 h; 27 h to go.');
  await today.show('Caseload');
  await expect(page.getByTestId('caseload-now')).toContainText('0 of your 80 points');
});
