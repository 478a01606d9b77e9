// A small static server for the built app in dist/, bound to loopback only. It exists so the
// serve command and the Playwright journeys run the release build exactly as a static host would,
// with the right MIME type for wasm and with caching, privacy and Content-Security-Policy headers
// set (docs/deploy.md lists the same headers for other hosts).
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { policy } from './pwa/csp.mjs';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = Number(portIndex >= 0 ? args[portIndex + 1] : 8080);
const root = resolve(process.env.TEND_DIST ?? 'dist');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// Only these two keep their names from build to build; every other file has a content hash in it.
const unhashed = new Set(['index.html', 'sw.js']);

const headers = (path, csp) => ({
  'Content-Type': types[extname(path)] ?? 'application/octet-stream',
  // Hashed files never change; the page and the service worker must always be revalidated.
  'Cache-Control': unhashed.has(basename(path)) ? 'no-cache' : 'public, max-age=31536000, immutable',
  // The policy allows the inline loader of the index.html being served, read afresh each time.
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
});

// Text and wasm go out compressed, as any static host would send them (docs/deploy.md): brotli
// when the browser takes it, else gzip. The release build writes each file's compressed copies
// beside it (name.br, name.gz), which are sent as they are; a file without them (or with copies
// older than itself) is compressed here once per version and kept.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg']);
const compressedCache = new Map();

function chooseEncoding(path, accepted) {
  if (!compressible.has(extname(path))) return null;
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

async function compressed(path, encoding) {
  const { mtimeMs } = await stat(path);
  const key = `${encoding}:${path}:${mtimeMs}`;
  if (!compressedCache.has(key)) {
    const ready = { br: `${path}.br`, gzip: `${path}.gz` }[encoding];
    // A copy older than its file is stale (the file was rebuilt without it) and is not sent.
    const fresh = ready ? await stat(ready).then((s) => s.mtimeMs >= mtimeMs, () => false) : false;
    const precompressed = fresh ? readFile(ready).catch(() => null) : Promise.resolve(null);
    compressedCache.set(key, precompressed.then((copy) => copy ?? readFile(path).then((raw) => {
      if (encoding === 'br') {
        return brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
      }
      return encoding === 'gzip' ? gzip(raw, { level: 9 }) : raw;
    })));
  }
  return compressedCache.get(key);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) throw new Error('outside the served folder');
    if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
    const encoding = chooseEncoding(path, req.headers['accept-encoding'] ?? '');
    const body = await compressed(path, encoding);
    const csp = policy(await readFile(join(root, 'index.html'), 'utf8'), { header: true });
    res.writeHead(200, {
      ...headers(path, csp),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      Vary: 'Accept-Encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }
});

// Compress the build's files both ways before answering anything (brotli at its best takes
// seconds), so whoever waits for the server to answer (Playwright, Lighthouse, the benchmark's
// gzip-only first visit) finds the app ready to load at full speed, and no page load is timed
// against the compressor.
const ready = readdir(root).then((names) => Promise.all(names
  .filter((name) => compressible.has(extname(name)))
  .flatMap((name) => ['br', 'gzip'].map((encoding) => compressed(join(root, name), encoding).catch(() => {})))))
  .catch(() => {});

ready.then(() => server.listen(port, '127.0.0.1', () => {
  console.log(`Tend is served at http://127.0.0.1:${port}/ (Ctrl-C stops it)`);
}));
