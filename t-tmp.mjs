import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 4794;
const server = spawn('node', ['scripts/serve-dist.mjs', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.on('data', (d) => String(d).includes('served') && r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('main h2');
  await page.waitForTimeout(800);
  const r = await page.evaluate(() => ({ long: window.__long, nodes: document.querySelectorAll('*').length, svgNodes: document.querySelectorAll('svg *').length, hidden: document.querySelectorAll('details:not([open]) *').length }));
  console.log(JSON.stringify(r));
  await page.close();
}
await browser.close(); server.kill();
