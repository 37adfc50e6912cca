#!/usr/bin/env bash
# The diagram outside a browser (issue 14): librsvg, which GNOME's viewers, LibreOffice and
# many slide and PDF tools use, knows no CSS custom properties; the diagram must still be
# readable there, in its light palette, from the presentation attributes on each element.
#
# Renders the CLI's diagram of the lab and of multi-zone (French and English) with
# rsvg-convert into test-artifacts/diagram-<name>-<lang>-rsvg.png, then checks the pixels:
# - not one colour (an SVG painted all black, as before, has one or two);
# - a light background (the corner and the image's mean);
# - each box filled with its light colour (a pixel just inside its corner);
# - each line of text drawn where the SVG puts it: dark ink inside the box computed
#   from its x, baseline, font size and characters (0.6 em a character: the diagram's
#   monospace font), its first ink near x and its last in its last character's cell.
# Fails when rsvg-convert is missing (scripts/setup.sh diagram installs it).
#
#   scripts/diagram-rsvg-check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/versions.sh"
command -v rsvg-convert >/dev/null || {
  echo "no rsvg-convert: run scripts/setup.sh diagram (apt-get install librsvg2-bin)" >&2
  exit 3
}
cargo build --locked -q -p ec2-playground
bin="$here/target/debug/ec2-playground"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/test-artifacts"
status=0
passed=0 failed=0
for name in ec2-lab multi-zone; do
  for lang in fr en; do
    svg="$work/$name-$lang.svg" png="$here/test-artifacts/diagram-$name-$lang-rsvg.png"
    "$bin" diagram "$here/tests/fixtures/$name/stack.json" --lang "$lang" -o "$svg"
    rm -f "$png"
    rsvg-convert --background-color=none "$svg" -o "$png"
    if python3 - "$svg" "$png" <<'PY'; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
import re, struct, sys, zlib
import xml.etree.ElementTree as ET

svg_path, png_path = sys.argv[1], sys.argv[2]
NS = "{http://www.w3.org/2000/svg}"

def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, head = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = head
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unexpected PNG format {head}"
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        # composite on white, as a page or a slide shows a transparent pixel
        px = []
        for x in range(width):
            r, g, bl = line[x * bpp:x * bpp + 3]
            al = line[x * bpp + 3] if bpp == 4 else 255
            px.append(tuple((v * al + 255 * (255 - al)) // 255 for v in (r, g, bl)))
        rows.append(px)
    return width, height, rows

def lum(p):
    return (299 * p[0] + 587 * p[1] + 114 * p[2]) // 1000

width, height, rows = read_png(png_path)
root = ET.parse(svg_path).getroot()
problems = []
sw, sh = int(root.get("width")), int(root.get("height"))
if (width, height) != (sw, sh):
    problems.append(f"PNG is {width}x{height}, the SVG {sw}x{sh}")

colours = {p for row in rows for p in row}
if len(colours) < 16:
    problems.append(f"only {len(colours)} colours: the drawing is not painted")
mean = sum(lum(p) for row in rows for p in row) / (width * height)
if lum(rows[1][1]) < 240 or mean < 200:
    problems.append(f"the background is not light (corner {rows[1][1]}, mean luminance {mean:.0f})")

boxes = 0
for rect in root.iter(NS + "rect"):
    cls = rect.get("class", "")
    if not rect.get("x") or cls.split()[0] not in ("card", "vol", "snap", "sg", "region", "section", "legend", "ep"):
        continue
    x, y = int(rect.get("x")), int(rect.get("y"))
    fill = rect.get("fill") or ""
    if not re.fullmatch(r"#[0-9a-f]{6}", fill):
        problems.append(f"rect.{cls} at {x},{y} has no colour of its own (fill={fill!r})")
        continue
    want = tuple(int(fill[k:k + 2], 16) for k in (1, 3, 5))
    got = rows[y + 4][x + 4]
    boxes += 1
    if max(abs(a - b) for a, b in zip(want, got)) > 6:
        problems.append(f"rect.{cls} at {x},{y}: {got} inside, its fill is {want}")

def text_of(el):
    parts = [el.text or ""]
    for child in el:
        if child.tag != NS + "title":
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return "".join(parts)

labels = 0
for t in root.iter(NS + "text"):
    s = text_of(t)
    # the style sheet's sizes, by class
    size, x, base = {"t": 12, "ts": 11, "tt": 13, "th": 15}[t.get("class")], int(t.get("x")), int(t.get("y"))
    # one cell a character: Latin letters and punctuation, not wide or combining ones
    if not s.strip() or not all(" " <= c < "\u0300" or "\u2010" <= c <= "\u2027" for c in s):
        continue
    cell = 0.6 * size
    x0, x1, y0, y1 = x - 2, int(x + cell * len(s)) + 3, base - size, base + size // 3
    ink = [(px, py) for py in range(max(y0, 0), min(y1, height)) for px in range(max(x0, 0), min(x1, width))
           if lum(rows[py][px]) < 128]
    labels += 1
    where = f"label {s!r} at x={x} y={base} ({size} px)"
    if len(ink) < 3 * len(s.replace(" ", "")):
        problems.append(f"{where}: {len(ink)} dark pixels in its box")
        continue
    first, last = min(p for p, _ in ink), max(p for p, _ in ink)
    last_cell = x + cell * len(s.rstrip()) - cell
    if not x - 1 <= first <= x + 0.35 * size:
        problems.append(f"{where}: first ink at x={first}")
    if not last_cell - 1 <= last <= x + cell * len(s) + 2:
        problems.append(f"{where}: last ink at x={last}, its last character from {last_cell:.0f}")
    top, bottom = min(q for _, q in ink), max(q for _, q in ink)
    if not (base - size <= top <= base - size // 2 and base - 3 <= bottom <= base + size // 3):
        problems.append(f"{where}: ink from y={top} to {bottom}")

if boxes < 4 or labels < 4:
    problems.append(f"only {boxes} boxes and {labels} labels checked")
name = png_path.rsplit("/", 1)[-1]
if problems:
    print(f"FAIL {name}: " + "\n     ".join(problems[:12]))
    sys.exit(1)
print(f"ok   {name}: {len(colours)} colours, mean luminance {mean:.0f}, {boxes} boxes, {labels} labels in place")
PY
  done
done
echo "diagram (librsvg): $passed passed, $failed failed"
exit $status
