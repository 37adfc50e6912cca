#!/usr/bin/env python3
"""Measures which attribute changes force a replacement with the real AWS provider, and
compares them with the table of docs/deploy-preview.md (kept equal to
core/src/deploy_rules.rs by a test).

`terraform providers schema -json` does not carry ForceNew, so this asks the provider
itself: for each course class, a hand-written state (no AWS call: -refresh=false, fake
credentials, skip_* options) and a configuration equal to it but for one attribute;
`terraform plan` then `terraform show -json`, and the attribute forces a replacement when
it is in `replace_paths` beyond the baseline's (an incomplete state makes a few computed
attributes of aws_instance force one in every plan: security_groups, ipv6_addresses).

Usage: scripts/force-new.py [terraform types...]  (44 plans: a few minutes; over ten on a loaded machine)
Exit: 0 when every probe agrees with the table, 1 on a disagreement (listed), 2 when
terraform or the AWS provider plugin (under /opt/tf-plugins, or TF_PLUGIN_MIRROR) is
missing. The provider is the local plugin's version (5.100.0 on the project's machine),
not the 6.25.0 the synth targets: a difference between them is not seen here.
"""
import glob, json, os, re, shutil, subprocess, sys, tempfile
PROVIDER = '''terraform {
  required_providers { aws = { source = "hashicorp/aws", version = "VERSION" } }
}
provider "aws" {
  region = "eu-west-3"
  access_key = "AKIAFAKEFAKEFAKEFAKE"
  secret_key = "fake"
  skip_credentials_validation = true
  skip_requesting_account_id = true
  skip_metadata_api_check = true
}
'''
ROOT = [{"volume_size": 8, "volume_type": "gp3", "encrypted": False, "delete_on_termination": True,
         "iops": 3000, "throughput": 125, "kms_key_id": "", "tags": None, "tags_all": {},
         "device_name": "/dev/xvda", "volume_id": "vol-1"}]
CASES = {
  "aws_instance": (
    {"id": "i-1", "ami": "ami-1111", "instance_type": "t2.micro", "availability_zone": "eu-west-3a",
     "subnet_id": "subnet-1", "key_name": "k1", "user_data": None, "user_data_replace_on_change": False,
     "vpc_security_group_ids": ["sg-1"], "associate_public_ip_address": True, "monitoring": False,
     "ebs_optimized": False, "tags": {"Name": "a"}, "tags_all": {"Name": "a"}, "root_block_device": ROOT},
    {"ami": '"ami-1111"', "instance_type": '"t2.micro"', "availability_zone": '"eu-west-3a"',
     "subnet_id": '"subnet-1"', "key_name": '"k1"', "vpc_security_group_ids": '["sg-1"]',
     "associate_public_ip_address": "true", "monitoring": "false", "ebs_optimized": "false",
     "tags": '{ Name = "a" }', "user_data_replace_on_change": "false",
     "root_block_device": 'BLOCK{\n volume_size = 8\n volume_type = "gp3"\n encrypted = false\n delete_on_termination = true\n }'},
    {"ami": '"ami-2222"', "instance_type": '"t3.micro"', "availability_zone": '"eu-west-3b"',
     "subnet_id": '"subnet-2"', "key_name": '"k2"', "vpc_security_group_ids": '["sg-2"]',
     "associate_public_ip_address": "false", "monitoring": "true", "ebs_optimized": "true",
     "tags": '{ Name = "b" }', "user_data": '"echo b"',
     "user_data+replace": ('"echo b"', {"user_data_replace_on_change": "true"}),
     "root_block_device.volume_size": 'BLOCK{\n volume_size = 20\n volume_type = "gp3"\n encrypted = false\n delete_on_termination = true\n }',
     "root_block_device.volume_type": 'BLOCK{\n volume_size = 8\n volume_type = "gp2"\n encrypted = false\n delete_on_termination = true\n }',
     "root_block_device.encrypted": 'BLOCK{\n volume_size = 8\n volume_type = "gp3"\n encrypted = true\n delete_on_termination = true\n }',
     "root_block_device.delete_on_termination": 'BLOCK{\n volume_size = 8\n volume_type = "gp3"\n encrypted = false\n delete_on_termination = false\n }'}),
  "aws_security_group": (
    {"id": "sg-1", "name": "web", "description": "d1", "vpc_id": "vpc-1", "ingress": [], "egress": [],
     "tags": None, "tags_all": {}, "revoke_rules_on_delete": False},
    {"name": '"web"', "description": '"d1"', "vpc_id": '"vpc-1"'},
    {"name": '"web2"', "description": '"d2"', "vpc_id": '"vpc-2"', "tags": '{ Name = "b" }',
     "ingress": '[{ from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"], description = null, ipv6_cidr_blocks = null, prefix_list_ids = null, security_groups = null, self = null }]'}),
  "aws_key_pair": (
    {"id": "k1", "key_name": "k1", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA1 a", "tags": None, "tags_all": {}},
    {"key_name": '"k1"', "public_key": '"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA1 a"'},
    {"key_name": '"k2"', "public_key": '"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA2 b"', "tags": '{ Name = "b" }'}),
  "aws_ebs_volume": (
    {"id": "vol-1", "availability_zone": "eu-west-3a", "size": 10, "type": "gp3", "iops": 3000,
     "throughput": 125, "encrypted": False, "snapshot_id": "", "tags": None, "tags_all": {}},
    {"availability_zone": '"eu-west-3a"', "size": "10", "type": '"gp3"', "iops": "3000", "throughput": "125", "encrypted": "false"},
    {"availability_zone": '"eu-west-3b"', "size": "20", "type": '"io2"', "iops": "4000", "throughput": "250",
     "encrypted": "true", "snapshot_id": '"snap-1"', "tags": '{ Name = "b" }'}),
  "aws_volume_attachment": (
    {"id": "vai-1", "device_name": "/dev/sdh", "volume_id": "vol-1", "instance_id": "i-1"},
    {"device_name": '"/dev/sdh"', "volume_id": '"vol-1"', "instance_id": '"i-1"'},
    {"device_name": '"/dev/sdi"', "volume_id": '"vol-2"', "instance_id": '"i-2"'}),
  "aws_ebs_snapshot": (
    {"id": "snap-1", "volume_id": "vol-1", "description": "d1", "tags": None, "tags_all": {}},
    {"volume_id": '"vol-1"', "description": '"d1"'},
    {"volume_id": '"vol-2"', "description": '"d2"', "tags": '{ Name = "b" }'}),
}
def hcl(ty, args):
    body = []
    for k, v in args.items():
        if v.startswith("BLOCK"):
            body.append(f"  {k} {v[5:]}")
        else:
            body.append(f"  {k} = {v}")
    return PROVIDER + f'resource "{ty}" "r" {{\n' + "\n".join(body) + "\n}\n"
def plan(ty, state_attrs, args):
    with open("main.tf", "w") as f: f.write(hcl(ty, args))
    st = {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "11111111-1111-1111-1111-111111111111",
          "outputs": {}, "resources": [{"mode": "managed", "type": ty, "name": "r",
          "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
          "instances": [{"schema_version": 1 if ty == "aws_instance" else 0, "attributes": state_attrs}]}]}
    with open("terraform.tfstate", "w") as f: json.dump(st, f)
    r = subprocess.run(["terraform", "plan", "-refresh=false", "-input=false", "-no-color", "-out=p.bin"], capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr[-300:]
    d = json.loads(subprocess.run(["terraform", "show", "-json", "p.bin"], capture_output=True, text=True).stdout)
    rc = d["resource_changes"][0]["change"]
    return rc["actions"], sorted(".".join(str(p) for p in path) for path in rc.get("replace_paths") or [])
CLASSES = {"aws_instance": "Instance", "aws_security_group": "SecurityGroup",
           "aws_key_pair": "KeyPair", "aws_ebs_volume": "EbsVolume",
           "aws_volume_attachment": "VolumeAttachment", "aws_ebs_snapshot": "EbsSnapshot"}


def table():
    """(class, attribute) -> effect, from docs/deploy-preview.md."""
    here = os.path.dirname(os.path.abspath(__file__))
    rows = {}
    with open(os.path.join(here, "..", "docs", "deploy-preview.md"), encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.split("|")]
            if len(cells) == 8 and cells[2].startswith("`") and cells[2].endswith("`"):
                rows[(cells[1], cells[2].strip("`"))] = cells[3]
    return rows


def main():
    global PROVIDER
    mirror = os.environ.get("TF_PLUGIN_MIRROR", "/opt/tf-plugins")
    plugins = sorted(glob.glob(os.path.join(mirror, "registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws*")))
    if not shutil.which("terraform") or not plugins:
        print(f"force-new: terraform or the AWS provider plugin (in {mirror}) is missing; nothing was checked", file=sys.stderr)
        return 2
    version = plugins[-1].split(os.sep)[-3]
    PROVIDER = PROVIDER.replace("VERSION", version)
    os.environ.update(TF_CLI_CONFIG_FILE="/dev/null", TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1")
    work = tempfile.mkdtemp(prefix="force-new-")
    os.chdir(work)
    with open("main.tf", "w") as f:
        f.write(PROVIDER)
    init = subprocess.run(["terraform", "init", "-input=false", "-no-color", "-backend=false",
                           f"-plugin-dir={mirror}"], capture_output=True, text=True)
    if init.returncode != 0:
        print(init.stderr, file=sys.stderr)
        return 2
    rows = table()
    disagreements, probes_run = [], 0
    print(f"force-new: hashicorp/aws {version}, terraform plan -refresh=false in {work}")
    for ty, (state, base, probes) in CASES.items():
        if len(sys.argv) > 1 and ty not in sys.argv[1:]:
            continue
        _, baseline = plan(ty, state, base)
        for attr, value in probes.items():
            args = dict(base)
            if isinstance(value, tuple):
                value, extra = value
                args.update(extra)
            name = attr.split("+")[0]
            args[name.split(".")[0]] = value
            actions, paths = plan(ty, state, args)
            probes_run += 1
            if actions is None:
                disagreements.append(f"{ty}.{attr}: terraform plan failed: {paths}")
                continue
            forced = [p for p in paths if p not in (baseline or [])]
            replaces = any(p == name or re.sub(r"\.0\.", ".", p) == name for p in forced)
            effect = rows.get((CLASSES[ty], name)) or rows.get((CLASSES[ty], name.split(".")[0]))
            if effect is None:
                expected = None
            elif effect.startswith("replaces if"):
                expected = attr.endswith("+replace")
            else:
                expected = effect == "replaces"
            verdict = "ok" if expected == replaces else "DISAGREES"
            print(f"  {CLASSES[ty]}.{attr}: {'replaces' if replaces else 'updates in place'} (table: {effect}) {verdict}")
            if expected != replaces:
                disagreements.append(f"{CLASSES[ty]}.{attr}: the provider {'replaces' if replaces else 'updates in place'}, the table says {effect}")
    shutil.rmtree(work, ignore_errors=True)
    print(f"force-new: {probes_run} probes, {len(disagreements)} disagreements")
    for d in disagreements:
        print(f"  {d}")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
