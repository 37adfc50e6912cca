#!/usr/bin/env python
"""One real cdktf run for many stacks: the `main.py` that scripts/differential.sh runs.

    cd PROJECT_DIR && python main.py          (this file copied there as main.py)

PROJECT_DIR/stacks.txt names one folder per line, each holding a project's `main.py` (and
its `user_data.py`) as the playground writes it for ONE stack: `app = App()`,
`MyStack(app, "<name>")`, `app.synth()`. Each is executed as `__main__` (its own globals, so
the classes and constants of different stacks never clash; `user_data` imported from its own
folder) with `cdktf.App` answering the one App made here and `App.synth` doing nothing; the
App is synthesized once at the end. So each stack is built from the very text of its own
main.py, and one Node process synthesizes them all. The stack names must differ.

A stack whose main.py raises while its constructs are built (a jsii type error, say) is
taken out of the App and written to PROJECT_DIR/refused.txt as `<folder>\t<error>`; the
others are still synthesized. PROJECT_DIR/built.json maps each other folder to the
construct ids of the stacks its main.py added (cdktf's ids: a `/` of the name becomes
`--`), the keys of `cdktf.out/manifest.json`, which gives each stack's
`synthesizedStackPath`. An error of `app.synth()` itself fails the whole run (the caller
then splits it).
"""

import json
import os
import runpy
import sys
import traceback

import cdktf

here = os.getcwd()
folders = [line for line in open(os.path.join(here, "stacks.txt"), encoding="utf-8").read().splitlines() if line]
real_app, real_synth = cdktf.App, cdktf.App.synth
app = real_app()
cdktf.App = lambda *args, **kwargs: app
real_app.synth = lambda self: None
refused, built = [], {}
for folder in folders:
    before = {c.node.id for c in app.node.children}
    sys.path.insert(0, folder)
    sys.modules.pop("user_data", None)
    try:
        runpy.run_path(os.path.join(folder, "main.py"), run_name="__main__")
    except BaseException as e:  # noqa: BLE001 - any failure of one stack is that stack's
        message = "".join(traceback.format_exception_only(type(e), e)).strip().replace("\n", " ")
        refused.append(f"{folder}\t{message[:2000]}")
        for child in list(app.node.children):
            if child.node.id not in before:
                app.node.try_remove_child(child.node.id)
    else:
        built[folder] = [c.node.id for c in app.node.children if c.node.id not in before]
    finally:
        sys.path.remove(folder)
with open(os.path.join(here, "refused.txt"), "w", encoding="utf-8") as out:
    out.write("".join(line + "\n" for line in refused))
with open(os.path.join(here, "built.json"), "w", encoding="utf-8") as out:
    json.dump(built, out)
real_app.synth = real_synth
cdktf.App = real_app
app.synth()
