"""The laws of `ec2-playground hcl` against the real Terraform; see scripts/hcl-laws.sh."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

SKIPS = {
    "skip_credentials_validation": True,
    "skip_requesting_account_id": True,
    "skip_metadata_api_check": True,
}
PLAN_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "CHECKPOINT_DISABLE": "1",
    "TF_IN_AUTOMATION": "1",
}


def run(cmd, cwd, env=None, timeout=600):
    full = dict(os.environ, **(env or {}))
    return subprocess.run(cmd, cwd=cwd, env=full, capture_output=True, text=True, timeout=timeout)


def relax_version(path, version):
    """Both files pin the provider version cdktf was generated for; the mirror holds another."""
    text = open(path).read()
    if path.endswith(".json"):
        tf = json.loads(text)
        aws = tf.get("terraform", {}).get("required_providers", {}).get("aws")
        if aws is not None:
            aws["version"] = version
        text = json.dumps(tf, indent=2)
    else:
        # The terraform block comes first: its required_providers is the first `version =`.
        text = re.sub(r'(\n      version = )"[^"]*"', r'\1"%s"' % version, text, count=1)
    with open(path, "w") as f:
        f.write(text)


def init(folder, mirror, backend):
    args = ["terraform", "init", "-input=false", "-no-color", "-plugin-dir=" + mirror]
    if not backend:
        args.append("-backend=false")
    r = run(args, folder)
    return r.returncode == 0, r.stdout + r.stderr


def validate(folder):
    r = run(["terraform", "validate", "-json", "-no-color"], folder)
    try:
        out = json.loads(r.stdout)
    except json.JSONDecodeError:
        return False, r.stdout + r.stderr
    return bool(out.get("valid")), "; ".join(d.get("summary", "") for d in out.get("diagnostics", []))


def add_skips_to_json(text):
    tf = json.loads(text)
    for config in tf.get("provider", {}).get("aws", []):
        config.update(SKIPS)
    return json.dumps(tf, indent=2)


def add_skips_to_hcl(text):
    lines = "".join("  %s = true\n" % k for k in SKIPS)
    text = text.replace('provider "aws" {}\n', 'provider "aws" {\n}\n')
    return text.replace('provider "aws" {\n', 'provider "aws" {\n' + lines)


def plan(folder, mirror):
    ok, log = init(folder, mirror, backend=True)
    if not ok:
        return None, "init: " + log[-500:]
    r = run(
        ["terraform", "plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=plan.bin"],
        folder,
        PLAN_ENV,
    )
    if r.returncode != 0:
        return None, (r.stdout + r.stderr)[-800:]
    r = run(["terraform", "show", "-json", "plan.bin"], folder, PLAN_ENV)
    if r.returncode != 0:
        return None, r.stderr[-500:]
    return json.loads(r.stdout), ""


def leaf_differences(x, y, path, out):
    """The paths where two JSON values differ, with both values (at most 10)."""
    if len(out) >= 10:
        return
    if isinstance(x, dict) and isinstance(y, dict):
        for k in list(x) + [k for k in y if k not in x]:
            leaf_differences(x.get(k), y.get(k), "%s.%s" % (path, k), out)
    elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        for i, (u, v) in enumerate(zip(x, y)):
            leaf_differences(u, v, "%s[%d]" % (path, i), out)
    elif x != y:
        out.append("%s: main.tf %s, cdk.tf.json %s" % (path, json.dumps(x)[:300], json.dumps(y)[:300]))


def plan_differences(a, b):
    diffs = []
    ra = {c["address"]: c for c in a.get("resource_changes", [])}
    rb = {c["address"]: c for c in b.get("resource_changes", [])}
    if sorted(ra) != sorted(rb):
        diffs.append("resources: main.tf %s, cdk.tf.json %s" % (sorted(ra), sorted(rb)))
    for address in sorted(set(ra) & set(rb)):
        leaf_differences(ra[address], rb[address], address, diffs)
    for key in ("planned_values", "output_changes"):
        leaf_differences(a.get(key), b.get(key), key, diffs)

    def descriptions(p):
        outputs = p.get("configuration", {}).get("root_module", {}).get("outputs", {})
        return {k: v.get("description") for k, v in outputs.items()}

    leaf_differences(descriptions(a), descriptions(b), "output descriptions", diffs)

    def attrs(p):
        return sorted(json.dumps(x, sort_keys=True) for x in p.get("relevant_attributes", []))

    if attrs(a) != attrs(b):
        diffs.append("relevant_attributes differ")
    return diffs


def check(stack, cli, work, mirror, version, tally):
    name = os.path.basename(os.path.dirname(stack)) if stack.endswith("/stack.json") else os.path.basename(stack)[:-5]
    case = os.path.join(work, name)
    hcl_dir, json_dir = os.path.join(case, "hcl"), os.path.join(case, "json")
    for d in (hcl_dir, json_dir):
        os.makedirs(d, exist_ok=True)
    state = os.path.join(case, "state")
    failures = []
    synth = run([cli, "synth", stack, "--project-dir", state, "-o", os.path.join(json_dir, "cdk.tf.json")], case)
    hcl = run([cli, "hcl", stack, "--project-dir", state, "-o", os.path.join(hcl_dir, "main.tf")], case)
    if hcl.returncode != 0:
        if synth.returncode != 0:
            tally["refused by both"] += 1
            return name, "synth and hcl refuse it", []
        relax_version(os.path.join(json_dir, "cdk.tf.json"), version)
        init(json_dir, mirror, backend=False)
        valid, why = validate(json_dir)
        if valid:
            failures.append("hcl refuses it (%s) but Terraform validates its cdk.tf.json" % hcl.stderr.strip()[:300])
        else:
            tally["refused by hcl and terraform"] += 1
        return name, "hcl refuses it, terraform refuses cdk.tf.json: %s" % why[:120], failures
    if synth.returncode != 0:
        return name, "", ["synth refuses it but hcl writes main.tf: %s" % synth.stderr.strip()[:300]]
    fmt = run(["terraform", "fmt", "-check", "-diff", "-no-color", "main.tf"], hcl_dir)
    if fmt.returncode != 0:
        failures.append("terraform fmt would change main.tf:\n" + (fmt.stdout + fmt.stderr)[:1500])
    else:
        tally["fmt"] += 1
    relax_version(os.path.join(hcl_dir, "main.tf"), version)
    relax_version(os.path.join(json_dir, "cdk.tf.json"), version)
    verdicts = {}
    for label, d in (("main.tf", hcl_dir), ("cdk.tf.json", json_dir)):
        ok, log = init(d, mirror, backend=False)
        verdicts[label] = validate(d) if ok else (False, "init failed: " + log[-300:])
    (vh, why_h), (vj, why_j) = verdicts["main.tf"], verdicts["cdk.tf.json"]
    if vh != vj:
        failures.append("terraform validate: main.tf %s (%s), cdk.tf.json %s (%s)" % (vh, why_h, vj, why_j))
    else:
        tally["validate (valid)" if vh else "validate (invalid)"] += 1
    note = "valid" if vh and vj else "invalid: " + why_j[:100]
    tf = json.load(open(os.path.join(json_dir, "cdk.tf.json")))
    if vh and vj and not tf.get("data"):
        plans = {}
        for label, d, file, add in (
            ("main.tf", hcl_dir, "main.tf", add_skips_to_hcl),
            ("cdk.tf.json", json_dir, "cdk.tf.json", add_skips_to_json),
        ):
            pd = os.path.join(case, "plan-" + os.path.basename(d))
            shutil.rmtree(pd, ignore_errors=True)
            os.makedirs(pd)
            with open(os.path.join(pd, file), "w") as f:
                f.write(add(open(os.path.join(d, file)).read()))
            plans[label] = plan(pd, mirror)
        (ph, eh), (pj, ej) = plans["main.tf"], plans["cdk.tf.json"]
        if (ph is None) != (pj is None):
            failures.append("terraform plan: main.tf %s, cdk.tf.json %s" % (eh or "ok", ej or "ok"))
        elif ph is None:
            tally["plan (both fail)"] += 1
            note += ", plan fails for both"
        else:
            diffs = plan_differences(ph, pj)
            if diffs:
                failures.append("terraform plan differs:\n   " + "\n   ".join(diffs))
            else:
                tally["plan (equal)"] += 1
                note += ", plans equal (%d resources)" % len(ph.get("resource_changes", []))
    elif vh and vj:
        note += ", no plan (data source)"
    return name, note, failures


# Pieces of the strings `plannable` stacks hold: what the HCL writer must escape, indent or
# keep (quotes, backslashes, tabs, CR, escaped template markers, combining marks, no-break
# spaces, a heredoc delimiter, line breaks).
PIECES = ["a", "b", "Z", "0", " ", "  ", "\t", '"', "'", "\\", "\n", "\n", "\n  ", "\n\t", "\n\n", "\n   \n",
          "\r\n", "$${x}", "%%{y}", "$$${z}", "$", "%", "{", "}", "EOT", "EOF", "e\u0301", "\u0301", "\u00a0",
          "😀", "été", "\u2028", "#!/bin/bash", "echo $HOME", "=", "//", "-"]


def escape(s):
    """Pieces joined may make a marker (`$` then `{`): escape them all, so strings stay
    literals (`$${x}` becomes `$$${x}`, the literal `$${x}`)."""
    return s.replace("${", "$${").replace("%{", "%%{")


def text(rng, lo=0, hi=12, pieces=PIECES):
    return escape("".join(rng.choice(pieces) for _ in range(rng.randint(lo, hi))))


def script(rng, base64encode):
    """A multi-line script; for Fn.base64encode without `"` or `\\` (cdktf refuses the one,
    Terraform reads the other as an escape) and with raw `${` (cdktf escapes it)."""
    pieces = [p for p in PIECES if not (base64encode and ('"' in p or "\\" in p or "$$" in p or "%%" in p))]
    if base64encode:
        pieces += ["${HOME}"]

    def raw(lo, hi, pieces):
        return "".join(rng.choice(pieces) for _ in range(rng.randint(lo, hi)))

    lines = [rng.choice(["", " ", "  ", "\t", "    "]) + raw(0, 6, pieces) for _ in range(rng.randint(2, 6))]
    if rng.random() < 0.5:
        lines[rng.randrange(len(lines))] = raw(1, 4, ["a", "b", "#!/bin/bash", "echo"])
    out = "\n".join(lines) + ("\n" if rng.random() < 0.85 else "")
    # cdktf escapes `${` in a Fn.base64encode argument, not `%{`.
    return out.replace("%{", "%%{") if base64encode else escape(out)


def tags(rng):
    return {text(rng, 1, 5): text(rng) for _ in range(rng.randint(0, 4))}


def output_value(rng, depth, refs):
    kind = rng.choice(["str", "str", "num", "bool", "ref", "list", "map"] if depth < 3 else ["str", "num", "ref"])
    if kind == "str":
        return text(rng, 0, 16)
    if kind == "num":
        return rng.choice([0, 1, -1, 42, 2 ** 53 - 1, -(2 ** 31)])
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "ref":
        return rng.choice(refs)
    if kind == "list":
        return [output_value(rng, depth + 1, refs) for _ in range(rng.randint(0, 4))]
    return {"map": {text(rng, 1, 5): output_value(rng, depth + 1, refs) for _ in range(rng.randint(0, 4))}}


def plannable(seed, i):
    """A random stack Terraform plans offline (no data source, values the provider accepts)
    whose strings are hostile to an HCL writer: tags, keys, output values, user data."""
    import random
    rng = random.Random("%s-%s" % (seed, i))
    resources = [{"AwsProvider": {"id": "aws", "region": "eu-west-3", "default_tags": tags(rng)}}]
    refs = []
    for k in range(rng.randint(0, 2)):
        sg = "sg%d" % k
        desc = "".join(rng.choice("ab AZ09_.:/()#,@[]+=&;{}!*-") for _ in range(rng.randint(0, 20)))
        rule = {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "description": desc}
        resources.append({"SecurityGroup": {"id": sg, "name": text(rng, 1, 6, ["a", "b", "-", "_", "0"]),
                                            "description": desc or "d", "ingress": [rule] * rng.randint(0, 2),
                                            "tags": tags(rng)}})
        refs.append({"ref": sg, "attr": "id"})
    for k in range(rng.randint(1, 2)):
        inst = "web%d" % k
        body = {"id": inst, "ami": "ami-0c55b159cbfafe1f0", "instance_type": "t2.micro", "tags": tags(rng)}
        if refs:
            body["vpc_security_group_ids"] = list(refs)
        encoding = rng.choice(["plain", "base64", "fn_base64encode"])
        field = "user_data" if encoding == "plain" else "user_data_base64"
        body[field] = {"script": script(rng, encoding == "fn_base64encode"), "encoding": encoding, "location": "inline"}
        resources.append({"Instance": body})
        refs.append({"ref": inst, "attr": "public_ip"})
    for k in range(rng.randint(1, 4)):
        resources.append({"TerraformOutput": {"id": "o%d" % k, "value": output_value(rng, 0, refs)}})
    return {"version": 1, "name": "plannable-%d" % i, "class_name": "MyStack", "resources": resources}


STRUCTURAL = {"id", "ref", "attr", "var", "encoding", "location", "class_name", "version"}


def tame(doc):
    """A generated stack with what Terraform refuses taken out and the rest kept: construct
    ids renamed `r<index>` (a resource name must start with a letter or `_`), and `${`, `%{`
    in every string and map key escaped as `$${`, `%%{` (else most hostile strings are not
    templates, and hcl and Terraform rightly refuse the whole stack)."""
    ids = {}
    for i, resource in enumerate(doc.get("resources", [])):
        for body in resource.values():
            if isinstance(body, dict) and isinstance(body.get("id"), str):
                ids.setdefault(body["id"], "r%d" % i)
                body["id"] = ids[body["id"]]

    def esc(s):
        return s.replace("${", "$${").replace("%{", "%%{")

    def walk(v, key=None):
        if isinstance(v, dict):
            if "ref" in v and isinstance(v.get("ref"), str):
                v["ref"] = ids.get(v["ref"], v["ref"])
            return {(k if k in STRUCTURAL or key == "resources" else esc(k)): (
                val if k in STRUCTURAL else walk(val, k)) for k, val in v.items()}
        if isinstance(v, list):
            return [walk(x, key) for x in v]
        if isinstance(v, str):
            return esc(v)
        return v

    out = walk(doc)
    out["name"] = doc.get("name")
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--mirror", required=True)
    p.add_argument("--provider-version", required=True)
    p.add_argument("--plannable", type=int, default=0, help="random stacks Terraform can plan offline")
    p.add_argument("--seed", default="1")
    p.add_argument("stacks", nargs="+")
    a = p.parse_args()
    tally = {k: 0 for k in ("fmt", "validate (valid)", "validate (invalid)", "plan (equal)", "plan (both fail)",
                            "refused by hcl and terraform", "refused by both")}
    failed = 0
    stacks = []
    for stack in a.stacks:
        stacks.append(stack)
        if "/generated/" in stack:
            tamed = stack[:-5] + "-tame.json"
            with open(tamed, "w") as f:
                json.dump(tame(json.load(open(stack))), f, ensure_ascii=False, indent=1)
            stacks.append(tamed)
    for i in range(a.plannable):
        path = os.path.join(a.work, "generated", "plannable-%d.json" % i)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(plannable(a.seed, i), f, ensure_ascii=False, indent=1)
        stacks.append(path)
    a.stacks = stacks
    for stack in a.stacks:
        name, note, failures = check(stack, a.cli, a.work, a.mirror, a.provider_version, tally)
        if failures:
            failed += 1
            print("FAIL %s (%s):" % (name, stack))
            for f in failures:
                print("  - " + f)
        else:
            print("ok   %s: %s" % (name, note))
        sys.stdout.flush()
    print("; ".join("%s: %d" % kv for kv in tally.items()))
    print("%d passed, %d failed" % (len(a.stacks) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
