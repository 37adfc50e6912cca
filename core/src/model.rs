//! The stack document: one EC2 stack as the course teaches it, in the order the learner
//! wrote it.
//!
//! A document is JSON with `"version": 1`, the stack's id and Python class name, and a
//! list of resources, each written `{"<Kind>": {...}}` with the kwargs of the cdktf class
//! of that kind under their Python names (see `docs/cdktf-aws-attributes.md`).
//! Every resource keeps its construct `id` as written (spaces, accents and all) and its
//! Python variable name `var` (absent when the course writes no variable, as for
//! `AwsProvider(self, "AWS", ...)`). A kwarg left out is `None` and absent from the
//! synthesized JSON, exactly as in cdktf.
//!
//! Load a document with [`crate::load_stack`]; it reports the JSON path, line and column
//! of any fault.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::number::JsNumber;
use crate::value::{OutputValue, Reference, StrValue};

/// The document version this build reads and writes.
pub const STACK_DOCUMENT_VERSION: u32 = 1;

/// A `map[str,str]` kwarg such as `tags`, in the order written.
pub type Tags = IndexMap<String, String>;

/// A whole cdktf stack: `class <class_name>(TerraformStack)` instantiated as
/// `<class_name>(app, "<name>")`, holding `resources` in the order they were declared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    /// Document version, always [`STACK_DOCUMENT_VERSION`] once loaded.
    pub version: u32,
    /// The stack id given to the stack class (`"ec2-lab"`); cdktf's `stackName` and the
    /// name of the state file `terraform.<name>.tfstate`.
    pub name: String,
    /// The Python class of the stack (`"MyStack"`).
    #[serde(default = "default_class_name")]
    pub class_name: String,
    /// Resources, data sources, providers and outputs, in declaration order.
    #[serde(default)]
    pub resources: Vec<Resource>,
}

fn default_class_name() -> String {
    "MyStack".to_owned()
}

impl Stack {
    /// Points every reference to the construct `old` at `new` instead (what an editor's
    /// rename does when the learner renames a construct id); returns how many changed.
    pub fn rename_references(&mut self, old: &str, new: &str) -> usize {
        let mut changed = 0;
        for resource in &mut self.resources {
            resource.for_each_reference_mut(|r| {
                if r.resource == old {
                    r.resource = new.to_owned();
                    changed += 1;
                }
            });
        }
        changed
    }

    /// An empty stack named `name` with class `MyStack`.
    pub fn new(name: impl Into<String>) -> Self {
        Stack {
            version: STACK_DOCUMENT_VERSION,
            name: name.into(),
            class_name: default_class_name(),
            resources: Vec::new(),
        }
    }

    /// The resource whose construct id is `id`, with its index in `resources`.
    pub fn find(&self, id: &str) -> Option<(usize, &Resource)> {
        self.resources.iter().enumerate().find(|(_, r)| r.id() == id)
    }
}

/// One construct of the stack, tagged by its cdktf class: `{"Instance": {...}}`.
// A stack holds tens of resources: boxing `Instance` would buy nothing but noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Resource {
    /// `provider.AwsProvider`
    AwsProvider(AwsProvider),
    /// `data_aws_ami.DataAwsAmi`
    DataAwsAmi(DataAwsAmi),
    /// `security_group.SecurityGroup`
    SecurityGroup(SecurityGroup),
    /// `key_pair.KeyPair`
    KeyPair(KeyPair),
    /// `instance.Instance`
    Instance(Instance),
    /// `ebs_volume.EbsVolume`
    EbsVolume(EbsVolume),
    /// `volume_attachment.VolumeAttachment`
    VolumeAttachment(VolumeAttachment),
    /// `ebs_snapshot.EbsSnapshot`
    EbsSnapshot(EbsSnapshot),
    /// `cdktf.TerraformOutput`
    TerraformOutput(TerraformOutput),
}

/// The kind of a [`Resource`], with what cdktf and Terraform call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResourceKind {
    AwsProvider,
    DataAwsAmi,
    SecurityGroup,
    KeyPair,
    Instance,
    EbsVolume,
    VolumeAttachment,
    EbsSnapshot,
    TerraformOutput,
}

impl ResourceKind {
    /// Every kind, in the order the course introduces them.
    pub const ALL: [ResourceKind; 9] = [
        ResourceKind::AwsProvider,
        ResourceKind::DataAwsAmi,
        ResourceKind::SecurityGroup,
        ResourceKind::KeyPair,
        ResourceKind::Instance,
        ResourceKind::EbsVolume,
        ResourceKind::VolumeAttachment,
        ResourceKind::EbsSnapshot,
        ResourceKind::TerraformOutput,
    ];

    /// The Python class name (`"SecurityGroup"`).
    pub fn class_name(self) -> &'static str {
        match self {
            ResourceKind::AwsProvider => "AwsProvider",
            ResourceKind::DataAwsAmi => "DataAwsAmi",
            ResourceKind::SecurityGroup => "SecurityGroup",
            ResourceKind::KeyPair => "KeyPair",
            ResourceKind::Instance => "Instance",
            ResourceKind::EbsVolume => "EbsVolume",
            ResourceKind::VolumeAttachment => "VolumeAttachment",
            ResourceKind::EbsSnapshot => "EbsSnapshot",
            ResourceKind::TerraformOutput => "TerraformOutput",
        }
    }

    /// The Python module the class is imported from (`"cdktf_cdktf_provider_aws.security_group"`).
    pub fn python_module(self) -> &'static str {
        match self {
            ResourceKind::AwsProvider => "cdktf_cdktf_provider_aws.provider",
            ResourceKind::DataAwsAmi => "cdktf_cdktf_provider_aws.data_aws_ami",
            ResourceKind::SecurityGroup => "cdktf_cdktf_provider_aws.security_group",
            ResourceKind::KeyPair => "cdktf_cdktf_provider_aws.key_pair",
            ResourceKind::Instance => "cdktf_cdktf_provider_aws.instance",
            ResourceKind::EbsVolume => "cdktf_cdktf_provider_aws.ebs_volume",
            ResourceKind::VolumeAttachment => "cdktf_cdktf_provider_aws.volume_attachment",
            ResourceKind::EbsSnapshot => "cdktf_cdktf_provider_aws.ebs_snapshot",
            ResourceKind::TerraformOutput => "cdktf",
        }
    }

    /// The Terraform type (`"aws_security_group"`), or `None` for the provider and outputs.
    pub fn terraform_type(self) -> Option<&'static str> {
        match self {
            ResourceKind::AwsProvider | ResourceKind::TerraformOutput => None,
            ResourceKind::DataAwsAmi => Some("aws_ami"),
            ResourceKind::SecurityGroup => Some("aws_security_group"),
            ResourceKind::KeyPair => Some("aws_key_pair"),
            ResourceKind::Instance => Some("aws_instance"),
            ResourceKind::EbsVolume => Some("aws_ebs_volume"),
            ResourceKind::VolumeAttachment => Some("aws_volume_attachment"),
            ResourceKind::EbsSnapshot => Some("aws_ebs_snapshot"),
        }
    }

    /// True for data sources, whose references read `data.<type>.<name>`.
    pub fn is_data_source(self) -> bool {
        matches!(self, ResourceKind::DataAwsAmi)
    }
}

impl Resource {
    /// The kind of this resource.
    pub fn kind(&self) -> ResourceKind {
        match self {
            Resource::AwsProvider(_) => ResourceKind::AwsProvider,
            Resource::DataAwsAmi(_) => ResourceKind::DataAwsAmi,
            Resource::SecurityGroup(_) => ResourceKind::SecurityGroup,
            Resource::KeyPair(_) => ResourceKind::KeyPair,
            Resource::Instance(_) => ResourceKind::Instance,
            Resource::EbsVolume(_) => ResourceKind::EbsVolume,
            Resource::VolumeAttachment(_) => ResourceKind::VolumeAttachment,
            Resource::EbsSnapshot(_) => ResourceKind::EbsSnapshot,
            Resource::TerraformOutput(_) => ResourceKind::TerraformOutput,
        }
    }

    fn common(&self) -> (&String, &Option<String>) {
        match self {
            Resource::AwsProvider(r) => (&r.id, &r.var),
            Resource::DataAwsAmi(r) => (&r.id, &r.var),
            Resource::SecurityGroup(r) => (&r.id, &r.var),
            Resource::KeyPair(r) => (&r.id, &r.var),
            Resource::Instance(r) => (&r.id, &r.var),
            Resource::EbsVolume(r) => (&r.id, &r.var),
            Resource::VolumeAttachment(r) => (&r.id, &r.var),
            Resource::EbsSnapshot(r) => (&r.id, &r.var),
            Resource::TerraformOutput(r) => (&r.id, &r.var),
        }
    }

    fn common_mut(&mut self) -> (&mut String, &mut Option<String>) {
        match self {
            Resource::AwsProvider(r) => (&mut r.id, &mut r.var),
            Resource::DataAwsAmi(r) => (&mut r.id, &mut r.var),
            Resource::SecurityGroup(r) => (&mut r.id, &mut r.var),
            Resource::KeyPair(r) => (&mut r.id, &mut r.var),
            Resource::Instance(r) => (&mut r.id, &mut r.var),
            Resource::EbsVolume(r) => (&mut r.id, &mut r.var),
            Resource::VolumeAttachment(r) => (&mut r.id, &mut r.var),
            Resource::EbsSnapshot(r) => (&mut r.id, &mut r.var),
            Resource::TerraformOutput(r) => (&mut r.id, &mut r.var),
        }
    }

    /// The construct id as written (`"App SG"`).
    pub fn id(&self) -> &str {
        self.common().0
    }

    /// The Python variable the course assigns the construct to, if any (`"sg"`).
    pub fn var(&self) -> Option<&str> {
        self.common().1.as_deref()
    }

    /// Sets the construct id.
    pub fn set_id(&mut self, id: impl Into<String>) {
        *self.common_mut().0 = id.into();
    }

    /// Sets the Python variable name (`None`: no variable).
    pub fn set_var(&mut self, var: Option<String>) {
        *self.common_mut().1 = var;
    }

    /// Calls `f` on every reference this resource makes, to change it in place (the same
    /// references as [`Resource::references`], in the same order).
    pub fn for_each_reference_mut(&mut self, mut f: impl FnMut(&mut Reference)) {
        if let Resource::TerraformOutput(out) = self {
            out.value.for_each_reference_mut(&mut f);
            return;
        }
        let mut on = |v: &mut StrValue| {
            if let StrValue::Ref(r) = v {
                f(r);
            }
        };
        match self {
            Resource::AwsProvider(_) | Resource::DataAwsAmi(_) | Resource::KeyPair(_) => {}
            Resource::SecurityGroup(sg) => {
                for rules in [&mut sg.ingress, &mut sg.egress] {
                    for rule in rules.iter_mut().flatten() {
                        rule.security_groups.iter_mut().flatten().for_each(&mut on);
                    }
                }
            }
            Resource::Instance(inst) => {
                inst.ami.iter_mut().for_each(&mut on);
                inst.key_name.iter_mut().for_each(&mut on);
                inst.vpc_security_group_ids.iter_mut().flatten().for_each(&mut on);
                inst.subnet_id.iter_mut().for_each(&mut on);
                inst.availability_zone.iter_mut().for_each(&mut on);
            }
            Resource::EbsVolume(vol) => {
                on(&mut vol.availability_zone);
                vol.snapshot_id.iter_mut().for_each(&mut on);
            }
            Resource::VolumeAttachment(att) => {
                on(&mut att.volume_id);
                on(&mut att.instance_id);
            }
            Resource::EbsSnapshot(snap) => on(&mut snap.volume_id),
            Resource::TerraformOutput(_) => {}
        }
    }

    /// Every reference this resource makes, with the kwarg path it sits at
    /// (`"ingress[0].security_groups[1]"`), in the order the fields are declared.
    pub fn references<'a>(&'a self) -> Vec<(String, &'a Reference)> {
        let mut out: Vec<(String, &'a Reference)> = Vec::new();
        let mut push = |path: String, v: &'a StrValue| {
            if let StrValue::Ref(r) = v {
                out.push((path, r));
            }
        };
        match self {
            Resource::AwsProvider(_) | Resource::DataAwsAmi(_) | Resource::KeyPair(_) => {}
            Resource::SecurityGroup(sg) => {
                for (list_name, rules) in [("ingress", &sg.ingress), ("egress", &sg.egress)] {
                    for (i, rule) in rules.iter().flatten().enumerate() {
                        for (j, v) in rule.security_groups.iter().flatten().enumerate() {
                            push(format!("{list_name}[{i}].security_groups[{j}]"), v);
                        }
                    }
                }
            }
            Resource::Instance(inst) => {
                if let Some(v) = &inst.ami {
                    push("ami".into(), v);
                }
                if let Some(v) = &inst.key_name {
                    push("key_name".into(), v);
                }
                for (i, v) in inst.vpc_security_group_ids.iter().flatten().enumerate() {
                    push(format!("vpc_security_group_ids[{i}]"), v);
                }
                if let Some(v) = &inst.subnet_id {
                    push("subnet_id".into(), v);
                }
                if let Some(v) = &inst.availability_zone {
                    push("availability_zone".into(), v);
                }
            }
            Resource::EbsVolume(vol) => {
                push("availability_zone".into(), &vol.availability_zone);
                if let Some(v) = &vol.snapshot_id {
                    push("snapshot_id".into(), v);
                }
            }
            Resource::VolumeAttachment(att) => {
                push("volume_id".into(), &att.volume_id);
                push("instance_id".into(), &att.instance_id);
            }
            Resource::EbsSnapshot(snap) => push("volume_id".into(), &snap.volume_id),
            Resource::TerraformOutput(out_) => {
                return out_
                    .value
                    .references()
                    .into_iter()
                    .map(|r| ("value".to_owned(), r))
                    .collect();
            }
        }
        out
    }
}

/// `AwsProvider(self, "AWS", region="eu-west-3", ...)`: synthesized under
/// `"provider": {"aws": [...]}`, one array element per provider.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwsProvider {
    /// Construct id as written.
    pub id: String,
    /// Python variable name, if the course assigns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// AWS region (`"eu-west-3"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Named profile of the AWS CLI configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Tags applied to every resource: written in Python as
    /// `default_tags=[AwsProviderDefaultTags(tags={...})]`, in JSON as
    /// `"default_tags": [{"tags": {...}}]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_tags: Option<Tags>,
}

/// One `DataAwsAmiFilter(name=..., values=[...])`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmiFilter {
    /// Filter name as the EC2 DescribeImages API knows it (`"name"`, `"virtualization-type"`).
    pub name: String,
    /// Accepted values; `*` is a wildcard for AWS.
    pub values: Vec<String>,
}

/// `DataAwsAmi(self, "amazon_linux", most_recent=True, owners=[...], filter=[...])`:
/// an AMI lookup, synthesized under `"data": {"aws_ami": {...}}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataAwsAmi {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// Take the most recent image when several match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_recent: Option<bool>,
    /// Owners (`"amazon"`, `"self"`, an account id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owners: Option<Vec<String>>,
    /// `filter=[DataAwsAmiFilter(...), ...]`, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Vec<AmiFilter>>,
    /// A regular expression the AMI name must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_regex: Option<String>,
}

/// One rule of a security group: `SecurityGroupIngress(...)` or `SecurityGroupEgress(...)`.
///
/// cdktf writes all nine attributes of every rule, `null` for those unset (seen in
/// the golden `tests/fixtures/ec2-lab/cdk.tf.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityGroupRule {
    /// First port of the range (or ICMP type); 0 with protocol `-1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<JsNumber>,
    /// Last port of the range (or ICMP code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<JsNumber>,
    /// `"tcp"`, `"udp"`, `"icmp"`, `"icmpv6"`, `"-1"` (all) or a protocol number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// IPv4 CIDR blocks (`"0.0.0.0/0"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr_blocks: Option<Vec<String>>,
    /// IPv6 CIDR blocks (`"::/0"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr_blocks: Option<Vec<String>>,
    /// Prefix list ids (`"pl-..."`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix_list_ids: Option<Vec<String>>,
    /// Source (ingress) or destination (egress) security groups: references (`lb.id`) or ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<StrValue>>,
    /// The group itself as source or destination: Python `self_attribute=True`, JSON `"self"`.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_attribute: Option<bool>,
    /// Free text shown in the console.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// An inbound rule (`SecurityGroupIngress`).
pub type IngressRule = SecurityGroupRule;
/// An outbound rule (`SecurityGroupEgress`).
pub type EgressRule = SecurityGroupRule;

/// `SecurityGroup(self, "web_sg", name=..., ingress=[...], egress=[...])`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityGroup {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// Group name in AWS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Group description (AWS accepts ASCII only here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// VPC of the group; the default VPC when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// Inbound rules in order; `Some(vec![])` is written `ingress=[]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress: Option<Vec<IngressRule>>,
    /// Outbound rules in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress: Option<Vec<EgressRule>>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
}

/// `KeyPair(self, "deployer", key_name=..., public_key=...)`: imports a public key.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPair {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// Name of the key pair in EC2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_name: Option<String>,
    /// The public key, OpenSSH format (`ssh-ed25519 AAAA... user@host`). Required by cdktf.
    pub public_key: String,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
}

/// How a user-data script is turned into the kwarg's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserDataEncoding {
    /// The script as is: `user_data=USER_DATA`.
    #[default]
    Plain,
    /// Encoded in Python: `base64.b64encode(USER_DATA.encode()).decode()`; the JSON holds
    /// the base64 text.
    Base64,
    /// Encoded by Terraform: `Fn.base64encode(USER_DATA)`; the JSON holds
    /// `${base64encode("...")}` with the script escaped as a Terraform string.
    FnBase64encode,
}

/// Where the script's text is written in the Python project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserDataLocation {
    /// A module-level constant of `main.py` (`USER_DATA = """..."""`), as the course lab does.
    #[default]
    Constant,
    /// A constant of `user_data.py`, imported by `main.py` (the course's "si besoin").
    Module,
    /// A string literal right in the `Instance(...)` call.
    Inline,
}

/// A user-data script and how the learner gave it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserData {
    /// The script text, as it runs on the instance.
    pub script: String,
    /// How the text becomes the kwarg's value.
    #[serde(default)]
    pub encoding: UserDataEncoding,
    /// Where the text is written in Python.
    #[serde(default)]
    pub location: UserDataLocation,
    /// Name of the constant for [`UserDataLocation::Constant`] and
    /// [`UserDataLocation::Module`]; `USER_DATA` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl UserData {
    /// The constant's name: `name`, or `USER_DATA`.
    pub fn constant_name(&self) -> &str {
        self.name.as_deref().unwrap_or("USER_DATA")
    }
}

/// `InstanceRootBlockDevice(...)`: the root volume, a single JSON object.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootBlockDevice {
    /// Size in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_size: Option<JsNumber>,
    /// `gp2`, `gp3`, `io1`, `io2`, `standard`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
    /// Provisioned IOPS (io1, io2, gp3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<JsNumber>,
    /// Throughput in MiB/s (gp3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput: Option<JsNumber>,
    /// Encrypt the volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// Delete the volume with the instance (AWS's default is true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_on_termination: Option<bool>,
}

/// `InstanceEbsBlockDevice(device_name=..., ...)`: an extra volume created with the instance.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsBlockDevice {
    /// Device name (`/dev/sdf`). Required by cdktf.
    pub device_name: String,
    /// Size in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_size: Option<JsNumber>,
    /// Volume type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
    /// Provisioned IOPS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<JsNumber>,
    /// Throughput in MiB/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput: Option<JsNumber>,
    /// Encrypt the volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// Delete the volume with the instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_on_termination: Option<bool>,
    /// Snapshot to create the volume from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
}

/// `InstanceMetadataOptions(...)`: the instance metadata service (IMDS).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataOptions {
    /// `"enabled"` or `"disabled"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_endpoint: Option<String>,
    /// `"required"` (IMDSv2 only) or `"optional"` (IMDSv1 allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_tokens: Option<String>,
    /// Hop limit of PUT responses, 1 to 64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_put_response_hop_limit: Option<JsNumber>,
    /// `"enabled"` or `"disabled"`: tags readable from the metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_metadata_tags: Option<String>,
}

/// `Instance(self, "web", ami=..., instance_type=..., ...)`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// A literal AMI id or a reference to a lookup (`ami.id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ami: Option<StrValue>,
    /// `t2.micro`, `t3.small`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// A key pair's name, literal or a reference (`key.key_name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_name: Option<StrValue>,
    /// Security groups: references (`sg.id`) or literal ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpc_security_group_ids: Option<Vec<StrValue>>,
    /// Subnet id; the default VPC's subnet of the zone when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<StrValue>,
    /// Availability zone (`eu-west-3a`); AWS chooses when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<StrValue>,
    /// Give the instance a public IPv4 address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associate_public_ip_address: Option<bool>,
    /// `user_data=`: a script and how it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_data: Option<UserData>,
    /// `user_data_base64=`: a script and how it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_data_base64: Option<UserData>,
    /// Replace the instance when the user data changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_data_replace_on_change: Option<bool>,
    /// The root volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_block_device: Option<RootBlockDevice>,
    /// Extra volumes created with the instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebs_block_device: Option<Vec<EbsBlockDevice>>,
    /// The metadata service's options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata_options: Option<MetadataOptions>,
    /// Detailed (one-minute) CloudWatch monitoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<bool>,
    /// EBS-optimized instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebs_optimized: Option<bool>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
}

/// `EbsVolume(self, "data", availability_zone=..., size=..., type=...)`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsVolume {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// Zone of the volume: a literal or a reference (`inst.availability_zone`). Required.
    pub availability_zone: StrValue,
    /// Size in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<JsNumber>,
    /// Volume type (`gp3`...); the kwarg is `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
    /// Provisioned IOPS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<JsNumber>,
    /// Throughput in MiB/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput: Option<JsNumber>,
    /// Encrypt the volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// Snapshot to create the volume from: literal or a reference (`snap.id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<StrValue>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
}

/// `VolumeAttachment(self, "data_attach", device_name=..., volume_id=..., instance_id=...)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VolumeAttachment {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// Device name seen by the instance (`/dev/sdh`).
    pub device_name: String,
    /// The volume (`vol.id`).
    pub volume_id: StrValue,
    /// The instance (`inst.id`).
    pub instance_id: StrValue,
}

/// `EbsSnapshot(self, "snap", volume_id=..., description=...)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsSnapshot {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// The volume to snapshot (`vol.id`).
    pub volume_id: StrValue,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
}

/// `TerraformOutput(self, "public_ip", value=inst.public_ip, ...)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerraformOutput {
    /// Construct id as written.
    pub id: String,
    /// Python variable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// The value shown after `cdktf deploy`.
    pub value: OutputValue,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Hide the value in the CLI output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
}
