#!/usr/bin/env bash
# Regenerates every fixture's golden cdk.tf.json with the REAL cdktf (never with our own
# code): tests/fixtures/<name>/main.py (and user_data.py if any) is copied to
# /home/learner/<name>, run there with `python main.py`, and the cdk.tf.json cdktf writes
# becomes tests/fixtures/<name>/cdk.tf.json.
#
#   scripts/goldens.sh            every fixture
#   scripts/goldens.sh NAME...    only these
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh" cdktf
cd "$here/tests/fixtures"
names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(ls)
run_one() {
  local name=$1 dir=/home/learner/$1
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$name/main.py" "$dir/"
  [ ! -f "$name/user_data.py" ] || cp "$name/user_data.py" "$dir/"
  local out
  if out=$("$here/scripts/cdktf-run.sh" "$dir"); then
    cp "$out" "$name/cdk.tf.json"
    echo "golden: $name"
  else
    echo "FAILED: $name (cdktf refused its main.py)" >&2
    return 1
  fi
}
export -f run_one
export here
printf '%s\n' "${names[@]}" | xargs -P 2 -I{} bash -c 'run_one {}'
