#!/usr/bin/env bash
# The laws of our main.tf (`ec2-playground hcl`), checked with the real Terraform:
#
#   scripts/hcl-laws.sh [N [SEED]]     every fixture, tests/hcl/*.json, N generated stacks
#                                      (default 4) from SEED (default 1), each also tamed,
#                                      and N "plannable" stacks
#
# For each stack:
#   - fmt:      `terraform fmt -check` leaves our main.tf as it is;
#   - validate: `terraform validate` gives the same verdict for main.tf as for our synth's
#               cdk.tf.json (each in its own folder, `terraform init -backend=false` from the
#               local provider mirror, the provider's version constraint relaxed to the
#               mirrored version in both);
#   - plan:     where the stack has no data source and both are valid, `terraform plan` runs
#               offline (fake credentials, the provider's skip_* options added to both) and
#               `terraform show -json` of the two plans are equal: resource_changes resource
#               by resource, planned_values, output_changes and relevant_attributes (as a set);
#   - refusal:  a stack `hcl` refuses (a string that is not a Terraform template) is one
#               whose cdk.tf.json Terraform refuses too (or that synth refuses).
# It needs terraform (1.11) on PATH and the hashicorp/aws provider in a filesystem mirror
# (TF_PLUGIN_MIRROR, default /opt/tf-plugins: <mirror>/registry.terraform.io/hashicorp/aws/
# <version>/linux_amd64/terraform-provider-aws_*); without them it fails, it never skips.
# Work folders go to a temporary directory (kept, and printed, when a law fails).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-4}
seed=${2:-1}
mirror=${TF_PLUGIN_MIRROR:-/opt/tf-plugins}

if ! command -v terraform > /dev/null; then
  echo "FAIL scripts/hcl-laws.sh: terraform is not on PATH (the laws need the real Terraform 1.11)" >&2
  exit 1
fi
provider_dir="$mirror/registry.terraform.io/hashicorp/aws"
version=$(ls "$provider_dir" 2> /dev/null | sort -V | tail -n 1 || true)
if [ -z "$version" ] || ! ls "$provider_dir/$version"/linux_amd64/terraform-provider-aws_* > /dev/null 2>&1; then
  echo "FAIL scripts/hcl-laws.sh: no hashicorp/aws provider in the mirror $mirror (set TF_PLUGIN_MIRROR to a folder holding registry.terraform.io/hashicorp/aws/<version>/linux_amd64/terraform-provider-aws_*)" >&2
  exit 1
fi

cd "$here"
cargo build --locked -q -p ec2-playground -p ec2-playground-core --example gen_stacks
work=$(mktemp -d /tmp/hcl-laws.XXXXXX)
mkdir -p "$work/generated"
"$here/target/debug/examples/gen_stacks" --seed "$seed" --count "$n" --out "$work/generated"

stacks=()
for f in "$here"/tests/fixtures/*/stack.json "$here"/tests/hcl/*.json; do stacks+=("$f"); done
for ((i = 0; i < n; i++)); do stacks+=("$work/generated/stack-$i.json"); done

if TF_CLI_CONFIG_FILE=/dev/null python3 "$here/scripts/hcl-laws.py" \
  --cli "$here/target/debug/ec2-playground" --work "$work" --mirror "$mirror" \
  --provider-version "$version" --seed "$seed" --plannable "$n" "${stacks[@]}"; then
  rm -rf "$work"
else
  echo "work folders kept in $work" >&2
  exit 1
fi
