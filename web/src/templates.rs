//! What the "add" and "duplicate" buttons put in the stack: a resource that synthesizes at
//! once, wired to what the stack already holds, under an id and a variable not yet taken.

use ec2_playground_core::{
    AmiFilter, AwsProvider, DataAwsAmi, EbsSnapshot, EbsVolume, Instance, KeyPair, OutputValue, Reference, Resource,
    ResourceKind, SecurityGroup, SecurityGroupRule, Stack, StrValue, TerraformOutput, VolumeAttachment,
};

/// The first name of `base`, `base_2`, `base_3`... that `taken` refuses.
fn free_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_owned())
}

fn free_id(stack: &Stack, base: &str) -> String {
    free_name(base, |c| stack.resources.iter().any(|r| r.id() == c))
}

fn free_var(stack: &Stack, base: &str) -> String {
    free_name(base, |c| stack.resources.iter().any(|r| r.var() == Some(c)))
}

/// A reference to `attr` of the first resource of `kind`, if the stack has one.
fn first_ref(stack: &Stack, kind: ResourceKind, attr: &str) -> Option<StrValue> {
    stack
        .resources
        .iter()
        .find(|r| r.kind() == kind)
        .map(|r| StrValue::Ref(Reference::new(r.id(), attr)))
}

fn allow_all_egress() -> SecurityGroupRule {
    SecurityGroupRule {
        from_port: Some(0.into()),
        to_port: Some(0.into()),
        protocol: Some("-1".into()),
        cidr_blocks: Some(vec!["0.0.0.0/0".into()]),
        ..SecurityGroupRule::default()
    }
}

/// The rules a learner adds most, offered beside "other rule": `(short name, rule)`.
/// Inbound: SSH, HTTP and HTTPS from anywhere (the course's lab opens SSH and HTTP);
/// outbound: all traffic (what AWS creates by default) and HTTPS only.
pub fn rule_presets(ingress: bool) -> Vec<(&'static str, SecurityGroupRule)> {
    let tcp = |port: i64, description: &str| SecurityGroupRule {
        from_port: Some(port.into()),
        to_port: Some(port.into()),
        protocol: Some("tcp".into()),
        cidr_blocks: Some(vec!["0.0.0.0/0".into()]),
        description: Some(description.into()),
        ..SecurityGroupRule::default()
    };
    if ingress {
        vec![
            ("SSH 22", tcp(22, "SSH")),
            ("HTTP 80", tcp(80, "HTTP")),
            ("HTTPS 443", tcp(443, "HTTPS")),
        ]
    } else {
        let mut all = allow_all_egress();
        all.description = Some("All traffic".into());
        vec![("*", all), ("HTTPS 443", tcp(443, "HTTPS"))]
    }
}

/// A new inbound rule: HTTPS from anywhere, for the learner to adapt.
pub fn new_ingress_rule() -> SecurityGroupRule {
    SecurityGroupRule {
        from_port: Some(443.into()),
        to_port: Some(443.into()),
        protocol: Some("tcp".into()),
        cidr_blocks: Some(vec!["0.0.0.0/0".into()]),
        description: Some("HTTPS".into()),
        ..SecurityGroupRule::default()
    }
}

/// A new outbound rule: everything, everywhere (what AWS creates by default).
pub fn new_egress_rule() -> SecurityGroupRule {
    allow_all_egress()
}

/// A new resource of `kind` for `stack`.
pub fn new_resource(kind: ResourceKind, stack: &Stack) -> Resource {
    let (id_base, var_base) = match kind {
        ResourceKind::AwsProvider => ("AWS", None),
        ResourceKind::DataAwsAmi => ("amazon_linux", Some("ami")),
        // Not "sg": its name would be "sg-2", and AWS refuses group names starting "sg-".
        ResourceKind::SecurityGroup => ("app_sg", Some("sg")),
        ResourceKind::KeyPair => ("key", Some("key")),
        ResourceKind::Instance => ("server", Some("server")),
        ResourceKind::EbsVolume => ("volume", Some("vol")),
        ResourceKind::VolumeAttachment => ("attachment", None),
        ResourceKind::EbsSnapshot => ("snapshot", Some("snap")),
        ResourceKind::TerraformOutput => ("output", None),
    };
    let id = free_id(stack, id_base);
    let var = var_base.map(|v| free_var(stack, v));
    match kind {
        ResourceKind::AwsProvider => Resource::AwsProvider(AwsProvider {
            id,
            var,
            region: Some("eu-west-3".into()),
            ..AwsProvider::default()
        }),
        ResourceKind::DataAwsAmi => Resource::DataAwsAmi(DataAwsAmi {
            id,
            var,
            most_recent: Some(true),
            owners: Some(vec!["amazon".into()]),
            filter: Some(vec![AmiFilter {
                name: "name".into(),
                values: vec!["amzn2-ami-hvm-*-x86_64-gp2".into()],
            }]),
            name_regex: None,
        }),
        ResourceKind::SecurityGroup => Resource::SecurityGroup(SecurityGroup {
            name: Some(id.replace('_', "-")),
            id,
            var,
            ingress: Some(Vec::new()),
            egress: Some(vec![allow_all_egress()]),
            ..SecurityGroup::default()
        }),
        ResourceKind::KeyPair => Resource::KeyPair(KeyPair {
            key_name: Some(id.replace('_', "-")),
            id,
            var,
            public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII/0VvFZoY6hPLOzUek7DlT9fQta3PV30SbAJJJ1HaFI exemple@ec2-playground"
                .into(),
            tags: None,
        }),
        ResourceKind::Instance => Resource::Instance(Instance {
            id,
            var,
            ami: first_ref(stack, ResourceKind::DataAwsAmi, "id"),
            instance_type: Some("t2.micro".into()),
            key_name: first_ref(stack, ResourceKind::KeyPair, "key_name"),
            vpc_security_group_ids: first_ref(stack, ResourceKind::SecurityGroup, "id").map(|r| vec![r]),
            ..Instance::default()
        }),
        ResourceKind::EbsVolume => Resource::EbsVolume(EbsVolume {
            id,
            var,
            availability_zone: first_ref(stack, ResourceKind::Instance, "availability_zone")
                .unwrap_or_else(|| StrValue::Literal("eu-west-3a".into())),
            size: Some(10.into()),
            volume_type: Some("gp3".into()),
            ..EbsVolume::default()
        }),
        ResourceKind::VolumeAttachment => Resource::VolumeAttachment(VolumeAttachment {
            id,
            var,
            device_name: "/dev/sdh".into(),
            volume_id: first_ref(stack, ResourceKind::EbsVolume, "id").unwrap_or_default(),
            instance_id: first_ref(stack, ResourceKind::Instance, "id").unwrap_or_default(),
        }),
        ResourceKind::EbsSnapshot => Resource::EbsSnapshot(EbsSnapshot {
            id,
            var,
            volume_id: first_ref(stack, ResourceKind::EbsVolume, "id").unwrap_or_default(),
            description: None,
            tags: None,
        }),
        ResourceKind::TerraformOutput => Resource::TerraformOutput(TerraformOutput {
            id,
            var,
            value: match first_ref(stack, ResourceKind::Instance, "public_ip") {
                Some(StrValue::Ref(r)) => OutputValue::Ref(r),
                _ => OutputValue::Str(String::new()),
            },
            description: None,
            sensitive: None,
        }),
    }
}

/// A copy of `original` under an id (and variable) not yet taken in `stack`.
pub fn duplicate(original: &Resource, stack: &Stack) -> Resource {
    let mut copy = original.clone();
    copy.set_id(free_id(stack, original.id()));
    if let Some(var) = original.var() {
        copy.set_var(Some(free_var(stack, var)));
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::Example;
    use ec2_playground_core::{synth, SynthOptions};

    #[test]
    fn every_new_resource_synthesizes_in_every_example() {
        for example in Example::ALL {
            let mut stack = example.stack();
            for kind in ResourceKind::ALL {
                let r = new_resource(kind, &stack);
                stack.resources.push(r);
                synth(&stack, &SynthOptions::for_stack(&stack)).unwrap_or_else(|e| panic!("{example:?} {kind:?}: {e}"));
            }
            let n = stack.resources.len();
            for i in 0..n {
                let copy = duplicate(&stack.resources[i], &stack);
                stack.resources.push(copy);
            }
            synth(&stack, &SynthOptions::for_stack(&stack)).unwrap_or_else(|e| panic!("{example:?} duplicates: {e}"));
        }
    }

    /// What the page adds passes the page's own checks: a second security group (or any new
    /// resource) added to the lab brings no error (issue 12, friction 1).
    #[test]
    fn new_resources_raise_no_error_of_their_own() {
        use ec2_playground_core::{check, Severity};
        let lab = Example::Lab.stack();
        let errors = |stack: &Stack| -> Vec<String> {
            check(stack)
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| format!("{} {}", d.code, d.path))
                .collect()
        };
        assert_eq!(errors(&lab), Vec::<String>::new(), "the lab itself");
        for kind in [
            ResourceKind::SecurityGroup,
            ResourceKind::SecurityGroup,
            ResourceKind::KeyPair,
            ResourceKind::EbsVolume,
        ] {
            let mut stack = lab.clone();
            for _ in 0..2 {
                let r = new_resource(kind, &stack);
                stack.resources.push(r);
            }
            let new_errors: Vec<String> = errors(&stack)
                .into_iter()
                .filter(|e| {
                    e.contains(&format!("resources[{}]", lab.resources.len()))
                        || e.contains(&format!("resources[{}]", lab.resources.len() + 1))
                })
                .collect();
            assert_eq!(new_errors, Vec::<String>::new(), "{kind:?}");
        }
    }

    #[test]
    fn every_rule_preset_synthesizes_without_an_error() {
        use ec2_playground_core::{check, Severity};
        for ingress in [true, false] {
            for (name, rule) in rule_presets(ingress) {
                let mut stack = Example::Lab.stack();
                let Some(Resource::SecurityGroup(sg)) = stack
                    .resources
                    .iter_mut()
                    .find(|r| r.kind() == ResourceKind::SecurityGroup)
                else {
                    panic!("the lab has a security group");
                };
                if ingress { &mut sg.ingress } else { &mut sg.egress }
                    .get_or_insert_with(Vec::new)
                    .push(rule);
                synth(&stack, &SynthOptions::for_stack(&stack)).unwrap_or_else(|e| panic!("{name}: {e}"));
                let errors: Vec<String> = check(&stack)
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| d.code)
                    .collect();
                assert_eq!(errors, Vec::<String>::new(), "{name}");
            }
        }
    }

    #[test]
    fn names_are_free() {
        assert_eq!(free_name("a", |c| c == "a" || c == "a_2"), "a_3");
        assert_eq!(free_name("a", |_| false), "a");
    }
}
