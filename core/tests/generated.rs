//! Generated stacks, hostile strings included: synth, the Python writer and the document
//! format never panic and stay consistent; the Python is what `ruff format` writes and
//! evaluates, in CPython, to the very strings of the stack.

use std::path::PathBuf;
use std::process::Command;

use ec2_playground_core::python::literal::{string_literal, triple_quoted_literal};
use ec2_playground_core::{
    load_stack, main_py, save_stack, synth, AmiFilter, AwsProvider, DataAwsAmi, EbsBlockDevice, EbsSnapshot, EbsVolume,
    Instance, KeyPair, MetadataOptions, OutputValue, Reference, Resource, RootBlockDevice, SecurityGroup,
    SecurityGroupRule, Stack, StrValue, SynthOptions, TerraformOutput, UserData, UserDataEncoding, UserDataLocation,
    VolumeAttachment,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

/// Strings that break naive writers.
const HOSTILE: &[&str] = &[
    "",
    "web",
    "App SG",
    "wéb 2",
    "it's",
    "say \"hi\"",
    "\"\"\"",
    "back\\slash",
    "line\nbreak",
    "cr\r\n",
    "tab\t",
    "nul\0",
    "\u{7f}\u{85}",
    "\u{2028}\u{2029}\u{feff}",
    "😀🎉",
    "${HOME}",
    "%{if x}",
    "$${x}",
    "</svg><script>",
    "&amp;<>",
    "日本語のテキスト",
    "x",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(HOSTILE).prop_map(str::to_owned),
        "[a-zA-Z0-9 _./-]{0,30}",
        any::<String>().prop_map(|s| s.chars().take(40).collect()),
        "[a-z]{60,120}",
    ]
}

fn opt<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn port() -> impl Strategy<Value = i64> {
    prop_oneof![Just(0i64), Just(22), Just(80), Just(443), Just(-1), -70000i64..70000]
}

fn tags() -> impl Strategy<Value = indexmap::IndexMap<String, String>> {
    prop::collection::vec((text(), text()), 0..4).prop_map(|v| v.into_iter().collect())
}

fn strings() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..3)
}

fn user_data() -> impl Strategy<Value = UserData> {
    (
        text(),
        prop::sample::select(vec![
            UserDataEncoding::Plain,
            UserDataEncoding::Base64,
            UserDataEncoding::FnBase64encode,
        ]),
        prop::sample::select(vec![
            UserDataLocation::Constant,
            UserDataLocation::Module,
            UserDataLocation::Inline,
        ]),
        opt(prop::sample::select(vec!["USER_DATA", "BOOT", "class", "2x"])),
    )
        .prop_map(|(script, encoding, location, name)| UserData {
            script,
            encoding,
            location,
            name: name.map(str::to_owned),
        })
}

/// A reference to one of `ids` (or to a missing construct), or a literal.
fn str_value(ids: Vec<String>, attr: &'static str) -> impl Strategy<Value = StrValue> {
    let n = ids.len();
    prop_oneof![
        text().prop_map(StrValue::Literal),
        (0..n.max(1)).prop_map(move |i| StrValue::Ref(Reference::new(
            ids.get(i).cloned().unwrap_or_else(|| "missing".into()),
            attr
        ))),
    ]
}

fn rule(sg_ids: Vec<String>) -> impl Strategy<Value = SecurityGroupRule> {
    (
        opt(port()),
        opt(port()),
        opt(prop::sample::select(vec!["tcp", "udp", "icmp", "-1", "6", "bogus"])),
        opt(prop::collection::vec(
            prop::sample::select(vec!["0.0.0.0/0", "10.0.0.0/8", "300.1.1.1/99"]),
            0..3,
        )),
        opt(prop::collection::vec(
            prop::sample::select(vec!["::/0", "2001:db8::/32"]),
            0..2,
        )),
        opt(strings()),
        opt(prop::collection::vec(str_value(sg_ids, "id"), 0..3)),
        opt(any::<bool>()),
        opt(text()),
    )
        .prop_map(
            |(from_port, to_port, protocol, cidr, v6, pl, sgs, self_attribute, description)| SecurityGroupRule {
                from_port,
                to_port,
                protocol: protocol.map(str::to_owned),
                cidr_blocks: cidr.map(|v| v.into_iter().map(str::to_owned).collect()),
                ipv6_cidr_blocks: v6.map(|v| v.into_iter().map(str::to_owned).collect()),
                prefix_list_ids: pl,
                security_groups: sgs,
                self_attribute,
                description,
            },
        )
}

/// A whole stack: ids are `<hostile text>#<index>`, so they are unique and never
/// `backend` or `Default`.
fn stack() -> impl Strategy<Value = Stack> {
    (
        prop::collection::vec(text(), 22),
        prop::collection::vec(opt(text()), 22),
        0usize..3,
        0usize..4,
        0usize..3,
        0usize..5,
        0usize..4,
    )
        .prop_flat_map(|(names, vars, n_ami, n_sg, n_key, n_inst, n_vol)| {
            let id = move |i: usize| format!("{}#{i}", names[i]);
            let amis: Vec<String> = (1..1 + n_ami).map(id.clone()).collect();
            let sgs: Vec<String> = (4..4 + n_sg).map(id.clone()).collect();
            let keys: Vec<String> = (8..8 + n_key).map(id.clone()).collect();
            let insts: Vec<String> = (11..11 + n_inst).map(id.clone()).collect();
            let vols: Vec<String> = (16..16 + n_vol).map(id.clone()).collect();
            let outputs_id = id(20);
            let vars = vars.clone();
            let var = move |i: usize| vars[i].clone();
            let ami_res = amis
                .iter()
                .enumerate()
                .map(|(k, i)| {
                    let (i, v) = (i.clone(), var(1 + k));
                    (opt(any::<bool>()), opt(strings()), opt(text())).prop_map(move |(mr, owners, re)| {
                        Resource::DataAwsAmi(DataAwsAmi {
                            id: i.clone(),
                            var: v.clone(),
                            most_recent: mr,
                            owners,
                            filter: Some(vec![AmiFilter {
                                name: "name".into(),
                                values: vec!["amzn2-*".into()],
                            }]),
                            name_regex: re,
                        })
                    })
                })
                .collect::<Vec<_>>();
            let sg_res = sgs
                .iter()
                .enumerate()
                .map(|(k, i)| {
                    let (i, v, all) = (i.clone(), var(4 + k), sgs.clone());
                    (
                        opt(text()),
                        opt(text()),
                        opt(prop::collection::vec(rule(all.clone()), 0..3)),
                        opt(prop::collection::vec(rule(all), 0..2)),
                        opt(tags()),
                    )
                        .prop_map(move |(name, description, ingress, egress, tags)| {
                            Resource::SecurityGroup(SecurityGroup {
                                id: i.clone(),
                                var: v.clone(),
                                name,
                                description,
                                vpc_id: None,
                                ingress,
                                egress,
                                tags,
                            })
                        })
                })
                .collect::<Vec<_>>();
            let key_res = keys
                .iter()
                .enumerate()
                .map(|(k, i)| {
                    let (i, v) = (i.clone(), var(8 + k));
                    (opt(text()), text(), opt(tags())).prop_map(move |(key_name, public_key, tags)| {
                        Resource::KeyPair(KeyPair {
                            id: i.clone(),
                            var: v.clone(),
                            key_name,
                            public_key,
                            tags,
                        })
                    })
                })
                .collect::<Vec<_>>();
            let inst_res = insts
                .iter()
                .enumerate()
                .map(|(k, i)| {
                    let (i, v) = (i.clone(), var(11 + k));
                    (
                        (
                            opt(str_value(amis.clone(), "id")),
                            opt(prop::sample::select(vec!["t2.micro", "t3.small", "x9.huge"])),
                            opt(str_value(keys.clone(), "key_name")),
                            opt(prop::collection::vec(str_value(sgs.clone(), "id"), 0..3)),
                            opt(text().prop_map(StrValue::Literal)),
                            opt(any::<bool>()),
                        ),
                        (
                            opt(user_data()),
                            opt(user_data()),
                            opt((opt(0i64..2000), opt(text())).prop_map(|(s, t)| RootBlockDevice {
                                volume_size: s,
                                volume_type: t,
                                encrypted: Some(true),
                                ..Default::default()
                            })),
                            opt(prop::collection::vec(
                                (text(), opt(0i64..500)).prop_map(|(d, s)| EbsBlockDevice {
                                    device_name: d,
                                    volume_size: s,
                                    ..Default::default()
                                }),
                                0..2,
                            )),
                            opt(opt(text()).prop_map(|t| MetadataOptions {
                                http_tokens: t,
                                ..Default::default()
                            })),
                            opt(tags()),
                        ),
                    )
                        .prop_map(
                            move |((ami, it, key, sgs, az, public), (ud, ud64, root, ebs, md, tags))| {
                                Resource::Instance(Instance {
                                    id: i.clone(),
                                    var: v.clone(),
                                    ami,
                                    instance_type: it.map(str::to_owned),
                                    key_name: key,
                                    vpc_security_group_ids: sgs,
                                    subnet_id: None,
                                    availability_zone: az,
                                    associate_public_ip_address: public,
                                    user_data: ud,
                                    user_data_base64: ud64,
                                    user_data_replace_on_change: None,
                                    root_block_device: root,
                                    ebs_block_device: ebs,
                                    metadata_options: md,
                                    monitoring: None,
                                    ebs_optimized: None,
                                    tags,
                                })
                            },
                        )
                })
                .collect::<Vec<_>>();
            let vol_res = vols
                .iter()
                .enumerate()
                .map(|(k, i)| {
                    let (i, v) = (i.clone(), var(16 + k));
                    (
                        str_value(insts.clone(), "availability_zone"),
                        opt(0i64..20000),
                        opt(text()),
                        opt(tags()),
                    )
                        .prop_map(move |(az, size, t, tags)| {
                            Resource::EbsVolume(EbsVolume {
                                id: i.clone(),
                                var: v.clone(),
                                availability_zone: az,
                                size,
                                volume_type: t,
                                tags,
                                ..Default::default()
                            })
                        })
                })
                .collect::<Vec<_>>();
            let extra = (
                str_value(vols.clone(), "id"),
                str_value(insts.clone(), "id"),
                text(),
                prop::collection::vec(str_value(insts.clone(), "public_ip"), 0..3),
                opt(any::<bool>()),
                (text(), any::<i64>().prop_map(|n| n % 100_000)),
            )
                .prop_map(move |(vol, inst, dev, ips, sensitive, (k, n))| {
                    vec![
                        Resource::VolumeAttachment(VolumeAttachment {
                            id: "att#21".into(),
                            var: None,
                            device_name: dev,
                            volume_id: vol.clone(),
                            instance_id: inst,
                        }),
                        Resource::EbsSnapshot(EbsSnapshot {
                            id: "snap#22".into(),
                            var: None,
                            volume_id: vol,
                            description: None,
                            tags: None,
                        }),
                        Resource::TerraformOutput(TerraformOutput {
                            id: outputs_id.clone(),
                            var: None,
                            value: OutputValue::Map(
                                [
                                    (k, OutputValue::Number(n)),
                                    (
                                        "ips".to_owned(),
                                        OutputValue::List(
                                            ips.into_iter()
                                                .filter_map(|v| v.as_ref().cloned().map(OutputValue::Ref))
                                                .collect(),
                                        ),
                                    ),
                                ]
                                .into_iter()
                                .collect(),
                            ),
                            description: None,
                            sensitive,
                        }),
                    ]
                });
            (ami_res, sg_res, key_res, inst_res, vol_res, extra, text()).prop_map(|(a, s, k, i, v, extra, name)| {
                let mut stack = Stack::new(name);
                stack.resources.push(Resource::AwsProvider(AwsProvider {
                    id: "aws".into(),
                    region: Some("eu-west-3".into()),
                    ..Default::default()
                }));
                stack
                    .resources
                    .extend(a.into_iter().chain(s).chain(k).chain(i).chain(v).chain(extra));
                stack
            })
        })
}

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn synth_python_and_documents_never_panic_and_round_trip(stack in stack()) {
        let _ = synth(&stack, &SynthOptions::for_stack(&stack));
        let py = main_py(&stack);
        prop_assert!(py.starts_with("#!/usr/bin/env python\n"));
        prop_assert!(py.ends_with("app.synth()\n"));
        prop_assert!(!py.lines().any(|l| l.ends_with(' ')), "trailing whitespace");
        let again = load_stack(&save_stack(&stack));
        prop_assert_eq!(again.as_ref().ok(), Some(&stack));
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = load_stack(&text);
    }
}

fn tools() -> PathBuf {
    std::env::var_os("EC2P_TOOLS")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/ec2-playground")))
        .unwrap_or_default()
}

fn python() -> PathBuf {
    tools().join("cdktf-venv/bin/python")
}

fn ruff() -> PathBuf {
    tools().join("cdktf-venv/bin/ruff")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ec2p-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// 200 generated stacks: every main.py is what `ruff format` would write, and compiles.
#[test]
fn generated_python_is_ruff_formatted_and_compiles() {
    assert!(
        ruff().is_file(),
        "ruff is missing at {}: run scripts/setup.sh python",
        ruff().display()
    );
    let dir = temp_dir("ruff");
    let mut runner = TestRunner::new(Config::default());
    let strategy = stack();
    for i in 0..200 {
        let stack = strategy.new_tree(&mut runner).expect("a stack").current();
        std::fs::write(dir.join(format!("stack_{i}.py")), main_py(&stack)).expect("write");
    }
    let out = Command::new(ruff())
        .args(["format", "--check", "--diff", "--no-cache", "--quiet"])
        .arg(&dir)
        .output()
        .expect("ruff runs");
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "ruff format would change generated Python:\n{}",
        diff.chars().take(4000).collect::<String>()
    );
    let out = Command::new(python())
        .args(["-m", "compileall", "-q"])
        .arg(&dir)
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every literal the escaper writes evaluates in CPython to the original string.
#[test]
fn python_literals_evaluate_to_the_original_strings() {
    assert!(
        python().is_file(),
        "python is missing at {}: run scripts/setup.sh cdktf",
        python().display()
    );
    let mut values: Vec<String> = HOSTILE.iter().map(|s| (*s).to_owned()).collect();
    values.extend((0u32..0x250).filter_map(char::from_u32).map(|c| format!("a{c}b")));
    values.extend(['\u{2028}', '\u{202e}', '\u{feff}', '\u{1f600}', '\u{e000}', '\u{ffff}'].map(|c| c.to_string()));
    values.push("\"'\"'\"".into());
    values.push("ends with quote\"".into());
    let mut source = String::from("import json, sys\nvalues = [\n");
    for v in &values {
        source.push_str(&format!("    {},\n", string_literal(v)));
        if let Some(t) = triple_quoted_literal(v) {
            source.push_str(&format!("    {t},\n"));
        }
    }
    source.push_str("]\njson.dump(values, sys.stdout)\n");
    let dir = temp_dir("literals");
    let file = dir.join("literals.py");
    std::fs::write(&file, &source).expect("write");
    let out = Command::new(python()).arg(&file).output().expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<String> = serde_json::from_slice(&out.stdout).expect("json");
    let mut expected = Vec::new();
    for v in &values {
        expected.push(v.clone());
        if triple_quoted_literal(v).is_some() {
            expected.push(v.clone());
        }
    }
    assert_eq!(got, expected);
    let _ = std::fs::remove_dir_all(&dir);
}
