#!/usr/bin/env bash
# Runs every test of the project, installing what it needs first (scripts/setup.sh skips
# what is already there). This is the README's test command, and all that .ci/run calls.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/versions.sh
# No incremental caches (1.5 GB of target/ for a run that compiles everything once): a CI
# machine once ran out of disk in this script.
export CARGO_INCREMENTAL=0
start=$(date +%s)
# Each step also prints the disk left and the size of target/: a CI run once died of a full disk.
step() {
  printf '\n== %s (%ss; disk free %s, target/ %s)\n' "$*" "$(( $(date +%s) - start ))" \
    "$(df -h --output=avail . | tail -1 | tr -d ' ')" "$(du -sh target 2>/dev/null | cut -f1 || echo 0)"
}

step "setup"
scripts/setup.sh

step "format"
cargo fmt --all --check

step "clippy (x86_64)"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --locked -p ec2-playground-core -p ec2-playground-web -p ec2-playground-reader --target wasm32-unknown-unknown -- -D warnings

step "unit, golden and CLI tests"
INSTA_UPDATE=no cargo test --locked --workspace

step "fuzzing (libFuzzer on stable, 6 targets, 4 s each; builds them the first time)"
scripts/fuzz.sh 4

step "benchmark budgets"
scripts/budgets.sh

step "the diagram as Chromium draws it (every fixture)"
scripts/diagram-render-check.sh

step "the diagram as librsvg draws it (rsvg-convert: lab and multi-zone)"
scripts/diagram-rsvg-check.sh

step "conformance with the real cdktf (every fixture)"
scripts/conformance.sh

step "differential test against the real cdktf (40 generated stacks, in one run of cdktf each for our code and the styled code)"
scripts/differential.sh 40 1

step "differential test against terraform validate (8 generated stacks, half broken on purpose)"
scripts/terraform-validate.sh 8 1

step "main.tf laws with the real Terraform (every fixture, 3 generated stacks)"
scripts/hcl-laws.sh 3 1

step "conformance with the real CDK Terrain (4 fixtures; every fixture by hand: scripts/cdktn-conformance.sh)"
scripts/cdktn-conformance.sh ec2-lab multi-zone all-attributes user-data-module

step "wasm32 build (trunk, release, offline)"
cargo fetch --locked >/dev/null
trunk build --release --offline

step "what the page makes a visitor download, against its budgets"
scripts/size-budget.sh

step "browser tests (headless Chromium)"
scripts/browser-test.sh --no-build

step "done in $(( $(date +%s) - start ))s"
