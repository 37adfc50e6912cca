//! Presentation attributes: the light look of each element written on the element itself
//! (`fill="#ddf4ff" stroke="#0969da" stroke-width="1.5"`), for the renderers that draw SVG
//! without CSS custom properties (librsvg, so GNOME's viewers, LibreOffice, Inkscape's
//! export and most slide and PDF tools): they drop a `fill:var(--ec2p-card)` declaration
//! and fall back to the attribute, where they would otherwise paint everything black.
//!
//! A browser gives the style sheet's rules precedence over presentation attributes, so the
//! page still follows the palette's variables (and `prefers-color-scheme`) exactly as
//! before. What is written here is what the style sheet's rules give in the light palette,
//! rule for rule; `core/tests/diagram.rs` (`presentation_attributes_match_the_style_sheet`)
//! checks every element of every fixture's diagram against the style sheet itself.

use super::text::Font;

/// The font list of the style sheet's `.ec2p text` rule, written on the root `<svg>`.
pub(crate) const FONT_FAMILY: &str =
    "ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,Liberation Mono,monospace";

/// The light value of the palette colour `name` (`"card"` gives `"#ddf4ff"`); black for a
/// name the palette lacks (a bug the consistency test catches).
fn light(name: &str) -> &'static str {
    super::COLOURS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or("#000000", |(_, light, _)| light)
}

/// The presentation attributes of a shape: (`fill`, `stroke`, `stroke-width`,
/// `stroke-dasharray`), each `None` when the style sheet leaves the property as SVG's
/// default.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paint {
    pub(crate) fill: Option<&'static str>,
    pub(crate) stroke: Option<&'static str>,
    pub(crate) width: Option<&'static str>,
    pub(crate) dash: Option<&'static str>,
}

impl Paint {
    /// As attribute pairs, in the order fill, stroke, stroke-width, stroke-dasharray.
    pub(crate) fn attrs(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        [
            ("fill", self.fill),
            ("stroke", self.stroke),
            ("stroke-width", self.width),
            ("stroke-dasharray", self.dash),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| (name, v)))
    }
}

/// The paint of a `<rect>`, `<polyline>` or `<polygon>` (`tag`) of the class list `class`
/// (`"ep ep-internet"`), following the style sheet's rules in their order.
pub(crate) fn shape(tag: &str, class: &str) -> Paint {
    let has = |c: &str| class.split_ascii_whitespace().any(|t| t == c);
    let mut p = Paint::default();
    let colours = |p: &mut Paint, fill: Option<&str>, stroke: Option<&str>| {
        if let Some(f) = fill {
            p.fill = Some(light(f));
        }
        if let Some(s) = stroke {
            p.stroke = Some(light(s));
        }
    };
    match tag {
        "rect" => {
            if has("bg") {
                colours(&mut p, Some("bg"), None);
            }
            if has("region") || has("section") || has("legend") {
                colours(&mut p, Some("region"), Some("region-stroke"));
            }
            if has("lane") {
                colours(&mut p, Some("lane"), Some("lane-stroke"));
                p.dash = Some("6 4");
            }
            if has("lane-open") {
                p.dash = Some("2 4");
            }
            if has("card") {
                colours(&mut p, Some("card"), Some("card-stroke"));
                p.width = Some("1.5");
            }
            if has("vol") {
                colours(&mut p, Some("vol"), Some("vol-stroke"));
            }
            if has("snap") {
                colours(&mut p, Some("snap"), Some("snap-stroke"));
                p.dash = Some("4 2");
            }
            if has("sg") {
                colours(&mut p, Some("sg"), Some("sg-stroke"));
                p.width = Some("1.5");
            }
            if has("ep") {
                colours(&mut p, Some("ep"), Some("line"));
            }
            if has("ep-internet") {
                colours(&mut p, Some("internet"), Some("internet-stroke"));
            }
            if has("ep-group") {
                colours(&mut p, Some("sg"), Some("sg-stroke"));
                p.dash = Some("4 2");
            }
            if has("chip-sg") || has("chip-inst") || has("chip-default") {
                colours(&mut p, Some("chip"), Some("sg-stroke"));
            }
            if has("chip-inst") {
                colours(&mut p, None, Some("card-stroke"));
            }
            if has("chip-default") {
                p.dash = Some("3 2");
            }
            if has("chip-ud") {
                colours(&mut p, Some("ud"), Some("ud-stroke"));
            }
        }
        "polyline" => {
            p.fill = Some("none");
            if has("wire") {
                colours(&mut p, None, Some("line"));
                p.width = Some("1.5");
            }
            if has("wire-snap") {
                p.dash = Some("4 3");
            }
            if has("arrow") {
                colours(&mut p, None, Some("arrow"));
                p.width = Some("2");
            }
            if has("arrow-warn") {
                colours(&mut p, None, Some("warn"));
                p.dash = Some("7 3");
            }
            if has("warn-mark") {
                colours(&mut p, None, Some("bg"));
                p.width = Some("2");
            }
            if has("hit") {
                // Drawn transparent (a wide target for the pointer): SVG's default, no
                // stroke, draws the same.
                p.width = Some("12");
            }
            if has("closed-stub") {
                colours(&mut p, None, Some("muted"));
                p.width = Some("2");
            }
            if has("closed-bar") {
                colours(&mut p, None, Some("muted"));
                p.width = Some("4");
            }
        }
        "polygon" => {
            if has("head") {
                colours(&mut p, Some("arrow"), None);
            }
            if has("head-warn") || has("warn-sign") {
                colours(&mut p, Some("warn"), None);
            }
        }
        _ => {}
    }
    p
}

/// The presentation attributes of a `<text>` in `font`, inside a flagged rule (`warn`) or
/// not: `fill`, `font-size` and, for bold text only, `font-weight`, as the style sheet sets
/// them.
pub(crate) fn text(font: Font, warn: bool) -> Vec<(&'static str, &'static str)> {
    let size = match font {
        Font::Body => "12",
        Font::Small => "11",
        Font::Title => "13",
        Font::Heading => "15",
    };
    let bold = warn || matches!(font, Font::Title | Font::Heading);
    let mut attrs = vec![("fill", light(if warn { "warn" } else { "fg" })), ("font-size", size)];
    if bold {
        attrs.push(("font-weight", "700"));
    }
    attrs
}

/// The `fill` of a `<tspan>` of the class `class`, when the style sheet sets one.
pub(crate) fn span_fill(class: &str) -> Option<&'static str> {
    (class == "k").then(|| light("muted"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_values_come_from_the_palette() {
        assert_eq!(light("card"), "#ddf4ff");
        assert_eq!(light("warn"), "#d1242f");
        assert_eq!(light("no such colour"), "#000000");
    }

    #[test]
    fn later_rules_win_as_in_the_style_sheet() {
        let chip = shape("rect", "chip-inst");
        assert_eq!((chip.fill, chip.stroke), (Some("#ffffff"), Some("#0969da")));
        let internet = shape("rect", "ep ep-internet");
        assert_eq!((internet.fill, internet.stroke), (Some("#ffebe9"), Some("#cf222e")));
        let open = shape("rect", "lane lane-open");
        assert_eq!(open.dash, Some("2 4"));
        let warn = shape("polyline", "arrow arrow-warn");
        assert_eq!(
            warn.attrs().collect::<Vec<_>>(),
            [
                ("fill", "none"),
                ("stroke", "#d1242f"),
                ("stroke-width", "2"),
                ("stroke-dasharray", "7 3")
            ]
        );
        assert_eq!(
            text(Font::Body, true),
            [("fill", "#d1242f"), ("font-size", "12"), ("font-weight", "700")]
        );
        assert_eq!(text(Font::Small, false), [("fill", "#1f2328"), ("font-size", "11")]);
        assert_eq!(span_fill("k"), Some("#59636e"));
    }
}
