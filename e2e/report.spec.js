// The Report section with the demo data: laid out on screen, then printed to PDF by Chromium
// with the print stylesheet. The PDF's page count and text are checked, and its total hours are
// compared with the same hours added up from the work-entries CSV, a separate path through the
// data.
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

const read = async (download) => Buffer.concat(await (await download.createReadStream()).toArray());

/** The text of every page of a PDF, one string per page. */
async function pdfPages(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => item.str + (item.hasEOL ? ' ' : '')).join('').replace(/\s+/g, ' '));
  }
  return pages;
}

/** Minutes as Tend writes them: `45 min`, `3 h`, `3 h 5 min`. */
const format = (minutes) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
};

const HEADINGS = ['Hours by kind', 'Hours by week', 'Overtime', 'Caseload', 'Breaks and days off', 'Organisations and pro bono'];

test('the report of the demo data prints to a clean PDF with every section', async ({ page }, testInfo) => {
  const today = new Today(page);
  await today.open();
  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  // The last four weeks' minutes, added up from the CSV of every entry (ISO dates).
  await today.show('Your data');
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download work entries (CSV)' }).click();
  const rows = (await read(await downloaded)).toString('utf8').trim().split('\n').slice(1);
  const [from, to] = await page.evaluate(() => {
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const now = new Date();
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 27);
    return [iso(start), iso(now)];
  });
  // Demo entries carry no start time, so each counts wholly on its date.
  const minutes = rows
    .map((line) => line.split(','))
    .filter(([, date]) => date >= from && date <= to)
    .reduce((sum, cells) => sum + Number(cells[2]), 0);
  expect(minutes).toBeGreaterThan(0);

  await today.show('Report');
  const report = page.getByTestId('report-view');
  await expect(report.getByRole('radio', { name: 'Last 4 weeks' })).toBeChecked();
  await expect(report.getByLabel('From')).toBeHidden();
  await expect(page.getByTestId('report-title')).toContainText('Tend report:');
  await expect(page.getByTestId('report-total')).toContainText(`${format(minutes)} of work`);
  for (const heading of HEADINGS) {
    await expect(report.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: 'docs/screenshots/report.png', fullPage: true });

  // The print stylesheet hides the navigation and every control.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(report.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByTestId('report-weeks').last()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(testInfo.outputPath('report.pdf'), pdf);
  const pages = await pdfPages(pdf);
  // Figures, tables and lists are kept whole on a page and no block is taller than a page, so
  // each section can push at most one page break: at most one page per section, plus one.
  const upper = HEADINGS.length + 1;
  console.log(`report PDF: ${pages.length} pages (allowed 1 to ${upper}), ${pdf.length} bytes`);
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(upper);
  const text = pages.join(' ');
  expect(text).toContain('Tend report:');
  for (const heading of HEADINGS) expect(text).toContain(heading);
  expect(text).toContain(`${format(minutes)} of work`);
  expect(text).toContain('A private self-check report made by Tend');
  expect(text).not.toContain('Print or save as PDF');
  expect(text).not.toContain('Your data');
  await page.emulateMedia({ media: 'screen' });

  // A custom range that ends before it starts is refused in words.
  await report.getByRole('radio', { name: 'Custom range' }).check();
  await report.getByLabel('From').fill('2026-03-10');
  await report.getByLabel('To (included)').fill('2026-03-01');
  await report.getByRole('button', { name: 'Show this period' }).click();
  await expect(page.getByTestId('report-message')).toContainText('ends earlier');
});

test('the print button opens the browser print dialog', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await today.show('Report');
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
});
