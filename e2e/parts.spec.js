// Every section but Today, and sync's working code, are parts of the app fetched the first time
// they are needed (issue 21; src/views/parts.rs, src/sync/part.rs, scripts/split.mjs). These
// journeys watch the page's own requests, with the service worker kept out so that nothing is
// fetched ahead for offline use: a first visit fetches no part, a section's part arrives when it
// is first opened and only once, and a part that cannot be fetched says so and can be fetched
// again.
import { test as bare } from '@playwright/test';
import { test, expect, guard } from './support/guard.js';
import { App } from './pages/app.js';

test.use({ serviceWorkers: 'block' });
bare.use({ serviceWorkers: 'block' });

/** The parts the page asked for, by name ("caseload", "sync", or "shared" for shared pieces). */
function watchParts(page) {
  const asked = [];
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname.split('/').pop();
    const part = file.match(/^split_([a-z_]+)-[0-9a-f]+\.wasm$/)?.[1];
    if (part) asked.push(part);
    else if (/^chunk_\d+-[0-9a-f]+\.wasm$/.test(file)) asked.push('shared');
  });
  return asked;
}

test('a first visit fetches only Today; a section arrives when first opened, and only once', async ({ page }) => {
  const asked = watchParts(page);
  const app = new App(page);
  await app.open();
  await expect(app.today.weekHeading).toBeVisible();
  // Today's draw is done; give any stray fetch a moment to show itself.
  await page.waitForTimeout(500);
  expect(asked, 'no part is fetched for Today, nor sync where it is not set up').toEqual([]);

  await app.show('Caseload');
  await expect(page.locator('#caseload-heading')).toBeVisible();
  expect(asked.filter((p) => p !== 'shared')).toEqual(['caseload']);

  await app.show('Today');
  await expect(app.today.add).toBeEnabled();
  await app.show('Caseload');
  await expect(page.locator('#caseload-heading')).toBeVisible();
  expect(asked.filter((p) => p === 'caseload'), 'a part once fetched is kept').toHaveLength(1);

  // Your data holds sync's cards, so sync's part comes with it.
  await app.show('Your data');
  await expect(app.data.sync.setUpButton).toBeVisible();
  expect(asked.filter((p) => p !== 'shared')).toEqual(['caseload', 'data', 'sync']);
});

// Not under the guard's console check: the part's failed fetch is rightly logged as an error.
bare('a section whose part is slow says it is opening; one that cannot be fetched offers to try again', async ({ page, baseURL }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new App(page);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let failing = true;
  await page.route(/\/split_risk-[0-9a-f]+\.wasm$/, async (route) => {
    await held;
    if (failing) await route.abort('internetdisconnected');
    else await route.continue();
  });
  await app.open();

  // Not app.show(), which waits for the section to arrive.
  await app.openMore();
  await app.link('Risk trend').click();
  const opening = page.getByTestId('section-opening');
  await expect(opening).toHaveText('Opening Risk trend…');
  await expect(opening).toHaveAttribute('role', 'status');
  await expect(opening).toHaveAttribute('aria-busy', 'true');

  release();
  const missing = page.getByTestId('section-missing');
  await expect(missing).toHaveAttribute('role', 'alert');
  await expect(missing).toContainText('Risk trend could not be opened');
  await expect(app.risk.section).toHaveCount(0);

  failing = false;
  await missing.getByRole('button', { name: 'Try again' }).click();
  await expect(app.risk.section).toBeVisible();
  await expect(missing).toHaveCount(0);
  expect(errors, 'a failed fetch throws nothing uncaught').toEqual([]);

  // The rest of the app kept working throughout.
  await app.show('Today');
  await expect(app.today.add).toBeEnabled();
  const check = await guard(page, new URL(baseURL).origin);
  await app.show('Risk trend');
  await expect(app.risk.section).toBeVisible();
  check();
});
