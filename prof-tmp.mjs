import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 4793;
const server = spawn('node', ['scripts/serve-dist.mjs', '--port', String(port)], { stdio: 'ignore', env: { ...process.env, TEND_DIST: process.env.DIST } });
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const totals = {};
const runs = 5;
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('main h2', { timeout: 20000 });
  await page.waitForTimeout(500);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas; const samples = profile.samples;
  const incl = {};
  for (let i = 0; i < samples.length; i++) {
    const d = (dt[i + 1] ?? 0) / 1000;
    const seen = new Set();
    let id = samples[i];
    while (id !== undefined) {
      const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
      if (!seen.has(name)) { incl[name] = (incl[name] ?? 0) + d; seen.add(name); }
      id = parent.get(id);
    }
  }
  for (const [k, v] of Object.entries(incl)) totals[k] = (totals[k] ?? 0) + v / runs;
  await context.close();
}
const top = Object.entries(totals).sort((a, b) => b[1] - a[1]).filter(([k]) => !/^\((root|program|idle)\)$/.test(k) && (process.env.FILTER ? new RegExp(process.env.FILTER).test(k) : true)).slice(0, Number(process.env.TOP ?? 45));
for (const [k, v] of top) console.log(v.toFixed(1).padStart(7), k.slice(0, 140));
await browser.close();
server.kill();
