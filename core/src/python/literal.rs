//! The one Python string-literal escaper.
//!
//! Output is valid Python 3 source that evaluates to exactly the input string and that
//! `ruff format` leaves as it is: double quotes unless the text holds more `"` than `'`
//! (ruff's preferred-quote rule), backslash escapes for the quote, the backslash, `\n`,
//! `\r`, `\t`, and `\xNN`/`\uNNNN` (lower-case hex) for every other control, separator or
//! invisible formatting character (NUL, DEL, C1 controls, U+2028, U+2029, U+FEFF, the
//! bidirectional controls...). Everything else, accents and emoji included, is written
//! raw (the file is UTF-8).

/// A single-line Python string literal for `s`: `"text"` or `'text'`.
pub fn string_literal(s: &str) -> String {
    let doubles = s.matches('"').count();
    let singles = s.matches('\'').count();
    let quote = if doubles > singles { '\'' } else { '"' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => push_char(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// A triple-quoted literal `"""text"""` keeping newlines as real line breaks, as the
/// course writes its `USER_DATA` scripts, or `None` when the text cannot be written that
/// way without escaping quotes (it holds `"""` or ends with `"`).
pub fn triple_quoted_literal(s: &str) -> Option<String> {
    if s.contains("\"\"\"") || s.ends_with('"') {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 6);
    out.push_str("\"\"\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            c => push_char(&mut out, c),
        }
    }
    out.push_str("\"\"\"");
    Some(out)
}

/// Writes `c` raw, or escaped when it is a control or invisible character.
fn push_char(out: &mut String, c: char) {
    match c {
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => {
            let n = u32::from(c);
            if n <= 0xFF {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n <= 0xFFFF {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        c => out.push(c),
    }
}

/// Controls (C0, DEL, C1), line and paragraph separators, and invisible format characters
/// that would make the source misleading or that some tools read as line breaks.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every awkward character, with the literal we write for it.
    #[test]
    fn table_of_awkward_characters() {
        let table: &[(&str, &str)] = &[
            ("plain", r#""plain""#),
            ("", r#""""#),
            ("it's", r#""it's""#),
            (r#"say "hi""#, r#"'say "hi"'"#),
            (r#"a "b" 'c'"#, r#""a \"b\" 'c'""#),
            (r#"'"'"#, r#""'\"'""#),
            ("\"\"\"", r#"'"""'"#),
            ("back\\slash", r#""back\\slash""#),
            ("\\", r#""\\""#),
            ("line\nbreak", r#""line\nbreak""#),
            ("cr\r\nlf", r#""cr\r\nlf""#),
            ("tab\there", r#""tab\there""#),
            ("nul\0", r#""nul\x00""#),
            ("bell\u{7}esc\u{1b}", r#""bell\x07esc\x1b""#),
            ("del\u{7f}", r#""del\x7f""#),
            ("c1\u{85}", r#""c1\x85""#),
            ("ls\u{2028}ps\u{2029}", r#""ls\u2028ps\u2029""#),
            ("bom\u{feff}", r#""bom\ufeff""#),
            ("rlo\u{202e}", r#""rlo\u202e""#),
            ("été à Noël", r#""été à Noël""#),
            ("😀 🎉", r#""😀 🎉""#),
            ("${HOME} %{x}", r#""${HOME} %{x}""#),
            ("{}", r#""{}""#),
        ];
        for (input, want) in table {
            assert_eq!(&string_literal(input), want, "{input:?}");
        }
    }

    #[test]
    fn triple_quoted_keeps_lines_and_refuses_what_it_cannot_hold() {
        assert_eq!(
            triple_quoted_literal("#!/bin/bash\necho \"hi\" 'x'\n").as_deref(),
            Some("\"\"\"#!/bin/bash\necho \"hi\" 'x'\n\"\"\"")
        );
        assert_eq!(
            triple_quoted_literal("a\\b\r\n\t\0").as_deref(),
            Some("\"\"\"a\\\\b\\r\n\\t\\x00\"\"\"")
        );
        assert_eq!(triple_quoted_literal("x = \"\"\"y"), None);
        assert_eq!(triple_quoted_literal("ends with \""), None);
    }
}
