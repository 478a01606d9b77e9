// Charts leave the app as files drawn in the browser: an SVG with its title and legend, and a
// PNG at twice the on-screen drawing size. No request goes anywhere (the guard checks).
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { bytes as read } from './support/download.js';

// A locale whose weeks begin on Monday, so the week chart is an ISO week with its number; the
// locale journey covers weeks that begin on Sunday.
test.use({ locale: 'en-GB' });


test('the week chart saves as SVG and as a PNG at twice its size', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('50', 'Direct session');
  await today.log('30', 'Admin');
  const chart = today.weekChart;

  const svgFile = await app.saveChart(chart, 'SVG');
  expect(svgFile.suggestedFilename()).toMatch(/^tend-week-\d{4}-W\d{2}\.svg$/);
  const svg = (await read(svgFile)).toString('utf8');
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toMatch(/Week \d+ · /);
  expect(svg).toContain('Direct session');
  expect(svg).toContain('Admin');

  const pngFile = await app.saveChart(chart, 'PNG');
  expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
  const png = await read(pngFile);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1440, 720]);

  // Open the PNG in the page to be sure it is a picture a browser can show.
  const shown = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, png.toString('base64'));
  expect(shown).toEqual([1440, 720]);
});

// Every chart in the app, with the demo data: on screen it is drawn for the width of its box, one
// SVG pixel to a CSS pixel; saved, it is the full-size picture (720 by 360), whose SVG opens as a
// picture of that size with its title and whose PNG decodes in the browser at twice that size.
const FULL = [720, 360];
const CHARTS = [
  ['Today', 'week-chart', /^tend-week-\d{4}-W\d{2}$/, /Week \d+ · /],
  ['Caseload', 'caseload-chart', /^tend-caseload-\d{4}-\d{2}-\d{2}$/, 'Weighted caseload by week'],
  ['Report', 'report-chart', /^tend-report-weeks-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}$/, 'Hours by week, '],
];

test('every chart is drawn for its box and saves the full-size picture as SVG and as PNG at twice that size', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  for (const [section, id, stem, title] of CHARTS) {
    await app.show(section);
    const chart = app.chart(id);
    const fitted = await app.chartFit(chart);
    expect(fitted.drawn, `${id} is drawn for its box`).toEqual(fitted.box);

    const svgFile = await app.saveChart(chart, 'SVG');
    expect(svgFile.suggestedFilename().replace(/\.svg$/, '')).toMatch(stem);
    const svg = (await read(svgFile)).toString('utf8');
    // Opened on its own, as a file would be: a picture of the full size with its title.
    const viewer = await page.context().newPage();
    await viewer.setContent(svg);
    const box = await viewer.locator('svg').first().boundingBox();
    expect([box.width, box.height], `${id} SVG size`).toEqual(FULL);
    await expect(viewer.locator('svg text').filter({ hasText: title }).first()).toBeAttached();
    await viewer.close();

    const png = await read(await app.saveChart(chart, 'PNG'));
    const shown = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, png.toString('base64'));
    expect(shown, `${id} PNG at twice the full size`).toEqual([FULL[0] * 2, FULL[1] * 2]);
  }
});
