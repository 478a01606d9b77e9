// The caseload register: cases opened by keyboard with pseudonymous labels only, the weighted
// caseload and its traffic light against capacity, closing and reopening, kept across a reload.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test('five cases, a refused name, a closing and a reopening', async ({ page }) => {
  const app = new App(page);
  const { caseload } = app;
  const { now } = caseload;
  await app.open();
  await app.show('Caseload');
  await expect(now).toContainText('0 cases held today: 0 of your 100 points (0%). Within capacity.');

  await caseload.openCase('Jane Smith', 'Moderate (6 points)');
  await expect(caseload.error).not.toBeEmpty();
  await expect(caseload.label).toHaveAttribute('aria-invalid', 'true');

  // 6 + 8 + 10 + 4 + 6 = 34 points of 100.
  await caseload.openCase('A1', 'Moderate (6 points)');
  await caseload.openCase('B2', 'High (8 points)', true);
  await caseload.openCase('C3', 'Very high (10 points)');
  await caseload.openCase('D4', 'Low (4 points)');
  await caseload.openCase('E5', 'Moderate (6 points)');
  await expect(caseload.openCases).toHaveCount(5);
  await expect(now).toContainText('5 cases held today: 34 of your 100 points (34%). Within capacity.');
  await expect(caseload.openCases.filter({ hasText: 'trauma-focused' })).toHaveCount(1);

  await caseload.button('Close', 'C3').click();
  await expect(caseload.openCases).toHaveCount(4);
  await expect(caseload.closedCases).toContainText('C3');
  await caseload.button('Reopen', 'C3').click();
  await expect(caseload.openCases).toHaveCount(5);

  await page.reload();
  await expect(now).toContainText('34 of your 100 points (34%)');
  await expect(caseload.chart).toHaveAttribute('aria-label', /this week 34 points of 100/);
  await page.screenshot({ path: 'docs/screenshots/caseload.png', fullPage: true });
});

test('a case can be edited: a new label and complexity re-weigh the caseload', async ({ page }) => {
  const app = new App(page);
  const { caseload } = app;
  const { now } = caseload;
  await app.open();
  await app.show('Caseload');
  await caseload.openCase('A1', 'Moderate (6 points)');
  await expect(now).toContainText('1 case held today: 6 of your 100 points');
  await caseload.button('Edit', 'A1').click();
  await expect(caseload.label).toHaveValue('A1');
  await caseload.label.fill('John Doe');
  await caseload.saveChanges.click();
  await expect(caseload.error).not.toBeEmpty();
  await caseload.label.fill('A1-b');
  await caseload.complexity.selectOption({ label: 'Very high (10 points)' });
  await caseload.saveChanges.click();
  await expect(caseload.status).toHaveText('Saved the changes to case A1-b.');
  await expect(now).toContainText('1 case held today: 10 of your 100 points');
  await expect(caseload.openCases).toHaveCount(1);
  await page.reload();
  await expect(now).toContainText('10 of your 100 points');
});
