// First run: the welcome says what Tend is and is not, shows the targets the sections measure
// against with their defaults, lets them be changed there, and offers the demo data.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test('the welcome explains Tend, asks for the targets with defaults, and offers demo data', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  const { welcome, targets } = today;
  await expect(welcome).toContainText('Everything stays in this browser');
  await expect(welcome).toContainText('nothing is sent anywhere');
  await expect(welcome).toContainText('a self-check, not a diagnosis');
  const summary = today.welcomeTargetsSummary;
  await expect(summary).toHaveText(
    'Your targets: 37.5 hours a week, at most 20 of them with clients, 3 breaks a working day, 5 working days a week. Check or change them');
  // Folded, it is one Tab stop between the demo offer and the log form.
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(targets.weeklyHours).toHaveValue('37.5');
  await expect(targets.directMaximum).toHaveValue('20');
  await expect(targets.breaksPerDay).toHaveValue('3');
  await expect(targets.checkedDays).toHaveCount(5);
  await targets.weeklyHours.fill('30');
  await targets.breaksPerDay.fill('4');
  await targets.save.click();
  await expect(summary).toContainText('Your targets: 30 hours a week');
  await expect(summary).toContainText('4 breaks a working day');
  // The week measures against the new target at once.
  await expect(today.weekTargets).toContainText('of your sustainable 30 h');
  await expect(app.tryDemo).toBeVisible();
});
