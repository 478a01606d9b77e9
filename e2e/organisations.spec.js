// Organisations and contracts: one paid by the hour, one pro bono; work logged for each shows
// in the month's hours and earnings, and the numbers survive a reload.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test('hours and earnings per organisation for the month, with pro bono time', async ({ page }) => {
  const app = new App(page);
  const { today, organisations } = app;
  await app.open();
  await app.show('Organisations');
  await organisations.add('Northside Clinic', 'Hourly contract', '85.50', '20');
  await organisations.add('Harbour Helpline', 'Pro bono');
  await organisations.rate.fill('eighty');
  await organisations.name.fill('Broken Rate Practice');
  await organisations.name.press('Enter');
  await expect(organisations.error).toContainText('not an amount');

  await app.show('Today');
  await today.log('1:30', 'Direct session', { organisation: 'Northside Clinic' });
  await today.log('1h', 'Direct session', { organisation: 'Harbour Helpline' });

  await app.show('Organisations');
  const northside = organisations.incomeRow('Northside Clinic');
  // 1 h 30 min at 85.50 an hour is 128.25.
  await expect(northside).toContainText('1 h 30 min');
  await expect(northside).toContainText('128.25');
  await expect(organisations.incomeRow('Harbour Helpline')).toContainText('1 h');
  await expect(organisations.incomeTotal).toContainText('2 h 30 min');
  await expect(organisations.proBonoValue).toContainText('Set your usual rate');
  await page.reload();
  await expect(northside).toContainText('128.25');
  await page.screenshot({ path: 'docs/screenshots/organisations.png', fullPage: true });
});

test('an organisation\'s terms can be edited, and its earnings follow', async ({ page }) => {
  const app = new App(page);
  const { today, organisations } = app;
  await app.open();
  await app.show('Organisations');
  await organisations.add('Northside Clinic', 'Hourly contract', '80', '20');
  await app.show('Today');
  await today.log('2h', 'Direct session', { organisation: 'Northside Clinic' });
  await app.show('Organisations');
  await expect(organisations.incomeRow('Northside Clinic')).toContainText('160.00');

  await organisations.button('Edit', 'Northside Clinic').click();
  await expect(organisations.heading('Edit Northside Clinic')).toBeVisible();
  await expect(organisations.rate).toHaveValue('80.00');
  await expect(organisations.hours).toHaveValue('20');
  await organisations.name.fill('Northside Practice');
  await organisations.rate.fill('95');
  await organisations.saveChanges.click();
  await expect(organisations.status).toHaveText('Saved the changes to Northside Practice.');
  await expect(organisations.listItems).toHaveCount(1);
  const renamed = organisations.incomeRow('Northside Practice');
  await expect(renamed).toContainText('190.00');
  await expect(organisations.heading('Add an organisation')).toBeVisible();
  await page.reload();
  await expect(renamed).toContainText('190.00');
});
