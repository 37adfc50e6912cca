#!/usr/bin/env bash
# Differential test against the real cdktf on generated stacks: the fixtures are hand
# written; this finds what they miss.
#
#   scripts/differential.sh [N [SEED]]     N stacks (default 10) from SEED (default 1)
#   ONLY="4 9" scripts/differential.sh N SEED   only these stacks of the N (to re-run failures)
#
# For each of N random but valid stacks (core/examples/gen_stacks.rs: hostile strings,
# numbers at the edges, colliding and overlong construct ids, all deterministic from SEED),
# it exports the project zip with our CLI, unzips it into /home/learner/diff-<i>, runs our
# main.py with the real cdktf 0.21.0 (scripts/cdktf-run.sh) and compares, byte for byte,
# the cdk.tf.json cdktf writes with our `synth --project-dir /home/learner/diff-<i>`; it
# also checks that `ruff format` leaves our Python as it is. Then the reader's law: the same
# stack written in another style (target/differential/seed-<SEED>/styled-<i>/: blocks as
# dicts, `import cdktf`, comments, variables; gen_stacks picks the style) is run by the real
# cdktf and read by `ec2-playground synth main.py`, and both must give the same bytes. A mismatch, a refusal by cdktf
# (our Python is wrong, or synth should refuse the stack as cdktf does) or a ruff change
# prints the stack document's path and a diff, keeps the folder and makes the script exit
# with status 1. Documents are kept in target/differential/seed-<SEED>/. At most two real
# synths run at once (each takes ~10-20 s and ~600 MB).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/versions.sh"
n=${1:-10}
seed=${2:-1}
"$here/scripts/setup.sh" cdktf python > /dev/null
# Two builds: with --example, cargo builds the example only, not the CLI the checks call.
cargo build --locked -q -p ec2-playground
cargo build --locked -q -p ec2-playground-core --example gen_stacks
export BIN="$here/target/debug/ec2-playground" RUFF="$EC2P_TOOLS/cdktf-venv/bin/ruff" here
export docs="$here/target/differential/seed-$seed"
rm -rf "$docs" && mkdir -p "$docs"
"$here/target/debug/examples/gen_stacks" --seed "$seed" --count "$n" --out "$docs"
work=$(mktemp -d)
export work
trap 'rm -rf "$work"' EXIT

check_one() {
  set -euo pipefail
  local i=$1 dir=/home/learner/diff-$1 fail=0
  local stack="$docs/stack-$i.json"
  "$BIN" export "$stack" -o "$work/$i.zip"
  rm -rf "$work/$i" "$dir" && mkdir -p "$work/$i" "$dir"
  unzip -q "$work/$i.zip" -d "$work/$i"
  cp -a "$work/$i"/*/. "$dir/"
  "$BIN" synth "$stack" --project-dir "$dir" -o "$work/$i.ours.json"
  local theirs
  if ! theirs=$("$here/scripts/cdktf-run.sh" "$dir" 2> "$work/$i.err"); then
    echo "FAIL stack $i ($stack): the real cdktf refused our main.py ($dir/main.py):" >&2
    # The JavaScript error (without jsii's Node banner and stack frames), then Python's last line.
    grep -v "^b'" "$work/$i.err" | sed '/^The above exception/q' | grep -v '^\s*at \|^The above' | head -15 >&2
    tail -n 1 "$work/$i.err" | cut -c1-300 >&2
    return 1
  fi
  if ! cmp -s "$theirs" "$work/$i.ours.json"; then
    echo "FAIL stack $i ($stack): the real cdktf's output ($theirs) differs from our synth (<: cdktf, >: ours):" >&2
    diff "$theirs" "$work/$i.ours.json" | head -30 >&2
    fail=1
  fi
  if ! (cd "$dir" && "$RUFF" format --check --quiet --no-cache main.py $(ls user_data.py 2>/dev/null)); then
    echo "FAIL stack $i ($stack): ruff format would change our Python ($dir):" >&2
    (cd "$dir" && "$RUFF" format --diff --no-cache main.py $(ls user_data.py 2>/dev/null)) 2>&1 | head -30 >&2 || true
    fail=1
  fi
  # The reader's law, on the same stack written in another style.
  rm -f "$dir/main.py" "$dir/user_data.py"
  cp "$docs/styled-$i"/*.py "$dir/"
  local styled
  if ! styled=$("$here/scripts/cdktf-run.sh" "$dir" 2> "$work/$i.styled.err"); then
    echo "FAIL stack $i ($docs/styled-$i/main.py): the real cdktf refused the styled main.py:" >&2
    tail -n 3 "$work/$i.styled.err" | cut -c1-300 >&2
    fail=1
  elif ! "$BIN" synth "$dir/main.py" --project-dir "$dir" -o "$work/$i.read.json" 2> "$work/$i.read.err"; then
    echo "FAIL stack $i ($docs/styled-$i/main.py): our reader refused what the real cdktf ran:" >&2
    head -5 "$work/$i.read.err" >&2
    fail=1
  elif ! cmp -s "$styled" "$work/$i.read.json"; then
    echo "FAIL stack $i ($docs/styled-$i/main.py): the real cdktf's output differs from the synth of our reading (<: cdktf, >: ours):" >&2
    diff "$styled" "$work/$i.read.json" | head -30 >&2
    fail=1
  fi
  if [ $fail -eq 0 ]; then
    echo "ok   stack $i (and its styled main.py)"
    rm -rf "$dir"
  fi
  return $fail
}
export -f check_one
start=$(date +%s)
status=0
indices=${ONLY:-$(seq 0 $((n - 1)))}
printf '%s\n' $indices | xargs -P 2 -I{} bash -c 'check_one {}' || status=1
echo "differential: $(printf '%s\n' $indices | wc -l) stacks of seed $seed in $(( $(date +%s) - start ))s$([ $status -eq 0 ] || echo ', with failures (documents in '"$docs"')')"
exit $status
