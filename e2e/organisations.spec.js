// Organisations and contracts: one paid by the hour, one pro bono; work logged for each shows
// in the month's hours and earnings, and the numbers survive a reload.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

async function addOrganisation(page, name, arrangement, rate = '', hours = '') {
  const form = page.getByTestId('org-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Arrangement').selectOption({ label: arrangement });
  await form.getByLabel('Rate (per hour or per session)').fill(rate);
  await form.getByLabel('Weekly hours agreed').fill(hours);
  await form.getByLabel('Name').press('Enter');
  await expect(page.getByTestId('org-list')).toContainText(name);
}

test('hours and earnings per organisation for the month, with pro bono time', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.show('Organisations');
  await addOrganisation(page, 'Northside Clinic', 'Hourly contract', '85.50', '20');
  await addOrganisation(page, 'Harbour Helpline', 'Pro bono');
  await page.getByTestId('org-form').getByLabel('Rate (per hour or per session)').fill('eighty');
  await page.getByTestId('org-form').getByLabel('Name').fill('Broken Rate Practice');
  await page.getByTestId('org-form').getByLabel('Name').press('Enter');
  await expect(page.getByTestId('org-error')).toContainText('not an amount');

  await today.show('Today');
  await page.getByLabel('Organisation').selectOption({ label: 'Northside Clinic' });
  await today.log('1:30', 'Direct session');
  await page.getByLabel('Organisation').selectOption({ label: 'Harbour Helpline' });
  await today.log('1h', 'Direct session');

  await today.show('Organisations');
  const table = page.getByTestId('month-income');
  const northside = table.getByRole('row', { name: /Northside Clinic/ });
  // 1 h 30 min at 85.50 an hour is 128.25.
  await expect(northside).toContainText('1 h 30 min');
  await expect(northside).toContainText('128.25');
  await expect(table.getByRole('row', { name: /Harbour Helpline/ })).toContainText('1 h');
  await expect(table.locator('tfoot')).toContainText('2 h 30 min');
  await expect(page.getByTestId('pro-bono-value')).toContainText('Set your usual rate');
  await page.reload();
  await expect(northside).toContainText('128.25');
  await page.screenshot({ path: 'docs/screenshots/organisations.png', fullPage: true });
});

test('an organisation\'s terms can be edited, and its earnings follow', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.show('Organisations');
  await addOrganisation(page, 'Northside Clinic', 'Hourly contract', '80', '20');
  await today.show('Today');
  await page.getByLabel('Organisation').selectOption({ label: 'Northside Clinic' });
  await today.log('2h', 'Direct session');
  await today.show('Organisations');
  const row = page.getByTestId('month-income').getByRole('row', { name: /Northside Clinic/ });
  await expect(row).toContainText('160.00');

  await page.getByRole('button', { name: 'Edit Northside Clinic' }).click();
  const form = page.getByTestId('org-form');
  await expect(page.getByRole('heading', { name: 'Edit Northside Clinic' })).toBeVisible();
  await expect(form.getByLabel('Rate (per hour or per session)')).toHaveValue('80.00');
  await expect(form.getByLabel('Weekly hours agreed')).toHaveValue('20');
  await form.getByLabel('Name').fill('Northside Practice');
  await form.getByLabel('Rate (per hour or per session)').fill('95');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('orgs-status')).toHaveText('Saved the changes to Northside Practice.');
  await expect(page.getByTestId('org-list').locator('li')).toHaveCount(1);
  const renamed = page.getByTestId('month-income').getByRole('row', { name: /Northside Practice/ });
  await expect(renamed).toContainText('190.00');
  await expect(page.getByRole('heading', { name: 'Add an organisation' })).toBeVisible();
  await page.reload();
  await expect(renamed).toContainText('190.00');
});
