// Self-care: breaks, a day off and a vacation logged by keyboard; the days since the last day
// off and the vacation clock match what was logged, and survive a reload.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

const iso = (d) => d.toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);

test('breaks, a day off and a vacation give the rest numbers', async ({ page }) => {
  const app = new App(page);
  const { today, selfCare } = app;
  await app.open();
  // Work today, yesterday and the day before: a day with no work counts as a day off.
  for (const n of [2, 1, 0]) {
    await today.log('50', 'Direct session', { date: iso(daysAgo(n)) });
  }
  await app.show('Self-care');
  await expect(selfCare.vacationClock).toHaveText('No vacation logged yet.');

  await selfCare.logBreak('Micro-break', iso(new Date()), { duration: '5' });
  await selfCare.logBreak('Meal break', iso(new Date()), { duration: '30' });
  await selfCare.logBreak('Day off', iso(daysAgo(3)));
  // A vacation from 40 to 35 days ago: the clock counts from its last day.
  await selfCare.logBreak('Vacation', iso(daysAgo(40)), { until: iso(daysAgo(35)) });
  await expect(selfCare.recentBreaks).toHaveCount(3);
  // Grouped by day, newest first: today's two pauses, then the day off.
  await expect(selfCare.recentBreakDays).toHaveCount(2);
  await expect(selfCare.recentBreakDays.nth(0).locator('li')).toHaveCount(2);
  await expect(selfCare.recentBreakDays.nth(1)).toContainText('Day off');

  const check = async () => {
    await expect(selfCare.dayOff).toHaveText('3 days since your last full day off.');
    await expect(selfCare.vacationClock).toHaveText('35 days since your last vacation.');
    await expect(selfCare.breaksSummary).toContainText('0.7 breaks per working day on average, against your target of 3; the target was met on 0 of 3 working days.');
  };
  await check();
  await page.reload();
  await check();
  await page.screenshot({ path: 'docs/screenshots/self-care.png', fullPage: true });
});

test('targets are the clinician\'s own and every section measures against them', async ({ page }) => {
  const app = new App(page);
  const { today, selfCare } = app;
  const { targets } = selfCare;
  await app.open();
  await app.show('Self-care');
  await targets.weeklyHours.fill('30');
  await targets.capacity.fill('80');
  await targets.hourlyRate.fill('abc');
  await targets.save.click();
  await expect(selfCare.targetsError).toContainText('not an amount');
  await targets.hourlyRate.fill('90');
  await targets.day('Sat').check();
  await targets.save.click();
  await expect(selfCare.status).toContainText('Your targets are saved.');
  await page.reload();
  await expect(targets.weeklyHours).toHaveValue('30');
  await expect(targets.day('Sat')).toBeChecked();
  await app.show('Today');
  await today.log('3h', 'Admin');
  await expect(today.weekTargets).toContainText('of your sustainable 30 h; 27 h to go.');
  await app.show('Caseload');
  await expect(app.caseload.now).toContainText('0 of your 80 points');
});
