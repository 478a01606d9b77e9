// Charts leave the app as files drawn in the browser: an SVG with its title and legend, and a
// PNG at twice the on-screen drawing size. No request goes anywhere (the guard checks).
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

// A locale whose weeks begin on Monday, so the week chart is an ISO week with its number; the
// locale journey covers weeks that begin on Sunday.
test.use({ locale: 'en-GB' });

const read = async (download) => Buffer.concat(await (await download.createReadStream()).toArray());

test('the week chart saves as SVG and as a PNG at twice its size', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await today.log('30', 'Admin');
  const chart = page.getByTestId('week-chart');

  let downloaded = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Save as SVG' }).click();
  const svgFile = await downloaded;
  expect(svgFile.suggestedFilename()).toMatch(/^tend-week-\d{4}-W\d{2}\.svg$/);
  const svg = (await read(svgFile)).toString('utf8');
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toMatch(/Week \d+ · /);
  expect(svg).toContain('Direct session');
  expect(svg).toContain('Admin');

  downloaded = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Save as PNG' }).click();
  const pngFile = await downloaded;
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

// Every chart in the app, with the demo data: its SVG opens as a picture of the drawn size with
// its title, and its PNG decodes in the browser at twice that size.
const CHARTS = [
  ['Today', 'week-chart', /^tend-week-\d{4}-W\d{2}$/, /Week \d+ · /],
  ['Caseload', 'caseload-chart', /^tend-caseload-\d{4}-\d{2}-\d{2}$/, 'Weighted caseload by week'],
  ['Report', 'report-chart', /^tend-report-weeks-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}$/, 'Hours by week, '],
];

test('every chart saves as an SVG that opens and a PNG at twice its drawn size', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  for (const [section, id, stem, title] of CHARTS) {
    await today.show(section);
    const chart = page.getByTestId(id);
    const drawn = await chart.locator('svg').first().evaluate((svg) => [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))]);
    expect(drawn[0], `${id} has a drawn width`).toBeGreaterThan(0);

    let downloaded = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Save as SVG' }).click();
    const svgFile = await downloaded;
    expect(svgFile.suggestedFilename().replace(/\.svg$/, '')).toMatch(stem);
    const svg = (await read(svgFile)).toString('utf8');
    // Opened on its own, as a file would be: a picture of the drawn size with its title.
    const viewer = await page.context().newPage();
    await viewer.setContent(svg);
    const box = await viewer.locator('svg').first().boundingBox();
    expect([box.width, box.height], `${id} SVG size`).toEqual(drawn);
    await expect(viewer.locator('svg text').filter({ hasText: title }).first()).toBeAttached();
    await viewer.close();

    downloaded = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Save as PNG' }).click();
    const png = await read(await downloaded);
    const shown = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, png.toString('base64'));
    expect(shown, `${id} PNG at twice the drawn size`).toEqual([drawn[0] * 2, drawn[1] * 2]);
  }
});
