// The care card: self-check results in their highest band bring a calm card of concrete steps to
// the Risk trend, and the self-checks lead the week's breakdown. Without them there is no card.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test('a high self-check brings the care card, and the pulse leads the breakdown', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('50', 'Direct session');
  const { checks, risk } = app;
  await app.show('Risk trend');
  await expect(risk.breakdown).toBeVisible();
  await expect(risk.careCard).toHaveCount(0);

  await app.show('Self-checks');
  // Pulse: the six strain items at their worst (4), the four satisfaction items at 0: strain 100.
  await checks.answerPulse([4, 4, 4, 4, 4, 4, 0, 0, 0, 0]);
  await checks.save('tend-pulse').click();
  await expect(checks.saved('tend-pulse')).toContainText('Strain 100 of 100');

  // ProQOL 5, every answer 5: secondary traumatic stress 50 of 50, in its high band.
  for (let item = 1; item <= 30; item += 1) {
    await checks.item('proqol-5', item).fill('5');
  }
  await checks.save('proqol-5').click();
  await expect(checks.saved('proqol-5')).toContainText('Secondary traumatic stress 50 of 50 (high)');

  await app.show('Risk trend');
  await expect(risk.careCard).toContainText('not a diagnosis');
  await expect(risk.careCard).toContainText('Professional help is there for helpers too');
  await expect(risk.parts.first()).toContainText(/pulse/i);
  await page.screenshot({ path: 'docs/screenshots/risk-care.png', fullPage: true });
});
