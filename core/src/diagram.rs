//! The diagram: the stack drawn as SVG text, the same bytes for the same stack.
//!
//! [`diagram_svg`] reads from the stack what to show, lays it out on a grid it controls
//! ([`diagram_layout`] gives that geometry: boxes, labels, wires) and writes it with one SVG
//! writer, every text and attribute through [`escape_svg`].
//!
//! What it shows: the region and its availability zones as lanes (instances with no zone
//! sit in a lane that says AWS chooses); each instance as a card (construct id, type, AMI,
//! key pair, root volume, a `user data` mark, the security groups guarding it), its EBS
//! volumes to its right and their snapshots further right; then each security group on a
//! row, with the instances it guards, an arrow per rule from each source on the left and to
//! each destination on the right, labelled with the protocol and ports in words; a side
//! with no rule is drawn closed. Rules that the checks flag (a diagnostic of severity
//! Warning or Error whose path lies in the rule) are drawn in the warning style, with the
//! diagnostic's message as the tooltip. A legend closes the drawing.
//!
//! For the web app: the root `<svg>` has the class `ec2p` and follows
//! `prefers-color-scheme`; the class `ec2p-dark` or `ec2p-light` on it (or on an ancestor)
//! forces a theme, and every colour is a CSS variable (`--ec2p-fg`, `--ec2p-card`…).
//! Renderers without CSS custom properties (librsvg: GNOME, LibreOffice, slide and PDF
//! tools) draw the light palette from presentation attributes on each element (`fill`,
//! `stroke`…), which a browser's style sheet rules override.
//! Instances, volumes, snapshots, security groups and rules are `<g>` elements with a
//! stable `id` (`ec2p-r4`, `ec2p-r2-in0-0`), a `data-kind` and a `data-path` naming what
//! they draw in the stack (`resources[4]`, `resources[2].ingress[0]`); chips and sources
//! that name another resource carry `data-ref="resources[2]"`. Each has a `<title>`.

mod escape;
mod facts;
mod layout;
mod paint;
mod scene;
mod svg;
mod text;
mod words;

pub use escape::{escape_svg, Escaped};
pub use scene::{BoxRole, LaidBox, LaidLabel, Layout, Rect, Wire};

use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::model::Stack;

use self::facts::Facts;
use self::svg::{SvgWriter, Value};
use self::words::{count, tr};

/// The palette: (variable, light, dark). Each colour is the CSS variable `--ec2p-<name>`.
const COLOURS: &[(&str, &str, &str)] = &[
    ("bg", "#ffffff", "#0d1117"),
    ("fg", "#1f2328", "#e6edf3"),
    ("muted", "#59636e", "#9198a1"),
    ("line", "#818b98", "#9198a1"),
    ("region", "#f6f8fa", "#151b23"),
    ("region-stroke", "#d1d9e0", "#3d444d"),
    ("lane", "#ffffff", "#0d1117"),
    ("lane-stroke", "#9198a1", "#656c76"),
    ("card", "#ddf4ff", "#0c2d6b"),
    ("card-stroke", "#0969da", "#4493f8"),
    ("vol", "#fff8c5", "#3b2e00"),
    ("vol-stroke", "#9a6700", "#d29922"),
    ("snap", "#fbefff", "#2e1461"),
    ("snap-stroke", "#8250df", "#ab7df8"),
    ("sg", "#dafbe1", "#04260f"),
    ("sg-stroke", "#1a7f37", "#3fb950"),
    ("ep", "#f6f8fa", "#151b23"),
    ("internet", "#ffebe9", "#3c0d0d"),
    ("internet-stroke", "#cf222e", "#f85149"),
    ("arrow", "#1a7f37", "#3fb950"),
    ("warn", "#d1242f", "#ff7b72"),
    ("chip", "#ffffff", "#0d1117"),
    ("ud", "#fff1e5", "#3d1d00"),
    ("ud-stroke", "#bc4c00", "#f0883e"),
];

/// The rules of the style sheet, over the palette's variables.
const RULES: &str = "\
.ec2p text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,Liberation Mono,monospace;font-size:12px;fill:var(--ec2p-fg);stroke:none;white-space:pre}
.ec2p .ts{font-size:11px}.ec2p .tt{font-size:13px;font-weight:700}.ec2p .th{font-size:15px;font-weight:700}.ec2p .k{fill:var(--ec2p-muted)}
.ec2p rect.bg{fill:var(--ec2p-bg)}
.ec2p rect.region,.ec2p rect.section,.ec2p rect.legend{fill:var(--ec2p-region);stroke:var(--ec2p-region-stroke)}
.ec2p rect.lane{fill:var(--ec2p-lane);stroke:var(--ec2p-lane-stroke);stroke-dasharray:6 4}.ec2p rect.lane-open{stroke-dasharray:2 4}
.ec2p rect.card{fill:var(--ec2p-card);stroke:var(--ec2p-card-stroke);stroke-width:1.5}
.ec2p rect.vol{fill:var(--ec2p-vol);stroke:var(--ec2p-vol-stroke)}
.ec2p rect.snap{fill:var(--ec2p-snap);stroke:var(--ec2p-snap-stroke);stroke-dasharray:4 2}
.ec2p rect.sg{fill:var(--ec2p-sg);stroke:var(--ec2p-sg-stroke);stroke-width:1.5}
.ec2p rect.ep{fill:var(--ec2p-ep);stroke:var(--ec2p-line)}.ec2p rect.ep-internet{fill:var(--ec2p-internet);stroke:var(--ec2p-internet-stroke)}.ec2p rect.ep-group{fill:var(--ec2p-sg);stroke:var(--ec2p-sg-stroke);stroke-dasharray:4 2}
.ec2p rect.chip-sg,.ec2p rect.chip-inst,.ec2p rect.chip-default{fill:var(--ec2p-chip);stroke:var(--ec2p-sg-stroke)}.ec2p rect.chip-inst{stroke:var(--ec2p-card-stroke)}.ec2p rect.chip-default{stroke-dasharray:3 2}
.ec2p rect.chip-ud{fill:var(--ec2p-ud);stroke:var(--ec2p-ud-stroke)}
.ec2p polyline{fill:none}
.ec2p polyline.wire{stroke:var(--ec2p-line);stroke-width:1.5}.ec2p polyline.wire-snap{stroke-dasharray:4 3}
.ec2p polyline.arrow{stroke:var(--ec2p-arrow);stroke-width:2}.ec2p polygon.head{fill:var(--ec2p-arrow)}
.ec2p polyline.arrow-warn{stroke:var(--ec2p-warn);stroke-dasharray:7 3}.ec2p polygon.head-warn{fill:var(--ec2p-warn)}
.ec2p .warn text{fill:var(--ec2p-warn);font-weight:700}.ec2p polygon.warn-sign{fill:var(--ec2p-warn)}.ec2p polyline.warn-mark{stroke:var(--ec2p-bg);stroke-width:2}
.ec2p polyline.hit{stroke:transparent;stroke-width:12;pointer-events:stroke}
.ec2p .rule:hover polyline.arrow,.ec2p .rule.ec2p-hl polyline.arrow{stroke-width:4}
.ec2p polyline.closed-stub{stroke:var(--ec2p-muted);stroke-width:2}.ec2p polyline.closed-bar{stroke:var(--ec2p-muted);stroke-width:4}
.ec2p [data-path]{cursor:pointer}
.ec2p .ec2p-hl>rect,.ec2p .ec2p-selected>rect{stroke-width:3}";

/// The style sheet: light by default, dark when the system asks, either when the class
/// `ec2p-light` or `ec2p-dark` is on the `<svg>` or an ancestor.
fn style() -> String {
    let vars = |dark: bool| -> String {
        COLOURS
            .iter()
            .map(|(name, light_value, dark_value)| {
                format!("--ec2p-{name}:{};", if dark { dark_value } else { light_value })
            })
            .collect()
    };
    let (light, dark) = (vars(false), vars(true));
    format!(
        ".ec2p{{{light}}}\n@media (prefers-color-scheme:dark){{.ec2p{{{dark}}}}}\n\
         .ec2p-light .ec2p,.ec2p.ec2p-light{{{light}}}\n.ec2p-dark .ec2p,.ec2p.ec2p-dark{{{dark}}}\n{RULES}"
    )
}

/// The SVG diagram of `stack`, with its labels in `lang`.
///
/// Rules that a diagnostic of `diagnostics` (severity Warning or Error, path inside the rule,
/// as `resources[2].ingress[0].from_port`) concerns are drawn in the warning style with the
/// diagnostics' messages as their tooltip. The same inputs give the same bytes.
pub fn diagram_svg(stack: &Stack, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let facts = facts::read(stack, diagnostics, lang);
    let drawing = layout::lay_out(&facts, lang);
    let (width, height) = (drawing.width(), drawing.height());
    let title = match lang {
        Lang::Fr => format!("Diagramme de la pile {}", facts.stack_name),
        Lang::En => format!("Diagram of the stack {}", facts.stack_name),
    };
    let view_box = format!("0 0 {width} {height}");
    let mut w = SvgWriter::new();
    w.start(
        "svg",
        &[
            ("xmlns", Value::Text("http://www.w3.org/2000/svg")),
            ("class", Value::Text("ec2p")),
            ("width", Value::Int(width)),
            ("height", Value::Int(height)),
            ("viewBox", Value::Text(&view_box)),
            ("role", Value::Text("img")),
            ("aria-labelledby", Value::Text("ec2p-title ec2p-desc")),
            ("lang", Value::Text(lang.code())),
            ("font-family", Value::Text(paint::FONT_FAMILY)),
            // the style sheet's `white-space:pre` for renderers without it (librsvg): the
            // spaces that end a key's span (`type : `) stay
            ("xml:space", Value::Text("preserve")),
        ],
    );
    w.leaf("title", &[("id", Value::Text("ec2p-title"))], &title);
    w.leaf("desc", &[("id", Value::Text("ec2p-desc"))], &description(&facts, lang));
    let style = style();
    w.lines("style", &style.lines().collect::<Vec<_>>());
    let mut background = vec![
        ("class", Value::Text("bg")),
        ("width", Value::Int(width)),
        ("height", Value::Int(height)),
    ];
    background.extend(paint::shape("rect", "bg").attrs().map(|(n, v)| (n, Value::Text(v))));
    w.empty("rect", &background);
    drawing.nodes.iter().for_each(|n| w.node(n));
    w.finish()
}

/// The geometry [`diagram_svg`] draws: every box, line of text and connector, with the
/// drawing's size. The tests check it for overlaps; tools can use it to fit a view.
pub fn diagram_layout(stack: &Stack, diagnostics: &[Diagnostic], lang: Lang) -> Layout {
    let facts = facts::read(stack, diagnostics, lang);
    layout::lay_out(&facts, lang).layout
}

/// The `<desc>`: the stack in one sentence.
fn description(facts: &Facts, lang: Lang) -> String {
    let units = facts.lanes.iter().flat_map(|l| &l.units);
    let instances = units.clone().filter(|u| u.instance.is_some()).count();
    let volumes: usize = units.clone().map(|u| u.volumes.len()).sum();
    let snapshots: usize =
        units.flat_map(|u| &u.volumes).map(|v| v.snapshots.len()).sum::<usize>() + facts.loose_snapshots.len();
    let zones = facts
        .lanes
        .iter()
        .filter(|l| matches!(l.zone, facts::Zone::Named(_)))
        .count();
    let arrows = |inbound: bool| {
        facts
            .groups
            .iter()
            .flat_map(move |g| if inbound { &g.inbound } else { &g.outbound })
            .flat_map(|e| &e.arrows)
    };
    let flagged = arrows(true)
        .chain(arrows(false))
        .filter(|a| a.severity.is_some())
        .count();
    let region = facts
        .region
        .clone()
        .unwrap_or_else(|| tr(lang, "non précisée", "not set").to_owned());
    let zones = match (zones, lang) {
        (0, _) if instances == 0 => None,
        (0, _) => Some(tr(lang, "AWS choisit les zones", "AWS chooses the zones").to_owned()),
        (n, _) => Some(count(lang, n, ("zone", "zone"), ("zones", "zones"))),
    };
    let parts: Vec<String> = [
        count(lang, instances, ("instance", "instance"), ("instances", "instances")),
        zones.unwrap_or_default(),
        count(
            lang,
            volumes,
            ("volume EBS", "EBS volume"),
            ("volumes EBS", "EBS volumes"),
        ),
        count(
            lang,
            snapshots,
            ("instantané", "snapshot"),
            ("instantanés", "snapshots"),
        ),
        count(
            lang,
            facts.groups.len(),
            ("groupe de sécurité", "security group"),
            ("groupes de sécurité", "security groups"),
        ),
        count(
            lang,
            arrows(true).count(),
            ("flèche entrante", "inbound arrow"),
            ("flèches entrantes", "inbound arrows"),
        ),
        count(
            lang,
            arrows(false).count(),
            ("flèche sortante", "outbound arrow"),
            ("flèches sortantes", "outbound arrows"),
        ),
        count(
            lang,
            flagged,
            ("règle signalée", "flagged rule"),
            ("règles signalées", "flagged rules"),
        ),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect();
    match lang {
        Lang::Fr => format!("Pile {}, région {region} : {}.", facts.stack_name, parts.join(", ")),
        Lang::En => format!("Stack {}, region {region}: {}.", facts.stack_name, parts.join(", ")),
    }
}
