//! Literal ids where AWS expects an id: a security group, subnet, VPC, volume, instance,
//! snapshot or prefix list id is its prefix, a hyphen and 8 or 17 lowercase hexadecimal
//! digits (`sg-0123456789abcdef0`). A name in its place (`"web-sg"`) passes Terraform and
//! fails at apply (`InvalidGroupId.Malformed`, `InvalidSubnetID.Malformed`...).
//!
//! Source: EC2's resource ids
//! (<https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html>) and its error
//! codes (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html>).

use super::catalog::*;
use super::templates::excerpt;
use super::{t, Sink};
use crate::model::Resource;
use crate::value::StrValue;

/// True for `<prefix>-` followed by 8 or 17 lowercase hexadecimal digits.
pub fn is_id(prefix: &str, s: &str) -> bool {
    s.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|hex| {
            (hex.len() == 8 || hex.len() == 17) && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// What a field holds: the id prefix, the AWS error, and the attribute to refer to instead.
struct Expect {
    prefix: &'static str,
    error: &'static str,
    instead: &'static str,
}

const SG: Expect = Expect {
    prefix: "sg",
    error: "InvalidGroupId.Malformed",
    instead: "sg.id",
};
const SUBNET: Expect = Expect {
    prefix: "subnet",
    error: "InvalidSubnetID.Malformed",
    instead: "un id « subnet-… » / a \"subnet-…\" id",
};
const VPC: Expect = Expect {
    prefix: "vpc",
    error: "InvalidVpcID.Malformed",
    instead: "un id « vpc-… » / a \"vpc-…\" id",
};
const VOLUME: Expect = Expect {
    prefix: "vol",
    error: "InvalidVolumeID.Malformed",
    instead: "vol.id",
};
const INSTANCE: Expect = Expect {
    prefix: "i",
    error: "InvalidInstanceID.Malformed",
    instead: "inst.id",
};
const SNAPSHOT: Expect = Expect {
    prefix: "snap",
    error: "InvalidSnapshotID.Malformed",
    instead: "snap.id",
};
const PREFIX_LIST: Expect = Expect {
    prefix: "pl",
    error: "InvalidPrefixListId.Malformed",
    instead: "un id « pl-… » / a \"pl-…\" id",
};

fn literal(v: &StrValue) -> Option<&str> {
    v.as_literal()
}

/// The literal ids of resource `r`, with their path and what they must be.
fn fields(r: &Resource) -> Vec<(String, &str, &'static Expect)> {
    let mut out = Vec::new();
    match r {
        Resource::SecurityGroup(sg) => {
            if let Some(v) = sg.vpc_id.as_deref() {
                out.push(("vpc_id".to_owned(), v, &VPC));
            }
            for (list, rules) in [("ingress", &sg.ingress), ("egress", &sg.egress)] {
                for (j, rule) in rules.iter().flatten().enumerate() {
                    for (k, v) in rule.security_groups.iter().flatten().enumerate() {
                        // Another account's group is written "<account>/sg-…".
                        if let Some(s) = literal(v).map(|s| s.rsplit('/').next().unwrap_or(s)) {
                            out.push((format!("{list}[{j}].security_groups[{k}]"), s, &SG));
                        }
                    }
                    for (k, s) in rule.prefix_list_ids.iter().flatten().enumerate() {
                        out.push((format!("{list}[{j}].prefix_list_ids[{k}]"), s.as_str(), &PREFIX_LIST));
                    }
                }
            }
        }
        Resource::Instance(inst) => {
            for (k, v) in inst.vpc_security_group_ids.iter().flatten().enumerate() {
                if let Some(s) = literal(v) {
                    out.push((format!("vpc_security_group_ids[{k}]"), s, &SG));
                }
            }
            if let Some(s) = inst.subnet_id.as_ref().and_then(literal) {
                out.push(("subnet_id".to_owned(), s, &SUBNET));
            }
            for (j, d) in inst.ebs_block_device.iter().flatten().enumerate() {
                if let Some(s) = d.snapshot_id.as_deref() {
                    out.push((format!("ebs_block_device[{j}].snapshot_id"), s, &SNAPSHOT));
                }
            }
        }
        Resource::EbsVolume(v) => {
            if let Some(s) = v.snapshot_id.as_ref().and_then(literal) {
                out.push(("snapshot_id".to_owned(), s, &SNAPSHOT));
            }
        }
        Resource::VolumeAttachment(a) => {
            if let Some(s) = literal(&a.volume_id) {
                out.push(("volume_id".to_owned(), s, &VOLUME));
            }
            if let Some(s) = literal(&a.instance_id) {
                out.push(("instance_id".to_owned(), s, &INSTANCE));
            }
        }
        Resource::EbsSnapshot(s) => {
            if let Some(v) = literal(&s.volume_id) {
                out.push(("volume_id".to_owned(), v, &VOLUME));
            }
        }
        _ => {}
    }
    out
}

pub(super) fn check(sink: &mut Sink, i: usize, r: &Resource) {
    for (path, value, expect) in fields(r) {
        // Templates are the business of `terraform-*` checks.
        if is_id(expect.prefix, value) || value.contains("${") {
            continue;
        }
        let shown = excerpt(value);
        let prefix = expect.prefix;
        let (instead_fr, instead_en) = expect
            .instead
            .split_once(" / ")
            .unwrap_or((expect.instead, expect.instead));
        sink.push(
            &ID_FORMAT_INVALID,
            i,
            &path,
            t(
                format!("« {shown} » n'est pas un id AWS : ce champ attend « {prefix}- » suivi de 8 ou 17 chiffres hexadécimaux. Terraform l'accepte, AWS le refusera au déploiement (« {} »).", expect.error),
                format!("\"{shown}\" is not an AWS id: this field expects \"{prefix}-\" followed by 8 or 17 hexadecimal digits. Terraform takes it, AWS will refuse it at deployment (\"{}\").", expect.error),
            ),
            t(
                format!("Faites référence à la ressource de la stack ({instead_fr}) plutôt que d'écrire son nom, ou copiez l'id depuis la console."),
                format!("Refer to the stack's resource ({instead_en}) rather than writing its name, or copy the id from the console."),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_id("sg", "sg-0123456789abcdef0"));
        assert!(is_id("sg", "sg-12345678"));
        assert!(is_id("i", "i-0123456789abcdef0"));
        assert!(!is_id("sg", "web-sg"));
        assert!(!is_id("sg", "sg-0123456789ABCDEF0"));
        assert!(!is_id("vol", "vol-123"));
        assert!(!is_id("i", "instance-12345678"));
    }
}
