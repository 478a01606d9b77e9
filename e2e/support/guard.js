// A fixture every journey uses: it fails the test if the page (or its service worker) asks any
// other origin for anything, logs a console error, throws an uncaught error, or breaks its
// Content-Security-Policy. `guard` does the same for a page a journey opens by other means.
import { test as base, expect } from '@playwright/test';

/**
 * Collects the page's CSP violations, across reloads, into the returned list. The listener is an
 * init script, so the page's own policy cannot block it, and it reports through a binding.
 */
export async function watchCsp(page) {
  const violations = [];
  await page.exposeFunction('__tendCspViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__tendCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return violations;
}

/**
 * Starts watching `page` on `origin`; the returned function asserts nothing went wrong. `also`
 * lists other origins the page may reach (the sync journeys' WebDAV server); the browser's own
 * console lines about those requests' statuses are not counted as errors.
 */
export async function guard(page, origin, also = []) {
  const allowed = (url) => url.startsWith(origin) || also.some((o) => url.startsWith(o));
  const problems = [];
  const violations = await watchCsp(page);
  // On the context, so the service worker's own fetches are checked too.
  page.context().on('request', (request) => {
    const url = request.url();
    if (!allowed(url) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  page.on('console', (message) => {
    const about = (message.location()?.url ?? '') + message.text();
    if (message.type() === 'error' && !also.some((o) => about.includes(o))) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  return () => {
    const all = [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
    expect(all, 'the page stayed on its own origin, within its CSP, and logged no errors').toEqual([]);
  };
}

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const check = await guard(page, new URL(baseURL).origin);
    await use(page);
    check();
  },
});

export { expect };
