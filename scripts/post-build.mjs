// Trunk post-build hook. For release builds it shrinks the wasm with wasm-opt (from the npm
// package `binaryen`), has the page fetch the wasm after its first paint, checked by its new
// subresource-integrity hash (scripts/loader.mjs), prints the transfer sizes of the built app,
// and then makes the build an installable offline app (scripts/pwa/build.mjs: icons, manifest,
// service worker, CSP) with every file precompressed beside itself. That step runs here, after wasm-opt, because its file hashes must be
// of the final bytes; Trunk runs hooks of one stage side by side, so it could not be a hook of its
// own. Debug builds pass.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { buildPwa } from './pwa/build.mjs';
import { precompress } from './precompress.mjs';
import { fetchAfterPaint } from './loader.mjs';
import { splitIntoParts } from './split.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this through trunk');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const trunkFiles = readdirSync(staging);
const wasmName = trunkFiles.find((f) => f.endsWith('_bg.wasm'));
const glueName = wasmName && trunkFiles.find((f) => f === wasmName.replace(/_bg\.wasm$/, '.js'));
if (!wasmName || !glueName) {
  console.error('post-build: no wasm and glue in the staging folder');
  process.exit(1);
}
const wasmPath = join(staging, wasmName);
const wasmOpt = join(source, 'node_modules', '.bin', 'wasm-opt');
if (!existsSync(wasmOpt)) {
  console.error('post-build: wasm-opt is missing; run scripts/setup first');
  process.exit(1);
}
// rustc enables these wasm features by default; wasm-opt must be told to accept them.
const features = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
// Every section but Today goes into a part of its own, fetched when first opened (scripts/split.mjs).
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const { parts } = splitIntoParts({
  staging, wasmName, glueName, wasmOpt, features,
  linked: join(targetDir, 'wasm32-unknown-unknown', 'release', 'tend.wasm'),
});
console.log(`post-build: split into the main module and ${parts.length} parts`);
const files = readdirSync(staging);
const before = readFileSync(wasmPath).length;
execFileSync(wasmOpt, ['-Oz', ...features, '--strip-debug', '--strip-producers', wasmPath, '-o', wasmPath], { stdio: 'inherit' });
const wasm = readFileSync(wasmPath);

const indexPath = join(staging, 'index.html');
const integrity = `sha384-${createHash('sha384').update(wasm).digest('base64')}`;
// The page fetches the wasm itself once its first screen has painted, checking this hash.
writeFileSync(indexPath, fetchAfterPaint(readFileSync(indexPath, 'utf8'), wasmName, integrity));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (file, bytes) => {
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file, name: file.replace(/-[0-9a-f]{8,16}/, ''), raw: bytes.length, gz, br };
};
const rows = files
  .filter((f) => /\.(wasm|js|css)$/.test(f))
  .map((f) => row(f, readFileSync(join(staging, f))));
console.log(`post-build: wasm-opt -Oz took the main module from ${kb(before)} to ${kb(wasm.length)}`);
console.log('post-build: file                       raw        gzip       brotli');
const line = (name, r) => console.log(`post-build: ${name.padEnd(26)} ${kb(r.raw).padEnd(10)} ${kb(r.gz).padEnd(10)} ${kb(r.br)}`);
const total = (list) => ({ raw: list.reduce((a, r) => a + r.raw, 0), gz: list.reduce((a, r) => a + r.gz, 0), br: list.reduce((a, r) => a + r.br, 0) });
for (const r of rows) line(r.name, r);
line('total', total(rows));
// Everything but the parts is what a first visit fetches of these (the linking script included).
line('total without the parts', total(rows.filter((r) => !parts.includes(r.file))));

const pwa = buildPwa(staging, {
  stamp: process.env.TEND_BUILD_STAMP ?? '',
  publicUrl: process.env.TRUNK_PUBLIC_URL ?? '/',
});
console.log(`post-build: build ${pwa.build}; icons ${pwa.icons.join(', ')}`);
console.log(`post-build: the service worker precaches ${pwa.files.length} files, ${kb(pwa.bytes)}`);

// Compressed copies beside each file, written after the service worker's list, which names only
// the files themselves.
console.log(`post-build: ${precompress(staging)} files precompressed beside themselves (.br, .gz)`);
