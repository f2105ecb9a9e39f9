// Bundles the page into web/dist/: web/boot.js into boot.js (the page's first
// script, a classic one), the page's modules into main.js and chunks (their
// stylesheets into main.css), the worker with Emscripten's heaplab.js into one
// classic script, and copies the static files and the wasm module beside them.
// Usage: node scripts/build-web.mjs [WASM_BUILD_DIR]   (default: build/wasm)
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const wasmBuild = process.argv[2] ?? join(root, 'build', 'wasm');

const copies = [
  [join(web, 'style.css'), 'style.css'],
  [join(wasmBuild, 'heaplab.wasm'), 'heaplab.wasm'],
];

for (const source of [join(web, 'index.html'), join(wasmBuild, 'heaplab.js'), ...copies.map(([path]) => path)]) {
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
const { metafile } = await build({
  ...common, entryPoints: [join(web, 'main.js')], outdir: dist, format: 'esm', splitting: true,
  chunkNames: 'chunks/[name]-[hash]', metafile: true,
});
// index.html preloads the chunks main.js imports (their names are hashed),
// so that the browser fetches them at once instead of when main.js asks.
// Not the playground's: it is imported after the first prompt, and fetching
// and compiling it earlier slows that prompt down.
const preloads = Object.keys(metafile.outputs)
  .filter((path) => path.endsWith('.js') && !path.endsWith('/main.js') && !metafile.outputs[path].entryPoint)
  .map((path) => `<link rel="modulepreload" href="${relative(dist, join(root, path))}">\n  `).join('');
// web/boot.js stays a script of its own, not inlined: the page's
// Content-Security-Policy (in index.html and scripts/serve.mjs) allows no
// inline script. It is small and the head's first request; while the parser
// waits for it, the browser's preload scanner already fetches what follows.
await build({ ...common, entryPoints: [join(web, 'boot.js')], outfile: join(dist, 'boot.js'), format: 'iife' });
const mainScript = '<script type="module" src="main.js">';
const page = await readFile(join(web, 'index.html'), 'utf8');
for (const tag of ['<script src="boot.js"></script>', mainScript]) {
  if (!page.includes(tag)) throw new Error(`build-web: index.html has no ${tag}`);
}
await writeFile(join(dist, 'index.html'), page.replace(mainScript, preloads + mainScript));
// Emscripten's heaplab.js (a classic script defining createHeaplab) heads the
// worker's script: one download fewer before the session can start.
const emscripten = await readFile(join(wasmBuild, 'heaplab.js'), 'utf8');
await build({
  ...common, entryPoints: [join(web, 'worker.js')], outfile: join(dist, 'worker.js'), format: 'iife',
  banner: { js: emscripten },
});
for (const [source, name] of copies) await copyFile(source, join(dist, name));

console.log(`build-web: page built in ${dist}`);
