//! The two halves of `scripts/terraform-validate.sh`, the differential test of `check`
//! against `terraform validate` (Terraform 1.11, AWS provider 5.100, offline).
//!
//!     cargo run -p ec2-playground-core --example tf_oracle -- write --seed S --count N --out DIR
//!     cargo run -p ec2-playground-core --example tf_oracle -- compare --count N --dir DIR
//!
//! `write` takes the generated valid stacks of `core/tests/support/stacks.rs` and, for every
//! odd index, breaks one field on purpose (a mutation of [`MUTATIONS`], in turn): writes
//! `stack-<i>.json`, `check-<i>.json` (our diagnostics) and, when synth accepts the stack,
//! `oracle-<i>.tf.json`: our `cdk.tf.json` with the provider's version constraint and the
//! backend left out, for Terraform to validate offline. `compare` reads each
//! `validate-<i>.json` (`terraform validate -json`) beside them and prints the agreement
//! both ways:
//!
//! - every resource Terraform refuses must have an error from `check` (at that resource);
//! - every error of `check` whose code says "Terraform will refuse it" (`TERRAFORM_REFUSES`)
//!   must be refused by Terraform.
//!
//! Exits with status 1 on any disagreement, 2 on bad arguments or files.

#[path = "../tests/support/stacks.rs"]
mod stacks;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ec2_playground_core::checks::catalog::TERRAFORM_REFUSES;
use ec2_playground_core::logical_id::logical_id;
use ec2_playground_core::{
    check, save_stack, synth, AwsProvider, Diagnostic, Instance, JsNumber, MetadataOptions, Resource,
    SecurityGroupRule, Severity, Stack, SynthOptions, UserData, UserDataEncoding,
};
use serde_json::Value;
use stacks::{nth_stack, Mode};

const USAGE: &str = "usage: tf_oracle write --seed SEED --count N --out DIR | compare --count N --dir DIR";

/// The course lab done right: `terraform validate` accepts it.
const BASE: &str = r##"{"version": 1, "name": "lab", "resources": [
  {"AwsProvider": {"id": "AWS", "region": "eu-west-3"}},
  {"DataAwsAmi": {"id": "al2023", "var": "ami", "most_recent": true, "owners": ["amazon"],
    "filter": [{"name": "name", "values": ["al2023-ami-*-x86_64"]}]}},
  {"SecurityGroup": {"id": "web_sg", "var": "sg", "name": "web-sg", "description": "Allow HTTP",
    "ingress": [{"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "description": "HTTP"}],
    "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "All out"}]}},
  {"Instance": {"id": "web", "var": "inst", "ami": {"ref": "al2023", "attr": "id"}, "instance_type": "t3.micro",
    "vpc_security_group_ids": [{"ref": "web_sg", "attr": "id"}],
    "user_data": {"script": "#!/bin/bash\ndnf install -y httpd\n"},
    "root_block_device": {"volume_size": 8, "volume_type": "gp3", "encrypted": true},
    "metadata_options": {"http_tokens": "required"}, "tags": {"Name": "web"}}},
  {"EbsVolume": {"id": "data", "var": "vol", "availability_zone": {"ref": "web", "attr": "availability_zone"},
    "size": 10, "type": "gp3", "encrypted": true}},
  {"TerraformOutput": {"id": "public_ip", "value": {"ref": "web", "attr": "public_ip"}}}
]}"##;

/// One field broken on purpose: its name, and the edit.
type Mutation = (&'static str, fn(&mut Stack));

/// The first instance of the stack, added (with a provider if need be) when there is none.
fn instance(stack: &mut Stack) -> &mut Instance {
    if !stack.resources.iter().any(|r| matches!(r, Resource::AwsProvider(_))) {
        stack.resources.insert(
            0,
            Resource::AwsProvider(AwsProvider {
                id: "oracle_aws".into(),
                region: Some("eu-west-3".into()),
                ..Default::default()
            }),
        );
    }
    if !stack.resources.iter().any(|r| matches!(r, Resource::Instance(_))) {
        stack.resources.push(Resource::Instance(Instance {
            id: "oracle_web".into(),
            ami: Some("ami-0c55b159cbfafe1f0".into()),
            instance_type: Some("t3.micro".into()),
            ..Default::default()
        }));
    }
    match stack.resources.iter_mut().find_map(|r| match r {
        Resource::Instance(i) => Some(i),
        _ => None,
    }) {
        Some(i) => i,
        None => unreachable!("an instance was just added"),
    }
}

fn metadata(stack: &mut Stack) -> &mut MetadataOptions {
    instance(stack).metadata_options.get_or_insert_with(Default::default)
}

fn user_data(stack: &mut Stack, script: &str, encoding: UserDataEncoding) {
    let inst = instance(stack);
    inst.user_data_base64 = None;
    inst.user_data = Some(UserData {
        script: script.into(),
        encoding,
        ..Default::default()
    });
}

fn tag(stack: &mut Stack, value: &str) {
    instance(stack)
        .tags
        .get_or_insert_with(Default::default)
        .insert("Name".into(), value.into());
}

/// Adds a rule to the first security group, when there is one; else tags the instance.
fn rule(stack: &mut Stack, edit: fn(&mut SecurityGroupRule)) {
    let sg = stack.resources.iter_mut().find_map(|r| match r {
        Resource::SecurityGroup(sg) => Some(sg),
        _ => None,
    });
    match sg {
        Some(sg) => {
            let mut r = SecurityGroupRule {
                from_port: Some(443.into()),
                to_port: Some(443.into()),
                protocol: Some("tcp".into()),
                cidr_blocks: Some(vec!["10.0.0.0/8".into()]),
                description: Some("oracle".into()),
                ..Default::default()
            };
            edit(&mut r);
            sg.ingress.get_or_insert_with(Vec::new).push(r);
        }
        None => tag(stack, "web-${var.env}"),
    }
}

/// The fields broken on purpose, one per odd stack, in turn.
const MUTATIONS: &[Mutation] = &[
    ("http_tokens Required", |s| {
        metadata(s).http_tokens = Some("Required".into())
    }),
    ("hop limit 65", |s| {
        metadata(s).http_put_response_hop_limit = Some(65.into())
    }),
    ("http_endpoint true", |s| {
        metadata(s).http_endpoint = Some("true".into())
    }),
    ("tag ${var.env}", |s| tag(s, "web-${var.env}")),
    ("tag ${USER}", |s| tag(s, "built by ${USER}")),
    ("fn_base64encode \\s", |s| {
        user_data(
            s,
            "#!/bin/bash\ngrep -E '^\\s*Listen' /etc/httpd.conf\n",
            UserDataEncoding::FnBase64encode,
        )
    }),
    ("fn_base64encode CRLF", |s| {
        user_data(
            s,
            "#!/bin/bash\r\ndnf install -y httpd\r\n",
            UserDataEncoding::FnBase64encode,
        )
    }),
    ("plain ${HOME}", |s| {
        user_data(s, "#!/bin/bash\necho ${HOME}\n", UserDataEncoding::Plain)
    }),
    ("rule cidr not network", |s| {
        rule(s, |r| r.cidr_blocks = Some(vec!["10.0.0.1/8".into()]))
    }),
    ("rule description é", |s| {
        rule(s, |r| r.description = Some("accès".into()))
    }),
    ("tag unclosed directive", |s| tag(s, "%{ if true }x")),
    ("root volume gp4", |s| {
        instance(s)
            .root_block_device
            .get_or_insert_with(Default::default)
            .volume_type = Some("gp4".into())
    }),
    ("tag undeclared resource", |s| tag(s, "${aws_instance.nope.id}")),
    ("owners empty", |s| {
        if let Some(Resource::DataAwsAmi(a)) = s.resources.iter_mut().find(|r| matches!(r, Resource::DataAwsAmi(_))) {
            a.owners = Some(vec![String::new()]);
        }
    }),
    ("output value ${local.x}", |s| {
        if let Some(Resource::TerraformOutput(o)) = s
            .resources
            .iter_mut()
            .find(|r| matches!(r, Resource::TerraformOutput(_)))
        {
            o.value = ec2_playground_core::OutputValue::Str("ip of ${local.x}".into());
        }
    }),
    // Terraform takes an output's description literally: neither refuses it.
    ("output description ${local.x}", |s| {
        if let Some(Resource::TerraformOutput(o)) = s
            .resources
            .iter_mut()
            .find(|r| matches!(r, Resource::TerraformOutput(_)))
        {
            o.description = Some("ip of ${local.x}".into());
        }
    }),
    ("tag unknown function", |s| tag(s, "${nope(1)}")),
    ("user_data and user_data_base64", |s| {
        let inst = instance(s);
        inst.user_data = Some(UserData {
            script: "#!/bin/bash\n".into(),
            ..Default::default()
        });
        inst.user_data_base64 = Some(UserData {
            script: "#!/bin/bash\n".into(),
            encoding: UserDataEncoding::Base64,
            ..Default::default()
        });
    }),
    ("user_data_base64 not base64", |s| {
        let inst = instance(s);
        inst.user_data = None;
        inst.user_data_base64 = Some(UserData {
            script: "#!/bin/bash\necho hi\n".into(),
            ..Default::default()
        });
    }),
    ("second provider", |s| {
        s.resources.push(Resource::AwsProvider(AwsProvider {
            id: "AWS2".into(),
            region: Some("eu-west-1".into()),
            ..Default::default()
        }))
    }),
    ("output named 1ip", |s| {
        s.resources
            .push(Resource::TerraformOutput(ec2_playground_core::TerraformOutput {
                id: "1ip".into(),
                var: None,
                value: ec2_playground_core::OutputValue::Str("x".into()),
                description: None,
                sensitive: None,
            }))
    }),
    ("rule cidr /33", |s| {
        rule(s, |r| r.cidr_blocks = Some(vec!["10.0.0.0/33".into()]))
    }),
    ("name_regex unclosed group", |s| {
        if let Some(Resource::DataAwsAmi(a)) = s.resources.iter_mut().find(|r| matches!(r, Resource::DataAwsAmi(_))) {
            a.name_regex = Some("^al2023-ami-(2023.*".into());
        }
    }),
    ("name_regex flag x", |s| {
        if let Some(Resource::DataAwsAmi(a)) = s.resources.iter_mut().find(|r| matches!(r, Resource::DataAwsAmi(_))) {
            a.name_regex = Some("(?x)al2023 ami".into());
        }
    }),
    ("fn_base64encode continuation", |s| {
        user_data(
            s,
            "#!/bin/bash\ndnf install -y \\\n  httpd\n",
            UserDataEncoding::FnBase64encode,
        )
    }),
    ("rule port 1.5", |s| rule(s, |r| r.from_port = JsNumber::new(1.5))),
    ("root volume size 1e22", |s| {
        instance(s)
            .root_block_device
            .get_or_insert_with(Default::default)
            .volume_size = JsNumber::new(1e22)
    }),
];

fn arg<T: std::str::FromStr>(args: &[String], flag: &str) -> Result<T, String> {
    let k = args
        .iter()
        .position(|a| a == flag)
        .ok_or(format!("{flag} is required"))?;
    let v = args.get(k + 1).ok_or(format!("{flag} needs a value"))?;
    v.parse().map_err(|_| format!("{flag} {v:?}: not a valid value"))
}

/// `cdk.tf.json` as Terraform can validate it offline: no version constraint, no backend.
fn oracle_copy(json: &str) -> Result<String, String> {
    let mut v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if let Some(tf) = v.get_mut("terraform").and_then(Value::as_object_mut) {
        tf.remove("backend");
        if let Some(aws) = tf
            .get_mut("required_providers")
            .and_then(|p| p.get_mut("aws"))
            .and_then(Value::as_object_mut)
        {
            aws.remove("version");
        }
    }
    serde_json::to_string_pretty(&v).map_err(|e| e.to_string())
}

fn write(args: &[String]) -> Result<ExitCode, String> {
    let seed: u64 = arg(args, "--seed")?;
    let count: u64 = arg(args, "--count")?;
    let out: PathBuf = arg(args, "--out")?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for i in 0..count {
        let mut stack = nth_stack(Mode::Valid, seed, i);
        let mut what = "none";
        if i % 2 == 1 {
            // A clean lab, so that Terraform's validation reaches the broken field.
            stack = ec2_playground_core::load_stack(BASE).map_err(|e| format!("the base stack: {e}"))?;
            let (name, edit) = MUTATIONS[usize::try_from(i / 2).unwrap_or(0) % MUTATIONS.len()];
            edit(&mut stack);
            what = name;
        }
        let put =
            |name: String, text: String| std::fs::write(out.join(&name), text).map_err(|e| format!("{name}: {e}"));
        put(format!("stack-{i}.json"), save_stack(&stack))?;
        put(format!("mutation-{i}.txt"), format!("{what}\n"))?;
        let found = check(&stack);
        put(
            format!("check-{i}.json"),
            serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?,
        )?;
        let oracle = out.join(format!("oracle-{i}.tf.json"));
        let _ = std::fs::remove_file(&oracle);
        if let Ok(json) = synth(&stack, &SynthOptions::new("/tmp/oracle")) {
            put(format!("oracle-{i}.tf.json"), oracle_copy(&json)?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The resources a `terraform validate` diagnostic is about: its snippet's context
/// (`resource.aws_instance.web.tags`), or for a bad name the name it highlights.
fn resource_of_diagnostic(stack: &Stack, d: &Value) -> Option<Vec<usize>> {
    let context = d["snippet"]["context"].as_str().unwrap_or_default();
    if let Some(k) = resource_of(stack, context) {
        return Some(k);
    }
    if let Some(rest) = context.strip_prefix("provider.aws[") {
        let n: usize = rest.trim_end_matches(']').parse().ok()?;
        return stack
            .resources
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Resource::AwsProvider(_)))
            .nth(n)
            .map(|(k, _)| vec![k]);
    }
    let code = d["snippet"]["code"].as_str().unwrap_or_default();
    let (from, to) = (
        d["snippet"]["highlight_start_offset"].as_u64()?,
        d["snippet"]["highlight_end_offset"].as_u64()?,
    );
    let key = code.get(usize::try_from(from).ok()?..usize::try_from(to).ok()?)?;
    let name: String = serde_json::from_str(key).ok()?;
    resource_of(stack, &format!("{context}.{name}"))
}

/// The indices in `stack.resources` of the resources a Terraform address names
/// (`resource.aws_instance.web...`, `data.aws_ami.al...`, `output.ip`): several when their
/// ids give the same logical id, which cdktf merges into one Terraform resource.
fn resource_of(stack: &Stack, context: &str) -> Option<Vec<usize>> {
    let parts: Vec<&str> = context.split('.').collect();
    let (data, ty, name) = match parts.as_slice() {
        ["resource", ty, name, ..] => (false, Some(*ty), *name),
        ["data", ty, name, ..] => (true, Some(*ty), *name),
        ["output", name, ..] => (false, None, *name),
        _ => return None,
    };
    let found: Vec<usize> = stack
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            let kind = r.kind();
            let same_kind = match ty {
                Some(ty) => kind.terraform_type() == Some(ty) && kind.is_data_source() == data,
                None => kind == ec2_playground_core::ResourceKind::TerraformOutput,
            };
            same_kind && logical_id(r.id()).is_ok_and(|l| l == name)
        })
        .map(|(k, _)| k)
        .collect();
    (!found.is_empty()).then_some(found)
}

/// The resource index of a diagnostic's path (`resources[3].tags` gives 3).
fn index_of(path: &str) -> Option<usize> {
    path.strip_prefix("resources[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse::<usize>().ok())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn compare(args: &[String]) -> Result<ExitCode, String> {
    let count: u64 = arg(args, "--count")?;
    let dir: PathBuf = arg(args, "--dir")?;
    let (mut tf_refused, mut tf_refused_seen, mut ours, mut ours_confirmed, mut unverifiable) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    for i in 0..count {
        let stack = ec2_playground_core::load_stack(&read(&dir.join(format!("stack-{i}.json")))?)
            .map_err(|e| format!("stack-{i}.json: {e}"))?;
        let found: Vec<Diagnostic> = serde_json::from_str(&read(&dir.join(format!("check-{i}.json")))?)
            .map_err(|e| format!("check-{i}.json: {e}"))?;
        let what = read(&dir.join(format!("mutation-{i}.txt"))).unwrap_or_default();
        let errors: Vec<&Diagnostic> = found.iter().filter(|d| d.severity == Severity::Error).collect();
        let validate = dir.join(format!("validate-{i}.json"));
        if !validate.exists() {
            // synth refused the stack: the law test covers it (check has an error there).
            continue;
        }
        let v: Value = serde_json::from_str(&read(&validate)?).map_err(|e| format!("validate-{i}.json: {e}"))?;
        let diags: Vec<&Value> = v["diagnostics"]
            .as_array()
            .map(|a| a.iter().filter(|d| d["severity"] == "error").collect())
            .unwrap_or_default();
        // Resources Terraform refuses, by index (None: not mapped to a resource).
        let refused: BTreeSet<Option<Vec<usize>>> = diags.iter().map(|d| resource_of_diagnostic(&stack, d)).collect();
        for r in &refused {
            tf_refused += 1;
            let seen = errors.iter().any(|d| match r {
                Some(ks) => index_of(&d.path).is_some_and(|k| ks.contains(&k)),
                None => true,
            });
            let prefix = r.as_ref().map(|ks| {
                ks.iter()
                    .map(|k| format!("resources[{k}]"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            });
            if seen {
                tf_refused_seen += 1;
            } else {
                let summary: Vec<&str> = diags.iter().filter_map(|d| d["summary"].as_str()).collect();
                failures.push(format!(
                    "stack {i} ({}): terraform refuses {} ({}), check has no error there",
                    what.trim(),
                    prefix.unwrap_or_else(|| "the stack".into()),
                    summary.join("; ")
                ));
            }
        }
        for d in errors.iter().filter(|d| TERRAFORM_REFUSES.contains(&d.code.as_str())) {
            ours += 1;
            let index = index_of(&d.path);
            if refused
                .iter()
                .flatten()
                .any(|ks| index.is_some_and(|k| ks.contains(&k)))
            {
                ours_confirmed += 1;
            } else if !refused.is_empty() {
                // Terraform stopped at another error before validating this resource.
                unverifiable += 1;
            } else {
                failures.push(format!(
                    "stack {i} ({}): check says {} at {}, terraform validate accepts it",
                    what.trim(),
                    d.code,
                    d.path
                ));
            }
        }
    }
    println!("terraform refuses {tf_refused} resource(s); check has an error at {tf_refused_seen} of them");
    println!(
        "check has {ours} \"terraform refuses\" error(s); terraform refuses {ours_confirmed} of them at that resource, {unverifiable} sit in stacks where terraform stopped at another error first"
    );
    for f in &failures {
        println!("DISAGREE {f}");
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("write") => write(&args[1..]),
        Some("compare") => compare(&args[1..]),
        _ => Err("a subcommand is required".into()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tf_oracle: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
