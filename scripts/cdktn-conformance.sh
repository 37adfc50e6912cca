#!/usr/bin/env bash
# Conformance with the real CDK Terrain (cdktn 0.24.0, cdktn-provider-aws 25.8.1):
#
#   scripts/cdktn-conformance.sh [NAME...]     every fixture, or those named
#
# For each fixture it exports the project with `ec2-playground export --format cdktn`,
# unzips it into a temporary folder, runs its main.py with the real cdktn (`python main.py`,
# as the course runs cdktf) and checks that the cdk.tf.json cdktn writes is our synth's for
# the same folder but for the differences core/src/cdktn.rs lists (`differences()`):
# `//.metadata.version` 0.21.0 -> 0.24.0, `terraform.required_providers.aws.source`
# aws -> hashicorp/aws and `terraform.required_providers.aws.version` 6.25.0 -> 6.69.1. Any other difference, or a main.py cdktn refuses, fails.
# The venv is CDKTN_VENV (default ~/.cache/ec2-playground/cdktn-venv), created with pip when
# missing; without Python, pip or the packages the script fails, it never skips.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
venv=${CDKTN_VENV:-$HOME/.cache/ec2-playground/cdktn-venv}
py="$venv/bin/python"
if ! { [ -x "$py" ] && "$py" -c 'import importlib.metadata as m, sys
sys.exit(0 if m.version("cdktn") == "0.24.0" and m.version("cdktn-provider-aws") == "25.8.1" else 1)' 2> /dev/null; }; then
  echo "installing cdktn 0.24.0 and cdktn-provider-aws 25.8.1 in $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "cdktn==0.24.0" "cdktn-provider-aws==25.8.1" >&2
fi

cd "$here"
cargo build --locked -q -p ec2-playground
bin="$here/target/debug/ec2-playground"
work=$(mktemp -d /tmp/cdktn-conformance.XXXXXX)
if [ $# -eq 0 ]; then
  set -- $(ls tests/fixtures)
fi
failed=0
passed=0
for name in "$@"; do
  stack="tests/fixtures/$name/stack.json"
  dir="$work/$name"
  mkdir -p "$dir"
  "$bin" export --format cdktn "$stack" -o "$work/$name.zip"
  unzip -q "$work/$name.zip" -d "$work/$name.unzipped"
  cp -a "$work/$name.unzipped"/*/. "$dir/"
  "$bin" synth "$stack" --project-dir "$dir" -o "$work/$name.ours.json"
  if ! (cd "$dir" && JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 CHECKPOINT_DISABLE=1 "$py" main.py > "$work/$name.log" 2>&1); then
    echo "FAIL $name: the real cdktn refused our main.py ($dir/main.py):" >&2
    grep -v '^\s*at ' "$work/$name.log" | tail -n 15 >&2
    failed=$((failed + 1))
    continue
  fi
  if python3 - "$dir/cdktf.out" "$work/$name.ours.json" "$name" << 'EOF'
import json, os, re, sys
out, ours_path, name = sys.argv[1:]
stacks = json.load(open(os.path.join(out, "manifest.json")))["stacks"]
theirs_text = open(os.path.join(out, next(iter(stacks.values()))["synthesizedStackPath"])).read()
ours_text = open(ours_path).read()
listed = {
    "//.metadata.version": ("0.21.0", "0.24.0"),
    "terraform.required_providers.aws.source": ("aws", "hashicorp/aws"),
    "terraform.required_providers.aws.version": ("6.25.0", "6.69.1"),
}
found = {}
def walk(a, b, path):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            walk(a.get(k), b.get(k), path + [k])
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, path + [str(i)])
    elif a != b:
        found[".".join(path)] = (a, b)
walk(json.loads(ours_text), json.loads(theirs_text), [])
# A stack without a provider has no required_providers: the listed values apply where present.
listed = {k: v for k, v in listed.items() if k in found or k.startswith("//")}
if found != listed:
    print("FAIL %s: the differences are not the listed ones:" % name)
    for k in sorted(set(found) | set(listed)):
        if found.get(k) != listed.get(k):
            print("  %s: ours %r, cdktn %r (listed %r)" % (k, *(found.get(k) or (None, None)), listed.get(k)))
    sys.exit(1)
# The same bytes once the listed values are cdktn's: metadata comes first, the provider's
# source and version last.
expected = ours_text.replace('"version": "0.21.0"', '"version": "0.24.0"', 1)
head, sep, tail = expected.rpartition('"source": "aws",\n        "version": "6.25.0"')
expected = head + '"source": "hashicorp/aws",\n        "version": "6.69.1"' + tail if sep else expected
# cdktn writes an empty list or map on one line (`[]`, `{}`), where cdktf breaks it over two.
expected = re.sub(r"([\[{])\n *([\]}])", r"\1\2", expected)
if expected != theirs_text:
    print("FAIL %s: same values but not the same bytes" % name)
    sys.exit(1)
EOF
  then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
if [ $failed -eq 0 ]; then rm -rf "$work"; else echo "work folders kept in $work" >&2; exit 1; fi
