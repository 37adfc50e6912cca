//! What the writer draws: positioned shapes and text, nested in groups that carry the
//! ids, `data-` attributes and tooltips the web app uses; and, beside it, the geometry of
//! every box, label and wire, which the tests check for overlaps.

use super::text::Font;

/// An axis-aligned rectangle, in pixels from the diagram's top left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rect {
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// Width.
    pub width: i64,
    /// Height.
    pub height: i64,
}

impl Rect {
    /// A rectangle from its top left corner and size.
    pub fn new(x: i64, y: i64, width: i64, height: i64) -> Self {
        Rect { x, y, width, height }
    }

    /// Right edge.
    pub fn right(&self) -> i64 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> i64 {
        self.y + self.height
    }

    /// True when the insides of the two rectangles share a point (touching edges do not).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// True when `other` lies inside this rectangle (edges may touch).
    pub fn contains(&self, other: &Rect) -> bool {
        self.x <= other.x && self.y <= other.y && other.right() <= self.right() && other.bottom() <= self.bottom()
    }

    fn moved(self, dx: i64, dy: i64) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// What a box is, which says how it may meet other boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoxRole {
    /// A frame around other things: the region, a zone's lane, a section, the legend.
    Container,
    /// A thing of the stack: an instance, a volume, a snapshot, a security group, a source
    /// or destination. Nodes never overlap each other.
    Node,
    /// A small mark inside a node or the legend: a security group named on an instance's
    /// card, an instance named in a group, the user-data mark, a legend sample.
    Chip,
}

/// A box as laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidBox {
    /// Where it is.
    pub rect: Rect,
    /// What it is.
    pub role: BoxRole,
    /// Its CSS class (`card`, `vol`, `sg`…).
    pub class: &'static str,
}

/// A line of text as laid out: the box its glyphs stay inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidLabel {
    /// Where it is (its measure is an upper bound of the rendered text's).
    pub rect: Rect,
    /// The text drawn.
    pub text: String,
}

/// A straight, horizontal or vertical piece of a connector or an arrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wire {
    /// One end.
    pub from: (i64, i64),
    /// The other end.
    pub to: (i64, i64),
}

/// The geometry of a diagram, as the SVG draws it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Width of the drawing.
    pub width: i64,
    /// Height of the drawing.
    pub height: i64,
    /// Every box drawn.
    pub boxes: Vec<LaidBox>,
    /// Every line of text drawn.
    pub labels: Vec<LaidLabel>,
    /// Every straight piece of a connector or arrow.
    pub wires: Vec<Wire>,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) class: Option<&'static str>,
    pub(crate) text: String,
}

/// A drawn element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// `<g>` with attributes (name, value) and an optional `<title>`.
    Group {
        attrs: Vec<(&'static str, String)>,
        title: Option<String>,
        children: Vec<Node>,
    },
    /// `<rect>`.
    Rect {
        rect: Rect,
        class: &'static str,
        round: i64,
    },
    /// `<text>` at a baseline, made of spans, with a tooltip when shortened.
    Text {
        x: i64,
        baseline: i64,
        font: Font,
        spans: Vec<Span>,
        tooltip: Option<String>,
    },
    /// `<polyline>`.
    Polyline {
        points: Vec<(i64, i64)>,
        class: &'static str,
    },
    /// `<polygon>`.
    Polygon {
        points: Vec<(i64, i64)>,
        class: &'static str,
    },
}

impl Node {
    fn translate(&mut self, dx: i64, dy: i64) {
        match self {
            Node::Group { children, .. } => children.iter_mut().for_each(|c| c.translate(dx, dy)),
            Node::Rect { rect, .. } => *rect = rect.moved(dx, dy),
            Node::Text { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
            Node::Polyline { points, .. } | Node::Polygon { points, .. } => {
                points.iter_mut().for_each(|(x, y)| {
                    *x += dx;
                    *y += dy;
                });
            }
        }
    }
}

/// A part of the drawing built at its own origin, then placed into a larger one.
#[derive(Debug, Default)]
pub(crate) struct Piece {
    pub(crate) nodes: Vec<Node>,
    pub(crate) layout: Layout,
}

impl Piece {
    pub(crate) fn width(&self) -> i64 {
        self.layout.width
    }

    pub(crate) fn height(&self) -> i64 {
        self.layout.height
    }

    pub(crate) fn set_size(&mut self, width: i64, height: i64) {
        self.layout.width = width;
        self.layout.height = height;
    }

    /// Draws a box.
    pub(crate) fn rect(&mut self, rect: Rect, class: &'static str, role: BoxRole, round: i64) {
        self.nodes.push(Node::Rect { rect, class, round });
        self.layout.boxes.push(LaidBox { rect, role, class });
    }

    /// Draws a box under everything drawn so far, as large as the piece.
    pub(crate) fn frame(&mut self, class: &'static str, role: BoxRole, round: i64) {
        let rect = Rect::new(0, 0, self.width(), self.height());
        self.nodes.insert(0, Node::Rect { rect, class, round });
        self.layout.boxes.insert(0, LaidBox { rect, role, class });
    }

    /// Writes a line of text whose top is `top`; returns its width.
    pub(crate) fn text(&mut self, x: i64, top: i64, font: Font, spans: Vec<Span>, tooltip: Option<String>) -> i64 {
        let width = spans.iter().map(|s| super::text::measure(&s.text, font)).sum();
        let rect = Rect::new(x, top, width, font.line_height());
        let text = spans.iter().map(|s| s.text.as_str()).collect();
        self.layout.labels.push(LaidLabel { rect, text });
        self.nodes.push(Node::Text {
            x,
            baseline: top + font.size(),
            font,
            spans,
            tooltip,
        });
        width
    }

    /// Draws a connector or an arrow's line through `points` (horizontal and vertical
    /// moves only).
    pub(crate) fn wire(&mut self, points: Vec<(i64, i64)>, class: &'static str) {
        for pair in points.windows(2) {
            if let [from, to] = pair {
                if from != to {
                    self.layout.wires.push(Wire { from: *from, to: *to });
                }
            }
        }
        self.nodes.push(Node::Polyline { points, class });
    }

    /// Draws a line that is decoration, not a connector (the hover area of an arrow, the
    /// bar of a closed side).
    pub(crate) fn stroke(&mut self, points: Vec<(i64, i64)>, class: &'static str) {
        self.nodes.push(Node::Polyline { points, class });
    }

    /// Draws a filled shape that is decoration (an arrowhead, a warning sign).
    pub(crate) fn polygon(&mut self, points: Vec<(i64, i64)>, class: &'static str) {
        self.nodes.push(Node::Polygon { points, class });
    }

    /// Places `other` with its origin at (`dx`, `dy`).
    pub(crate) fn add(&mut self, other: Piece, dx: i64, dy: i64) {
        let Piece { mut nodes, layout } = other;
        nodes.iter_mut().for_each(|n| n.translate(dx, dy));
        self.nodes.extend(nodes);
        self.layout.boxes.extend(layout.boxes.into_iter().map(|b| LaidBox {
            rect: b.rect.moved(dx, dy),
            ..b
        }));
        self.layout.labels.extend(layout.labels.into_iter().map(|l| LaidLabel {
            rect: l.rect.moved(dx, dy),
            ..l
        }));
        self.layout.wires.extend(layout.wires.into_iter().map(|w| Wire {
            from: (w.from.0 + dx, w.from.1 + dy),
            to: (w.to.0 + dx, w.to.1 + dy),
        }));
    }

    /// Gathers everything drawn so far into one `<g>`.
    pub(crate) fn grouped(mut self, attrs: Vec<(&'static str, String)>, title: Option<String>) -> Piece {
        let children = std::mem::take(&mut self.nodes);
        self.nodes.push(Node::Group { attrs, title, children });
        self
    }
}
