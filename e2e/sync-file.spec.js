// A sync file carried between two devices with no server: each device is its own browser
// context. A logs entries and a case and saves a sync file (choosing a sync passphrase); B opens
// it with the passphrase and shows the same; B edits and saves a file back; A opens it and both
// match. A wrong passphrase, a file that is not Tend's and a file cut short are refused in words
// and change nothing. The pages reach no origin but their own.
import { test as base, expect } from '@playwright/test';
import { guard } from './support/guard.js';
import { App } from './pages/app.js';

const PASSPHRASE = 'walnut harbour lantern';

const test = base.extend({
  // Opens a device: its own context and page, guarded to its own origin only.
  device: async ({ browser, baseURL }, use) => {
    const checks = [];
    const contexts = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      checks.push(await guard(page, new URL(baseURL).origin));
      const app = new App(page);
      await app.open();
      return app;
    });
    for (const context of contexts) await context.close();
    for (const check of checks) check();
  },
});

/** What a device shows: today's entries and the open cases, sorted. */
async function shown(app) {
  await app.show('Today');
  const entries = (await app.today.entries.allTextContents()).map((t) => t.trim()).sort();
  await app.show('Caseload');
  const cases = (await app.caseload.openCases.allTextContents()).map((t) => t.trim()).sort();
  return { entries, cases };
}

/** Every record and sync key the device stores. */
const stored = (app) => app.page.evaluate(() => JSON.stringify({ ...localStorage }));

test('a sync file carried from one device to another and back, with no server', async ({ device }) => {
  test.setTimeout(120_000);
  const a = await device();
  await a.show('Caseload');
  await a.caseload.openCase('C1', 'Moderate (6 points)');
  await a.show('Today');
  await a.today.log('50', 'Direct session', { caseLabel: 'C1' });
  await a.today.log('25', 'Documentation');
  await a.today.log('40', 'Supervision');

  await a.show('Your data');
  const first = await a.data.syncFile.save(PASSPHRASE);
  // A name with the date only; a clear header and a sealed body that names no record.
  expect(first.file.suggestedFilename()).toMatch(/^tend-sync-\d{4}-\d{2}-\d{2}\.tsync$/);
  const [head, body] = first.text.split('\n');
  expect(JSON.parse(head)).toMatchObject({ format: 'tend-sync', version: 2, carried: true });
  expect(body).toMatch(/^[A-Za-z0-9+/]+=*$/);
  expect(Object.keys(JSON.parse(head)).sort())
    .toEqual(['carried', 'clock', 'device', 'format', 'lock', 'version']);
  // A has no server: the Sync card still offers to set one up.
  await expect(a.data.sync.setUpButton).toBeVisible();

  const b = await device();
  await b.show('Today');
  await b.today.log('15', 'Admin');
  await b.show('Your data');
  const message = await b.data.syncFile.open(first.text, PASSPHRASE);
  await expect(message).toHaveText('Merged 3 entries and 1 case from the file.');
  const onA = await shown(a);
  const onB = await shown(b);
  expect(onB.cases).toEqual(onA.cases);
  expect(onB.entries).toHaveLength(4);
  for (const entry of onA.entries) expect(onB.entries).toContain(entry);

  // B edits (a delete, an entry, the case renamed) and saves a file back: no passphrase asked.
  await b.show('Today');
  await b.today.deleteButton('25 min documentation').click();
  await b.today.log('30', 'Travel');
  await b.show('Caseload');
  await b.caseload.button('Edit', 'C1').click();
  await b.caseload.label.fill('C1-b');
  await b.caseload.saveChanges.click();
  await b.show('Your data');
  await expect(b.data.syncFile.newPassphrase).toHaveCount(0);
  const back = await b.data.syncFile.save();

  await a.show('Your data');
  await expect(await a.data.syncFile.open(back.text, PASSPHRASE))
    .toHaveText('Merged 3 entries and 1 case from the file.');
  const after = await shown(a);
  expect(after).toEqual(await shown(b));
  expect(after.entries.join(' ')).not.toContain('25 min');
  expect(after.entries).toHaveLength(4);
  expect(after.cases.join(' ')).toContain('C1-b');

  // What A merged is kept: after a reload it is all still there.
  await a.page.reload();
  expect(await shown(a)).toEqual(after);
});

test('a wrong passphrase, a file that is not Tend\'s and a file cut short change nothing', async ({ device }) => {
  test.setTimeout(90_000);
  const a = await device();
  await a.show('Today');
  await a.today.log('50', 'Direct session');
  await a.show('Your data');
  const { text } = await a.data.syncFile.save(PASSPHRASE);

  const b = await device();
  await b.show('Today');
  await b.today.log('20', 'Admin');
  await b.show('Your data');
  const before = await stored(b);
  const refusals = [
    [text, 'not the passphrase', 'does not open this file'],
    ['BEGIN:VCALENDAR\nEND:VCALENDAR\n', PASSPHRASE, 'not a Tend sync file'],
    [text.slice(0, text.length - 20), PASSPHRASE, 'damaged or was changed outside Tend'],
  ];
  for (const [file, passphrase, says] of refusals) {
    const message = await b.data.syncFile.open(file, passphrase);
    await expect(message).toContainText(says);
    await expect(message).toContainText('Nothing was merged or changed');
  }
  expect(await stored(b)).toBe(before);
  expect((await shown(b)).entries).toHaveLength(1);

  // The right passphrase then works.
  await b.show('Your data');
  await expect(await b.data.syncFile.open(text, PASSPHRASE))
    .toHaveText('Merged 1 entry from the file.');
});

test('saving the first file asks for the new sync passphrase twice', async ({ device }) => {
  const a = await device();
  await a.show('Your data');
  const file = a.data.syncFile;
  await file.newPassphrase.fill('short');
  await file.repeatPassphrase.fill('short');
  await file.saveButton.click();
  await expect(file.message).toContainText('at least 8');
  await file.newPassphrase.fill(PASSPHRASE);
  await file.repeatPassphrase.fill(`${PASSPHRASE}!`);
  await file.saveButton.click();
  await expect(file.message).toContainText('differ');
  expect(await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tend.sync.'))))
    .toEqual([]);
});
