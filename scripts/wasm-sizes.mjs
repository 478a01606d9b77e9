// Where the wasm's bytes go (issue 9): attributes the size of the release wasm to crates and to
// Tend's own modules. Run it after `trunk build --release`, which leaves the wasm with its
// function names in target/ (dist/ holds the stripped one):
//
//   node scripts/wasm-sizes.mjs            the main module, as a first visit fetches it
//   node scripts/wasm-sizes.mjs data       one part (split_data.wasm; see scripts/split.mjs)
//
// It runs wasm-bindgen (keeping names) and `wasm-opt -Oz -g` the way the release build does, so
// the sizes are those of the shipped code, then `twiggy top` (`cargo install twiggy`), and groups
// every function by the first crate in its name. Two groups are named for what they are rather
// than for their crate: Yew's `CompStateInner::view`, into which each function component's body
// is inlined, and serde's derived deserializers of Tend's own types. Names are only a guide:
// code inlined into another function counts where it landed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'tend.wasm');
if (!existsSync(built)) {
  console.error('wasm-sizes: no release wasm in target/; run `trunk build --release` first');
  process.exit(1);
}
const part = process.argv[2];
const work = mkdtempSync(join(tmpdir(), 'tend-sizes-'));
try {
  // Cut the program into its parts as the release build does, and look at the one asked for.
  const cut = join(work, 'cut');
  execFileSync('wasm_split_cli', [built, cut]);
  let input = join(cut, `split_${part}.wasm`);
  if (!part) {
    execFileSync('wasm-bindgen', ['--keep-debug', '--keep-lld-exports', '--target', 'web', '--out-dir', work, join(cut, 'main.wasm')]);
    input = join(work, 'main_bg.wasm');
  } else if (!existsSync(input)) {
    console.error(`wasm-sizes: there is no part named ${part}`);
    process.exit(1);
  }
  const named = join(work, 'named.wasm');
  execFileSync(join(root, 'node_modules', '.bin', 'wasm-opt'), [
    '-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    input, '-o', named,
  ]);
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', named], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  report(parse(csv));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Rows of twiggy's CSV as { name, bytes }; names may be quoted and hold commas. */
function parse(csv) {
  const rows = [];
  for (const line of csv.split('\n').slice(1)) {
    const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (match) rows.push({ name: match[1].replace(/^"|"$/g, '').replace(/""/g, '"'), bytes: +match[2] });
  }
  return rows;
}

function group(name) {
  const plain = name.replace(/\[[0-9a-f]+\]/g, '');
  if (plain.includes('function names') || plain.includes('"name" section')) return null;
  if (plain.startsWith('data segment')) return 'data (text, tables, panic locations)';
  if (plain.includes('CompStateInner') && plain.includes('::view')) return 'Yew view bodies of our components';
  if (/serde/.test(plain) && /(tend_core|tend)::/.test(plain) && /Deserialize|Visitor|__Field/.test(plain)) {
    return 'serde derive for our types';
  }
  const crate = plain.match(/([A-Za-z_][A-Za-z0-9_]*)::/)?.[1] ?? 'other (wasm-bindgen glue, intrinsics)';
  return ['core', 'alloc', 'std'].includes(crate) ? 'core/alloc/std (mostly generic code for our types)' : crate;
}

function report(rows) {
  const crates = new Map();
  const modules = new Map();
  let total = 0;
  for (const { name, bytes } of rows) {
    const key = group(name);
    if (key === null) continue;
    total += bytes;
    const c = crates.get(key) ?? { bytes: 0, count: 0 };
    crates.set(key, { bytes: c.bytes + bytes, count: c.count + 1 });
    const own = name.match(/^<?(tend(?:_core)?::[a-z_]+(?:::[a-z_]+)?)/)?.[1];
    if (own) modules.set(own, (modules.get(own) ?? 0) + bytes);
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`wasm without its name section: ${kb(total)} (raw, before compression)`);
  console.log('\nby crate or kind            size      share  functions');
  for (const [key, { bytes, count }] of [...crates].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 25)) {
    console.log(`${kb(bytes)}  ${(100 * bytes / total).toFixed(1).padStart(5)}%  ${String(count).padStart(5)}  ${key}`);
  }
  console.log('\nTend\'s own modules (functions named after them)');
  for (const [key, bytes] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${kb(bytes)}  ${key}`);
  }
}
