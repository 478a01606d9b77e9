// Calendar import: a real Google Calendar export (one hour every day) becomes work entries
// through the mapping rules and the preview, the week's hours show them, importing again adds
// nothing, and every broken file gets a message naming the problem while storage stays as it was.
import fs from 'node:fs';
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { SUPERVISION } from './pages/today.js';

const fixture = new URL('./fixtures/daily_recur.ics', import.meta.url);

// A locale whose weeks begin on Monday, so the week on Today is the ISO week counted below.
test.use({ locale: 'en-GB' });

/** Days from this week's Monday to today, both included, in the browser's own calendar. */
const daysThisWeek = (page) => page.evaluate(() => ((new Date().getDay() + 6) % 7) + 1);

test('a calendar imports through the rules, shows in the week, and a second import adds nothing', async ({ page }) => {
  const app = new App(page);
  const { today, data } = app;
  await app.open();
  await app.show('Your data');
  await expect(data.importFrom).not.toHaveValue('');
  await data.calendarFile.setInputFiles(fixture.pathname);

  // The default range is the last four weeks: 28 days, one hour each. No rule matches the
  // title yet, so the events get the default kind.
  const summary = data.importSummary;
  await expect(summary).toContainText('28 new work entries (28 h), 0 already imported');
  const sample = data.importRows;
  await expect(sample).toHaveCount(8);
  await expect(sample.first()).toContainText('Every day recurring');
  await expect(sample.first()).toContainText('Direct session');

  // A rule on the title: the preview follows it at once.
  await data.addRule.click();
  await data.rule(4, 'title contains').fill('every day');
  await data.rule(4, 'kind').selectOption({ label: 'Supervision' });
  await expect(sample.first()).toContainText('Supervision');
  await expect(sample.filter({ hasText: 'Direct session' })).toHaveCount(0);
  await expect(sample.first()).toContainText('1 h');
  await page.screenshot({ path: 'docs/screenshots/import.png', fullPage: true });

  await data.importButton('Import 28 entries').click();
  await expect(data.importMessage).toContainText(
    'Imported 28 work entries (28 h) from daily_recur.ics. The state before was kept as a snapshot.');

  await app.show('Today');
  const days = await daysThisWeek(page);
  await expect(today.weekTotal).toHaveText(`${days} h logged`);
  await expect(today.bars(SUPERVISION)).toHaveCount(days + 1); // one bar a day, plus the legend swatch
  await page.reload();
  await expect(today.weekTotal).toHaveText(`${days} h logged`);

  // The same file and range again: everything is already there.
  await app.show('Your data');
  await data.calendarFile.setInputFiles(fixture.pathname);
  await expect(summary).toContainText('0 new work entries (0 min), 28 already imported');
  await expect(data.importPresent).toContainText('28 entries');
  await expect(data.importButton('Nothing new to import')).toBeDisabled();
});

test('broken calendar files are refused with a message and change nothing', async ({ page }, testInfo) => {
  const app = new App(page);
  const { data } = app;
  await app.open();
  await app.today.log('45', 'Admin');
  const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  await app.show('Your data');
  const input = data.calendarFile;
  const real = fs.readFileSync(fixture);
  const big = testInfo.outputPath('huge.ics');
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 65));
  const cases = [
    ['empty.ics', Buffer.alloc(0), 'This file is empty, so there is nothing to import.'],
    ['garbage.ics', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]), 'it is not text (unreadable data at byte 0)'],
    ['backup.json', Buffer.from('{"format":"tend-backup","version":1}'), 'it does not begin with BEGIN:VCALENDAR'],
    ['cut.ics', real.subarray(0, 700), 'looks cut short'],
    ['crossed.ics', Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n'), 'The file is damaged: line 3 ends a VTODO, but the VEVENT begun on line 2 is still open.'],
    [big, null, 'The file is 50.0 MB; Tend reads calendar files of up to 5 MB.'],
  ];
  for (const [name, buffer, text] of cases) {
    await input.setInputFiles(buffer ? { name, mimeType: 'text/calendar', buffer } : name);
    await expect(data.importMessage, name).toContainText(text);
    await expect(data.importPreview).toHaveCount(0);
  }

  // Broken lines inside a calendar: the file is read, the lines are named and skipped.
  const broken = real.toString('utf8').replace('SUMMARY:Every day recurring', 'SUMMARY;X-BROKEN="no end:Every day recurring');
  await input.setInputFiles({ name: 'lines.ics', mimeType: 'text/calendar', buffer: Buffer.from(broken) });
  await expect(data.importWarnings).toContainText('could not be read');
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(before);
});

test('an event that would overfill a day is refused in the preview with the reason', async ({ page }) => {
  const app = new App(page);
  const { today, data } = app;
  await app.open();
  await today.log('23:30', 'On-call / crisis');
  await app.show('Your data');
  await data.calendarFile.setInputFiles(fixture.pathname);
  await expect(data.importSummary).toContainText('27 new work entries (27 h), 0 already imported, 1 refused');
  const day = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).replace(',', ''));
  await expect(data.importRefused).toContainText(`${day} would then hold 24 h 30 min of work, more than the 24 hours in a day`);
  await data.importButton('Import 27 entries').click();
  await app.show('Today');
  await expect(today.entries).toHaveCount(1);
});
