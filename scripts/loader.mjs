// Rewrites the way a release page fetches its WebAssembly (issue 10). Trunk preloads the wasm from
// the <head>, so its 400-odd KB start downloading alongside the stylesheet and the first screen,
// and Lighthouse's phone model counts that download as holding back the first screen's paint.
// Tend's first screen is plain HTML and needs no wasm, so the page instead starts the download
// once the browser reports that screen painted (a paint timing entry), or after a second where
// nothing paints or the report is missing, as in a hidden tab. The fetch keeps the
// subresource-integrity check the preload tag carried.

/** Returns `html` without the wasm preload tag and with a loader that fetches after first paint. */
export function fetchAfterPaint(html, wasmName, integrity) {
  const escaped = wasmName.replace(/[.]/g, '\\.');
  const preload = html.match(new RegExp(`<link[^>]*${escaped}[^>]*>`))?.[0];
  if (!preload || !/rel=("?)preload\1/.test(preload)) {
    throw new Error('loader: the built page has no preload tag for the wasm');
  }
  const call = new RegExp(`module_or_path: ?'([^']*${escaped})'`);
  const path = html.match(call)?.[1];
  if (!path) throw new Error('loader: the built page does not load the wasm by its path');
  const painted = 'new Promise((go) => { setTimeout(go, 1000); try { new PerformanceObserver('
    + "(_, seen) => { seen.disconnect(); go(); }).observe({ type: 'paint', buffered: true }); } "
    + 'catch { go(); } })';
  const fetched = `${painted}.then(() => fetch('${path}', { integrity: '${integrity}' }))`;
  return html.replace(preload, '').replace(call, `module_or_path: ${fetched}`);
}
