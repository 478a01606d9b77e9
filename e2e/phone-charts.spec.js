// On a 360 px phone, every section with the demo data: each chart is drawn for the width it is
// shown at, so its smallest text renders at 11 px or more (font size times the scale the SVG is
// drawn at), and no section scrolls sideways. Turning the phone (a wider window) redraws the
// charts for the new width; a saved chart is still the full-size picture.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { text } from './support/download.js';

const SMALLEST = 11;

test('at 360 px every chart text renders at 11 px or more and no section scrolls sideways', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 800 });
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  const problems = [];
  let charts = 0;
  for (const section of await app.sections()) {
    await app.showListed(section);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    if (scrollWidth > innerWidth) problems.push(`${section.name} scrolls sideways (${scrollWidth} > ${innerWidth})`);
    if (await app.charts.count() === 0) continue;
    for (const { chart, smallest } of await app.smallestChartText()) {
      charts += 1;
      console.log(`${section.name}: ${chart} smallest text ${smallest.toFixed(2)} px`);
      if (!(smallest >= SMALLEST)) problems.push(`${section.name}: ${chart} has text at ${smallest.toFixed(2)} px`);
    }
    for (const figure of await app.charts.all()) {
      const { drawn, box } = await app.chartFit(figure);
      if (drawn[0] !== box[0] || drawn[1] !== box[1]) problems.push(`${section.name}: a chart drawn ${drawn} in a box of ${box}`);
    }
  }
  // Today, Caseload, Organisations, Self-care, Risk trend and the report's two.
  expect(charts).toBeGreaterThanOrEqual(7);
  expect(problems).toEqual([]);
});

test('a chart is redrawn for a new width and still saves the full-size picture', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  const chart = app.today.weekChart;
  const narrow = await app.chartFit(chart);
  expect(narrow.drawn).toEqual(narrow.box);
  await page.setViewportSize({ width: 700, height: 800 });
  await expect.poll(async () => (await app.chartFit(chart)).drawn[0]).toBeGreaterThan(narrow.drawn[0]);
  const wide = await app.chartFit(chart);
  expect(wide.drawn).toEqual(wide.box);
  // The saved picture stays the full size whatever the screen.
  expect(await text(await app.saveChart(chart, 'SVG'))).toContain('width="720" height="360"');
});

test('no section shifts its layout while it draws, its charts included', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 800 });
  // Every layout shift the page reports from its first paint, added up as the browser scores it.
  await page.addInitScript(() => {
    window.tendShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.tendShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  const shifts = [];
  for (const section of await app.sections()) {
    // Opened from its address, so the section draws from nothing, as on a first visit.
    await page.goto(`/#${section.slug}`);
    await expect(app.firstHeading).toBeVisible();
    if (await app.charts.count() > 0) await expect(app.charts.last().locator('svg')).toBeAttached();
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.tendShift);
    console.log(`${section.name}: layout shift ${shift.toFixed(4)}`);
    if (shift > 0.01) shifts.push(`${section.name} shifts by ${shift.toFixed(4)}`);
  }
  expect(shifts).toEqual([]);
});
