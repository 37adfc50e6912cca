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
        let Some((target_index, target)) = cx.target(reference) else {
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
        if target_index >= i {
            forward(sink, i, &field, &reference.resource, target_index);
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

/// A reference to the construct itself or to one declared after it: Python creates the
/// constructs in order, so `main.py` would read the variable before it is assigned
/// (`UnboundLocalError` with the real cdktf; synth refuses it too).
fn forward(sink: &mut Sink, i: usize, field: &str, target: &str, target_index: usize) {
    let itself = target_index == i;
    let in_rule = field.contains(".security_groups[");
    let shown = super::templates::excerpt(target);
    let message = if itself {
        t(
            format!("Ce construct fait référence à lui-même (« {shown} ») : en Python, sa variable n'existe pas encore pendant qu'on le crée (UnboundLocalError), et Terraform y verrait un cycle."),
            format!("This construct refers to itself (\"{shown}\"): in Python its variable does not exist yet while it is being created (UnboundLocalError), and Terraform would see a cycle."),
        )
    } else {
        t(
            format!("Cette référence vise « {shown} » (resources[{target_index}]), déclaré plus bas : Python crée les constructs dans l'ordre et lirait sa variable avant qu'elle existe (UnboundLocalError)."),
            format!("This reference points to \"{shown}\" (resources[{target_index}]), declared further down: Python creates the constructs in order and would read its variable before it exists (UnboundLocalError)."),
        )
    };
    let hint = if itself && in_rule {
        t(
            "Pour autoriser le groupe lui-même comme source, retirez-le de security_groups et écrivez self_attribute=True dans la règle.",
            "To allow the group itself as the source, remove it from security_groups and write self_attribute=True in the rule.",
        )
    } else if itself {
        t(
            "Retirez cette référence : un construct ne peut pas dépendre de lui-même.",
            "Remove this reference: a construct cannot depend on itself.",
        )
    } else {
        t(
            format!("Déplacez « {shown} » avant ce construct dans la stack."),
            format!("Move \"{shown}\" before this construct in the stack."),
        )
    };
    sink.push(&REF_FORWARD, i, field, message, hint);
}
