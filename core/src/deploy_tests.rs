//! Tests of [`super::deploy_preview`] on the course's lab.

use super::*;
use crate::model::{Instance, Resource, UserData};
use crate::value::StrValue;
use crate::{load_stack, Stack};

fn lab() -> Stack {
    load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")).expect("lab loads")
}

fn instance(s: &mut Stack) -> &mut Instance {
    s.resources
        .iter_mut()
        .find_map(|r| match r {
            Resource::Instance(i) => Some(i),
            _ => None,
        })
        .expect("the lab has an instance")
}

fn actions(p: &DeployPreview) -> Vec<(&str, Action)> {
    p.resources.iter().map(|r| (r.address.as_str(), r.action)).collect()
}

fn change<'a>(p: &'a DeployPreview, address: &str) -> &'a PlannedChange {
    p.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("{address} in {:?}", actions(p)))
}

#[test]
fn the_same_stack_changes_nothing() {
    let p = deploy_preview(&lab(), &lab()).expect("preview");
    assert!(
        p.resources.iter().all(|r| r.action == Action::NoChange),
        "{:?}",
        actions(&p)
    );
    assert_eq!(p.resources.len(), 6);
    assert!(p.outputs.iter().all(|o| o.action == OutputAction::NoChange));
    assert_eq!((p.to_add, p.to_change, p.to_destroy), (0, 0, 0));
    assert_eq!(
        p.summary.en,
        "No changes. Your infrastructure matches the configuration."
    );
}

#[test]
fn a_new_ami_replaces_the_instance_and_what_depends_on_its_zone() {
    let deployed = lab();
    let mut current = lab();
    instance(&mut current).ami = Some(StrValue::Literal("ami-0123456789abcdef0".into()));
    let p = deploy_preview(&deployed, &current).expect("preview");
    let web = change(&p, "aws_instance.web");
    assert_eq!(web.action, Action::Replace);
    assert_eq!(web.replaced_because, ["ami"]);
    assert_eq!(web.construct_id, "web");
    assert_eq!(
        web.summary.fr,
        "Instance « web » : remplacement (destruction puis création), à cause de l'AMI (ami)."
    );
    assert_eq!(
        web.summary.en,
        "Instance \"web\": replace (destroy, then create), because of the AMI (ami)."
    );
    assert_eq!(
        web.attributes[0].before,
        Some(Value::String("${data.aws_ami.amazon_linux.id}".into()))
    );
    assert_eq!(
        web.attributes[0].after,
        Some(Value::String("ami-0123456789abcdef0".into()))
    );
    // The volume's zone is the instance's, which the code does not set: unknown until the
    // new instance runs, and a new zone forces a new volume; the attachment follows.
    let data = change(&p, "aws_ebs_volume.data");
    assert_eq!(data.action, Action::Replace);
    assert_eq!(data.replaced_because, ["availability_zone"]);
    assert!(!data.attributes[0].after_known);
    assert!(data.notes[0].en.starts_with("A new volume: the old one's data is lost"));
    let attach = change(&p, "aws_volume_attachment.data_attach");
    // cdk.tf.json sorts a resource's keys.
    assert_eq!(attach.replaced_because, ["instance_id", "volume_id"]);
    assert_eq!(change(&p, "aws_security_group.web_sg").action, Action::NoChange);
    assert_eq!(change(&p, "aws_key_pair.deployer").action, Action::NoChange);
    assert_eq!(change(&p, "data.aws_ami.amazon_linux").action, Action::NoChange);
    assert_eq!((p.to_add, p.to_change, p.to_destroy), (3, 0, 3));
    assert_eq!(p.summary.en, "Plan: 3 to add, 0 to change, 3 to destroy.");
    assert_eq!(p.summary.fr, "Plan : 3 à créer, 0 à modifier, 3 à détruire.");
    // Both outputs read the new instance: known after apply.
    assert!(p
        .outputs
        .iter()
        .all(|o| o.action == OutputAction::Changed && !o.known_before_apply));
}

#[test]
fn a_new_instance_type_updates_in_place_with_a_stop_and_start() {
    let mut current = lab();
    instance(&mut current).instance_type = Some("t3.micro".into());
    let p = deploy_preview(&lab(), &current).expect("preview");
    let web = change(&p, "aws_instance.web");
    assert_eq!(web.action, Action::Update);
    assert!(web.replaced_because.is_empty());
    assert_eq!(web.attributes.len(), 1);
    assert_eq!(web.attributes[0].attribute, "instance_type");
    assert!(!web.attributes[0].forces_replacement);
    assert!(web.notes[0].en.starts_with("The instance is stopped, then started"));
    assert_eq!((p.to_add, p.to_change, p.to_destroy), (0, 1, 0));
    assert_eq!(change(&p, "aws_ebs_volume.data").action, Action::NoChange);
    assert!(p.outputs.iter().all(|o| o.action == OutputAction::NoChange));
}

#[test]
fn a_new_output_changes_no_resource() {
    let mut current = lab();
    let extra: Resource = serde_json::from_str(
        r#"{"TerraformOutput": {"id": "public_dns", "value": {"ref": "web", "attr": "public_dns"}}}"#,
    )
    .expect("output");
    current.resources.push(extra);
    let p = deploy_preview(&lab(), &current).expect("preview");
    assert!(p.resources.iter().all(|r| r.action == Action::NoChange));
    assert_eq!((p.to_add, p.to_change, p.to_destroy), (0, 0, 0));
    let added: Vec<(&str, OutputAction, bool)> = p
        .outputs
        .iter()
        .filter(|o| o.action != OutputAction::NoChange)
        .map(|o| (o.name.as_str(), o.action, o.known_before_apply))
        .collect();
    assert_eq!(added, [("public_dns", OutputAction::Added, true)]);
    assert_eq!(p.summary.en, "No resource changes; only outputs change.");
}

#[test]
fn a_renamed_construct_is_destroyed_and_created_again() {
    let mut current = lab();
    instance(&mut current).id = "web_server".into();
    current.rename_references("web", "web_server");
    let p = deploy_preview(&lab(), &current).expect("preview");
    assert_eq!(change(&p, "aws_instance.web").action, Action::Destroy);
    let created = change(&p, "aws_instance.web_server");
    assert_eq!(created.action, Action::Create);
    assert_eq!(created.construct_id, "web_server");
    assert_eq!(created.summary.fr, "Instance « web_server » : création.");
    // The deployed-only resource is listed last, with the id it had.
    assert_eq!(p.resources.last().map(|r| r.construct_id.as_str()), Some("web"));
    assert_eq!(change(&p, "aws_ebs_volume.data").action, Action::Replace);
    assert_eq!((p.to_add, p.to_change, p.to_destroy), (3, 0, 3));
}

fn with_script(s: &mut Stack, script: &str, replace_on_change: Option<bool>) {
    let inst = instance(s);
    inst.user_data = Some(UserData {
        script: script.into(),
        ..Default::default()
    });
    inst.user_data_replace_on_change = replace_on_change;
}

#[test]
fn new_user_data_updates_in_place_unless_user_data_replace_on_change() {
    let mut current = lab();
    with_script(&mut current, "#!/bin/bash\necho autre\n", None);
    let p = deploy_preview(&lab(), &current).expect("preview");
    let web = change(&p, "aws_instance.web");
    assert_eq!(web.action, Action::Update);
    assert!(web
        .notes
        .iter()
        .any(|n| n.en.starts_with("The new user data script does not run")));

    let mut deployed = lab();
    with_script(&mut deployed, "#!/bin/bash\necho un\n", Some(true));
    let mut current = lab();
    with_script(&mut current, "#!/bin/bash\necho deux\n", Some(true));
    let p = deploy_preview(&deployed, &current).expect("preview");
    let web = change(&p, "aws_instance.web");
    assert_eq!(web.action, Action::Replace);
    assert_eq!(web.replaced_because, ["user_data"]);

    // Turning the flag on alone changes nothing but the flag.
    let mut current = lab();
    instance(&mut current).user_data_replace_on_change = Some(true);
    let p = deploy_preview(&lab(), &current).expect("preview");
    let web = change(&p, "aws_instance.web");
    assert_eq!(web.action, Action::Update);
    assert_eq!(web.attributes[0].attribute, "user_data_replace_on_change");
}

#[test]
fn a_security_group_description_replaces_it_and_warns_of_the_instance_using_it() {
    let mut current = lab();
    for r in &mut current.resources {
        if let Resource::SecurityGroup(sg) = r {
            sg.description = Some("SSH and HTTP".into());
        }
    }
    let p = deploy_preview(&lab(), &current).expect("preview");
    let sg = change(&p, "aws_security_group.web_sg");
    assert_eq!(sg.replaced_because, ["description"]);
    assert!(sg.notes[0].en.contains("DependencyViolation"));
    // The instance's group list becomes unknown: an update in place, not a replacement.
    let web = change(&p, "aws_instance.web");
    assert_eq!(web.action, Action::Update);
    assert_eq!(web.attributes[0].attribute, "vpc_security_group_ids");
    assert!(!web.attributes[0].after_known);
}

#[test]
fn removed_attributes_keep_or_reset_as_terraform_does() {
    // availability_zone is Optional + Computed: removing it plans no change.
    let mut deployed = lab();
    instance(&mut deployed).availability_zone = Some(StrValue::Literal("eu-west-3a".into()));
    let p = deploy_preview(&deployed, &lab()).expect("preview");
    assert_eq!(change(&p, "aws_instance.web").action, Action::NoChange);
    // A security group's description goes back to "Managed by Terraform": replaced.
    let mut current = lab();
    for r in &mut current.resources {
        if let Resource::SecurityGroup(sg) = r {
            sg.description = None;
        }
    }
    let p = deploy_preview(&lab(), &current).expect("preview");
    let sg = change(&p, "aws_security_group.web_sg");
    assert_eq!(sg.action, Action::Replace);
    assert_eq!(
        sg.attributes[0].after,
        Some(Value::String("Managed by Terraform".into()))
    );
    // Tags removed: updated in place.
    let mut current = lab();
    instance(&mut current).tags = None;
    let p = deploy_preview(&lab(), &current).expect("preview");
    assert_eq!(change(&p, "aws_instance.web").action, Action::Update);
}

#[test]
fn a_changed_lookup_may_replace_the_instance() {
    let mut current = lab();
    for r in &mut current.resources {
        if let Resource::DataAwsAmi(ami) = r {
            ami.name_regex = Some("^al2023".into());
        }
    }
    let p = deploy_preview(&lab(), &current).expect("preview");
    assert_eq!(change(&p, "data.aws_ami.amazon_linux").action, Action::Read);
    let web = change(&p, "aws_instance.web");
    assert_eq!(web.action, Action::Replace);
    assert!(!web.certain);
    assert!(web.summary.en.ends_with("if the new AMI lookup finds another value."));
}

#[test]
fn a_new_region_replaces_everything_and_a_new_stack_name_is_another_state() {
    let mut current = lab();
    if let Some(Resource::AwsProvider(p)) = current.resources.get_mut(0) {
        p.region = Some("eu-west-1".into());
    }
    let p = deploy_preview(&lab(), &current).expect("preview");
    assert_eq!((p.to_add, p.to_change, p.to_destroy), (5, 0, 5));
    assert!(p.notes[0]
        .en
        .starts_with("The region changes from eu-west-3 to eu-west-1"));

    let mut current = lab();
    current.name = "ec2-lab-2".into();
    let p = deploy_preview(&lab(), &current).expect("preview");
    assert_eq!((p.to_add, p.to_change, p.to_destroy), (5, 0, 0));
    assert!(p.notes[0].fr.contains("terraform.ec2-lab-2.tfstate"));
}

#[test]
fn a_literal_equal_to_the_referenced_value_is_no_change() {
    // key_name written as the key pair's name instead of key.key_name: the same value.
    let mut current = lab();
    instance(&mut current).key_name = Some(StrValue::Literal("deployer-key".into()));
    let p = deploy_preview(&lab(), &current).expect("preview");
    assert_eq!(change(&p, "aws_instance.web").action, Action::NoChange);
}

#[test]
fn a_stack_synth_refuses_is_an_error_naming_it() {
    let mut broken = lab();
    broken.name = "mon lab".into();
    let err = deploy_preview(&broken, &lab()).expect_err("refused");
    assert!(matches!(err, DeployPreviewError::Deployed(_)));
    assert!(err.message(Lang::Fr).starts_with("la stack déployée : nom de stack"));
    let err = deploy_preview(&lab(), &broken).expect_err("refused");
    assert!(matches!(err, DeployPreviewError::Current(_)));
}

#[test]
fn every_attribute_the_fixtures_synthesize_is_in_the_table() {
    let all = load_stack(include_str!("../../tests/fixtures/all-attributes/stack.json")).expect("loads");
    let tf = synth_value(&all, &SynthOptions::for_stack(&all)).expect("synth");
    let mut missing = Vec::new();
    for (_, c) in configs(&tf) {
        if c.is_data {
            continue;
        }
        let class = class_of(&c.terraform_type).expect("a course class");
        for (key, v) in &c.body {
            if rule(class, key).is_none() {
                missing.push(format!("{class}.{key}"));
            }
            if let (true, Some(m)) = (
                matches!(key.as_str(), "root_block_device" | "metadata_options"),
                v.as_object(),
            ) {
                for sub in m.keys() {
                    if crate::deploy_rules::RULES
                        .iter()
                        .all(|r| r.class != class || r.attribute != format!("{key}.{sub}"))
                    {
                        missing.push(format!("{class}.{key}.{sub}"));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
}
