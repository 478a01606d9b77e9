// Backups: download one, lose everything, restore it, see the same numbers; a second restore
// changes nothing; bad files get a message and change nothing; the CSV reads as a table.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

const read = async (download) => Buffer.concat(await (await download.createReadStream()).toArray());

test('a backup restores every record after the site data is cleared', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await today.log('1:30', 'Documentation');
  await today.log('20', 'Travel');
  const total = await today.weekTotal.textContent();

  await today.show('Your data');
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('data-view').getByRole('button', { name: 'Download a backup' }).click();
  const backup = await read(await downloaded);
  expect(JSON.parse(backup.toString('utf8')).format).toBe('tend-backup');

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await today.show('Today');
  await expect(today.weekTotal).toHaveText('0 min logged');
  await today.show('Your data');

  const restore = page.getByTestId('restore');
  await restore.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(page.getByTestId('restore-preview')).toContainText('3 records (3 work entries): 3 new, 0 updated, 0 already here.');
  await restore.getByRole('button', { name: 'Restore', exact: true }).click();
  await today.show('Today');
  await expect(today.status).toContainText('Restored from the backup');
  await expect(today.weekTotal).toHaveText(total);
  await expect(today.dayEntries.locator('li')).toHaveCount(3);

  // The same file again: nothing new, and the restore button says so.
  await today.show('Your data');
  await restore.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(page.getByTestId('restore-preview')).toContainText('0 new, 0 updated, 3 already here');
  await expect(restore.getByRole('button', { name: 'Nothing to restore' })).toBeDisabled();

  await page.reload();
  await today.show('Today');
  await expect(today.weekTotal).toHaveText(total);
});

test('bad files are refused with a message and change nothing', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('45', 'Admin');
  const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  await today.show('Your data');
  const restore = page.getByTestId('restore');
  const cases = [
    ['garbage.json', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]), 'not text'],
    ['broken.json', Buffer.from('{"format": "tend-backup", "vers'), 'not readable JSON'],
    ['other.json', Buffer.from('{"name": "something else"}'), 'not a Tend backup'],
    ['future.json', Buffer.from('{"format":"tend-backup","version":4,"schema":2,"exported_at":0}'), 'newer version of Tend'],
    ['huge.json', Buffer.alloc(6 * 1024 * 1024, 32), 'never larger than 5 MB'],
  ];
  for (const [name, buffer, message] of cases) {
    await restore.getByLabel('Backup file').setInputFiles({ name, mimeType: 'application/json', buffer });
    await expect(page.getByTestId('restore-message'), name).toContainText(message);
  }
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(before);
});

test('work entries download as a CSV table with a header row', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await today.show('Your data');
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download work entries (CSV)' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^tend-work-entries-\d{4}-\d{2}-\d{2}\.csv$/);
  // #17: a byte-order mark for Excel, and CRLF line ends as RFC 4180 asks.
  const text = (await read(file)).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('id,date,minutes,hours,kind,start,organisation,case,trauma,pro_bono');
  expect(lines[1]).toMatch(/^[0-9a-f]+-[0-9a-f]{8},\d{4}-\d{2}-\d{2},50,0\.83,Direct session,[0-9:]*,,,no,no$/);
});

/** Every section's text, without what changes by itself (the report's time, status lines). */
async function allSections(page, today) {
  const seen = {};
  for (const section of ['Today', 'Caseload', 'Organisations', 'Self-care', 'Report']) {
    await today.show(section);
    await expect(page.locator('main h2').first()).toBeVisible();
    const text = await page.locator('main').innerText();
    seen[section] = text
      .split('\n')
      .filter((line) => !/Made on|Restored|Logged|snapshot|Demo data loaded/.test(line))
      .join('\n');
  }
  return seen;
}

test('with the demo data, every section shows the same numbers after a restore into a cleared browser', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  // Reloaded, so every form starts from the stored data as it will after the restore.
  await page.reload();
  const before = await allSections(page, today);
  expect(before.Report).toMatch(/\d+ h( \d+ min)? of work on \d+ days/);

  await today.show('Your data');
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('data-view').getByRole('button', { name: 'Download a backup' }).click();
  const backup = await read(await downloaded);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await today.show('Today');
  await expect(today.weekTotal).toHaveText('0 min logged');
  await today.show('Your data');
  const restore = page.getByTestId('restore');
  await restore.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(page.getByTestId('restore-preview')).toContainText('0 updated, 0 already here');
  await restore.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByTestId('data-status')).toContainText('Restored from the backup');
  // Reloaded: what storage holds now, read back, shows the same in every section.
  await page.reload();
  expect(await allSections(page, today)).toEqual(before);
});
