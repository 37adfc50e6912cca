//! From facts to a drawing: a grid that the code controls, so that the no-overlap rule
//! holds by construction (and the tests check it over generated stacks).
//!
//! Top to bottom: the stack's name; the region, its zones as lanes side by side, each lane
//! a column of instances with their volumes to the right and the volumes' snapshots further
//! right; the security groups, one row each, sources on the left with an arrow per rule
//! into the group, destinations on the right with an arrow per rule out of it; the legend.
//! Every part is built at its own origin and placed by translation.

use crate::diagnostic::Severity;
use crate::i18n::Lang;

use super::facts::{
    Arrow, Chip, Endpoint, EndpointKind, Facts, GroupFact, InstanceFact, Lane, Line, SnapshotFact, Unit, VolumeFact,
    VolumeSource, Zone,
};
use super::scene::{BoxRole, Piece, Rect, Span};
use super::text::{fit, measure, Font};
use super::words::{count, key, tr};

const MARGIN: i64 = 20;
const PAD: i64 = 10;
const CARD_W: i64 = 264;
const VOL_W: i64 = 200;
const SNAP_W: i64 = 184;
const CARD_TO_VOL: i64 = 40;
const VOL_TO_SNAP: i64 = 32;
const UNIT_GAP: i64 = 16;
const LANE_PAD: i64 = 14;
const LANE_HEAD: i64 = 36;
const LANE_GAP: i64 = 16;
const LANE_MIN_W: i64 = 240;
const SECTION_PAD: i64 = 16;
const SECTION_HEAD: i64 = 40;
const SECTION_GAP: i64 = 24;
const CHIP_H: i64 = 18;
const CHIP_ROW: i64 = 22;
const CHIP_PAD: i64 = 6;
const SG_W: i64 = 250;
const EP_MIN_W: i64 = 120;
const EP_MAX_W: i64 = 220;
const EP_MIN_H: i64 = 46;
const EP_GAP: i64 = 10;
const SLOT: i64 = 32;
/// From the top of an arrow's slot to its line.
const SLOT_LINE: i64 = 22;
const ROW_GAP: i64 = 18;
const CHANNEL_MIN: i64 = 130;
const HEAD: i64 = 9;
const WARN_ICON: i64 = 16;

fn span(text: impl Into<String>) -> Span {
    Span {
        class: None,
        text: text.into(),
    }
}

fn muted(text: impl Into<String>) -> Span {
    Span {
        class: Some("k"),
        text: text.into(),
    }
}

/// Draws `text` in `font` within `max_width`, shortened with a tooltip when needed;
/// returns the width drawn.
fn fitted(
    piece: &mut Piece,
    x: i64,
    top: i64,
    font: Font,
    text: &str,
    max_width: i64,
    class: Option<&'static str>,
) -> i64 {
    let f = fit(text, font, max_width);
    let tooltip = f.shortened.then(|| text.to_owned());
    piece.text(x, top, font, vec![Span { class, text: f.text }], tooltip)
}

/// Draws a `key : value` line within `max_width`; the value is shortened when needed and
/// the tooltip then holds the whole line (and `extra`, when given).
fn keyed(piece: &mut Piece, x: i64, top: i64, line: &Line, max_width: i64) {
    let key_w = measure(&line.key, Font::Body);
    let f = fit(&line.value, Font::Body, (max_width - key_w).max(0));
    let tooltip = match (&line.tooltip, f.shortened) {
        (Some(t), _) => Some(t.clone()),
        (None, true) => Some(format!("{}{}", line.key, line.value)),
        (None, false) => None,
    };
    piece.text(x, top, Font::Body, vec![muted(line.key.clone()), span(f.text)], tooltip);
}

/// A chip to lay out: its text, the class of its box, the attributes of its `<g>`.
struct ChipSpec {
    label: String,
    class: &'static str,
    attrs: Vec<(&'static str, String)>,
}

/// Lays chips out in rows within `[x0, x0 + width)`, after a leading `lead` text; returns
/// the bottom of the last row.
fn chip_rows(piece: &mut Piece, x0: i64, top: i64, width: i64, lead: &str, chips: Vec<ChipSpec>) -> i64 {
    let mut x = x0 + piece.text(x0, top + 1, Font::Body, vec![muted(lead)], None);
    let mut y = top;
    let right = x0 + width;
    for ChipSpec { label, class, attrs } in chips {
        let f = fit(&label, Font::Small, width - 2 * CHIP_PAD);
        let w = measure(&f.text, Font::Small) + 2 * CHIP_PAD;
        if x + CHIP_PAD + w > right {
            x = x0;
            y += CHIP_ROW;
        } else {
            x += CHIP_PAD;
        }
        let mut chip = Piece::default();
        chip.rect(Rect::new(0, 0, w, CHIP_H), class, BoxRole::Chip, 9);
        chip.text(
            CHIP_PAD,
            2,
            Font::Small,
            vec![span(f.text)],
            f.shortened.then(|| label.clone()),
        );
        piece.add(chip.grouped(attrs, None), x, y);
        x += w;
    }
    y + CHIP_ROW
}

fn instance_card(fact: &InstanceFact, lang: Lang) -> Piece {
    let mut card = Piece::default();
    let inner = CARD_W - 2 * PAD;
    let mut title_room = inner;
    if let Some(script) = &fact.user_data {
        let label = "user data";
        let w = measure(label, Font::Small) + 2 * CHIP_PAD;
        let mut chip = Piece::default();
        chip.rect(Rect::new(0, 0, w, CHIP_H), "chip-ud", BoxRole::Chip, 9);
        chip.text(CHIP_PAD, 2, Font::Small, vec![span(label)], None);
        let lines = script.lines().count();
        let lines = count(lang, lines, ("ligne", "line"), ("lignes", "lines"));
        let title = match lang {
            Lang::Fr => format!("Script User Data exécuté au premier démarrage ({lines})"),
            Lang::En => format!("User Data script run at first boot ({lines})"),
        };
        card.add(
            chip.grouped(vec![("class", "user-data".into())], Some(title)),
            CARD_W - PAD - w,
            PAD,
        );
        title_room -= w + 8;
    }
    fitted(&mut card, PAD, PAD, Font::Title, &fact.id, title_room, None);
    let mut y = PAD + 24;
    for line in &fact.lines {
        keyed(&mut card, PAD, y, line, inner);
        y += Font::Body.line_height();
    }
    y += 6;
    let chips = fact
        .chips
        .iter()
        .map(|c: &Chip| {
            let mut attrs = vec![(
                "class",
                if c.default_group { "chip chip-default" } else { "chip" }.to_owned(),
            )];
            if let Some(t) = c.target {
                attrs.push(("data-ref", format!("resources[{t}]")));
            }
            ChipSpec {
                label: c.label.clone(),
                class: if c.default_group { "chip-default" } else { "chip-sg" },
                attrs,
            }
        })
        .collect();
    y = chip_rows(&mut card, PAD, y, inner, &key(lang, "groupes", "groups"), chips);
    card.set_size(CARD_W, y + PAD - 4);
    card.frame("card", BoxRole::Node, 6);
    let i = fact.index;
    card.grouped(
        vec![
            ("id", format!("ec2p-r{i}")),
            ("class", "instance".into()),
            ("data-kind", "instance".into()),
            ("data-path", format!("resources[{i}]")),
        ],
        Some(format!("Instance {}", fact.id)),
    )
}

/// A box of `width` with a title and lines, each shortened to fit.
fn small_box(title: &str, lines: &[String], width: i64, class: &'static str) -> Piece {
    let mut b = Piece::default();
    let inner = width - 2 * PAD;
    fitted(&mut b, PAD, PAD - 2, Font::Title, title, inner, None);
    let mut y = PAD + 20;
    for line in lines {
        fitted(&mut b, PAD, y, Font::Body, line, inner, None);
        y += Font::Body.line_height();
    }
    b.set_size(width, y + PAD - 2);
    b.frame(class, BoxRole::Node, 4);
    b
}

fn volume_box(fact: &VolumeFact) -> Piece {
    let b = small_box(&fact.title, &fact.lines, VOL_W, "vol");
    let (id, path) = match fact.source {
        VolumeSource::BlockDevice { index, position } => (
            format!("ec2p-r{index}-ebs{position}"),
            format!("resources[{index}].ebs_block_device[{position}]"),
        ),
        VolumeSource::Volume { index } | VolumeSource::Existing { index } => {
            (format!("ec2p-r{index}"), format!("resources[{index}]"))
        }
    };
    b.grouped(
        vec![
            ("id", id),
            ("class", "volume".into()),
            ("data-kind", "volume".into()),
            ("data-path", path),
        ],
        Some(format!("EBS {}", fact.title)),
    )
}

fn snapshot_box(fact: &SnapshotFact, lang: Lang) -> Piece {
    let mut lines = vec![tr(lang, "instantané", "snapshot").to_owned()];
    if let Some(of) = &fact.of {
        lines.push(format!("{}{of}", key(lang, "de", "of")));
    }
    if let Some(d) = fact.description.as_deref().filter(|d| !d.is_empty()) {
        lines.push(d.to_owned());
    }
    let b = small_box(&fact.id, &lines, SNAP_W, "snap");
    let i = fact.index;
    b.grouped(
        vec![
            ("id", format!("ec2p-r{i}")),
            ("class", "snapshot".into()),
            ("data-kind", "snapshot".into()),
            ("data-path", format!("resources[{i}]")),
        ],
        Some(format!("EbsSnapshot {}", fact.id)),
    )
}

/// An instance with its volumes to its right and their snapshots further right.
fn unit(u: &Unit, lang: Lang) -> Piece {
    let mut piece = Piece::default();
    let (mut width, mut height) = (0, 0);
    let vol_x = match &u.instance {
        Some(inst) => {
            let card = instance_card(inst, lang);
            width = card.width();
            height = card.height();
            piece.add(card, 0, 0);
            CARD_W + CARD_TO_VOL
        }
        None => 0,
    };
    let snap_x = vol_x + VOL_W + VOL_TO_SNAP;
    let mut y = 0;
    for v in &u.volumes {
        let vol = volume_box(v);
        let vol_h = vol.height();
        piece.add(vol, vol_x, y);
        width = width.max(vol_x + VOL_W);
        if u.instance.is_some() && v.attached {
            let bus = CARD_W + CARD_TO_VOL / 2;
            piece.wire(vec![(CARD_W, 18), (bus, 18), (bus, y + 18), (vol_x, y + 18)], "wire");
        }
        let mut snap_y = y;
        for s in &v.snapshots {
            let snap = snapshot_box(s, lang);
            let snap_h = snap.height();
            piece.add(snap, snap_x, snap_y);
            let bus = vol_x + VOL_W + VOL_TO_SNAP / 2;
            piece.wire(
                vec![
                    (vol_x + VOL_W, y + 18),
                    (bus, y + 18),
                    (bus, snap_y + 18),
                    (snap_x, snap_y + 18),
                ],
                "wire wire-snap",
            );
            width = width.max(snap_x + SNAP_W);
            snap_y += snap_h + 8;
        }
        y = (y + vol_h).max(snap_y - 8) + 10;
    }
    height = height.max(y - 10);
    piece.set_size(width, height);
    piece
}

fn zone_title(zone: &Zone, lang: Lang) -> String {
    match zone {
        Zone::Named(name) => name.clone(),
        Zone::Chosen => tr(lang, "AWS choisit la zone", "AWS chooses the zone").to_owned(),
        Zone::Unknown => tr(lang, "zone inconnue", "unknown zone").to_owned(),
    }
}

/// A lane's content, unframed (the region gives all lanes the same height).
fn lane(l: &Lane, lang: Lang) -> Piece {
    let units: Vec<Piece> = l.units.iter().map(|u| unit(u, lang)).collect();
    let width = units
        .iter()
        .map(|u| u.width() + 2 * LANE_PAD)
        .max()
        .unwrap_or(0)
        .max(LANE_MIN_W);
    let mut piece = Piece::default();
    let caption = match l.zone {
        Zone::Named(_) => tr(lang, "zone de disponibilité", "availability zone"),
        Zone::Chosen => tr(lang, "aucune zone donnée", "no zone given"),
        Zone::Unknown => tr(
            lang,
            "la référence ne mène à aucune zone",
            "the reference leads to no zone",
        ),
    };
    fitted(
        &mut piece,
        LANE_PAD,
        6,
        Font::Title,
        &zone_title(&l.zone, lang),
        width - 2 * LANE_PAD,
        None,
    );
    fitted(
        &mut piece,
        LANE_PAD,
        24,
        Font::Small,
        caption,
        width - 2 * LANE_PAD,
        Some("k"),
    );
    let mut y = LANE_HEAD + 8;
    for u in units {
        let h = u.height();
        piece.add(u, LANE_PAD, y);
        y += h + UNIT_GAP;
    }
    piece.set_size(width, y - UNIT_GAP + LANE_PAD);
    piece
}

fn region(facts: &Facts, lang: Lang) -> Piece {
    let mut piece = Piece::default();
    let heading = match (&facts.region, lang) {
        (Some(r), Lang::Fr) => format!("Région {r}"),
        (Some(r), Lang::En) => format!("Region {r}"),
        (None, _) => tr(
            lang,
            "Région non précisée (celle du profil AWS)",
            "Region not set (the AWS profile's)",
        )
        .to_owned(),
    };
    let heading_w = fitted(&mut piece, SECTION_PAD, 12, Font::Heading, &heading, 900, None);
    let mut width = heading_w + 2 * SECTION_PAD;
    let mut y = SECTION_HEAD;
    let lanes: Vec<(Piece, &Lane, usize)> = facts
        .lanes
        .iter()
        .enumerate()
        .map(|(k, l)| (lane(l, lang), l, k))
        .collect();
    let lane_h = lanes.iter().map(|(p, _, _)| p.height()).max().unwrap_or(0);
    let mut x = SECTION_PAD;
    for (mut p, l, k) in lanes {
        let w = p.width();
        p.set_size(w, lane_h);
        let class = if matches!(l.zone, Zone::Named(_)) {
            "lane"
        } else {
            "lane lane-open"
        };
        p.frame(class, BoxRole::Container, 8);
        let mut attrs = vec![("id", format!("ec2p-zone-{k}")), ("class", "zone".to_owned())];
        if let Zone::Named(name) = &l.zone {
            attrs.push(("data-zone", name.clone()));
        }
        piece.add(p.grouped(attrs, Some(zone_title(&l.zone, lang))), x, y);
        x += w + LANE_GAP;
    }
    if facts.lanes.is_empty() {
        fitted(
            &mut piece,
            SECTION_PAD,
            y,
            Font::Body,
            tr(lang, "Aucune instance ni volume.", "No instance, no volume."),
            600,
            Some("k"),
        );
        y += 24;
    } else {
        y += lane_h + SECTION_PAD;
        width = width.max(x - LANE_GAP + SECTION_PAD);
    }
    if !facts.loose_snapshots.is_empty() {
        let title = tr(
            lang,
            "Instantanés d'un volume absent du diagramme",
            "Snapshots of a volume not in the diagram",
        );
        let w = fitted(&mut piece, SECTION_PAD, y, Font::Title, title, 900, None);
        width = width.max(w + 2 * SECTION_PAD);
        y += 24;
        let mut x = SECTION_PAD;
        let mut row_h = 0;
        for s in &facts.loose_snapshots {
            let b = snapshot_box(s, lang);
            row_h = row_h.max(b.height());
            piece.add(b, x, y);
            x += SNAP_W + 12;
        }
        width = width.max(x - 12 + SECTION_PAD);
        y += row_h + SECTION_PAD;
    }
    piece.set_size(width, y);
    piece
}

/// The widths of the security-group section's columns.
struct Columns {
    endpoint: i64,
    inbound: i64,
    outbound: i64,
}

impl Columns {
    fn group_x(&self) -> i64 {
        self.endpoint + self.inbound
    }

    fn destination_x(&self) -> i64 {
        self.group_x() + SG_W + self.outbound
    }

    fn width(&self) -> i64 {
        self.destination_x() + self.endpoint
    }
}

fn endpoint_words(e: &Endpoint, lang: Lang) -> (&'static str, String) {
    match e.kind {
        EndpointKind::Internet => ("Internet", e.value.clone()),
        EndpointKind::Cidr => (tr(lang, "Adresses", "Addresses"), e.value.clone()),
        EndpointKind::PrefixList => (tr(lang, "Liste de préfixes", "Prefix list"), e.value.clone()),
        EndpointKind::Group => (tr(lang, "Groupe", "Group"), e.value.clone()),
        EndpointKind::OwnGroup => (tr(lang, "Ce groupe (self)", "This group (self)"), e.value.clone()),
        EndpointKind::Nowhere => (
            tr(lang, "Nulle part", "Nowhere"),
            tr(lang, "ni CIDR ni groupe", "no CIDR, no group").to_owned(),
        ),
    }
}

fn endpoint_class(kind: EndpointKind) -> &'static str {
    match kind {
        EndpointKind::Internet => "ep ep-internet",
        EndpointKind::Cidr | EndpointKind::PrefixList => "ep ep-net",
        EndpointKind::Group | EndpointKind::OwnGroup => "ep ep-group",
        EndpointKind::Nowhere => "ep ep-nowhere",
    }
}

fn arrow_label_width(a: &Arrow) -> i64 {
    measure(&a.label, Font::Body) + if a.severity.is_some() { WARN_ICON } else { 0 }
}

fn closed_label(inbound: bool, lang: Lang) -> &'static str {
    if inbound {
        tr(lang, "rien n'entre", "nothing comes in")
    } else {
        tr(lang, "rien ne sort", "nothing goes out")
    }
}

fn columns(groups: &[GroupFact], lang: Lang) -> Columns {
    let endpoints = groups.iter().flat_map(|g| g.inbound.iter().chain(&g.outbound));
    let natural = endpoints
        .map(|e| {
            let (kind, value) = endpoint_words(e, lang);
            measure(kind, Font::Title).max(measure(&value, Font::Body)) + 2 * PAD
        })
        .max()
        .unwrap_or(0);
    let channel = |inbound: bool| {
        let arrows = groups
            .iter()
            .flat_map(|g| if inbound { &g.inbound } else { &g.outbound })
            .flat_map(|e| &e.arrows);
        let labels = arrows.map(arrow_label_width).max().unwrap_or(0) + 2 * 14 + HEAD;
        let closed = measure(closed_label(inbound, lang), Font::Body) + 48;
        labels.max(closed).max(CHANNEL_MIN)
    };
    Columns {
        endpoint: natural.clamp(EP_MIN_W, EP_MAX_W),
        inbound: channel(true),
        outbound: channel(false),
    }
}

fn endpoint_height(e: &Endpoint) -> i64 {
    (e.arrows.len() as i64 * SLOT).max(EP_MIN_H)
}

fn side_height(endpoints: &[Endpoint]) -> i64 {
    if endpoints.is_empty() {
        return EP_MIN_H;
    }
    endpoints.iter().map(|e| endpoint_height(e) + EP_GAP).sum::<i64>() - EP_GAP
}

fn endpoint_box(e: &Endpoint, group: usize, inbound: bool, k: usize, width: i64, height: i64, lang: Lang) -> Piece {
    let (kind, value) = endpoint_words(e, lang);
    let mut b = Piece::default();
    let top = (height - 36) / 2;
    fitted(&mut b, PAD, top, Font::Title, kind, width - 2 * PAD, None);
    fitted(&mut b, PAD, top + 18, Font::Body, &value, width - 2 * PAD, None);
    b.set_size(width, height);
    b.frame(endpoint_class(e.kind), BoxRole::Node, 4);
    let side = if inbound { "in" } else { "out" };
    let mut attrs = vec![
        ("id", format!("ec2p-r{group}-{side}-ep{k}")),
        ("class", "endpoint".into()),
        ("data-kind", "endpoint".into()),
    ];
    if let Some(t) = e.target {
        attrs.push(("data-ref", format!("resources[{t}]")));
    }
    b.grouped(attrs, Some(format!("{kind} {value}")))
}

/// One arrow from `x0` to `x1` (the head at `x1`) at height `y`, its label above it
/// starting at `label_x`.
fn arrow(a: &Arrow, inbound: bool, x0: i64, x1: i64, y: i64, label_x: i64) -> Piece {
    let mut p = Piece::default();
    let (class, arrow_class, head_class) = match a.severity {
        Some(Severity::Error) => ("rule warn error", "arrow arrow-warn", "head head-warn"),
        Some(_) => ("rule warn", "arrow arrow-warn", "head head-warn"),
        None => ("rule", "arrow", "head"),
    };
    p.stroke(vec![(x0, y), (x1, y)], "hit");
    p.wire(vec![(x0, y), (x1 - HEAD + 1, y)], arrow_class);
    p.polygon(vec![(x1, y), (x1 - HEAD, y - 5), (x1 - HEAD, y + 5)], head_class);
    let top = y - 20;
    let mut x = label_x;
    if a.severity.is_some() {
        // a warning sign: a triangle with a bar, inside the label's box
        p.polygon(vec![(x + 6, top + 2), (x + 12, top + 14), (x, top + 14)], "warn-sign");
        p.stroke(vec![(x + 6, top + 6), (x + 6, top + 10)], "warn-mark");
        x += WARN_ICON;
    }
    let width = p.text(x, top, Font::Body, vec![span(a.label.clone())], None);
    if a.severity.is_some() {
        // the sign belongs to the label: widen its recorded box to cover it
        if let Some(label) = p.layout.labels.last_mut() {
            label.rect = Rect::new(label_x, top, width + WARN_ICON, label.rect.height);
        }
    }
    let mut title = a.warnings.join("\n");
    if !title.is_empty() {
        title.push_str("\n\n");
    }
    title.push_str(&a.summary);
    let direction = if inbound { "ingress" } else { "egress" };
    p.grouped(
        vec![
            ("id", a.id.clone()),
            ("class", class.into()),
            ("data-kind", "rule".into()),
            ("data-direction", direction.into()),
            ("data-path", a.path.clone()),
        ],
        Some(title),
    )
}

/// The bar that closes a side with no rule, `x_bar` away from the group's edge `x_edge`.
fn closed(inbound: bool, x_edge: i64, y: i64, label_x: i64, lang: Lang) -> Piece {
    let mut p = Piece::default();
    let x_bar = if inbound { x_edge - 16 } else { x_edge + 16 };
    p.wire(vec![(x_edge, y), (x_bar, y)], "closed-stub");
    p.stroke(vec![(x_bar, y - 9), (x_bar, y + 9)], "closed-bar");
    p.text(
        label_x,
        y - 8,
        Font::Body,
        vec![muted(closed_label(inbound, lang))],
        None,
    );
    let title = if inbound {
        tr(
            lang,
            "Aucune règle entrante (ingress) : le groupe ne laisse rien entrer.",
            "No inbound (ingress) rule: the group lets nothing in.",
        )
    } else {
        tr(
            lang,
            "Aucune règle sortante (egress) : Terraform retire la règle « tout sortant » qu'AWS crée par défaut, donc rien ne sort.",
            "No outbound (egress) rule: Terraform removes the allow-all rule AWS creates by default, so nothing goes out.",
        )
    };
    p.grouped(
        vec![
            ("class", "closed".into()),
            ("data-direction", if inbound { "ingress" } else { "egress" }.into()),
        ],
        Some(title.to_owned()),
    )
}

fn group_box(g: &GroupFact, height_at_least: i64, lang: Lang) -> Piece {
    let mut b = Piece::default();
    let inner = SG_W - 2 * PAD;
    fitted(&mut b, PAD, PAD, Font::Title, &g.id, inner, None);
    let mut y = PAD + 24;
    if let Some(name) = &g.name {
        keyed(
            &mut b,
            PAD,
            y,
            &Line::new(key(lang, "nom", "name"), name.clone()),
            inner,
        );
        y += Font::Body.line_height();
    }
    y += 4;
    if g.guards.is_empty() {
        b.text(
            PAD,
            y + 1,
            Font::Body,
            vec![
                muted(key(lang, "protège", "guards")),
                span(tr(lang, "aucune instance", "no instance")),
            ],
            None,
        );
        y += CHIP_ROW;
    } else {
        let chips = g
            .guards
            .iter()
            .map(|(i, id)| ChipSpec {
                label: id.clone(),
                class: "chip-inst",
                attrs: vec![("class", "chip".to_owned()), ("data-ref", format!("resources[{i}]"))],
            })
            .collect();
        y = chip_rows(&mut b, PAD, y, inner, &key(lang, "protège", "guards"), chips);
    }
    b.set_size(SG_W, (y + PAD - 4).max(height_at_least));
    b.frame("sg", BoxRole::Node, 6);
    let mut title = match (&g.name, lang) {
        (Some(n), Lang::Fr) => format!("Groupe de sécurité {} (nom {n})", g.id),
        (Some(n), Lang::En) => format!("Security group {} (name {n})", g.id),
        (None, Lang::Fr) => format!("Groupe de sécurité {}", g.id),
        (None, Lang::En) => format!("Security group {}", g.id),
    };
    if let Some(d) = g.description.as_deref().filter(|d| !d.is_empty()) {
        title.push('\n');
        title.push_str(d);
    }
    let i = g.index;
    b.grouped(
        vec![
            ("id", format!("ec2p-r{i}")),
            ("class", "security-group".into()),
            ("data-kind", "security-group".into()),
            ("data-path", format!("resources[{i}]")),
        ],
        Some(title),
    )
}

fn group_natural_height(g: &GroupFact, lang: Lang) -> i64 {
    group_box(g, 0, lang).height()
}

fn group_row(g: &GroupFact, cols: &Columns, lang: Lang) -> Piece {
    let mut row = Piece::default();
    let height = group_natural_height(g, lang)
        .max(side_height(&g.inbound))
        .max(side_height(&g.outbound));
    let gx = cols.group_x();
    let dx = cols.destination_x();
    row.add(group_box(g, height, lang), gx, 0);
    for (inbound, endpoints) in [(true, &g.inbound), (false, &g.outbound)] {
        if endpoints.is_empty() {
            let y = height / 2;
            if inbound {
                let w = measure(closed_label(true, lang), Font::Body);
                row.add(closed(true, gx, y, gx - 24 - w, lang), 0, 0);
            } else {
                row.add(closed(false, gx + SG_W, y, gx + SG_W + 24, lang), 0, 0);
            }
            continue;
        }
        let mut y = (height - side_height(endpoints)) / 2;
        for (k, e) in endpoints.iter().enumerate() {
            let h = endpoint_height(e);
            let x = if inbound { 0 } else { dx };
            row.add(endpoint_box(e, g.index, inbound, k, cols.endpoint, h, lang), x, y);
            let first_slot = y + (h - e.arrows.len() as i64 * SLOT) / 2;
            for (n, a) in e.arrows.iter().enumerate() {
                let line_y = first_slot + n as i64 * SLOT + SLOT_LINE;
                let piece = if inbound {
                    arrow(a, true, cols.endpoint, gx, line_y, cols.endpoint + 14)
                } else {
                    arrow(a, false, gx + SG_W, dx, line_y, gx + SG_W + 14)
                };
                row.add(piece, 0, 0);
            }
            y += h + EP_GAP;
        }
    }
    row.set_size(cols.width(), height);
    row
}

fn groups_section(facts: &Facts, lang: Lang) -> Piece {
    let mut piece = Piece::default();
    let heading = tr(
        lang,
        "Groupes de sécurité : le trafic permis",
        "Security groups: the traffic allowed",
    );
    let heading_w = fitted(&mut piece, SECTION_PAD, 12, Font::Heading, heading, 900, None);
    let mut width = heading_w + 2 * SECTION_PAD;
    let mut y = SECTION_HEAD;
    if facts.groups.is_empty() {
        let note = tr(
            lang,
            "Aucun groupe de sécurité : chaque instance a le groupe par défaut du VPC.",
            "No security group: every instance gets the VPC's default group.",
        );
        width = width.max(fitted(&mut piece, SECTION_PAD, y, Font::Body, note, 900, Some("k")) + 2 * SECTION_PAD);
        y += 24 + SECTION_PAD;
        piece.set_size(width, y);
        return piece;
    }
    let cols = columns(&facts.groups, lang);
    let headers = [
        (0, tr(lang, "sources", "sources")),
        (cols.endpoint + 14, tr(lang, "entrant", "inbound")),
        (cols.group_x(), tr(lang, "groupe", "group")),
        (cols.group_x() + SG_W + 14, tr(lang, "sortant", "outbound")),
        (cols.destination_x(), tr(lang, "destinations", "destinations")),
    ];
    for (x, text) in headers {
        piece.text(SECTION_PAD + x, y, Font::Small, vec![muted(text)], None);
    }
    y += 24;
    for g in &facts.groups {
        let row = group_row(g, &cols, lang);
        let h = row.height();
        piece.add(row, SECTION_PAD, y);
        y += h + ROW_GAP;
    }
    width = width.max(cols.width() + 2 * SECTION_PAD);
    piece.set_size(width, y - ROW_GAP + SECTION_PAD);
    piece
}

/// A legend sample 34 × 18 and its text.
fn legend_item(sample: Piece, text: &str) -> Piece {
    let mut p = Piece::default();
    p.add(sample, 0, 0);
    let w = fitted(&mut p, 42, 1, Font::Small, text, 400, None);
    p.set_size(42 + w, 18);
    p
}

fn legend(width: i64, lang: Lang) -> Piece {
    let sample_box = |class: &'static str| {
        let mut s = Piece::default();
        let round = if class.starts_with("chip") { 9 } else { 4 };
        s.rect(Rect::new(0, 0, 34, 18), class, BoxRole::Chip, round);
        s
    };
    let sample_arrow = |arrow_class: &'static str, head_class: &'static str| {
        let mut s = Piece::default();
        s.stroke(vec![(0, 9), (26, 9)], arrow_class);
        s.polygon(vec![(34, 9), (25, 4), (25, 14)], head_class);
        s
    };
    let mut closed_sample = Piece::default();
    closed_sample.stroke(vec![(0, 9), (18, 9)], "closed-stub");
    closed_sample.stroke(vec![(18, 0), (18, 18)], "closed-bar");
    let items = [
        (sample_box("card"), tr(lang, "instance EC2", "EC2 instance")),
        (sample_box("vol"), tr(lang, "volume EBS", "EBS volume")),
        (sample_box("snap"), tr(lang, "instantané EBS", "EBS snapshot")),
        (sample_box("sg"), tr(lang, "groupe de sécurité", "security group")),
        (
            sample_box("chip-sg"),
            tr(lang, "groupe qui protège l'instance", "group guarding the instance"),
        ),
        (
            sample_box("chip-ud"),
            tr(lang, "script User Data au démarrage", "User Data script at boot"),
        ),
        (
            sample_box("ep ep-internet"),
            tr(lang, "Internet (0.0.0.0/0, ::/0)", "the Internet (0.0.0.0/0, ::/0)"),
        ),
        (
            sample_box("ep ep-net"),
            tr(lang, "adresses ou autre groupe", "addresses or another group"),
        ),
        (
            sample_arrow("arrow", "head"),
            tr(
                lang,
                "règle permise : protocole et ports",
                "allowed rule: protocol and ports",
            ),
        ),
        (
            sample_arrow("arrow arrow-warn", "head head-warn"),
            tr(
                lang,
                "règle signalée par les vérifications",
                "rule flagged by the checks",
            ),
        ),
        (
            closed_sample,
            tr(lang, "aucune règle : rien ne passe", "no rule: nothing passes"),
        ),
    ];
    let mut piece = Piece::default();
    fitted(
        &mut piece,
        SECTION_PAD,
        10,
        Font::Title,
        tr(lang, "Légende", "Legend"),
        400,
        None,
    );
    let (x0, mut x, mut y) = (SECTION_PAD, SECTION_PAD, 36);
    let right = width - SECTION_PAD;
    for (sample, text) in items {
        let item = legend_item(sample, text);
        if x > x0 && x + item.width() > right {
            x = x0;
            y += 26;
        }
        let w = item.width();
        piece.add(item, x, y);
        x += w + 28;
    }
    piece.set_size(width, y + 18 + SECTION_PAD);
    piece.frame("legend", BoxRole::Container, 8);
    piece.grouped(vec![("id", "ec2p-legend".into()), ("class", "legend".into())], None)
}

/// The whole drawing of `facts`.
pub(crate) fn lay_out(facts: &Facts, lang: Lang) -> Piece {
    let mut root = Piece::default();
    let title = match lang {
        Lang::Fr => format!("Pile {}", facts.stack_name),
        Lang::En => format!("Stack {}", facts.stack_name),
    };
    let mut region = region(facts, lang);
    let mut groups = groups_section(facts, lang);
    let content_w = region.width().max(groups.width()).max(760);
    fitted(&mut root, MARGIN, MARGIN - 4, Font::Heading, &title, content_w, None);
    let mut y = MARGIN + 30;

    let h = region.height();
    region.set_size(content_w, h);
    region.frame("region", BoxRole::Container, 10);
    root.add(
        region.grouped(vec![("id", "ec2p-region".into()), ("class", "region".into())], None),
        MARGIN,
        y,
    );
    y += h + SECTION_GAP;

    let h = groups.height();
    groups.set_size(content_w, h);
    groups.frame("section", BoxRole::Container, 10);
    root.add(
        groups.grouped(
            vec![
                ("id", "ec2p-security-groups".into()),
                ("class", "security-groups".into()),
            ],
            None,
        ),
        MARGIN,
        y,
    );
    y += h + SECTION_GAP;

    let legend = legend(content_w, lang);
    let h = legend.height();
    root.add(legend, MARGIN, y);
    y += h + MARGIN;
    root.set_size(content_w + 2 * MARGIN, y);
    root
}
