//! A `name_regex` as the AWS provider validates it: `validation.StringIsValidRegExp`
//! (terraform-plugin-sdk, `helper/validation/strings.go`) calls Go's `regexp.Compile`, RE2
//! syntax with Perl extensions (`regexp/syntax`, `syntax.Perl`), so `terraform validate`
//! refuses a pattern Go does not compile: `"name_regex": error parsing regexp: missing
//! closing ): ...`.
//!
//! The pattern is parsed by `regex-syntax` (the syntax tree only: the syntax is RE2's), then
//! held to where Go differs, after Go's `regexp/syntax/parse.go`:
//! - Go refuses what `regex-syntax` adds: the flags `x`, `u` and `R`, `\u` escapes, word
//!   boundaries `\<`, `\>` and `\b{start}`, a single-digit octal escape (`\1`, a
//!   backreference for Go), a repetition of a repetition (`a**`, `a{2}{3}`), a count above
//!   1000, `\p{...}` names Go does not know (`\p{sc=Greek}`, `\p{Foo}`);
//! - Go accepts what `regex-syntax` refuses: a `{` that starts no repetition (`a{`, `a{,5}`:
//!   a literal for Go), `\b{` (a boundary then a literal), a repeated flag (`(?ii)`), and
//!   those patterns are not reported. Patterns with `\Q...\E` or with a `[` inside a bracket
//!   class (a literal for Go, a nested class for `regex-syntax`) are not checked at all.
//!
//! So every pattern reported is one every Go version refuses; a few that Go refuses may pass.

use regex_syntax::ast::parse::ParserBuilder;
use regex_syntax::ast::{
    AssertionKind, Ast, ClassSet, ClassSetItem, ClassUnicodeKind, ErrorKind, Flag, FlagsItemKind, GroupKind,
    HexLiteralKind, Literal, LiteralKind, RepetitionKind, RepetitionRange,
};

/// Go's nesting limit (`maxHeight` in `regexp/syntax/parse.go`).
const NEST_LIMIT: u32 = 1000;
/// Go's largest repetition count (`{n}`, `{m,n}`).
const MAX_REPEAT: u32 = 1000;

/// Why Go refuses a pattern, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoRegexpError {
    /// Go's words (`ErrorCode` of `regexp/syntax`): `missing closing )`.
    pub go: &'static str,
    /// The same in French.
    pub fr: &'static str,
    /// 1-based position of the fault, in characters.
    pub position: usize,
}

/// The error Go's `regexp.Compile` gives for `pattern`, when every Go version refuses it.
pub fn go_regexp_error(pattern: &str) -> Option<GoRegexpError> {
    if !checked(pattern) {
        return None;
    }
    let position = |offset: usize| pattern.get(..offset).map_or(1, |s| s.chars().count() + 1);
    let ast = match ParserBuilder::new()
        .nest_limit(NEST_LIMIT)
        .octal(true)
        .build()
        .parse(pattern)
    {
        Ok(ast) => ast,
        Err(e) => {
            let (go, fr) = parse_error(e.kind())?;
            return Some(GoRegexpError {
                go,
                fr,
                position: position(e.span().start.offset),
            });
        }
    };
    go_refusal(pattern, &ast).map(|(code, offset)| GoRegexpError {
        go: code.0,
        fr: code.1,
        position: position(offset),
    })
}

type Code = (&'static str, &'static str);

const MISSING_PAREN: Code = ("missing closing )", "parenthèse fermante manquante");
const UNEXPECTED_PAREN: Code = ("unexpected )", "parenthèse fermante sans ouvrante");
const MISSING_BRACKET: Code = ("missing closing ]", "crochet fermant manquant");
const INVALID_RANGE: Code = (
    "invalid character class range",
    "intervalle ou classe de caractères invalide",
);
const INVALID_ESCAPE: Code = ("invalid escape sequence", "séquence d'échappement invalide");
const TRAILING_BACKSLASH: Code = (
    "trailing backslash at end of expression",
    "barre oblique inverse en fin d'expression",
);
const MISSING_REPEAT_ARGUMENT: Code = (
    "missing argument to repetition operator",
    "opérateur de répétition sans rien à répéter",
);
const INVALID_REPEAT_SIZE: Code = ("invalid repeat count", "nombre de répétitions invalide (au plus 1000)");
const INVALID_REPEAT_OP: Code = ("invalid nested repetition operator", "répétition d'une répétition");
const INVALID_PERL_OP: Code = (
    "invalid or unsupported Perl syntax",
    "syntaxe Perl inconnue de Go (drapeaux autres que i, m, s, U ; (?=, (?!...)",
);
const INVALID_NAMED_CAPTURE: Code = ("invalid named capture", "nom de groupe invalide");
const NESTING_DEPTH: Code = ("expression nests too deeply", "imbrication trop profonde");

/// Go's error for what `regex-syntax` refuses; `None` where Go accepts it.
fn parse_error(kind: &ErrorKind) -> Option<Code> {
    Some(match kind {
        ErrorKind::GroupUnclosed => MISSING_PAREN,
        ErrorKind::GroupUnopened => UNEXPECTED_PAREN,
        ErrorKind::ClassUnclosed => MISSING_BRACKET,
        ErrorKind::ClassRangeInvalid | ErrorKind::ClassRangeLiteral | ErrorKind::UnicodeClassInvalid => INVALID_RANGE,
        ErrorKind::ClassEscapeInvalid
        | ErrorKind::EscapeHexEmpty
        | ErrorKind::EscapeHexInvalid
        | ErrorKind::EscapeHexInvalidDigit
        | ErrorKind::EscapeUnrecognized
        | ErrorKind::UnsupportedBackreference => INVALID_ESCAPE,
        ErrorKind::EscapeUnexpectedEof => TRAILING_BACKSLASH,
        ErrorKind::RepetitionMissing => MISSING_REPEAT_ARGUMENT,
        ErrorKind::RepetitionCountInvalid => INVALID_REPEAT_SIZE,
        ErrorKind::FlagDanglingNegation
        | ErrorKind::FlagRepeatedNegation { .. }
        | ErrorKind::FlagUnexpectedEof
        | ErrorKind::FlagUnrecognized
        | ErrorKind::UnsupportedLookAround => INVALID_PERL_OP,
        ErrorKind::GroupNameEmpty | ErrorKind::GroupNameInvalid | ErrorKind::GroupNameUnexpectedEof => {
            INVALID_NAMED_CAPTURE
        }
        ErrorKind::NestLimitExceeded(_) => NESTING_DEPTH,
        // A `{` that starts no repetition is a literal for Go; `\b{` is a boundary and a
        // literal; Go takes a repeated flag; the rest Go may accept.
        _ => return None,
    })
}

/// False for the patterns left unchecked: `\Q...\E`, or a `[` inside a bracket class
/// (other than `[:alpha:]`), which Go reads as a literal and `regex-syntax` as a class.
fn checked(pattern: &str) -> bool {
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    let mut class_start = false;
    while let Some(c) = chars.next() {
        let first = std::mem::take(&mut class_start);
        match c {
            // The guard takes the escaped character, whichever arm then runs.
            '\\' if chars.next() == Some('Q') && !in_class => return false,
            '\\' => {}
            '[' if in_class => {
                if chars.peek() != Some(&':') {
                    return false;
                }
                // `[:alpha:]`: skip to its `:]`.
                let mut prev = ' ';
                for d in chars.by_ref() {
                    if prev == ':' && d == ']' {
                        break;
                    }
                    prev = d;
                }
            }
            '[' => {
                in_class = true;
                class_start = true;
                if chars.peek() == Some(&'^') {
                    chars.next();
                }
                // A `]` first in the class is a literal.
                if chars.peek() == Some(&']') {
                    chars.next();
                }
            }
            ']' if in_class && !first => in_class = false,
            _ => {}
        }
    }
    true
}

/// What Go refuses in a tree `regex-syntax` accepts: the code and the byte offset.
fn go_refusal(pattern: &str, ast: &Ast) -> Option<(Code, usize)> {
    let mut stack = vec![ast];
    while let Some(node) = stack.pop() {
        match node {
            Ast::Flags(f) => {
                if let Some(at) = bad_flag(&f.flags.items) {
                    return Some((INVALID_PERL_OP, at));
                }
            }
            Ast::Literal(l) => {
                if let Some(at) = bad_literal(pattern, l) {
                    return Some((INVALID_ESCAPE, at));
                }
            }
            Ast::Assertion(a) => {
                if !matches!(
                    a.kind,
                    AssertionKind::StartLine
                        | AssertionKind::EndLine
                        | AssertionKind::StartText
                        | AssertionKind::EndText
                        | AssertionKind::WordBoundary
                        | AssertionKind::NotWordBoundary
                ) {
                    return Some((INVALID_ESCAPE, a.span.start.offset));
                }
            }
            Ast::ClassUnicode(u) => {
                if !known_class(&u.kind) {
                    return Some((INVALID_RANGE, u.span.start.offset));
                }
            }
            Ast::ClassBracketed(b) => {
                let mut sets = vec![&b.kind];
                while let Some(set) = sets.pop() {
                    match set {
                        ClassSet::BinaryOp(op) => {
                            sets.push(&op.lhs);
                            sets.push(&op.rhs);
                        }
                        ClassSet::Item(item) => {
                            let mut items = vec![item];
                            while let Some(item) = items.pop() {
                                match item {
                                    ClassSetItem::Literal(l) => {
                                        if let Some(at) = bad_literal(pattern, l) {
                                            return Some((INVALID_ESCAPE, at));
                                        }
                                    }
                                    ClassSetItem::Range(r) => {
                                        for l in [&r.start, &r.end] {
                                            if let Some(at) = bad_literal(pattern, l) {
                                                return Some((INVALID_ESCAPE, at));
                                            }
                                        }
                                    }
                                    ClassSetItem::Unicode(u) if !known_class(&u.kind) => {
                                        return Some((INVALID_RANGE, u.span.start.offset));
                                    }
                                    ClassSetItem::Bracketed(inner) => sets.push(&inner.kind),
                                    ClassSetItem::Union(u) => items.extend(u.items.iter()),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
            }
            Ast::Repetition(r) => {
                if matches!(*r.ast, Ast::Repetition(_)) {
                    return Some((INVALID_REPEAT_OP, r.op.span.start.offset));
                }
                if let RepetitionKind::Range(range) = &r.op.kind {
                    let (RepetitionRange::Exactly(n) | RepetitionRange::AtLeast(n) | RepetitionRange::Bounded(_, n)) =
                        *range;
                    let m = match *range {
                        RepetitionRange::Bounded(m, _) => m,
                        _ => n,
                    };
                    if n > MAX_REPEAT || m > MAX_REPEAT {
                        return Some((INVALID_REPEAT_SIZE, r.op.span.start.offset));
                    }
                }
                stack.push(&r.ast);
            }
            Ast::Group(g) => {
                if let GroupKind::NonCapturing(flags) = &g.kind {
                    if let Some(at) = bad_flag(&flags.items) {
                        return Some((INVALID_PERL_OP, at));
                    }
                }
                stack.push(&g.ast);
            }
            Ast::Alternation(a) => stack.extend(a.asts.iter().rev()),
            Ast::Concat(c) => stack.extend(c.asts.iter().rev()),
            Ast::Empty(_) | Ast::Dot(_) | Ast::ClassPerl(_) => {}
        }
    }
    None
}

/// The offset of a flag Go does not have (`x`, `u`, `R`).
fn bad_flag(items: &[regex_syntax::ast::FlagsItem]) -> Option<usize> {
    items.iter().find_map(|item| match item.kind {
        FlagsItemKind::Flag(Flag::IgnoreWhitespace | Flag::Unicode | Flag::CRLF) => Some(item.span.start.offset),
        _ => None,
    })
}

/// The offset of an escape Go does not have: `\u`/`\U` and a single-digit octal `\1`..`\7`.
fn bad_literal(pattern: &str, l: &Literal) -> Option<usize> {
    let at = l.span.start.offset;
    match &l.kind {
        LiteralKind::HexFixed(HexLiteralKind::UnicodeShort | HexLiteralKind::UnicodeLong)
        | LiteralKind::HexBrace(HexLiteralKind::UnicodeShort | HexLiteralKind::UnicodeLong) => Some(at),
        LiteralKind::Octal => {
            let text = pattern.get(at..l.span.end.offset).unwrap_or_default();
            (text.len() == 2 && text != "\\0").then_some(at)
        }
        _ => None,
    }
}

/// True for a `\p` name some Go version knows: a one-letter category, a general category
/// or script of `unicode.Categories` / `unicode.Scripts`, `Any`, and (Go 1.25) the long
/// category names, `ASCII`, `Assigned`, `Cn`, `LC`, compared as Go 1.25 does (case, spaces,
/// `_` and `-` ignored).
fn known_class(kind: &ClassUnicodeKind) -> bool {
    let name = match kind {
        ClassUnicodeKind::OneLetter(c) => return "CLMNPSZ".contains(*c),
        // Go's `\p{^Greek}` (negated); regex-syntax keeps the `^` in the name.
        ClassUnicodeKind::Named(name) => name.strip_prefix('^').unwrap_or(name),
        ClassUnicodeKind::NamedValue { .. } => return false,
    };
    let loose = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name = loose(name);
    GO_CLASS_NAMES.iter().any(|known| loose(known) == name)
}

/// The `\p{...}` names of Go's `regexp/syntax` (Go 1.21 to 1.25: `unicode.Categories`,
/// `unicode.Scripts` of Unicode 15, `Any`, and Go 1.25's category aliases).
const GO_CLASS_NAMES: &[&str] = &[
    "Any",
    "ASCII",
    "Assigned",
    "C",
    "Cc",
    "Cf",
    "Cn",
    "Co",
    "Cs",
    "L",
    "LC",
    "Ll",
    "Lm",
    "Lo",
    "Lt",
    "Lu",
    "M",
    "Mc",
    "Me",
    "Mn",
    "N",
    "Nd",
    "Nl",
    "No",
    "P",
    "Pc",
    "Pd",
    "Pe",
    "Pf",
    "Pi",
    "Po",
    "Ps",
    "S",
    "Sc",
    "Sk",
    "Sm",
    "So",
    "Z",
    "Zl",
    "Zp",
    "Zs",
    "Other",
    "Control",
    "Format",
    "Private_Use",
    "Surrogate",
    "Unassigned",
    "Letter",
    "Cased_Letter",
    "Lowercase_Letter",
    "Modifier_Letter",
    "Other_Letter",
    "Titlecase_Letter",
    "Uppercase_Letter",
    "Mark",
    "Combining_Mark",
    "Spacing_Mark",
    "Enclosing_Mark",
    "Nonspacing_Mark",
    "Number",
    "Decimal_Number",
    "digit",
    "Letter_Number",
    "Other_Number",
    "Punctuation",
    "punct",
    "Connector_Punctuation",
    "Dash_Punctuation",
    "Close_Punctuation",
    "Final_Punctuation",
    "Initial_Punctuation",
    "Other_Punctuation",
    "Open_Punctuation",
    "Symbol",
    "Currency_Symbol",
    "Modifier_Symbol",
    "Math_Symbol",
    "Other_Symbol",
    "Separator",
    "Line_Separator",
    "Paragraph_Separator",
    "Space_Separator",
    "Adlam",
    "Ahom",
    "Anatolian_Hieroglyphs",
    "Arabic",
    "Armenian",
    "Avestan",
    "Balinese",
    "Bamum",
    "Bassa_Vah",
    "Batak",
    "Bengali",
    "Bhaiksuki",
    "Bopomofo",
    "Brahmi",
    "Braille",
    "Buginese",
    "Buhid",
    "Canadian_Aboriginal",
    "Carian",
    "Caucasian_Albanian",
    "Chakma",
    "Cham",
    "Cherokee",
    "Chorasmian",
    "Common",
    "Coptic",
    "Cuneiform",
    "Cypriot",
    "Cypro_Minoan",
    "Cyrillic",
    "Deseret",
    "Devanagari",
    "Dives_Akuru",
    "Dogra",
    "Duployan",
    "Egyptian_Hieroglyphs",
    "Elbasan",
    "Elymaic",
    "Ethiopic",
    "Georgian",
    "Glagolitic",
    "Gothic",
    "Grantha",
    "Greek",
    "Gujarati",
    "Gunjala_Gondi",
    "Gurmukhi",
    "Han",
    "Hangul",
    "Hanifi_Rohingya",
    "Hanunoo",
    "Hatran",
    "Hebrew",
    "Hiragana",
    "Imperial_Aramaic",
    "Inherited",
    "Inscriptional_Pahlavi",
    "Inscriptional_Parthian",
    "Javanese",
    "Kaithi",
    "Kannada",
    "Kawi",
    "Katakana",
    "Kayah_Li",
    "Kharoshthi",
    "Khitan_Small_Script",
    "Khmer",
    "Khojki",
    "Khudawadi",
    "Lao",
    "Latin",
    "Lepcha",
    "Limbu",
    "Linear_A",
    "Linear_B",
    "Lisu",
    "Lycian",
    "Lydian",
    "Mahajani",
    "Makasar",
    "Malayalam",
    "Mandaic",
    "Manichaean",
    "Marchen",
    "Masaram_Gondi",
    "Medefaidrin",
    "Meetei_Mayek",
    "Mende_Kikakui",
    "Meroitic_Cursive",
    "Meroitic_Hieroglyphs",
    "Miao",
    "Modi",
    "Mongolian",
    "Mro",
    "Multani",
    "Myanmar",
    "Nabataean",
    "Nag_Mundari",
    "Nandinagari",
    "New_Tai_Lue",
    "Newa",
    "Nko",
    "Nushu",
    "Nyiakeng_Puachue_Hmong",
    "Ogham",
    "Ol_Chiki",
    "Old_Hungarian",
    "Old_Italic",
    "Old_North_Arabian",
    "Old_Permic",
    "Old_Persian",
    "Old_Sogdian",
    "Old_South_Arabian",
    "Old_Turkic",
    "Old_Uyghur",
    "Oriya",
    "Osage",
    "Osmanya",
    "Pahawh_Hmong",
    "Palmyrene",
    "Pau_Cin_Hau",
    "Phags_Pa",
    "Phoenician",
    "Psalter_Pahlavi",
    "Rejang",
    "Runic",
    "Samaritan",
    "Saurashtra",
    "Sharada",
    "Shavian",
    "Siddham",
    "SignWriting",
    "Sinhala",
    "Sogdian",
    "Sora_Sompeng",
    "Soyombo",
    "Sundanese",
    "Syloti_Nagri",
    "Syriac",
    "Tagalog",
    "Tagbanwa",
    "Tai_Le",
    "Tai_Tham",
    "Tai_Viet",
    "Takri",
    "Tamil",
    "Tangsa",
    "Tangut",
    "Telugu",
    "Thaana",
    "Thai",
    "Tibetan",
    "Tifinagh",
    "Tirhuta",
    "Toto",
    "Ugaritic",
    "Vai",
    "Vithkuqi",
    "Wancho",
    "Warang_Citi",
    "Yezidi",
    "Yi",
    "Zanabazar_Square",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> Option<(&'static str, usize)> {
        go_regexp_error(p).map(|e| (e.go, e.position))
    }

    #[test]
    fn what_go_compiles() {
        for ok in [
            "",
            "al2023-ami-.*-x86_64",
            "^amzn2-ami-hvm-[0-9.]+-x86_64-gp2$",
            "(?i)ubuntu/images/.*",
            "(?P<v>\\d+)\\.(?<w>\\d+)",
            "a{2,5}b{3}c{2,}",
            "a*?b+?c??",
            "[[:alpha:]_-]+\\pL\\p{Greek}\\p{^Latin}\\PN",
            "\\x41\\x{263a}\\101\\0\\12",
            "\\Aa\\b\\B\\z",
            "\\.\\-\\#",
            "a{",
            "a{,5}",
            "x{1000}",
            "(?i-s:a)(?U)b",
            "\\Q(\\E",
            "[a[b]",
            "[]a]",
        ] {
            assert_eq!(err(ok), None, "{ok}");
        }
    }

    #[test]
    fn what_go_refuses_with_its_words_and_the_position() {
        let table = [
            ("al2023-(", ("missing closing )", 8)),
            ("al2023)", ("unexpected )", 7)),
            ("ami-[0-9", ("missing closing ]", 5)),
            ("[z-a]", ("invalid character class range", 2)),
            ("*ami", ("missing argument to repetition operator", 1)),
            ("ami\\", ("trailing backslash at end of expression", 4)),
            ("\\s\\e", ("invalid escape sequence", 3)),
            ("(a)\\1", ("invalid escape sequence", 4)),
            ("\\u0041", ("invalid escape sequence", 1)),
            ("a**", ("invalid nested repetition operator", 3)),
            ("a{2}{3}", ("invalid nested repetition operator", 5)),
            ("x{1001}", ("invalid repeat count", 2)),
            ("x{3,2}", ("invalid repeat count", 2)),
            ("(?x)a b", ("invalid or unsupported Perl syntax", 3)),
            ("(?=a)", ("invalid or unsupported Perl syntax", 1)),
            ("\\<ami", ("invalid escape sequence", 1)),
            ("é\\p{Foo}", ("invalid character class range", 2)),
            ("\\p{sc=Greek}", ("invalid character class range", 1)),
            ("(?P<>a)", ("invalid named capture", 5)),
            // Inside a class, Go has no `\Q`.
            ("[\\Q]\\E]", ("invalid escape sequence", 2)),
        ];
        for (pattern, want) in table {
            assert_eq!(err(pattern), Some(want), "{pattern}");
        }
        let deep = format!("{}a{}", "(".repeat(1100), ")".repeat(1100));
        assert_eq!(err(&deep).map(|e| e.0), Some("expression nests too deeply"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = go_regexp_error(&s);
        }
    }
}
