// The Report section with the demo data: laid out on screen, then printed to PDF by Chromium
// with the print stylesheet. The PDF's page count and text are checked, and its total hours are
// compared with the same hours added up from the work-entries CSV, a separate path through the
// data.
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { bytes as read } from './support/download.js';

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
  const app = new App(page);
  const { report } = app;
  await app.open();
  await app.loadDemo();

  // The last four weeks' minutes, added up from the CSV of every entry (ISO dates).
  await app.show('Your data');
  const rows = (await read(await app.data.downloadCsv())).toString('utf8').trim().split('\n').slice(1);
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

  await app.show('Report');
  await expect(report.period('Last 4 weeks')).toBeChecked();
  await expect(report.from).toBeHidden();
  await expect(report.title).toContainText('Tend report:');
  await expect(report.total).toContainText(`${format(minutes)} of work`);
  for (const heading of HEADINGS) {
    await expect(report.heading(heading)).toBeVisible();
  }
  await page.screenshot({ path: 'docs/screenshots/report.png', fullPage: true });

  // The print stylesheet hides the navigation and every control.
  await page.emulateMedia({ media: 'print' });
  await expect(app.nav).toBeHidden();
  await expect(report.print).toBeHidden();
  await expect(report.weeks.last()).toBeVisible();
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
  await report.period('Custom range').check();
  await report.from.fill('2026-03-10');
  await report.to.fill('2026-03-01');
  await report.showPeriod.click();
  await expect(report.message).toContainText('ends earlier');
});

test('the print button opens the browser print dialog', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await app.show('Report');
  await app.report.print.click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
});
