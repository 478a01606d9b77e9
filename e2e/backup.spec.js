// Backups: download one, lose everything, restore it, see the same numbers; a second restore
// changes nothing; bad files get a message and change nothing; the CSV reads as a table.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { bytes as read } from './support/download.js';

test('a backup restores every record after the site data is cleared', async ({ page }) => {
  const app = new App(page);
  const { today, data } = app;
  await app.open();
  await today.log('50', 'Direct session');
  await today.log('1:30', 'Documentation');
  await today.log('20', 'Travel');
  const total = await today.weekTotal.textContent();

  await app.show('Your data');
  const backup = await read(await data.downloadBackup());
  expect(JSON.parse(backup.toString('utf8')).format).toBe('tend-backup');

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await app.show('Today');
  await expect(today.weekTotal).toHaveText('0 min logged');
  await app.show('Your data');

  await data.chooseBackup(backup);
  await expect(data.restorePreview).toContainText('3 records (3 work entries): 3 new, 0 updated, 0 already here.');
  await data.restoreButton.click();
  await app.show('Today');
  await expect(today.status).toContainText('Restored from the backup');
  await expect(today.weekTotal).toHaveText(total);
  await expect(today.entries).toHaveCount(3);

  // The same file again: nothing new, and the restore button says so.
  await app.show('Your data');
  await data.chooseBackup(backup);
  await expect(data.restorePreview).toContainText('0 new, 0 updated, 3 already here');
  await expect(data.nothingToRestore).toBeDisabled();

  await page.reload();
  await app.show('Today');
  await expect(today.weekTotal).toHaveText(total);
});

test('bad files are refused with a message and change nothing', async ({ page }) => {
  const app = new App(page);
  const { data } = app;
  await app.open();
  await app.today.log('45', 'Admin');
  const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  await app.show('Your data');
  const cases = [
    ['garbage.json', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]), 'not text'],
    ['broken.json', Buffer.from('{"format": "tend-backup", "vers'), 'not readable JSON'],
    ['other.json', Buffer.from('{"name": "something else"}'), 'not a Tend backup'],
    ['future.json', Buffer.from('{"format":"tend-backup","version":4,"schema":2,"exported_at":0}'), 'newer version of Tend'],
    ['huge.json', Buffer.alloc(6 * 1024 * 1024, 32), 'never larger than 5 MB'],
  ];
  for (const [name, buffer, message] of cases) {
    await data.chooseBackup(buffer, name);
    await expect(data.restoreMessage, name).toContainText(message);
  }
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(before);
});

test('work entries download as a CSV table with a header row', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.today.log('50', 'Direct session');
  await app.show('Your data');
  const file = await app.data.downloadCsv();
  expect(file.suggestedFilename()).toMatch(/^tend-work-entries-\d{4}-\d{2}-\d{2}\.csv$/);
  // #17: a byte-order mark for Excel, and CRLF line ends as RFC 4180 asks.
  const text = (await read(file)).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('id,date,minutes,hours,kind,start,organisation,case,trauma,pro_bono');
  expect(lines[1]).toMatch(/^[0-9a-f]+-[0-9a-f]{8},\d{4}-\d{2}-\d{2},50,0\.83,Direct session,[0-9:]*,,,no,no$/);
});

/** Every section's text, without what changes by itself (the report's time, status lines). */
async function allSections(app) {
  const seen = {};
  for (const section of ['Today', 'Caseload', 'Organisations', 'Self-care', 'Report']) {
    await app.show(section);
    await expect(app.firstHeading).toBeVisible();
    const text = await app.main.innerText();
    seen[section] = text
      .split('\n')
      .filter((line) => !/Made on|Restored|Logged|snapshot|Demo data loaded/.test(line))
      .join('\n');
  }
  return seen;
}

test('with the demo data, every section shows the same numbers after a restore into a cleared browser', async ({ page }) => {
  const app = new App(page);
  const { data } = app;
  await app.open();
  await app.loadDemo();
  // Reloaded, so every form starts from the stored data as it will after the restore.
  await page.reload();
  const before = await allSections(app);
  expect(before.Report).toMatch(/\d+ h( \d+ min)? of work on \d+ days/);

  await app.show('Your data');
  const backup = await read(await data.downloadBackup());

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await app.show('Today');
  await expect(app.today.weekTotal).toHaveText('0 min logged');
  await app.show('Your data');
  await data.chooseBackup(backup);
  await expect(data.restorePreview).toContainText('0 updated, 0 already here');
  await data.restoreButton.click();
  await expect(data.status).toContainText('Restored from the backup');
  // Reloaded: what storage holds now, read back, shows the same in every section.
  await page.reload();
  expect(await allSections(app)).toEqual(before);
});
