//! The SVG writer: the one place where the diagram's text is emitted, one element per
//! line, indented two spaces a level, every value through [`Escaped`], no trailing
//! whitespace.

use std::fmt::Write as _;

use super::escape::Escaped;
use super::paint;
use super::scene::{Node, Span};

/// An attribute value: text (escaped when written) or a number.
pub(crate) enum Value<'a> {
    Text(&'a str),
    Int(i64),
    Points(&'a [(i64, i64)]),
}

/// `attrs` followed by the presentation attributes of `paint`.
fn painted<'a>(mut attrs: Vec<(&'static str, Value<'a>)>, paint: paint::Paint) -> Vec<(&'static str, Value<'a>)> {
    attrs.extend(paint.attrs().map(|(n, v)| (n, Value::Text(v))));
    attrs
}

/// Writes SVG elements into a string.
pub(crate) struct SvgWriter {
    out: String,
    open: Vec<&'static str>,
}

impl SvgWriter {
    pub(crate) fn new() -> Self {
        SvgWriter {
            out: String::new(),
            open: Vec::new(),
        }
    }

    /// Starts a line at the current depth.
    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn attrs(&mut self, attrs: &[(&'static str, Value)]) {
        for (name, value) in attrs {
            // `write!` into a String cannot fail
            let _ = match value {
                Value::Text(t) => write!(self.out, " {name}=\"{}\"", Escaped(t)),
                Value::Int(n) => write!(self.out, " {name}=\"{n}\""),
                Value::Points(points) => {
                    let _ = write!(self.out, " {name}=\"");
                    for (k, (x, y)) in points.iter().enumerate() {
                        let sep = if k == 0 { "" } else { " " };
                        let _ = write!(self.out, "{sep}{x},{y}");
                    }
                    write!(self.out, "\"")
                }
            };
        }
    }

    /// `<name …>` on its own line; what follows is one level deeper.
    pub(crate) fn start(&mut self, name: &'static str, attrs: &[(&'static str, Value)]) {
        self.indent();
        let _ = write!(self.out, "<{name}");
        self.attrs(attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the element opened last.
    pub(crate) fn end(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            let _ = writeln!(self.out, "</{name}>");
        }
    }

    /// `<name …/>`.
    pub(crate) fn empty(&mut self, name: &'static str, attrs: &[(&'static str, Value)]) {
        self.indent();
        let _ = write!(self.out, "<{name}");
        self.attrs(attrs);
        self.out.push_str("/>\n");
    }

    /// `<name …>text</name>` on one line.
    pub(crate) fn leaf(&mut self, name: &'static str, attrs: &[(&'static str, Value)], text: &str) {
        self.indent();
        let _ = write!(self.out, "<{name}");
        self.attrs(attrs);
        let _ = writeln!(self.out, ">{}</{name}>", Escaped(text));
    }

    /// `<name>` with each of `lines` on a line of its own, one level deeper.
    pub(crate) fn lines(&mut self, name: &'static str, lines: &[&str]) {
        self.start(name, &[]);
        for line in lines {
            self.indent();
            let _ = writeln!(self.out, "{}", Escaped(line.trim_end()));
        }
        self.end();
    }

    /// `<text …><title>…</title><tspan>…</tspan>…</text>` on one line, so that no
    /// whitespace creeps between the spans.
    fn text(&mut self, attrs: &[(&'static str, Value)], tooltip: Option<&str>, spans: &[Span]) {
        self.indent();
        self.out.push_str("<text");
        self.attrs(attrs);
        self.out.push('>');
        if let Some(t) = tooltip {
            let _ = write!(self.out, "<title>{}</title>", Escaped(t));
        }
        for s in spans {
            match s.class {
                Some(class) => {
                    let _ = write!(self.out, "<tspan class=\"{}\"", Escaped(class));
                    if let Some(fill) = paint::span_fill(class) {
                        let _ = write!(self.out, " fill=\"{fill}\"");
                    }
                    let _ = write!(self.out, ">{}</tspan>", Escaped(&s.text));
                }
                None if spans.len() == 1 && tooltip.is_none() => {
                    let _ = write!(self.out, "{}", Escaped(&s.text));
                }
                None => {
                    let _ = write!(self.out, "<tspan>{}</tspan>", Escaped(&s.text));
                }
            }
        }
        self.out.push_str("</text>\n");
    }

    /// Writes a drawn element and everything in it, with its presentation attributes
    /// ([`paint`]) after its own.
    pub(crate) fn node(&mut self, node: &Node) {
        self.node_in(node, false);
    }

    /// [`SvgWriter::node`] inside a flagged rule's `<g class="rule warn">` (`warn`) or not.
    fn node_in(&mut self, node: &Node, warn: bool) {
        match node {
            Node::Group { attrs, title, children } => {
                let warn = warn
                    || attrs
                        .iter()
                        .any(|(n, v)| *n == "class" && v.split_ascii_whitespace().any(|c| c == "warn"));
                let attrs: Vec<(&'static str, Value)> = attrs.iter().map(|(n, v)| (*n, Value::Text(v))).collect();
                self.start("g", &attrs);
                if let Some(t) = title {
                    self.leaf("title", &[], t);
                }
                children.iter().for_each(|c| self.node_in(c, warn));
                self.end();
            }
            Node::Rect { rect, class, round } => self.empty(
                "rect",
                &painted(
                    vec![
                        ("class", Value::Text(class)),
                        ("x", Value::Int(rect.x)),
                        ("y", Value::Int(rect.y)),
                        ("width", Value::Int(rect.width)),
                        ("height", Value::Int(rect.height)),
                        ("rx", Value::Int(*round)),
                    ],
                    paint::shape("rect", class),
                ),
            ),
            Node::Text {
                x,
                baseline,
                font,
                spans,
                tooltip,
            } => {
                let mut attrs = vec![
                    ("class", Value::Text(font.class())),
                    ("x", Value::Int(*x)),
                    ("y", Value::Int(*baseline)),
                ];
                attrs.extend(paint::text(*font, warn).into_iter().map(|(n, v)| (n, Value::Text(v))));
                self.text(&attrs, tooltip.as_deref(), spans);
            }
            Node::Polyline { points, class } => self.empty(
                "polyline",
                &painted(
                    vec![("class", Value::Text(class)), ("points", Value::Points(points))],
                    paint::shape("polyline", class),
                ),
            ),
            Node::Polygon { points, class } => self.empty(
                "polygon",
                &painted(
                    vec![("class", Value::Text(class)), ("points", Value::Points(points))],
                    paint::shape("polygon", class),
                ),
            ),
        }
    }

    /// The document, every element closed.
    pub(crate) fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.end();
        }
        self.out
    }
}
