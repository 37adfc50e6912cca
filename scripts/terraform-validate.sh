#!/usr/bin/env bash
# Differential test of `check` against Terraform itself: `terraform validate` (Terraform
# 1.11, AWS provider 5.100, offline) on generated stacks, every other one broken on purpose
# in one field (core/examples/tf_oracle.rs lists the mutations).
#
#   scripts/terraform-validate.sh N SEED
#
# For each stack synth accepts, the cdk.tf.json (version constraint and backend left out)
# goes through `terraform validate -json`, with the provider from a local mirror
# (`terraform init -backend=false -plugin-dir=<mirror>`, TF_CLI_CONFIG_FILE=/dev/null: no
# network, no user configuration). Then `tf_oracle compare` reports the agreement both
# ways: every resource Terraform refuses must have an error from `check`, and every
# `check` error of the kind "Terraform will refuse it" must be refused by Terraform. Exits
# 1 on a disagreement (listed), 2 when terraform or the provider plugin is missing: it
# never skips. Files are kept in target/terraform-validate/seed-<SEED>/.
#
# The mirror is found under /opt/tf-plugins, or given as TF_PLUGIN_MIRROR (the folder
# holding registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_*).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:?usage: scripts/terraform-validate.sh N SEED}
seed=${2:?usage: scripts/terraform-validate.sh N SEED}

if ! command -v terraform > /dev/null; then
  echo "terraform-validate: terraform is not on PATH (Terraform 1.11 is expected); nothing was checked" >&2
  exit 2
fi
mirror=${TF_PLUGIN_MIRROR:-}
if [ -z "$mirror" ]; then
  plugin=$(find /opt/tf-plugins -name 'terraform-provider-aws*' -type f 2> /dev/null | sort | tail -n 1 || true)
  if [ -n "$plugin" ]; then
    # <mirror>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/<binary>
    mirror=$(cd "$(dirname "$plugin")/../../../../.." && pwd)
  fi
fi
if [ -z "$mirror" ] || ! find "$mirror" -name 'terraform-provider-aws*' -type f 2> /dev/null | grep -q .; then
  echo "terraform-validate: no AWS provider plugin found (looked in ${TF_PLUGIN_MIRROR:-/opt/tf-plugins}; set TF_PLUGIN_MIRROR); nothing was checked" >&2
  exit 2
fi
export TF_CLI_CONFIG_FILE=/dev/null TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

cargo build --locked -q -p ec2-playground-core --example tf_oracle
oracle="$here/target/debug/examples/tf_oracle"
docs="$here/target/terraform-validate/seed-$seed"
rm -rf "$docs" && mkdir -p "$docs"
"$oracle" write --seed "$seed" --count "$n" --out "$docs"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One provider installation for all stacks: init once, then validate each file in turn.
cat > "$work/main.tf.json" << 'EOF'
{"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws"}}}}
EOF
if ! (cd "$work" && terraform init -input=false -no-color -backend=false -plugin-dir="$mirror" > init.log 2>&1); then
  echo "terraform-validate: terraform init failed with the mirror $mirror:" >&2
  tail -n 20 "$work/init.log" >&2
  exit 2
fi
for ((i = 0; i < n; i++)); do
  if [ -f "$docs/oracle-$i.tf.json" ]; then
    cp "$docs/oracle-$i.tf.json" "$work/main.tf.json"
    (cd "$work" && terraform validate -json -no-color > "$docs/validate-$i.json" 2> "$docs/validate-$i.err") || true
    if ! grep -q '"diagnostics"' "$docs/validate-$i.json"; then
      echo "terraform-validate: terraform validate gave no diagnostics for stack $i:" >&2
      cat "$docs/validate-$i.err" >&2
      exit 2
    fi
  fi
done
echo "terraform-validate: $n stacks from seed $seed ($docs)"
"$oracle" compare --count "$n" --dir "$docs"
