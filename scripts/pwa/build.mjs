// The installable-app step of a release build, run by scripts/post-build.mjs after wasm-opt has
// settled the wasm, so every hash below is of the final bytes. Into the staged folder it adds the
// icons (rendered from assets/icon.svg), the web app manifest, the service worker's registration
// script, and sw.js with the build's exact file list; into index.html it adds the CSP <meta> (with
// the hash of Trunk's inline loader, taken from the final HTML) and the links to the above.
// It can also be run on a built folder again, which replaces what it added before:
//   node scripts/pwa/build.mjs DIR [--stamp TEXT] [--public-url /]
// TEND_BUILD_STAMP (or --stamp) mixes extra text into the build id, so two builds of the same
// source can be told apart; the update journey in e2e/ uses it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policy } from './csp.mjs';
import { renderIcons } from './icons.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BEGIN = '<!--tend-pwa-->';
const END = '<!--/tend-pwa-->';
// Files this step writes; anything matching is removed before it runs again on the same folder.
const OURS = /^(sw\.js|manifest-[0-9a-f]+\.webmanifest|icon-\d+-(any|maskable|apple-touch)-[0-9a-f]+\.png|sw-register-[0-9a-f]+\.js)$/;

export const THEME = { light: '#1f5f8b', background: '#f6f5f1' };

const hex = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Writes `bytes` under `stem-<hash>.ext` in dir, like Trunk names its own files. */
function hashed(dir, stem, ext, bytes) {
  const name = `${stem}-${hex(bytes)}.${ext}`;
  writeFileSync(join(dir, name), bytes);
  return name;
}

function manifest(icons) {
  return {
    id: './',
    name: 'Tend',
    short_name: 'Tend',
    description: 'A private caseload and burnout self-check for mental-health clinicians. '
      + 'Everything stays in this browser.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: THEME.light,
    background_color: THEME.background,
    icons: icons
      .filter((i) => i.purpose !== 'apple-touch')
      .map((i) => ({ src: i.name, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
    // Long-pressing the installed app's icon offers the two things done between sessions.
    shortcuts: [
      { name: 'Log work', short_name: 'Log work', url: './#today' },
      { name: 'Log a break', short_name: 'Log a break', url: './#self-care' },
    ],
  };
}

/** Adds the installable-app files and tags to the built folder `dir`. Returns what it did. */
export function buildPwa(dir, { stamp = '', publicUrl = '/' } = {}) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  // Its own files from a previous run go, and so do precompressed copies (scripts/precompress.mjs):
  // this step changes the page, so they would be stale; they are written again after it.
  for (const name of readdirSync(dir)) if (OURS.test(name) || /\.(br|gz)$/.test(name)) rmSync(join(dir, name));
  const indexPath = join(dir, 'index.html');
  const page = readFileSync(indexPath, 'utf8').replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}`), '');
  writeFileSync(indexPath, page);

  // The id covers every input: Trunk's files, the page as Trunk wrote it, this step's sources
  // and the stamp. Any change gives a new id, so a new cache; the same inputs give the same id.
  const id = createHash('sha256');
  id.update(`stamp:${stamp}\n`);
  for (const name of readdirSync(dir).sort()) id.update(`${name}:${hex(readFileSync(join(dir, name)))}\n`);
  for (const source of ['web/sw.js', 'web/sw-register.js', 'assets/icon.svg', 'scripts/pwa/build.mjs',
    'scripts/pwa/icons.mjs', 'scripts/pwa/csp.mjs']) {
    id.update(`${source}:${hex(readFileSync(join(root, source)))}\n`);
  }
  const build = id.digest('hex').slice(0, 16);

  const icons = renderIcons(readFileSync(join(root, 'assets/icon.svg'), 'utf8'))
    .map((i) => ({ ...i, name: hashed(dir, `icon-${i.size}-${i.purpose}`, 'png', i.png) }));
  const manifestName = hashed(dir, 'manifest', 'webmanifest',
    Buffer.from(`${JSON.stringify(manifest(icons), null, 2)}\n`));
  const register = readFileSync(join(root, 'web/sw-register.js'));
  const registerName = hashed(dir, 'sw-register', 'js', register);
  const apple = icons.find((i) => i.purpose === 'apple-touch');

  const tags = [
    `<meta name="tend-build" content="${build}">`,
    `<link rel="manifest" href="${base}${manifestName}">`,
    `<link rel="apple-touch-icon" href="${base}${apple.name}">`,
    `<script defer src="${base}${registerName}" integrity="${sri(register)}"></script>`,
  ].join('');
  const charset = page.match(/<meta charset[^>]*>/i)?.[0];
  if (!charset) throw new Error('pwa: the built index.html has no <meta charset>');
  // The CSP goes first in <head> so it governs every tag after it; its hash is of the final HTML.
  const withTags = page.replace(charset, `${charset}${BEGIN}${tags}${END}`);
  const csp = `<meta http-equiv="Content-Security-Policy" content="${attr(policy(withTags))}">`;
  const html = withTags.replace(BEGIN, `${BEGIN}${csp}`);
  writeFileSync(indexPath, html);

  // Precache exactly this folder as it now stands (sw.js itself is fetched by the browser).
  const files = readdirSync(dir).sort().map((name) => [name, sri(readFileSync(join(dir, name)))]);
  const worker = `// Generated by scripts/pwa/build.mjs from web/sw.js for build ${build}; do not edit.\n`
    + `const BUILD = ${JSON.stringify(build)};\n`
    + `const FILES = [\n${files.map((f) => `  ${JSON.stringify(f)}`).join(',\n')}\n];\n\n`
    + readFileSync(join(root, 'web/sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), worker);
  const bytes = files.reduce((sum, [name]) => sum + readFileSync(join(dir, name)).length, 0);
  return { build, files: files.map(([name]) => name), bytes, icons: icons.map((i) => `${i.size} ${i.purpose}`) };
}

/** The build id and precached file names of a built folder, read back from its sw.js. */
export function readBuild(dir) {
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  const build = JSON.parse(worker.match(/^const BUILD = (.*);$/m)[1]);
  const files = JSON.parse(worker.match(/^const FILES = (\[[\s\S]*?\]);$/m)[1]).map(([name]) => name);
  return { build, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const dir = args[0];
  if (!dir || dir.startsWith('--')) {
    console.error('usage: node scripts/pwa/build.mjs DIR [--stamp TEXT] [--public-url /]');
    process.exit(2);
  }
  const done = buildPwa(dir, { stamp: option('--stamp', ''), publicUrl: option('--public-url', '/') });
  console.log(`pwa: build ${done.build}, ${done.files.length} files precached`);
}
