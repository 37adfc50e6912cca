//! One description per cdktf class: each kwarg once, with its key, its kind of value, its
//! nested block class and its labels.
//!
//! Every view of a kwarg reads this table rather than walking the fields in its own order:
//! [`crate::synth`] builds each construct's JSON from it, [`crate::python`] writes each call's
//! keyword arguments in its order, [`crate::read`] turns each keyword argument of `main.py`
//! into the stack document's field, and the forms take their labels from it. Adding a kwarg
//! to a class is one row here (and a field in [`crate::model`], which the document's serde
//! shape needs; a test checks that the two agree).
//!
//! The kwargs and their Python names, JSON keys and types are those of
//! cdktf-cdktf-provider-aws 21.22.1 (its `*Config` classes), as listed per class in the
//! project's `docs/cdktf-aws-attributes.md`. The order of a class's rows is the order in which
//! the course writes them (its lab: `ami`, `instance_type`, `key_name`,
//! `vpc_security_group_ids`, `user_data`, `root_block_device`, `tags`), which is the order the
//! Python writer follows. The JSON's order does not depend on it: cdktf sorts keys.

use crate::model::ResourceKind;

/// What a kwarg holds, in the stack document, in Python and in `cdk.tf.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `str`: a string literal.
    Str,
    /// `str` that may be a reference to another construct's attribute (`sg.id`); in the
    /// document a string or `{"ref": ..., "attr": ...}`, in JSON `"${aws_x.name.attr}"`.
    StrOrRef,
    /// cdktf's `number`: a Python `int` or `float`, held as JavaScript holds it
    /// ([`crate::number::JsNumber`], a double: `1.5`, `1e+22`; past 2^53 integers round).
    /// Terraform reads the course's numeric attributes as `int64`, so the checks flag a
    /// number that is not whole.
    Number,
    /// `bool` (cdktf's `boolean | IResolvable`).
    Bool,
    /// `list[str]` of literals.
    StrList,
    /// `list[str]` whose items may be references.
    StrOrRefList,
    /// `map[str, str]` (`tags`).
    Tags,
    /// A user-data script ([`crate::model::UserData`]): a constant, a literal or an encoding
    /// call in Python; the script, its base64 or `${base64encode("...")}` in JSON.
    UserData,
    /// `TerraformOutput`'s `value`: any value ([`crate::value::OutputValue`]).
    OutputValue,
    /// One nested block, written `Class(...)` in Python (or a dict) and an object in JSON.
    Block(&'static Block),
    /// A list of nested blocks: `[Class(...), ...]` and a JSON array of objects.
    Blocks(&'static Block),
    /// `AwsProvider`'s `default_tags`: the document holds the tags map only; Python writes
    /// `[AwsProviderDefaultTags(tags={...})]` and JSON `[{"tags": {...}}]` (a list of one
    /// block of [`DEFAULT_TAGS`]).
    DefaultTags(&'static Block),
}

/// One keyword argument of a cdktf class or nested block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kwarg {
    /// The Python keyword (`"self_attribute"`).
    pub python: &'static str,
    /// The key in the stack document and in `cdk.tf.json` (`"self"`).
    pub key: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Required by the cdktf class (a Python `TypeError` without it).
    pub required: bool,
    /// The field's label in French.
    pub label_fr: &'static str,
    /// The field's label in English.
    pub label_en: &'static str,
}

/// A nested block class (`SecurityGroupIngress`, `InstanceRootBlockDevice`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The Python class (`"SecurityGroupIngress"`), imported from the module of the class
    /// that holds it.
    pub class: &'static str,
    /// Its kwargs, in the order the course writes them.
    pub kwargs: &'static [Kwarg],
    /// cdktf writes every key of the block, `null` for those unset (security group rules: the
    /// provider's `ingress` and `egress` are attributes as blocks, whose every field must be
    /// present; seen in the lab's golden).
    pub null_when_unset: bool,
}

/// A cdktf class of the course: a resource, a data source, the provider or an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Class {
    /// The kind of resource in the model.
    pub kind: ResourceKind,
    /// The Python class (`"SecurityGroup"`).
    pub class: &'static str,
    /// The Python module it is imported from (`"cdktf_cdktf_provider_aws.security_group"`).
    pub module: &'static str,
    /// Its kwargs after `self` and the construct id, in the order the course writes them.
    pub kwargs: &'static [Kwarg],
}

impl Class {
    /// The kwarg whose Python keyword is `python`.
    pub fn kwarg(&self, python: &str) -> Option<&'static Kwarg> {
        self.kwargs.iter().find(|k| k.python == python)
    }
}

impl Kwarg {
    /// The kwarg's jsii property name (`"fromPort"`, `"selfAttribute"`): the key a dict
    /// inside a list of blocks must use, since jsii passes such a dict to JavaScript as it is
    /// (seen with the real cdktf: `ingress=[{"from_port": 22}]` loses the port, and
    /// `ebs_block_device=[{"device_name": ...}]` fails with "Missing required properties
    /// ... 'deviceName'"; the property names are those of the `jsii_name`s in
    /// cdktf-cdktf-provider-aws's Python bindings).
    pub fn jsii_name(&self) -> String {
        let mut out = String::with_capacity(self.python.len());
        let mut upper = false;
        for c in self.python.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.push(c.to_ascii_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }
}

impl Block {
    /// The kwarg whose Python keyword is `python`.
    pub fn kwarg(&self, python: &str) -> Option<&'static Kwarg> {
        self.kwargs.iter().find(|k| k.python == python)
    }
}

const fn kw(python: &'static str, kind: Kind, label_fr: &'static str, label_en: &'static str) -> Kwarg {
    Kwarg {
        python,
        key: python,
        kind,
        required: false,
        label_fr,
        label_en,
    }
}

const fn required(python: &'static str, kind: Kind, label_fr: &'static str, label_en: &'static str) -> Kwarg {
    Kwarg {
        required: true,
        ..kw(python, kind, label_fr, label_en)
    }
}

const TAGS: Kwarg = kw("tags", Kind::Tags, "Tags", "Tags");

/// `AwsProviderDefaultTags(tags={...})`.
pub static DEFAULT_TAGS: Block = Block {
    class: "AwsProviderDefaultTags",
    kwargs: &[TAGS],
    null_when_unset: false,
};

/// `DataAwsAmiFilter(name=..., values=[...])`.
pub static AMI_FILTER: Block = Block {
    class: "DataAwsAmiFilter",
    kwargs: &[
        required("name", Kind::Str, "Nom du filtre", "Filter name"),
        required("values", Kind::StrList, "Valeurs acceptées", "Accepted values"),
    ],
    null_when_unset: false,
};

const RULE_KWARGS: &[Kwarg] = &[
    kw("from_port", Kind::Number, "Port de début", "From port"),
    kw("to_port", Kind::Number, "Port de fin", "To port"),
    kw("protocol", Kind::Str, "Protocole", "Protocol"),
    kw("cidr_blocks", Kind::StrList, "Blocs CIDR IPv4", "IPv4 CIDR blocks"),
    kw("ipv6_cidr_blocks", Kind::StrList, "Blocs CIDR IPv6", "IPv6 CIDR blocks"),
    kw("prefix_list_ids", Kind::StrList, "Listes de préfixes", "Prefix lists"),
    kw(
        "security_groups",
        Kind::StrOrRefList,
        "Groupes de sécurité",
        "Security groups",
    ),
    Kwarg {
        key: "self",
        ..kw("self_attribute", Kind::Bool, "Le groupe lui-même", "The group itself")
    },
    kw("description", Kind::Str, "Description", "Description"),
];

/// `SecurityGroupIngress(...)`: an inbound rule.
pub static INGRESS: Block = Block {
    class: "SecurityGroupIngress",
    kwargs: RULE_KWARGS,
    null_when_unset: true,
};

/// `SecurityGroupEgress(...)`: an outbound rule.
pub static EGRESS: Block = Block {
    class: "SecurityGroupEgress",
    kwargs: RULE_KWARGS,
    null_when_unset: true,
};

/// `InstanceRootBlockDevice(...)`.
pub static ROOT_BLOCK_DEVICE: Block = Block {
    class: "InstanceRootBlockDevice",
    kwargs: &[
        kw("volume_size", Kind::Number, "Taille (Gio)", "Size (GiB)"),
        kw("volume_type", Kind::Str, "Type", "Type"),
        kw("iops", Kind::Number, "IOPS", "IOPS"),
        kw("throughput", Kind::Number, "Débit (Mio/s)", "Throughput (MiB/s)"),
        kw("encrypted", Kind::Bool, "Chiffré", "Encrypted"),
        kw(
            "delete_on_termination",
            Kind::Bool,
            "Supprimé avec l'instance",
            "Deleted with the instance",
        ),
    ],
    null_when_unset: false,
};

/// `InstanceEbsBlockDevice(device_name=..., ...)`.
pub static EBS_BLOCK_DEVICE: Block = Block {
    class: "InstanceEbsBlockDevice",
    kwargs: &[
        required("device_name", Kind::Str, "Nom du périphérique", "Device name"),
        kw("volume_size", Kind::Number, "Taille (Gio)", "Size (GiB)"),
        kw("volume_type", Kind::Str, "Type", "Type"),
        kw("iops", Kind::Number, "IOPS", "IOPS"),
        kw("throughput", Kind::Number, "Débit (Mio/s)", "Throughput (MiB/s)"),
        kw("encrypted", Kind::Bool, "Chiffré", "Encrypted"),
        kw(
            "delete_on_termination",
            Kind::Bool,
            "Supprimé avec l'instance",
            "Deleted with the instance",
        ),
        kw("snapshot_id", Kind::Str, "Snapshot source", "Source snapshot"),
    ],
    null_when_unset: false,
};

/// `InstanceMetadataOptions(...)`.
pub static METADATA_OPTIONS: Block = Block {
    class: "InstanceMetadataOptions",
    kwargs: &[
        kw("http_endpoint", Kind::Str, "Service de métadonnées", "Metadata service"),
        kw(
            "http_tokens",
            Kind::Str,
            "Jetons de session (IMDSv2)",
            "Session tokens (IMDSv2)",
        ),
        kw(
            "http_put_response_hop_limit",
            Kind::Number,
            "Limite de sauts",
            "Hop limit",
        ),
        kw(
            "instance_metadata_tags",
            Kind::Str,
            "Tags dans les métadonnées",
            "Tags in the metadata",
        ),
    ],
    null_when_unset: false,
};

/// `provider.AwsProvider`.
pub static AWS_PROVIDER: Class = Class {
    kind: ResourceKind::AwsProvider,
    class: "AwsProvider",
    module: "cdktf_cdktf_provider_aws.provider",
    kwargs: &[
        kw("region", Kind::Str, "Région", "Region"),
        kw("profile", Kind::Str, "Profil de l'AWS CLI", "AWS CLI profile"),
        kw(
            "default_tags",
            Kind::DefaultTags(&DEFAULT_TAGS),
            "Tags par défaut",
            "Default tags",
        ),
    ],
};

/// `data_aws_ami.DataAwsAmi`.
pub static DATA_AWS_AMI: Class = Class {
    kind: ResourceKind::DataAwsAmi,
    class: "DataAwsAmi",
    module: "cdktf_cdktf_provider_aws.data_aws_ami",
    kwargs: &[
        kw(
            "most_recent",
            Kind::Bool,
            "Prendre la plus récente",
            "Take the most recent",
        ),
        kw("owners", Kind::StrList, "Propriétaires", "Owners"),
        kw("filter", Kind::Blocks(&AMI_FILTER), "Filtres", "Filters"),
        kw(
            "name_regex",
            Kind::Str,
            "Expression régulière du nom",
            "Name regular expression",
        ),
    ],
};

/// `security_group.SecurityGroup`.
pub static SECURITY_GROUP: Class = Class {
    kind: ResourceKind::SecurityGroup,
    class: "SecurityGroup",
    module: "cdktf_cdktf_provider_aws.security_group",
    kwargs: &[
        kw("name", Kind::Str, "Nom du groupe", "Group name"),
        kw("description", Kind::Str, "Description", "Description"),
        kw(
            "vpc_id",
            Kind::Str,
            "VPC (vide : VPC par défaut)",
            "VPC (empty: default VPC)",
        ),
        kw("ingress", Kind::Blocks(&INGRESS), "Règles entrantes", "Inbound rules"),
        kw("egress", Kind::Blocks(&EGRESS), "Règles sortantes", "Outbound rules"),
        TAGS,
    ],
};

/// `key_pair.KeyPair`.
pub static KEY_PAIR: Class = Class {
    kind: ResourceKind::KeyPair,
    class: "KeyPair",
    module: "cdktf_cdktf_provider_aws.key_pair",
    kwargs: &[
        kw("key_name", Kind::Str, "Nom de la clé dans EC2", "Key name in EC2"),
        required(
            "public_key",
            Kind::Str,
            "Clé publique (format OpenSSH)",
            "Public key (OpenSSH format)",
        ),
        TAGS,
    ],
};

/// `instance.Instance`.
pub static INSTANCE: Class = Class {
    kind: ResourceKind::Instance,
    class: "Instance",
    module: "cdktf_cdktf_provider_aws.instance",
    kwargs: &[
        kw("ami", Kind::StrOrRef, "AMI", "AMI"),
        kw("instance_type", Kind::Str, "Type d'instance", "Instance type"),
        kw("key_name", Kind::StrOrRef, "Paire de clés", "Key pair"),
        kw(
            "vpc_security_group_ids",
            Kind::StrOrRefList,
            "Groupes de sécurité",
            "Security groups",
        ),
        kw("subnet_id", Kind::StrOrRef, "Sous-réseau", "Subnet"),
        kw(
            "availability_zone",
            Kind::StrOrRef,
            "Zone de disponibilité",
            "Availability zone",
        ),
        kw(
            "associate_public_ip_address",
            Kind::Bool,
            "Adresse IPv4 publique",
            "Public IPv4 address",
        ),
        kw(
            "user_data",
            Kind::UserData,
            "Script de démarrage (user data)",
            "Start-up script (user data)",
        ),
        kw(
            "user_data_base64",
            Kind::UserData,
            "Script de démarrage déjà en base64 (user data)",
            "Start-up script already in base64 (user data)",
        ),
        kw(
            "user_data_replace_on_change",
            Kind::Bool,
            "Remplacer l'instance quand le script change",
            "Replace the instance when the script changes",
        ),
        kw(
            "root_block_device",
            Kind::Block(&ROOT_BLOCK_DEVICE),
            "Volume racine",
            "Root volume",
        ),
        kw(
            "ebs_block_device",
            Kind::Blocks(&EBS_BLOCK_DEVICE),
            "Volumes EBS supplémentaires",
            "Extra EBS volumes",
        ),
        kw(
            "metadata_options",
            Kind::Block(&METADATA_OPTIONS),
            "Service de métadonnées (IMDS)",
            "Metadata service (IMDS)",
        ),
        kw(
            "monitoring",
            Kind::Bool,
            "Supervision détaillée (1 min)",
            "Detailed monitoring (1 min)",
        ),
        kw("ebs_optimized", Kind::Bool, "Optimisée pour EBS", "EBS-optimized"),
        TAGS,
    ],
};

/// `ebs_volume.EbsVolume`.
pub static EBS_VOLUME: Class = Class {
    kind: ResourceKind::EbsVolume,
    class: "EbsVolume",
    module: "cdktf_cdktf_provider_aws.ebs_volume",
    kwargs: &[
        required(
            "availability_zone",
            Kind::StrOrRef,
            "Zone de disponibilité",
            "Availability zone",
        ),
        kw("size", Kind::Number, "Taille (Gio)", "Size (GiB)"),
        kw("type", Kind::Str, "Type de volume", "Volume type"),
        kw("iops", Kind::Number, "IOPS", "IOPS"),
        kw("throughput", Kind::Number, "Débit (Mio/s)", "Throughput (MiB/s)"),
        kw("encrypted", Kind::Bool, "Chiffré", "Encrypted"),
        kw("snapshot_id", Kind::StrOrRef, "Snapshot source", "Source snapshot"),
        TAGS,
    ],
};

/// `volume_attachment.VolumeAttachment`.
pub static VOLUME_ATTACHMENT: Class = Class {
    kind: ResourceKind::VolumeAttachment,
    class: "VolumeAttachment",
    module: "cdktf_cdktf_provider_aws.volume_attachment",
    kwargs: &[
        required("device_name", Kind::Str, "Nom du périphérique", "Device name"),
        required("volume_id", Kind::StrOrRef, "Volume", "Volume"),
        required("instance_id", Kind::StrOrRef, "Instance", "Instance"),
    ],
};

/// `ebs_snapshot.EbsSnapshot`.
pub static EBS_SNAPSHOT: Class = Class {
    kind: ResourceKind::EbsSnapshot,
    class: "EbsSnapshot",
    module: "cdktf_cdktf_provider_aws.ebs_snapshot",
    kwargs: &[
        required("volume_id", Kind::StrOrRef, "Volume", "Volume"),
        kw("description", Kind::Str, "Description", "Description"),
        TAGS,
    ],
};

/// `cdktf.TerraformOutput`.
pub static TERRAFORM_OUTPUT: Class = Class {
    kind: ResourceKind::TerraformOutput,
    class: "TerraformOutput",
    module: "cdktf",
    kwargs: &[
        required("value", Kind::OutputValue, "Valeur", "Value"),
        kw("description", Kind::Str, "Description", "Description"),
        kw("sensitive", Kind::Bool, "Valeur masquée", "Hidden value"),
    ],
};

/// Every class, in the order the course introduces them (that of [`ResourceKind::ALL`]).
pub static CLASSES: [&Class; 9] = [
    &AWS_PROVIDER,
    &DATA_AWS_AMI,
    &SECURITY_GROUP,
    &KEY_PAIR,
    &INSTANCE,
    &EBS_VOLUME,
    &VOLUME_ATTACHMENT,
    &EBS_SNAPSHOT,
    &TERRAFORM_OUTPUT,
];

/// The description of `kind`'s class.
pub fn class(kind: ResourceKind) -> &'static Class {
    match kind {
        ResourceKind::AwsProvider => &AWS_PROVIDER,
        ResourceKind::DataAwsAmi => &DATA_AWS_AMI,
        ResourceKind::SecurityGroup => &SECURITY_GROUP,
        ResourceKind::KeyPair => &KEY_PAIR,
        ResourceKind::Instance => &INSTANCE,
        ResourceKind::EbsVolume => &EBS_VOLUME,
        ResourceKind::VolumeAttachment => &VOLUME_ATTACHMENT,
        ResourceKind::EbsSnapshot => &EBS_SNAPSHOT,
        ResourceKind::TerraformOutput => &TERRAFORM_OUTPUT,
    }
}

/// The class whose Python name is `name` (`"Instance"`).
pub fn class_named(name: &str) -> Option<&'static Class> {
    CLASSES.iter().copied().find(|c| c.class == name)
}

/// The nested block class named `name` (`"SecurityGroupIngress"`), with the class and kwarg
/// that hold it.
pub fn block_named(name: &str) -> Option<(&'static Class, &'static Kwarg, &'static Block)> {
    CLASSES.iter().copied().find_map(|c| {
        c.kwargs.iter().find_map(|k| match k.kind {
            Kind::Block(b) | Kind::Blocks(b) | Kind::DefaultTags(b) if b.class == name => Some((c, k, b)),
            _ => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Resource;
    use serde_json::{json, Map, Value};

    /// A document value of `kind`, as the model's serde shape holds it.
    fn sample(kind: Kind) -> Value {
        match kind {
            Kind::Str | Kind::StrOrRef => json!("x"),
            Kind::Number => json!(1),
            Kind::Bool => json!(true),
            Kind::StrList | Kind::StrOrRefList => json!(["x"]),
            Kind::Tags | Kind::DefaultTags(_) => json!({"k": "v"}),
            Kind::UserData => json!({"script": "#!/bin/sh\n"}),
            Kind::OutputValue => json!("x"),
            Kind::Block(b) => Value::Object(every_kwarg(b.kwargs)),
            Kind::Blocks(b) => json!([Value::Object(every_kwarg(b.kwargs))]),
        }
    }

    fn every_kwarg(kwargs: &[Kwarg]) -> Map<String, Value> {
        kwargs.iter().map(|k| (k.key.to_owned(), sample(k.kind))).collect()
    }

    /// The table and the model agree: a document with every kwarg of the table loads (the
    /// model has each key, with the kind the table says), and serializes back with the same
    /// keys (the model has no field the table lacks).
    #[test]
    fn every_class_of_the_table_matches_the_model() {
        for c in CLASSES {
            let mut fields = every_kwarg(c.kwargs);
            fields.insert("id".into(), json!("x"));
            let doc = json!({ c.class: Value::Object(fields.clone()) });
            let resource: Resource = match serde_json::from_value(doc) {
                Ok(r) => r,
                Err(e) => panic!("{}: the model refuses the table's kwargs: {e}", c.class),
            };
            assert_eq!(resource.kind(), c.kind);
            let back = serde_json::to_value(&resource).unwrap_or_default();
            let back = back
                .get(c.class)
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            let mut keys: Vec<&String> = back.keys().collect();
            keys.sort();
            let mut expected: Vec<&String> = fields.keys().collect();
            expected.sort();
            assert_eq!(keys, expected, "{}", c.class);
            assert_eq!(class(c.kind).class, c.class);
            assert_eq!(c.kind.class_name(), c.class);
            assert_eq!(c.kind.python_module(), c.module);
        }
    }

    #[test]
    fn jsii_names_are_camel_case() {
        let names: Vec<String> = INGRESS.kwargs.iter().map(Kwarg::jsii_name).collect();
        assert_eq!(
            names,
            [
                "fromPort",
                "toPort",
                "protocol",
                "cidrBlocks",
                "ipv6CidrBlocks",
                "prefixListIds",
                "securityGroups",
                "selfAttribute",
                "description"
            ]
        );
        assert_eq!(EBS_BLOCK_DEVICE.kwargs[0].jsii_name(), "deviceName");
    }

    #[test]
    fn blocks_are_found_by_name() {
        let (c, k, b) = block_named("SecurityGroupEgress").unwrap_or_else(|| panic!("not found"));
        assert_eq!(
            (c.class, k.python, b.null_when_unset),
            ("SecurityGroup", "egress", true)
        );
        assert_eq!(
            block_named("InstanceRootBlockDevice").map(|(_, k, _)| k.key),
            Some("root_block_device")
        );
        assert!(block_named("Nope").is_none());
        assert_eq!(class_named("EbsVolume").map(|c| c.kind), Some(ResourceKind::EbsVolume));
        assert_eq!(INGRESS.kwarg("self_attribute").map(|k| k.key), Some("self"));
    }
}
