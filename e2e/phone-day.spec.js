// A clinician's day logged on a phone between sessions, at 390x844 with touch: the Add button of
// the log form is on the first screen, a session for a case seen lately takes at most two taps
// (open Today, tap its one-tap entry), and the taps, keystrokes and scrolls the whole day took are
// counted and printed. With six one-tap choices showing, Add is still on the first screen; a
// one-tap entry offers Undo. At 360 px no section scrolls sideways.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const ORGS = [['Northside clinic', 'Salaried'], ['Riverside practice', 'Hourly contract', '80']];
const CASES = [['Ana', 'Northside clinic'], ['Ben', 'Northside clinic'], ['Cleo', 'Northside clinic'],
  ['Dev', 'Riverside practice'], ['Eli', 'Riverside practice']];

/** The day before `date` as the date field wants it (YYYY-MM-DD, local). */
function dayBefore(date) {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The top of the bottom navigation bar: what is above it is on the screen. */
async function visibleBottom(app) {
  const bar = await app.nav.boundingBox();
  return bar ? Math.min(bar.y, 844) : 844;
}

test('a day of sessions, documentation and breaks logged on a phone in few taps', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new App(page);
  const { today } = app;
  await app.open();

  // Set up: two organisations and five cases, through the sections as a clinician would.
  await app.show('Organisations');
  for (const [name, arrangement, rate = ''] of ORGS) await app.organisations.add(name, arrangement, rate);
  const yesterday = dayBefore(new Date());
  await app.show('Caseload');
  for (const [label, organisation] of CASES) {
    await app.caseload.opened.fill(yesterday);
    await app.caseload.openCase(label, undefined, false, organisation);
    await expect(app.caseload.openList).toContainText(label);
  }

  // Opening Today at 390x844: the glance is on top and the log form's Add button on the first
  // screen, above the navigation bar.
  await app.show('Today');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(today.glance).toBeVisible();
  await expect(today.glanceItems).toHaveCount(6);
  const add = await today.add.boundingBox();
  expect(add.y + add.height, 'the Add button is on the first screen').toBeLessThanOrEqual(await visibleBottom(app));

  // Yesterday's sessions, through the full form: the history the one-tap entries learn from.
  for (const [label, organisation] of CASES) {
    await today.log('50', 'Direct session', { date: yesterday, organisation, caseLabel: label });
  }
  await today.log('1:00', 'Documentation', { date: yesterday, organisation: 'None' });

  // Today's day, counted from opening the app.
  const count = { taps: 0, keystrokes: 0, scrolls: 0 };
  await page.reload();
  await expect(today.add).toBeEnabled();
  await expect(today.quickButtons).toHaveCount(CASES.length + 2);
  // Six one-tap choices and the break show, each in two short lines, and the full form's Add
  // button is still on the first screen.
  await page.evaluate(() => window.scrollTo(0, 0));
  const addNow = await today.add.boundingBox();
  expect(addNow.y + addNow.height, 'Add is on the first screen under six one-tap choices').toBeLessThanOrEqual(await visibleBottom(app));
  for (const button of await today.quickButtons.all()) {
    expect((await button.boundingBox()).height, 'a one-tap choice keeps to two lines').toBeLessThanOrEqual(56);
  }
  /** Taps a button, scrolling first (and counting it) if it is not on the screen. */
  const tap = async (button) => {
    const box = await button.boundingBox();
    const { scrollY } = await page.evaluate(() => ({ scrollY: window.scrollY }));
    if (box.y < 0 || box.y + box.height > await visibleBottom(app)) {
      await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      count.scrolls += 1;
    }
    expect(scrollY).toBeGreaterThanOrEqual(0);
    await button.tap();
    count.taps += 1;
  };

  for (const [label] of CASES) {
    const before = { ...count };
    await tap(today.quick(`${label},`));
    await expect(today.status).toContainText('Logged 50 min of direct session for today');
    // Opening Today is one tap; the session itself the other.
    expect(1 + count.taps - before.taps, `taps for ${label}'s session`).toBeLessThanOrEqual(2);
    expect(count.keystrokes - before.keystrokes).toBe(0);
  }
  await tap(today.quick('documentation'));
  await expect(today.status).toContainText('Logged 1 h of documentation for today');
  await tap(today.quickBreak);
  await expect(today.status).toContainText('micro-break for today');
  await tap(today.quickBreak);

  await expect(today.entries).toHaveCount(CASES.length + 1);
  await expect(today.glance).toContainText('Breaks today2 of 3');
  // The day's list: a compact row per entry and per break, Delete at the end of the same line.
  await expect(today.dayBreaks.locator('li')).toHaveCount(2);
  for (const row of [...await today.entries.all(), ...await today.dayBreaks.locator('li').all()]) {
    const [rowBox, deleteBox] = [await row.boundingBox(), await row.getByRole('button', { name: /^Delete/ }).boundingBox()];
    expect(rowBox.height, 'a row is one line high, or two for a long name').toBeLessThanOrEqual(64);
    expect(deleteBox.y + deleteBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
    expect(deleteBox.x, 'Delete is beside what it deletes').toBeGreaterThan(rowBox.x + rowBox.width / 2);
  }
  console.log(`phone day (5 sessions, 1 documentation block, 2 breaks): ${count.taps} taps, ${count.keystrokes} keystrokes, ${count.scrolls} scrolls`);
  expect(count.taps).toBe(8);

  // A one-tap entry tapped by mistake is taken back with Undo.
  await today.quick('Ana,').tap();
  await expect(today.entries).toHaveCount(CASES.length + 2);
  await expect(app.undoBar).toContainText('Logged 50 min of direct session');
  await app.undo.tap();
  await expect(today.entries).toHaveCount(CASES.length + 1);
  await expect(app.undoBar).toHaveCount(0);

  // The bar's targets are at least 44 px, and "More" opens and closes from the keyboard, Escape
  // giving focus back to it.
  for (const target of await app.nav.locator('a, button').all()) {
    if (await target.isVisible()) expect((await target.boundingBox()).height).toBeGreaterThanOrEqual(44);
  }
  await app.more.focus();
  await page.keyboard.press('Enter');
  await expect(app.more).toHaveAttribute('aria-expanded', 'true');
  await expect(app.link('Your data')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.more).toHaveAttribute('aria-expanded', 'false');
  await expect(app.more).toBeFocused();

  // At 360 px no section scrolls sideways.
  await page.setViewportSize({ width: 360, height: 780 });
  const sideways = [];
  for (const section of await app.sections()) {
    await app.showListed(section);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    }));
    if (scrollWidth > innerWidth) sideways.push(`${section.name}: ${scrollWidth} > ${innerWidth}`);
  }
  expect(sideways).toEqual([]);
});
