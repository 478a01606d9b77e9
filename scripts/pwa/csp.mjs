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

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The origins of the clinicians' sync servers this deployment admits, from TEND_SYNC_ORIGINS at
 * build time (space-separated, e.g. `https://cloud.example.org`): the only other origins the page
 * may connect to. None by default, so a deployment without sync admits no other origin at all.
 */
export function syncOrigins(env = process.env) {
  const listed = (env.TEND_SYNC_ORIGINS ?? '').split(/\s+/).filter(Boolean);
  for (const origin of listed) {
    const url = new URL(origin);
    if (url.origin !== origin || !/^https?:$/.test(url.protocol)) {
      throw new Error(`TEND_SYNC_ORIGINS: ${origin} is not an origin (scheme, host and port only)`);
    }
  }
  return listed;
}

/**
 * The policy for a built page. `header` adds the directives a <meta> element cannot carry
 * (frame-ancestors); the meta copy leaves them out because browsers ignore them there.
 */
export function policy(html, { header = false } = {}) {
  const directives = [
    ['default-src', "'none'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scriptHashes(html)],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...syncOrigins()],
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
