#!/usr/bin/env bash
# What the page makes a visitor download, against budgets (issue 14). Reads a built dist/
# (trunk build --release) and sums, raw and gzipped (gzip -9), what the first load
# fetches: index.html and every file it references (the page's wasm, its JS glue and
# snippets, the style sheet). The code editor (dist/editor/) and the main.py reader
# (dist/reader/) load later, each under a budget of its own. Prints each part; fails with
# the figures when a gzipped total exceeds its budget, or when dist/ is missing.
#
# The budgets are about 1 to 2 % above the sizes of the build of 1 December 2026 (first
# load 880,152 B gzipped, up from 760,257 B that morning with the lab, fix, deploy-preview
# and cost panels of issue 16 and cdktf's list merge; editor 146,945 B; reader 778,599 B),
# which grew from 30 November (723,747 B; 146,913 B; 754,058 B) with JavaScript numbers
# (ryu-js, serde_json's float_roundtrip), the compact cards and the bilingual load errors
# (BENCHMARKS.md has the wasm part by part): raise one on purpose,
# saying what it buys, in BENCHMARKS.md.
#
#   scripts/size-budget.sh [DIST]      (default: dist/ at the repository's root)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dist=${1:-$here/dist}

# gzipped bytes, as a server compressing at level 9 sends them
FIRST_LOAD_BUDGET=890000
EDITOR_BUDGET=152000
READER_BUDGET=794000

if [ ! -d "$dist" ] || [ ! -f "$dist/index.html" ]; then
  echo "size-budget: no built page at $dist (no index.html): build it first with 'trunk build --release' (scripts/test.sh does)" >&2
  exit 2
fi

python3 - "$dist" "$FIRST_LOAD_BUDGET" "$EDITOR_BUDGET" "$READER_BUDGET" <<'PY'
import gzip, os, re, sys

dist, budgets = sys.argv[1], {"first load": int(sys.argv[2]), "editor": int(sys.argv[3]), "reader": int(sys.argv[4])}
index = os.path.join(dist, "index.html")
html = open(index, encoding="utf-8").read()

# Every local file index.html names: link href, script src, and the paths in its inline
# module script (the JS glue's import and the wasm's module_or_path).
names = re.findall(r'''(?:href|src)\s*=\s*["']([^"']+)["']''', html)
names += re.findall(r'''(?:import\s[^'"]*from\s*|import\s*\(\s*|module_or_path\s*:\s*)["']([^"']+)["']''', html)
files, missing = ["index.html"], []
for name in names:
    if re.match(r"^(?:[a-z]+:|//|#)", name):  # data:, https:, fragments
        continue
    path = name.split("#")[0].split("?")[0].lstrip("/")
    if not path or path in files:
        continue
    (files if os.path.isfile(os.path.join(dist, path)) else missing).append(path)
if missing:
    sys.exit(f"size-budget: index.html references files that are not in {dist}: {', '.join(missing)}")

def size(path):
    data = open(os.path.join(dist, path), "rb").read()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))

def lazy(folder):
    root = os.path.join(dist, folder)
    if not os.path.isdir(root):
        sys.exit(f"size-budget: {root} is missing: the build did not make the {folder}")
    return sorted(os.path.relpath(os.path.join(d, f), dist) for d, _, fs in os.walk(root) for f in fs)

status = 0
for part, paths in (("first load", files), ("editor", lazy("editor")), ("reader", lazy("reader"))):
    print(f"{part}:")
    raw_total = gz_total = 0
    for path in sorted(paths, key=lambda p: -size(p)[1]):
        raw, gz = size(path)
        raw_total, gz_total = raw_total + raw, gz_total + gz
        print(f"  {raw:>10,} B raw {gz:>10,} B gzipped  {path}")
    budget = budgets[part]
    verdict = "ok  " if gz_total <= budget else "OVER"
    print(f"{verdict} {part}: {raw_total:,} B raw, {gz_total:,} B gzipped (budget {budget:,} B gzipped)")
    if gz_total > budget:
        status = 1
        print(f"size-budget: the {part} is {gz_total - budget:,} B gzipped over its budget of {budget:,} B", file=sys.stderr)
sys.exit(status)
PY
