// First run: the welcome says what Tend is and is not, shows the targets the sections measure
// against with their defaults, lets them be changed there, and offers the demo data.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

test('the welcome explains Tend, asks for the targets with defaults, and offers demo data', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toContainText('Everything stays in this browser');
  await expect(welcome).toContainText('nothing is sent anywhere');
  await expect(welcome).toContainText('a self-check, not a diagnosis');
  const targets = page.getByTestId('welcome-targets');
  await expect(targets.locator('summary')).toHaveText(
    'Your targets: 37.5 hours a week, at most 20 of them with clients, 3 breaks a working day, 5 working days a week. Check or change them');
  // Folded, it is one Tab stop between the demo offer and the log form.
  await targets.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(welcome.getByLabel('Sustainable weekly hours')).toHaveValue('37.5');
  await expect(welcome.getByLabel('Maximum direct client hours a week')).toHaveValue('20');
  await expect(welcome.getByLabel('Breaks per working day')).toHaveValue('3');
  await expect(welcome.getByRole('checkbox', { checked: true })).toHaveCount(5);
  await welcome.getByLabel('Sustainable weekly hours').fill('30');
  await welcome.getByLabel('Breaks per working day').fill('4');
  await welcome.getByRole('button', { name: 'Save targets' }).click();
  await expect(targets.locator('summary')).toContainText('Your targets: 30 hours a week');
  await expect(targets.locator('summary')).toContainText('4 breaks a working day');
  // The week measures against the new target at once.
  await expect(page.getByTestId('week-targets')).toContainText('of your sustainable 30 h');
  await expect(welcome.getByRole('button', { name: 'Try it with demo data' })).toBeVisible();
});
