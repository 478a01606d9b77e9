// The Content-Security-Policy is strict, the same in the header and in the page's <meta> copy,
// enforced (an injected inline script does not run and is reported), and the static host's
// caching and type headers are as docs/deploy.md describes.
import { createHash } from 'node:crypto';
import { test as plain } from '@playwright/test';
import { test, expect, watchCsp } from './support/guard.js';
import { App } from './pages/app.js';
import { syncOrigins } from '../scripts/pwa/csp.mjs';

const directives = (policy) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/))
  .map(([name, ...values]) => [name, values.join(' ')]));

test('header and meta carry the same strict policy, allowing only the inline loader', async ({ page, request }) => {
  const response = await request.get('/');
  const html = await response.text();
  const header = directives(response.headers()['content-security-policy']);
  const loader = html.match(/<script type=module>([\s\S]*?)<\/script>/)[1];
  const loaderHash = `'sha256-${createHash('sha256').update(loader).digest('base64')}'`;
  expect(header).toMatchObject({
    'default-src': "'none'",
    'script-src': `'self' 'wasm-unsafe-eval' ${loaderHash}`,
    'style-src': "'self'",
    'img-src': "'self' data: blob:",
    // Only the sync servers the deployment lists (TEND_SYNC_ORIGINS at build time; none by default).
    'connect-src': ["'self'", ...syncOrigins()].join(' '),
    'manifest-src': "'self'",
    'worker-src': "'self'",
    'font-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  });
  // No inline style of any kind: charts size their text by estimate and never touch the page.
  expect(header['style-src-attr']).toBeUndefined();

  const app = new App(page);
  await app.open();
  const meta = await app.cspMeta.getAttribute('content');
  const { 'frame-ancestors': _, ...rest } = header;
  expect(directives(meta)).toEqual(rest);
});

test('the static server sends the caching and type headers the deploy notes ask for', async ({ request }) => {
  const get = async (path) => (await request.get(path)).headers();
  const page = await get('/');
  expect(page['cache-control']).toBe('no-cache');
  expect((await get('/sw.js'))['cache-control']).toBe('no-cache');
  const html = await (await request.get('/')).text();
  const wasm = html.match(/\/tend-[0-9a-f]{8,16}_bg\.wasm/)[0];
  const manifest = html.match(/\/manifest-[0-9a-f]{8,16}\.webmanifest/)[0];
  expect(await get(wasm)).toMatchObject({
    'content-type': 'application/wasm', 'cache-control': 'public, max-age=31536000, immutable',
  });
  expect((await get(manifest))['content-type']).toBe('application/manifest+json');
});

plain('the policy is enforced, and the journeys would see a violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await new App(page).open();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.body.append(script);
    return window.injectedRan === true;
  });
  expect(ran).toBe(false);
  // Reported once per policy in force (header and meta), each naming the blocked inline script.
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  for (const v of violations) expect(v).toMatch(/^script-src-elem blocked inline/);
});
