//! EBS volumes: types and their limits, device names, attachments across zones.
//!
//! Sources: EC2 `CreateVolume` and `EbsBlockDevice` (sizes per type: gp2 1–16,384 GiB,
//! gp3 1–65,536, io1 4–16,384, io2 4–65,536, st1/sc1 125–16,384, standard 1–1,024; IOPS:
//! gp3 3,000–80,000 at most 500 per GiB, io1 100–64,000 at most 50 per GiB, io2
//! 100–256,000 at most 1,000 per GiB, required for io1/io2, refused for the others;
//! throughput: gp3 only, 125–2,000 MiB/s, at most 0.25 MiB/s per IOPS; figures of the
//! September 2025 gp3 update); the EBS user guide (st1 and sc1 cannot be boot volumes;
//! a volume attaches only to an instance of its zone); EC2's device naming page ("Device
//! names for volumes on Amazon EC2 instances": no partition numbers for HVM instances but
//! the root's `/dev/sda1`; EC2 answers `/dev/sdf1` with "is not a valid EBS device name" at
//! AttachVolume and "Invalid device name" at RunInstances).

use super::catalog::*;
use super::{provider, t, Cx, Sink};
use crate::model::{EbsVolume, Instance, Resource, ResourceKind, VolumeAttachment};
use crate::number::JsNumber;
use crate::value::StrValue;

/// Limits of one volume type.
struct Limits {
    name: &'static str,
    size: (i64, i64),
    /// `(min, max, max per GiB)`, when the type takes IOPS.
    iops: Option<(i64, i64, i64)>,
    iops_required: bool,
    /// `(min, max)` in MiB/s, when the type takes a throughput.
    throughput: Option<(i64, i64)>,
    bootable: bool,
}

const TYPES: &[Limits] = &[
    Limits {
        name: "gp2",
        size: (1, 16_384),
        iops: None,
        iops_required: false,
        throughput: None,
        bootable: true,
    },
    Limits {
        name: "gp3",
        size: (1, 65_536),
        iops: Some((3_000, 80_000, 500)),
        iops_required: false,
        throughput: Some((125, 2_000)),
        bootable: true,
    },
    Limits {
        name: "io1",
        size: (4, 16_384),
        iops: Some((100, 64_000, 50)),
        iops_required: true,
        throughput: None,
        bootable: true,
    },
    Limits {
        name: "io2",
        size: (4, 65_536),
        iops: Some((100, 256_000, 1_000)),
        iops_required: true,
        throughput: None,
        bootable: true,
    },
    Limits {
        name: "st1",
        size: (125, 16_384),
        iops: None,
        iops_required: false,
        throughput: None,
        bootable: false,
    },
    Limits {
        name: "sc1",
        size: (125, 16_384),
        iops: None,
        iops_required: false,
        throughput: None,
        bootable: false,
    },
    Limits {
        name: "standard",
        size: (1, 1_024),
        iops: None,
        iops_required: false,
        throughput: None,
        bootable: true,
    },
];

/// The gp3 baseline, included in every gp3 volume whatever its size.
const GP3_BASE_IOPS: i64 = 3_000;

/// One volume's settings, wherever they are written.
pub(super) struct Volume<'a> {
    /// Path prefix of its kwargs (`"root_block_device."`, `""` for an `EbsVolume`).
    pub prefix: &'a str,
    pub size_field: &'a str,
    pub type_field: &'a str,
    pub size: Option<i64>,
    pub volume_type: Option<&'a str>,
    pub iops: Option<i64>,
    pub throughput: Option<i64>,
    /// The instance's root volume.
    pub root: bool,
    /// The type AWS takes when none is given, when it is known (the root volume's comes
    /// from the AMI).
    pub default_type: Option<&'static str>,
}

pub(super) fn check_volume(sink: &mut Sink, i: usize, v: &Volume) {
    let field = |f: &str| format!("{}{f}", v.prefix);
    let Some(type_name) = v.volume_type.or(v.default_type) else {
        return;
    };
    let Some(limits) = TYPES.iter().find(|l| l.name == type_name) else {
        sink.push(
            &VOLUME_TYPE_UNKNOWN,
            i,
            &field(v.type_field),
            t(
                format!("Le type de volume « {type_name} » n'existe pas."),
                format!("There is no volume type \"{type_name}\"."),
            ),
            t(
                "Types EBS : gp3 (conseillé), gp2, io1, io2, st1, sc1, standard.",
                "EBS types: gp3 (advised), gp2, io1, io2, st1, sc1, standard.",
            ),
        );
        return;
    };
    let (min, max) = limits.size;
    if let Some(size) = v.size.filter(|s| !(min..=max).contains(s)) {
        sink.push(
            &VOLUME_SIZE_RANGE,
            i,
            &field(v.size_field),
            t(
                format!("Un volume {type_name} fait de {min} à {max} Gio ; {size} Gio est hors limites."),
                format!("A {type_name} volume is {min} to {max} GiB; {size} GiB is out of range."),
            ),
            t(
                format!("Choisissez une taille entre {min} et {max} Gio."),
                format!("Choose a size between {min} and {max} GiB."),
            ),
        );
    }
    if v.root && !limits.bootable {
        sink.push(
            &VOLUME_ROOT_HDD,
            i,
            &field(v.type_field),
            t(
                format!(
                    "Un volume {type_name} (disque dur) ne peut pas servir de volume racine : EC2 ne sait pas démarrer dessus."
                ),
                format!("A {type_name} (hard disk) volume cannot be a root volume: EC2 does not boot from it."),
            ),
            t(
                "Prenez gp3 pour la racine, et un volume st1/sc1 séparé pour les données.",
                "Take gp3 for the root, and a separate st1/sc1 volume for data.",
            ),
        );
    }
    match (limits.iops, v.iops) {
        (None, Some(iops)) => sink.push(
            &VOLUME_IOPS,
            i,
            &field("iops"),
            t(
                format!("Un volume {type_name} ne se règle pas en IOPS ({iops} demandées) : Terraform refuse (« 'iops' must not be set when 'type' is '{type_name}' »)."),
                format!("A {type_name} volume takes no IOPS setting ({iops} asked): Terraform refuses it (\"'iops' must not be set when 'type' is '{type_name}'\")."),
            ),
            t("Retirez iops, ou passez en gp3, io1 ou io2.", "Remove iops, or move to gp3, io1 or io2."),
        ),
        (Some(_), None) if limits.iops_required => sink.push(
            &VOLUME_IOPS,
            i,
            &field("iops"),
            t(
                format!("Un volume {type_name} exige un nombre d'IOPS."),
                format!("A {type_name} volume requires an IOPS figure."),
            ),
            t(
                "Ajoutez iops=... (par exemple 3000), ou passez en gp3 qui en offre 3 000 d'office.",
                "Add iops=... (3000 for instance), or move to gp3, which gives 3,000 by default.",
            ),
        ),
        (Some((lo, hi, per_gib)), Some(iops)) => {
            let ratio_max = v.size.map(|s| s.saturating_mul(per_gib));
            let over_ratio = ratio_max.filter(|m| iops > *m && !(type_name == "gp3" && iops <= GP3_BASE_IOPS));
            if !(lo..=hi).contains(&iops) {
                sink.push(
                    &VOLUME_IOPS,
                    i,
                    &field("iops"),
                    t(
                        format!("Un volume {type_name} prend de {lo} à {hi} IOPS ; {iops} est hors limites."),
                        format!("A {type_name} volume takes {lo} to {hi} IOPS; {iops} is out of range."),
                    ),
                    t(format!("Choisissez entre {lo} et {hi}."), format!("Choose between {lo} and {hi}.")),
                );
            } else if let Some(m) = over_ratio {
                let size = v.size.unwrap_or_default();
                let needed = (iops + per_gib - 1) / per_gib;
                sink.push(
                    &VOLUME_IOPS,
                    i,
                    &field("iops"),
                    t(
                        format!("Un volume {type_name} donne au plus {per_gib} IOPS par Gio : {size} Gio permettent {m} IOPS, pas {iops}."),
                        format!("A {type_name} volume gives at most {per_gib} IOPS per GiB: {size} GiB allow {m} IOPS, not {iops}."),
                    ),
                    t(
                        format!("Baissez les IOPS à {m} ou agrandissez le volume à {} Gio.", needed),
                        format!("Lower the IOPS to {m} or grow the volume to {} GiB.", needed),
                    ),
                );
            }
        }
        _ => {}
    }
    match (limits.throughput, v.throughput) {
        (None, Some(tp)) => sink.push(
            &VOLUME_THROUGHPUT,
            i,
            &field("throughput"),
            t(
                format!("Seul gp3 se règle en débit ; un volume {type_name} refuse throughput={tp} (« 'throughput' must not be set when 'type' is '{type_name}' »)."),
                format!("Only gp3 takes a throughput; a {type_name} volume refuses throughput={tp} (\"'throughput' must not be set when 'type' is '{type_name}'\")."),
            ),
            t("Retirez throughput, ou passez en gp3.", "Remove throughput, or move to gp3."),
        ),
        (Some((lo, hi)), Some(tp)) => {
            let iops = v.iops.unwrap_or(GP3_BASE_IOPS);
            if !(lo..=hi).contains(&tp) {
                sink.push(
                    &VOLUME_THROUGHPUT,
                    i,
                    &field("throughput"),
                    t(
                        format!("Le débit d'un volume gp3 va de {lo} à {hi} Mio/s ; {tp} est hors limites."),
                        format!("A gp3 volume's throughput is {lo} to {hi} MiB/s; {tp} is out of range."),
                    ),
                    t(format!("Choisissez entre {lo} et {hi}."), format!("Choose between {lo} and {hi}.")),
                );
            } else if tp.saturating_mul(4) > iops {
                sink.push(
                    &VOLUME_THROUGHPUT,
                    i,
                    &field("throughput"),
                    t(
                        format!("Un volume gp3 donne au plus 0,25 Mio/s par IOPS : avec {iops} IOPS, le débit plafonne à {} Mio/s, pas {tp}.", iops / 4),
                        format!("A gp3 volume gives at most 0.25 MiB/s per IOPS: with {iops} IOPS the throughput tops out at {} MiB/s, not {tp}.", iops / 4),
                    ),
                    t(
                        format!("Montez iops à {} ou baissez le débit.", tp.saturating_mul(4)),
                        format!("Raise iops to {} or lower the throughput.", tp.saturating_mul(4)),
                    ),
                );
            }
        }
        _ => {}
    }
}

/// What a device name is to EC2.
#[derive(Debug, PartialEq, Eq)]
enum Device<'a> {
    /// A name EC2 takes for a data volume.
    Fine,
    /// The root volume's name on most AMIs.
    Root,
    /// A device name with a partition number: `base` and the number.
    Partition(&'a str, &'a str),
    /// Not a device name.
    Invalid,
}

/// What `name` is to EC2. A trailing number is a partition, which AWS refuses for an EBS
/// volume ("Device names on Linux instances": HVM instances, all those of the course, have
/// no partition numbers among their names; AttachVolume answers "/dev/sdf1 is not a valid
/// EBS device name", RunInstances "Invalid device name /dev/sdf1"), but for `/dev/sda1`,
/// the root volume's name.
fn device_kind(name: &str) -> Device<'_> {
    if matches!(name, "/dev/sda1" | "/dev/xvda" | "/dev/sda") {
        return Device::Root;
    }
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if base.len() < name.len() {
        return match device_kind(base) {
            Device::Fine | Device::Root => Device::Partition(base, &name[base.len()..]),
            _ => Device::Invalid,
        };
    }
    let rest = name.strip_prefix("/dev/").unwrap_or(name);
    let windows_style = !name.starts_with("/dev/");
    let (stem, tail) = if let Some(t) = rest.strip_prefix("xvd") {
        ("xvd", t)
    } else if let Some(t) = rest.strip_prefix("sd") {
        ("sd", t)
    } else {
        return Device::Invalid;
    };
    if windows_style && stem != "xvd" {
        return Device::Invalid;
    }
    let letter = |c: &u8| c.is_ascii_lowercase();
    let ok = match (stem, tail.as_bytes()) {
        (_, [l]) => letter(l),
        ("xvd", [l, m]) => letter(l) && letter(m),
        _ => false,
    };
    if ok {
        Device::Fine
    } else {
        Device::Invalid
    }
}

pub(super) fn check_device_name(sink: &mut Sink, i: usize, field: &str, name: &str) {
    match device_kind(name) {
        Device::Invalid => {
            let shown = super::templates::excerpt(name);
            sink.push(
                &DEVICE_NAME_INVALID,
                i,
                field,
                t(
                    format!("« {shown} » n'est pas un nom de périphérique qu'EC2 accepte."),
                    format!("\"{shown}\" is not a device name EC2 accepts."),
                ),
                t(
                    "Pour un volume de données sous Linux, prenez /dev/sdf à /dev/sdp (le système le verra souvent comme /dev/nvme1n1 : c'est normal).",
                    "For a data volume on Linux, take /dev/sdf to /dev/sdp (the system will often show it as /dev/nvme1n1: that is normal).",
                ),
            )
        }
        Device::Partition(base, number) => {
            // A partition of the root volume's name: the data volume's usual name instead.
            let base = if base == "/dev/sda" || base == "/dev/xvda" { "/dev/sdf" } else { base };
            let (name, number) = (super::templates::excerpt(name), super::templates::excerpt(number));
            sink.push(
                &DEVICE_NAME_PARTITION,
                i,
                field,
                t(
                    format!("« {name} » désigne une partition ({number}), pas un périphérique : AWS le refuse au déploiement (« {name} is not a valid EBS device name », « Invalid device name {name} »)."),
                    format!("\"{name}\" names a partition ({number}), not a device: AWS refuses it at apply (\"{name} is not a valid EBS device name\", \"Invalid device name {name}\")."),
                ),
                t(
                    format!("Écrivez « {base} » : un volume s'attache en entier ; les partitions se créent sur l'instance (fdisk, parted) et y apparaissent en /dev/nvme1n1p1 ou /dev/xvdf1."),
                    format!("Write \"{base}\": a volume is attached whole; partitions are made on the instance (fdisk, parted) and show up there as /dev/nvme1n1p1 or /dev/xvdf1."),
                ),
            );
        }
        Device::Root => sink.push(
            &DEVICE_NAME_RESERVED,
            i,
            field,
            t(
                format!("« {name} » est le nom du volume racine sur la plupart des AMI : l'attachement échouera (« already in use »)."),
                format!("\"{name}\" is the root volume's name on most AMIs: the attachment will fail (\"already in use\")."),
            ),
            if field.starts_with("ebs_block_device") {
                // The course's lab asks for ebs_block_device "pour le volume racine".
                t(
                    "Pour le volume racine, n'utilisez pas ebs_block_device : écrivez root_block_device=InstanceRootBlockDevice(volume_size=8, volume_type=\"gp3\", encrypted=True). Pour un volume de données, prenez /dev/sdf à /dev/sdp.",
                    "For the root volume, do not use ebs_block_device: write root_block_device=InstanceRootBlockDevice(volume_size=8, volume_type=\"gp3\", encrypted=True). For a data volume, take /dev/sdf to /dev/sdp.",
                )
            } else {
                t("Prenez /dev/sdf à /dev/sdp.", "Take /dev/sdf to /dev/sdp.")
            },
        ),
        Device::Fine => {}
    }
}

pub(super) fn duplicate_device(sink: &mut Sink, i: usize, field: &str, name: &str, other: &str) {
    let name = super::templates::excerpt(name);
    sink.push(
        &DEVICE_NAME_DUPLICATE,
        i,
        field,
        t(
            format!("Le périphérique {name} de cette instance est déjà pris par {other} : EC2 refusera le second (« already in use »)."),
            format!("The device {name} of this instance is already taken by {other}: EC2 will refuse the second (\"already in use\")."),
        ),
        t("Donnez à chaque volume sa propre lettre : /dev/sdf, /dev/sdg...", "Give each volume its own letter: /dev/sdf, /dev/sdg..."),
    );
}

pub(super) fn check_ebs_volume(cx: &Cx, sink: &mut Sink, i: usize, v: &EbsVolume) {
    if let StrValue::Literal(zone) = &v.availability_zone {
        provider::check_zone(cx, sink, i, "availability_zone", zone);
    }
    if v.size.is_none() && v.snapshot_id.is_none() {
        sink.push(
            &VOLUME_SIZE_MISSING,
            i,
            "size",
            t(
                "Le volume n'a ni taille ni snapshot : AWS ne sait pas quelle taille lui donner.",
                "The volume has neither a size nor a snapshot: AWS cannot tell how large to make it.",
            ),
            t("Ajoutez size=10 (en Gio).", "Add size=10 (in GiB)."),
        );
    }
    check_volume(
        sink,
        i,
        &Volume {
            prefix: "",
            size_field: "size",
            type_field: "type",
            size: v.size.and_then(JsNumber::as_i64),
            volume_type: v.volume_type.as_deref(),
            iops: v.iops.and_then(JsNumber::as_i64),
            throughput: v.throughput.and_then(JsNumber::as_i64),
            root: false,
            default_type: Some("gp2"),
        },
    );
    if v.encrypted != Some(true) {
        sink.push(
            &EBS_VOLUME_UNENCRYPTED,
            i,
            "encrypted",
            t(
                "Ce volume n'est pas chiffré (sauf si le chiffrement par défaut d'EBS est activé sur le compte) : ses snapshots ne le seront pas non plus.",
                "This volume is not encrypted (unless EBS encryption by default is on for the account): neither will its snapshots be.",
            ),
            t("Ajoutez encrypted=True : c'est gratuit.", "Add encrypted=True: it is free."),
        );
    }
    super::names::check_tags(cx, sink, i, "tags", v.tags.as_ref());
}

/// Where a volume is: a literal zone, and the instance whose zone it follows, if any.
fn volume_zone<'a>(cx: &Cx<'a>, v: &'a EbsVolume, depth: u8) -> (Option<&'a str>, Option<usize>) {
    match &v.availability_zone {
        StrValue::Literal(z) => (Some(z.as_str()), None),
        StrValue::Ref(r) if r.attr == "availability_zone" => match cx.target(r) {
            Some((k, Resource::Instance(inst))) => {
                (inst.availability_zone.as_ref().and_then(StrValue::as_literal), Some(k))
            }
            Some((_, Resource::EbsVolume(other))) if depth < 8 => volume_zone(cx, other, depth + 1),
            _ => (None, None),
        },
        StrValue::Ref(_) => (None, None),
    }
}

pub(super) fn check_attachment(cx: &Cx, sink: &mut Sink, i: usize, a: &VolumeAttachment) {
    check_device_name(sink, i, "device_name", &a.device_name);
    let instance = cx
        .target_of(&a.instance_id, ResourceKind::Instance, &["id"])
        .and_then(|(k, r)| match r {
            Resource::Instance(inst) => Some((k, inst)),
            _ => None,
        });
    if let Some((k, inst)) = instance {
        check_device_taken(cx, sink, i, a, k, inst);
    }
    let volume = cx
        .target_of(&a.volume_id, ResourceKind::EbsVolume, &["id"])
        .and_then(|(_, r)| match r {
            Resource::EbsVolume(v) => Some(v),
            _ => None,
        });
    let (Some((k, inst)), Some(vol)) = (instance, volume) else {
        return;
    };
    let (vol_zone, follows) = volume_zone(cx, vol, 0);
    if follows == Some(k) {
        return;
    }
    let inst_zone = inst.availability_zone.as_ref().and_then(StrValue::as_literal);
    match (vol_zone, inst_zone) {
        (Some(a_zone), Some(b_zone)) if a_zone == b_zone => {}
        (Some(a_zone), Some(b_zone)) => sink.push(
            &VOLUME_AZ_MISMATCH,
            i,
            "instance_id",
            t(
                format!("Le volume « {} » est dans {a_zone} et l'instance « {} » dans {b_zone} : un volume EBS ne s'attache qu'à une instance de sa zone.", vol.id, inst.id),
                format!("The volume \"{}\" is in {a_zone} and the instance \"{}\" in {b_zone}: an EBS volume attaches only to an instance of its own zone.", vol.id, inst.id),
            ),
            t(
                "Créez le volume dans la zone de l'instance : availability_zone=inst.availability_zone.",
                "Create the volume in the instance's zone: availability_zone=inst.availability_zone.",
            ),
        ),
        _ => sink.push(
            &VOLUME_AZ_UNPINNED,
            i,
            "instance_id",
            t(
                format!("Rien ne garantit que le volume « {} » et l'instance « {} » soient dans la même zone (AWS choisit celle de l'instance) : l'attachement peut échouer.", vol.id, inst.id),
                format!("Nothing ensures the volume \"{}\" and the instance \"{}\" share a zone (AWS picks the instance's): the attachment may fail.", vol.id, inst.id),
            ),
            t(
                "Écrivez availability_zone=inst.availability_zone dans l'EbsVolume, ou fixez la même zone aux deux.",
                "Write availability_zone=inst.availability_zone in the EbsVolume, or give both the same zone.",
            ),
        ),
    }
}

/// A device already used on the instance, by its `ebs_block_device` or an earlier attachment.
fn check_device_taken(cx: &Cx, sink: &mut Sink, i: usize, a: &VolumeAttachment, k: usize, inst: &Instance) {
    let in_block = inst
        .ebs_block_device
        .iter()
        .flatten()
        .position(|d| d.device_name == a.device_name)
        .map(|j| format!("resources[{k}].ebs_block_device[{j}]"));
    let earlier = || {
        let e = cx
            .first_device
            .get(&(a.device_name.as_str(), k))
            .copied()
            .filter(|&e| e < i)?;
        match cx.stack.resources.get(e) {
            Some(Resource::VolumeAttachment(other)) => Some(format!("resources[{e}] (« {} »)", other.id)),
            _ => None,
        }
    };
    if let Some(other) = in_block.or_else(earlier) {
        duplicate_device(sink, i, "device_name", &a.device_name, &other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names() {
        for ok in ["/dev/sdf", "/dev/sdp", "/dev/xvdf", "/dev/xvdba", "xvdf"] {
            assert_eq!(device_kind(ok), Device::Fine, "{ok}");
        }
        for root in ["/dev/sda1", "/dev/xvda", "/dev/sda"] {
            assert_eq!(device_kind(root), Device::Root, "{root}");
        }
        for (partition, base, number) in [
            ("/dev/sdb1", "/dev/sdb", "1"),
            ("/dev/sdf15", "/dev/sdf", "15"),
            ("/dev/sdb16", "/dev/sdb", "16"),
            ("/dev/sdb0", "/dev/sdb", "0"),
            ("/dev/xvdf1", "/dev/xvdf", "1"),
            ("/dev/xvda1", "/dev/xvda", "1"),
            ("/dev/sda2", "/dev/sda", "2"),
        ] {
            assert_eq!(device_kind(partition), Device::Partition(base, number), "{partition}");
        }
        for bad in [
            "/dev/nvme1n1",
            "sdf",
            "/dev/sdF",
            "/dev/",
            "",
            "/dev/hda",
            "/dev/hda1",
            "/dev/xvdabc",
            "/dev/12",
        ] {
            assert_eq!(device_kind(bad), Device::Invalid, "{bad}");
        }
    }
}
