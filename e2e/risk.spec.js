// Risk trend with the demo data: the chart and the factor breakdown show, the factor points add
// up to the index shown, another week can be picked, and moving a what-if slider by keyboard
// changes the projection.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test('the risk trend explains every point and projects a what-if', async ({ page }) => {
  const app = new App(page);
  const { risk } = app;
  await app.open();
  await app.loadDemo();
  await app.show('Risk trend');
  await expect(page).toHaveURL(/#risk$/);

  await expect(risk.chart).toHaveAttribute('aria-label', /^Risk index over \d+ weeks with data: latest \d+ of 100/);
  await expect(risk.now).toContainText(/Latest week with data \(week \d+\): \d+ of 100/);

  // The factor points add up to the index shown for the week.
  const checkSum = async () => {
    const index = Number(await risk.weekIndex.getAttribute('data-index'));
    const points = await risk.parts.evaluateAll(
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
  await expect(risk.parts.first()).toContainText(/\d+ points added: /);
  await expect(risk.breakdown).toContainText('points taken off: ');
  await expect(risk.defaultTargets).toContainText("Tend's starting targets");
  await risk.section.screenshot({ path: 'docs/screenshots/risk-trend.png' });
  await risk.showNumbers.click();
  await expect(risk.tableRows.first()).toBeVisible();

  // An earlier week has its own breakdown, which also adds up.
  const picker = risk.week;
  const options = await risk.weeks.count();
  expect(options).toBeGreaterThan(1);
  await picker.selectOption({ index: 1 });
  await expect(risk.weekIndex).not.toContainText(await risk.weeks.first().textContent());
  await checkSum();
  await picker.selectOption({ index: 0 });

  // The demo's few weekly pulses are not enough for insights: the section says why, and how many
  // weeks have one so far (each Friday pulse counts for its week and the next).
  await expect(risk.insightsNone).toContainText(/So far [1-7] weeks have one\./);

  // Ten more cases by keyboard raise the projection; the untouched column stays.
  const result = risk.whatIfResult;
  const before = await result.textContent();
  const asNow = before.split('As things are now:')[1];
  await risk.moreCases.focus();
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
  await expect(risk.moreCasesValue).toContainText('10 more cases');
  await expect(result).not.toHaveText(before);
  const after = await result.textContent();
  expect(after.split('As things are now:')[1]).toBe(asNow);
  const projected = (text) => Number(text.match(/: (\d+) of 100/)[1]);
  expect(projected(after)).toBeGreaterThan(projected(before));

  // A three-week vacation starting in two weeks brings the projection down again.
  await risk.vacationDays.fill('21');
  await risk.vacationStart.fill('2');
  await expect(risk.vacationValue).toHaveText('21 days');
  await expect(result).not.toHaveText(after);
  expect(projected(await result.textContent())).toBeLessThanOrEqual(projected(after));
  // The breakdown and the what-if panel together (page coordinates, from the top).
  await page.evaluate(() => window.scrollTo(0, 0));
  const parts = await risk.partsSection.boundingBox();
  const whatIf = await risk.whatIf.boundingBox();
  await page.screenshot({
    path: 'docs/screenshots/risk-factors.png',
    fullPage: true,
    clip: { x: 0, y: parts.y - 8, width: page.viewportSize().width, height: whatIf.y + whatIf.height - parts.y + 16 },
  });
});
