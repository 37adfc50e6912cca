#!/usr/bin/env bash
# Times the built page (dist/) at scale in headless Chromium and prints the table of
# BENCHMARKS.md: the lab, then stacks of about N resources for each N given
# (core/examples/big_stack.rs), each the median of RUNS runs (default 3).
#
#   scripts/page-bench.sh [N...]        (default: 100 400 1000)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/versions.sh
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 400 1000)
[ -f dist/index.html ] || { echo "page-bench: no dist/: run trunk build --release --offline first" >&2; exit 1; }
dir=target/page-bench
mkdir -p "$dir"
files=(tests/fixtures/ec2-lab/stack.json)
for n in "${sizes[@]}"; do
  cargo run -q --locked -p ec2-playground-core --example big_stack -- "$n" > "$dir/stack-$n.json"
  files+=("$dir/stack-$n.json")
done
NODE_PATH="$EC2P_TOOLS/node/node_modules" node tests/browser/page-bench.cjs "${files[@]}"
