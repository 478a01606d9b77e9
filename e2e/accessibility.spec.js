// axe-core finds no accessibility violations in any section, empty or filled with the demo data,
// in light and in dark colour schemes.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './guard.js';
import { Today } from './today.js';

for (const scheme of ['light', 'dark']) {
  test(`every section passes axe in the ${scheme} scheme`, async ({ page }) => {
    // Eight axe runs (Today empty and filled, then each of six sections): on a busy machine
    // this outgrows the default 30 s.
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    const today = new Today(page);
    await today.open();
    const check = async (what) => {
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.help}`);
      expect(found).toEqual([]);
    };
    await check('Today, empty');
    await page.getByRole('button', { name: 'Try it with demo data' }).click();
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await page.locator('details.numbers summary').first().click();
    await check('Today, demo data');
    const sections = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
    for (const section of sections) {
      await today.show(section);
      await check(section);
    }
  });
}
