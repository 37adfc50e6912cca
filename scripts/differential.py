#!/usr/bin/env python3
"""The differential test's runs (scripts/differential.sh calls it; read that script first).

    differential.py DOCS INDICES...       env: BIN RUFF CDKTF_PY MANY WORK BATCH SEED

DOCS holds `stack-<i>.json` and `styled-<i>/` (core/examples/gen_stacks.rs). Each stack is
exported with our CLI (`BIN export`); the exported main.py files go, up to BATCH (default
150) with distinct stack names at a time, through ONE run of the real cdktf (MANY, the
scripts/cdktf-many.py runner: one App, every stack's own main.py, one `app.synth()`), and
so do the styled main.py files. Each stack's `cdktf.out/stacks/<name>/cdk.tf.json` is
compared byte for byte with our `synth` (of the document for the exported code, of our
reading for the styled code), with the run's folder as `--project-dir`. A run that fails as
a whole is split in halves until the stack at fault runs alone. `ruff format --check`
runs once over every exported main.py. A failure prints the stack's paths and a diff, keeps
its folder under DOCS/fail-<i>/, and makes the exit status 1.
"""

import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile

docs = sys.argv[1]
indices = [int(i) for i in sys.argv[2:]]
BIN, RUFF, PY, MANY, WORK = (os.environ[k] for k in ("BIN", "RUFF", "CDKTF_PY", "MANY", "WORK"))
BATCH = int(os.environ.get("BATCH", "150"))
SEED = os.environ.get("SEED", "0")
lock = threading.Lock()
failed = set()
runs = [0]


def say(text):
    with lock:
        print(text, flush=True)


def fail(i, text, keep=()):
    with lock:
        failed.add(i)
        print(f"FAIL stack {i} ({docs}/stack-{i}.json): {text}", file=sys.stderr, flush=True)
        dest = os.path.join(docs, f"fail-{i}")
        for src in keep:
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(dest, os.path.basename(src)), dirs_exist_ok=True)
            elif os.path.isfile(src):
                os.makedirs(dest, exist_ok=True)
                shutil.copy(src, dest)


def export(i):
    """Our project for stack i, unzipped into WORK/ours/<i> (main.py, user_data.py...)."""
    zip_path = os.path.join(WORK, f"{i}.zip")
    subprocess.run([BIN, "export", os.path.join(docs, f"stack-{i}.json"), "-o", zip_path], check=True)
    dest = os.path.join(WORK, "ours", str(i))
    os.makedirs(dest, exist_ok=True)
    with zipfile.ZipFile(zip_path) as z:
        for member in z.infolist():
            parts = member.filename.split("/", 1)
            if len(parts) < 2 or not parts[1] or member.is_dir():
                continue
            target = os.path.join(dest, parts[1])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(z.read(member))
    return dest


def folder(kind, i):
    return os.path.join(WORK, "ours", str(i)) if kind == "ours" else os.path.join(docs, f"styled-{i}")


def error_lines(log):
    """The JavaScript error without jsii's banner and stack frames, then Python's last line."""
    lines = [l for l in log.splitlines() if not l.startswith("b'") and not l.lstrip().startswith("at ")]
    return "\n".join(lines[-12:])[-3000:]


def run(kind, batch, label):
    """One real cdktf run of `batch` (stack indices); compares each; splits on failure."""
    cwd = f"/home/learner/diffmany-{SEED}-{kind}-{label}"
    shutil.rmtree(cwd, ignore_errors=True)
    os.makedirs(cwd)
    with open(os.path.join(cwd, "stacks.txt"), "w", encoding="utf-8") as out:
        out.write("".join(folder(kind, i) + "\n" for i in batch))
    shutil.copy(MANY, os.path.join(cwd, "main.py"))
    env = dict(os.environ, JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION="1", CHECKPOINT_DISABLE="1")
    proc = subprocess.run([PY, "main.py"], cwd=cwd, env=env, capture_output=True, text=True)
    with lock:
        runs[0] += 1
    if proc.returncode != 0:
        if len(batch) > 1:
            half = len(batch) // 2
            run(kind, batch[:half], label + "a")
            run(kind, batch[half:], label + "b")
        else:
            what = "our main.py" if kind == "ours" else "the styled main.py"
            fail(batch[0], f"the real cdktf refused {what} ({folder(kind, batch[0])}):\n"
                 + error_lines(proc.stdout + proc.stderr), [folder(kind, batch[0])])
        shutil.rmtree(cwd, ignore_errors=True)
        return
    refused = {}
    for line in open(os.path.join(cwd, "refused.txt"), encoding="utf-8").read().splitlines():
        path, _, message = line.partition("\t")
        refused[path] = message
    manifest = json.load(open(os.path.join(cwd, "cdktf.out", "manifest.json"), encoding="utf-8"))["stacks"]
    paths = {name: os.path.normpath(os.path.join(cwd, "cdktf.out", s["synthesizedStackPath"]))
             for name, s in manifest.items()}
    built = json.load(open(os.path.join(cwd, "built.json"), encoding="utf-8"))
    shared = {p for p in paths.values() if list(paths.values()).count(p) > 1}
    alone = []
    for i in batch:
        src = folder(kind, i)
        if src in refused:
            what = "our main.py" if kind == "ours" else "the styled main.py"
            fail(i, f"the real cdktf refused {what} ({src}):\n{refused[src]}", [src])
            continue
        ids = built.get(src, [])
        theirs = paths.get(ids[0]) if len(ids) == 1 else None
        if theirs is not None and theirs in shared and len(batch) > 1:
            alone.append(i)  # two stacks of the run wrote to one path (a name like `..`)
            continue
        if theirs is None or not os.path.isfile(theirs):
            fail(i, f"the real cdktf wrote no cdk.tf.json for {src} (its stacks: {ids}) in {cwd}", [src])
            continue
        ours = os.path.join(WORK, f"{kind}-{i}.json")
        source = os.path.join(docs, f"stack-{i}.json") if kind == "ours" else os.path.join(src, "main.py")
        mine = subprocess.run([BIN, "synth", source, "--project-dir", cwd, "-o", ours],
                              capture_output=True, text=True)
        if mine.returncode != 0:
            fail(i, f"our reader refused what the real cdktf ran ({source}):\n{mine.stderr[:1500]}", [src])
            continue
        if open(theirs, "rb").read() != open(ours, "rb").read():
            diff = subprocess.run(["diff", theirs, ours], capture_output=True, text=True).stdout
            what = "" if kind == "ours" else f" of the styled main.py ({src}) and the synth of our reading"
            kept = os.path.join(WORK, f"{kind}-{i}.cdktf.json")
            shutil.copy(theirs, kept)
            fail(i, f"the real cdktf's output{what} differs from ours (<: cdktf, >: ours; project dir {cwd}):\n"
                 + "\n".join(diff.splitlines()[:30]), [src, kept, ours])
            continue
        say(f"ok   stack {i} ({kind})")
    shutil.rmtree(cwd, ignore_errors=True)
    for k, i in enumerate(alone):
        run(kind, [i], f"{label}-{k}")


def batches(kind):
    """Stacks in runs of at most BATCH, no two of a run with the same construct id (the stack's
    name with each `/` as `--`, as constructs sanitizes it)."""
    out = []
    for i in indices:
        name = json.load(open(os.path.join(docs, f"stack-{i}.json"), encoding="utf-8"))["name"].replace("/", "--")
        for b in out:
            if len(b[0]) < BATCH and name not in b[1]:
                b[0].append(i)
                b[1].add(name)
                break
        else:
            out.append(([i], {name}))
    return [(kind, b[0], str(k)) for k, b in enumerate(out)]


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    for f in [pool.submit(export, i) for i in indices]:
        f.result()
# ruff once over every exported project.
files = []
for i in indices:
    for name in ("main.py", "user_data.py"):
        if os.path.isfile(os.path.join(WORK, "ours", str(i), name)):
            files.append(os.path.join(WORK, "ours", str(i), name))
check = subprocess.run([RUFF, "format", "--check", "--no-cache", *files], capture_output=True, text=True)
if check.returncode != 0:
    for line in check.stdout.splitlines() + check.stderr.splitlines():
        if line.startswith("Would reformat: "):
            path = line.removeprefix("Would reformat: ")
            i = int(os.path.basename(os.path.dirname(path)))
            diff = subprocess.run([RUFF, "format", "--diff", "--no-cache", path], capture_output=True, text=True)
            fail(i, f"ruff format would change our Python ({path}):\n" + "\n".join(diff.stdout.splitlines()[:30]),
                 [os.path.dirname(path)])
# Two runs at once (each a Node process of ~600 MB): the exported code and the styled code.
jobs = batches("ours") + batches("styled")
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    for f in [pool.submit(run, *job) for job in jobs]:
        f.result()
print(f"differential: {len(indices)} stacks, {len(indices) - len(failed)} agree; {runs[0]} runs of the real cdktf",
      flush=True)
if failed:
    print("failed: ONLY=\"" + " ".join(str(i) for i in sorted(failed)) + "\"", file=sys.stderr)
sys.exit(1 if failed else 0)
