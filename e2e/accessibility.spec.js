// axe-core finds no accessibility violations in any section (as listed by the navigation), empty
// and with the demo data, with the system in light and in dark, with the theme chosen by hand
// against the system's, on a 360 px wide phone, a 768 px tablet and a 1280 px desktop.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

/** Runs axe on the page and collects readable lines for every violation. */
async function axe(app, what) {
  // Open every table of numbers, so axe checks them too.
  const closed = app.main.locator('details:not([open]) > summary');
  while (await closed.count() > 0) await closed.first().click();
  const results = await new AxeBuilder({ page: app.page }).analyze();
  return results.violations.map((v) => `${what}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')}) ${v.help}`);
}

/** Chooses a theme under "Your data" and checks it reached the page. */
async function chooseTheme(app, label, slug) {
  await app.page.goto('/#data');
  await app.data.theme.selectOption({ label });
  await expect(app.html).toHaveAttribute('data-theme', slug);
}

const modes = [
  { name: 'system light', system: 'light' },
  { name: 'system dark', system: 'dark' },
  { name: 'dark chosen on a light system', system: 'light', theme: ['Dark', 'dark'] },
  { name: 'light chosen on a dark system', system: 'dark', theme: ['Light', 'light'] },
];

for (const mode of modes) {
  // A chosen theme changes colours, not layout, so it is checked at one width.
  for (const width of mode.theme ? [1280] : [1280, 768, 360]) {
    test(`every section passes axe: ${mode.name}, ${width} px wide`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: mode.system });
      const app = new App(page);
      await app.open();
      if (mode.theme) await chooseTheme(app, ...mode.theme);
      const all = await app.sections();
      const found = [];
      for (const data of ['empty', 'demo data']) {
        if (data === 'demo data') {
          await app.showListed(all[0]);
          await app.loadDemo();
        }
        for (const section of all) {
          await app.showListed(section);
          found.push(...await axe(app, `${section.name}, ${data}`));
        }
      }
      expect(found).toEqual([]);
    });
  }
}

test('the chosen theme overrides the system, is kept in the device settings, and can go back to the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const app = new App(page);
  await app.open();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  // The browser's bar (theme-color) follows the theme too: both entries take the chosen colour.
  const bars = () => page.evaluate(() => [...document.querySelectorAll('meta[name="theme-color"]')]
    .map((m) => m.getAttribute('content')));
  expect(await bars()).toEqual(['#1f5f8b', '#14191d']);
  await chooseTheme(app, 'Dark', 'dark');
  const dark = await background();
  expect(dark).not.toEqual(light);
  expect(await bars()).toEqual(['#14191d', '#14191d']);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tend.settings')).theme);
  expect(stored).toBe('dark');
  await page.reload();
  await expect(app.html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toEqual(dark);
  expect(await bars()).toEqual(['#14191d', '#14191d']);
  await chooseTheme(app, 'Light', 'light');
  expect(await bars()).toEqual(['#1f5f8b', '#1f5f8b']);
  await app.data.theme.selectOption({ label: 'Same as this device' });
  await expect(app.html).toHaveAttribute('data-theme', 'system');
  expect(await background()).toEqual(light);
  expect(await bars()).toEqual(['#1f5f8b', '#14191d']);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toEqual(dark);
});

test('charts stay legible in dark mode: drawn on a light card', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  const card = await app.today.chart.evaluate((svg) => getComputedStyle(svg).backgroundColor);
  expect(card).toBe('rgb(255, 255, 255)');
  const page_bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(page_bg).not.toBe('rgb(255, 255, 255)');
});

test('with reduced motion asked for, nothing moves', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.today.log('50', 'Direct session');
  await app.today.deleteButton('50 min direct session').click();
  const animation = () => app.undoBar.evaluate((bar) => getComputedStyle(bar).animationName);
  expect(await animation()).toBe('undo-in');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animation()).toBe('none');
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
    const s = getComputedStyle(el);
    return s.animationName !== 'none' || !s.transitionDuration.split(',').every((d) => parseFloat(d) === 0);
  }).map((el) => el.tagName));
  expect(moving).toEqual([]);
});
