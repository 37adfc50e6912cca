//! The diagram: snapshots of every fixture, the SVG escaper against a table of hostile
//! strings, what the SVG says about the lab, and the no-overlap rule over generated stacks.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ec2_playground_core::diagram::{diagram_layout, escape_svg, BoxRole, Layout, Rect};
use ec2_playground_core::{
    check, diagram_svg, load_stack, Diagnostic, EbsBlockDevice, EbsSnapshot, EbsVolume, Instance, JsNumber, Lang,
    Reference, Resource, SecurityGroup, SecurityGroupRule, Severity, Stack, StrValue, Text, UserData, VolumeAttachment,
};
use proptest::prelude::*;

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("stack.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn fixture(name: &str) -> Stack {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/fixtures/{name}/stack.json"));
    let text = std::fs::read_to_string(&path).expect("readable fixture");
    load_stack(&text).expect("the fixture loads")
}

fn warning(path: &str, fr: &str, en: &str) -> Diagnostic {
    Diagnostic {
        code: "TEST-WARN".into(),
        severity: Severity::Warning,
        path: path.into(),
        message: Text::new(fr, en),
        hint: Text::new("indice", "hint"),
        checkov: None,
    }
}

/// The lab's SSH rule flagged as the checks will flag it.
fn lab_ssh_warning() -> Diagnostic {
    warning(
        "resources[2].ingress[0].cidr_blocks[0]",
        "SSH (port 22) est ouvert à tout Internet.",
        "SSH (port 22) is open to the whole Internet.",
    )
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => panic!("the SVG is not well-formed XML: {e}\n{svg}"),
    }
}

/// The `<g>` whose `attr` is `value`.
fn group_by<'a>(doc: &'a roxmltree::Document<'a>, attr: &str, value: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute(attr) == Some(value))
        .collect()
}

fn title_of(node: roxmltree::Node) -> String {
    node.children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_owned()
}

fn texts_of(node: roxmltree::Node) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|t| {
            t.descendants()
                .filter(|d| d.is_text() && !d.parent().is_some_and(|p| p.has_tag_name("title")))
                .filter_map(|d| d.text())
                .collect()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Snapshots

/// The diagram snapshots live in `tests/diagram_snapshots/`, named `<fixture>-<lang>.snap`.
fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("diagram_snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// The fixtures whose diagram is also pinned in English.
const IN_ENGLISH: [&str; 2] = ["ec2-lab", "multi-zone"];

#[test]
fn every_fixture_has_a_diagram_snapshot() {
    let dirs = fixture_dirs();
    assert!(dirs.len() >= 3, "{dirs:?}");
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(dir.join("stack.json")).expect("readable stack.json");
        let stack = load_stack(&text).expect("the fixture loads");
        snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("{name}-fr"), diagram_svg(&stack, &[], Lang::Fr));
            if IN_ENGLISH.contains(&name.as_str()) {
                insta::assert_snapshot!(format!("{name}-en"), diagram_svg(&stack, &[], Lang::En));
            }
        });
    }
}

#[test]
fn the_lab_with_its_ssh_rule_flagged_snapshot() {
    let svg = diagram_svg(&fixture("ec2-lab"), &[lab_ssh_warning()], Lang::Fr);
    snapshot_settings().bind(|| insta::assert_snapshot!("ec2-lab-fr-flagged", svg));
}

/// A snapshot whose fixture is gone fails, and so does one left unreviewed.
#[test]
fn no_stale_diagram_snapshots() {
    let names: BTreeSet<String> = fixture_dirs()
        .iter()
        .filter_map(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let mut expected: BTreeSet<String> = names.iter().map(|n| format!("{n}-fr.snap")).collect();
    expected.extend(IN_ENGLISH.iter().map(|n| format!("{n}-en.snap")));
    expected.insert("ec2-lab-fr-flagged.snap".into());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diagram_snapshots");
    let found: BTreeSet<String> = std::fs::read_dir(dir)
        .expect("tests/diagram_snapshots exists")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert_eq!(found, expected);
}

// ---------------------------------------------------------------------------------------
// The escaper

/// (input, escaped, what an XML parser reads back).
const HOSTILE: &[(&str, &str, &str)] = &[
    ("plain", "plain", "plain"),
    (
        "<script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<script>alert(1)</script>",
    ),
    ("a & b", "a &amp; b", "a & b"),
    ("&amp;", "&amp;amp;", "&amp;"),
    ("&#x41;", "&amp;#x41;", "&#x41;"),
    ("\"double\"", "&quot;double&quot;", "\"double\""),
    ("'single'", "&#39;single&#39;", "'single'"),
    ("]]>", "]]&gt;", "]]>"),
    ("<![CDATA[x]]>", "&lt;![CDATA[x]]&gt;", "<![CDATA[x]]>"),
    ("<!-- c -->", "&lt;!-- c --&gt;", "<!-- c -->"),
    ("<?xml?>", "&lt;?xml?&gt;", "<?xml?>"),
    ("tab\there", "tab&#9;here", "tab\there"),
    ("line\nfeed", "line&#10;feed", "line\nfeed"),
    ("carriage\rreturn", "carriage&#13;return", "carriage\rreturn"),
    ("nul\0byte", "nul\u{FFFD}byte", "nul\u{FFFD}byte"),
    ("bell\u{7}", "bell\u{FFFD}", "bell\u{FFFD}"),
    ("esc\u{1b}[31m", "esc\u{FFFD}[31m", "esc\u{FFFD}[31m"),
    ("vt\u{b}ff\u{c}", "vt\u{FFFD}ff\u{FFFD}", "vt\u{FFFD}ff\u{FFFD}"),
    ("del\u{7f}", "del\u{7f}", "del\u{7f}"),
    ("nel\u{85}", "nel\u{85}", "nel\u{85}"),
    (
        "nonchar\u{FFFE}\u{FFFF}",
        "nonchar\u{FFFD}\u{FFFD}",
        "nonchar\u{FFFD}\u{FFFD}",
    ),
    ("bom\u{FEFF}", "bom\u{FEFF}", "bom\u{FEFF}"),
    ("rtl\u{202E}txt", "rtl\u{202E}txt", "rtl\u{202E}txt"),
    ("zero\u{200B}width", "zero\u{200B}width", "zero\u{200B}width"),
    ("wéb 2", "wéb 2", "wéb 2"),
    ("ウェブ🚀", "ウェブ🚀", "ウェブ🚀"),
    (
        "${aws_instance.web.id}",
        "${aws_instance.web.id}",
        "${aws_instance.web.id}",
    ),
    ("javascript:alert(1)", "javascript:alert(1)", "javascript:alert(1)"),
    ("  spaced  ", "  spaced  ", "  spaced  "),
    ("", "", ""),
];

#[test]
fn the_escaper_against_the_table() {
    for (input, escaped, _) in HOSTILE {
        assert_eq!(escape_svg(input), *escaped, "escaping {input:?}");
    }
}

#[test]
fn escaped_text_reads_back_in_element_content_and_both_quotings() {
    for (input, _, read_back) in HOSTILE {
        let e = escape_svg(input);
        let xml = format!("<r><d a=\"{e}\">{e}</d><s b='{e}'/></r>");
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|err| panic!("{input:?}: {err}\n{xml}"));
        let d = doc.descendants().find(|n| n.has_tag_name("d")).expect("d");
        let s = doc.descendants().find(|n| n.has_tag_name("s")).expect("s");
        assert_eq!(
            d.attribute("a"),
            Some(*read_back),
            "double-quoted attribute of {input:?}"
        );
        assert_eq!(
            s.attribute("b"),
            Some(*read_back),
            "single-quoted attribute of {input:?}"
        );
        assert_eq!(d.text().unwrap_or(""), *read_back, "content of {input:?}");
    }
}

/// A stack whose every string a learner can type is `s`.
fn stack_of(s: &str) -> Stack {
    let reference = |attr: &str| StrValue::Ref(Reference::new(s, attr));
    let mut stack = Stack::new(s);
    stack.resources.push(Resource::SecurityGroup(SecurityGroup {
        id: s.into(),
        name: Some(s.into()),
        description: Some(s.into()),
        ingress: Some(vec![SecurityGroupRule {
            protocol: Some(s.into()),
            cidr_blocks: Some(vec![s.into()]),
            ipv6_cidr_blocks: Some(vec![s.into()]),
            prefix_list_ids: Some(vec![s.into()]),
            security_groups: Some(vec![StrValue::Literal(s.into()), reference("id")]),
            description: Some(s.into()),
            ..SecurityGroupRule::default()
        }]),
        egress: Some(vec![SecurityGroupRule {
            protocol: Some("tcp".into()),
            from_port: Some(22.into()),
            to_port: Some(22.into()),
            cidr_blocks: Some(vec![s.into()]),
            ..SecurityGroupRule::default()
        }]),
        ..SecurityGroup::default()
    }));
    stack.resources.push(Resource::Instance(Instance {
        id: s.into(),
        ami: Some(StrValue::Literal(s.into())),
        instance_type: Some(s.into()),
        key_name: Some(StrValue::Literal(s.into())),
        vpc_security_group_ids: Some(vec![StrValue::Literal(s.into()), reference("id")]),
        availability_zone: Some(StrValue::Literal(s.into())),
        user_data: Some(UserData {
            script: s.into(),
            ..UserData::default()
        }),
        ebs_block_device: Some(vec![EbsBlockDevice {
            device_name: s.into(),
            volume_type: Some(s.into()),
            snapshot_id: Some(s.into()),
            ..EbsBlockDevice::default()
        }]),
        ..Instance::default()
    }));
    stack.resources.push(Resource::EbsVolume(EbsVolume {
        id: s.into(),
        availability_zone: StrValue::Literal(s.into()),
        volume_type: Some(s.into()),
        snapshot_id: Some(StrValue::Literal(s.into())),
        ..EbsVolume::default()
    }));
    stack.resources.push(Resource::VolumeAttachment(VolumeAttachment {
        id: s.into(),
        var: None,
        device_name: s.into(),
        volume_id: StrValue::Literal(s.into()),
        instance_id: StrValue::Literal(s.into()),
    }));
    stack.resources.push(Resource::EbsSnapshot(EbsSnapshot {
        id: s.into(),
        var: None,
        volume_id: StrValue::Literal(s.into()),
        description: Some(s.into()),
        tags: None,
    }));
    stack
}

#[test]
fn hostile_strings_everywhere_give_well_formed_svg_that_says_them() {
    for (input, _, read_back) in HOSTILE {
        let diagnostics = [warning("resources[0].ingress[0]", input, input)];
        for lang in [Lang::Fr, Lang::En] {
            let svg = diagram_svg(&stack_of(input), &diagnostics, lang);
            let doc = parse(&svg);
            assert_eq!(doc.root_element().tag_name().name(), "svg");
            // nothing but our own elements: no script, no foreign element, no event handler
            let tags: BTreeSet<&str> = doc
                .descendants()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            let allowed: BTreeSet<&str> = [
                "svg", "title", "desc", "style", "g", "rect", "text", "tspan", "polyline", "polygon",
            ]
            .into();
            assert!(tags.is_subset(&allowed), "{input:?}: {tags:?}");
            for n in doc.descendants().filter(|n| n.is_element()) {
                for a in n.attributes() {
                    assert!(!a.name().starts_with("on"), "{input:?}: attribute {}", a.name());
                }
            }
            // the group's and the instance's tooltips hold the text read back whole
            let sg = group_by(&doc, "data-path", "resources[0]");
            assert_eq!(sg.len(), 1, "{input:?}");
            assert!(title_of(sg[0]).contains(read_back), "{input:?}: {:?}", title_of(sg[0]));
            let inst = group_by(&doc, "data-path", "resources[1]");
            assert_eq!(inst.len(), 1, "{input:?}");
            assert!(
                title_of(inst[0]).ends_with(read_back),
                "{input:?}: {:?}",
                title_of(inst[0])
            );
            // the flagged rule carries the message
            let rules = group_by(&doc, "data-path", "resources[0].ingress[0]");
            assert!(!rules.is_empty(), "{input:?}");
            for rule in rules {
                assert!(rule.attribute("class").is_some_and(|c| c.contains("warn")), "{input:?}");
                assert!(title_of(rule).starts_with(read_back), "{input:?}: {:?}", title_of(rule));
            }
            // one element per line, no trailing whitespace, no raw control character
            for line in svg.lines() {
                assert_eq!(line, line.trim_end(), "{input:?}: trailing whitespace");
                assert!(
                    !line.chars().any(|c| c.is_control() && c != '\u{7f}' && c != '\u{85}'),
                    "{input:?}"
                );
            }
            // ids are unique
            let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
            let unique: BTreeSet<&str> = ids.iter().copied().collect();
            assert_eq!(ids.len(), unique.len(), "{input:?}: {ids:?}");
            check_layout(&diagram_layout(&stack_of(input), &diagnostics, lang))
                .unwrap_or_else(|e| panic!("{input:?}: {e}"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// What the lab's diagram says

#[test]
fn the_same_stack_gives_the_same_bytes() {
    let stack = fixture("ec2-lab");
    let once = diagram_svg(&stack, &[lab_ssh_warning()], Lang::Fr);
    let again = diagram_svg(&stack.clone(), &[lab_ssh_warning()], Lang::Fr);
    assert_eq!(once, again);
    assert_ne!(once, diagram_svg(&stack, &[lab_ssh_warning()], Lang::En));
}

#[test]
fn the_lab_draws_its_instance_volume_group_and_rules() {
    let svg = diagram_svg(&fixture("ec2-lab"), &[], Lang::Fr);
    let doc = parse(&svg);
    let root = doc.root_element();
    assert_eq!(root.attribute("class"), Some("ec2p"));
    let title = root.children().find(|c| c.has_tag_name("title")).and_then(|t| t.text());
    assert_eq!(title, Some("Diagramme de la pile ec2-lab"));
    let desc = root
        .children()
        .find(|c| c.has_tag_name("desc"))
        .and_then(|t| t.text())
        .unwrap_or_default();
    assert!(desc.contains("région eu-west-3"), "{desc}");
    assert!(desc.contains("1 instance,"), "{desc}");
    assert!(desc.contains("2 flèches entrantes"), "{desc}");

    // the instance, in the lane where AWS chooses the zone
    let inst = group_by(&doc, "data-path", "resources[4]");
    assert_eq!(inst.len(), 1);
    assert_eq!(inst[0].attribute("data-kind"), Some("instance"));
    assert_eq!(inst[0].attribute("id"), Some("ec2p-r4"));
    let lines = texts_of(inst[0]);
    for expected in [
        "web",
        "user data",
        "type : t2.micro",
        "AMI : amazon_linux",
        "clé : deployer-key",
        "racine : 8 Gio gp3",
        "web_sg",
    ] {
        assert!(lines.iter().any(|l| l == expected), "{expected:?} not in {lines:?}");
    }
    let lane = inst[0]
        .ancestors()
        .find(|a| a.attribute("class") == Some("zone"))
        .expect("in a lane");
    assert_eq!(title_of(lane), "AWS choisit la zone");
    assert!(inst[0]
        .descendants()
        .any(|n| n.attribute("data-ref") == Some("resources[2]")));
    let ami_tip = inst[0]
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|t| t.text())
        .find(|t| t.starts_with("Recherche d'AMI"));
    assert_eq!(
        ami_tip,
        Some("Recherche d'AMI amazon_linux : la plus récente ; propriétaires amazon ; name = amzn2-ami-hvm-*-x86_64-gp2 ; virtualization-type = hvm")
    );

    // the attached volume, in the same lane
    let vol = group_by(&doc, "data-path", "resources[5]");
    assert_eq!(vol.len(), 1);
    assert_eq!(texts_of(vol[0]), ["data", "/dev/sdh", "10 Gio gp3"]);
    assert!(vol[0].ancestors().any(|a| a == lane));

    // the group guards the instance; two arrows in, one out, none flagged
    let sg = group_by(&doc, "data-path", "resources[2]");
    assert_eq!(sg.len(), 1);
    assert_eq!(texts_of(sg[0]), ["web_sg", "nom : web-sg", "protège : ", "web"]);
    let rule = |path: &str| {
        let found = group_by(&doc, "data-path", path);
        assert_eq!(found.len(), 1, "{path}");
        found[0]
    };
    assert_eq!(texts_of(rule("resources[2].ingress[0]")), ["TCP 22 · SSH"]);
    assert_eq!(texts_of(rule("resources[2].ingress[1]")), ["TCP 80 · HTTP"]);
    assert_eq!(texts_of(rule("resources[2].egress[0]")), ["tout le trafic"]);
    assert_eq!(
        title_of(rule("resources[2].ingress[0]")),
        "Entrant : TCP 22 · SSH depuis Internet (0.0.0.0/0)\nDescription : SSH"
    );
    assert_eq!(rule("resources[2].ingress[0]").attribute("class"), Some("rule"));
    assert_eq!(
        rule("resources[2].egress[0]").attribute("data-direction"),
        Some("egress")
    );
    assert!(group_by(&doc, "class", "closed").is_empty());
}

#[test]
fn the_lab_in_english() {
    let svg = diagram_svg(&fixture("ec2-lab"), &[], Lang::En);
    let doc = parse(&svg);
    let all: Vec<String> = texts_of(doc.root_element());
    for expected in [
        "Stack ec2-lab",
        "Region eu-west-3",
        "AWS chooses the zone",
        "root: 8 GiB gp3",
        "all traffic",
        "Legend",
    ] {
        assert!(all.iter().any(|l| l == expected), "{expected:?} not in {all:?}");
    }
    assert!(!svg.contains("tout le trafic"));
}

#[test]
fn a_flagged_rule_is_drawn_as_a_warning_with_the_message() {
    let info = Diagnostic {
        severity: Severity::Info,
        path: "resources[2].ingress[1]".into(),
        ..lab_ssh_warning()
    };
    let elsewhere = warning("resources[4].metadata_options", "IMDSv1", "IMDSv1");
    let second = warning(
        "resources[2].ingress[0].from_port",
        "Deuxième message.",
        "Second message.",
    );
    let svg = diagram_svg(
        &fixture("ec2-lab"),
        &[lab_ssh_warning(), info, elsewhere, second],
        Lang::Fr,
    );
    let doc = parse(&svg);
    let ssh = group_by(&doc, "data-path", "resources[2].ingress[0]");
    assert_eq!(ssh.len(), 1);
    assert_eq!(ssh[0].attribute("class"), Some("rule warn"));
    assert_eq!(
        title_of(ssh[0]),
        "SSH (port 22) est ouvert à tout Internet.\nDeuxième message.\n\nEntrant : TCP 22 · SSH depuis Internet (0.0.0.0/0)\nDescription : SSH"
    );
    assert!(ssh[0]
        .descendants()
        .any(|n| n.attribute("class") == Some("arrow arrow-warn")));
    // an Info diagnostic does not make a warning
    let http = group_by(&doc, "data-path", "resources[2].ingress[1]");
    assert_eq!(http[0].attribute("class"), Some("rule"));
    let desc = doc
        .root_element()
        .children()
        .find(|c| c.has_tag_name("desc"))
        .and_then(|t| t.text());
    assert!(desc.is_some_and(|d| d.ends_with("1 règle signalée.")), "{desc:?}");
    // an Error is a warning too, marked as an error
    let error = Diagnostic {
        severity: Severity::Error,
        ..lab_ssh_warning()
    };
    let svg = diagram_svg(&fixture("ec2-lab"), &[error], Lang::En);
    let doc = parse(&svg);
    let ssh = group_by(&doc, "data-path", "resources[2].ingress[0]");
    assert_eq!(ssh[0].attribute("class"), Some("rule warn error"));
    assert!(title_of(ssh[0]).starts_with("SSH (port 22) is open to the whole Internet.\n\nInbound: TCP 22 · SSH"));
}

/// The contract with the checks: their paths point into rules as the diagram reads them.
#[test]
fn the_checks_flag_the_labs_ssh_rule_and_only_it() {
    let lab = fixture("ec2-lab");
    let diagnostics = check(&lab);
    let ssh = diagnostics
        .iter()
        .find(|d| d.code == "sg-ssh-open")
        .expect("the checks flag the lab's SSH rule");
    let svg = diagram_svg(&lab, &diagnostics, Lang::Fr);
    let doc = parse(&svg);
    let flagged: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("rule warn")))
        .filter_map(|n| n.attribute("data-path"))
        .collect();
    assert_eq!(flagged, ["resources[2].ingress[0]"]);
    let rule = group_by(&doc, "data-path", "resources[2].ingress[0]");
    assert!(
        title_of(rule[0]).starts_with(ssh.message.get(Lang::Fr)),
        "{}",
        title_of(rule[0])
    );
    // the checks' Info findings on rules (a missing description) do not make warnings
    assert!(diagnostics
        .iter()
        .any(|d| d.severity == Severity::Info && d.path.starts_with("resources[2].egress[0]")));
    assert_eq!(
        group_by(&doc, "data-path", "resources[2].egress[0]")[0].attribute("class"),
        Some("rule")
    );
}

#[test]
fn the_edge_stack_groups_sources_and_closes_outbound() {
    let svg = diagram_svg(&fixture("edge"), &[], Lang::En);
    let doc = parse(&svg);
    // web-1 is guarded by both groups, and says so
    let web1 = group_by(&doc, "data-path", "resources[3]");
    let refs: Vec<&str> = web1[0].descendants().filter_map(|n| n.attribute("data-ref")).collect();
    assert_eq!(refs, ["resources[2]", "resources[1]"]);
    for sg in ["resources[1]", "resources[2]"] {
        let g = group_by(&doc, "data-path", sg);
        let guards: Vec<&str> = g[0].descendants().filter_map(|n| n.attribute("data-ref")).collect();
        assert_eq!(guards, ["resources[3]"], "{sg}");
    }
    // wéb 2 names no group: the VPC's default one
    let web2 = group_by(&doc, "data-path", "resources[4]");
    assert!(texts_of(web2[0]).iter().any(|t| t == "the VPC's default group"));
    // the lane of us-east-1a holds web-1 and the volume on its own; snapshot beside it
    let lane = group_by(&doc, "data-zone", "us-east-1a");
    assert_eq!(lane.len(), 1);
    let inside: Vec<&str> = lane[0].descendants().filter_map(|n| n.attribute("data-path")).collect();
    assert_eq!(
        inside,
        [
            "resources[3]",
            "resources[3].ebs_block_device[0]",
            "resources[5]",
            "resources[6]"
        ]
    );
    // sources: the Internet twice (IPv4, IPv6), the group lb-sg, the group itself
    let app_in: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("id").is_some_and(|id| id.starts_with("ec2p-r2-in-ep")))
        .map(title_of)
        .collect();
    assert_eq!(app_in, ["Group lb-sg", "This group (self) App SG"]);
    let lb_in: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("id").is_some_and(|id| id.starts_with("ec2p-r1-in-ep")))
        .map(title_of)
        .collect();
    assert_eq!(lb_in, ["Internet 0.0.0.0/0", "Internet ::/0"]);
    assert_eq!(
        texts_of(group_by(&doc, "data-path", "resources[2].ingress[1]")[0]),
        ["all traffic"]
    );
    // neither group has an egress rule: both are closed outbound
    let closed: Vec<_> = group_by(&doc, "class", "closed");
    assert_eq!(closed.len(), 2);
    assert!(closed.iter().all(|c| c.attribute("data-direction") == Some("egress")));
    assert!(closed.iter().all(|c| texts_of(*c) == ["nothing goes out"]));
}

#[test]
fn the_multi_zone_stack_has_a_lane_per_zone() {
    let svg = diagram_svg(&fixture("multi-zone"), &[], Lang::Fr);
    let doc = parse(&svg);
    let lanes: Vec<(String, Vec<&str>)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("zone"))
        .map(|l| {
            (
                title_of(l),
                l.descendants().filter_map(|n| n.attribute("data-path")).collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<&str>)> = vec![
        (
            "eu-west-3a".into(),
            vec!["resources[6]", "resources[11]", "resources[13]", "resources[9]"],
        ),
        (
            "eu-west-3b".into(),
            vec!["resources[7]", "resources[14]", "resources[15]"],
        ),
        (
            "eu-west-3c".into(),
            vec!["resources[8]", "resources[8].ebs_block_device[0]"],
        ),
        ("AWS choisit la zone".into(), vec!["resources[10]"]),
    ];
    assert_eq!(lanes, expected);
    let admin = group_by(&doc, "data-path", "resources[4]");
    assert_eq!(
        texts_of(admin[0]),
        [
            "admin_sg",
            "nom : admin",
            "protège : ",
            "web_a",
            "web_b",
            "database",
            "worker"
        ]
    );
    let words = |path: &str| texts_of(group_by(&doc, "data-path", path)[0]);
    assert_eq!(words("resources[4].ingress[1]"), ["ICMP echo"]);
    assert_eq!(words("resources[4].egress[1]"), ["UDP 53 · DNS"]);
    assert_eq!(words("resources[5].ingress[0]"), ["TCP 5432 · PostgreSQL"]);
    // the front group's two rules each reach the Internet twice (IPv4 and IPv6)
    assert_eq!(group_by(&doc, "data-path", "resources[3].ingress[1]").len(), 2);
    let closed = group_by(&doc, "class", "closed");
    assert_eq!(closed.len(), 1);
    assert!(closed[0]
        .ancestors()
        .any(|a| a.attribute("id") == Some("ec2p-security-groups")));
    check_layout(&diagram_layout(&fixture("multi-zone"), &[], Lang::Fr)).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn long_names_are_shortened_with_the_whole_name_in_a_tooltip() {
    let long = "a-web-server-with-a-name-much-too-long-for-any-card-of-the-diagram";
    let mut stack = Stack::new("long");
    stack.resources.push(Resource::Instance(Instance {
        id: long.into(),
        instance_type: Some("t3.micro".into()),
        ..Instance::default()
    }));
    let svg = diagram_svg(&stack, &[], Lang::Fr);
    let doc = parse(&svg);
    let inst = group_by(&doc, "data-path", "resources[0]");
    let title = inst[0]
        .descendants()
        .find(|n| n.has_tag_name("text"))
        .expect("a title line");
    let shown: String = title
        .descendants()
        .filter(|d| d.is_text() && !d.parent().is_some_and(|p| p.has_tag_name("title")))
        .filter_map(|d| d.text())
        .collect();
    assert!(shown.ends_with('…') && shown.len() < long.len(), "{shown}");
    assert!(long.starts_with(shown.trim_end_matches('…')));
    assert_eq!(title_of(title), long);
}

#[test]
fn zones_become_lanes_in_order_and_volumes_follow_their_instance() {
    let zone_ref = |id: &str| StrValue::Ref(Reference::new(id, "availability_zone"));
    let instance = |id: &str, zone: Option<StrValue>| {
        Resource::Instance(Instance {
            id: id.into(),
            availability_zone: zone,
            ..Instance::default()
        })
    };
    let mut stack = Stack::new("zones");
    stack.resources = vec![
        instance("c", Some("eu-west-3c".into())),
        instance("a", Some("eu-west-3a".into())),
        instance("floating", None),
        instance("follower", Some(zone_ref("a"))),
        instance("lost", Some(zone_ref("nowhere"))),
        Resource::EbsVolume(EbsVolume {
            id: "with-c".into(),
            availability_zone: zone_ref("c"),
            ..EbsVolume::default()
        }),
        Resource::EbsVolume(EbsVolume {
            id: "in-b".into(),
            availability_zone: "eu-west-3b".into(),
            ..EbsVolume::default()
        }),
        Resource::EbsVolume(EbsVolume {
            id: "circular".into(),
            availability_zone: zone_ref("circular"),
            ..EbsVolume::default()
        }),
    ];
    let svg = diagram_svg(&stack, &[], Lang::En);
    let doc = parse(&svg);
    let lanes: Vec<(String, Vec<&str>)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("zone"))
        .map(|l| {
            (
                title_of(l),
                l.descendants().filter_map(|n| n.attribute("data-path")).collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<&str>)> = vec![
        ("eu-west-3a".into(), vec!["resources[1]", "resources[3]"]),
        ("eu-west-3b".into(), vec!["resources[6]"]),
        ("eu-west-3c".into(), vec!["resources[0]", "resources[5]"]),
        ("AWS chooses the zone".into(), vec!["resources[2]"]),
        ("unknown zone".into(), vec!["resources[4]", "resources[7]"]),
    ];
    assert_eq!(lanes, expected);
    let follower = group_by(&doc, "data-path", "resources[3]");
    assert!(texts_of(follower[0]).iter().any(|t| t == "zone: same as a"));
    let with_c = group_by(&doc, "data-path", "resources[5]");
    assert_eq!(texts_of(with_c[0]), ["with-c", "not attached"]);
    // lanes sit side by side, left to right in that order
    let layout = diagram_layout(&stack, &[], Lang::En);
    let lane_xs: Vec<i64> = layout
        .boxes
        .iter()
        .filter(|b| b.class.starts_with("lane"))
        .map(|b| b.rect.x)
        .collect();
    assert_eq!(lane_xs.len(), 5);
    assert!(lane_xs.windows(2).all(|w| w[0] < w[1]), "{lane_xs:?}");
    check_layout(&layout).unwrap_or_else(|e| panic!("{e}"));

    // "with-c" only shares c's zone: beside it, but no wire says it is plugged in. Once a
    // VolumeAttachment joins them, a wire does.
    let wires = |svg: &str| svg.matches("<polyline class=\"wire\"").count();
    assert_eq!(wires(&svg), 0, "an unattached volume is not wired");
    stack.resources.push(Resource::VolumeAttachment(VolumeAttachment {
        id: "with-c-attach".into(),
        device_name: "/dev/sdh".into(),
        volume_id: StrValue::Ref(Reference::new("with-c", "id")),
        instance_id: StrValue::Ref(Reference::new("c", "id")),
        var: None,
    }));
    let attached = diagram_svg(&stack, &[], Lang::En);
    assert_eq!(wires(&attached), 1);
    let with_c = parse(&attached);
    assert_eq!(
        texts_of(group_by(&with_c, "data-path", "resources[5]")[0]),
        ["with-c", "/dev/sdh"]
    );
}

#[test]
fn an_empty_stack_still_has_a_diagram() {
    let stack = Stack::new("empty");
    for lang in [Lang::Fr, Lang::En] {
        let svg = diagram_svg(&stack, &[], lang);
        let doc = parse(&svg);
        let all = texts_of(doc.root_element());
        let (none, no_group) = match lang {
            Lang::Fr => (
                "Aucune instance ni volume.",
                "Aucun groupe de sécurité : chaque instance a le groupe par défaut du VPC.",
            ),
            Lang::En => (
                "No instance, no volume.",
                "No security group: every instance gets the VPC's default group.",
            ),
        };
        assert!(all.iter().any(|t| t == none), "{all:?}");
        assert!(all.iter().any(|t| t == no_group), "{all:?}");
        check_layout(&diagram_layout(&stack, &[], lang)).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn the_svg_draws_what_the_layout_holds() {
    for name in ["ec2-lab", "edge"] {
        let stack = fixture(name);
        let svg = diagram_svg(&stack, &[], Lang::Fr);
        let layout = diagram_layout(&stack, &[], Lang::Fr);
        let doc = parse(&svg);
        let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
        let texts = doc.descendants().filter(|n| n.has_tag_name("text")).count();
        assert_eq!(rects, layout.boxes.len() + 1, "{name}: rects, the background aside");
        assert_eq!(texts, layout.labels.len(), "{name}: lines of text");
        let root = doc.root_element();
        assert_eq!(root.attribute("width"), Some(layout.width.to_string().as_str()));
        assert_eq!(root.attribute("height"), Some(layout.height.to_string().as_str()));
        check_layout(&layout).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

// ---------------------------------------------------------------------------------------
// No overlaps

/// True when the straight piece from `a` to `b` passes through the inside of `r`.
fn crosses(a: (i64, i64), b: (i64, i64), r: &Rect) -> bool {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    if y0 == y1 {
        r.y < y0 && y0 < r.bottom() && x0.max(r.x) < x1.min(r.right())
    } else {
        r.x < x0 && x0 < r.right() && y0.max(r.y) < y1.min(r.bottom())
    }
}

/// The rules: no two things of the stack (or two chips) overlap, boxes nest or stay apart,
/// a label lies inside or outside each box, labels do not overlap, wires are straight and
/// cross no thing and no label, and everything is on the canvas.
fn check_layout(layout: &Layout) -> Result<(), String> {
    let canvas = Rect::new(0, 0, layout.width, layout.height);
    for b in &layout.boxes {
        if !canvas.contains(&b.rect) || b.rect.width <= 0 || b.rect.height <= 0 {
            return Err(format!("box {b:?} is off the canvas {canvas:?} or empty"));
        }
    }
    for (i, a) in layout.boxes.iter().enumerate() {
        for b in &layout.boxes[i + 1..] {
            let same_role = a.role == b.role && a.role != BoxRole::Container;
            let nested = a.rect.contains(&b.rect) || b.rect.contains(&a.rect);
            if a.rect.overlaps(&b.rect) && (same_role || !nested) {
                return Err(format!("boxes overlap: {a:?} and {b:?}"));
            }
        }
    }
    for (i, l) in layout.labels.iter().enumerate() {
        if !canvas.contains(&l.rect) {
            return Err(format!("label {l:?} is off the canvas {canvas:?}"));
        }
        for b in &layout.boxes {
            if l.rect.overlaps(&b.rect) && !b.rect.contains(&l.rect) {
                return Err(format!("label {l:?} crosses box {b:?}"));
            }
        }
        for m in &layout.labels[i + 1..] {
            if l.rect.overlaps(&m.rect) {
                return Err(format!("labels overlap: {l:?} and {m:?}"));
            }
        }
    }
    for w in &layout.wires {
        if w.from.0 != w.to.0 && w.from.1 != w.to.1 {
            return Err(format!("wire {w:?} is not horizontal or vertical"));
        }
        for b in layout.boxes.iter().filter(|b| b.role != BoxRole::Container) {
            if crosses(w.from, w.to, &b.rect) {
                return Err(format!("wire {w:?} crosses box {b:?}"));
            }
        }
        for l in &layout.labels {
            if crosses(w.from, w.to, &l.rect) {
                return Err(format!("wire {w:?} crosses label {l:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let lab = diagram_layout(&fixture("ec2-lab"), &[], Lang::Fr);
    assert_eq!(check_layout(&lab), Ok(()));
    let mut moved = lab.clone();
    let card = moved.boxes.iter().position(|b| b.class == "card").expect("a card");
    let vol = moved.boxes.iter().position(|b| b.class == "vol").expect("a volume");
    moved.boxes[vol].rect.x = moved.boxes[card].rect.x + 10;
    assert!(check_layout(&moved).is_err_and(|e| e.starts_with("boxes overlap")));
    let mut crossed = lab.clone();
    crossed.labels[0].rect = Rect::new(crossed.boxes[card].rect.x - 5, crossed.boxes[card].rect.y + 5, 20, 10);
    assert!(check_layout(&crossed).is_err_and(|e| e.contains("crosses box")));
}

const ZONES: [&str; 3] = ["eu-west-3a", "eu-west-3b", "eu-west-3c"];
const CIDRS: [&str; 6] = [
    "0.0.0.0/0",
    "10.0.0.0/16",
    "203.0.113.7/32",
    "192.168.0.0/24",
    "172.16.0.0/12",
    "1.2.3.4/32",
];
const IPV6: [&str; 2] = ["::/0", "2001:db8::/32"];
const PROTOCOLS: [&str; 8] = ["tcp", "udp", "icmp", "-1", "icmpv6", "6", "47", "all"];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z][a-z0-9_-]{0,10}",
        1 => "[A-Za-z0-9 éèàç_-]{20,80}",
        1 => "\\PC{1,24}",
        1 => "[ウェブ🚀<>&\"'\\t\\n\u{0}-\u{1f}]{1,30}",
    ]
}

#[derive(Debug, Clone)]
struct RulePlan {
    protocol: usize,
    from: i64,
    to: i64,
    cidrs: Vec<usize>,
    ipv6: Vec<usize>,
    groups: Vec<usize>,
    own: bool,
    description: Option<String>,
    flagged: bool,
}

fn rule_plan() -> impl Strategy<Value = RulePlan> {
    (
        0..PROTOCOLS.len(),
        prop_oneof![Just(22i64), Just(80), Just(443), Just(3306), Just(-1), 0..70000i64],
        prop_oneof![Just(22i64), Just(80), Just(65535), -1..70000i64],
        prop::collection::vec(0..CIDRS.len(), 0..3),
        prop::collection::vec(0..IPV6.len(), 0..2),
        prop::collection::vec(0..12usize, 0..3),
        any::<bool>(),
        prop::option::of(name()),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(protocol, from, to, cidrs, ipv6, groups, own, description, flagged)| RulePlan {
                protocol,
                from,
                to,
                cidrs,
                ipv6,
                groups,
                own,
                description,
                flagged,
            },
        )
}

#[derive(Debug, Clone)]
struct GroupPlan {
    id: String,
    name: Option<String>,
    ingress: Vec<RulePlan>,
    egress: Option<Vec<RulePlan>>,
}

fn group_plan() -> impl Strategy<Value = GroupPlan> {
    (
        name(),
        prop::option::of(name()),
        prop::collection::vec(rule_plan(), 0..5),
        prop::option::of(prop::collection::vec(rule_plan(), 0..3)),
    )
        .prop_map(|(id, name, ingress, egress)| GroupPlan {
            id,
            name,
            ingress,
            egress,
        })
}

#[derive(Debug, Clone)]
struct InstancePlan {
    id: String,
    /// 0..3: a named zone; 3: none; 4: the zone of an earlier instance; 5: a dangling reference.
    zone: usize,
    groups: Vec<usize>,
    devices: Vec<(String, Option<i64>, bool)>,
    user_data: bool,
    instance_type: Option<String>,
}

fn instance_plan() -> impl Strategy<Value = InstancePlan> {
    (
        name(),
        0..6usize,
        prop::collection::vec(0..12usize, 0..4),
        prop::collection::vec((name(), prop::option::of(1..2000i64), any::<bool>()), 0..3),
        any::<bool>(),
        prop::option::of(prop_oneof![Just("t2.micro".to_owned()), name()]),
    )
        .prop_map(|(id, zone, groups, devices, user_data, instance_type)| InstancePlan {
            id,
            zone,
            groups,
            devices,
            user_data,
            instance_type,
        })
}

#[derive(Debug, Clone)]
struct VolumePlan {
    id: String,
    /// 0..3: a named zone; 3: an instance's zone; 4: dangling.
    zone: usize,
    attach_to: Option<usize>,
    snapshots: Vec<String>,
    size: Option<i64>,
}

fn volume_plan() -> impl Strategy<Value = VolumePlan> {
    (
        name(),
        0..5usize,
        prop::option::of(0..25usize),
        prop::collection::vec(name(), 0..3),
        prop::option::of(1..20000i64),
    )
        .prop_map(|(id, zone, attach_to, snapshots, size)| VolumePlan {
            id,
            zone,
            attach_to,
            snapshots,
            size,
        })
}

#[derive(Debug, Clone)]
struct StackPlan {
    region: Option<String>,
    groups: Vec<GroupPlan>,
    instances: Vec<InstancePlan>,
    volumes: Vec<VolumePlan>,
    loose_snapshots: Vec<String>,
}

fn stack_plan() -> impl Strategy<Value = StackPlan> {
    (
        prop::option::of(prop_oneof![Just("eu-west-3".to_owned()), name()]),
        prop::collection::vec(group_plan(), 0..=10),
        prop::collection::vec(instance_plan(), 0..=20),
        prop::collection::vec(volume_plan(), 0..6),
        prop::collection::vec(name(), 0..3),
    )
        .prop_map(|(region, groups, instances, volumes, loose_snapshots)| StackPlan {
            region,
            groups,
            instances,
            volumes,
            loose_snapshots,
        })
}

/// The stack a plan describes, and diagnostics on the rules it flags.
fn build(plan: &StackPlan) -> (Stack, Vec<Diagnostic>) {
    let mut stack = Stack::new("generated");
    let mut diagnostics = Vec::new();
    if let Some(region) = &plan.region {
        stack
            .resources
            .push(Resource::AwsProvider(ec2_playground_core::AwsProvider {
                id: "aws".into(),
                region: Some(region.clone()),
                ..Default::default()
            }));
    }
    let group_ids: Vec<String> = plan.groups.iter().map(|g| g.id.clone()).collect();
    let group_ref = |k: usize| match group_ids.get(k) {
        Some(id) => StrValue::Ref(Reference::new(id.clone(), "id")),
        None => StrValue::Literal(format!("sg-{k:08x}")),
    };
    let rule = |r: &RulePlan| SecurityGroupRule {
        protocol: Some(PROTOCOLS[r.protocol].into()),
        from_port: Some(r.from.into()),
        to_port: Some(r.to.into()),
        cidr_blocks: (!r.cidrs.is_empty()).then(|| r.cidrs.iter().map(|&c| CIDRS[c].to_owned()).collect()),
        ipv6_cidr_blocks: (!r.ipv6.is_empty()).then(|| r.ipv6.iter().map(|&c| IPV6[c].to_owned()).collect()),
        security_groups: (!r.groups.is_empty()).then(|| r.groups.iter().map(|&k| group_ref(k)).collect()),
        self_attribute: r.own.then_some(true),
        description: r.description.clone(),
        ..SecurityGroupRule::default()
    };
    for g in &plan.groups {
        let i = stack.resources.len();
        for (j, r) in g.ingress.iter().enumerate().filter(|(_, r)| r.flagged) {
            diagnostics.push(warning(
                &format!("resources[{i}].ingress[{j}].cidr_blocks[0]"),
                "ouvert",
                "open",
            ));
            let _ = r;
        }
        for (j, _) in g.egress.iter().flatten().enumerate().filter(|(_, r)| r.flagged) {
            diagnostics.push(warning(&format!("resources[{i}].egress[{j}]"), "sortie", "egress"));
        }
        stack.resources.push(Resource::SecurityGroup(SecurityGroup {
            id: g.id.clone(),
            name: g.name.clone(),
            ingress: Some(g.ingress.iter().map(rule).collect()),
            egress: g.egress.as_ref().map(|e| e.iter().map(rule).collect()),
            ..SecurityGroup::default()
        }));
    }
    let mut instance_ids: Vec<String> = Vec::new();
    for p in &plan.instances {
        let zone = match p.zone {
            z @ 0..=2 => Some(StrValue::Literal(ZONES[z].into())),
            3 => None,
            4 => instance_ids
                .first()
                .map(|id| StrValue::Ref(Reference::new(id.clone(), "availability_zone"))),
            _ => Some(StrValue::Ref(Reference::new("dangling", "availability_zone"))),
        };
        stack.resources.push(Resource::Instance(Instance {
            id: p.id.clone(),
            ami: Some("ami-0c55b159cbfafe1f0".into()),
            instance_type: p.instance_type.clone(),
            vpc_security_group_ids: Some(p.groups.iter().map(|&k| group_ref(k)).collect()),
            availability_zone: zone,
            user_data: p.user_data.then(|| UserData {
                script: "#!/bin/bash\necho hi\n".into(),
                ..UserData::default()
            }),
            ebs_block_device: (!p.devices.is_empty()).then(|| {
                p.devices
                    .iter()
                    .map(|(device, size, encrypted)| EbsBlockDevice {
                        device_name: device.clone(),
                        volume_size: size.map(JsNumber::from),
                        volume_type: Some("gp3".into()),
                        encrypted: Some(*encrypted),
                        iops: encrypted.then_some(3000.into()),
                        ..EbsBlockDevice::default()
                    })
                    .collect()
            }),
            ..Instance::default()
        }));
        instance_ids.push(p.id.clone());
    }
    for (n, v) in plan.volumes.iter().enumerate() {
        let zone = match v.zone {
            z @ 0..=2 => StrValue::Literal(ZONES[z].into()),
            3 => match instance_ids.get(n % instance_ids.len().max(1)) {
                Some(id) => StrValue::Ref(Reference::new(id.clone(), "availability_zone")),
                None => StrValue::Literal(ZONES[0].into()),
            },
            _ => StrValue::Ref(Reference::new("dangling", "availability_zone")),
        };
        stack.resources.push(Resource::EbsVolume(EbsVolume {
            id: v.id.clone(),
            availability_zone: zone,
            size: v.size.map(JsNumber::from),
            volume_type: Some("gp3".into()),
            ..EbsVolume::default()
        }));
        if let Some(instance) = v.attach_to.and_then(|k| instance_ids.get(k)) {
            stack.resources.push(Resource::VolumeAttachment(VolumeAttachment {
                id: format!("attach-{n}"),
                var: None,
                device_name: "/dev/sdh".into(),
                volume_id: StrValue::Ref(Reference::new(v.id.clone(), "id")),
                instance_id: StrValue::Ref(Reference::new(instance.clone(), "id")),
            }));
        }
        for s in &v.snapshots {
            stack.resources.push(Resource::EbsSnapshot(EbsSnapshot {
                id: s.clone(),
                var: None,
                volume_id: StrValue::Ref(Reference::new(v.id.clone(), "id")),
                description: Some(format!("backup of {}", v.id)),
                tags: None,
            }));
        }
    }
    for s in &plan.loose_snapshots {
        stack.resources.push(Resource::EbsSnapshot(EbsSnapshot {
            id: s.clone(),
            var: None,
            volume_id: StrValue::Literal("vol-0123456789abcdef0".into()),
            description: None,
            tags: None,
        }));
    }
    (stack, diagnostics)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Up to 20 instances, 10 security groups and 3 zones (and the lanes for no zone and a
    /// dangling zone): nothing overlaps, and the SVG is well-formed.
    #[test]
    fn no_two_boxes_overlap_and_no_label_crosses_a_box(plan in stack_plan(), english in any::<bool>()) {
        let (stack, mut diagnostics) = build(&plan);
        diagnostics.extend(check(&stack));
        let lang = if english { Lang::En } else { Lang::Fr };
        let layout = diagram_layout(&stack, &diagnostics, lang);
        prop_assert_eq!(check_layout(&layout), Ok(()));
        let svg = diagram_svg(&stack, &diagnostics, lang);
        let doc = roxmltree::Document::parse(&svg);
        prop_assert!(doc.is_ok());
        if let Ok(doc) = doc {
            let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
            let unique: BTreeSet<&str> = ids.iter().copied().collect();
            prop_assert_eq!(ids.len(), unique.len());
        }
        let instances = svg.matches("data-kind=\"instance\"").count();
        prop_assert_eq!(instances, plan.instances.len());
    }
}

// ---------------------------------------------------------------------------------------
// Presentation attributes (issue 14): renderers without CSS custom properties (librsvg)
// draw the light palette from attributes on each element; a browser's style sheet rules
// override them. The attributes must say what the style sheet says, no more.

/// One selector of the style sheet: compounds (tag, classes) joined by the descendant
/// combinator, with its specificity (classes, tags) and its place in the sheet.
struct Selector {
    compounds: Vec<(Option<String>, Vec<String>)>,
    specificity: (usize, usize),
    order: usize,
}

/// The rules of the diagram's style sheet that apply whatever the state (no `:hover`, no
/// highlight or selection class, no attribute selector), with the light palette's values
/// for the variables: (selector, declarations).
fn light_rules(style: &str) -> Vec<(Selector, Vec<(String, String)>)> {
    let mut vars: Vec<(String, String)> = Vec::new();
    let mut rules = Vec::new();
    for (order, rule) in style.split('}').enumerate() {
        let Some((selectors, body)) = rule.split_once('{') else {
            continue;
        };
        let selectors = selectors.trim();
        if selectors.starts_with('@') || selectors.contains("ec2p-light") || selectors.contains("ec2p-dark") {
            continue; // the dark palette, and the light one forced: same values as below
        }
        let decls: Vec<(String, String)> = body
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .map(|(p, v)| (p.trim().to_owned(), v.trim().to_owned()))
            .collect();
        if selectors == ".ec2p" {
            vars.extend(decls);
            continue;
        }
        let resolve = |v: &str| -> String {
            match v.strip_prefix("var(").and_then(|v| v.strip_suffix(')')) {
                Some(name) => match vars.iter().find(|(n, _)| n == name) {
                    Some((_, value)) => value.clone(),
                    None => panic!("the style sheet uses the undefined {name}"),
                },
                None => v.to_owned(),
            }
        };
        let decls: Vec<(String, String)> = decls.iter().map(|(p, v)| (p.clone(), resolve(v))).collect();
        for selector in selectors.split(',') {
            if selector.contains(':')
                || selector.contains('[')
                || selector.contains("ec2p-hl")
                || selector.contains("ec2p-selected")
            {
                continue;
            }
            let rest = selector
                .trim()
                .strip_prefix(".ec2p ")
                .unwrap_or_else(|| panic!("a rule outside .ec2p: {selector}"));
            let compounds: Vec<(Option<String>, Vec<String>)> = rest
                .split_whitespace()
                .map(|compound| {
                    let mut parts = compound.split('.');
                    let tag = parts.next().filter(|t| !t.is_empty()).map(str::to_owned);
                    (tag, parts.map(str::to_owned).collect())
                })
                .collect();
            let classes = 1 + compounds.iter().map(|(_, c)| c.len()).sum::<usize>();
            let tags = compounds.iter().filter(|(t, _)| t.is_some()).count();
            rules.push((
                Selector {
                    compounds,
                    specificity: (classes, tags),
                    order,
                },
                decls.clone(),
            ));
        }
    }
    rules
}

fn matches_compound(node: roxmltree::Node, (tag, classes): &(Option<String>, Vec<String>)) -> bool {
    let own: Vec<&str> = node.attribute("class").unwrap_or_default().split_whitespace().collect();
    tag.as_ref().is_none_or(|t| node.has_tag_name(t.as_str())) && classes.iter().all(|c| own.contains(&c.as_str()))
}

fn matches(node: roxmltree::Node, selector: &Selector) -> bool {
    let Some((last, before)) = selector.compounds.split_last() else {
        return false;
    };
    if !matches_compound(node, last) {
        return false;
    }
    // Descendant combinators: each earlier compound on some ancestor, nearest last.
    let mut ancestors = node.ancestors().skip(1);
    before
        .iter()
        .rev()
        .all(|compound| ancestors.any(|a| a.is_element() && matches_compound(a, compound)))
}

/// The value the style sheet's rules give `property` on `node` itself (not inherited).
fn cascaded(node: roxmltree::Node, rules: &[(Selector, Vec<(String, String)>)], property: &str) -> Option<String> {
    rules
        .iter()
        .filter(|(s, decls)| decls.iter().any(|(p, _)| p == property) && matches(node, s))
        .max_by_key(|(s, _)| (s.specificity, s.order))
        .and_then(|(_, decls)| decls.iter().rev().find(|(p, _)| p == property))
        .map(|(_, v)| v.trim_end_matches("px").to_owned())
}

#[test]
fn presentation_attributes_match_the_style_sheet() {
    const PAINTED: [&str; 6] = [
        "fill",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "font-size",
        "font-weight",
    ];
    let mut stacks: Vec<(String, String)> = fixture_dirs()
        .iter()
        .map(|dir| {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let svg = diagram_svg(&fixture(&name), &[], Lang::Fr);
            (name, svg)
        })
        .collect();
    stacks.push((
        "ec2-lab flagged".into(),
        diagram_svg(&fixture("ec2-lab"), &[lab_ssh_warning()], Lang::En),
    ));
    let mut elements = 0;
    for (name, svg) in &stacks {
        let doc = parse(svg);
        let style = doc
            .descendants()
            .find(|n| n.has_tag_name("style"))
            .and_then(|n| n.text())
            .expect("the SVG has a style sheet");
        let rules = light_rules(style);
        assert!(rules.len() > 30, "{name}: only {} rules read", rules.len());
        let root = doc.root_element();
        assert_eq!(
            root.attribute("font-family"),
            cascaded(
                doc.descendants().find(|n| n.has_tag_name("text")).expect("a text"),
                &rules,
                "font-family"
            )
            .as_deref()
        );
        for node in doc.descendants().filter(|n| {
            ["rect", "polyline", "polygon", "text", "tspan"]
                .iter()
                .any(|t| n.has_tag_name(*t))
        }) {
            elements += 1;
            for property in PAINTED {
                let css = cascaded(node, &rules, property);
                let attr = node.attribute(property);
                // `transparent` and `none` strokes draw as SVG's default (no stroke).
                let css = css.filter(|v| !(property == "stroke" && (v == "transparent" || v == "none")));
                assert_eq!(
                    attr,
                    css.as_deref(),
                    "{name}: {property} of <{} class=\"{}\">",
                    node.tag_name().name(),
                    node.attribute("class").unwrap_or_default()
                );
            }
        }
        // What a renderer without CSS shows: every drawn element has its colour.
        for node in doc
            .descendants()
            .filter(|n| ["rect", "polygon", "text"].iter().any(|t| n.has_tag_name(*t)))
        {
            assert!(
                node.attribute("fill").is_some_and(|f| f.starts_with('#')),
                "{name}: no fill on {node:?}"
            );
        }
    }
    assert!(elements > 2000, "only {elements} elements checked");
}

#[test]
fn the_consistency_check_finds_a_wrong_attribute() {
    let svg = diagram_svg(&fixture("ec2-lab"), &[], Lang::Fr);
    let doc = parse(&svg);
    let rules = light_rules(
        doc.descendants()
            .find(|n| n.has_tag_name("style"))
            .and_then(|n| n.text())
            .expect("style"),
    );
    let card = doc
        .descendants()
        .find(|n| n.has_tag_name("rect") && n.attribute("class") == Some("card"))
        .expect("the lab has an instance card");
    assert_eq!(cascaded(card, &rules, "fill").as_deref(), Some("#ddf4ff"));
    assert_eq!(cascaded(card, &rules, "stroke-width").as_deref(), Some("1.5"));
    let warn_doc = diagram_svg(&fixture("ec2-lab"), &[lab_ssh_warning()], Lang::Fr);
    let warn_doc = parse(&warn_doc);
    let rules = light_rules(
        warn_doc
            .descendants()
            .find(|n| n.has_tag_name("style"))
            .and_then(|n| n.text())
            .expect("style"),
    );
    let warn_text = warn_doc
        .descendants()
        .find(|n| n.has_tag_name("text") && n.ancestors().any(|a| a.attribute("class") == Some("rule warn")))
        .expect("a flagged rule's label");
    assert_eq!(cascaded(warn_text, &rules, "fill").as_deref(), Some("#d1242f"));
    assert_eq!(cascaded(warn_text, &rules, "font-weight").as_deref(), Some("700"));
}
