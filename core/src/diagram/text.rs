//! Text as the diagram shows it: one visible line, measured so that boxes can be sized
//! before anything is drawn, and shortened with an ellipsis when it does not fit.
//!
//! The diagram's text is set in a monospace font (see the writer's style), whose glyphs are
//! 0.6 em wide; the measure here rounds up (0.625 em for a narrow character, 1.5 em for a
//! wide one such as a CJK ideograph or an emoji, and never less than a narrow character for
//! combining or zero-width ones), so the real text is never wider than its measure.

use unicode_width::UnicodeWidthChar;

/// The text styles of the diagram, each with its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Font {
    /// 12 px: the lines of cards and labels of arrows.
    Body,
    /// 11 px: chips and the legend's notes.
    Small,
    /// 13 px bold: the title of a card or box.
    Title,
    /// 15 px bold: the headings of the region and the sections.
    Heading,
}

impl Font {
    /// Size in pixels.
    pub(crate) fn size(self) -> i64 {
        match self {
            Font::Body => 12,
            Font::Small => 11,
            Font::Title => 13,
            Font::Heading => 15,
        }
    }

    /// Height of a line of this font: the box its glyphs stay in.
    pub(crate) fn line_height(self) -> i64 {
        self.size() + 4
    }

    /// The CSS class of this font.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Font::Body => "t",
            Font::Small => "ts",
            Font::Title => "tt",
            Font::Heading => "th",
        }
    }
}

/// Width of one character in eighths of an em: 5 (0.625 em) for a narrow one, 12 (1.5 em)
/// for a wide one.
fn eighths(c: char) -> i64 {
    match c.width() {
        Some(2..) => 12,
        _ => 5,
    }
}

/// The width of `text` in `font`, in pixels, rounded up.
pub(crate) fn measure(text: &str, font: Font) -> i64 {
    let eighths: i64 = text.chars().map(eighths).sum();
    (eighths * font.size() + 7) / 8
}

/// A line as shown: control characters become visible (the U+2400 block: `␊` for a line
/// feed); C1 controls, characters XML cannot carry and the bidirectional controls that
/// could reorder what is drawn (an override makes `exe.txt` read `txt.exe`) become U+FFFD.
pub(crate) fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7F}' => '\u{2421}',
            '\u{80}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A line fitted to a width: the visible text, and whether it was shortened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fitted {
    /// What is drawn.
    pub(crate) text: String,
    /// True when `text` lost its end to an ellipsis (the full text goes in a tooltip).
    pub(crate) shortened: bool,
}

/// `text` made visible and cut with `…` so that it measures at most `max_width` in `font`.
pub(crate) fn fit(text: &str, font: Font, max_width: i64) -> Fitted {
    let shown = visible(text);
    if measure(&shown, font) <= max_width {
        return Fitted {
            text: shown,
            shortened: false,
        };
    }
    let budget = max_width * 8 - 5 * font.size(); // room left for the ellipsis
    let mut used = 0;
    let mut cut = String::new();
    for c in shown.chars() {
        used += eighths(c) * font.size();
        if used > budget {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    Fitted {
        text: cut,
        shortened: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_narrow_wide_and_combining() {
        assert_eq!(measure("web", Font::Body), 23); // 3 × 7.5 px, rounded up
        assert_eq!(measure("ウェブ", Font::Body), 54); // 3 × 18 px
        assert_eq!(measure("e\u{301}", Font::Body), 15); // a combining mark still counts
        assert_eq!(measure("", Font::Title), 0);
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(visible("a\nb\tc\u{7f}\u{85}\u{FFFF}"), "a␊b␉c␡\u{FFFD}\u{FFFD}");
        assert_eq!(
            visible("\u{202E}txt.exe\u{2066}x\u{2069}"),
            "\u{FFFD}txt.exe\u{FFFD}x\u{FFFD}"
        );
        assert_eq!(visible("مرحبا שלום"), "مرحبا שלום");
    }

    #[test]
    fn fits_or_shortens_with_an_ellipsis() {
        let fitted = fit("web", Font::Body, 100);
        assert_eq!(
            fitted,
            Fitted {
                text: "web".into(),
                shortened: false
            }
        );
        let fitted = fit("a-very-long-construct-id", Font::Body, 60);
        assert_eq!(fitted.text, "a-very-…");
        assert!(fitted.shortened);
        assert!(measure(&fitted.text, Font::Body) <= 60);
        let fitted = fit("ウェブウェブ", Font::Body, 60);
        assert_eq!(fitted.text, "ウェ…");
        assert!(measure(&fitted.text, Font::Body) <= 60);
        assert_eq!(fit("abc", Font::Body, 0).text, "…");
    }
}
