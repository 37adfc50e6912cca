#!/usr/bin/env bash
# Builds the main.py reader (reader/) into <out>/reader/: ec2_playground_reader.js and
# ec2_playground_reader_bg.wasm (wasm-bindgen --target web, then wasm-opt -Oz), which the
# page imports the first time it needs the code. Offline, with the same pinned tools as
# Trunk. Trunk runs this before each build (Trunk.toml), with <out> its staging folder.
#
#   scripts/build-reader.sh [out]     (default: $TRUNK_STAGING_DIR, else dist)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/versions.sh
source "$here/scripts/versions.sh"
out="${1:-${TRUNK_STAGING_DIR:-$here/dist}}"
profile="${TRUNK_PROFILE:-release}"
target_dir="${CARGO_TARGET_DIR:-$here/target}"
cd "$here"
if [ "$profile" = release ]; then
  cargo build --locked --offline -p ec2-playground-reader --release --target wasm32-unknown-unknown
  wasm="$target_dir/wasm32-unknown-unknown/release/ec2_playground_reader.wasm"
else
  cargo build --locked --offline -p ec2-playground-reader --target wasm32-unknown-unknown
  wasm="$target_dir/wasm32-unknown-unknown/debug/ec2_playground_reader.wasm"
fi
mkdir -p "$out/reader"
wasm-bindgen --target web --no-typescript --out-dir "$out/reader" "$wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/reader/ec2_playground_reader_bg.wasm" -o "$out/reader/ec2_playground_reader_bg.wasm"
fi
