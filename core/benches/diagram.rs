//! How long the diagram takes: the lab (with its SSH rule flagged, as the checks flag it) and
//! the largest stack the layout promises to keep readable (20 instances, 10 security groups,
//! 3 zones). Budgets are in `scripts/budgets.sh`.

use criterion::{criterion_group, criterion_main, Criterion};
use ec2_playground_core::{
    diagram_svg, load_stack, Diagnostic, Instance, Lang, Reference, Resource, SecurityGroup, SecurityGroupRule,
    Severity, Stack, StrValue, Text,
};
use std::hint::black_box;

fn lab() -> Stack {
    load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")).expect("the lab loads")
}

fn ssh_open() -> Diagnostic {
    Diagnostic {
        code: "BENCH".into(),
        severity: Severity::Warning,
        path: "resources[2].ingress[0].cidr_blocks[0]".into(),
        message: Text::new("SSH ouvert à tout Internet", "SSH open to the whole Internet"),
        hint: Text::new("Restreignez la source", "Restrict the source"),
        checkov: None,
    }
}

/// 10 groups of 3 inbound rules (the Internet, a CIDR, the previous group) and one outbound,
/// 20 instances over 3 zones, each in 2 groups.
fn largest() -> Stack {
    let mut stack = Stack::new("largest");
    let group = |k: usize| StrValue::Ref(Reference::new(format!("sg_{k}"), "id"));
    for k in 0..10 {
        let rule = |port: i64, cidr: Option<&str>, source: Option<StrValue>| SecurityGroupRule {
            protocol: Some("tcp".into()),
            from_port: Some(port.into()),
            to_port: Some(port.into()),
            cidr_blocks: cidr.map(|c| vec![c.to_owned()]),
            security_groups: source.map(|s| vec![s]),
            ..SecurityGroupRule::default()
        };
        stack.resources.push(Resource::SecurityGroup(SecurityGroup {
            id: format!("sg_{k}"),
            name: Some(format!("group-{k}")),
            ingress: Some(vec![
                rule(443, Some("0.0.0.0/0"), None),
                rule(22, Some("10.0.0.0/16"), None),
                rule(5432, None, Some(group((k + 9) % 10))),
            ]),
            egress: Some(vec![SecurityGroupRule {
                protocol: Some("-1".into()),
                cidr_blocks: Some(vec!["0.0.0.0/0".into()]),
                ..SecurityGroupRule::default()
            }]),
            ..SecurityGroup::default()
        }));
    }
    for n in 0..20 {
        stack.resources.push(Resource::Instance(Instance {
            id: format!("web_{n}"),
            ami: Some("ami-0c55b159cbfafe1f0".into()),
            instance_type: Some("t3.micro".into()),
            availability_zone: Some(["eu-west-3a", "eu-west-3b", "eu-west-3c"][n % 3].into()),
            vpc_security_group_ids: Some(vec![group(n % 10), group((n + 3) % 10)]),
            ..Instance::default()
        }));
    }
    stack
}

fn benches(c: &mut Criterion) {
    let lab = lab();
    let flagged = [ssh_open()];
    c.bench_function("diagram_lab", |b| {
        b.iter(|| diagram_svg(black_box(&lab), &flagged, Lang::Fr))
    });
    let largest = largest();
    c.bench_function("diagram_20x10", |b| {
        b.iter(|| diagram_svg(black_box(&largest), &[], Lang::Fr))
    });
}

criterion_group!(diagram, benches);
criterion_main!(diagram);
