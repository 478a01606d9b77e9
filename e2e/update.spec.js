// A new release, deployed while Tend is open: the running build keeps serving itself whole, the
// new one is offered in a status line, and it takes over only when its button is pressed; then
// the page reloads once onto the new build's files alone, and the old build's cache is gone.
// The two builds are dist/ and a copy of it whose service worker was generated again with another
// stamp (a different build id, page and cache); each is served in turn on the same origin.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { caches, controlled, serve } from './support/pwa.js';
import { buildPwa, readBuild } from '../scripts/pwa/build.mjs';
import { precompress } from '../scripts/precompress.mjs';

// One port above the shared server's (see playwright.config.js), so the two never meet.
const port = Number(process.env.TEND_E2E_PORT ?? 4173) + 1;
test.use({ baseURL: `http://127.0.0.1:${port}` });

test('an update waits for consent, then switches whole builds and drops the old cache', async ({ page }) => {
  const work = mkdtempSync(join(tmpdir(), 'tend-update-'));
  const [dirA, dirB] = [join(work, 'a'), join(work, 'b')];
  cpSync('dist', dirA, { recursive: true });
  cpSync('dist', dirB, { recursive: true });
  buildPwa(dirB, { stamp: 'the next release' });
  precompress(dirB);
  const [a, b] = [readBuild(dirA), readBuild(dirB)];
  expect(b.build).not.toBe(a.build);

  const app = new App(page);
  const { today, build, updatePrompt: prompt, switchVersion: accept } = app;
  let server = await serve(dirA, port);
  try {
    await app.open();
    await controlled(page);
    await today.log('50', 'Direct session');
    expect(await caches(page)).toEqual({ [`tend-${a.build}`]: a.files });
    await expect(prompt).toBeEmpty();

    // Deploy B: only B's files are on the server from now on.
    await server.stop();
    server = await serve(dirB, port);
    await page.reload();
    // The service worker finds the new build on reload; allow for a slow, busy machine.
    await expect(prompt).toContainText('A new version of Tend is ready', { timeout: 20_000 });
    await expect(prompt).toHaveAttribute('role', 'status');
    // Until the person agrees, the page is still build A, served whole from A's cache.
    await expect(build).toHaveAttribute('content', a.build);
    await expect(today.entries).toHaveCount(1);
    expect(await caches(page)).toEqual({ [`tend-${a.build}`]: a.files, [`tend-${b.build}`]: b.files });

    // The offer is the first stop for the keyboard.
    await page.keyboard.press('Tab');
    await expect(accept).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(build).toHaveAttribute('content', b.build);
    await expect(today.add).toBeEnabled();
    await expect(prompt).toBeEmpty();
    expect(await caches(page)).toEqual({ [`tend-${b.build}`]: b.files });
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.slice(1)));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((name) => !b.files.includes(name))).toEqual([]);

    await expect(today.entries).toHaveCount(1);
    await today.log('20', 'Documentation');
    await expect(today.weekTotal).toHaveText('1 h 10 min logged');
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
