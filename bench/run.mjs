// The performance benchmark: one headless Chromium run over the release build in dist/, which
// prints a table and writes bench/results.json. Run it through scripts/bench, which builds
// everything first. Every figure is the median of repeated runs with its range (min-max).
// With --first-load it measures only the first visit (bench/first-load.mjs) and writes
// bench/first-load.json instead, leaving the full results as they are. With --entries it
// measures only the cost of logging one entry, light and heavy, and prints it.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { budgets } from './budgets.mjs';
import { firstLoad } from './first-load.mjs';
import { printTable } from './table.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const APP_PORT = Number(process.env.TEND_BENCH_PORT ?? 4673);
const PAGE_PORT = APP_PORT + 1;
const RUNS = Number(process.env.TEND_BENCH_RUNS ?? 7);
const CHART_ROUNDS = Number(process.env.TEND_BENCH_CHART_ROUNDS ?? 21);
// Logging takes a few milliseconds, near the timer's and the machine's noise, and the budget is a
// ratio of two such medians; more entries keep that ratio from swinging between runs.
const ENTRIES = Number(process.env.TEND_BENCH_ENTRIES ?? 21);
const APP = `http://127.0.0.1:${APP_PORT}/`;
const ONLY_FIRST_LOAD = process.argv.includes('--first-load');
const ONLY_ENTRIES = process.argv.includes('--entries');
const LOAD_RUNS = Number(process.env.TEND_BENCH_LOAD_RUNS ?? 5);

const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
};

// --- Transfer sizes of the built app -------------------------------------------------------
function transferSizes() {
  const dist = join(ROOT, 'dist');
  const groups = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/, html: /\.html$/ };
  const sizes = {};
  for (const [group, pattern] of Object.entries(groups)) {
    const files = readdirSync(dist).filter((f) => pattern.test(f));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(dist, f))));
    const each = files.map((f) => readFileSync(join(dist, f)));
    const sum = (fn) => each.reduce((a, b) => a + fn(b), 0);
    sizes[group] = {
      files,
      raw: bytes.length,
      gzip: sum((b) => gzipSync(b, { level: 9 }).length),
      brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
    };
  }
  const total = {};
  for (const k of ['raw', 'gzip', 'brotli']) total[k] = Object.values(sizes).reduce((a, s) => a + s[k], 0);
  sizes.total = total;
  return sizes;
}

// --- Servers ---------------------------------------------------------------------------------
function startApp() {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/serve-dist.mjs'), '--port', String(APP_PORT)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d) => d.toString().includes('served') && ok(child));
    child.on('exit', (code) => fail(new Error(`the app server stopped (${code})`)));
  });
}

// Serves the chart page, its wasm and the two chart libraries from node_modules, on loopback.
function startPage() {
  const allowed = ['/bench/', '/node_modules/chart.js/dist/', '/node_modules/uplot/dist/'];
  const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT) || !allowed.some((a) => path.startsWith(a))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(PAGE_PORT, '127.0.0.1', () => ok(server)));
}

// --- Stored histories --------------------------------------------------------------------------
const today = new Date().toISOString().slice(0, 10);
const storeOf = (profile) =>
  JSON.parse(
    execFileSync(join(ROOT, 'target/release/examples/bench-store'), [profile, today, String(Date.now())], {
      maxBuffer: 64 * 1024 * 1024,
    }).toString(),
  );

// Runs in the page before Tend: preloads the history once per tab, counts every localStorage
// write, and notes when the week chart is first in the page and painted.
function initScript(store) {
  return `(() => {
    const data = ${JSON.stringify(store)};
    if (!sessionStorage.getItem('bench.preloaded')) {
      localStorage.clear();
      for (const [k, v] of Object.entries(data)) localStorage.setItem(k, v);
      sessionStorage.setItem('bench.preloaded', '1');
    }
    const writes = [];
    window.__benchWrites = writes;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      const result = setItem.call(this, key, value);
      if (this === window.localStorage) {
        writes.push({ key, chars: String(value).length, at: performance.now() });
        if (key === 'tend.index' && window.__benchOnIndex) window.__benchOnIndex();
      }
      return result;
    };
    const seen = new MutationObserver(() => {
      if (document.querySelector('[data-testid=week-chart] svg')) {
        seen.disconnect();
        window.__benchChartInserted = performance.now();
        requestAnimationFrame(() => { window.__benchFirstChart = performance.now(); });
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  })();`;
}

async function openWith(browser, store) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript({ content: initScript(store) });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => !r.url().startsWith(APP) && problems.push(`request to ${r.url()}`));
  await page.goto(APP);
  await page.waitForFunction(() => window.__benchFirstChart !== undefined, null, { timeout: 60000 });
  return { context, page, problems };
}

async function coldStart(browser, store) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page, problems } = await openWith(browser, store);
    times.push(await page.evaluate(() => window.__benchFirstChart));
    if (problems.length) throw new Error(problems.join('\n'));
    await context.close();
  }
  return stats(times);
}

// Logs one entry ENTRIES times (after one untimed): from the click to the index written (the
// commit point of the save) with the new entry in the day list.
async function logEntries(browser, store) {
  const { context, page, problems } = await openWith(browser, store);
  const times = [];
  const written = [];
  for (let i = 0; i <= ENTRIES; i += 1) {
    await page.getByLabel('Duration').fill('15');
    const result = await page.evaluate(async () => {
      // The day's rows shown plus those folded under "Show earlier (n more entries)".
      const rows = () => {
        const shown = document.querySelectorAll('[data-testid=day-entries] li').length;
        const more = document.querySelector('.show-earlier')?.textContent.match(/\((\d+) more/);
        return shown + (more ? Number(more[1]) : 0);
      };
      const before = rows();
      const from = window.__benchWrites.length;
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add entry');
      const t0 = performance.now();
      const saved = new Promise((ok) => { window.__benchOnIndex = ok; });
      button.click();
      await saved;
      const t1 = performance.now();
      window.__benchOnIndex = null;
      const writes = window.__benchWrites.slice(from);
      return { ms: t1 - t0, shown: rows() > before, chars: writes.reduce((a, w) => a + w.chars, 0), keys: writes.map((w) => w.key) };
    });
    if (!result.shown) throw new Error('the new entry was not shown when the save finished');
    if (i > 0) {
      times.push(result.ms);
      written.push(result.chars);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  await context.close();
  return { time: stats(times), writtenChars: stats(written) };
}

// Recomputes and redraws the dashboard charts: the week chart moved a week back and forth, and
// the caseload view (twelve weeks of caseload) opened from the week view.
async function redraw(browser, store) {
  const { context, page } = await openWith(browser, store);
  const week = [];
  const caseload = [];
  for (let i = 0; i <= RUNS; i += 1) {
    const ms = await page.evaluate(async (label) => {
      const svg = () => document.querySelector('[data-testid=week-chart] svg');
      const old = svg();
      const button = [...document.querySelectorAll('.week-nav button')].find((b) => b.textContent === label);
      const t0 = performance.now();
      button.click();
      while (svg() === old) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    }, i % 2 ? 'This week' : 'Previous week');
    if (i > 0) week.push(ms);
  }
  for (let i = 0; i <= RUNS; i += 1) {
    const ms = await page.evaluate(async () => {
      const link = (name) => [...document.querySelectorAll('nav.sections a')].find((a) => a.textContent.trim() === name);
      link('Today').click();
      while (!document.querySelector('[data-testid=week-chart] svg')) await new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      link('Caseload').click();
      while (!document.querySelector('[data-testid=caseload-chart] svg')) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    if (i > 0) caseload.push(ms);
  }
  await context.close();
  return { weekChart: stats(week), caseloadView: stats(caseload) };
}

async function charts(browser) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PAGE_PORT}/bench/chart.html`);
  await page.waitForFunction(() => window.benchChartReady === true);
  const series = await page.evaluate((day) => window.benchChart.setup(day), today);
  const times = await page.evaluate(([rounds]) => window.benchChart.run(rounds, 3), [CHART_ROUNDS]);
  await page.screenshot({ path: join(ROOT, 'bench/charts.png'), fullPage: true });
  await page.close();
  const result = { weeks: series.weeks };
  for (const [name, values] of Object.entries(times)) result[name] = stats(values);
  result.tendOverChartjs = result.tend.median / result.chartjs.median;
  result.tendOverUplot = result.tend.median / result.uplot.median;
  return result;
}

const machine = () => {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown';
  let cores = 0;
  try {
    cores = Number(execFileSync('nproc').toString().trim());
  } catch {
    cores = 0;
  }
  return { cpu, cores };
};

// Only the entry cost, light against heavy: the quick check after a change on that path.
async function entriesOnly() {
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const light = await logEntries(browser, storeOf('light'));
    const heavy = await logEntries(browser, storeOf('heavy'));
    const ms = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;
    console.log(`log one entry, light: ${ms(light.time)}`);
    console.log(`log one entry, heavy: ${ms(heavy.time)}`);
    console.log(`ratio heavy / light: ${(heavy.time.median / light.time.median).toFixed(2)}`);
  } finally {
    await browser.close();
    app.kill();
  }
}

async function main() {
  if (ONLY_ENTRIES) return entriesOnly();
  const sizes = transferSizes();
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  let pageServer = null;
  try {
    const results = {
      when: new Date().toISOString(),
      machine: { ...machine(), chromium: browser.version() },
      runs: RUNS,
      entries: ENTRIES,
      sizes,
    };
    if (!ONLY_FIRST_LOAD) {
      const stores = { empty: storeOf('empty'), light: storeOf('light'), heavy: storeOf('heavy') };
      const storedChars = (s) => Object.entries(s).reduce((a, [k, v]) => a + k.length + v.length, 0);
      pageServer = await startPage();
      results.storage = {
        heavyChars: storedChars(stores.heavy),
        heavyBytes: 2 * storedChars(stores.heavy),
        heavyKeys: Object.keys(stores.heavy).length,
        lightBytes: 2 * storedChars(stores.light),
      };
      process.stderr.write('bench: cold starts\n');
      results.coldStart = {};
      for (const profile of ['empty', 'light', 'heavy']) results.coldStart[profile] = await coldStart(browser, stores[profile]);
      process.stderr.write('bench: logging entries\n');
      results.logEntry = { light: await logEntries(browser, stores.light), heavy: await logEntries(browser, stores.heavy) };
      process.stderr.write('bench: redrawing with the heavy history\n');
      results.redraw = await redraw(browser, stores.heavy);
      process.stderr.write('bench: drawing the five-year series\n');
      results.charts = await charts(browser);
    }
    results.firstLoad = await firstLoad(browser, APP, join(ROOT, 'dist'), LOAD_RUNS);
    results.loadRuns = LOAD_RUNS;
    results.budgets = budgets(results);
    const out = ONLY_FIRST_LOAD ? 'bench/first-load.json' : 'bench/results.json';
    writeFileSync(join(ROOT, out), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
  } finally {
    await browser.close();
    app.kill();
    pageServer?.close();
  }
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});
