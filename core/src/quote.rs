//! How messages quote the learner's text: whole when it is short, else its first
//! [`EXCERPT_CHARS`] characters, `…` and its length, so that an error about a 5 MB stack
//! name stays one line long (issue 13: "quote at most a short excerpt of a long value").
//!
//! Every error that embeds a user string ([`crate::SynthError`], [`crate::LoadError`],
//! [`crate::HclError`]) and the findings of the checks quote it through this module.

use crate::i18n::Lang;

/// The most characters of a value a message quotes.
pub const EXCERPT_CHARS: usize = 40;

/// The most characters of a path (`tags.<key>`) a message shows: paths are the document's
/// own words but for map keys, which the learner writes.
pub const PATH_CHARS: usize = 120;

/// The first `max` characters of `s`, when `s` is longer.
fn cut(s: &str, max: usize) -> Option<&str> {
    s.char_indices().nth(max).map(|(end, _)| &s[..end])
}

/// `s` cut to its first `max` characters, with `…` when cut.
pub fn excerpt_to(s: &str, max: usize) -> String {
    match cut(s, max) {
        Some(head) => format!("{head}…"),
        None => s.to_owned(),
    }
}

/// `s` cut to its first [`EXCERPT_CHARS`] characters, with `…` when cut (no length, no
/// quotes): for findings that give the length themselves.
pub fn excerpt(s: &str) -> String {
    excerpt_to(s, EXCERPT_CHARS)
}

/// ` (N characters)` / ` (N caractères)`.
fn length(s: &str, lang: Lang) -> String {
    let n = s.chars().count();
    match lang {
        Lang::Fr => format!(" ({n} caractères)"),
        Lang::En => format!(" ({n} characters)"),
    }
}

/// `s` as an error quotes it: between double quotes with Rust's escapes (`{:?}`), whole
/// when it has at most [`EXCERPT_CHARS`] characters, else `"<first 40>…" (N characters)`
/// (`caractères` in French).
pub fn quoted(s: &str, lang: Lang) -> String {
    match cut(s, EXCERPT_CHARS) {
        Some(head) => format!("{:?}{}", format!("{head}…"), length(s, lang)),
        None => format!("{s:?}"),
    }
}

/// `s` as it is, when it has at most `max` characters; else `<first max>… (N characters)`:
/// for text someone else already quoted (serde's messages) and for paths.
pub fn shortened(s: &str, max: usize, lang: Lang) -> String {
    match cut(s, max) {
        Some(head) => format!("{head}…{}", length(s, lang)),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_quoted_whole() {
        assert_eq!(quoted("mon lab", Lang::En), "\"mon lab\"");
        assert_eq!(quoted("a\"b\n", Lang::Fr), "\"a\\\"b\\n\"");
        assert_eq!(quoted(&"x".repeat(40), Lang::En), format!("\"{}\"", "x".repeat(40)));
        assert_eq!(excerpt("abc"), "abc");
        assert_eq!(shortened("tags.Name", PATH_CHARS, Lang::En), "tags.Name");
    }

    #[test]
    fn long_values_are_cut_with_their_length() {
        let huge = "é".repeat(5_000_000);
        let en = quoted(&huge, Lang::En);
        assert_eq!(en, format!("\"{}…\" (5000000 characters)", "é".repeat(40)));
        assert_eq!(
            quoted(&huge, Lang::Fr),
            format!("\"{}…\" (5000000 caractères)", "é".repeat(40))
        );
        assert_eq!(excerpt(&huge), format!("{}…", "é".repeat(40)));
        assert_eq!(
            shortened(&"k".repeat(200), PATH_CHARS, Lang::En),
            format!("{}… (200 characters)", "k".repeat(120))
        );
    }
}
