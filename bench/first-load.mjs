// The first visit, measured as a new user meets it (the issue "A first visit that is quick on a
// slow phone network"): the bytes on the wire from navigation until Today is interactive, with
// brotli and with gzip only, the time to interactive on a fast-3G phone, on a slow-3G one (no
// budget) and unthrottled, and the bytes of everything the service worker precaches, fetched from
// the same server. bench/run.mjs calls it; `scripts/bench --first-load` runs this part alone.
import { request } from 'node:http';
import { readBuild } from '../scripts/pwa/build.mjs';

// Fast 3G as the issue gives it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, CPU slowed 4x.
export const FAST_3G = { downKbit: 1600, upKbit: 750, latencyMs: 150, cpuSlowdown: 4 };
// Slow 3G as the issue gives it (400 kbit/s, 400 ms; upload as DevTools' preset, 400 kbit/s), no
// budget of its own; each visit takes over ten seconds, so it has fewer runs.
export const SLOW_3G = { downKbit: 400, upKbit: 400, latencyMs: 400, cpuSlowdown: 4 };
const SLOW_RUNS = Number(process.env.TEND_BENCH_SLOW_RUNS ?? 3);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const BROTLI = 'br, gzip';
const GZIP = 'gzip';

// Today is interactive when the "Add entry" button is in the page and enabled and the week chart's
// svg is in the page (the selectors of e2e/pages/today.js). A mutation observer notes the moment,
// in milliseconds since navigation started (performance.now()).
const WATCH = `(() => {
  const ready = () => {
    const add = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add entry');
    return add && !add.disabled && document.querySelector('[data-testid=week-chart] svg');
  };
  const seen = new MutationObserver(() => {
    if (window.__firstLoadInteractive === undefined && ready()) {
      window.__firstLoadInteractive = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
})();`;

const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
};

const pathOf = (url) => new URL(url).pathname;
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|webmanifest|svg)$|\/$/;

/**
 * One first visit: a fresh context (empty cache, no service worker yet) at a phone's size, asking
 * for `encoding`. Returns the time to interactive and every request the page started before it,
 * each with its bytes on the wire (headers and body as received) once it has finished.
 */
async function visit(browser, app, { encoding, throttle }) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript({ content: WATCH });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  const problems = [];
  let navigation = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith(app)) {
      if (!e.request.url.startsWith('data:')) problems.push(`request to ${e.request.url}`);
      return;
    }
    if (navigation === null && e.type === 'Document') navigation = e.timestamp;
    requests.set(e.requestId, { path: pathOf(e.request.url), started: e.timestamp, finished: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    Object.assign(r, {
      status: e.response.status,
      encoding: headers['content-encoding'] ?? null,
      fromCache: e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache,
      headerBytes: e.response.encodedDataLength,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { finished: true, wire: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { finished: true, wire: 0, failed: e.errorText });
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await cdp.send('Network.enable');
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttle.latencyMs,
      downloadThroughput: (throttle.downKbit * 1000) / 8,
      uploadThroughput: (throttle.upKbit * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpuSlowdown });
  }
  await page.goto(app);
  await page.waitForFunction(() => window.__firstLoadInteractive !== undefined, null, { timeout: 120000, polling: 50 });
  const interactive = await page.evaluate(() => window.__firstLoadInteractive);
  // Every request started before Today was interactive, let finish; later ones (the service
  // worker's registration once the page is idle) are not part of the first load.
  const cutoff = navigation + interactive / 1000;
  const before = [...requests.values()].filter((r) => r.started <= cutoff);
  for (let i = 0; i < 600 && before.some((r) => !r.finished); i += 1) await page.waitForTimeout(50);
  await context.close();
  if (before.some((r) => !r.finished)) problems.push('a request of the first load did not finish');
  for (const r of before) {
    if (r.failed || r.status !== 200) problems.push(`${r.path}: ${r.failed ?? r.status}`);
    if (r.fromCache) problems.push(`${r.path} came from a cache on a first visit`);
    const asked = encoding.includes('br') ? 'br' : 'gzip';
    if (COMPRESSIBLE.test(r.path) && r.encoding !== asked) problems.push(`${r.path} came as ${r.encoding}, not ${asked}`);
  }
  if (problems.length) throw new Error(`first load (${encoding}): ${problems.join('; ')}`);
  const files = before.map((r) => ({ path: r.path, encoding: r.encoding, wire: r.wire, body: r.wire - r.headerBytes }));
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { interactive, files, wire: sum('wire'), body: sum('body') };
}

/** The bytes of one file as the server sends it for `encoding` (node's http does not decode). */
function fetchBytes(url, encoding) {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (d) => { bytes += d.length; });
      res.on('end', () => ok({ status: res.statusCode, encoding: res.headers['content-encoding'] ?? null, bytes }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Everything sw.js precaches (its FILES list), fetched from the server with each encoding. */
async function precache(app, dist) {
  const { files } = readBuild(dist);
  const result = { files: files.length };
  for (const [key, encoding] of [['brotli', BROTLI], ['gzip', GZIP], ['raw', 'identity']]) {
    let total = 0;
    for (const name of files) {
      const got = await fetchBytes(`${app}${name}`, encoding);
      if (got.status !== 200) throw new Error(`precache: ${name} answered ${got.status}`);
      const asked = { brotli: 'br', gzip: 'gzip', raw: null }[key];
      if (COMPRESSIBLE.test(name) && got.encoding !== asked) throw new Error(`precache: ${name} came as ${got.encoding}`);
      total += got.bytes;
    }
    result[key] = total;
  }
  return result;
}

export async function firstLoad(browser, app, dist, runs) {
  const log = (what) => process.stderr.write(`bench: first load, ${what}\n`);
  log('bytes with gzip only');
  const gzip = await visit(browser, app, { encoding: GZIP, throttle: FAST_3G });
  log(`fast 3G with brotli (${runs} runs)`);
  const throttled = [];
  for (let i = 0; i < runs; i += 1) throttled.push(await visit(browser, app, { encoding: BROTLI, throttle: FAST_3G }));
  log(`unthrottled (${runs} runs)`);
  const fast = [];
  for (let i = 0; i < runs; i += 1) fast.push(await visit(browser, app, { encoding: BROTLI, throttle: null }));
  log(`slow 3G with brotli (${SLOW_RUNS} runs)`);
  const slow = [];
  for (let i = 0; i < SLOW_RUNS; i += 1) slow.push(await visit(browser, app, { encoding: BROTLI, throttle: SLOW_3G }));
  const brotli = throttled[0];
  const sameBytes = [...throttled, ...fast, ...slow].every((v) => v.wire === brotli.wire);
  return {
    profile: FAST_3G,
    slowProfile: SLOW_3G,
    brotli: { wire: brotli.wire, body: brotli.body, files: brotli.files, sameInEveryRun: sameBytes },
    gzip: { wire: gzip.wire, body: gzip.body, files: gzip.files },
    fast3g: stats(throttled.map((v) => v.interactive)),
    unthrottled: stats(fast.map((v) => v.interactive)),
    slow3g: stats(slow.map((v) => v.interactive)),
    precache: await precache(app, dist),
  };
}
