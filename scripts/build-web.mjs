// Bundles the page into web/dist/: the page's modules into one ES module and
// their stylesheets into main.css, the worker into a classic script (it loads Emscripten's output with
// importScripts), and copies the static files and the wasm build beside them.
// Usage: node scripts/build-web.mjs [WASM_BUILD_DIR]   (default: build/wasm)
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const wasmBuild = process.argv[2] ?? join(root, 'build', 'wasm');

const copies = [
  [join(web, 'index.html'), 'index.html'],
  [join(web, 'style.css'), 'style.css'],
  [join(wasmBuild, 'heaplab.js'), 'heaplab.js'],
  [join(wasmBuild, 'heaplab.wasm'), 'heaplab.wasm'],
];

for (const [source] of copies) {
  if (!existsSync(source)) {
    console.error(`build-web: missing ${source} (build the wasm first: cmake --build build/wasm)`);
    process.exit(1);
  }
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const common = { bundle: true, minify: true, sourcemap: true, target: 'es2022', logLevel: 'warning' };
// Split: main.js starts the session at once and imports the playground's
// chunk dynamically (web/main.js says why).
await build({
  ...common, entryPoints: [join(web, 'main.js')], outdir: dist, format: 'esm', splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
await build({ ...common, entryPoints: [join(web, 'worker.js')], outfile: join(dist, 'worker.js'), format: 'iife' });
for (const [source, name] of copies) await copyFile(source, join(dist, name));

console.log(`build-web: page built in ${dist}`);
