#!/usr/bin/env bash
# Builds the playground (release, as served) and runs the browser tests in headless
# Chromium (tests/browser/*.test.cjs, Node's test runner, playwright-core from $EC2P_TOOLS).
#
#   scripts/browser-test.sh            build, then test
#   scripts/browser-test.sh --no-build test the dist/ already there
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/versions.sh
if [ "${1:-}" != "--no-build" ]; then
  scripts/setup.sh web browser
  cargo fetch --locked >/dev/null
  trunk build --release --offline >&2
fi
mkdir -p test-artifacts
# The first load (the page's wasm) and the parts loaded when first needed.
for f in dist/*.wasm dist/reader/*.wasm dist/editor/*.js; do
  printf '%s: %s bytes raw, %s bytes gzipped\n' "${f#dist/}" "$(stat -c%s "$f")" "$(gzip -9c "$f" | wc -c)"
done
NODE_PATH="$EC2P_TOOLS/node/node_modules" node --test --test-reporter=spec tests/browser/*.test.cjs
