// Cuts a release build into the main module and the parts fetched when a section is first opened
// (issue 21; the split points are in src/views/parts.rs). Trunk has already run wasm-bindgen on
// the whole program; this step starts again from the linker's output, which keeps its relocations
// (`--emit-relocs`, .cargo/config.toml), so `wasm_split_cli` can see which code each split point
// alone reaches. Then:
//   1. wasm_split_cli writes main.wasm, one wasm per part (and pieces several parts share) and
//      __wasm_split.js, the script that fetches and links them;
//   2. wasm-bindgen makes the main module's glue, keeping the exports the parts link against;
//   3. the results replace Trunk's wasm and glue under Trunk's names; every part is shrunk with
//      wasm-opt and named by a hash of its bytes, like every other file of the build, and the
//      linking script is named `wasm-split-<hash>.js`;
//   4. the page's integrity hash for the glue is replaced with the new glue's.
// post-build.mjs then shrinks the main module and goes on as for an unsplit build.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const hex = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const swap = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`split: expected ${JSON.stringify(from)} in the generated code`);
  return text.split(from).join(to);
};

/**
 * Splits the build staged in `staging`, whose wasm and glue Trunk named `wasmName` and
 * `glueName`. `linked` is the linker's output, `wasmOpt` and `features` shrink each part.
 * Returns the names of the parts written (`parts`) and of the linking script (`linker`).
 */
export function splitIntoParts({ staging, wasmName, glueName, linked, wasmOpt, features }) {
  if (!existsSync(linked)) throw new Error(`split: the linker's output ${linked} is missing`);
  const work = mkdtempSync(join(tmpdir(), 'tend-split-'));
  try {
    const cut = join(work, 'cut');
    execFileSync('wasm_split_cli', [linked, cut], { stdio: ['ignore', 'inherit', 'inherit'] });
    const bound = join(work, 'bound');
    execFileSync('wasm-bindgen', [
      '--target', 'web', '--no-typescript', '--keep-lld-exports',
      '--out-dir', bound, '--out-name', 'main', join(cut, 'main.wasm'),
    ], { stdio: 'inherit' });

    // A part's fetch starts before anything awaits it; if it fails at once, the browser would
    // report the rejection as uncaught although the loader handles it a moment later (the
    // section then offers "Try again"). Marking it handled where it starts keeps the page quiet.
    let linker = swap(readFileSync(join(cut, '__wasm_split.js'), 'utf8'),
      'const src = fetch(srcUrl);', 'const src = fetch(srcUrl);\n        src.catch(() => {});');
    const parts = [];
    for (const file of readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').sort()) {
      const path = join(cut, file);
      execFileSync(wasmOpt, ['-Oz', ...features, '--strip-debug', '--strip-producers', path, '-o', path], { stdio: 'inherit' });
      const bytes = readFileSync(path);
      const name = `${file.replace(/\.wasm$/, '').replace(/[^A-Za-z0-9_]/g, '_')}-${hex(bytes)}.wasm`;
      linker = swap(linker, `"./${file}"`, `"./${name}"`);
      writeFileSync(join(staging, name), bytes);
      parts.push(name);
    }
    linker = swap(linker, '"./main.js"', `"./${glueName}"`);
    const linkerName = `wasm-split-${hex(Buffer.from(linker))}.js`;
    writeFileSync(join(staging, linkerName), linker);

    // The glue imports the linking script by module path; the wasm's import object keeps the
    // module's own name as its key, so only the `from` clauses change.
    const glue = swap(readFileSync(join(bound, 'main.js'), 'utf8'),
      'from "./__wasm_split.js"', `from "./${linkerName}"`);
    const gluePath = join(staging, glueName);
    const oldIntegrity = sri(readFileSync(gluePath));
    writeFileSync(gluePath, glue);
    copyFileSync(join(bound, 'main_bg.wasm'), join(staging, wasmName));

    const indexPath = join(staging, 'index.html');
    const page = readFileSync(indexPath, 'utf8');
    writeFileSync(indexPath, page.includes(oldIntegrity) ? swap(page, oldIntegrity, sri(Buffer.from(glue))) : page);
    return { parts, linker: linkerName };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
