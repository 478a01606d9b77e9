// Supervision, licensure hours and continuing education in the Requirements section: a broken set
// file refused with every problem listed and nothing kept; a set imported and a month of mixed
// work logged, with its progress, caps, the week that did not count, the projected date and what
// is due, on Today's glance and in the report too; the CE cycle of an example with an activity
// logged, deleted and brought back; and the licensure log printed to PDF with the same numbers as
// its CSV. The page's clock is fixed, so every figure is the one core/tests/requirements_views.rs
// works out by hand.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { download, text } from './support/download.js';

const SET = 'e2e/fixtures/requirement-set.json';
const NOW = new Date('2026-11-10T09:00:00Z');

/** The text of a PDF, all pages, with runs of white space made one space. */
async function pdfText(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let out = '';
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    out += content.items.map((item) => `${item.str} `).join('');
  }
  return { pages: pdf.numPages, text: out.replace(/\s+/g, ' ') };
}

/** Logs the month of work: sessions, notes and supervision, no supervision in the third week. */
async function logMonth(app) {
  await app.show('Today');
  const weeks = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'];
  for (const [w, monday] of weeks.entries()) {
    const day = (n) => new Date(Date.parse(`${monday}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await app.today.log('5h', 'Direct session', { date: day(0) });
    await app.today.log('5h', 'Direct session', { date: day(1) });
    await app.today.log('3h', 'Documentation', { date: day(2) });
    if (w !== 2) await app.today.log('2h', 'Supervision', { date: day(3) });
  }
}

/** axe finds nothing in the section, in light and in dark. */
async function noViolations(app) {
  for (const scheme of ['light', 'dark']) {
    await app.page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page: app.page }).include('main').analyze();
    expect(results.violations.map((v) => `${scheme}: ${v.id} ${v.help}`)).toEqual([]);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: NOW });
});

test('a broken set is refused whole; an imported set shows a month of work counted, capped and projected', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new App(page);
  const { requirements } = app;
  await app.open();
  await app.show('Requirements');
  await expect(requirements.empty).toBeVisible();
  await expect(requirements.ceEmpty).toBeVisible();

  // A file with three problems lists all three and keeps nothing.
  const broken = JSON.parse(fs.readFileSync(SET, 'utf8'));
  broken.name = '';
  broken.licensure.total_hours = -5;
  broken.licensure.categories[1].kinds = ['naps'];
  await requirements.importSet({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(requirements.importProblems).toHaveCount(3);
  for (const where of ['name:', 'licensure.total_hours:', 'licensure.categories[1].kinds[0]:']) {
    await expect(requirements.importProblemBox).toContainText(where);
  }
  await expect(requirements.empty).toBeVisible();

  await requirements.importSet(SET);
  await expect(requirements.status).toContainText('Added Associate hours');
  await expect(requirements.empty).toBeHidden();
  await expect(requirements.source('associate-hours')).toContainText('Rules of A made-up board');
  await expect(requirements.total('associate-hours')).toHaveText('0 min of 100 h counted (0.0%).');

  await logMonth(app);
  // Today's glance says how this month's supervision stands, and links to the section.
  const line = app.today.glance.getByRole('link', { name: /Supervision/ });
  await expect(line).toContainText('0 min of 4 h this month');
  await line.click();
  await expect(requirements.heading).toBeVisible();

  const id = 'associate-hours';
  await expect(requirements.total(id)).toHaveText('40 h 30 min of 100 h counted (40.5%).');
  await expect(requirements.category('clinical')).toContainText('40 h');
  await expect(requirements.category('clinical')).toContainText('30 h');
  await expect(requirements.category('clinical')).toContainText('10 h logged in weeks without enough supervision do not count.');
  await expect(requirements.category('supervision')).toContainText('1 h 30 min over the weekly cap do not count.');
  await expect(requirements.category('notes')).toContainText('3 h over the category\'s cap do not count.');
  await expect(requirements.weeksNotCounted(id)).toHaveCount(1);
  await expect(requirements.weeksNotCounted(id)).toContainText('Oct 19, 2026');
  await expect(requirements.projection(id)).toContainText('last 4 complete weeks');
  await expect(requirements.projection(id)).toContainText('Jan 22, 2027');
  await expect(requirements.due(id)).toHaveCount(1);
  await expect(requirements.due(id)).toContainText('Supervision each month: 4 h more supervision due by 2026-11-30');
  await expect(requirements.supervision('monthly').locator('tbody tr')).toHaveCount(2);
  await expect(requirements.supervision('monthly').locator('tbody tr').nth(1)).toContainText('Met');

  // Editing the start date moves the first week out of the log.
  await requirements.edit(id, { 'Licensure start date': '2026-10-12', Supervisor: 'Dr. A. Reyes' });
  await expect(requirements.total(id)).toHaveText('29 h of 100 h counted (29.0%).');
  await expect(requirements.set(id)).toContainText('Supervisor: Dr. A. Reyes.');
  await noViolations(app);

  // The report names the month's supervision too.
  await app.show('Report');
  await expect(page.getByTestId('report-supervision')).toContainText('Supervision each month (Associate hours)');

  // Removing the set can be undone; the records stay after a reload.
  await app.show('Requirements');
  await requirements.remove(id, 'Associate hours');
  await expect(requirements.empty).toBeVisible();
  await app.undo.click();
  await expect(requirements.set(id)).toBeVisible();
  await page.reload();
  await app.show('Requirements');
  await expect(requirements.total(id)).toHaveText('29 h of 100 h counted (29.0%).');
});

test('a CE cycle from an example counts a logged activity towards its total and ethics', async ({ page }) => {
  const app = new App(page);
  const { requirements } = app;
  await app.open();
  await app.show('Requirements');
  await requirements.addFromExamples('Example: Minnesota');
  const id = 'example-mn-licsw-ce';
  await expect(requirements.example).toHaveValue(id);
  await expect(requirements.source(id)).toContainText('Example built from the rules of');
  await expect(requirements.source(id)).toContainText('as read in 2026');
  await expect(requirements.source(id)).toContainText('current rules');
  await expect(requirements.ceStatus(id)).toContainText('No due date is set');

  await requirements.edit(id, { 'CE due date': '2027-06-30' });
  await expect(requirements.ceTotal(id)).toHaveText('0 min of 40 h completed in the cycle from Jul 1, 2025 to Jun 30, 2027.');
  await expect(requirements.ceStatus(id)).toHaveText('Open, 232 days left.');

  // A bad activity lists its problem and logs nothing.
  await requirements.logActivity({ date: '2026-10-20', hours: 'lots' });
  await expect(requirements.ceProblems).toHaveCount(1);
  await expect(requirements.ceEmpty).toBeVisible();

  await requirements.logActivity({ date: '2026-10-20', hours: '3', category: 'Ethics', provider: 'State ethics forum', certificate: 'Drive/CE/2026' });
  await expect(requirements.status).toContainText('Logged 3 h of CE');
  await expect(requirements.ceList).toHaveCount(1);
  await expect(requirements.ceList.first()).toContainText('ethics, State ethics forum, certificate: Drive/CE/2026');
  await expect(requirements.ceTotal(id)).toContainText('3 h of 40 h');
  await expect(requirements.set(id)).toContainText('Ethics: 3 h of 2 h');
  await noViolations(app);

  await requirements.ceList.first().getByRole('button', { name: /^Delete the activity/ }).click();
  await expect(requirements.ceEmpty).toBeVisible();
  await app.undo.click();
  await expect(requirements.ceList).toHaveCount(1);
  await expect(requirements.ceTotal(id)).toContainText('3 h of 40 h');
});

test('the licensure log prints to PDF with the numbers of its CSV', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const app = new App(page);
  const { requirements } = app;
  await app.open();
  await app.show('Requirements');
  await requirements.importSet(SET);
  await expect(requirements.status).toContainText('Added');
  await logMonth(app);
  await app.show('Requirements');

  const log = requirements.exporter('associate-hours');
  await log.from.fill('2026-10-01');
  await log.to.fill('2026-10-31');
  const file = await download(page, log.csv);
  expect(file.suggestedFilename()).toBe('tend-licensure-log-2026-10-01-to-2026-10-31.csv');
  const rows = (await text(file)).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  expect(rows[0]).toEqual(['set', 'week_start', 'week_end', 'category', 'logged_hours', 'counted_hours', 'weekly_cap_hours', 'week_counts', 'reason']);
  const sums = {};
  for (const row of rows.slice(1)) {
    sums[row[3]] ??= { logged: 0, counted: 0 };
    sums[row[3]].logged += Number(row[4]);
    sums[row[3]].counted += Number(row[5]);
  }
  expect(Object.keys(sums)).toEqual(['Client contact', 'Supervision received', 'Case notes']);

  await log.show.click();
  await expect(log.sheet).toBeVisible();
  await expect(log.totals).toHaveCount(3);
  await page.emulateMedia({ media: 'print' });
  await expect(log.print).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(testInfo.outputPath('licensure-log.pdf'), pdf);
  const { pages, text: printed } = await pdfText(pdf);
  console.log(`licensure log PDF: ${pages} page(s), ${pdf.length} bytes`);
  expect(pages).toBe(1);
  expect(printed).toContain('Licensure log: Associate hours');
  expect(printed).toContain('Dr. Ada Reyes');
  expect(printed).not.toContain('Add a requirement set');
  expect(printed).not.toContain('Continuing-education activities');
  for (const [name, { logged, counted }] of Object.entries(sums)) {
    const figures = new RegExp(`${name} ${logged.toFixed(2)} ${counted.toFixed(2)}`);
    expect(printed).toMatch(figures);
  }
  expect(sums['Client contact']).toEqual({ logged: 40, counted: 30 });
});
