// While the app loads, the page already shows Tend's masthead, sections and a short note on what
// Tend is, from index.html alone; when the app runs it takes that first screen's place, and the
// two agree on the sections.
import { test as bare } from '@playwright/test';
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test('the first screen shows before the app runs and gives way to it', async ({ page }) => {
  // Hold the app's WebAssembly back until the first screen has been checked.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const app = new App(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const { shell } = app;
  await expect(shell.getByRole('heading', { level: 1 })).toHaveText('Tend');
  await expect(shell.getByRole('heading', { level: 2 })).toHaveText('Opening Tend…');
  await expect(shell).toContainText('not a diagnosis');
  const shellSections = await shell.getByRole('navigation', { name: 'Sections' }).getByRole('link')
    .evaluateAll((links) => links.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  expect(shellSections).toHaveLength(9);

  release();
  await expect(app.today.add).toBeEnabled();
  await expect(shell).toHaveCount(0);
  await expect(app.masthead).toHaveCount(1);
  await expect(app.main).toHaveCount(1);
  const appSections = await app.nav.getByRole('link')
    .evaluateAll((links) => links.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  expect(appSections).toEqual(shellSections);
});

test('the WebAssembly is fetched only after the first screen has painted, and checked', async ({ page }) => {
  const app = new App(page);
  await page.goto('/');
  await expect(app.shell).toHaveCount(0);
  await expect(app.today.weekHeading).toBeVisible();
  const timing = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-paint')[0]?.startTime,
    wasm: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.startTime,
    preloads: document.querySelectorAll('link[rel=preload][href$=".wasm"]').length,
    loader: [...document.querySelectorAll('script[type=module]')].map((s) => s.textContent).join(''),
  }));
  expect(timing.paint).toBeGreaterThan(0);
  expect(timing.wasm).toBeGreaterThanOrEqual(timing.paint);
  expect(timing.preloads).toBe(0);
  expect(timing.loader).toMatch(/integrity: 'sha384-[A-Za-z0-9+/=]+'/);
});

for (const [problem, answer] of [
  ['cannot be fetched', (route) => route.abort('internetdisconnected')],
  ['arrives damaged', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a program') })],
]) {
  // Not under the guard: a failed start rightly logs errors. The error still surfaces.
  bare(`when the WebAssembly ${problem}, the first screen says Tend could not start`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(/\.wasm$/, answer);
    const app = new App(page);
    await page.goto('/');
    const alert = app.shell.getByRole('alert');
    await expect(alert.getByRole('heading', { level: 2 })).toHaveText('Tend could not start');
    await expect(alert).toContainText("This browser could not load Tend's program (");
    await expect(alert).toContainText('Reload the page to try again.');
    await expect(app.shell.locator('nav a')).toHaveCount(9);
    expect(errors).toHaveLength(1);
  });
}
