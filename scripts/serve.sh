#!/usr/bin/env bash
# Sets up the machine, builds the playground (scripts/build-web.sh runs
# scripts/setup.sh) and serves it on http://localhost:${PORT:-8000}/ until stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-web.sh
exec node scripts/serve.mjs web/dist "${PORT:-8000}"
