// Keyboard alone: a skip link first, a visible focus ring on whatever Tab reaches, sections
// changed from the keyboard, and each chart's summary and table of numbers reachable.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

/**
 * The focused element's outline and box shadow. Date and time fields have a calendar or clock
 * button of the browser's own that takes focus separately; then the field itself is not :focus,
 * page styles cannot reach that button, and `picker` says so (the browser draws its own ring).
 */
const focusStyle = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return {
    inMain: document.querySelector('main').contains(el),
    picker: el.matches('input[type="date"], input[type="time"]') && !el.matches(':focus') ? el.id : null, tag: `${el.tagName}#${el.id}[${el.type ?? ''}]`, text: el.textContent.trim().slice(0, 30), outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
});

test('the first Tab reaches "Skip to main content", which moves focus to the main content', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.keyboard.press('Tab');
  await expect(app.skipLink).toBeFocused();
  await expect(app.skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(app.main).toBeFocused();
  await expect(page).not.toHaveURL(/#main/);
  // The next Tab lands inside the main content, past the navigation.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.querySelector('main').contains(document.activeElement))).toBe(true);
});

test('everything Tab reaches in every section shows a visible focus ring', async ({ page }) => {
  // Eight sections of up to 120 Tab stops each, one round trip per stop.
  test.setTimeout(120_000);
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  const seen = [];
  for (const section of await app.sections()) {
    await app.showListed(section);
    // How each date and time field looks without focus, to tell the browser's own ring on its
    // picker button from nothing at all.
    const unfocused = {};
    for (const field of await app.main.locator('input[type="date"]:visible, input[type="time"]:visible').all()) {
      unfocused[await field.getAttribute('id')] = await field.screenshot();
    }
    await app.main.focus();
    for (let i = 0; i < 120; i += 1) {
      await page.keyboard.press('Tab');
      const style = await focusStyle(page);
      if (!style.inMain) break;
      let ring = (style.outline !== 'none' && style.width >= 2) || style.shadow !== 'none';
      if (style.picker) {
        // A picker's field is in the main content: the loop stops at the first stop outside it.
        const now = await app.main.locator(`#${style.picker}`).screenshot();
        ring = unfocused[style.picker] !== undefined && !now.equals(unfocused[style.picker]);
      }
      seen.push(`${section.name}: ${style.tag} "${style.text}" ${style.outline} ${style.width} ${style.shadow}: ${ring ? 'ring' : 'NO RING'}`);
    }
  }
  expect(seen.length).toBeGreaterThan(40);
  expect(seen.filter((s) => s.endsWith('NO RING'))).toEqual([]);
});

test('every section opens from the keyboard, and its charts have a summary and a table toggle', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  for (const section of await app.sections()) {
    const link = app.link(section.name);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(link).toHaveAttribute('aria-current', 'page');
    for (const figure of await app.charts.all()) {
      await expect(figure.locator('figcaption')).not.toBeEmpty();
      const summary = figure.locator('details > summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(figure.locator('details table')).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(figure.locator('details table')).toBeHidden();
    }
  }
});
