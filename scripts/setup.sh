#!/usr/bin/env bash
# Installs what the playground needs on a fresh Debian machine (root, rustup, Python 3.11, Node 20),
# skipping whatever is already there at the right version. Nothing here downloads from GitHub.
#
#   scripts/setup.sh            everything
#   scripts/setup.sh web        wasm target, trunk, wasm-bindgen, wasm-opt, the editor's npm packages
#   scripts/setup.sh browser    chromium, chromedriver, playwright-core
#   scripts/setup.sh cdktf      the real cdktf in a Python venv (goldens, conformance)
#   scripts/setup.sh python     ruff (formatting check of the generated main.py)
#   scripts/setup.sh diagram    rsvg-convert (the diagram as librsvg draws it, outside a browser)
#
# Tools that are not cargo binaries live in $EC2P_TOOLS (default ~/.cache/ec2-playground),
# so that fresh clones on the same machine share them.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/versions.sh
source "$here/scripts/versions.sh"
mkdir -p "$EC2P_TOOLS"

log() { printf '[setup] %s\n' "$*" >&2; }

setup_web() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (several minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  local want_bg
  want_bg=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want_bg" ]; then
    log "installing wasm-bindgen-cli $want_bg"
    # not --locked: its lockfile names a crate version this registry does not serve
    cargo install wasm-bindgen-cli --version "$want_bg" --force
  fi
  if [ ! -x "$EC2P_TOOLS/node/node_modules/.bin/wasm-opt" ] ||
     [ "$(cd "$EC2P_TOOLS/node" && node -p "require('binaryen/package.json').version" 2>/dev/null)" != "$BINARYEN_NPM_VERSION" ]; then
    log "installing npm binaryen $BINARYEN_NPM_VERSION"
    setup_node_pkgs
  fi
  setup_editor
}

# The code editor's packages (CodeMirror 6, esbuild), at the versions of web/js/package-lock.json.
setup_editor() {
  local js="$here/web/js"
  if [ ! -x "$js/node_modules/.bin/esbuild" ] || [ "$js/package-lock.json" -nt "$js/node_modules/.package-lock.json" ]; then
    log "installing the code editor's npm packages (web/js)"
    (cd "$js" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

setup_node_pkgs() {
  mkdir -p "$EC2P_TOOLS/node"
  (cd "$EC2P_TOOLS/node" &&
    { [ -f package.json ] || echo '{"name":"ec2p-tools","private":true}' > package.json; } &&
    npm install --no-audit --no-fund --loglevel=error \
      "binaryen@$BINARYEN_NPM_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" "axe-core@$AXE_CORE_VERSION" >&2)
}

setup_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
  fi
  if [ ! -d "$EC2P_TOOLS/node/node_modules/playwright-core" ] ||
     [ "$(cd "$EC2P_TOOLS/node" && node -p "require('playwright-core/package.json').version" 2>/dev/null)" != "$PLAYWRIGHT_VERSION" ] ||
     [ "$(cd "$EC2P_TOOLS/node" && node -p "require('axe-core/package.json').version" 2>/dev/null)" != "$AXE_CORE_VERSION" ]; then
    log "installing npm playwright-core $PLAYWRIGHT_VERSION (no browser download) and axe-core $AXE_CORE_VERSION"
    setup_node_pkgs
  fi
}

setup_unzip() {
  if ! command -v unzip >/dev/null; then
    log "installing unzip from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends unzip >&2
  fi
}

# librsvg's rsvg-convert: the diagram as GNOME, LibreOffice and slide tools draw it
# (scripts/diagram-rsvg-check.sh).
setup_rsvg() {
  if ! command -v rsvg-convert >/dev/null; then
    log "installing librsvg2-bin (rsvg-convert) from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends librsvg2-bin >&2
  fi
}

setup_cdktf() {
  local v="$EC2P_TOOLS/cdktf-venv"
  if [ -x "$v/bin/python" ] && "$v/bin/python" - <<PY 2>/dev/null
import importlib.metadata as m, sys
sys.exit(0 if m.version("cdktf") == "$CDKTF_VERSION" and m.version("cdktf-cdktf-provider-aws") == "$CDKTF_AWS_VERSION" else 1)
PY
  then return; fi
  log "installing cdktf $CDKTF_VERSION and cdktf-cdktf-provider-aws $CDKTF_AWS_VERSION in $v"
  python3 -m venv "$v"
  "$v/bin/pip" install -q --disable-pip-version-check \
    "cdktf==$CDKTF_VERSION" "cdktf-cdktf-provider-aws==$CDKTF_AWS_VERSION" "ruff==$RUFF_VERSION" >&2
}

setup_python() {
  setup_cdktf
  local v="$EC2P_TOOLS/cdktf-venv"
  if [ "$("$v/bin/ruff" --version 2>/dev/null)" != "ruff $RUFF_VERSION" ]; then
    "$v/bin/pip" install -q --disable-pip-version-check "ruff==$RUFF_VERSION" >&2
  fi
}

if [ $# -eq 0 ]; then set -- web browser cdktf python diagram; fi
for part in "$@"; do
  case "$part" in
    web) setup_web ;;
    browser) setup_browser ;;
    cdktf) setup_cdktf ;;
    python) setup_python; setup_unzip ;;
    diagram) setup_rsvg ;;
    *) echo "unknown part: $part" >&2; exit 2 ;;
  esac
done
