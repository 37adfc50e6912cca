#!/usr/bin/env bash
# The diagram as Chromium draws it: the core's layout promises that no line of text crosses a
# box and no two lines overlap, from its own measure of the text. This draws every fixture's
# diagram (French, and English for the lab) in headless Chromium, measures each <text> with
# getBBox() and checks the same rules against the real glyphs. Fails when Chromium is missing.
# Also screenshots the lab's and the multi-zone example's diagrams into test-artifacts/.
#
#   scripts/diagram-render-check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/versions.sh"
command -v chromium >/dev/null || { echo "no chromium: run scripts/setup.sh browser" >&2; exit 3; }
cargo build --locked -q -p ec2-playground
bin="$here/target/debug/ec2-playground"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page="$work/page.html"
{
  echo '<!doctype html><html><head><meta charset="utf-8"></head><body>'
  for dir in "$here"/tests/fixtures/*/; do
    name=$(basename "$dir")
    [ -f "$dir/stack.json" ] || continue
    for lang in fr en; do
      [ "$lang" = fr ] || [ "$name" = ec2-lab ] || continue
      printf '<div class="case" data-name="%s-%s">' "$name" "$lang"
      "$bin" diagram "$dir/stack.json" --lang "$lang"
      echo '</div>'
    done
  done
  cat <<'JS'
<pre id="out">not run</pre>
<script>
const E = 0.5; // half a pixel of anti-aliasing
const overlaps = (a, b) => a.x < b.x + b.w - E && b.x < a.x + a.w - E && a.y < b.y + b.h - E && b.y < a.y + a.h - E;
const inside = (a, b) => a.x <= b.x + E && a.y <= b.y + E && b.x + b.w <= a.x + a.w + E && b.y + b.h <= a.y + a.h + E;
const lines = [];
let passed = 0, failed = 0;
for (const c of document.querySelectorAll('.case')) {
  const svg = c.querySelector('svg.ec2p');
  const boxes = [...svg.querySelectorAll('rect')]
    .filter(r => !/\b(bg|region|lane|section|legend)\b/.test(r.getAttribute('class') || ''))
    .map(r => ({ x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') }));
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const b = t.getBBox();
    return { x: b.x, y: b.y, w: b.width, h: b.height, s: t.textContent.slice(0, 30) };
  });
  const bad = [];
  for (const t of texts) for (const b of boxes) if (overlaps(t, b) && !inside(b, t)) bad.push('crosses a box: ' + t.s);
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) if (overlaps(texts[i], texts[j])) bad.push('overlap: ' + texts[i].s + ' / ' + texts[j].s);
  if (bad.length) failed++; else passed++;
  lines.push((bad.length ? 'FAIL ' : 'ok   ') + c.dataset.name + ': ' + texts.length + ' lines, ' + boxes.length + ' boxes' + bad.slice(0, 5).map(b => '\n     ' + b).join(''));
}
lines.push('diagram: ' + passed + ' passed, ' + failed + ' failed');
document.getElementById('out').textContent = lines.join('\n');
</script></body></html>
JS
} > "$page"
out=$(timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --virtual-time-budget=5000 --dump-dom "file://$page" 2>/dev/null |
  python3 -c 'import sys, re, html; m = re.search(r"<pre id=\"out\">(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)) if m else "no result")')
echo "$out"
mkdir -p "$here/test-artifacts"
for name in ec2-lab multi-zone; do
  svg="$work/$name.svg" png="$here/test-artifacts/diagram-$name.png"
  "$bin" diagram "$here/tests/fixtures/$name/stack.json" -o "$svg"
  size=$(sed -n '1s/.* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p' "$svg")
  rm -f "$png"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="$size" --screenshot="$png" "file://$svg" >/dev/null 2>&1
  [ "$(stat -c %s "$png" 2>/dev/null || echo 0)" -gt 20000 ] || { echo "no screenshot of $name" >&2; exit 1; }
  echo "screenshot test-artifacts/diagram-$name.png ($size)"
done
echo "$out" | tail -n 1 | grep -Eq '^diagram: [1-9][0-9]* passed, 0 failed$'
