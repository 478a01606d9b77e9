// Risk trend with the demo data: the chart and the factor breakdown show, the factor points add
// up to the index shown, another week can be picked, and moving a what-if slider by keyboard
// changes the projection.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

test('the risk trend explains every point and projects a what-if', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await today.show('Risk trend');
  await expect(page).toHaveURL(/#risk$/);

  const chart = page.getByTestId('risk-chart').locator('svg');
  await expect(chart).toHaveAttribute('aria-label', /^Risk index over \d+ weeks with data: latest \d+ of 100/);
  await expect(page.getByTestId('risk-now')).toContainText(/Latest week with data \(week \d+\): \d+ of 100/);

  // The factor points add up to the index shown for the week.
  const checkSum = async () => {
    const index = Number(await page.getByTestId('risk-week-index').getAttribute('data-index'));
    const points = await page.getByTestId('risk-breakdown').locator('li').evaluateAll(
      (items) => items.map((li) => Number(li.dataset.points)));
    expect(points.length).toBeGreaterThan(0);
    expect(points.reduce((a, b) => a + b, 0)).toBe(index);
    // Largest first.
    const sizes = points.map(Math.abs);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    return index;
  };
  await checkSum();
  // The demo's supervision takes points off, so the largest part reads as points added.
  await expect(page.getByTestId('risk-breakdown').locator('li').first()).toContainText(/\d+ points added: /);
  await expect(page.getByTestId('risk-breakdown')).toContainText('points taken off: ');
  await expect(page.getByTestId('risk-default-targets')).toContainText("Tend's starting targets");
  await page.locator('section', { has: page.locator('#risk-heading') }).screenshot({ path: 'docs/screenshots/risk-trend.png' });
  await page.getByTestId('risk-chart').getByText('Show the numbers').click();
  await expect(page.getByTestId('risk-chart').locator('tbody tr').first()).toBeVisible();

  // An earlier week has its own breakdown, which also adds up.
  const picker = page.getByLabel('Week', { exact: true });
  const options = await picker.locator('option').count();
  expect(options).toBeGreaterThan(1);
  await picker.selectOption({ index: 1 });
  await expect(page.getByTestId('risk-week-index')).not.toContainText(await picker.locator('option').first().textContent());
  await checkSum();
  await picker.selectOption({ index: 0 });

  // The demo's few weekly pulses are not enough for insights: the section says why, and how many
  // weeks have one so far (each Friday pulse counts for its week and the next).
  await expect(page.getByTestId('insights-none')).toContainText(/So far [1-7] weeks have one\./);

  // Ten more cases by keyboard raise the projection; the untouched column stays.
  const result = page.getByTestId('whatif-result');
  const before = await result.textContent();
  const asNow = before.split('As things are now:')[1];
  const cases = page.getByLabel('Cases more or fewer');
  await cases.focus();
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('whatif-cases-value')).toContainText('10 more cases');
  await expect(result).not.toHaveText(before);
  const after = await result.textContent();
  expect(after.split('As things are now:')[1]).toBe(asNow);
  const projected = (text) => Number(text.match(/: (\d+) of 100/)[1]);
  expect(projected(after)).toBeGreaterThan(projected(before));

  // A three-week vacation starting in two weeks brings the projection down again.
  await page.getByLabel('Planned vacation in days').fill('21');
  await page.getByLabel('Vacation starts in weeks').fill('2');
  await expect(page.getByTestId('whatif-vacation-value')).toHaveText('21 days');
  await expect(result).not.toHaveText(after);
  expect(projected(await result.textContent())).toBeLessThanOrEqual(projected(after));
  // The breakdown and the what-if panel together (page coordinates, from the top).
  await page.evaluate(() => window.scrollTo(0, 0));
  const parts = await page.locator('section', { has: page.locator('#risk-parts-heading') }).boundingBox();
  const whatIf = await page.getByTestId('whatif').boundingBox();
  await page.screenshot({
    path: 'docs/screenshots/risk-factors.png',
    fullPage: true,
    clip: { x: 0, y: parts.y - 8, width: page.viewportSize().width, height: whatIf.y + whatIf.height - parts.y + 16 },
  });
});
