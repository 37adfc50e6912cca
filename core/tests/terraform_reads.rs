//! The failing cases of issue 13, each with the finding it must raise: code, path, and the
//! French and English texts, the hint saying what to write instead. Each stack is the
//! smallest form of a case taken from public bug reports; `scripts/terraform-validate.sh`
//! checks the same kinds of mistakes against `terraform validate` itself.

#[path = "support/stacks.rs"]
mod stacks;

use std::collections::BTreeSet;

use ec2_playground_core::checks::terraform_strings;
use ec2_playground_core::{check, load_stack, synth, Diagnostic, Severity, Stack, SynthOptions};
use serde_json::{json, Value};

/// A small valid stack: a provider, a group, an instance with `extra` merged into it.
fn stack_with(instance_extra: Value) -> Stack {
    let mut instance = json!({"id": "web", "var": "inst", "ami": "ami-0c55b159cbfafe1f0", "instance_type": "t3.micro",
        "vpc_security_group_ids": [{"ref": "web_sg", "attr": "id"}],
        "root_block_device": {"encrypted": true},
        "metadata_options": {"http_tokens": "required"}});
    if let (Some(m), Value::Object(extra)) = (instance.as_object_mut(), instance_extra) {
        m.extend(extra);
    }
    let doc = json!({"version": 1, "name": "lab", "resources": [
        {"AwsProvider": {"id": "AWS", "region": "eu-west-3"}},
        {"SecurityGroup": {"id": "web_sg", "var": "sg", "name": "web-sg", "description": "Web",
            "ingress": [{"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "description": "HTTP"}],
            "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "out"}]}},
        {"Instance": instance}
    ]});
    load(&doc)
}

fn load(doc: &Value) -> Stack {
    load_stack(&doc.to_string()).unwrap_or_else(|e| panic!("{e}\n{doc:#}"))
}

/// The one finding with `code`, or a panic listing them all.
fn finding<'a>(found: &'a [Diagnostic], code: &str) -> &'a Diagnostic {
    let all: Vec<_> = found.iter().filter(|d| d.code == code).collect();
    match all.as_slice() {
        [one] => one,
        _ => panic!(
            "{} findings with code {code}; all:\n{}",
            all.len(),
            found
                .iter()
                .map(|d| format!("  {} {} {}\n", d.code, d.path, d.message.en))
                .collect::<String>()
        ),
    }
}

fn assert_texts(d: &Diagnostic, fr: &[&str], en: &[&str], hint_fr: &[&str], hint_en: &[&str]) {
    for (text, wants) in [
        (&d.message.fr, fr),
        (&d.message.en, en),
        (&d.hint.fr, hint_fr),
        (&d.hint.en, hint_en),
    ] {
        for want in wants {
            assert!(text.contains(want), "{:?} lacks {want:?} ({})", text, d.code);
        }
    }
}

fn script(s: &str) -> Value {
    json!({"user_data": {"script": s}})
}

// 1. A script that does not start with `#!`.

#[test]
fn user_data_starting_with_a_newline_is_never_run() {
    let found = check(&stack_with(script("\n#!/bin/bash\ndnf install -y httpd\n")));
    let d = finding(&found, "user-data-no-shebang");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[2].user_data", Severity::Warning)
    );
    assert_texts(
        d,
        &["une ligne vide avant « #! »", "n'exécutera pas le script"],
        &["an empty line before \"#!\"", "will not run the script"],
        &["#!/bin/bash", "dès le premier caractère"],
        &["#!/bin/bash", "at the very first character"],
    );
}

#[test]
fn user_data_indented_by_a_triple_quoted_string() {
    let found = check(&stack_with(script("    #!/bin/bash\n    dnf install -y httpd\n")));
    let d = finding(&found, "user-data-no-shebang");
    assert_eq!(d.path, "resources[2].user_data");
    assert_texts(
        d,
        &["des espaces avant « #! »"],
        &["spaces before \"#!\""],
        &["textwrap.dedent"],
        &["textwrap.dedent"],
    );
    // A cloud-config and a proper script raise nothing.
    for ok in [
        "#cloud-config\npackages: [httpd]\n",
        "#!/bin/bash\ndnf install -y httpd\n",
        "\n<powershell>\nInstall-WindowsFeature Web-Server\n</powershell>\n",
    ] {
        let found = check(&stack_with(script(ok)));
        assert!(found.iter().all(|d| d.code != "user-data-no-shebang"), "{ok:?}");
    }
}

// 2. Windows line endings.

#[test]
fn crlf_through_fn_base64encode_is_refused_by_terraform() {
    let ud = json!({"user_data": {"script": "#!/bin/bash\r\ndnf install -y httpd\r\n", "encoding": "fn_base64encode"}});
    let found = check(&stack_with(ud));
    let d = finding(&found, "terraform-template-invalid");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[2].user_data", Severity::Error)
    );
    assert_texts(
        d,
        &["retour chariot (CR, \\r)", "Invalid multi-line string"],
        &["carriage return (CR, \\r)", "Invalid multi-line string"],
        &["fins de ligne LF"],
        &["LF line endings"],
    );
    assert!(found.iter().all(|d| d.code != "user-data-crlf"), "one finding, not two");
}

#[test]
fn crlf_in_a_plain_script_breaks_on_the_instance() {
    let found = check(&stack_with(script("#!/bin/bash\r\ndnf install -y httpd\r\n")));
    let d = finding(&found, "user-data-crlf");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[2].user_data", Severity::Warning)
    );
    assert_texts(
        d,
        &["/bin/bash^M: bad interpreter"],
        &["/bin/bash^M: bad interpreter"],
        &["LF", "replace(\"\\r\\n\", \"\\n\")"],
        &["LF", "replace(\"\\r\\n\", \"\\n\")"],
    );
}

// 3. metadata_options as the provider validates them.

#[test]
fn metadata_options_as_the_provider_validates_them() {
    let extra = json!({"metadata_options": {"http_tokens": "Required", "http_put_response_hop_limit": 65, "http_endpoint": "true"}});
    let found = check(&stack_with(extra));
    let invalid: Vec<(&str, &str)> = found
        .iter()
        .filter(|d| d.code == "provider-value-invalid")
        .map(|d| (d.path.as_str(), d.message.en.as_str()))
        .collect();
    assert_eq!(invalid.len(), 3, "{invalid:?}");
    assert_eq!(invalid[0].0, "resources[2].metadata_options.http_endpoint");
    assert_eq!(invalid[1].0, "resources[2].metadata_options.http_tokens");
    assert_eq!(
        invalid[2].0,
        "resources[2].metadata_options.http_put_response_hop_limit"
    );
    let tokens = &found[found
        .iter()
        .position(|d| d.path.ends_with("http_tokens"))
        .expect("tokens")];
    assert_texts(
        tokens,
        &["\"optional\", \"required\"", "pas « Required »"],
        &["\"optional\", \"required\"", "not \"Required\""],
        &["Écrivez « required », en minuscules"],
        &["Write \"required\", in lowercase"],
    );
    let hop = &found[found.iter().position(|d| d.path.ends_with("hop_limit")).expect("hop")];
    assert_texts(
        hop,
        &["de 1 à 64, pas 65"],
        &["from 1 to 64, not 65"],
        &["de 1 à 64"],
        &["from 1 to 64"],
    );
    // The wrong value is the finding, not IMDSv1 with the wrong reason.
    assert!(found.iter().all(|d| d.code != "imdsv1"));
    let fine = check(&stack_with(
        json!({"metadata_options": {"http_tokens": "required", "http_put_response_hop_limit": 64, "http_endpoint": "enabled"}}),
    ));
    assert!(fine.iter().all(|d| d.code != "provider-value-invalid"));
}

// 4. Backslashes inside Fn.base64encode.

#[test]
fn a_backslash_escape_terraform_does_not_have() {
    let ud = json!({"user_data": {"script": "#!/bin/bash\ngrep -E '^\\s*Listen' /etc/httpd/conf/httpd.conf\n", "encoding": "fn_base64encode"}});
    let found = check(&stack_with(ud));
    let d = finding(&found, "terraform-template-invalid");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[2].user_data", Severity::Error)
    );
    assert_texts(
        d,
        &["« \\s »", "Invalid escape sequence"],
        &["\"\\s\"", "Invalid escape sequence"],
        &["\\\\s", "base64.b64encode"],
        &["\\\\s", "base64.b64encode"],
    );
}

#[test]
fn a_line_continuation_inside_fn_base64encode_is_lost() {
    let ud =
        json!({"user_data": {"script": "#!/bin/bash\ndnf install -y \\\n  httpd\n", "encoding": "fn_base64encode"}});
    let found = check(&stack_with(ud));
    let d = finding(&found, "user-data-escapes");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[2].user_data", Severity::Warning)
    );
    assert_texts(
        d,
        &["perd la continuation"],
        &["loses the continuation"],
        &["base64.b64encode(USER_DATA.encode()).decode()"],
        &["base64.b64encode(USER_DATA.encode()).decode()"],
    );
    assert!(found.iter().all(|d| d.code != "terraform-template-invalid"));
    // The same script encoded in Python raises nothing of the kind.
    let ud = json!({"user_data": {"script": "#!/bin/bash\ndnf install -y \\\n  httpd\n", "encoding": "base64"}});
    let found = check(&stack_with(ud));
    assert!(found.iter().all(|d| d.code != "user-data-escapes"));
}

// 5. `${...}` in any string.

#[test]
fn a_terraform_variable_in_a_tag() {
    let found = check(&stack_with(json!({"tags": {"Name": "web-${var.env}"}})));
    let d = finding(&found, "terraform-reference-unknown");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[2].tags[\"Name\"]", Severity::Error)
    );
    assert_texts(
        d,
        &["« ${var.env} »", "Reference to undeclared input variable"],
        &["\"${var.env}\"", "Reference to undeclared input variable"],
        &["« $${var.env} »", "f-string"],
        &["\"$${var.env}\"", "f-string"],
    );
}

#[test]
fn a_shell_variable_in_a_description() {
    let doc = json!({"version": 1, "name": "lab", "resources": [
        {"AwsProvider": {"id": "AWS", "region": "eu-west-3"}},
        {"SecurityGroup": {"id": "web_sg", "name": "web-sg", "description": "Managed by ${USER}",
            "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "out"}]}}
    ]});
    let found = check(&load(&doc));
    let d = finding(&found, "terraform-reference-unknown");
    assert_eq!(d.path, "resources[1].description");
    assert_texts(
        d,
        &["« ${USER} »", "Invalid reference"],
        &["\"${USER}\"", "Invalid reference"],
        &["« $${USER} »"],
        &["\"$${USER}\""],
    );
    // Escaped, and a reference synth writes, raise nothing.
    let mut ok = doc.clone();
    ok["resources"][1]["SecurityGroup"]["description"] = json!("Managed by $${USER}");
    assert!(check(&load(&ok))
        .iter()
        .all(|d| d.code != "terraform-reference-unknown"));
}

#[test]
fn a_tag_key_is_read_too_and_a_declared_reference_passes() {
    let found = check(&stack_with(
        json!({"tags": {"${USER}": "x", "sg": "${aws_security_group.web_sg.id}"}}),
    ));
    let d = finding(&found, "terraform-reference-unknown");
    assert_eq!(d.path, "resources[2].tags[\"${USER}\"]");
}

// 6. A group that lists itself in its own rule.

#[test]
fn a_security_group_that_refers_to_itself() {
    let doc = json!({"version": 1, "name": "lab", "resources": [
        {"AwsProvider": {"id": "AWS", "region": "eu-west-3"}},
        {"SecurityGroup": {"id": "web_sg", "var": "sg", "name": "web-sg", "description": "Web",
            "ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "security_groups": [{"ref": "web_sg", "attr": "id"}], "description": "self"}],
            "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "out"}]}}
    ]});
    let stack = load(&doc);
    assert!(
        synth(&stack, &SynthOptions::for_stack(&stack)).is_err(),
        "synth refuses it"
    );
    let found = check(&stack);
    let d = finding(&found, "ref-forward");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[1].ingress[0].security_groups[0]", Severity::Error)
    );
    assert_texts(
        d,
        &["fait référence à lui-même", "UnboundLocalError"],
        &["refers to itself", "UnboundLocalError"],
        &["self_attribute=True"],
        &["self_attribute=True"],
    );
}

// 7. A stack name synth refuses.

#[test]
fn stack_names_synth_refuses() {
    let named = |name: &str| {
        let mut s = stack_with(json!({}));
        s.name = name.to_owned();
        s
    };
    let found = check(&named("mon lab"));
    let d = finding(&found, "stack-name-invalid");
    assert_eq!((d.path.as_str(), d.severity), ("name", Severity::Error));
    assert_texts(
        d,
        &["« mon lab »", "cdktf refuse les espaces"],
        &["\"mon lab\"", "cdktf refuses whitespace"],
        &["mon-lab"],
        &["my-lab"],
    );
    let long = named(&"a".repeat(5_000_000));
    let found = check(&long);
    let d = finding(&found, "stack-name-invalid");
    assert!(
        d.message.en.contains("(5000000 bytes)") && d.message.en.contains("ENAMETOOLONG"),
        "{}",
        d.message.en
    );
    assert!(
        d.message.fr.len() < 600 && d.message.en.len() < 600,
        "a short excerpt only"
    );
    assert!(found[0].code == "stack-name-invalid", "the stack's findings come first");
    assert!(check(&named("mon-lab")).iter().all(|d| d.code != "stack-name-invalid"));
}

// The course's wording: its lab asks for ebs_block_device "pour le volume racine".

#[test]
fn the_root_volume_written_as_an_ebs_block_device() {
    let extra = json!({"ebs_block_device": [{"device_name": "/dev/xvda", "volume_size": 8, "encrypted": true}]});
    let found = check(&stack_with(extra));
    let d = finding(&found, "device-name-reserved");
    assert_eq!(d.path, "resources[2].ebs_block_device[0].device_name");
    assert_texts(
        d,
        &["volume racine"],
        &["root volume"],
        &[
            "root_block_device=InstanceRootBlockDevice(",
            "n'utilisez pas ebs_block_device",
        ],
        &[
            "root_block_device=InstanceRootBlockDevice(",
            "do not use ebs_block_device",
        ],
    );
}

// Every value as the provider validates it: name_regex is compiled by Go's regexp
// (validation.StringIsValidRegExp).

/// The stack of [`stack_with`] with an AMI lookup whose `name_regex` is `pattern`.
fn lookup_with(pattern: &str) -> Stack {
    let mut doc: Value = serde_json::from_str(&ec2_playground_core::save_stack(&stack_with(json!({})))).expect("json");
    if let Some(resources) = doc["resources"].as_array_mut() {
        resources.insert(
            1,
            json!({"DataAwsAmi": {"id": "al2023", "most_recent": true, "owners": ["amazon"], "name_regex": pattern}}),
        );
    }
    load(&doc)
}

#[test]
fn a_name_regex_go_does_not_compile() {
    let found = check(&lookup_with("^al2023-ami-(2023.*-x86_64$"));
    let d = finding(&found, "provider-value-invalid");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[1].name_regex", Severity::Error)
    );
    assert_eq!(
        d.message.en,
        "name_regex \"^al2023-ami-(2023.*-x86_64$\" is not a regular expression Go compiles: missing closing ), at character 13. The AWS provider refuses it: terraform plan fails (\"error parsing regexp: missing closing )\")."
    );
    assert_eq!(
        d.message.fr,
        "name_regex « ^al2023-ami-(2023.*-x86_64$ » n'est pas une expression régulière que Go compile : parenthèse fermante manquante, au caractère 13. Le provider AWS la refuse : terraform plan échoue (« error parsing regexp: missing closing ) »)."
    );
    assert_texts(
        d,
        &[],
        &[],
        &[
            "au caractère 13",
            "précédé de \\",
            "name_regex=\"^al2023-ami-2023\\\\..*-x86_64$\"",
        ],
        &["at character 13", "after a \\", "values=[\"al2023-ami-*\"]"],
    );
    // What Go refuses but regex-syntax takes, and the other way round.
    let code = |p: &str| {
        check(&lookup_with(p))
            .iter()
            .find(|d| d.path == "resources[1].name_regex")
            .map(|d| d.message.en.clone())
    };
    assert!(code("ami-\\u0041").is_some_and(|m| m.contains("invalid escape sequence, at character 5")));
    assert!(code("ami-\\\\u0041").is_none(), "a literal backslash then u0041");
    assert!(code("(?x)al2023 ami").is_some_and(|m| m.contains("invalid or unsupported Perl syntax, at character 3")));
    assert!(code("x{1001}").is_some_and(|m| m.contains("invalid repeat count")));
    assert!(code("a**").is_some_and(|m| m.contains("invalid nested repetition operator, at character 3")));
    for fine in [
        "^al2023-ami-2023\\..*-x86_64$",
        "al2023-ami-{",
        "(?i)AL2023",
        "\\pL+\\p{Greek}",
    ] {
        assert_eq!(code(fine), None, "{fine}");
    }
}

// What AWS refuses at apply: an EBS device name with a partition number.

#[test]
fn an_ebs_device_name_with_a_partition_number() {
    let extra = json!({"ebs_block_device": [{"device_name": "/dev/sdf1", "volume_size": 8, "encrypted": true}]});
    let found = check(&stack_with(extra));
    let d = finding(&found, "device-name-partition");
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("resources[2].ebs_block_device[0].device_name", Severity::Error)
    );
    assert_eq!(
        d.message.en,
        "\"/dev/sdf1\" names a partition (1), not a device: AWS refuses it at apply (\"/dev/sdf1 is not a valid EBS device name\", \"Invalid device name /dev/sdf1\")."
    );
    assert_eq!(
        d.message.fr,
        "« /dev/sdf1 » désigne une partition (1), pas un périphérique : AWS le refuse au déploiement (« /dev/sdf1 is not a valid EBS device name », « Invalid device name /dev/sdf1 »)."
    );
    assert_eq!(
        d.hint.en,
        "Write \"/dev/sdf\": a volume is attached whole; partitions are made on the instance (fdisk, parted) and show up there as /dev/nvme1n1p1 or /dev/xvdf1."
    );
    assert_eq!(
        d.hint.fr,
        "Écrivez « /dev/sdf » : un volume s'attache en entier ; les partitions se créent sur l'instance (fdisk, parted) et y apparaissent en /dev/nvme1n1p1 ou /dev/xvdf1."
    );
    assert!(
        found.iter().all(|d| d.code != "device-name-invalid"),
        "one finding, not two"
    );
    // A volume attachment, xvd style.
    let mut doc: Value = serde_json::from_str(&ec2_playground_core::save_stack(&stack_with(json!({})))).expect("json");
    if let Some(resources) = doc["resources"].as_array_mut() {
        resources.push(json!({"EbsVolume": {"id": "data", "availability_zone": {"ref": "web", "attr": "availability_zone"}, "size": 10, "type": "gp3", "encrypted": true}}));
        resources.push(json!({"VolumeAttachment": {"id": "att", "device_name": "/dev/xvdf12",
            "volume_id": {"ref": "data", "attr": "id"}, "instance_id": {"ref": "web", "attr": "id"}}}));
    }
    let found = check(&load(&doc));
    let d = finding(&found, "device-name-partition");
    assert_eq!(d.path, "resources[4].device_name");
    assert!(
        d.message
            .en
            .starts_with("\"/dev/xvdf12\" names a partition (12), not a device"),
        "{}",
        d.message.en
    );
    assert!(d.hint.en.starts_with("Write \"/dev/xvdf\":"), "{}", d.hint.en);
    // The root volume's /dev/sda1 keeps its own finding (a name AMIs give the root volume).
    let root = check(&stack_with(
        json!({"ebs_block_device": [{"device_name": "/dev/sda1", "encrypted": true}]}),
    ));
    assert!(root.iter().all(|d| d.code != "device-name-partition"));
    assert!(root.iter().any(|d| d.code == "device-name-reserved"));
}

// Item 2 of the issue: every string of cdk.tf.json is one the checks read.

/// Every string of a synthesized `cdk.tf.json` (keys included) that Terraform reads as a
/// template, but the cdktf metadata (`//`), the backend and outputs' descriptions.
fn template_strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| template_strings(i, out)),
        Value::Object(m) => {
            for (k, v) in m {
                if k == "//" {
                    continue;
                }
                out.insert(k.clone());
                template_strings(v, out);
            }
        }
        _ => {}
    }
}

/// `${<type>.<name>.<attr>}` or `${data.<type>.<name>.<attr>}`: a reference synth writes.
fn is_synth_reference(s: &str) -> bool {
    s.strip_prefix("${").and_then(|r| r.strip_suffix('}')).is_some_and(|r| {
        let parts: Vec<&str> = r.split('.').collect();
        matches!(parts.as_slice(), [ty, _, _] if ty.starts_with("aws_"))
            || matches!(parts.as_slice(), ["data", ty, _, _] if ty.starts_with("aws_"))
    })
}

#[test]
fn every_template_string_of_cdk_tf_json_is_read_by_the_checks() {
    let fixtures = format!("{}/../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut stacks: Vec<Stack> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path().join("stack.json")).ok())
        .filter_map(|t| load_stack(&t).ok())
        .collect();
    stacks.extend((0..200).map(|i| stacks::nth_stack(stacks::Mode::Valid, 5, i)));
    let mut read = 0;
    for stack in &stacks {
        let Ok(json) = synth(stack, &SynthOptions::for_stack(stack)) else {
            continue;
        };
        let mut value: Value = serde_json::from_str(&json).expect("synth writes JSON");
        // Not templates: the backend's path, and outputs' descriptions (taken literally).
        if let Some(tf) = value.get_mut("terraform").and_then(Value::as_object_mut) {
            tf.remove("backend");
        }
        if let Some(outputs) = value.get_mut("output").and_then(Value::as_object_mut) {
            for o in outputs.values_mut() {
                if let Some(o) = o.as_object_mut() {
                    o.remove("description");
                }
            }
        }
        let mut in_json = BTreeSet::new();
        template_strings(&value, &mut in_json);
        let checked: BTreeSet<String> = stack
            .resources
            .iter()
            .flat_map(terraform_strings)
            .map(|(_, s)| s)
            .collect();
        for s in in_json.iter().filter(|s| s.contains("${") || s.contains("%{")) {
            assert!(
                checked.contains(s) || is_synth_reference(s),
                "{:?} is in cdk.tf.json of {:?} but no check reads it",
                s,
                stack.name
            );
            read += 1;
        }
    }
    assert!(read > 100, "only {read} template strings seen");
}
