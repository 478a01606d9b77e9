import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 4794;
const server = spawn('node', ['scripts/serve-dist.mjs', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.on('data', (d) => String(d).includes('served') && r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const areas = () => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const r = el.getBoundingClientRect();
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    out.push([Math.round(r.width * h), el.tagName, el.textContent.trim().slice(0, 50)]);
  }
  return out.sort((a, b) => b[0] - a[0]).slice(0, 5);
};
for (const block of [true, false]) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  if (block) await page.route(/\.wasm$/, () => {});
  await page.goto(`http://127.0.0.1:${port}/`);
  if (!block) await page.waitForSelector('main h2');
  await page.waitForTimeout(500);
  console.log(block ? 'shell' : 'app', JSON.stringify(await page.evaluate(areas)));
  await page.screenshot({ path: `/tmp/lh/${block ? 'shell' : 'app'}.png` });
  await page.close();
}
await browser.close(); server.kill();
