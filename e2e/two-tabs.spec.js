// Two tabs editing at once: each sees the other's entries, and no edit is ever lost.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { storedState } from './support/stored.js';

test('interleaved edits in two tabs all survive and both tabs agree', async ({ page, context }) => {
  const first = new App(page);
  await first.open();
  const secondPage = await context.newPage();
  const second = new App(secondPage);
  await second.open();

  // Alternate between the tabs without waiting for the other to catch up.
  const minutes = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  for (const [i, m] of minutes.entries()) {
    const tab = i % 2 === 0 ? first : second;
    await tab.page.bringToFront(); // a person types into the tab in front
    await tab.today.log(String(m), 'Admin');
  }
  const total = minutes.reduce((a, b) => a + b, 0); // 155 minutes
  for (const tab of [first, second]) {
    await expect(tab.today.weekTotal).toHaveText(`2 h ${total - 120} min logged`);
    // Ten entries in a day: the two earliest fold under "Show earlier" until it is pressed.
    await expect(tab.today.entries).toHaveCount(8);
    await expect(tab.today.showEarlier).toHaveText('Show earlier (2 more entries)');
    await tab.today.showAll();
    await expect(tab.today.entries).toHaveCount(minutes.length);
  }
  // Rows of the month chunks and the recent chunk: [id, day, minutes, ...].
  const stored = (await storedState(page)).rows.map(({ row }) => row[2]).sort((a, b) => a - b);
  expect(stored).toEqual(minutes);

  // A delete in one tab shows in the other.
  await secondPage.bringToFront();
  await second.today.deleteButton('11 min admin').click();
  await expect(first.today.entries).toHaveCount(minutes.length - 1);
  await secondPage.close();
});

test('a tab holding stale data replays its edit on top instead of overwriting', async ({ page, context }) => {
  const first = new App(page);
  await first.open();
  const secondPage = await context.newPage();
  // The second tab will not hear the first tab's saves, as if the event were lost or late.
  await secondPage.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = (type, ...rest) => (type === 'storage' ? undefined : add(type, ...rest));
  });
  const second = new App(secondPage);
  await second.open();
  await page.bringToFront();
  await first.today.log('30', 'Travel');
  await first.today.log('40', 'Travel');
  await secondPage.bringToFront();
  await second.today.log('50', 'Direct session');
  await expect(second.today.entries).toHaveCount(3);
  await expect(second.today.weekTotal).toHaveText('2 h logged');
  await page.bringToFront();
  await page.reload();
  await expect(first.today.entries).toHaveCount(3);
  await secondPage.close();
});
