#!/usr/bin/env bash
# The README's run command: installs what the playground needs (scripts/setup.sh web),
# fetches the crates, builds with Trunk offline (local wasm-bindgen and wasm-opt, never a
# download) and serves the playground on 127.0.0.1, opening on the course lab.
#
#   scripts/serve.sh              http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh    another port
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/versions.sh
port=${PORT:-8080}
scripts/setup.sh web
cargo fetch --locked >/dev/null
# Trunk builds before it listens (minutes on a first run): the address is printed only once
# the server answers, so it is never a dead link.
trunk serve --release --offline --address 127.0.0.1 --port "$port" --disable-address-lookup &
trunk_pid=$!
trap 'kill "$trunk_pid" 2>/dev/null || true' INT TERM EXIT
until python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "http://127.0.0.1:$port/" 2>/dev/null; do
  kill -0 "$trunk_pid" 2>/dev/null || { wait "$trunk_pid"; exit $?; }
  sleep 1
done
printf '\nEC2 Playground: http://127.0.0.1:%s/ (the course lab opens; Ctrl-C stops)\n\n' "$port"
wait "$trunk_pid"
