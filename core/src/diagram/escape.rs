//! The one SVG escaper: every piece of text and every attribute value goes through it.
//!
//! Its output is valid both as element content and inside a double- or single-quoted
//! attribute, so the writer never has to choose between two escapers. XML 1.0 cannot carry
//! some characters at all, not even as character references (C0 controls other than tab,
//! line feed and carriage return; U+FFFE and U+FFFF): they become U+FFFD, the replacement
//! character. Tab, line feed and carriage return become character references, so that an
//! attribute keeps them (a parser would otherwise normalise them to spaces) and no raw line
//! break or trailing whitespace ever reaches the output.

use std::fmt;

/// `text` made safe for SVG element content and quoted attribute values.
///
/// ```
/// use ec2_playground_core::diagram::escape_svg;
/// assert_eq!(escape_svg(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_svg(text: &str) -> String {
    Escaped(text).to_string()
}

/// A string that escapes itself for SVG when displayed (see [`escape_svg`]).
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0;
        let mut plain_from = 0;
        for (at, c) in text.char_indices() {
            let replacement = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' => "&#9;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                c if is_xml_char(c) => continue,
                _ => "\u{FFFD}",
            };
            f.write_str(&text[plain_from..at])?;
            f.write_str(replacement)?;
            plain_from = at + c.len_utf8();
        }
        f.write_str(&text[plain_from..])
    }
}

/// True for the characters XML 1.0 allows in a document (its `Char` production).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}
