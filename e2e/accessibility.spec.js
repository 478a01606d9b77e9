// axe-core finds no accessibility violations in any section (as listed by the navigation), empty
// and with the demo data, with the system in light and in dark, with the theme chosen by hand
// against the system's, and on a 360 px wide phone.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/guard.js';
import { loadDemo, openApp, sections, showSection } from './pages/sections.js';
import { Today } from './pages/today.js';

/** Runs axe on the page and collects readable lines for every violation. */
async function axe(page, what) {
  // Open every table of numbers, so axe checks them too.
  const closed = page.locator('main details:not([open]) > summary');
  while (await closed.count() > 0) await closed.first().click();
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${what}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')}) ${v.help}`);
}

/** Chooses a theme under "Your data" and checks it reached the page. */
async function chooseTheme(page, label, slug) {
  await page.goto('/#data');
  await page.getByLabel('Colours on this device').selectOption({ label });
  await expect(page.locator('html')).toHaveAttribute('data-theme', slug);
}

const modes = [
  { name: 'system light', system: 'light' },
  { name: 'system dark', system: 'dark' },
  { name: 'dark chosen on a light system', system: 'light', theme: ['Dark', 'dark'] },
  { name: 'light chosen on a dark system', system: 'dark', theme: ['Light', 'light'] },
];

for (const mode of modes) {
  // A chosen theme changes colours, not layout, so it is checked at one width.
  for (const width of mode.theme ? [1280] : [1280, 360]) {
    test(`every section passes axe: ${mode.name}, ${width} px wide`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: mode.system });
      await openApp(page);
      if (mode.theme) await chooseTheme(page, ...mode.theme);
      const all = await sections(page);
      const found = [];
      for (const data of ['empty', 'demo data']) {
        if (data === 'demo data') {
          await showSection(page, all[0]);
          await loadDemo(page);
        }
        for (const section of all) {
          await showSection(page, section);
          found.push(...await axe(page, `${section.name}, ${data}`));
        }
      }
      expect(found).toEqual([]);
    });
  }
}

test('the chosen theme overrides the system, is kept in the device settings, and can go back to the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  // The browser's bar (theme-color) follows the theme too: both entries take the chosen colour.
  const bars = () => page.evaluate(() => [...document.querySelectorAll('meta[name="theme-color"]')]
    .map((m) => m.getAttribute('content')));
  expect(await bars()).toEqual(['#1f5f8b', '#14191d']);
  await chooseTheme(page, 'Dark', 'dark');
  const dark = await background();
  expect(dark).not.toEqual(light);
  expect(await bars()).toEqual(['#14191d', '#14191d']);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tend.settings')).theme);
  expect(stored).toBe('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toEqual(dark);
  expect(await bars()).toEqual(['#14191d', '#14191d']);
  await chooseTheme(page, 'Light', 'light');
  expect(await bars()).toEqual(['#1f5f8b', '#1f5f8b']);
  await page.getByLabel('Colours on this device').selectOption({ label: 'Same as this device' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await background()).toEqual(light);
  expect(await bars()).toEqual(['#1f5f8b', '#14191d']);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toEqual(dark);
});

test('charts stay legible in dark mode: drawn on a light card', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await loadDemo(page);
  const card = await page.getByTestId('week-chart').locator('svg').evaluate((svg) => getComputedStyle(svg).backgroundColor);
  expect(card).toBe('rgb(255, 255, 255)');
  const page_bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(page_bg).not.toBe('rgb(255, 255, 255)');
});

test('with reduced motion asked for, nothing moves', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await page.getByRole('button', { name: 'Delete 50 min direct session' }).click();
  const animation = () => page.getByTestId('undo-bar').evaluate((bar) => getComputedStyle(bar).animationName);
  expect(await animation()).toBe('undo-in');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animation()).toBe('none');
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
    const s = getComputedStyle(el);
    return s.animationName !== 'none' || !s.transitionDuration.split(',').every((d) => parseFloat(d) === 0);
  }).map((el) => el.tagName));
  expect(moving).toEqual([]);
});
