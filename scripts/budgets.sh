#!/usr/bin/env bash
# Runs the core's criterion benchmarks and fails when a mean exceeds its budget.
# Budgets are for the native dev build (opt-level 1, the build the tests already made) on
# these 2-core machines, with room for a loaded machine. The browser runs the same code as
# release wasm; for the lab every output stays far below a keystroke's 16 ms. For scale, the
# real `cdktf synth` takes about 10 s for the lab and 12 s for 400 resources.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
cargo bench --locked -q --profile dev -p ec2-playground-core --bench outputs --bench diagram -- --warm-up-time 1 --measurement-time 2 > target/budgets.log 2>&1 || { cat target/budgets.log; exit 1; }
# The check and the diagram at 1,000 resources (core/benches/scale.rs; the 10,000 ones take
# minutes and run by hand): both were quadratic (BENCHMARKS.md).
cargo bench --locked -q --profile dev -p ec2-playground-core --bench scale -- '^scale/(check|diagram)/1000$' >> target/budgets.log 2>&1 || { cat target/budgets.log; exit 1; }
status=0
# name budget_in_microseconds
while read -r name budget; do
  est="target/criterion/$name/new/estimates.json"
  mean=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['mean']['point_estimate']/1000)" "$est")
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)" "$mean" "$budget"; then
    printf 'ok   %-18s %10.1f µs (budget %s µs)\n' "$name" "$mean" "$budget"
  else
    printf 'OVER %-18s %10.1f µs (budget %s µs)\n' "$name" "$mean" "$budget"; status=1
  fi
done <<'BUDGETS'
load_lab 500
synth_lab 1000
python_lab 1000
zip_lab 5000
check_lab 2000
synth_400 60000
check_400 150000
diagram_lab 2000
diagram_20x10 10000
read_lab 1000
read_1000 150000
scale/check/1000 250000
scale/diagram/1000 100000
BUDGETS
exit $status
