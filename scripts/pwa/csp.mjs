// Tend's Content-Security-Policy, in one place. The build step puts a <meta> copy into the built
// index.html (for static hosts that cannot set headers) and scripts/serve-dist.mjs sends the full
// policy as a header; both come from here so they cannot drift apart. The only inline script is the
// module loader Trunk writes into the page: it is allowed by the sha256 hash of its exact text.
// Run as `node scripts/pwa/csp.mjs [dist]` to print the header value for a built folder.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The text of every inline <script> (one without a src attribute) in the page. */
export function inlineScripts(html) {
  const found = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(match[1])) found.push(match[2]);
  }
  return found;
}

/** CSP hash sources ('sha256-…') for the page's inline scripts. */
export function scriptHashes(html) {
  return inlineScripts(html).map(sha256);
}

// The one exception to `style-src 'self'`. On wasm, plotters (which draws the week chart) measures
// the chart's caption by putting a span on the page with a style attribute (its web font backend,
// `estimate_layout`). Instead of allowing inline styles, the policy allows exactly the style text it
// writes, by hash ('unsafe-hashes' makes a hash apply to attributes). Only the caption's font size
// (22 in core/src/chart.rs) is measured; if the chart gains another measured size, the Playwright
// journeys report a CSP violation naming the new text, and its size goes here.
const MEASURED_FONT_SIZES = [22];
export const CHART_MEASURE_STYLES = MEASURED_FONT_SIZES.map((size) =>
  `display: inline-block; font-family:sans-serif; font-style:normal; font-size: ${size}px; position: fixed; top: 100%`);

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The policy for a built page. `header` adds the directives a <meta> element cannot carry
 * (frame-ancestors); the meta copy leaves them out because browsers ignore them there.
 */
export function policy(html, { header = false } = {}) {
  const directives = [
    ['default-src', "'none'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scriptHashes(html)],
    ['style-src', "'self'"],
    ['style-src-attr', "'unsafe-hashes'", ...CHART_MEASURE_STYLES.map(sha256)],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  if (header) directives.push(['frame-ancestors', "'none'"]);
  return directives.map((d) => d.join(' ')).join('; ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  console.log(policy(readFileSync(join(dist, 'index.html'), 'utf8'), { header: true }));
}
