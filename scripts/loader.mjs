// Rewrites the way a release page fetches its WebAssembly (issue 10). Trunk preloads the wasm from
// the <head>, so its 400-odd KB start downloading alongside the stylesheet and the first screen,
// and Lighthouse's phone model counts that download as holding back the first screen's paint.
// Tend's first screen is plain HTML and needs no wasm, so the page instead starts the download
// once the browser reports that screen painted (a paint timing entry), or after a second where
// nothing paints or the report is missing, as in a hidden tab. The fetch keeps the
// subresource-integrity check the preload tag carried.
//
// Should the wasm fail to arrive or to start (no network and no offline copy, a damaged file, a
// browser without WebAssembly), the first screen says so in plain words instead of "Opening
// Tend…" for ever.

/** What the first screen says when the app cannot start; the error's own words go in between. */
const FAILED_TITLE = 'Tend could not start';
const FAILED_BEFORE = "This browser could not load Tend's program (";
const FAILED_AFTER = '). Reload the page to try again. Tend needs a current browser with '
  + 'WebAssembly, such as Firefox, Chrome, Edge or Safari. Nothing is lost: what you entered '
  + 'before stays in this browser.';

/** `html` without the wasm preload tag and with a loader that fetches after the first paint and
 * says so on the first screen if the app cannot start. */
export function fetchAfterPaint(html, wasmName, integrity) {
  const escaped = wasmName.replace(/[.]/g, '\\.');
  const preload = html.match(new RegExp(`<link[^>]*${escaped}[^>]*>`))?.[0];
  if (!preload || !/rel=("?)preload\1/.test(preload)) {
    throw new Error('loader: the built page has no preload tag for the wasm');
  }
  const call = new RegExp(`init\\(\\{ ?module_or_path: ?'([^']*${escaped})' ?\\}\\)`);
  const path = html.match(call)?.[1];
  if (!path) throw new Error('loader: the built page does not load the wasm by its path');
  const painted = 'new Promise((go) => { setTimeout(go, 1000); try { new PerformanceObserver('
    + "(_, seen) => { seen.disconnect(); go(); }).observe({ type: 'paint', buffered: true }); } "
    + 'catch { go(); } })';
  const fetched = `${painted}.then(() => fetch('${path}', { integrity: '${integrity}' }))`;
  const failed = '(error) => { const card = document.querySelector(\'#shell main .card\'); '
    + 'if (card && card.children.length > 1) { '
    + `card.children[0].textContent = ${JSON.stringify(FAILED_TITLE)}; `
    + `card.children[1].textContent = ${JSON.stringify(FAILED_BEFORE)} + error + `
    + `${JSON.stringify(FAILED_AFTER)}; card.setAttribute('role', 'alert'); } throw error; }`;
  return html.replace(preload, '')
    .replace(call, () => `init({ module_or_path: ${fetched} }).catch(${failed})`);
}
