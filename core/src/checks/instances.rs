//! Instances: AMI, instance type, key pair and SSH, zone, user data, volumes, metadata
//! service.
//!
//! Sources: EC2 `RunInstances` (an AMI is required; the default instance type is
//! m1.small); the instance types table ([`super::instance_types`]); EC2's instance metadata
//! service guide (IMDSv2 is `http_tokens = "required"`); EBS encryption guide.

use super::catalog::*;
use super::instance_types::{lookup, Lookup};
use super::security_groups::groups_open;
use super::{ami, list, names, provider, schema, t, user_data, volumes, Cx, Sink};
use crate::model::{Instance, Resource, ResourceKind};
use crate::number::JsNumber;
use crate::value::StrValue;

pub(super) fn check(cx: &Cx, sink: &mut Sink, i: usize, inst: &Instance) {
    let lookup_of_ami = inst
        .ami
        .as_ref()
        .and_then(|v| cx.target_of(v, ResourceKind::DataAwsAmi, &["id", "image_id"]))
        .and_then(|(_, r)| match r {
            Resource::DataAwsAmi(a) => Some(a),
            _ => None,
        });
    match &inst.ami {
        None => sink.push(
            &AMI_MISSING,
            i,
            "ami",
            t(
                "L'instance n'a pas d'AMI : EC2 ne sait pas quel système démarrer et refuse de la lancer.",
                "The instance has no AMI: EC2 does not know which system to boot and refuses to launch it.",
            ),
            t(
                "Ajoutez ami=ami.id avec une recherche DataAwsAmi (conseillé), ou un id d'AMI de votre région.",
                "Add ami=ami.id with a DataAwsAmi lookup (advised), or an AMI id of your region.",
            ),
        ),
        Some(StrValue::Literal(id)) if !ami::is_ami_id(id) => sink.push(
            &AMI_ID_INVALID,
            i,
            "ami",
            t(
                format!("« {id} » n'est pas un id d'AMI : il s'écrit « ami- » suivi de 8 ou 17 chiffres hexadécimaux en minuscules."),
                format!("\"{id}\" is not an AMI id: it is \"ami-\" followed by 8 or 17 lowercase hexadecimal digits."),
            ),
            t(
                "Copiez l'id depuis la console EC2 (AMI Catalog), ou mieux, cherchez l'AMI avec DataAwsAmi.",
                "Copy the id from the EC2 console (AMI Catalog), or better, look the AMI up with DataAwsAmi.",
            ),
        ),
        Some(StrValue::Literal(id)) => sink.push(
            &AMI_HARDCODED,
            i,
            "ami",
            t(
                format!("L'AMI « {id} » est écrite en dur : un id d'AMI n'existe que dans une région, et les AMI sont retirées avec le temps."),
                format!("The AMI \"{id}\" is hard-coded: an AMI id exists in one region only, and AMIs get retired over time."),
            ),
            t(
                "Cherchez l'AMI avec DataAwsAmi(most_recent=True, owners=[\"amazon\"], filter=[...]) et passez ami=ami.id.",
                "Look the AMI up with DataAwsAmi(most_recent=True, owners=[\"amazon\"], filter=[...]) and pass ami=ami.id.",
            ),
        ),
        Some(StrValue::Ref(_)) => {}
    }
    check_instance_type(sink, i, inst, lookup_of_ami.and_then(ami::architecture));
    if inst.key_name.is_some() {
        let closed = cx
            .instance_groups(inst)
            .is_some_and(|groups| !groups_open(&groups, &[22]));
        if closed {
            sink.push(
                &KEY_PAIR_NO_SSH,
                i,
                "key_name",
                t(
                    "L'instance a une paire de clés, mais aucun de ses groupes de sécurité n'ouvre le port 22 : impossible de s'y connecter en SSH.",
                    "The instance has a key pair, but none of its security groups opens port 22: there is no way in over SSH.",
                ),
                t(
                    "Ajoutez une règle entrante from_port=22, to_port=22, protocol=\"tcp\" depuis votre adresse (« x.x.x.x/32 ») et rattachez le groupe avec vpc_security_group_ids=[sg.id].",
                    "Add an ingress rule from_port=22, to_port=22, protocol=\"tcp\" from your address (\"x.x.x.x/32\") and attach the group with vpc_security_group_ids=[sg.id].",
                ),
            );
        }
    }
    if let Some(StrValue::Literal(zone)) = &inst.availability_zone {
        provider::check_zone(cx, sink, i, "availability_zone", zone);
    }
    user_data::check(cx, sink, i, inst);
    if let Some(root) = &inst.root_block_device {
        volumes::check_volume(
            sink,
            i,
            &volumes::Volume {
                prefix: "root_block_device.",
                size_field: "volume_size",
                type_field: "volume_type",
                size: root.volume_size.and_then(JsNumber::as_i64),
                volume_type: root.volume_type.as_deref(),
                iops: root.iops.and_then(JsNumber::as_i64),
                throughput: root.throughput.and_then(JsNumber::as_i64),
                root: true,
                default_type: None,
            },
        );
    }
    if inst.root_block_device.as_ref().and_then(|r| r.encrypted) != Some(true) {
        let field = if inst.root_block_device.is_some() {
            "root_block_device.encrypted"
        } else {
            "root_block_device"
        };
        sink.push(
            &INSTANCE_VOLUME_UNENCRYPTED,
            i,
            field,
            t(
                "Le volume racine n'est pas chiffré (sauf si le chiffrement par défaut d'EBS est activé sur le compte) : un snapshot partagé par erreur expose tout le disque.",
                "The root volume is not encrypted (unless EBS encryption by default is on for the account): a snapshot shared by mistake exposes the whole disk.",
            ),
            t(
                "Ajoutez encrypted=True dans InstanceRootBlockDevice(...) : c'est gratuit et sans effet notable sur les performances.",
                "Add encrypted=True in InstanceRootBlockDevice(...): it is free and has no noticeable cost in performance.",
            ),
        );
    }
    let devices = inst.ebs_block_device.as_deref().unwrap_or_default();
    for (j, d) in devices.iter().enumerate() {
        let prefix = format!("ebs_block_device[{j}].");
        volumes::check_device_name(sink, i, &format!("{prefix}device_name"), &d.device_name);
        if let Some(k) = devices[..j].iter().position(|e| e.device_name == d.device_name) {
            volumes::duplicate_device(
                sink,
                i,
                &format!("{prefix}device_name"),
                &d.device_name,
                &format!("ebs_block_device[{k}]"),
            );
        }
        volumes::check_volume(
            sink,
            i,
            &volumes::Volume {
                prefix: &prefix,
                size_field: "volume_size",
                type_field: "volume_type",
                size: d.volume_size.and_then(JsNumber::as_i64),
                volume_type: d.volume_type.as_deref(),
                iops: d.iops.and_then(JsNumber::as_i64),
                throughput: d.throughput.and_then(JsNumber::as_i64),
                root: false,
                default_type: Some("gp2"),
            },
        );
        if d.encrypted != Some(true) {
            sink.push(
                &INSTANCE_VOLUME_UNENCRYPTED,
                i,
                &format!("{prefix}encrypted"),
                t(
                    format!("Le volume {} n'est pas chiffré (sauf si le chiffrement par défaut d'EBS est activé sur le compte).", d.device_name),
                    format!("The volume {} is not encrypted (unless EBS encryption by default is on for the account).", d.device_name),
                ),
                t(
                    "Ajoutez encrypted=True dans InstanceEbsBlockDevice(...).",
                    "Add encrypted=True in InstanceEbsBlockDevice(...).",
                ),
            );
        }
    }
    check_ebs_optimized(sink, i, inst);
    schema::check_instance(sink, i, inst);
    check_metadata(sink, i, inst, lookup_of_ami.is_some_and(ami::requires_imdsv2));
    names::check_tags(cx, sink, i, "tags", inst.tags.as_ref());
}

fn check_instance_type(sink: &mut Sink, i: usize, inst: &Instance, ami_arch: Option<super::instance_types::Arch>) {
    let Some(it) = inst.instance_type.as_deref() else {
        sink.push(
            &INSTANCE_TYPE_MISSING,
            i,
            "instance_type",
            t(
                "L'instance n'a pas de type : EC2 prend alors m1.small, une génération ancienne absente des régions récentes (dont Paris), où le lancement échoue.",
                "The instance has no type: EC2 then takes m1.small, an old generation missing from recent regions (Paris among them), where the launch fails.",
            ),
            t("Ajoutez instance_type=\"t3.micro\" (ou \"t2.micro\").", "Add instance_type=\"t3.micro\" (or \"t2.micro\")."),
        );
        return;
    };
    match lookup(it) {
        Lookup::Known(arch) => {
            if let Some(want) = ami_arch.filter(|a| *a != arch) {
                sink.push(
                    &AMI_ARCHITECTURE_MISMATCH,
                    i,
                    "instance_type",
                    t(
                        format!("Le type {it} a des processeurs {}, mais l'AMI recherchée est pour {} : EC2 refusera de lancer l'instance.", arch.name(), want.name()),
                        format!("The type {it} has {} processors, but the AMI looked up is for {}: EC2 will refuse to launch the instance.", arch.name(), want.name()),
                    ),
                    t(
                        "Prenez un type de la même architecture que l'AMI (t4g.micro pour arm64, t3.micro pour x86_64), ou changez le filtre de l'AMI.",
                        "Take a type of the AMI's architecture (t4g.micro for arm64, t3.micro for x86_64), or change the AMI filter.",
                    ),
                );
            }
        }
        Lookup::UnknownSize { family, sizes } => sink.push(
            &INSTANCE_TYPE_UNKNOWN,
            i,
            "instance_type",
            t(
                format!("Le type « {it} » n'existe pas : la famille {family} existe, mais pas cette taille."),
                format!("The type \"{it}\" does not exist: the {family} family does, but not this size."),
            ),
            t(
                format!("Tailles de {family} : {}.", list(sizes)),
                format!("Sizes of {family}: {}.", list(sizes)),
            ),
        ),
        Lookup::UnknownFamily => sink.push(
            &INSTANCE_TYPE_UNKNOWN,
            i,
            "instance_type",
            t(
                format!("Le type d'instance « {it} » n'existe pas."),
                format!("There is no instance type \"{it}\"."),
            ),
            t(
                "Un type s'écrit famille.taille, en minuscules : « t3.micro », « t2.micro », « m7i.large ».",
                "A type is written family.size, in lowercase: \"t3.micro\", \"t2.micro\", \"m7i.large\".",
            ),
        ),
    }
}

fn check_metadata(sink: &mut Sink, i: usize, inst: &Instance, ami_requires_v2: bool) {
    let options = inst.metadata_options.as_ref();
    if ami_requires_v2 && options.and_then(|o| o.http_tokens.as_deref()).is_none() {
        return;
    }
    if options.and_then(|o| o.http_endpoint.as_deref()) == Some("disabled") {
        return;
    }
    let tokens = options.and_then(|o| o.http_tokens.as_deref());
    let refused = |attr: &str, v: Option<&str>| v.is_some_and(|v| !schema::accepts(ResourceKind::Instance, attr, v));
    // A value the provider refuses is reported as such (provider-value-invalid), not as IMDSv1.
    if tokens == Some("required")
        || refused("metadata_options.http_tokens", tokens)
        || refused(
            "metadata_options.http_endpoint",
            options.and_then(|o| o.http_endpoint.as_deref()),
        )
    {
        return;
    }
    let field = if options.is_some() {
        "metadata_options.http_tokens"
    } else {
        "metadata_options"
    };
    sink.push(
        &IMDSV1,
        i,
        field,
        t(
            "Le service de métadonnées accepte IMDSv1 : une faille SSRF dans l'application web suffit à lire les identifiants du rôle de l'instance.",
            "The metadata service accepts IMDSv1: an SSRF flaw in the web application is enough to read the instance role's credentials.",
        ),
        t(
            "Ajoutez metadata_options=InstanceMetadataOptions(http_tokens=\"required\") pour n'accepter qu'IMDSv2.",
            "Add metadata_options=InstanceMetadataOptions(http_tokens=\"required\") to accept IMDSv2 only.",
        ),
    );
}

/// `ebs_optimized=True` on a type that cannot be EBS-optimized: EC2 refuses to launch it
/// ("EBS-optimized instances are not supported for your requested configuration"). Source:
/// <https://docs.aws.amazon.com/ec2/latest/instancetypes/ebs-optimized.html> (T1 and T2 have
/// no EBS optimization).
fn check_ebs_optimized(sink: &mut Sink, i: usize, inst: &Instance) {
    let Some(it) = inst.instance_type.as_deref() else {
        return;
    };
    let family = it.split('.').next().unwrap_or_default();
    if inst.ebs_optimized == Some(true) && matches!(family, "t1" | "t2") {
        sink.push(
            &EBS_OPTIMIZED_UNSUPPORTED,
            i,
            "ebs_optimized",
            t(
                format!("Le type {it} ne peut pas être optimisé EBS : EC2 refusera de lancer l'instance (« EBS-optimized instances are not supported for your requested configuration »)."),
                format!("The type {it} cannot be EBS-optimized: EC2 will refuse to launch the instance (\"EBS-optimized instances are not supported for your requested configuration\")."),
            ),
            t(
                "Retirez ebs_optimized=True, ou prenez un type récent (t3.micro), optimisé EBS d'office.",
                "Remove ebs_optimized=True, or take a recent type (t3.micro), EBS-optimized by default.",
            ),
        );
    }
}
