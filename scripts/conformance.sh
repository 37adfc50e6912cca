#!/usr/bin/env bash
# The proof by the real cdktf: for every fixture, export our project zip, unzip it into
# /home/learner/<fixture>, run its main.py with the real cdktf 0.21.0 (the venv of
# scripts/setup.sh), and compare the cdk.tf.json it writes, byte for byte, with our own
# `synth` of the same stack. Also checks that the exported Python compiles, is formatted as
# `ruff format` formats it and has its imports sorted as isort (ruff's I rules) sorts them.
# Fails loudly when the venv is missing: it never skips.
#
#   scripts/conformance.sh            every fixture
#   scripts/conformance.sh NAME...    only these
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/versions.sh"
"$here/scripts/setup.sh" cdktf python
cargo build --locked -q -p ec2-playground
export BIN="$here/target/debug/ec2-playground" RUFF="$EC2P_TOOLS/cdktf-venv/bin/ruff" here
cd "$here/tests/fixtures"
names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(ls)
work=$(mktemp -d)
export work
trap 'rm -rf "$work"' EXIT

check_one() {
  set -euo pipefail
  local name=$1 dir=/home/learner/$1 fail=0
  local stack="$here/tests/fixtures/$name/stack.json"
  "$BIN" export "$stack" -o "$work/$name.zip"
  unzip -tq "$work/$name.zip" > /dev/null
  rm -rf "$work/$name" "$dir" && mkdir -p "$work/$name" "$dir"
  unzip -q "$work/$name.zip" -d "$work/$name"
  cp -a "$work/$name"/*/. "$dir/"
  "$BIN" synth "$stack" --project-dir "$dir" -o "$work/$name.ours.json"
  local theirs
  if ! theirs=$("$here/scripts/cdktf-run.sh" "$dir"); then
    echo "FAIL $name: the real cdktf refused our main.py" >&2; return 1
  fi
  if ! cmp -s "$theirs" "$work/$name.ours.json"; then
    echo "FAIL $name: the real cdktf's output differs from our synth:" >&2
    diff "$theirs" "$work/$name.ours.json" | head -20 >&2
    fail=1
  fi
  if ! (cd "$dir" && "$RUFF" format --check --quiet --no-cache main.py $(ls user_data.py 2>/dev/null)); then
    echo "FAIL $name: ruff format would change our Python" >&2
    (cd "$dir" && "$RUFF" format --diff --no-cache main.py $(ls user_data.py 2>/dev/null)) >&2 || true
    fail=1
  fi
  if ! (cd "$dir" && "$RUFF" check --quiet --no-cache --select I main.py > /dev/null); then
    echo "FAIL $name: imports are not sorted as isort sorts them" >&2
    (cd "$dir" && "$RUFF" check --no-cache --select I --diff main.py) >&2 || true
    fail=1
  fi
  [ $fail -eq 0 ] && echo "ok   $name"
  return $fail
}
export -f check_one
start=$(date +%s)
status=0
printf '%s\n' "${names[@]}" | xargs -P 2 -I{} bash -c 'check_one {}' || status=1
echo "conformance: ${#names[@]} fixtures in $(( $(date +%s) - start ))s"
exit $status
