// Screenshots of the rebuilt-index banner and the Kept aside list at phone and desktop widths.
import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4390/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [w, h] of [[360, 780], [1280, 900]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(base);
  await page.getByRole('button', { name: 'Try it with demo data' }).click();
  await page.getByTestId('demo-banner').waitFor();
  await page.getByLabel('Duration').fill('45');
  await page.getByRole('button', { name: 'Add entry' }).click();
  await page.waitForTimeout(500);
  await page.evaluate(() => localStorage.removeItem('tend.index'));
  await page.reload();
  await page.getByTestId('rebuilt-banner').waitFor();
  await page.screenshot({ path: `/work/main/docs/screenshots/storage-rebuilt-${w}.png` });
  await page.getByRole('link', { name: 'Your data' }).first().click();
  await page.getByTestId('kept-aside').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/work/main/docs/screenshots/storage-kept-aside-${w}.png` });
  await page.close();
}
await browser.close();
