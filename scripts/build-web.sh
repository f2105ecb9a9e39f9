#!/usr/bin/env bash
# Builds the playground without serving it: the WebAssembly module into
# build/wasm/ and the page into web/dist/. Steps that are up to date are quick.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's em++ runs node scripts that need acorn from Debian's node modules.
export NODE_PATH=/usr/share/nodejs

bash scripts/setup.sh  # installs only what is missing
if [ ! -f build/wasm/CMakeCache.txt ]; then
  cmake --preset wasm
fi
cmake --build build/wasm -j2 --target heaplab_wasm
node scripts/build-web.mjs
