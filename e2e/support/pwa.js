// Helpers for the installable-app journeys: waiting for the service worker, reading caches, and
// running the static server on a folder of one's choice (to play a new release being deployed).
import { spawn } from 'node:child_process';

/** Waits until a service worker controls the page (it claims the page on its first install). */
export async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}

/** The cache names of the page's origin, and for each the paths it holds, sorted. */
export async function caches(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await window.caches.keys()) {
      const keys = await (await window.caches.open(name)).keys();
      out[name] = keys.map((r) => new URL(r.url).pathname.slice(1)).sort();
    }
    return out;
  });
}

/** Starts scripts/serve-dist.mjs on `port` serving `dir`; resolves once it listens. */
export async function serve(dir, port) {
  const child = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port)], {
    env: { ...process.env, TEND_DIST: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
    child.stdout.on('data', (chunk) => String(chunk).includes('is served at') && resolve());
  });
  return {
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
