# Pinned tool versions, sourced by the scripts. Change them here only.
export EC2P_TOOLS="${EC2P_TOOLS:-$HOME/.cache/ec2-playground}"
TRUNK_VERSION=0.21.14
BINARYEN_NPM_VERSION=132.0.0
PLAYWRIGHT_VERSION=1.65.1
AXE_CORE_VERSION=4.14.1
CDKTF_VERSION=0.21.0
CDKTF_AWS_VERSION=21.22.1
RUFF_VERSION=0.17.6
export PATH="$HOME/.cargo/bin:$EC2P_TOOLS/node/node_modules/.bin:$EC2P_TOOLS/cdktf-venv/bin:$PATH"

# The wasm-bindgen version Cargo.lock resolved (the CLI must match it exactly).
wasm_bindgen_version() {
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$here/Cargo.lock"
}
