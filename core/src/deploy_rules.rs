//! What a change of each attribute of the course's classes makes `cdktf deploy` (that is,
//! `terraform apply`) do: update the resource in place, or replace it (destroy, then
//! create). One row per class and attribute, with its source; used by
//! [`crate::deploy::deploy_preview`] and listed in `docs/deploy-preview.md`.
//!
//! **Sources.** `terraform providers schema -json` does not carry `ForceNew`, so the rows
//! come from the AWS provider's resource definitions, the `ForceNew: true` fields and
//! `CustomizeDiff` functions of
//! `internal/service/ec2/ec2_instance.go`, `ebs_volume.go`, `ebs_volume_attachment.go`,
//! `ebs_snapshot.go`, `ec2_key_pair.go` and `vpc_security_group.go` in
//! hashicorp/terraform-provider-aws, and from its documentation pages, cited per row
//! (`registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/<name>`). The
//! `Optional + Computed` attributes keep the deployed value when removed from the code
//! (Terraform plans no change for them); the others go back to their default.
//!
//! The course's classes with no row: `DataAwsAmi` (a data source is read again at each
//! plan, never created nor replaced) and `TerraformOutput` (no resource). The project has
//! no `VpcSecurityGroupIngressRule`/`EgressRule` class.

use serde::Serialize;

/// What changing an attribute does to the deployed resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// `ForceNew`: the resource is destroyed, then created again.
    Replaces,
    /// An API call changes the resource where it stands.
    UpdatesInPlace,
    /// Replaces when the instance's `user_data_replace_on_change` is true, else updates in
    /// place (the instance is stopped and started): `customdiff.ForceNewIf("user_data", ...)`.
    ReplacesIfUserDataReplaceOnChange,
}

/// What a removed attribute (absent from the new code) becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenRemoved {
    /// `Optional + Computed`: the deployed value stays, Terraform plans no change.
    Kept,
    /// Goes back to this default (JSON text of the value: `"true"`, `"\"Managed by Terraform\""`).
    Default(&'static str),
    /// Becomes null (removed from AWS: tags, rules ...).
    Null,
}

/// One row: a class's attribute and what changing it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The cdktf class (`"Instance"`).
    pub class: &'static str,
    /// The attribute as it is in `cdk.tf.json`; a nested block's attribute is
    /// `block.attribute` (`"root_block_device.encrypted"`); a row for a whole block
    /// (`"ebs_block_device"`) covers every attribute in it.
    pub attribute: &'static str,
    /// What changing it does.
    pub effect: Effect,
    /// What removing it from the code does.
    pub when_removed: WhenRemoved,
    /// The attribute in the course's words, French.
    pub label_fr: &'static str,
    /// In English.
    pub label_en: &'static str,
    /// The documentation page (and, where the page does not say, the source file) the row
    /// was read from.
    pub source: &'static str,
}

const DOCS: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/";

/// The documentation page of a resource, `docs/resources/<page>`.
pub fn docs_page(page: &str) -> String {
    format!("{DOCS}{page}")
}

const INSTANCE: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance";
const INSTANCE_SRC: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance; internal/service/ec2/ec2_instance.go (ForceNew)";
const SG: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group; internal/service/ec2/vpc_security_group.go (ForceNew)";
const KEY: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/key_pair; internal/service/ec2/ec2_key_pair.go (ForceNew)";
const VOL: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume; internal/service/ec2/ebs_volume.go (ForceNew)";
const ATT: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/volume_attachment; internal/service/ec2/ebs_volume_attachment.go (ForceNew)";
const SNAP: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_snapshot; internal/service/ec2/ebs_snapshot.go (ForceNew)";
const REGION: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support";
const TAGS: &str = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging";

use Effect::{Replaces as R, ReplacesIfUserDataReplaceOnChange as RU, UpdatesInPlace as U};
use WhenRemoved::{Default as D, Kept as K, Null as N};

const fn row(
    class: &'static str,
    attribute: &'static str,
    effect: Effect,
    when_removed: WhenRemoved,
    label_fr: &'static str,
    label_en: &'static str,
    source: &'static str,
) -> Rule {
    Rule {
        class,
        attribute,
        effect,
        when_removed,
        label_fr,
        label_en,
        source,
    }
}

/// Every row, by class in the course's order.
pub const RULES: &[Rule] = &[
    // AwsProvider: provider 6.x gives every resource a `region` argument that defaults to
    // the provider's and forces a new resource when it changes.
    row("AwsProvider", "region", R, K, "la région", "the region", REGION),
    row(
        "AwsProvider",
        "default_tags",
        U,
        N,
        "les tags par défaut (tags_all)",
        "the default tags (tags_all)",
        TAGS,
    ),
    row(
        "AwsProvider",
        "profile",
        U,
        K,
        "le profil AWS (aucun effet sur les ressources)",
        "the AWS profile (no effect on resources)",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs#profile",
    ),
    // SecurityGroup
    row(
        "SecurityGroup",
        "name",
        R,
        K,
        "le nom du groupe de sécurité",
        "the security group's name",
        SG,
    ),
    row(
        "SecurityGroup",
        "description",
        R,
        D("\"Managed by Terraform\""),
        "la description du groupe de sécurité",
        "the security group's description",
        SG,
    ),
    row(
        "SecurityGroup",
        "vpc_id",
        R,
        K,
        "le VPC du groupe de sécurité",
        "the security group's VPC",
        SG,
    ),
    row(
        "SecurityGroup",
        "ingress",
        U,
        K,
        "les règles entrantes (ingress)",
        "the inbound rules (ingress)",
        SG,
    ),
    row(
        "SecurityGroup",
        "egress",
        U,
        K,
        "les règles sortantes (egress)",
        "the outbound rules (egress)",
        SG,
    ),
    row("SecurityGroup", "tags", U, N, "les tags", "the tags", SG),
    // KeyPair
    row(
        "KeyPair",
        "key_name",
        R,
        K,
        "le nom de la paire de clés",
        "the key pair's name",
        KEY,
    ),
    row("KeyPair", "public_key", R, K, "la clé publique", "the public key", KEY),
    row("KeyPair", "tags", U, N, "les tags", "the tags", KEY),
    // Instance
    row("Instance", "ami", R, K, "l'AMI", "the AMI", INSTANCE_SRC),
    row(
        "Instance",
        "instance_type",
        U,
        K,
        "le type d'instance (arrêt puis redémarrage)",
        "the instance type (stop, then start)",
        INSTANCE,
    ),
    row(
        "Instance",
        "key_name",
        R,
        K,
        "la paire de clés (key_name)",
        "the key pair (key_name)",
        INSTANCE_SRC,
    ),
    row(
        "Instance",
        "vpc_security_group_ids",
        U,
        K,
        "les groupes de sécurité",
        "the security groups",
        INSTANCE,
    ),
    row(
        "Instance",
        "subnet_id",
        R,
        K,
        "le sous-réseau",
        "the subnet",
        INSTANCE_SRC,
    ),
    row(
        "Instance",
        "availability_zone",
        R,
        K,
        "la zone de disponibilité",
        "the availability zone",
        INSTANCE_SRC,
    ),
    row(
        "Instance",
        "associate_public_ip_address",
        R,
        K,
        "l'adresse IPv4 publique (associate_public_ip_address)",
        "the public IPv4 address (associate_public_ip_address)",
        INSTANCE_SRC,
    ),
    row(
        "Instance",
        "user_data",
        RU,
        K,
        "le script de démarrage (user data)",
        "the user data script",
        INSTANCE,
    ),
    row(
        "Instance",
        "user_data_base64",
        RU,
        K,
        "le script de démarrage (user_data_base64)",
        "the user data script (user_data_base64)",
        INSTANCE,
    ),
    row(
        "Instance",
        "user_data_replace_on_change",
        U,
        D("false"),
        "user_data_replace_on_change",
        "user_data_replace_on_change",
        INSTANCE,
    ),
    row(
        "Instance",
        "root_block_device",
        U,
        K,
        "le volume racine",
        "the root volume",
        INSTANCE,
    ),
    row(
        "Instance",
        "root_block_device.volume_size",
        U,
        K,
        "la taille du volume racine",
        "the root volume's size",
        INSTANCE,
    ),
    row(
        "Instance",
        "root_block_device.volume_type",
        U,
        K,
        "le type du volume racine",
        "the root volume's type",
        INSTANCE,
    ),
    row(
        "Instance",
        "root_block_device.iops",
        U,
        K,
        "les IOPS du volume racine",
        "the root volume's IOPS",
        INSTANCE,
    ),
    row(
        "Instance",
        "root_block_device.throughput",
        U,
        K,
        "le débit du volume racine",
        "the root volume's throughput",
        INSTANCE,
    ),
    row(
        "Instance",
        "root_block_device.delete_on_termination",
        U,
        D("true"),
        "la suppression du volume racine avec l'instance",
        "deleting the root volume with the instance",
        INSTANCE,
    ),
    row(
        "Instance",
        "root_block_device.encrypted",
        R,
        K,
        "le chiffrement du volume racine",
        "the root volume's encryption",
        INSTANCE_SRC,
    ),
    row(
        "Instance",
        "ebs_block_device",
        R,
        K,
        "les volumes EBS créés avec l'instance (ebs_block_device)",
        "the EBS volumes created with the instance (ebs_block_device)",
        INSTANCE_SRC,
    ),
    row(
        "Instance",
        "metadata_options",
        U,
        K,
        "les options du service de métadonnées (IMDS)",
        "the metadata service (IMDS) options",
        INSTANCE,
    ),
    row(
        "Instance",
        "metadata_options.http_endpoint",
        U,
        K,
        "le service de métadonnées (http_endpoint)",
        "the metadata service (http_endpoint)",
        INSTANCE,
    ),
    row(
        "Instance",
        "metadata_options.http_tokens",
        U,
        K,
        "IMDSv2 (http_tokens)",
        "IMDSv2 (http_tokens)",
        INSTANCE,
    ),
    row(
        "Instance",
        "metadata_options.http_put_response_hop_limit",
        U,
        K,
        "la limite de sauts (http_put_response_hop_limit)",
        "the hop limit (http_put_response_hop_limit)",
        INSTANCE,
    ),
    row(
        "Instance",
        "metadata_options.instance_metadata_tags",
        U,
        K,
        "les tags dans les métadonnées",
        "the tags in the metadata",
        INSTANCE,
    ),
    row(
        "Instance",
        "monitoring",
        U,
        K,
        "la surveillance détaillée (monitoring)",
        "detailed monitoring",
        INSTANCE,
    ),
    row(
        "Instance",
        "ebs_optimized",
        R,
        K,
        "l'optimisation EBS (ebs_optimized)",
        "EBS optimization (ebs_optimized)",
        INSTANCE_SRC,
    ),
    row("Instance", "tags", U, N, "les tags", "the tags", INSTANCE),
    // EbsVolume
    row(
        "EbsVolume",
        "availability_zone",
        R,
        K,
        "la zone de disponibilité du volume",
        "the volume's availability zone",
        VOL,
    ),
    row(
        "EbsVolume",
        "size",
        U,
        K,
        "la taille du volume",
        "the volume's size",
        VOL,
    ),
    row("EbsVolume", "type", U, K, "le type du volume", "the volume's type", VOL),
    row(
        "EbsVolume",
        "iops",
        U,
        K,
        "les IOPS du volume",
        "the volume's IOPS",
        VOL,
    ),
    row(
        "EbsVolume",
        "throughput",
        U,
        K,
        "le débit du volume",
        "the volume's throughput",
        VOL,
    ),
    row(
        "EbsVolume",
        "encrypted",
        R,
        K,
        "le chiffrement du volume",
        "the volume's encryption",
        VOL,
    ),
    row(
        "EbsVolume",
        "snapshot_id",
        R,
        K,
        "le snapshot d'origine du volume",
        "the snapshot the volume starts from",
        VOL,
    ),
    row("EbsVolume", "tags", U, N, "les tags", "the tags", VOL),
    // VolumeAttachment
    row(
        "VolumeAttachment",
        "device_name",
        R,
        K,
        "le nom de périphérique (device_name)",
        "the device name",
        ATT,
    ),
    row(
        "VolumeAttachment",
        "volume_id",
        R,
        K,
        "le volume attaché",
        "the attached volume",
        ATT,
    ),
    row(
        "VolumeAttachment",
        "instance_id",
        R,
        K,
        "l'instance",
        "the instance",
        ATT,
    ),
    // EbsSnapshot
    row(
        "EbsSnapshot",
        "volume_id",
        R,
        K,
        "le volume du snapshot",
        "the snapshot's volume",
        SNAP,
    ),
    row(
        "EbsSnapshot",
        "description",
        R,
        N,
        "la description du snapshot",
        "the snapshot's description",
        SNAP,
    ),
    row("EbsSnapshot", "tags", U, N, "les tags", "the tags", SNAP),
];

/// The row for `class`'s `attribute` (`"root_block_device.encrypted"`): the exact row, else
/// the row of its block (`"ebs_block_device"` for `"ebs_block_device.volume_size"`).
pub fn rule(class: &str, attribute: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.class == class && r.attribute == attribute)
        .or_else(|| {
            let block = attribute.split('.').next()?;
            RULES.iter().find(|r| r.class == class && r.attribute == block)
        })
}

/// The cdktf class of a Terraform resource type (`"aws_instance"` → `"Instance"`).
pub fn class_of(terraform_type: &str) -> Option<&'static str> {
    crate::model::ResourceKind::ALL
        .iter()
        .find(|k| k.terraform_type() == Some(terraform_type))
        .map(|k| k.class_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_cases_are_in_the_table() {
        let replaces = |c: &str, a: &str| rule(c, a).map(|r| r.effect);
        assert_eq!(replaces("Instance", "ami"), Some(Effect::Replaces));
        assert_eq!(replaces("Instance", "key_name"), Some(Effect::Replaces));
        assert_eq!(replaces("Instance", "availability_zone"), Some(Effect::Replaces));
        assert_eq!(replaces("Instance", "instance_type"), Some(Effect::UpdatesInPlace));
        assert_eq!(
            replaces("Instance", "user_data"),
            Some(Effect::ReplacesIfUserDataReplaceOnChange)
        );
        assert_eq!(replaces("SecurityGroup", "name"), Some(Effect::Replaces));
        assert_eq!(replaces("SecurityGroup", "description"), Some(Effect::Replaces));
        assert_eq!(replaces("SecurityGroup", "ingress"), Some(Effect::UpdatesInPlace));
        assert_eq!(replaces("EbsVolume", "availability_zone"), Some(Effect::Replaces));
        assert_eq!(replaces("EbsVolume", "snapshot_id"), Some(Effect::Replaces));
        assert_eq!(replaces("EbsVolume", "size"), Some(Effect::UpdatesInPlace));
        for a in ["device_name", "instance_id", "volume_id"] {
            assert_eq!(replaces("VolumeAttachment", a), Some(Effect::Replaces));
        }
        assert_eq!(replaces("KeyPair", "public_key"), Some(Effect::Replaces));
        assert_eq!(
            replaces("Instance", "ebs_block_device.volume_size"),
            Some(Effect::Replaces)
        );
        assert_eq!(
            replaces("Instance", "root_block_device.volume_size"),
            Some(Effect::UpdatesInPlace)
        );
        assert_eq!(
            replaces("Instance", "root_block_device.encrypted"),
            Some(Effect::Replaces)
        );
        assert_eq!(replaces("Instance", "no_such"), None);
    }

    /// docs/deploy-preview.md lists every row, with the same effect, and no other.
    #[test]
    fn the_page_lists_the_table() {
        let page = include_str!("../../docs/deploy-preview.md");
        let listed: Vec<(&str, &str, &str)> = page
            .lines()
            .filter_map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                if cells.len() != 8 {
                    return None;
                }
                let attr = cells.get(2)?.strip_prefix('`')?.strip_suffix('`')?;
                Some((*cells.get(1)?, attr, *cells.get(3)?))
            })
            .collect();
        let expected: Vec<(&str, &str, &str)> = RULES
            .iter()
            .map(|r| {
                let effect = match r.effect {
                    Effect::Replaces => "replaces",
                    Effect::UpdatesInPlace => "updates in place",
                    Effect::ReplacesIfUserDataReplaceOnChange => {
                        "replaces if `user_data_replace_on_change`, else updates in place"
                    }
                };
                (r.class, r.attribute, effect)
            })
            .collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn one_row_per_class_and_attribute_each_with_a_source() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                RULES[..i]
                    .iter()
                    .all(|o| (o.class, o.attribute) != (r.class, r.attribute)),
                "{} {}",
                r.class,
                r.attribute
            );
            assert!(r
                .source
                .starts_with("https://registry.terraform.io/providers/hashicorp/aws/"));
            assert!(!r.label_fr.is_empty() && !r.label_en.is_empty());
        }
        assert_eq!(class_of("aws_volume_attachment"), Some("VolumeAttachment"));
        assert_eq!(docs_page("instance"), INSTANCE);
    }
}
