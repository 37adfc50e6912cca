#!/usr/bin/env bash
# Runs one cdktf project with the real cdktf (the venv of scripts/setup.sh cdktf) the way the
# course does (`python main.py` from the project folder) and prints the path of the
# cdk.tf.json it wrote.
#
#   scripts/cdktf-run.sh PROJECT_DIR
#
# PROJECT_DIR must be absolute: cdktf writes it into the local backend's path.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/versions.sh"
dir=$1
py="$EC2P_TOOLS/cdktf-venv/bin/python"
[ -x "$py" ] || { echo "no cdktf venv at $EC2P_TOOLS/cdktf-venv: run scripts/setup.sh cdktf" >&2; exit 3; }
rm -rf "$dir/cdktf.out"
# jsii prints a Node end-of-life banner on stdout: keep it out of the way.
if ! (cd "$dir" && JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 CHECKPOINT_DISABLE=1 "$py" main.py > "$dir/.cdktf-run.log" 2>&1); then
  cat "$dir/.cdktf-run.log" >&2
  exit 1
fi
# The manifest says where the stack went: `stacks/<stack id>/cdk.tf.json`, which is not under
# stacks/ for a stack named `..`.
found=$("$py" -c 'import json, os, sys
stacks = json.load(open(os.path.join(sys.argv[1], "manifest.json")))["stacks"]
print(os.path.join(sys.argv[1], next(iter(stacks.values()))["synthesizedStackPath"]))' "$dir/cdktf.out" 2>/dev/null || true)
[ -n "$found" ] && [ -f "$found" ] || { echo "cdktf wrote no cdk.tf.json under $dir/cdktf.out" >&2; exit 1; }
echo "$found"
