//! Form edits carried into the learner's `main.py`: the edited code reads to the edited
//! stack, and everything the edit did not touch (comments, blank lines, layout) stays.

use ec2_playground_core::{apply_edit, read_python, EditError, Resource, SecurityGroupRule, Stack, UserData};

const LAB: &str = include_str!("../../tests/fixtures/ec2-lab/main.py");

/// The learner's lab with comments and a layout of their own.
fn commented_lab() -> String {
    LAB.replace(
        "        AwsProvider(self, \"AWS\", region=\"eu-west-3\")",
        "        # Paris, comme dans le cours\n        AwsProvider(self, \"AWS\", region=\"eu-west-3\")  # région",
    )
    .replace(
        "        key = KeyPair(",
        "\n        # ma clé : à remplacer par la mienne\n        key = KeyPair(",
    )
}

fn stack_of(code: &str) -> Stack {
    let outcome = read_python(code, None);
    outcome.stack.unwrap_or_else(|| panic!("{:?}", outcome.diagnostics))
}

/// Every line of `before` that is not in `changed` is still in `after`, in order.
fn untouched_lines_kept(before: &str, after: &str, changed: &[&str]) {
    let mut rest = after.lines();
    for line in before.lines().filter(|l| !changed.iter().any(|c| l.contains(c))) {
        assert!(rest.any(|l| l == line), "line lost or moved: {line:?}\n---\n{after}");
    }
}

/// The lab's instance (resource 4) asks for IMDSv2: `metadata_options` with `http_tokens`
/// "required", a block whose class (`InstanceMetadataOptions`) the lab does not import.
fn require_imdsv2(stack: &mut Stack) {
    if let Resource::Instance(inst) = &mut stack.resources[4] {
        inst.metadata_options = Some(ec2_playground_core::MetadataOptions {
            http_tokens: Some("required".into()),
            ..Default::default()
        });
    }
}

#[test]
fn a_port_changed_in_the_form_changes_only_that_number() {
    let code = commented_lab();
    let mut stack = stack_of(&code);
    let Resource::SecurityGroup(sg) = &mut stack.resources[2] else {
        panic!("the group")
    };
    if let Some(rules) = sg.ingress.as_mut() {
        rules[0].from_port = Some(2222.into());
        rules[0].to_port = Some(2222.into());
    }
    let edited = apply_edit(&code, None, &stack).expect("placed");
    assert_eq!(
        edited,
        code.replacen("from_port=22, to_port=22", "from_port=2222, to_port=2222", 1)
    );
    assert!(edited.contains("# Paris, comme dans le cours") && edited.contains("  # région"));
    assert_eq!(stack_of(&edited), stack);
}

#[test]
fn a_new_kwarg_a_new_rule_field_and_a_new_resource_are_added_in_place() {
    let code = commented_lab();
    let mut stack = stack_of(&code);
    require_imdsv2(&mut stack);
    if let Resource::Instance(inst) = &mut stack.resources[4] {
        inst.monitoring = Some(true);
    }
    if let Resource::SecurityGroup(sg) = &mut stack.resources[2] {
        if let Some(rules) = sg.egress.as_mut() {
            rules[0].description = Some("tout".into());
        }
        if let Some(rules) = sg.ingress.as_mut() {
            rules.push(SecurityGroupRule {
                from_port: Some(443.into()),
                to_port: Some(443.into()),
                protocol: Some("tcp".into()),
                cidr_blocks: Some(vec!["0.0.0.0/0".into()]),
                ..Default::default()
            });
        }
    }
    let mut snap = ec2_playground_core::EbsSnapshot {
        id: "backup".into(),
        var: None,
        volume_id: ec2_playground_core::StrValue::Ref(ec2_playground_core::Reference::new("data", "id")),
        description: None,
        tags: None,
    };
    snap.description = Some("sauvegarde".into());
    stack.resources.insert(7, Resource::EbsSnapshot(snap));
    let edited = apply_edit(&code, None, &stack).expect("placed");
    assert_eq!(stack_of(&edited), stack);
    assert!(edited.contains("monitoring=True"), "{edited}");
    assert!(
        edited.contains("metadata_options=InstanceMetadataOptions(http_tokens=\"required\")"),
        "{edited}"
    );
    assert!(
        edited.contains("from cdktf_cdktf_provider_aws.ebs_snapshot import EbsSnapshot"),
        "{edited}"
    );
    // A block class of a module already imported joins that import, not a second line.
    assert!(
        edited.contains(
            "from cdktf_cdktf_provider_aws.instance import Instance, InstanceRootBlockDevice, InstanceMetadataOptions\n"
        ),
        "{edited}"
    );
    assert_eq!(
        edited.matches("from cdktf_cdktf_provider_aws.instance import").count(),
        1,
        "{edited}"
    );
    assert!(
        edited.contains("EbsSnapshot(self, \"backup\", volume_id=vol.id, description=\"sauvegarde\")"),
        "{edited}"
    );
    assert!(
        edited.contains("description=\"HTTP\"), SecurityGroupIngress("),
        "{edited}"
    );
    untouched_lines_kept(
        &code,
        &edited,
        &[
            "description=\"HTTP\")]",
            "egress=[",
            "root_block_device=",
            "web-server\"})",
            "import Instance,",
        ],
    );
}

#[test]
fn a_class_joins_a_parenthesized_import_of_its_module() {
    let code = commented_lab().replace(
        "from cdktf_cdktf_provider_aws.instance import Instance, InstanceRootBlockDevice\n",
        "from cdktf_cdktf_provider_aws.instance import (\n    Instance,\n    InstanceRootBlockDevice,  # le disque\n)\n",
    );
    let mut stack = stack_of(&code);
    require_imdsv2(&mut stack);
    let edited = apply_edit(&code, None, &stack).expect("placed");
    assert!(
        edited.contains("    InstanceRootBlockDevice, InstanceMetadataOptions,  # le disque\n)\n"),
        "{edited}"
    );
    assert_eq!(edited.matches("InstanceMetadataOptions").count(), 2, "{edited}");
    assert_eq!(stack_of(&edited), stack);
}

#[test]
fn a_removed_kwarg_and_a_removed_resource_are_cut_with_their_comma_and_line() {
    let code = commented_lab();
    let mut stack = stack_of(&code);
    if let Resource::Instance(inst) = &mut stack.resources[4] {
        inst.key_name = None;
    }
    stack.resources.retain(|r| r.id() != "instance_id");
    let edited = apply_edit(&code, None, &stack).expect("placed");
    assert_eq!(stack_of(&edited), stack);
    assert!(!edited.contains("key_name=key.key_name"));
    assert!(!edited.contains("\"instance_id\""));
    untouched_lines_kept(&code, &edited, &["key_name=key.key_name", "\"instance_id\""]);
}

#[test]
fn a_script_changed_in_the_form_changes_its_constant() {
    let code = commented_lab();
    let mut stack = stack_of(&code);
    if let Resource::Instance(inst) = &mut stack.resources[4] {
        inst.user_data = Some(UserData {
            script: "#!/bin/bash\ndnf install -y nginx\n".into(),
            name: Some("USER_DATA".into()),
            ..Default::default()
        });
    }
    let edited = apply_edit(&code, None, &stack).expect("placed");
    assert!(
        edited.contains("USER_DATA = \"\"\"#!/bin/bash\ndnf install -y nginx\n\"\"\""),
        "{edited}"
    );
    assert!(edited.contains("user_data=USER_DATA"));
    assert_eq!(stack_of(&edited), stack);
}

#[test]
fn code_that_does_not_read_is_never_touched() {
    let broken = format!("{}\n  oops(", commented_lab());
    let stack = Stack::new("x");
    assert_eq!(apply_edit(&broken, None, &stack), Err(EditError::DoesNotRead));
}

#[test]
fn blocks_written_as_dicts_stay_dicts() {
    let code = LAB.replace(
        "SecurityGroupIngress(from_port=22, to_port=22, protocol=\"tcp\", cidr_blocks=[\"0.0.0.0/0\"], description=\"SSH\")",
        "{\"fromPort\": 22, \"toPort\": 22, \"protocol\": \"tcp\", \"cidrBlocks\": [\"0.0.0.0/0\"]}",
    );
    let mut stack = stack_of(&code);
    if let Resource::SecurityGroup(sg) = &mut stack.resources[2] {
        if let Some(rules) = sg.ingress.as_mut() {
            rules[0].description = Some("SSH".into());
        }
    }
    let edited = apply_edit(&code, None, &stack).expect("placed");
    assert!(
        edited.contains("{\"fromPort\": 22, \"toPort\": 22, \"protocol\": \"tcp\", \"cidrBlocks\": [\"0.0.0.0/0\"], \"description\": \"SSH\"}"),
        "{edited}"
    );
    assert_eq!(stack_of(&edited), stack);
}

#[path = "support/stacks.rs"]
mod stacks;

use proptest::prelude::*;

proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 64, ..Default::default() })]

    /// On generated stacks (hostile strings, odd ids): adding the last resource, removing the
    /// first, or changing every value of a resource to another stack's is either placed
    /// (and then the code reads to the edited stack, which `apply_edit` checks) or refused,
    /// never a panic; adding and removing are always placed.
    #[test]
    fn edits_of_generated_stacks_are_placed_or_refused(generated in stacks::stack(stacks::Mode::Valid)) {
        // The stack as the page holds it: read from code, so its names are Python's.
        let written = ec2_playground_core::python_files(&generated);
        let stack = read_python(&written.main_py, written.user_data_py.as_deref()).stack.unwrap_or_else(|| Stack::new("x"));
        prop_assume!(stack.resources.len() >= 2);
        let mut shorter = stack.clone();
        shorter.resources.pop();
        let code = ec2_playground_core::python_files(&shorter);
        let full = ec2_playground_core::python_files(&stack);
        prop_assume!(full.user_data_py.is_none());
        let added = apply_edit(&code.main_py, None, &stack);
        prop_assert!(added.is_ok(), "{:?}", added.err());
        let mut fewer = stack.clone();
        let first_referenced = stack.resources.iter().any(|r| r.references().iter().any(|(_, t)| t.resource == stack.resources[0].id()));
        if !first_referenced {
            fewer.resources.remove(0);
            let removed = apply_edit(&full.main_py, None, &fewer);
            prop_assert!(removed.is_ok(), "{:?}", removed.err());
        }
    }
}
