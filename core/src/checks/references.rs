//! References: to a construct of the stack, to an attribute it has, and of the kind the
//! field needs.
//!
//! Sources: cdktf references (`sg.id` becomes `${aws_security_group.web_sg.id}`; synth
//! refuses unknown targets, see [`crate::synth`]); the attributes table
//! ([`crate::attributes`]); the Terraform AWS resources (what each field holds:
//! `vpc_security_group_ids` takes group ids, `key_name` a key pair's name, `ami` an AMI
//! id, `volume_id` a volume id...).

use super::catalog::*;
use super::{list, t, Cx, Sink};
use crate::attributes::{is_referenceable, referenceable_attributes};
use crate::model::{Resource, ResourceKind};

/// What a field may refer to: `(kind, attributes)`; `None` for any attribute of anything.
fn expected(kind: ResourceKind, field: &str) -> Option<&'static [(ResourceKind, &'static [&'static str])]> {
    let name = field.split(['[', '.']).next().unwrap_or_default();
    let in_rule = field.contains(".security_groups[");
    Some(match (kind, name) {
        (ResourceKind::SecurityGroup, _) if in_rule => &[(ResourceKind::SecurityGroup, &["id"])],
        (ResourceKind::Instance, "ami") => &[(ResourceKind::DataAwsAmi, &["id", "image_id"])],
        (ResourceKind::Instance, "key_name") => &[(ResourceKind::KeyPair, &["key_name", "id"])],
        (ResourceKind::Instance, "vpc_security_group_ids") => &[(ResourceKind::SecurityGroup, &["id"])],
        (ResourceKind::Instance, "subnet_id") => &[],
        (ResourceKind::Instance | ResourceKind::EbsVolume, "availability_zone") => &[
            (ResourceKind::Instance, &["availability_zone"]),
            (ResourceKind::EbsVolume, &["availability_zone"]),
        ],
        (ResourceKind::EbsVolume, "snapshot_id") => &[(ResourceKind::EbsSnapshot, &["id"])],
        (ResourceKind::VolumeAttachment | ResourceKind::EbsSnapshot, "volume_id") => {
            &[(ResourceKind::EbsVolume, &["id"])]
        }
        (ResourceKind::VolumeAttachment, "instance_id") => &[(ResourceKind::Instance, &["id"])],
        _ => return None,
    })
}

pub(super) fn check(cx: &Cx, sink: &mut Sink, i: usize, r: &Resource) {
    for (field, reference) in r.references() {
        let Some((_, target)) = cx.target(reference) else {
            sink.push(
                &REF_UNKNOWN_RESOURCE,
                i,
                &field,
                t(
                    format!(
                        "Cette référence vise « {} », qui n'est pas dans la stack.",
                        reference.resource
                    ),
                    format!(
                        "This reference points to \"{}\", which is not in the stack.",
                        reference.resource
                    ),
                ),
                t(
                    "Vérifiez l'id (majuscules, tirets, accents compris) ou ajoutez le construct manquant.",
                    "Check the id (case, hyphens and accents included) or add the missing construct.",
                ),
            );
            continue;
        };
        let kind = target.kind();
        if !is_referenceable(kind, &reference.attr) {
            let known = referenceable_attributes(kind);
            let shown: Vec<&str> = known.iter().take(8).copied().collect();
            let (fr, en) = if known.is_empty() {
                (
                    format!("On ne peut pas faire référence à un {}.", kind.class_name()),
                    format!("A {} cannot be referred to.", kind.class_name()),
                )
            } else {
                (
                    format!("Attributs courants : {}.", list(&shown)),
                    format!("Common attributes: {}.", list(&shown)),
                )
            };
            sink.push(
                &REF_UNKNOWN_ATTRIBUTE,
                i,
                &field,
                t(
                    format!(
                        "{} « {} » n'a pas d'attribut « {} ».",
                        kind.class_name(),
                        reference.resource,
                        reference.attr
                    ),
                    format!(
                        "{} \"{}\" has no attribute \"{}\".",
                        kind.class_name(),
                        reference.resource,
                        reference.attr
                    ),
                ),
                t(fr, en),
            );
            continue;
        }
        let Some(allowed) = expected(r.kind(), &field) else {
            continue;
        };
        let fits = allowed
            .iter()
            .any(|(k, attrs)| *k == kind && attrs.contains(&reference.attr.as_str()));
        if !fits {
            let want: Vec<String> = allowed
                .iter()
                .map(|(k, attrs)| format!("{}.{}", k.class_name(), attrs.first().copied().unwrap_or_default()))
                .collect();
            let (want_fr, want_en) = if want.is_empty() {
                (
                    "un id de sous-réseau (« subnet-... »), qu'aucun construct de ce playground ne fournit".to_owned(),
                    "a subnet id (\"subnet-...\"), which no construct of this playground provides".to_owned(),
                )
            } else {
                (list(&want), list(&want))
            };
            sink.push(
                &REF_WRONG_TARGET,
                i,
                &field,
                t(
                    format!(
                        "Ce champ attend {want_fr}, pas {}.{} : Terraform l'acceptera, AWS refusera la valeur au déploiement.",
                        kind.class_name(),
                        reference.attr
                    ),
                    format!(
                        "This field expects {want_en}, not {}.{}: Terraform will take it, AWS will refuse the value at deployment.",
                        kind.class_name(),
                        reference.attr
                    ),
                ),
                t(
                    "Par exemple : vpc_security_group_ids=[sg.id], key_name=key.key_name, ami=ami.id, volume_id=vol.id, instance_id=inst.id.",
                    "For instance: vpc_security_group_ids=[sg.id], key_name=key.key_name, ami=ami.id, volume_id=vol.id, instance_id=inst.id.",
                ),
            );
        }
    }
}
