//! Syntax colouring for the code panels: JSON and Python cut into classed pieces.
//!
//! Presentation only: the pieces, put back together, are exactly the text given (tested),
//! so what the learner copies or reads in the page is the output byte for byte.

/// What a piece of code is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Anything without a colour of its own: spaces, names, operators.
    Plain,
    /// A JSON object key.
    Key,
    /// A string literal.
    Str,
    /// A number.
    Num,
    /// `true`, `false`, `null`, `True`, `False`, `None`.
    Constant,
    /// A Python keyword.
    Keyword,
    /// A Python comment.
    Comment,
    /// A Python name that starts with a capital: classes in the course's code.
    Class,
    /// Brackets, commas and colons.
    Punct,
}

impl TokenKind {
    /// The CSS class of the piece (`None` for plain text).
    pub fn class(self) -> Option<&'static str> {
        match self {
            TokenKind::Plain => None,
            TokenKind::Key => Some("tk-key"),
            TokenKind::Str => Some("tk-str"),
            TokenKind::Num => Some("tk-num"),
            TokenKind::Constant => Some("tk-const"),
            TokenKind::Keyword => Some("tk-kw"),
            TokenKind::Comment => Some("tk-comment"),
            TokenKind::Class => Some("tk-class"),
            TokenKind::Punct => Some("tk-punct"),
        }
    }
}

/// The language of a panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeLang {
    /// `cdk.tf.json`.
    Json,
    /// `main.py`.
    Python,
}

/// `text` cut into coloured pieces, in order; their concatenation is `text`.
pub fn tokens(lang: CodeLang, text: &str) -> Vec<(TokenKind, &str)> {
    match lang {
        CodeLang::Json => json_tokens(text),
        CodeLang::Python => python_tokens(text),
    }
}

/// Cuts `text` at char boundaries as a scanner consumes it.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    /// Pieces as byte ranges; adjacent plain pieces are merged as they come.
    out: Vec<(TokenKind, usize, usize)>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            out: Vec::new(),
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn emit(&mut self, kind: TokenKind, end: usize) {
        let end = end.min(self.text.len());
        if end <= self.pos {
            return;
        }
        match self.out.last_mut() {
            Some((TokenKind::Plain, _, last_end)) if kind == TokenKind::Plain && *last_end == self.pos => {
                *last_end = end;
            }
            _ => self.out.push((kind, self.pos, end)),
        }
        self.pos = end;
    }

    fn finish(self) -> Vec<(TokenKind, &'a str)> {
        let text = self.text;
        self.out
            .into_iter()
            .filter_map(|(kind, start, end)| text.get(start..end).map(|piece| (kind, piece)))
            .collect()
    }

    /// The byte offset just past the run of chars from the current position that satisfy `f`.
    fn run_end(&self, f: impl Fn(char) -> bool) -> usize {
        let rest = self.rest();
        self.pos + rest.find(|c: char| !f(c)).unwrap_or(rest.len())
    }

    fn one_char_end(&self) -> usize {
        self.pos + self.peek().map_or(0, char::len_utf8)
    }
}

fn json_tokens(text: &str) -> Vec<(TokenKind, &str)> {
    let mut s = Scanner::new(text);
    while let Some(c) = s.peek() {
        match c {
            '"' => {
                let end = string_end(s.rest(), "\"", false) + s.pos;
                let after = text[end..].trim_start();
                let kind = if after.starts_with(':') {
                    TokenKind::Key
                } else {
                    TokenKind::Str
                };
                s.emit(kind, end);
            }
            '{' | '}' | '[' | ']' | ',' | ':' => {
                let end = s.one_char_end();
                s.emit(TokenKind::Punct, end);
            }
            '-' | '0'..='9' => {
                let end = s.run_end(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'));
                s.emit(TokenKind::Num, end);
            }
            c if c.is_ascii_alphabetic() => {
                let end = s.run_end(|c| c.is_ascii_alphanumeric());
                s.emit(TokenKind::Constant, end);
            }
            _ => {
                let end = s.run_end(|c| {
                    !matches!(c, '"' | '{' | '}' | '[' | ']' | ',' | ':' | '-') && !c.is_ascii_alphanumeric()
                });
                let end = if end == s.pos { s.one_char_end() } else { end };
                s.emit(TokenKind::Plain, end);
            }
        }
    }
    s.finish()
}

/// Byte length of the string literal at the start of `rest` (which starts with its quote
/// `quote`), through its closing quote or the end of the text (or of the line, for a
/// one-line Python string).
fn string_end(rest: &str, quote: &str, stop_at_newline: bool) -> usize {
    let mut i = quote.len();
    let bytes = rest.as_bytes();
    while i < rest.len() {
        if rest[i..].starts_with(quote) {
            return i + quote.len();
        }
        match bytes[i] {
            b'\\' => {
                i += 1;
                // Skip the escaped char whole, whatever its width.
                if let Some(c) = rest[i..].chars().next() {
                    i += c.len_utf8();
                }
            }
            b'\n' if stop_at_newline => return i,
            _ => {
                i += rest[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    rest.len()
}

const PYTHON_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
];

fn python_tokens(text: &str) -> Vec<(TokenKind, &str)> {
    let mut s = Scanner::new(text);
    while let Some(c) = s.peek() {
        match c {
            '#' => {
                let end = s.run_end(|c| c != '\n');
                s.emit(TokenKind::Comment, end);
            }
            '"' | '\'' => {
                let end = s.pos + python_string_len(s.rest(), 0);
                s.emit(TokenKind::Str, end);
            }
            '0'..='9' => {
                let end = s.run_end(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
                s.emit(TokenKind::Num, end);
            }
            c if c.is_alphabetic() || c == '_' => {
                let end = s.run_end(|c| c.is_alphanumeric() || c == '_');
                let word = &text[s.pos..end];
                // String prefixes: r"...", b'...', f"""...""", rb"..."
                let next = text[end..].chars().next();
                if word.len() <= 2
                    && word
                        .chars()
                        .all(|c| matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'f' | 'u'))
                    && matches!(next, Some('"' | '\''))
                {
                    let len = python_string_len(s.rest(), word.len());
                    let end = s.pos + len;
                    s.emit(TokenKind::Str, end);
                    continue;
                }
                let kind = if PYTHON_KEYWORDS.contains(&word) {
                    TokenKind::Keyword
                } else if matches!(word, "True" | "False" | "None") {
                    TokenKind::Constant
                } else if word.starts_with(|c: char| c.is_uppercase()) && word.chars().any(|c| c.is_lowercase()) {
                    TokenKind::Class
                } else {
                    TokenKind::Plain
                };
                s.emit(kind, end);
            }
            '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' => {
                let end = s.one_char_end();
                s.emit(TokenKind::Punct, end);
            }
            _ => {
                let end = s.one_char_end();
                s.emit(TokenKind::Plain, end);
            }
        }
    }
    s.finish()
}

/// Byte length of the Python string at the start of `rest`, whose quote comes after a
/// prefix of `prefix` bytes.
fn python_string_len(rest: &str, prefix: usize) -> usize {
    let body = &rest[prefix..];
    let quote = if body.starts_with("\"\"\"") {
        "\"\"\""
    } else if body.starts_with("'''") {
        "'''"
    } else if body.starts_with('"') {
        "\""
    } else {
        "'"
    };
    prefix + string_end(body, quote, quote.len() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn joined(lang: CodeLang, text: &str) -> String {
        tokens(lang, text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn json_pieces() {
        let text = "{\n  \"a\": [1, -2.5e3, true, null, \"x\\\"y\"]\n}";
        let t = tokens(CodeLang::Json, text);
        assert!(t.contains(&(TokenKind::Key, "\"a\"")));
        assert!(t.contains(&(TokenKind::Str, "\"x\\\"y\"")));
        assert!(t.contains(&(TokenKind::Num, "-2.5e3")));
        assert!(t.contains(&(TokenKind::Constant, "null")));
        assert_eq!(joined(CodeLang::Json, text), text);
    }

    #[test]
    fn python_pieces() {
        let text = "from cdktf import App  # comment\nUSER_DATA = \"\"\"#!/bin/bash\necho \"hi\"\n\"\"\"\nx = Instance(self, 'web', n=8, ok=True)\ns = rb'\\x00'\n";
        let t = tokens(CodeLang::Python, text);
        assert!(t.contains(&(TokenKind::Keyword, "from")));
        assert!(t.contains(&(TokenKind::Comment, "# comment")));
        assert!(t.contains(&(TokenKind::Str, "\"\"\"#!/bin/bash\necho \"hi\"\n\"\"\"")));
        assert!(t.contains(&(TokenKind::Class, "Instance")));
        assert!(t.contains(&(TokenKind::Str, "'web'")));
        assert!(t.contains(&(TokenKind::Str, "rb'\\x00'")));
        assert!(t.contains(&(TokenKind::Constant, "True")));
        assert_eq!(joined(CodeLang::Python, text), text);
    }

    #[test]
    fn the_lab_golden_survives() {
        let golden = include_str!("../../tests/fixtures/ec2-lab/cdk.tf.json");
        assert_eq!(joined(CodeLang::Json, golden), golden);
        let py = include_str!("../../tests/fixtures/ec2-lab/main.py");
        assert_eq!(joined(CodeLang::Python, py), py);
    }

    proptest! {
        #[test]
        fn pieces_join_to_the_text(text in any::<String>()) {
            prop_assert_eq!(joined(CodeLang::Json, &text), text.clone());
            prop_assert_eq!(joined(CodeLang::Python, &text), text);
        }

        #[test]
        fn pieces_join_to_code_like_text(text in "[\"'\\\\a-zA-Z0-9 \n#:{}\\[\\](),.é-]{0,80}") {
            prop_assert_eq!(joined(CodeLang::Json, &text), text.clone());
            prop_assert_eq!(joined(CodeLang::Python, &text), text);
        }
    }
}
