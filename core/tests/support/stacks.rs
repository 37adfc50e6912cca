//! Random stack documents: one proptest strategy over the whole model, hostile strings
//! included, shared by `core/tests/generated.rs` (never-panic and formatting properties) and
//! `core/examples/gen_stacks.rs` (the documents `scripts/differential.sh` runs through the
//! real cdktf).
//!
//! [`stack`] builds a stack in two steps: a skeleton (the stack's name and class, then each
//! resource's kind, construct id and Python variable), then every resource's kwargs, whose
//! references may only name constructs the skeleton holds. In [`Mode::Valid`] the stack is one
//! our `synth` accepts, by construction: ids are unique once sanitized and never ones cdktf
//! refuses, references name earlier constructs (as Python declares them in order) of a
//! referenceable kind by one of their attributes, there is an `AwsProvider`, scripts passed
//! to `Fn.base64encode` have their `"` escaped, no string holds
//! what cdktf takes for its own tokens (see `SynthError::CdktfToken`), an output's map
//! with a key `length` gives it a value JavaScript takes for an array length (see
//! `SynthError::ArrayLength`). In [`Mode::Any`]
//! none of that holds: references may dangle or point forward, numbers take any finite value, ids
//! repeat.
//!
//! The values are what breaks naive writers: quotes, backslashes, tabs, `${`, `%{`, `$${`,
//! non-ASCII, emoji and other astral-plane characters, U+2028, NUL and other controls, very
//! long strings, empty strings, tag keys that are array indices for JavaScript (`"10"`,
//! `"2"`) or almost (`"01"`), names of `Object.prototype` properties (`constructor`,
//! `__proto__`), cdktf's own token markers; numbers at the edges; empty lists and maps;
//! construct ids longer than 255 characters, colliding once cdktf strips them (`"a b"` and
//! `"ab"`), with `/`, accents, or a digit first.

// Each test crate that includes this file uses part of it.
#![allow(dead_code)]

use std::collections::HashSet;
use std::sync::Arc;

use ec2_playground_core::attributes::referenceable_attributes;
use ec2_playground_core::logical_id::{check_construct_id, logical_id, sanitize_id, OBJECT_PROTOTYPE_PROPERTIES};
use ec2_playground_core::synth::expression::has_unescaped_double_quotes;
use ec2_playground_core::{
    AmiFilter, AwsProvider, DataAwsAmi, EbsBlockDevice, EbsSnapshot, EbsVolume, Instance, JsNumber, KeyPair,
    MetadataOptions, OutputValue, Reference, Resource, ResourceKind, RootBlockDevice, SecurityGroup, SecurityGroupRule,
    Stack, StrValue, TerraformOutput, UserData, UserDataEncoding, UserDataLocation, VolumeAttachment,
};
use indexmap::IndexMap;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::strategy::{BoxedStrategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// What the generated stacks must satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Stacks our `synth` accepts (see the module documentation).
    Valid,
    /// Anything the document format can hold.
    Any,
}

/// `Number.MAX_SAFE_INTEGER`: the largest integer cdktf (JavaScript) writes exactly.
pub const MAX_SAFE: i64 = (1 << 53) - 1;

/// Strings that break naive writers (and a few that break naive JavaScript).
pub const HOSTILE: &[&str] = &[
    "",
    "web",
    "App SG",
    "wéb 2",
    "it's",
    "say \"hi\"",
    "\"",
    "\"\"\"",
    "'\"'",
    "back\\slash",
    "\\",
    "\\\"escaped\\\"",
    "\\\\\"",
    "line\nbreak",
    "\n",
    "cr\r\n",
    "tab\t",
    "nul\0",
    "\u{1}\u{1f}",
    "\u{7f}\u{85}",
    "\u{2028}\u{2029}\u{feff}",
    "\u{202e}rtl",
    "😀🎉",
    "𝄞 \u{10ffff} \u{e000}",
    "${HOME}",
    "${",
    "}",
    "${a${b}}",
    "%{if x}",
    "%{",
    "$${x}",
    "%%{y}",
    "$",
    "</svg><script>",
    "&amp;<>",
    "日本語のテキスト",
    "10",
    "2",
    "01",
    "-1",
    "1e5",
    "-1.8881545897087626e+289",
    "constructor",
    "__proto__",
    "toString",
    "${TfToken[TOKEN.1]}",
    "#{TfToken[TOKEN.1]}",
    "&{TfToken[TOKEN.1]}",
    "String Map Token Value",
    "x",
];

/// Construct ids: colliding once stripped, array indices, `Object.prototype` names,
/// separators, nothing left once stripped.
pub const HOSTILE_IDS: &[&str] = &[
    "web",
    "web_sg",
    "App SG",
    "a b",
    "ab",
    "a-b",
    "a_b",
    "a/b",
    "a--b",
    "a\nb",
    "/",
    "0",
    "1",
    "2",
    "10",
    "01",
    "4294967294",
    "4294967295",
    "-1",
    "1e5",
    "9lives",
    "été",
    "wéb 2",
    "😀",
    "!!!",
    "???",
    "Resource",
    "default",
    "DEFAULT",
    "Default ",
    "backend ",
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "__proto__!",
    "constructor!",
    "${x}",
    "%{y}",
    "${TfToken[TOKEN.1]}",
    "a\tb",
    "a\0b",
    "\u{2028}",
    " ",
    "-",
    "_",
    "'",
    "\"",
    "\\",
];

/// Stack names: the README's rules (no whitespace, no glob characters) leave much room.
pub const HOSTILE_STACK_NAMES: &[&str] = &[
    "ec2-lab",
    "lab",
    "été",
    "😀",
    "a/b",
    ".",
    "..",
    "-",
    "10",
    "constructor",
    "__proto__",
    "a\0b",
    "a\u{1}b",
    "a\\b",
    "Default",
    "backend",
    "${x}",
    "%x",
    "'\"",
];

/// Python names the learner might give a variable or a class.
const HOSTILE_NAMES: &[&str] = &[
    "class",
    "self",
    "app",
    "id",
    "sg",
    "inst",
    "None",
    "print",
    "type",
    "Fn",
    "base64",
    "USER_DATA",
    "USER_DATA_2",
    "x y",
    "2x",
    "é",
    "",
    "MyStack",
    "scope",
    "Construct",
    "_",
    "Instance",
    "SecurityGroup",
    "SecurityGroupIngress",
    "SecurityGroupEgress",
    "AwsProvider",
    "AwsProviderDefaultTags",
    "DataAwsAmi",
    "DataAwsAmiFilter",
    "EbsVolume",
    "KeyPair",
    "VolumeAttachment",
    "EbsSnapshot",
    "InstanceRootBlockDevice",
    "InstanceEbsBlockDevice",
    "InstanceMetadataOptions",
    "__boot",
    "__class__",
    "__builtins__",
    "__name__",
];

/// Construct ids that give the same logical id (cdktf keeps `A-Z a-z 0-9 _ -`), some of
/// them array indices, which JavaScript objects list first.
const COLLIDING_IDS: &[&str] = &[
    "a b",
    "ab",
    "a.b",
    "2",
    "2 ",
    "2!",
    "10",
    "10!",
    "1 0",
    "0",
    "0 ",
    "4294967294",
    "4294967294 ",
    "4294967295",
    "4294967295 ",
    "web",
    "wéb",
    "w eb",
];

/// Tag keys: array indices sort apart in JavaScript objects, prototype names vanish there.
const HOSTILE_KEYS: &[&str] = &[
    "Name",
    "Env",
    "10",
    "2",
    "01",
    "0",
    "",
    "a b",
    "é",
    "😀",
    "\u{ff01}",
    "${x}",
    "constructor",
    "__proto__",
    "toString",
    "#{TfToken[TOKEN.1]}",
    "fqn",
    "_children",
    "_metadata",
    "length",
    "resolve",
    "toJSON",
    "withinArray",
    "interpolationAsList",
];

/// A hostile string.
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(HOSTILE).prop_map(str::to_owned),
        3 => "[a-zA-Z0-9 _./-]{0,30}",
        2 => any::<String>().prop_map(|s| s.chars().take(40).collect()),
        1 => "[a-z]{60,120}",
        1 => (1usize..300).prop_map(|n| "é😀\"\\$\n".repeat(n)),
        2 => prop::collection::vec(select(HOSTILE), 1..5).prop_map(|v| v.concat()),
    ]
    .boxed()
}

fn construct_id() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[a-z][a-z0-9_]{0,12}",
        4 => select(HOSTILE_IDS).prop_map(str::to_owned),
        3 => select(COLLIDING_IDS).prop_map(str::to_owned),
        1 => text(),
        1 => "[a-zA-Z0-9 ]{250,300}",
        1 => (select(HOSTILE_IDS), select(HOSTILE_IDS)).prop_map(|(a, b)| format!("{a}{b}")),
    ]
    .boxed()
}

fn stack_name() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-z][a-z0-9-]{0,15}",
        3 => select(HOSTILE_STACK_NAMES).prop_map(str::to_owned),
        1 => text(),
    ]
    .boxed()
}

fn python_name() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-z_][a-z0-9_]{0,10}",
        2 => select(HOSTILE_NAMES).prop_map(str::to_owned),
        1 => text(),
    ]
    .boxed()
}

fn tag_key() -> BoxedStrategy<String> {
    prop_oneof![3 => select(HOSTILE_KEYS).prop_map(str::to_owned), 2 => text()].boxed()
}

/// A number: the edges of ports, of 32-bit and of JavaScript's exact integers, and doubles
/// JavaScript writes its own way (`1e+22`, `1e-7`, `0` for `-0`, integers past 2^53 rounded).
fn number(mode: Mode) -> BoxedStrategy<JsNumber> {
    let floats = vec![
        1.5,
        -0.0,
        0.1 + 0.2,
        1e21,
        1e22,
        1e20,
        1e-7,
        1.23e-7,
        0.000001,
        9_007_199_254_740_993_u64 as f64,
        18_446_744_073_709_551_616.0,
        1e300,
        f64::MAX,
        5e-324,
        -2.5,
    ];
    let floats: Vec<JsNumber> = floats.into_iter().filter_map(JsNumber::new).collect();
    let s = prop_oneof![
        6 => integer(mode).prop_map(JsNumber::from),
        1 => select(floats),
        1 => (-1e6f64..1e6).prop_map(|v| JsNumber::new(v).unwrap_or(JsNumber::from(0))),
    ];
    match mode {
        Mode::Valid => s.boxed(),
        Mode::Any => prop_oneof![
            4 => s,
            1 => any::<f64>().prop_map(|v| JsNumber::new(v).unwrap_or(JsNumber::from(1)))
        ]
        .boxed(),
    }
}

/// An integer: the edges of ports, of 32-bit and of JavaScript's exact integers.
fn integer(mode: Mode) -> BoxedStrategy<i64> {
    let edges = vec![
        0,
        1,
        -1,
        22,
        80,
        443,
        65535,
        65536,
        -65536,
        i64::from(i32::MAX),
        i64::from(i32::MAX) + 1,
        1 << 32,
        MAX_SAFE,
        -MAX_SAFE,
        1_000_000_000_000_000,
        -123_456_789,
    ];
    let s = prop_oneof![
        3 => select(edges),
        3 => -100_000i64..100_000,
        1 => -MAX_SAFE..=MAX_SAFE,
    ];
    match mode {
        Mode::Valid => s.boxed(),
        Mode::Any => prop_oneof![4 => s, 1 => any::<i64>()].boxed(),
    }
}

fn opt<T: std::fmt::Debug + Clone + 'static>(s: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Option<T>> {
    prop::option::of(s).boxed()
}

fn strings() -> BoxedStrategy<Vec<String>> {
    prop::collection::vec(text(), 0..4).boxed()
}

fn tags() -> BoxedStrategy<IndexMap<String, String>> {
    prop::collection::vec((tag_key(), text()), 0..5)
        .prop_map(|v| v.into_iter().collect())
        .boxed()
}

/// A construct a reference may name.
#[derive(Debug, Clone)]
struct Target {
    id: String,
    kind: ResourceKind,
}

type Targets = Arc<Vec<Target>>;

/// A reference to one of `targets` by one of its attributes (any name for a kind without
/// attributes, as [`Mode::Any`] offers), or `None` when there is none.
fn reference(targets: Targets) -> BoxedStrategy<Option<Reference>> {
    (any::<Index>(), any::<Index>())
        .prop_map(move |(t, a)| {
            if targets.is_empty() {
                return None;
            }
            let target = &targets[t.index(targets.len())];
            let attrs = referenceable_attributes(target.kind);
            let attr = if attrs.is_empty() {
                "id"
            } else {
                attrs[a.index(attrs.len())]
            };
            Some(Reference::new(target.id.clone(), attr))
        })
        .boxed()
}

/// A literal, or a reference to one of `targets` (a literal when there is none).
fn str_value(targets: Targets) -> BoxedStrategy<StrValue> {
    prop_oneof![
        text().prop_map(StrValue::Literal),
        (reference(targets), text()).prop_map(|(r, s)| r.map(StrValue::Ref).unwrap_or(StrValue::Literal(s))),
    ]
    .boxed()
}

/// Escapes every `"` that cdktf's `Fn.base64encode` would find unescaped.
fn escape_quotes(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    let mut backslashes = 0usize;
    for c in script.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' if backslashes % 2 == 0 => {
                out.push('\\');
                backslashes = 0;
            }
            _ => backslashes = 0,
        }
        out.push(c);
    }
    out
}

fn user_data(mode: Mode) -> BoxedStrategy<UserData> {
    (
        text(),
        select(vec![
            UserDataEncoding::Plain,
            UserDataEncoding::Base64,
            UserDataEncoding::FnBase64encode,
        ]),
        select(vec![
            UserDataLocation::Constant,
            UserDataLocation::Module,
            UserDataLocation::Inline,
        ]),
        opt(prop_oneof![
            select(vec!["USER_DATA", "BOOT", "class", "2x", "user data", "é", "app", "Fn"]).prop_map(str::to_owned),
            python_name(),
        ]),
    )
        .prop_map(move |(script, encoding, location, name)| {
            let script = if mode == Mode::Valid && encoding == UserDataEncoding::FnBase64encode {
                escape_quotes(&script)
            } else {
                script
            };
            UserData {
                script,
                encoding,
                location,
                name,
            }
        })
        .boxed()
}

fn rule(mode: Mode, targets: Targets) -> BoxedStrategy<SecurityGroupRule> {
    (
        opt(number(mode)),
        opt(number(mode)),
        opt(prop_oneof![
            select(vec!["tcp", "udp", "icmp", "icmpv6", "-1", "6", "all", "TCP"]).prop_map(str::to_owned),
            text()
        ]),
        opt(prop::collection::vec(
            prop_oneof![
                select(vec!["0.0.0.0/0", "10.0.0.0/8", "300.1.1.1/99"]).prop_map(str::to_owned),
                text()
            ],
            0..3,
        )),
        opt(prop::collection::vec(
            select(vec!["::/0", "2001:db8::/32", ""]).prop_map(str::to_owned),
            0..3,
        )),
        opt(strings()),
        opt(prop::collection::vec(str_value(targets), 0..3)),
        opt(any::<bool>()),
        opt(text()),
    )
        .prop_map(
            |(
                from_port,
                to_port,
                protocol,
                cidr_blocks,
                ipv6_cidr_blocks,
                prefix_list_ids,
                security_groups,
                self_attribute,
                description,
            )| {
                SecurityGroupRule {
                    from_port,
                    to_port,
                    protocol,
                    cidr_blocks,
                    ipv6_cidr_blocks,
                    prefix_list_ids,
                    security_groups,
                    self_attribute,
                    description,
                }
            },
        )
        .boxed()
}

fn provider(id: String, var: Option<String>) -> BoxedStrategy<Resource> {
    (
        opt(prop_oneof![
            select(vec!["eu-west-3", "us-east-1", "mars-north-1"]).prop_map(str::to_owned),
            text()
        ]),
        opt(text()),
        opt(tags()),
    )
        .prop_map(move |(region, profile, default_tags)| {
            Resource::AwsProvider(AwsProvider {
                id: id.clone(),
                var: var.clone(),
                region,
                profile,
                default_tags,
            })
        })
        .boxed()
}

fn data_aws_ami(id: String, var: Option<String>) -> BoxedStrategy<Resource> {
    (
        opt(any::<bool>()),
        opt(strings()),
        opt(prop::collection::vec(
            (text(), strings()).prop_map(|(name, values)| AmiFilter { name, values }),
            0..3,
        )),
        opt(text()),
    )
        .prop_map(move |(most_recent, owners, filter, name_regex)| {
            Resource::DataAwsAmi(DataAwsAmi {
                id: id.clone(),
                var: var.clone(),
                most_recent,
                owners,
                filter,
                name_regex,
            })
        })
        .boxed()
}

fn security_group(mode: Mode, id: String, var: Option<String>, targets: Targets) -> BoxedStrategy<Resource> {
    (
        opt(text()),
        opt(text()),
        opt(text()),
        opt(prop::collection::vec(rule(mode, targets.clone()), 0..3)),
        opt(prop::collection::vec(rule(mode, targets), 0..3)),
        opt(tags()),
    )
        .prop_map(move |(name, description, vpc_id, ingress, egress, tags)| {
            Resource::SecurityGroup(SecurityGroup {
                id: id.clone(),
                var: var.clone(),
                name,
                description,
                vpc_id,
                ingress,
                egress,
                tags,
            })
        })
        .boxed()
}

fn key_pair(id: String, var: Option<String>) -> BoxedStrategy<Resource> {
    (opt(text()), text(), opt(tags()))
        .prop_map(move |(key_name, public_key, tags)| {
            Resource::KeyPair(KeyPair {
                id: id.clone(),
                var: var.clone(),
                key_name,
                public_key,
                tags,
            })
        })
        .boxed()
}

fn root_block_device(mode: Mode) -> BoxedStrategy<RootBlockDevice> {
    (
        opt(number(mode)),
        opt(text()),
        opt(number(mode)),
        opt(number(mode)),
        opt(any::<bool>()),
        opt(any::<bool>()),
    )
        .prop_map(
            |(volume_size, volume_type, iops, throughput, encrypted, delete_on_termination)| RootBlockDevice {
                volume_size,
                volume_type,
                iops,
                throughput,
                encrypted,
                delete_on_termination,
            },
        )
        .boxed()
}

fn ebs_block_device(mode: Mode) -> BoxedStrategy<EbsBlockDevice> {
    (
        text(),
        opt(number(mode)),
        opt(text()),
        opt(number(mode)),
        opt(number(mode)),
        opt(any::<bool>()),
        opt(any::<bool>()),
        opt(text()),
    )
        .prop_map(
            |(
                device_name,
                volume_size,
                volume_type,
                iops,
                throughput,
                encrypted,
                delete_on_termination,
                snapshot_id,
            )| {
                EbsBlockDevice {
                    device_name,
                    volume_size,
                    volume_type,
                    iops,
                    throughput,
                    encrypted,
                    delete_on_termination,
                    snapshot_id,
                }
            },
        )
        .boxed()
}

fn metadata_options(mode: Mode) -> BoxedStrategy<MetadataOptions> {
    (opt(text()), opt(text()), opt(number(mode)), opt(text()))
        .prop_map(
            |(http_endpoint, http_tokens, http_put_response_hop_limit, instance_metadata_tags)| MetadataOptions {
                http_endpoint,
                http_tokens,
                http_put_response_hop_limit,
                instance_metadata_tags,
            },
        )
        .boxed()
}

fn instance(mode: Mode, id: String, var: Option<String>, targets: Targets) -> BoxedStrategy<Resource> {
    (
        (
            opt(str_value(targets.clone())),
            opt(prop_oneof![
                select(vec!["t2.micro", "t3.small", "x9.huge"]).prop_map(str::to_owned),
                text()
            ]),
            opt(str_value(targets.clone())),
            opt(prop::collection::vec(str_value(targets.clone()), 0..3)),
            opt(str_value(targets.clone())),
            opt(str_value(targets)),
            opt(any::<bool>()),
        ),
        (
            opt(user_data(mode)),
            opt(user_data(mode)),
            opt(any::<bool>()),
            opt(root_block_device(mode)),
            opt(prop::collection::vec(ebs_block_device(mode), 0..3)),
            opt(metadata_options(mode)),
            opt(any::<bool>()),
            opt(any::<bool>()),
            opt(tags()),
        ),
    )
        .prop_map(
            move |(
                (
                    ami,
                    instance_type,
                    key_name,
                    vpc_security_group_ids,
                    subnet_id,
                    availability_zone,
                    associate_public_ip_address,
                ),
                (
                    user_data,
                    user_data_base64,
                    user_data_replace_on_change,
                    root_block_device,
                    ebs_block_device,
                    metadata_options,
                    monitoring,
                    ebs_optimized,
                    tags,
                ),
            )| {
                Resource::Instance(Instance {
                    id: id.clone(),
                    var: var.clone(),
                    ami,
                    instance_type,
                    key_name,
                    vpc_security_group_ids,
                    subnet_id,
                    availability_zone,
                    associate_public_ip_address,
                    user_data,
                    user_data_base64,
                    user_data_replace_on_change,
                    root_block_device,
                    ebs_block_device,
                    metadata_options,
                    monitoring,
                    ebs_optimized,
                    tags,
                })
            },
        )
        .boxed()
}

fn ebs_volume(mode: Mode, id: String, var: Option<String>, targets: Targets) -> BoxedStrategy<Resource> {
    (
        str_value(targets.clone()),
        opt(number(mode)),
        opt(prop_oneof![
            select(vec!["gp3", "gp2", "io2", "st1"]).prop_map(str::to_owned),
            text()
        ]),
        opt(number(mode)),
        opt(number(mode)),
        opt(any::<bool>()),
        opt(str_value(targets)),
        opt(tags()),
    )
        .prop_map(
            move |(availability_zone, size, volume_type, iops, throughput, encrypted, snapshot_id, tags)| {
                Resource::EbsVolume(EbsVolume {
                    id: id.clone(),
                    var: var.clone(),
                    availability_zone,
                    size,
                    volume_type,
                    iops,
                    throughput,
                    encrypted,
                    snapshot_id,
                    tags,
                })
            },
        )
        .boxed()
}

fn volume_attachment(id: String, var: Option<String>, targets: Targets) -> BoxedStrategy<Resource> {
    (text(), str_value(targets.clone()), str_value(targets))
        .prop_map(move |(device_name, volume_id, instance_id)| {
            Resource::VolumeAttachment(VolumeAttachment {
                id: id.clone(),
                var: var.clone(),
                device_name,
                volume_id,
                instance_id,
            })
        })
        .boxed()
}

fn ebs_snapshot(id: String, var: Option<String>, targets: Targets) -> BoxedStrategy<Resource> {
    (str_value(targets), opt(text()), opt(tags()))
        .prop_map(move |(volume_id, description, tags)| {
            Resource::EbsSnapshot(EbsSnapshot {
                id: id.clone(),
                var: var.clone(),
                volume_id,
                description,
                tags,
            })
        })
        .boxed()
}

/// An output value: scalars, references, and lists and maps of them, empty ones included.
fn output_value(mode: Mode, targets: Targets) -> BoxedStrategy<OutputValue> {
    let leaf = prop_oneof![
        text().prop_map(OutputValue::Str),
        number(mode).prop_map(OutputValue::Number),
        any::<bool>().prop_map(OutputValue::Bool),
        (reference(targets), text()).prop_map(|(r, s)| r.map(OutputValue::Ref).unwrap_or(OutputValue::Str(s))),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(OutputValue::List),
            prop::collection::vec((tag_key(), inner), 0..4)
                .prop_map(|v| OutputValue::Map(v.into_iter().collect::<IndexMap<_, _>>())),
        ]
    })
    .boxed()
}

fn output(mode: Mode, id: String, var: Option<String>, targets: Targets) -> BoxedStrategy<Resource> {
    (output_value(mode, targets), opt(text()), opt(any::<bool>()))
        .prop_map(move |(value, description, sensitive)| {
            Resource::TerraformOutput(TerraformOutput {
                id: id.clone(),
                var: var.clone(),
                value,
                description,
                sensitive,
            })
        })
        .boxed()
}

fn kind() -> BoxedStrategy<ResourceKind> {
    prop_oneof![
        1 => Just(ResourceKind::AwsProvider),
        1 => Just(ResourceKind::DataAwsAmi),
        2 => Just(ResourceKind::SecurityGroup),
        1 => Just(ResourceKind::KeyPair),
        3 => Just(ResourceKind::Instance),
        2 => Just(ResourceKind::EbsVolume),
        1 => Just(ResourceKind::VolumeAttachment),
        1 => Just(ResourceKind::EbsSnapshot),
        2 => Just(ResourceKind::TerraformOutput),
    ]
    .boxed()
}

/// The stack before its kwargs: names, then each construct's kind, id and variable.
#[derive(Debug, Clone)]
struct Skeleton {
    name: String,
    class_name: String,
    entries: Vec<(ResourceKind, String, Option<String>)>,
}

/// True when `id` is one our synth refuses as a construct id (see `SynthError`).
fn refused_id(id: &str) -> bool {
    check_construct_id(id).is_err() || logical_id(id).is_err() || sanitize_id(id) == "backend"
}

/// A stack name cdktf takes: no JavaScript whitespace, no glob character, no NUL, not
/// empty, not a name of `Object.prototype`, at most 255 bytes once sanitized.
fn valid_stack_name(name: &str) -> String {
    let mut name: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{FEFF}' | '*' | '?' | '[' | ']' | '{' | '}' | '!' | '\0'))
        .collect();
    while sanitize_id(&name).len() > 255 {
        name.pop();
    }
    if name.is_empty() || OBJECT_PROTOTYPE_PROPERTIES.contains(&sanitize_id(&name).as_str()) {
        "stack".to_owned()
    } else {
        name
    }
}

/// `text` without what cdktf or jsii would not carry as written (synth refuses it): token
/// markers, the placeholders of `Token.asMap`, the key `__proto__`.
fn tame_text(text: &str) -> String {
    let text = text.replace("{TfToken[", "{TfTokn[").replace("__proto__", "__proto_");
    if text == "String Map Token Value" || text == "Any Map Token Value" {
        format!("{text}!")
    } else {
        text
    }
}

/// True when JavaScript takes `value` (an output value of the stack document) for an array
/// length: cdktf's `deepMerge` sets it as one when an output's map with a key `length`
/// merges into an earlier output's list of the same logical id, and throws
/// `RangeError: Invalid array length` for anything else (`SynthError::ArrayLength`).
fn is_array_length(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Bool(_) => true,
        Value::Number(n) => n.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)),
        Value::String(s) => s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

fn tame_json(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        // An output's map (`{"map": {...}}` in the document): its key `length` gets a value
        // JavaScript takes for an array length.
        Value::Object(mut wrapper)
            if wrapper.len() == 1
                && wrapper
                    .get("map")
                    .and_then(Value::as_object)
                    .and_then(|m| m.get("length"))
                    .is_some_and(|v| !is_array_length(v)) =>
        {
            if let Some(Value::Object(map)) = wrapper.get_mut("map") {
                map.insert("length".to_owned(), Value::Bool(true));
            }
            tame_json(Value::Object(wrapper))
        }
        Value::String(s) => Value::String(tame_text(&s)),
        Value::Number(n) if n.as_i64() == Some(-123_456_789) => Value::from(-123_456_788),
        Value::Array(items) => Value::Array(items.into_iter().map(tame_json).collect()),
        Value::Object(map) => {
            // A map with both keys is what cdktf takes for a construct.
            let construct_like = map.contains_key("_children") && map.contains_key("_metadata");
            Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let k = if construct_like && k == "_metadata" {
                            "_metadata_".to_owned()
                        } else {
                            k
                        };
                        (tame_text(&k), tame_json(v))
                    })
                    .collect(),
            )
        }
        other => other,
    }
}

/// [`tame_text`] on every string and key of the stack, ids and references alike (so they
/// still match), and `Token.NUMBER_MAP_TOKEN_VALUE` moved off by one.
fn tame(stack: Stack) -> Stack {
    serde_json::to_value(&stack)
        .ok()
        .map(tame_json)
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or(stack)
}

/// What makes an id collide with another once cdktf strips it: `"web"` and `"web "`.
const TWIN_MARKS: &[&str] = &[" ", "!", "?", ".", "é", "/", "\n", "😀"];

fn skeleton(mode: Mode) -> BoxedStrategy<Skeleton> {
    (
        stack_name(),
        prop_oneof![3 => Just("MyStack".to_owned()), 1 => python_name()],
        prop::collection::vec((kind(), construct_id(), opt(python_name())), 1..14),
        any::<Index>(),
        prop::collection::vec(
            (
                prop::bool::weighted(0.25),
                any::<Index>(),
                select(TWIN_MARKS),
                any::<bool>(),
            ),
            14,
        ),
    )
        .prop_map(move |(name, class_name, mut entries, provider_at, twins)| {
            // Twins: a construct of the same kind as an earlier one, whose id gives the same
            // logical id, so that cdktf deep-merges the two.
            for (i, (twin, of, mark, before)) in twins.into_iter().enumerate() {
                if twin && i > 0 && i < entries.len() {
                    let (kind, id, _) = entries[of.index(i)].clone();
                    entries[i].0 = kind;
                    entries[i].1 = if before {
                        format!("{mark}{id}")
                    } else {
                        format!("{id}{mark}")
                    };
                }
            }
            if mode == Mode::Any {
                return Skeleton {
                    name,
                    class_name,
                    entries,
                };
            }
            if !entries.iter().any(|(k, _, _)| *k == ResourceKind::AwsProvider) {
                let at = provider_at.index(entries.len() + 1);
                entries.insert(at, (ResourceKind::AwsProvider, "aws".to_owned(), None));
            }
            let mut seen: HashSet<String> = HashSet::new();
            for (i, (_, id, _)) in entries.iter_mut().enumerate() {
                *id = tame_text(id);
                if refused_id(id) {
                    *id = format!("r{i}");
                }
                if seen.contains(&sanitize_id(id)) {
                    id.push_str(&format!("#{i}"));
                }
                seen.insert(sanitize_id(id));
            }
            Skeleton {
                name: valid_stack_name(&name),
                class_name,
                entries,
            }
        })
        .boxed()
}

/// A whole stack (see the module documentation for what [`Mode::Valid`] guarantees).
pub fn stack(mode: Mode) -> BoxedStrategy<Stack> {
    skeleton(mode)
        .prop_flat_map(move |sk| {
            let everything: Vec<Target> = sk
                .entries
                .iter()
                .map(|(kind, id, _)| Target {
                    id: id.clone(),
                    kind: *kind,
                })
                .chain([Target {
                    id: "missing".to_owned(),
                    kind: ResourceKind::Instance,
                }])
                .collect();
            let resources: Vec<BoxedStrategy<Resource>> = sk
                .entries
                .iter()
                .enumerate()
                .map(|(i, (kind, id, var))| {
                    let targets: Targets = Arc::new(match mode {
                        Mode::Any => everything.clone(),
                        Mode::Valid => everything[..i]
                            .iter()
                            .filter(|t| !referenceable_attributes(t.kind).is_empty())
                            .cloned()
                            .collect(),
                    });
                    let (id, var) = (id.clone(), var.clone());
                    match kind {
                        ResourceKind::AwsProvider => provider(id, var),
                        ResourceKind::DataAwsAmi => data_aws_ami(id, var),
                        ResourceKind::SecurityGroup => security_group(mode, id, var, targets),
                        ResourceKind::KeyPair => key_pair(id, var),
                        ResourceKind::Instance => instance(mode, id, var, targets),
                        ResourceKind::EbsVolume => ebs_volume(mode, id, var, targets),
                        ResourceKind::VolumeAttachment => volume_attachment(id, var, targets),
                        ResourceKind::EbsSnapshot => ebs_snapshot(id, var, targets),
                        ResourceKind::TerraformOutput => output(mode, id, var, targets),
                    }
                })
                .collect();
            (Just(sk.name), Just(sk.class_name), resources)
        })
        .prop_map(move |(name, class_name, resources)| {
            let mut stack = Stack::new(name);
            stack.class_name = class_name;
            stack.resources = resources;
            match mode {
                Mode::Valid => tame(stack),
                Mode::Any => stack,
            }
        })
        .boxed()
}

/// The `index`-th stack of the sequence that `seed` determines: the same seed and index
/// always give the same stack, whatever the platform.
pub fn nth_stack(mode: Mode, seed: u64, index: u64) -> Stack {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&index.to_le_bytes());
    key[16..].copy_from_slice(b"ec2-playground-s");
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &key);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    match stack(mode).new_tree(&mut runner) {
        Ok(tree) => tree.current(),
        // The strategy never rejects: no filter, no assumption.
        Err(reason) => panic!("the stack strategy rejected a case: {reason}"),
    }
}

/// True when no `Fn.base64encode` script of `stack` has an unescaped `"`.
pub fn scripts_are_escaped(stack: &Stack) -> bool {
    stack.resources.iter().all(|r| match r {
        Resource::Instance(i) => [&i.user_data, &i.user_data_base64]
            .into_iter()
            .flatten()
            .all(|u| u.encoding != UserDataEncoding::FnBase64encode || !has_unescaped_double_quotes(&u.script)),
        _ => true,
    })
}
