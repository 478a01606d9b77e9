// The caseload register: cases opened by keyboard with pseudonymous labels only, the weighted
// caseload and its traffic light against capacity, closing and reopening, kept across a reload.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

async function openCase(page, label, complexity, trauma = false) {
  const form = page.getByTestId('case-form');
  await form.getByLabel('Case label').fill(label);
  await form.getByLabel('Complexity').selectOption({ label: complexity });
  if (trauma) await form.getByLabel('Trauma-focused').check();
  await form.getByLabel('Case label').press('Enter');
}

test('five cases, a refused name, a closing and a reopening', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.show('Caseload');
  const now = page.getByTestId('caseload-now');
  await expect(now).toContainText('0 cases held today: 0 of your 100 points (0%). Within capacity.');

  await openCase(page, 'Jane Smith', 'Moderate (6 points)');
  await expect(page.getByTestId('case-error')).not.toBeEmpty();
  await expect(page.getByLabel('Case label')).toHaveAttribute('aria-invalid', 'true');

  // 6 + 8 + 10 + 4 + 6 = 34 points of 100.
  await openCase(page, 'A1', 'Moderate (6 points)');
  await openCase(page, 'B2', 'High (8 points)', true);
  await openCase(page, 'C3', 'Very high (10 points)');
  await openCase(page, 'D4', 'Low (4 points)');
  await openCase(page, 'E5', 'Moderate (6 points)');
  await expect(page.getByTestId('open-cases').locator('li')).toHaveCount(5);
  await expect(now).toContainText('5 cases held today: 34 of your 100 points (34%). Within capacity.');
  await expect(page.getByTestId('open-cases').locator('li', { hasText: 'trauma-focused' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Close case C3' }).click();
  await expect(page.getByTestId('open-cases').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('closed-cases')).toContainText('C3');
  await page.getByRole('button', { name: 'Reopen case C3' }).click();
  await expect(page.getByTestId('open-cases').locator('li')).toHaveCount(5);

  await page.reload();
  await expect(now).toContainText('34 of your 100 points (34%)');
  await expect(page.getByTestId('caseload-chart').locator('svg')).toHaveAttribute('aria-label', /this week 34 points of 100/);
  await page.screenshot({ path: 'docs/screenshots/caseload.png', fullPage: true });
});

test('a case can be edited: a new label and complexity re-weigh the caseload', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.show('Caseload');
  await openCase(page, 'A1', 'Moderate (6 points)');
  const now = page.getByTestId('caseload-now');
  await expect(now).toContainText('1 case held today: 6 of your 100 points');
  await page.getByRole('button', { name: 'Edit case A1' }).click();
  const form = page.getByTestId('case-form');
  await expect(form.getByLabel('Case label')).toHaveValue('A1');
  await form.getByLabel('Case label').fill('John Doe');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('case-error')).not.toBeEmpty();
  await form.getByLabel('Case label').fill('A1-b');
  await form.getByLabel('Complexity').selectOption({ label: 'Very high (10 points)' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('caseload-status')).toHaveText('Saved the changes to case A1-b.');
  await expect(now).toContainText('1 case held today: 10 of your 100 points');
  await expect(page.getByTestId('open-cases').locator('li')).toHaveCount(1);
  await page.reload();
  await expect(now).toContainText('10 of your 100 points');
});
