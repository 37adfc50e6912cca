//! What the diagram shows, read from the stack: zones and what sits in each, security
//! groups with the instances they guard, and their rules grouped by source or destination.
//!
//! References are followed by construct id, as synth does; one that leads nowhere is shown
//! as written (`vol.availability_zone`) rather than guessed at. Nothing here fails: every
//! stack, however broken, has a diagram.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::model::{
    DataAwsAmi, EbsBlockDevice, EbsVolume, Instance, Resource, RootBlockDevice, SecurityGroup, SecurityGroupRule, Stack,
};
use crate::number::JsNumber;
use crate::value::{Reference, StrValue};

use super::words::{key, rule_traffic, tr};

/// Everything the diagram draws.
#[derive(Debug)]
pub(crate) struct Facts {
    pub(crate) stack_name: String,
    pub(crate) region: Option<String>,
    pub(crate) lanes: Vec<Lane>,
    /// Snapshots of volumes the diagram does not show (a literal `vol-…` id).
    pub(crate) loose_snapshots: Vec<SnapshotFact>,
    pub(crate) groups: Vec<GroupFact>,
}

/// Which lane a thing sits in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Zone {
    /// A zone written as a literal (`eu-west-3a`).
    Named(String),
    /// No zone set: AWS chooses.
    Chosen,
    /// A reference that leads to no zone.
    Unknown,
}

/// One availability zone and what sits in it.
#[derive(Debug)]
pub(crate) struct Lane {
    pub(crate) zone: Zone,
    pub(crate) units: Vec<Unit>,
}

/// An instance with its volumes, or a volume on its own.
#[derive(Debug)]
pub(crate) struct Unit {
    pub(crate) instance: Option<InstanceFact>,
    pub(crate) volumes: Vec<VolumeFact>,
}

/// A line of a card: a muted key and its value; the tooltip when the value needs one.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) key: String,
    pub(crate) value: String,
    pub(crate) tooltip: Option<String>,
}

impl Line {
    pub(crate) fn new(key: String, value: impl Into<String>) -> Self {
        Line {
            key,
            value: value.into(),
            tooltip: None,
        }
    }
}

/// A security group as an instance card names it.
#[derive(Debug, Clone)]
pub(crate) struct Chip {
    pub(crate) label: String,
    /// Index of the group in `resources`, when the chip names one of the stack.
    pub(crate) target: Option<usize>,
    /// The VPC's default group, attached when the instance names none.
    pub(crate) default_group: bool,
}

/// An instance's card.
#[derive(Debug)]
pub(crate) struct InstanceFact {
    pub(crate) index: usize,
    pub(crate) id: String,
    pub(crate) lines: Vec<Line>,
    /// The user-data script, when the instance has one.
    pub(crate) user_data: Option<String>,
    pub(crate) chips: Vec<Chip>,
}

/// Where a volume box comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum VolumeSource {
    /// `ebs_block_device[j]` of the instance at `index`.
    BlockDevice { index: usize, position: usize },
    /// The `EbsVolume` at `index`.
    Volume { index: usize },
    /// A volume given by a literal id to the `VolumeAttachment` at `index`.
    Existing { index: usize },
}

/// A volume's box.
#[derive(Debug)]
pub(crate) struct VolumeFact {
    pub(crate) source: VolumeSource,
    /// Attached to the instance it is drawn beside (a block device, or a
    /// `VolumeAttachment`): wired to it. A volume that only shares the instance's zone is
    /// drawn beside it, unwired.
    pub(crate) attached: bool,
    pub(crate) title: String,
    pub(crate) lines: Vec<String>,
    pub(crate) snapshots: Vec<SnapshotFact>,
}

/// A snapshot's box.
#[derive(Debug, Clone)]
pub(crate) struct SnapshotFact {
    pub(crate) index: usize,
    pub(crate) id: String,
    pub(crate) description: Option<String>,
    /// What the snapshot is taken of, for a snapshot whose volume is not drawn.
    pub(crate) of: Option<String>,
}

/// A security group's row: its box, the traffic it lets in on the left and out on the right.
#[derive(Debug)]
pub(crate) struct GroupFact {
    pub(crate) index: usize,
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
    /// The instances it guards: (index, construct id).
    pub(crate) guards: Vec<(usize, String)>,
    pub(crate) inbound: Vec<Endpoint>,
    pub(crate) outbound: Vec<Endpoint>,
}

/// What kind of source or destination an endpoint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EndpointKind {
    /// `0.0.0.0/0` or `::/0`.
    Internet,
    /// Any other CIDR block.
    Cidr,
    /// A managed prefix list (`pl-…`).
    PrefixList,
    /// Another security group (or this one named by id).
    Group,
    /// `self`: the group itself.
    OwnGroup,
    /// A rule with no source or destination at all.
    Nowhere,
}

/// A source (inbound) or destination (outbound), with the rules that reach it.
#[derive(Debug)]
pub(crate) struct Endpoint {
    pub(crate) kind: EndpointKind,
    pub(crate) value: String,
    /// The group it names, when it is one of the stack's.
    pub(crate) target: Option<usize>,
    pub(crate) arrows: Vec<Arrow>,
}

/// One arrow: one rule towards one endpoint.
#[derive(Debug)]
pub(crate) struct Arrow {
    /// `ec2p-r2-in0-1`: unique in the diagram.
    pub(crate) id: String,
    /// `resources[2].ingress[0]`: the rule, for the web app.
    pub(crate) path: String,
    /// `TCP 22 · SSH`.
    pub(crate) label: String,
    /// The rule in a sentence, for the tooltip.
    pub(crate) summary: String,
    /// The checks' messages about this rule (Warning or Error), in `lang`.
    pub(crate) warnings: Vec<String>,
    /// The most serious of them.
    pub(crate) severity: Option<Severity>,
}

/// Inbound or outbound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    fn kwarg(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }
}

/// `resources[2].ingress[0]…` → `(2, Ingress, 0)`; `None` for a path that is not in a rule.
pub(crate) fn rule_of_path(path: &str) -> Option<(usize, Direction, usize)> {
    fn index(rest: &str) -> Option<(usize, &str)> {
        let end = rest.find(']')?;
        let digits = &rest[..end];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((digits.parse().ok()?, &rest[end + 1..]))
    }
    let (resource, rest) = index(path.strip_prefix("resources[")?)?;
    let (direction, rest) = if let Some(rest) = rest.strip_prefix(".ingress[") {
        (Direction::Ingress, rest)
    } else {
        (Direction::Egress, rest.strip_prefix(".egress[")?)
    };
    let (rule, rest) = index(rest)?;
    if rest.is_empty() || rest.starts_with('.') || rest.starts_with('[') {
        Some((resource, direction, rule))
    } else {
        None
    }
}

/// Construct ids to positions (the first of a duplicated id wins, as in `Stack::find`).
struct Index<'a> {
    stack: &'a Stack,
    by_id: BTreeMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    fn new(stack: &'a Stack) -> Self {
        let mut by_id = BTreeMap::new();
        for (i, r) in stack.resources.iter().enumerate() {
            by_id.entry(r.id()).or_insert(i);
        }
        Index { stack, by_id }
    }

    fn get(&self, id: &str) -> Option<(usize, &'a Resource)> {
        let i = *self.by_id.get(id)?;
        Some((i, self.stack.resources.get(i)?))
    }

    /// The zone a value leads to, following references to the `availability_zone` of
    /// instances and volumes.
    fn zone(&self, value: Option<&'a StrValue>) -> Zone {
        let mut value = value;
        // Each step moves to another resource: more steps than resources is a cycle.
        for _ in 0..=self.stack.resources.len() {
            match value {
                None => return Zone::Chosen,
                Some(StrValue::Literal(s)) if s.trim().is_empty() => return Zone::Chosen,
                Some(StrValue::Literal(s)) => return Zone::Named(s.clone()),
                Some(StrValue::Ref(r)) if r.attr == "availability_zone" => match self.get(&r.resource) {
                    Some((_, Resource::Instance(inst))) => value = inst.availability_zone.as_ref(),
                    Some((_, Resource::EbsVolume(vol))) => value = Some(&vol.availability_zone),
                    _ => return Zone::Unknown,
                },
                Some(StrValue::Ref(_)) => return Zone::Unknown,
            }
        }
        Zone::Unknown
    }

    fn instance(&self, value: &StrValue) -> Option<usize> {
        match self.get(&value.as_ref()?.resource) {
            Some((i, Resource::Instance(_))) => Some(i),
            _ => None,
        }
    }

    fn volume(&self, value: &StrValue) -> Option<usize> {
        match self.get(&value.as_ref()?.resource) {
            Some((i, Resource::EbsVolume(_))) => Some(i),
            _ => None,
        }
    }

    fn group(&self, value: &StrValue) -> Option<(usize, &'a SecurityGroup)> {
        match self.get(&value.as_ref()?.resource) {
            Some((i, Resource::SecurityGroup(sg))) => Some((i, sg)),
            _ => None,
        }
    }
}

/// `web.availability_zone`: a reference as the learner wrote it.
fn reference_text(r: &Reference) -> String {
    format!("{}.{}", r.resource, r.attr)
}

fn value_text(value: &StrValue) -> String {
    match value {
        StrValue::Literal(s) => s.clone(),
        StrValue::Ref(r) => reference_text(r),
    }
}

/// A volume in words, over at most two lines: `10 Gio gp3`, then `1000 IOPS · chiffré`.
fn volume_spec(
    size: Option<JsNumber>,
    volume_type: Option<&str>,
    iops: Option<JsNumber>,
    encrypted: Option<bool>,
    lang: Lang,
) -> Vec<String> {
    let mut first = Vec::new();
    if let Some(size) = size {
        first.push(format!("{size} {}", tr(lang, "Gio", "GiB")));
    }
    if let Some(t) = volume_type {
        first.push(t.to_owned());
    }
    let mut second = Vec::new();
    if let Some(iops) = iops {
        second.push(format!("{iops} IOPS"));
    }
    if encrypted == Some(true) {
        second.push(tr(lang, "chiffré", "encrypted").to_owned());
    }
    [first.join(" "), second.join(" · ")]
        .into_iter()
        .filter(|line| !line.is_empty())
        .collect()
}

fn root_line(root: Option<&RootBlockDevice>, lang: Lang) -> Line {
    let spec = root
        .map(|r| volume_spec(r.volume_size, r.volume_type.as_deref(), r.iops, r.encrypted, lang))
        .unwrap_or_default();
    let value = if spec.is_empty() {
        tr(lang, "selon l'AMI", "as the AMI says").to_owned()
    } else {
        spec.join(" · ")
    };
    Line::new(key(lang, "racine", "root"), value)
}

fn ami_line(index: &Index, ami: Option<&StrValue>, lang: Lang) -> Line {
    let k = key(lang, "AMI", "AMI");
    let Some(ami) = ami else {
        return Line::new(k, "—");
    };
    if let StrValue::Ref(r) = ami {
        if let Some((_, Resource::DataAwsAmi(lookup))) = index.get(&r.resource) {
            let mut line = Line::new(k, lookup.id.clone());
            line.tooltip = Some(lookup_summary(lookup, lang));
            return line;
        }
    }
    Line::new(k, value_text(ami))
}

/// `Recherche d'AMI amazon_linux : la plus récente ; propriétaires amazon ; name = …`.
fn lookup_summary(lookup: &DataAwsAmi, lang: Lang) -> String {
    let mut parts = Vec::new();
    if lookup.most_recent == Some(true) {
        parts.push(tr(lang, "la plus récente", "the most recent").to_owned());
    }
    if let Some(owners) = &lookup.owners {
        parts.push(format!(
            "{}{}",
            tr(lang, "propriétaires ", "owners "),
            owners.join(", ")
        ));
    }
    for filter in lookup.filter.iter().flatten() {
        parts.push(format!("{} = {}", filter.name, filter.values.join(", ")));
    }
    if let Some(regex) = &lookup.name_regex {
        parts.push(format!("name_regex = {regex}"));
    }
    let head = match lang {
        Lang::Fr => format!("Recherche d'AMI {} : ", lookup.id),
        Lang::En => format!("AMI lookup {}: ", lookup.id),
    };
    format!("{head}{}", parts.join(tr(lang, " ; ", "; ")))
}

fn key_line(index: &Index, key_name: Option<&StrValue>, lang: Lang) -> Line {
    let k = key(lang, "clé", "key");
    let value = match key_name {
        None => tr(lang, "aucune", "none").to_owned(),
        Some(StrValue::Ref(r)) => match index.get(&r.resource) {
            Some((_, Resource::KeyPair(kp))) => kp.key_name.clone().unwrap_or_else(|| kp.id.clone()),
            _ => reference_text(r),
        },
        Some(StrValue::Literal(s)) => s.clone(),
    };
    Line::new(k, value)
}

fn instance_fact(index: &Index, i: usize, inst: &Instance, lang: Lang) -> InstanceFact {
    let mut lines = vec![Line::new(
        key(lang, "type", "type"),
        inst.instance_type.clone().unwrap_or_else(|| "—".to_owned()),
    )];
    lines.push(ami_line(index, inst.ami.as_ref(), lang));
    lines.push(key_line(index, inst.key_name.as_ref(), lang));
    lines.push(root_line(inst.root_block_device.as_ref(), lang));
    if let Some(StrValue::Ref(r)) = &inst.availability_zone {
        let value = match index.get(&r.resource) {
            Some((_, other)) if r.attr == "availability_zone" => match lang {
                Lang::Fr => format!("celle de {}", other.id()),
                Lang::En => format!("same as {}", other.id()),
            },
            _ => reference_text(r),
        };
        lines.push(Line::new(key(lang, "zone", "zone"), value));
    }
    let user_data = inst
        .user_data
        .as_ref()
        .or(inst.user_data_base64.as_ref())
        .map(|u| u.script.clone());
    let mut chips: Vec<Chip> = inst
        .vpc_security_group_ids
        .iter()
        .flatten()
        .map(|v| match index.group(v) {
            Some((g, sg)) => Chip {
                label: sg.id.clone(),
                target: Some(g),
                default_group: false,
            },
            None => Chip {
                label: value_text(v),
                target: None,
                default_group: false,
            },
        })
        .collect();
    if chips.is_empty() {
        chips.push(Chip {
            label: tr(lang, "groupe par défaut du VPC", "the VPC's default group").to_owned(),
            target: None,
            default_group: true,
        });
    }
    InstanceFact {
        index: i,
        id: inst.id.clone(),
        lines,
        user_data,
        chips,
    }
}

fn block_device_fact(i: usize, j: usize, device: &EbsBlockDevice, lang: Lang) -> VolumeFact {
    let mut lines = vec![tr(lang, "créé avec l'instance", "made with the instance").to_owned()];
    lines.extend(volume_spec(
        device.volume_size,
        device.volume_type.as_deref(),
        device.iops,
        device.encrypted,
        lang,
    ));
    if let Some(snapshot) = &device.snapshot_id {
        lines.push(format!("{}{snapshot}", key(lang, "depuis", "from")));
    }
    VolumeFact {
        source: VolumeSource::BlockDevice { index: i, position: j },
        attached: true,
        title: device.device_name.clone(),
        lines,
        snapshots: Vec::new(),
    }
}

fn volume_fact(index: &Index, i: usize, vol: &EbsVolume, device: String, lang: Lang) -> VolumeFact {
    let mut lines = vec![device];
    lines.extend(volume_spec(
        vol.size,
        vol.volume_type.as_deref(),
        vol.iops,
        vol.encrypted,
        lang,
    ));
    if let Some(snapshot) = &vol.snapshot_id {
        let from = match snapshot.as_ref().and_then(|r| index.get(&r.resource)) {
            Some((_, r)) => r.id().to_owned(),
            None => value_text(snapshot),
        };
        lines.push(format!("{}{from}", key(lang, "depuis", "from")));
    }
    VolumeFact {
        source: VolumeSource::Volume { index: i },
        attached: false,
        title: vol.id.clone(),
        lines,
        snapshots: Vec::new(),
    }
}

/// The endpoints one rule reaches, in the order its fields are written.
fn rule_endpoints(index: &Index, own: usize, rule: &SecurityGroupRule) -> Vec<(EndpointKind, String, Option<usize>)> {
    let mut out = Vec::new();
    for cidr in rule.cidr_blocks.iter().flatten() {
        let kind = if cidr.trim() == "0.0.0.0/0" {
            EndpointKind::Internet
        } else {
            EndpointKind::Cidr
        };
        out.push((kind, cidr.clone(), None));
    }
    for cidr in rule.ipv6_cidr_blocks.iter().flatten() {
        let kind = if cidr.trim() == "::/0" {
            EndpointKind::Internet
        } else {
            EndpointKind::Cidr
        };
        out.push((kind, cidr.clone(), None));
    }
    for list in rule.prefix_list_ids.iter().flatten() {
        out.push((EndpointKind::PrefixList, list.clone(), None));
    }
    for group in rule.security_groups.iter().flatten() {
        match index.group(group) {
            Some((g, sg)) => out.push((EndpointKind::Group, sg.id.clone(), Some(g))),
            None => out.push((EndpointKind::Group, value_text(group), None)),
        }
    }
    if rule.self_attribute == Some(true) {
        let own_id = index
            .stack
            .resources
            .get(own)
            .map(|r| r.id().to_owned())
            .unwrap_or_default();
        out.push((EndpointKind::OwnGroup, own_id, Some(own)));
    }
    if out.is_empty() {
        out.push((EndpointKind::Nowhere, String::new(), None));
    }
    out
}

/// How an endpoint is named in a sentence: `Internet (0.0.0.0/0)`, `le groupe lb-sg`.
fn endpoint_phrase(kind: EndpointKind, value: &str, lang: Lang) -> String {
    match (kind, lang) {
        (EndpointKind::Internet, Lang::Fr) => format!("Internet ({value})"),
        (EndpointKind::Internet, Lang::En) => format!("the Internet ({value})"),
        (EndpointKind::Cidr, _) => value.to_owned(),
        (EndpointKind::PrefixList, Lang::Fr) => format!("la liste de préfixes {value}"),
        (EndpointKind::PrefixList, Lang::En) => format!("the prefix list {value}"),
        (EndpointKind::Group, Lang::Fr) => format!("le groupe {value}"),
        (EndpointKind::Group, Lang::En) => format!("the group {value}"),
        (EndpointKind::OwnGroup, Lang::Fr) => format!("ce groupe ({value})"),
        (EndpointKind::OwnGroup, Lang::En) => format!("this group ({value})"),
        (EndpointKind::Nowhere, Lang::Fr) => "nulle part (ni CIDR ni groupe)".to_owned(),
        (EndpointKind::Nowhere, Lang::En) => "nowhere (no CIDR, no group)".to_owned(),
    }
}

fn rule_summary(direction: Direction, traffic: &str, phrase: &str, rule: &SecurityGroupRule, lang: Lang) -> String {
    let mut summary = match (direction, lang) {
        (Direction::Ingress, Lang::Fr) => format!("Entrant : {traffic} depuis {phrase}"),
        (Direction::Ingress, Lang::En) => format!("Inbound: {traffic} from {phrase}"),
        (Direction::Egress, Lang::Fr) => format!("Sortant : {traffic} vers {phrase}"),
        (Direction::Egress, Lang::En) => format!("Outbound: {traffic} to {phrase}"),
    };
    if let Some(description) = rule.description.as_deref().filter(|d| !d.is_empty()) {
        summary.push('\n');
        summary.push_str(&key(lang, "Description", "Description"));
        summary.push_str(description);
    }
    summary
}

/// The diagnostics of severity Warning or Error about each rule, keyed by
/// `(resource, direction, rule)` as [`rule_of_path`] reads their paths, in their order.
/// Built once, so that each rule finds its own without reading every diagnostic.
type RuleDiagnostics<'d> = BTreeMap<(usize, Direction, usize), Vec<&'d Diagnostic>>;

fn rule_diagnostics(diagnostics: &[Diagnostic]) -> RuleDiagnostics<'_> {
    let mut by_rule: RuleDiagnostics = BTreeMap::new();
    for d in diagnostics
        .iter()
        .filter(|d| matches!(d.severity, Severity::Warning | Severity::Error))
    {
        if let Some(rule) = rule_of_path(&d.path) {
            by_rule.entry(rule).or_default().push(d);
        }
    }
    by_rule
}

/// The endpoints of one side of a group, each with its arrows.
fn side(
    index: &Index,
    i: usize,
    direction: Direction,
    rules: Option<&Vec<SecurityGroupRule>>,
    diagnostics: &RuleDiagnostics,
    lang: Lang,
) -> Vec<Endpoint> {
    let mut endpoints: Vec<Endpoint> = Vec::new();
    let short = match direction {
        Direction::Ingress => "in",
        Direction::Egress => "out",
    };
    for (j, rule) in rules.into_iter().flatten().enumerate() {
        let traffic = rule_traffic(rule, lang);
        let path = format!("resources[{i}].{}[{j}]", direction.kwarg());
        let concerning: &[&Diagnostic] = diagnostics.get(&(i, direction, j)).map_or(&[], Vec::as_slice);
        let severity = concerning.iter().map(|d| d.severity).min();
        let warnings: Vec<String> = concerning.iter().map(|d| d.message.get(lang).to_owned()).collect();
        for (k, (kind, value, target)) in rule_endpoints(index, i, rule).into_iter().enumerate() {
            let arrow = Arrow {
                id: format!("ec2p-r{i}-{short}{j}-{k}"),
                path: path.clone(),
                label: traffic.clone(),
                summary: rule_summary(direction, &traffic, &endpoint_phrase(kind, &value, lang), rule, lang),
                warnings: warnings.clone(),
                severity,
            };
            match endpoints.iter_mut().find(|e| e.kind == kind && e.value == value) {
                Some(endpoint) => endpoint.arrows.push(arrow),
                None => endpoints.push(Endpoint {
                    kind,
                    value,
                    target,
                    arrows: vec![arrow],
                }),
            }
        }
    }
    endpoints
}

/// Reads what the diagram shows from `stack`.
pub(crate) fn read(stack: &Stack, diagnostics: &[Diagnostic], lang: Lang) -> Facts {
    let index = Index::new(stack);
    let region = stack.resources.iter().find_map(|r| match r {
        Resource::AwsProvider(p) => p.region.clone(),
        _ => None,
    });

    // Where each EbsVolume goes: attached to (instance, device), else beside the instance
    // whose zone it takes, else on its own in its zone.
    let mut attached: BTreeMap<usize, (usize, String)> = BTreeMap::new();
    let mut existing: Vec<(usize, VolumeFact)> = Vec::new(); // (instance, literal volume)
    let mut attached_elsewhere: BTreeMap<usize, String> = BTreeMap::new();
    for (a, r) in stack.resources.iter().enumerate() {
        let Resource::VolumeAttachment(att) = r else { continue };
        match (index.volume(&att.volume_id), index.instance(&att.instance_id)) {
            (Some(v), Some(inst)) => {
                attached.entry(v).or_insert((inst, att.device_name.clone()));
            }
            (None, Some(inst)) => existing.push((
                inst,
                VolumeFact {
                    source: VolumeSource::Existing { index: a },
                    attached: true,
                    title: value_text(&att.volume_id),
                    lines: vec![
                        att.device_name.clone(),
                        tr(lang, "volume existant", "existing volume").to_owned(),
                    ],
                    snapshots: Vec::new(),
                },
            )),
            (Some(v), None) => {
                let on = format!("{} → {}", att.device_name, value_text(&att.instance_id));
                attached_elsewhere.entry(v).or_insert(on);
            }
            (None, None) => {}
        }
    }

    let mut snapshots_of: BTreeMap<usize, Vec<SnapshotFact>> = BTreeMap::new();
    let mut loose_snapshots = Vec::new();
    for (s, r) in stack.resources.iter().enumerate() {
        let Resource::EbsSnapshot(snap) = r else { continue };
        let fact = SnapshotFact {
            index: s,
            id: snap.id.clone(),
            description: snap.description.clone(),
            of: None,
        };
        match index.volume(&snap.volume_id) {
            Some(v) => snapshots_of.entry(v).or_default().push(fact),
            None => loose_snapshots.push(SnapshotFact {
                of: Some(value_text(&snap.volume_id)),
                ..fact
            }),
        }
    }

    // Units, keyed by instance index, then the volumes on their own.
    let mut units: BTreeMap<usize, Unit> = BTreeMap::new();
    let mut lanes: BTreeMap<Zone, Vec<usize>> = BTreeMap::new();
    for (i, r) in stack.resources.iter().enumerate() {
        let Resource::Instance(inst) = r else { continue };
        let volumes = inst
            .ebs_block_device
            .iter()
            .flatten()
            .enumerate()
            .map(|(j, d)| block_device_fact(i, j, d, lang))
            .collect();
        units.insert(
            i,
            Unit {
                instance: Some(instance_fact(&index, i, inst, lang)),
                volumes,
            },
        );
        lanes
            .entry(index.zone(inst.availability_zone.as_ref()))
            .or_default()
            .push(i);
    }
    for (inst, fact) in existing {
        if let Some(unit) = units.get_mut(&inst) {
            unit.volumes.push(fact);
        }
    }
    let mut alone: BTreeMap<Zone, Vec<Unit>> = BTreeMap::new();
    for (v, r) in stack.resources.iter().enumerate() {
        let Resource::EbsVolume(vol) = r else { continue };
        let beside = match (&vol.availability_zone, attached.get(&v)) {
            (_, Some((inst, device))) => Some((*inst, device.clone())),
            (zone, None) => index
                .instance(zone)
                .filter(|_| zone.as_ref().is_some_and(|z| z.attr == "availability_zone"))
                .map(|inst| (inst, tr(lang, "non attaché", "not attached").to_owned())),
        };
        let mut fact = match (beside.as_ref(), attached_elsewhere.get(&v)) {
            (Some((_, device)), _) => volume_fact(&index, v, vol, device.clone(), lang),
            (None, Some(on)) => volume_fact(&index, v, vol, on.clone(), lang),
            (None, None) => volume_fact(&index, v, vol, tr(lang, "non attaché", "not attached").to_owned(), lang),
        };
        fact.snapshots = snapshots_of.remove(&v).unwrap_or_default();
        fact.attached = attached.contains_key(&v);
        match beside.and_then(|(inst, _)| units.get_mut(&inst)) {
            Some(unit) => unit.volumes.push(fact),
            None => alone
                .entry(index.zone(Some(&vol.availability_zone)))
                .or_default()
                .push(Unit {
                    instance: None,
                    volumes: vec![fact],
                }),
        }
    }
    let mut zones: Vec<Zone> = lanes.keys().chain(alone.keys()).cloned().collect();
    zones.sort();
    zones.dedup();
    let lanes = zones
        .into_iter()
        .map(|zone| {
            let mut lane_units: Vec<Unit> = lanes
                .get(&zone)
                .into_iter()
                .flatten()
                .filter_map(|i| units.remove(i))
                .collect();
            lane_units.extend(alone.remove(&zone).unwrap_or_default());
            Lane {
                zone,
                units: lane_units,
            }
        })
        .collect();

    // The instances each group guards, in the stack's order, each once: one pass over the
    // instances rather than one per group.
    let mut guards_of: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
    for (k, r) in stack.resources.iter().enumerate() {
        let Resource::Instance(inst) = r else { continue };
        for v in inst.vpc_security_group_ids.iter().flatten() {
            let Some((g, _)) = index.group(v) else { continue };
            let guards = guards_of.entry(g).or_default();
            if guards.last().map(|(last, _)| *last) != Some(k) {
                guards.push((k, inst.id.clone()));
            }
        }
    }
    let by_rule = rule_diagnostics(diagnostics);
    let mut groups = Vec::new();
    for (i, r) in stack.resources.iter().enumerate() {
        let Resource::SecurityGroup(sg) = r else { continue };
        let guards = guards_of.remove(&i).unwrap_or_default();
        groups.push(GroupFact {
            index: i,
            id: sg.id.clone(),
            name: sg.name.clone(),
            description: sg.description.clone(),
            guards,
            inbound: side(&index, i, Direction::Ingress, sg.ingress.as_ref(), &by_rule, lang),
            outbound: side(&index, i, Direction::Egress, sg.egress.as_ref(), &by_rule, lang),
        });
    }

    Facts {
        stack_name: stack.name.clone(),
        region,
        lanes,
        loose_snapshots,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_paths() {
        assert_eq!(
            rule_of_path("resources[2].ingress[0]"),
            Some((2, Direction::Ingress, 0))
        );
        assert_eq!(
            rule_of_path("resources[12].egress[3].cidr_blocks[0]"),
            Some((12, Direction::Egress, 3))
        );
        assert_eq!(
            rule_of_path("resources[2].ingress[0].from_port"),
            Some((2, Direction::Ingress, 0))
        );
        assert_eq!(rule_of_path("resources[2].ingress"), None);
        assert_eq!(rule_of_path("resources[2].ingress[0]x"), None);
        assert_eq!(rule_of_path("resources[2].tags"), None);
        assert_eq!(rule_of_path("resources[].ingress[0]"), None);
        assert_eq!(rule_of_path("resources[+1].ingress[0]"), None);
        assert_eq!(rule_of_path("resources[99999999999999999999999].ingress[0]"), None);
        assert_eq!(rule_of_path(""), None);
    }
}
