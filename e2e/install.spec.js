// Tend can be installed: Chromium finds no installability error, the manifest it fetched says
// what an installed app needs, its icons are real PNGs of the sizes they claim, and a service
// worker controls the page. Chromium never offers to install from an incognito profile, and
// Playwright's contexts are incognito, so this journey opens a persistent profile of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, guard } from './support/guard.js';
import { App } from './pages/app.js';
import { controlled } from './support/pwa.js';

/** Width and height from a PNG's header. */
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

test('the served build is installable and controlled by its service worker', async ({ playwright, baseURL, request }) => {
  const profile = mkdtempSync(join(tmpdir(), 'tend-install-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...test.info().project.use.launchOptions,
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const check = await guard(page, new URL(baseURL).origin);
    await new App(page).open();
    await controlled(page);
    const cdp = await context.newCDPSession(page);

    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);

    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    expect(url).toMatch(/\/manifest-[0-9a-f]{8,16}\.webmanifest$/);
    const manifest = JSON.parse(data);
    expect(manifest).toMatchObject({
      name: 'Tend', short_name: 'Tend', display: 'standalone', start_url: './', scope: './',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);

    const icons = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort();
    expect(icons).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const response = await request.get(new URL(icon.src, url).href);
      expect(response.headers()['content-type']).toBe('image/png');
      expect(pngSize(await response.body()).join('x')).toBe(icon.sizes);
    }

    // The shortcuts open the sections where work and breaks are logged.
    expect(manifest.shortcuts.map((s) => [s.name, new URL(s.url, url).hash])).toEqual([
      ['Log work', '#today'], ['Log a break', '#self-care'],
    ]);

    const worker = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
    expect(new URL(worker).pathname).toBe('/sw.js');
    check();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
