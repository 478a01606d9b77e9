// The first journey: log two entries for today, see them in the week's chart, reload, still there.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { DIRECT, DOCUMENTATION } from './pages/today.js';
import { storedState } from './support/stored.js';

test('two entries logged today appear in the week chart and survive a reload', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await expect(today.dayEmpty).toContainText('Nothing logged for today');
  await expect(today.weekTotal).toHaveText('0 min logged');

  await today.log('50', 'Direct session');
  await today.log('1:30', 'Documentation');

  const check = async () => {
    await expect(today.entries).toHaveCount(2);
    await expect(today.dayEntries).toContainText('50 min');
    await expect(today.dayEntries).toContainText('1 h 30 min');
    await expect(today.weekTotal).toHaveText('2 h 20 min logged');
    // One bar and one legend swatch per kind.
    await expect(today.bars(DIRECT)).toHaveCount(2);
    await expect(today.bars(DOCUMENTATION)).toHaveCount(2);
    await expect(today.chart).toHaveAttribute('aria-label', /2 h 20 min of work logged/);
  };
  await check();
  await page.screenshot({ path: 'docs/screenshots/today-and-week.png', fullPage: true });

  await page.reload();
  await check();
  const stored = await storedState(page);
  expect(stored.head.schema).toBe(5);
  expect(stored.head.revision).toBe(2);
  // The first save wrote the month's chunk; the second entry waits in the recent chunk.
  const [month, chunk] = Object.entries(stored.chunks)[0];
  expect(chunk.month).toBe(month);
  expect(stored.recent.months.map((m) => m.month)).toEqual([month]);
  // Rows: [id, day, minutes, kind code, ...]; 0 is a direct session, 3 documentation.
  expect(stored.rows.map(({ row }) => [row[2], row[3]])).toEqual([
    [50, 0],
    [90, 3],
  ]);
});

async function tabTo(page, target, most = 5) {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the form works by keyboard alone', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  // Tab passes the skip link, the eight section links, the six figures at a glance and the
  // one-tap break, then moves through the date's own parts to the duration.
  await tabTo(page, today.date, 20);
  await tabTo(page, today.duration);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('45');
  await page.keyboard.press('Tab');
  await expect(today.kind).toBeFocused();
  // Down to Documentation, past group session and assessment.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  // On past the optional start time and flags to the button.
  await tabTo(page, today.add, 8);
  await page.keyboard.press('Enter');
  await expect(today.status).toContainText('Logged 45 min of documentation');
  // Focus is back on the duration, ready for the next entry, which Enter alone submits.
  await expect(today.duration).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(today.status).toContainText('Logged 20 min of documentation');
  await expect(today.weekTotal).toHaveText('1 h 5 min logged');
});

test('an unreadable duration is explained and logs nothing', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.duration.fill('an hour or so');
  await today.add.click();
  await expect(today.durationError).toContainText('not a duration Tend can read');
  await expect(today.duration).toHaveAttribute('aria-invalid', 'true');
  await expect(today.weekTotal).toHaveText('0 min logged');
  expect(await page.evaluate(() => localStorage.getItem('tend.index'))).toBeNull();
});
