// Layout from a 360 px phone to a 1280 px desktop: in every section (as listed by the
// navigation), with the demo data, nothing scrolls sideways and every control in the main
// content is a large enough target. Each section is photographed at each width into
// docs/screenshots/responsive/<section>-<width>.png, which the README links to, and Today at
// 360 px is put beside the picture taken before the phone work (today-360-before.png) as
// docs/screenshots/today-360-before-after.png.
import { readFileSync } from 'node:fs';
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

const WIDTHS = [360, 768, 1280];

/**
 * Controls in the main content smaller than a touch target. Buttons, fields, selects and
 * disclosure summaries must be at least 44 px high. A checkbox counts by its label, which wraps
 * it and takes the click. Links inside running text may be 24 px high: WCAG 2.5.8 (target size,
 * minimum) exempts targets in a sentence; none is expected today.
 */
function smallTargets() {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const small = [];
  for (const el of document.querySelectorAll('main button, main a[href], main input, main select, main textarea, main summary')) {
    if (!visible(el)) continue;
    let target = el;
    if (el.matches('input[type="checkbox"], input[type="radio"]')) target = el.closest('label') ?? el;
    const inline = el.matches('a') && getComputedStyle(el).display === 'inline';
    const need = inline ? 24 : 44;
    const height = target.getBoundingClientRect().height;
    if (height < need - 0.5) {
      small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}" is ${height.toFixed(1)} px high`);
    }
  }
  return small;
}

test('every section fits 360, 768 and 1280 px without sideways scrolling, with large targets, and is photographed', async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  const app = new App(page);
  await app.open();
  await app.loadDemo();
  const all = await app.sections();
  const problems = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const section of all) {
      await app.showListed(section);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) problems.push(`${section.name} at ${width}px scrolls sideways (${scrollWidth} > ${innerWidth})`);
      for (const small of await page.evaluate(smallTargets)) problems.push(`${section.name} at ${width}px: ${small}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `docs/screenshots/responsive/${section.slug}-${width}.png`, fullPage: true });
    }
  }
  expect(problems).toEqual([]);
});

test('Today at 360 px before and after, side by side', async ({ page }) => {
  const picture = (name) => `data:image/png;base64,${readFileSync(`docs/screenshots/${name}`).toString('base64')}`;
  const before = picture('today-360-before.png');
  const after = picture('responsive/today-360.png');
  await page.setViewportSize({ width: 760, height: 600 });
  // The two pictures on a page of their own, drawn from data: addresses (nothing is fetched).
  await page.setContent(`<body style="margin:0;background:#fff;font:16px sans-serif">
    <div style="display:flex;gap:40px;align-items:flex-start;padding:0">
      <figure style="margin:0"><figcaption>Before</figcaption><img id="before" src="${before}" width="360"></figure>
      <figure style="margin:0"><figcaption>After</figcaption><img id="after" src="${after}" width="360"></figure>
    </div></body>`);
  for (const id of ['before', 'after']) {
    await expect.poll(() => page.locator(`#${id}`).evaluate((img) => img.complete && img.naturalWidth)).toBe(360);
  }
  await page.screenshot({ path: 'docs/screenshots/today-360-before-after.png', fullPage: true });
});
