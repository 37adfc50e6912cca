//! Which attributes of each kind a reference may name.
//!
//! The string-typed attributes of each class, as listed in §9 of
//! `docs/cdktf-aws-attributes.md` (read from cdktf-cdktf-provider-aws
//! 21.22.1): each synthesizes to `${<type>.<name>.<attr>}` (`data.` first for data
//! sources), and is the Python property of the same name. List-, map-, number- and
//! block-typed attributes are left out: they synthesize to other shapes
//! (`${tolist(...)}`, `[0].x`), which the course does not use.

use crate::model::ResourceKind;

const INSTANCE: &[&str] = &[
    "id",
    "public_ip",
    "public_dns",
    "private_ip",
    "private_dns",
    "availability_zone",
    "arn",
    "ami",
    "instance_type",
    "key_name",
    "instance_state",
    "subnet_id",
    "primary_network_interface_id",
    "host_id",
    "host_resource_group_arn",
    "iam_instance_profile",
    "instance_initiated_shutdown_behavior",
    "instance_lifecycle",
    "outpost_arn",
    "password_data",
    "placement_group",
    "placement_group_id",
    "region",
    "spot_instance_request_id",
    "tenancy",
    "user_data",
    "user_data_base64",
];

const SECURITY_GROUP: &[&str] = &[
    "id",
    "name",
    "arn",
    "owner_id",
    "vpc_id",
    "description",
    "name_prefix",
    "region",
];

const KEY_PAIR: &[&str] = &[
    "key_name",
    "id",
    "arn",
    "fingerprint",
    "key_pair_id",
    "key_name_prefix",
    "key_type",
    "public_key",
    "region",
];

const DATA_AWS_AMI: &[&str] = &[
    "id",
    "image_id",
    "name",
    "arn",
    "owner_id",
    "creation_date",
    "description",
    "architecture",
    "boot_mode",
    "deprecation_time",
    "hypervisor",
    "image_location",
    "image_owner_alias",
    "image_type",
    "imds_support",
    "kernel_id",
    "last_launched_time",
    "name_regex",
    "platform",
    "platform_details",
    "ramdisk_id",
    "region",
    "root_device_name",
    "root_device_type",
    "root_snapshot_id",
    "sriov_net_support",
    "state",
    "tpm_support",
    "uefi_data",
    "usage_operation",
    "virtualization_type",
];

const EBS_VOLUME: &[&str] = &[
    "id",
    "arn",
    "availability_zone",
    "create_time",
    "kms_key_id",
    "outpost_arn",
    "region",
    "snapshot_id",
    "type",
];

const VOLUME_ATTACHMENT: &[&str] = &["id", "device_name", "instance_id", "volume_id", "region"];

const EBS_SNAPSHOT: &[&str] = &[
    "id",
    "arn",
    "data_encryption_key_id",
    "description",
    "kms_key_id",
    "outpost_arn",
    "owner_alias",
    "owner_id",
    "region",
    "storage_tier",
    "volume_id",
];

/// The attributes a reference to a construct of `kind` may name, the common ones first.
/// Empty for `AwsProvider` and `TerraformOutput`, which cannot be referenced.
pub fn referenceable_attributes(kind: ResourceKind) -> &'static [&'static str] {
    match kind {
        ResourceKind::Instance => INSTANCE,
        ResourceKind::SecurityGroup => SECURITY_GROUP,
        ResourceKind::KeyPair => KEY_PAIR,
        ResourceKind::DataAwsAmi => DATA_AWS_AMI,
        ResourceKind::EbsVolume => EBS_VOLUME,
        ResourceKind::VolumeAttachment => VOLUME_ATTACHMENT,
        ResourceKind::EbsSnapshot => EBS_SNAPSHOT,
        ResourceKind::AwsProvider | ResourceKind::TerraformOutput => &[],
    }
}

/// True when `attr` is a referenceable attribute of `kind`.
pub fn is_referenceable(kind: ResourceKind, attr: &str) -> bool {
    referenceable_attributes(kind).contains(&attr)
}
