// Writes each text file and the wasm of a built folder compressed beside itself (name.br with
// brotli 11, name.gz with gzip 9), for hosts that send precompressed copies as they are (nginx
// `gzip_static`/`brotli_static`, Caddy `precompressed`, scripts/serve-dist.mjs). Run after every
// step that changes a file: a copy older than its file is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(html|js|mjs|css|wasm|json|webmanifest|svg)$/;

/** Compresses every compressible file of `dir` both ways; returns how many files it did. */
export function precompress(dir) {
  const names = readdirSync(dir).filter((f) => compressible.test(f));
  for (const name of names) {
    const bytes = readFileSync(join(dir, name));
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  }
  return names.length;
}
