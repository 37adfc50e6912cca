//! One-click fixes: for each fix, a stack with the finding; the fix offered in the
//! findings' JSON, applied; the finding gone, nothing else changed (the other resources,
//! the other findings). The law: applying every parameterless fix never adds an error.

#[path = "support/clean_lab.rs"]
mod clean_lab;
#[path = "support/stacks.rs"]
mod stacks;

use std::collections::BTreeSet;

use ec2_playground_core::fix::{apply_all_fixes, apply_fix, findings, FixParams};
use ec2_playground_core::{check, load_stack, Lang, Severity, Stack};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The baseline with `value` at the JSON pointer (`None`: removed).
fn variant(edits: &[(&str, Option<Value>)]) -> Stack {
    load_stack(&clean_lab::edited(edits.iter().map(|(p, v)| (*p, v.as_ref()))).to_string()).expect("stack")
}

fn key(d: &ec2_playground_core::Diagnostic) -> (String, String) {
    (d.code.clone(), d.path.clone())
}

/// The finding is offered `fix`; applying it removes the finding and changes nothing else.
fn fixes(stack: &Stack, code: &str, path: &str, fix: &str, params: &[(&str, &str)]) -> Stack {
    let before = findings(stack);
    let finding = before
        .iter()
        .find(|f| f.diagnostic.code == code && f.diagnostic.path == path)
        .unwrap_or_else(|| panic!("no {code} at {path}: {:#?}", check(stack)));
    let offer = finding
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("no fix offered for {code}"));
    assert_eq!(offer.id, fix);
    assert_eq!((offer.label.fr.as_str(), offer.label.en.as_str()), ("Corriger", "Fix"));
    assert!(!offer.description.fr.is_empty() && !offer.description.en.is_empty());
    assert_eq!(offer.params.len(), params.len());
    let params: FixParams = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let after = apply_fix(stack, code, path, &params).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    let index: usize = path
        .strip_prefix("resources[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse().ok())
        .expect("index");
    assert_eq!(after.resources.len(), stack.resources.len());
    for (i, (a, b)) in stack.resources.iter().zip(&after.resources).enumerate() {
        assert_eq!(a == b, i != index, "resource {i} changed: {a:?} → {b:?}");
    }
    let mut expected: BTreeSet<_> = check(stack).iter().map(key).collect();
    expected.remove(&(code.to_owned(), path.to_owned()));
    let got: BTreeSet<_> = check(&after).iter().map(key).collect();
    // The finding is gone and none is added (one that followed from it may go too).
    assert!(
        got.is_subset(&expected),
        "findings after {fix}: {got:?}, before: {expected:?}"
    );
    assert!(!got.contains(&(code.to_owned(), path.to_owned())));
    after
}

const SG: &str = "/resources/2/SecurityGroup";
const INST: &str = "/resources/4/Instance";

#[test]
fn baseline_is_clean() {
    assert!(check(&variant(&[])).is_empty(), "{:#?}", check(&variant(&[])));
}

/// Amazon Linux 2, whose AMIs still accept IMDSv1 (AL2023 requires IMDSv2 by default).
const AL2: (&str, Option<Value>) = ("/resources/1/DataAwsAmi/filter", None);

#[test]
fn require_imdsv2() {
    let al2 = || {
        (
            AL2.0,
            Some(json!([{"name": "name", "values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])),
        )
    };
    let s = variant(&[al2(), (&format!("{INST}/metadata_options"), None)]);
    let after = fixes(&s, "imdsv1", "resources[4].metadata_options", "require-imdsv2", &[]);
    assert_eq!(after, variant(&[al2()]));
    let s = variant(&[
        al2(),
        (
            &format!("{INST}/metadata_options"),
            Some(json!({"http_tokens": "optional"})),
        ),
    ]);
    fixes(
        &s,
        "imdsv1",
        "resources[4].metadata_options.http_tokens",
        "require-imdsv2",
        &[],
    );
}

#[test]
fn encrypt_volumes() {
    let s = variant(&[(&format!("{INST}/root_block_device/encrypted"), None)]);
    let after = fixes(
        &s,
        "instance-volume-unencrypted",
        "resources[4].root_block_device.encrypted",
        "encrypt-volume",
        &[],
    );
    assert_eq!(after, variant(&[]));
    let s = variant(&[(&format!("{INST}/root_block_device"), None)]);
    fixes(
        &s,
        "instance-volume-unencrypted",
        "resources[4].root_block_device",
        "encrypt-volume",
        &[],
    );
    let s = variant(&[(
        &format!("{INST}/ebs_block_device"),
        Some(json!([{"device_name": "/dev/sdf", "volume_size": 20}])),
    )]);
    fixes(
        &s,
        "instance-volume-unencrypted",
        "resources[4].ebs_block_device[0].encrypted",
        "encrypt-volume",
        &[],
    );
    let s = variant(&[("/resources/5/EbsVolume/encrypted", Some(json!(false)))]);
    let after = fixes(
        &s,
        "ebs-volume-unencrypted",
        "resources[5].encrypted",
        "encrypt-volume",
        &[],
    );
    assert_eq!(after, variant(&[]));
}

#[test]
fn user_data_fixes() {
    let s = variant(&[(
        &format!("{INST}/user_data"),
        Some(json!({"script": "#!/bin/bash\necho ${HOME} > /tmp/h\n"})),
    )]);
    let after = fixes(
        &s,
        "user-data-interpolation",
        "resources[4].user_data",
        "escape-template",
        &[],
    );
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][4]["Instance"]["user_data"]["script"],
        "#!/bin/bash\necho $${HOME} > /tmp/h\n"
    );
    let s = variant(&[(
        &format!("{INST}/user_data"),
        Some(json!({"script": "dnf install -y httpd\n"})),
    )]);
    let after = fixes(&s, "user-data-no-shebang", "resources[4].user_data", "add-shebang", &[]);
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][4]["Instance"]["user_data"]["script"],
        "#!/bin/bash\ndnf install -y httpd\n"
    );
    let s = variant(&[(
        &format!("{INST}/user_data"),
        Some(json!({"script": "\n#!/bin/bash\ndnf install -y httpd\n"})),
    )]);
    let after = fixes(&s, "user-data-no-shebang", "resources[4].user_data", "add-shebang", &[]);
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][4]["Instance"]["user_data"]["script"],
        "#!/bin/bash\ndnf install -y httpd\n"
    );
    let s = variant(&[(
        &format!("{INST}/user_data"),
        Some(json!({"script": "#!/bin/bash\r\ndnf install -y httpd\r\nsystemctl enable --now httpd\r\n"})),
    )]);
    let after = fixes(&s, "user-data-crlf", "resources[4].user_data", "lf-line-endings", &[]);
    assert_eq!(after, variant(&[]));
}

#[test]
fn security_group_fixes() {
    let s = variant(&[(&format!("{SG}/egress"), None)]);
    let after = fixes(&s, "sg-no-egress", "resources[2].egress", "add-egress", &[]);
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][2]["SecurityGroup"]["egress"],
        json!([{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "All outbound traffic"}])
    );
    let s = variant(&[(&format!("{SG}/ingress/0/cidr_blocks"), Some(json!(["0.0.0.0/0"])))]);
    let after = fixes(
        &s,
        "sg-ssh-open",
        "resources[2].ingress[0].cidr_blocks[0]",
        "restrict-source",
        &[("cidr", "203.0.113.7")],
    );
    assert_eq!(after, variant(&[]));
    assert_eq!(
        apply_fix(
            &s,
            "sg-ssh-open",
            "resources[2].ingress[0].cidr_blocks[0]",
            &FixParams::new()
        )
        .map_err(|e| e.message(Lang::Fr)),
        Err("la correction restrict-source a besoin du paramètre « cidr »".to_owned())
    );
    let bad: FixParams = [("cidr".to_owned(), "chez moi".to_owned())].into_iter().collect();
    assert_eq!(
        apply_fix(&s, "sg-ssh-open", "resources[2].ingress[0].cidr_blocks[0]", &bad).map_err(|e| e.message(Lang::En)),
        Err("\"chez moi\" is not an IP address or CIDR block (write 203.0.113.7 or 203.0.113.0/24)".to_owned())
    );
    // RDP, from IPv6 everywhere, limited to an IPv4 address: ::/0 goes, the address comes.
    let s = variant(&[(
        &format!("{SG}/ingress/0"),
        Some(json!({"from_port": 3389, "to_port": 3389, "protocol": "tcp",
        "ipv6_cidr_blocks": ["::/0"], "description": "RDP"})),
    )]);
    let after = fixes(
        &s,
        "sg-rdp-open",
        "resources[2].ingress[0].ipv6_cidr_blocks[0]",
        "restrict-source",
        &[("cidr", "198.51.100.4/32")],
    );
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][2]["SecurityGroup"]["ingress"][0],
        json!({"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["198.51.100.4/32"], "ipv6_cidr_blocks": [], "description": "RDP"})
    );
    let s = variant(&[
        (&format!("{SG}/ingress/0/from_port"), Some(json!(23))),
        (&format!("{SG}/ingress/0/to_port"), Some(json!(22))),
    ]);
    let after = fixes(
        &s,
        "sg-port-order",
        "resources[2].ingress[0].from_port",
        "swap-ports",
        &[],
    );
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][2]["SecurityGroup"]["ingress"][0]["to_port"],
        23
    );
    let s = variant(&[(&format!("{SG}/egress/0/to_port"), Some(json!(65535)))]);
    let after = fixes(
        &s,
        "sg-all-protocol-ports",
        "resources[2].egress[0].from_port",
        "zero-ports",
        &[],
    );
    assert_eq!(after, variant(&[]));
    let s = variant(&[(&format!("{SG}/ingress/0/cidr_blocks"), Some(json!(["203.0.113.7/24"])))]);
    let after = fixes(
        &s,
        "cidr-not-network",
        "resources[2].ingress[0].cidr_blocks[0]",
        "network-address",
        &[],
    );
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][2]["SecurityGroup"]["ingress"][0]["cidr_blocks"],
        json!(["203.0.113.0/24"])
    );
    let s = variant(&[(&format!("{SG}/ingress/0/cidr_blocks"), Some(json!(["203.0.113.7"])))]);
    let after = fixes(
        &s,
        "cidr-invalid",
        "resources[2].ingress[0].cidr_blocks[0]",
        "add-prefix",
        &[],
    );
    assert_eq!(after, variant(&[]));
    // A malformed block has no mechanical fix.
    let s = variant(&[(&format!("{SG}/ingress/0/cidr_blocks"), Some(json!(["my house"])))]);
    let f = findings(&s);
    let malformed = f.iter().find(|f| f.diagnostic.code == "cidr-invalid").expect("finding");
    assert!(malformed.fix.is_none());
}

#[test]
fn other_fixes() {
    let s = variant(&[(
        "/resources/7/TerraformOutput/value",
        Some(json!("AKIAIOSFODNN7EXAMPLE")),
    )]);
    let after = fixes(&s, "output-secret", "resources[7].value", "mark-sensitive", &[]);
    assert_eq!(
        serde_json::to_value(&after).expect("json")["resources"][7]["TerraformOutput"]["sensitive"],
        true
    );
    let s = variant(&[("/resources/1/DataAwsAmi/most_recent", None)]);
    let after = fixes(
        &s,
        "ami-lookup-ambiguous",
        "resources[1].most_recent",
        "most-recent",
        &[],
    );
    assert_eq!(after, variant(&[]));
    // Without an owner, most_recent=True is refused by the provider: no fix offered.
    let s = variant(&[
        ("/resources/1/DataAwsAmi/most_recent", None),
        ("/resources/1/DataAwsAmi/owners", None),
    ]);
    let f = findings(&s);
    let ambiguous = f
        .iter()
        .find(|f| f.diagnostic.code == "ami-lookup-ambiguous")
        .expect("finding");
    assert!(ambiguous.fix.is_none());
    let s = variant(&[
        (&format!("{INST}/instance_type"), Some(json!("t2.micro"))),
        (&format!("{INST}/ebs_optimized"), Some(json!(true))),
    ]);
    let after = fixes(
        &s,
        "ebs-optimized-unsupported",
        "resources[4].ebs_optimized",
        "remove-ebs-optimized",
        &[],
    );
    assert_eq!(
        after,
        variant(&[(&format!("{INST}/instance_type"), Some(json!("t2.micro")))])
    );
    let s = variant(&[("/resources/6/VolumeAttachment/device_name", Some(json!("/dev/sdh1")))]);
    let after = fixes(
        &s,
        "device-name-partition",
        "resources[6].device_name",
        "whole-device",
        &[],
    );
    assert_eq!(after, variant(&[]));
}

#[test]
fn the_json_of_findings_names_the_fix() {
    let s = variant(&[
        (
            "/resources/1/DataAwsAmi/filter",
            Some(json!([{"name": "name", "values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])),
        ),
        (&format!("{INST}/metadata_options"), None),
        (&format!("{SG}/ingress/0/cidr_blocks"), Some(json!(["0.0.0.0/0"]))),
    ]);
    let v = serde_json::to_value(findings(&s)).expect("json");
    let imds = v
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["code"] == "imdsv1")
        .expect("imdsv1");
    assert_eq!(imds["fix"]["id"], "require-imdsv2");
    assert_eq!(imds["fix"]["label"], json!({"fr": "Corriger", "en": "Fix"}));
    assert!(imds["fix"].get("params").is_none());
    let ssh = v
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["code"] == "sg-ssh-open")
        .expect("ssh");
    assert_eq!(ssh["fix"]["params"][0]["name"], "cidr");
    // A finding without a fix has no "fix" key; the rest is the Diagnostic as before.
    let info = findings(&variant(&[(&format!("{SG}/description"), None)]));
    let d = serde_json::to_value(&info[0]).expect("json");
    assert_eq!(d["code"], "sg-description-missing");
    assert!(d.get("fix").is_none());
    assert_eq!(d, serde_json::to_value(&info[0].diagnostic).expect("json"));
}

#[test]
fn apply_all_fixes_on_the_course_fixture() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/ec2-lab/stack.json"
    ))
    .expect("fixture");
    let stack = load_stack(&text).expect("stack");
    let (fixed, applied) = apply_all_fixes(&stack);
    let codes: Vec<&str> = applied.iter().map(|a| a.fix.as_str()).collect();
    assert_eq!(codes, ["encrypt-volume", "require-imdsv2", "encrypt-volume"]);
    let left: Vec<String> = check(&fixed).iter().map(|d| d.code.clone()).collect();
    assert!(
        !left.iter().any(|c| c == "imdsv1" || c.ends_with("unencrypted")),
        "{left:?}"
    );
    // SSH open to the world stays: its fix needs the learner's address.
    assert!(left.iter().any(|c| c == "sg-ssh-open"));
}

fn errors(stack: &Stack) -> BTreeSet<(String, String)> {
    check(stack)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(key)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The law: applying every parameterless fix never adds an error.
    #[test]
    fn fixes_never_add_an_error(stack in stacks::stack(stacks::Mode::Any)) {
        let before = errors(&stack);
        let (fixed, _) = apply_all_fixes(&stack);
        let after = errors(&fixed);
        let added: Vec<_> = after.difference(&before).collect();
        prop_assert!(added.is_empty(), "added {:?}", added);
    }
}
