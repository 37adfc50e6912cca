#!/usr/bin/env bash
# Differential test against the real cdktf on generated stacks: the fixtures are hand
# written; this finds what they miss.
#
#   scripts/differential.sh [N [SEED]]     N stacks (default 10) from SEED (default 1)
#   ONLY="4 9" scripts/differential.sh N SEED   only these stacks of the N (to re-run failures)
#   BATCH=1 scripts/differential.sh N SEED      one real cdktf run per stack, as a learner runs it
#
# N random but valid stacks (core/examples/gen_stacks.rs: hostile strings, numbers at the
# edges, colliding and overlong construct ids, all deterministic from SEED) are each exported
# with our CLI; their main.py files go, up to BATCH (150) at a time, through ONE run of the
# real cdktf 0.21.0 (scripts/cdktf-many.py: one App, each stack built from its own main.py,
# one app.synth(); a run costs ~10-20 s whatever its size), and each stack's
# cdktf.out/stacks/<name>/cdk.tf.json is compared, byte for byte, with our `synth
# --project-dir <the run's folder>`. `ruff format` must leave our Python as it is. Then the
# reader's law: the same stacks written in another style (target/differential/seed-<SEED>/
# styled-<i>/: blocks as dicts, `import cdktf`, comments, variables; gen_stacks picks the
# style) are run by the real cdktf the same way and read by `ec2-playground synth main.py`,
# and both must give the same bytes. A stack's JSON is the same in a shared App as alone (no
# stack refers to another): docs/differential.md says how that was checked. A run that fails
# as a whole is split in halves until the stack at fault runs alone. A mismatch, a refusal by
# cdktf (our Python is wrong, or synth should refuse the stack as cdktf does) or a ruff change
# prints the stack document's path and a diff, keeps the stack's files in
# target/differential/seed-<SEED>/fail-<i>/ and makes the script exit with status 1 (to keep
# a failing stack as a fixture: docs/differential.md). Documents are kept in
# target/differential/seed-<SEED>/. At most two real synths run at once (~600 MB each).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/versions.sh"
n=${1:-10}
seed=${2:-1}
"$here/scripts/setup.sh" cdktf python > /dev/null
# Two builds: with --example, cargo builds the example only, not the CLI the checks call.
cargo build --locked -q -p ec2-playground
cargo build --locked -q -p ec2-playground-core --example gen_stacks
export BIN="$here/target/debug/ec2-playground" RUFF="$EC2P_TOOLS/cdktf-venv/bin/ruff"
export CDKTF_PY="$EC2P_TOOLS/cdktf-venv/bin/python" MANY="$here/scripts/cdktf-many.py" SEED="$seed"
docs="$here/target/differential/seed-$seed"
rm -rf "$docs" && mkdir -p "$docs"
"$here/target/debug/examples/gen_stacks" --seed "$seed" --count "$n" --out "$docs"
WORK=$(mktemp -d)
export WORK
trap 'rm -rf "$WORK"' EXIT
start=$(date +%s)
status=0
# shellcheck disable=SC2046
python3 "$here/scripts/differential.py" "$docs" ${ONLY:-$(seq 0 $((n - 1)))} || status=1
echo "differential: seed $seed in $(( $(date +%s) - start ))s$([ $status -eq 0 ] || echo ', with failures (documents in '"$docs"')')"
exit $status
