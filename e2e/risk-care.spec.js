// The care card: self-check results in their highest band bring a calm card of concrete steps to
// the Risk trend, and the self-checks lead the week's breakdown. Without them there is no card.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

test('a high self-check brings the care card, and the pulse leads the breakdown', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await today.show('Risk trend');
  await expect(page.getByTestId('risk-breakdown')).toBeVisible();
  await expect(page.getByTestId('care-card')).toHaveCount(0);

  await today.show('Self-checks');
  // Pulse: the six strain items at their worst (4), the four satisfaction items at 0: strain 100.
  const pulse = page.getByTestId('form-tend-pulse');
  await pulse.getByRole('radio').first().focus();
  for (const answer of [4, 4, 4, 4, 4, 4, 0, 0, 0, 0]) {
    await page.keyboard.press('Space');
    for (let i = 0; i < answer; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
  }
  await pulse.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('saved-tend-pulse')).toContainText('Strain 100 of 100');

  // ProQOL 5, every answer 5: secondary traumatic stress 50 of 50, in its high band.
  const proqol = page.getByTestId('form-proqol-5');
  for (let item = 1; item <= 30; item += 1) {
    await proqol.getByLabel(`Item ${item}`, { exact: true }).fill('5');
  }
  await proqol.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('saved-proqol-5')).toContainText('Secondary traumatic stress 50 of 50 (high)');

  await today.show('Risk trend');
  const card = page.getByTestId('care-card');
  await expect(card).toContainText('not a diagnosis');
  await expect(card).toContainText('Professional help is there for helpers too');
  const parts = page.getByTestId('risk-breakdown').locator('li');
  await expect(parts.first()).toContainText(/pulse/i);
  await page.screenshot({ path: 'docs/screenshots/risk-care.png', fullPage: true });
});
