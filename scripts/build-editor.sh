#!/usr/bin/env bash
# Bundles the code editor (web/js/editor.js: CodeMirror 6 at the versions of
# web/js/package-lock.json) into one minified ES module, <out>/editor/editor.js.
# Offline: the packages were installed by scripts/setup.sh web. Trunk runs this before
# each build (Trunk.toml), with <out> its staging folder.
#
#   scripts/build-editor.sh [out]     (default: $TRUNK_STAGING_DIR, else dist)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out="${1:-${TRUNK_STAGING_DIR:-$here/dist}}"
js="$here/web/js"
if [ ! -x "$js/node_modules/.bin/esbuild" ]; then
  echo "build-editor: $js/node_modules is missing: run scripts/setup.sh web" >&2
  exit 1
fi
mkdir -p "$out/editor"
"$js/node_modules/.bin/esbuild" "$js/editor.js" --bundle --format=esm --minify \
  --target=es2020 --legal-comments=none --log-level=warning --outfile="$out/editor/editor.js"
