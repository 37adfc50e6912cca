//! Reading a stack document, with errors that say where the fault is.

use serde::Deserialize;
use thiserror::Error;

use crate::i18n::Lang;
use crate::model::{Stack, STACK_DOCUMENT_VERSION};
use crate::quote::{shortened, EXCERPT_CHARS, PATH_CHARS};

/// Why a stack document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    /// Not JSON, or JSON of the wrong shape (unknown fields included).
    #[error("{} (line {line}, column {column}): {message}", shortened(.path, PATH_CHARS, Lang::En))]
    Invalid {
        /// JSON path of the fault (`resources[2].SecurityGroup.ingress[0].from_port`), or `.`
        /// for the document itself.
        path: String,
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// serde's description of the fault.
        message: String,
    },
    /// A `version` this build does not know.
    #[error("this is a stack document of version {}; this playground reads version {STACK_DOCUMENT_VERSION}", shortened(.found, EXCERPT_CHARS, Lang::En))]
    UnknownVersion {
        /// The version found, as written.
        found: String,
    },
    /// No `version` field.
    #[error("the document has no \"version\" field (expected {STACK_DOCUMENT_VERSION})")]
    MissingVersion,
    /// The text starts with a UTF-8 byte order mark (U+FEFF), as Windows Notepad writes it.
    #[error("line 1, column 1: the file starts with a byte order mark (BOM, the bytes EF BB BF), which JSON does not allow; save the file as \"UTF-8\" without BOM")]
    ByteOrderMark,
    /// Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252).
    #[error("line {line}, column {column}: the byte 0x{byte:02X} is not UTF-8 (a file saved as Latin-1 or Windows-1252 writes \"é\" as 0xE9); save the file as UTF-8")]
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// The byte.
        byte: u8,
    },
    /// The document is JSON, but not an object.
    #[error("the document is {found}; a stack document is a JSON object: {{\"version\": 1, \"name\": \"...\", \"resources\": [...]}}")]
    NotAnObject {
        /// What it is instead (`"an array"`).
        found: &'static str,
    },
}

impl LoadError {
    /// The error in the learner's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (
                LoadError::Invalid {
                    path,
                    line,
                    column,
                    message,
                },
                Lang::Fr,
            ) => {
                let path = shortened(path, PATH_CHARS, Lang::Fr);
                format!("{path} (ligne {line}, colonne {column}) : {}", french(message))
            }
            (LoadError::UnknownVersion { found }, Lang::Fr) => format!(
                "ce document de stack est en version {} ; ce playground lit la version {STACK_DOCUMENT_VERSION}",
                shortened(found, EXCERPT_CHARS, Lang::Fr)
            ),
            (LoadError::MissingVersion, Lang::Fr) => {
                format!("le document n'a pas de champ \"version\" (attendu : {STACK_DOCUMENT_VERSION})")
            }
            (LoadError::ByteOrderMark, Lang::Fr) => "ligne 1, colonne 1 : le fichier commence par une marque d'ordre des octets (BOM, les octets EF BB BF), que JSON n'admet pas ; enregistrez le fichier en « UTF-8 » sans BOM".to_owned(),
            (LoadError::NotUtf8 { line, column, byte }, Lang::Fr) => format!(
                "ligne {line}, colonne {column} : l'octet 0x{byte:02X} n'est pas de l'UTF-8 (un fichier enregistré en Latin-1 ou Windows-1252 écrit « é » 0xE9) ; enregistrez le fichier en UTF-8"
            ),
            (LoadError::NotAnObject { found }, Lang::Fr) => {
                let trouve = match *found {
                    "an array" => "un tableau",
                    "a string" => "une chaîne",
                    "a number" => "un nombre",
                    "true or false" => "un booléen",
                    "null" => "null",
                    _ => "vide",
                };
                format!("le document est {trouve} ; un document de stack est un objet JSON : {{\"version\": 1, \"name\": \"...\", \"resources\": [...]}}")
            }
        }
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    version: Option<serde_json::Value>,
}

/// Reads a stack document from a file's bytes: [`load_stack`], after
/// [`LoadError::ByteOrderMark`] and [`LoadError::NotUtf8`] (with the line and column of the
/// first byte that is not UTF-8, as a file saved in Latin-1 has). Never panics.
pub fn load_stack_bytes(bytes: &[u8]) -> Result<Stack, LoadError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(LoadError::ByteOrderMark);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        // `valid` is UTF-8 by construction.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |k| k + 1);
        LoadError::NotUtf8 {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            byte: bytes.get(e.valid_up_to()).copied().unwrap_or_default(),
        }
    })?;
    load_stack(text)
}

/// Reads a stack document (JSON text).
///
/// Errors: [`LoadError::ByteOrderMark`] and [`LoadError::NotAnObject`] before anything
/// else; [`LoadError::Invalid`] with the JSON path, line and column for bad JSON, a wrong
/// type or an unknown field (long values quoted only in part); [`LoadError::UnknownVersion`]
/// or [`LoadError::MissingVersion`] for the version. Never panics.
pub fn load_stack(text: &str) -> Result<Stack, LoadError> {
    if text.starts_with('\u{FEFF}') {
        return Err(LoadError::ByteOrderMark);
    }
    let found = match text.trim_start_matches([' ', '\t', '\n', '\r']).bytes().next() {
        Some(b'{') => None,
        Some(b'[') => Some("an array"),
        Some(b'"') => Some("a string"),
        Some(b'-' | b'0'..=b'9') => Some("a number"),
        Some(b't' | b'f') => Some("true or false"),
        Some(b'n') => Some("null"),
        // Not JSON at all: serde says where.
        Some(_) => None,
        None => Some("empty"),
    };
    if let Some(found) = found {
        return Err(LoadError::NotAnObject { found });
    }
    // The version first, so that a future document says so rather than listing its new fields.
    if let Ok(probe) = serde_json::from_str::<VersionProbe>(text) {
        match probe.version {
            None => return Err(LoadError::MissingVersion),
            Some(v) if v.as_u64() == Some(u64::from(STACK_DOCUMENT_VERSION)) => {}
            Some(v) => return Err(LoadError::UnknownVersion { found: v.to_string() }),
        }
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let stack: Stack = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::Invalid {
            path,
            line: inner.line(),
            column: inner.column(),
            message: shorten_quotes(&strip_position(&inner.to_string())),
        }
    })?;
    // Text after the object (found by fuzzing: `{"version": 0, ...}} garbage` loaded, as the
    // version probe above fails on the trailing text and the deserializer stops at the
    // object's end) is refused as JSON.parse refuses it.
    de.end().map_err(|e| LoadError::Invalid {
        path: ".".to_owned(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    Ok(stack)
}

/// serde_json appends " at line L column C"; the position is reported on its own.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// serde quotes the value at fault between backticks or double quotes: a long one (a 5 MB
/// name) is cut to its first [`EXCERPT_CHARS`] characters, with its length (serde's
/// message is English, so is the length).
fn shorten_quotes(message: &str) -> String {
    let mut out = message.to_owned();
    for delim in ['`', '"'] {
        let parts: Vec<&str> = out.split(delim).collect();
        if parts.len() < 3 {
            continue;
        }
        out = parts
            .iter()
            .enumerate()
            .map(|(k, part)| {
                if k % 2 == 1 && k + 1 < parts.len() {
                    shortened(part, EXCERPT_CHARS, Lang::En)
                } else {
                    (*part).to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(&delim.to_string());
    }
    out
}

/// serde's English message of a [`LoadError::Invalid`] in French, so that the French text
/// of a bad document is French throughout: serde's and serde_json's templates
/// (`invalid type: X, expected Y`, `unknown field`, `missing field`, syntax errors) and the
/// messages of this crate's own readers. A message none of these covers gets a French
/// sentence that says only what kind of fault it is, never the English text.
fn french(message: &str) -> String {
    let out = french_message(message).unwrap_or_else(|| {
        if message.starts_with("EOF") {
            "le document s'arrête au milieu d'une valeur".to_owned()
        } else {
            "cette valeur n'a pas la forme qu'attend un document de stack".to_owned()
        }
    });
    // The length of a value quoted in part (`… (527 characters)`).
    out.replace(" characters)", " caractères)")
}

fn french_message(message: &str) -> Option<String> {
    const WHOLE: &[(&str, &str)] = &[
        (
            "EOF while parsing a list",
            "le document s'arrête au milieu d'une liste (il manque `]`)",
        ),
        (
            "EOF while parsing an object",
            "le document s'arrête au milieu d'un objet (il manque `}`)",
        ),
        (
            "EOF while parsing a string",
            "le document s'arrête au milieu d'une chaîne (il manque `\"`)",
        ),
        (
            "EOF while parsing a value",
            "le document s'arrête là où une valeur est attendue",
        ),
        ("expected `:`", "`:` attendu"),
        ("expected `,` or `]`", "`,` ou `]` attendu"),
        ("expected `,` or `}`", "`,` ou `}` attendu"),
        ("expected ident", "`true`, `false` ou `null` attendu"),
        ("expected value", "une valeur JSON attendue"),
        ("invalid escape", "séquence d'échappement invalide"),
        ("invalid number", "nombre invalide"),
        (
            "number out of range",
            "nombre hors de portée (au-delà du plus grand nombre de JavaScript, environ 1,8e308)",
        ),
        ("invalid unicode code point", "point de code Unicode invalide"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "caractère de contrôle (\\u0000-\\u001F) dans une chaîne : écrivez-le \\n, \\t ou \\u00XX",
        ),
        ("key must be a string", "une clé d'objet doit être une chaîne"),
        (
            "lone leading surrogate in hex escape",
            "demi-caractère UTF-16 isolé dans un échappement \\u",
        ),
        ("trailing comma", "virgule en trop avant la fin"),
        ("trailing characters", "caractères en trop après la fin du document"),
        ("unexpected end of hex escape", "échappement \\u incomplet"),
        ("recursion limit exceeded", "imbrication trop profonde"),
        (
            r#"an empty object: write a reference {"ref": ..., "attr": ...} or a map {"map": {...}}"#,
            r#"un objet vide : écrivez une référence {"ref": ..., "attr": ...} ou une table {"map": {...}}"#,
        ),
        (
            r#"an object holds either "ref"/"attr" or "map", not both"#,
            r#"un objet contient soit "ref"/"attr", soit "map", pas les deux"#,
        ),
    ];
    if let Some((_, fr)) = WHOLE.iter().find(|(en, _)| *en == message) {
        return Some((*fr).to_owned());
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(format!("{} au lieu de {}", found_fr(found)?, expected_fr(expected)?));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "valeur invalide : {}, attendu : {}",
            found_fr(found)?,
            expected_fr(expected)?
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (len, expected) = rest.split_once(", expected ")?;
        return Some(format!("longueur {len} invalide, attendu : {}", expected_fr(expected)?));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return Some(unknown("champ inconnu", "champs possibles", rest));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return Some(unknown("nom inconnu", "noms possibles", rest));
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return Some(format!("il manque le champ {field}"));
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return Some(format!("le champ {field} est écrit deux fois"));
    }
    None
}

/// `unknown field `x`, expected one of `a`, `b`` (or `expected `a` or `b``, `expected `a``,
/// `there are no fields`) in French.
fn unknown(what: &str, possible: &str, rest: &str) -> String {
    let Some((name, tail)) = rest.split_once(", ") else {
        return format!("{what} {rest}");
    };
    let list = if let Some(l) = tail.strip_prefix("expected one of ") {
        l.to_owned()
    } else if let Some(l) = tail.strip_prefix("expected ") {
        l.replace(" or ", " ou ")
    } else {
        return format!("{what} {name} ; aucun n'est possible ici");
    };
    format!("{what} {name} ; {possible} : {list}")
}

/// serde's `Unexpected` (what was found) in French.
fn found_fr(found: &str) -> Option<String> {
    let words = [
        ("boolean ", "le booléen "),
        ("integer ", "l'entier "),
        ("floating point ", "le nombre "),
        ("string ", "la chaîne "),
        ("character ", "le caractère "),
    ];
    for (en, fr) in words {
        if let Some(v) = found.strip_prefix(en) {
            return Some(format!("{fr}{v}"));
        }
    }
    Some(
        match found {
            "null" => "null",
            "sequence" => "une liste",
            "map" => "un objet",
            "unit value" => "une valeur vide",
            "byte array" => "des octets",
            _ => return None,
        }
        .to_owned(),
    )
}

/// What serde expected (a reader's `expecting`) in French.
fn expected_fr(expected: &str) -> Option<String> {
    if let Some(name) = expected.strip_prefix("struct ") {
        return Some(format!("un objet {name}"));
    }
    Some(
        match expected {
            "a string" => "une chaîne",
            "a number" => "un nombre",
            "a boolean" => "un booléen (true ou false)",
            "a sequence" => "une liste",
            "a map" => "un objet",
            "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => "un nombre entier",
            "unit" => "null",
            r#"a string or a reference {"ref": "<construct id>", "attr": "<attribute>"}"# => {
                r#"une chaîne ou une référence {"ref": "<id du construct>", "attr": "<attribut>"}"#
            }
            r#"a string, a number, a boolean, a list, a reference {"ref": ..., "attr": ...} or a map {"map": {...}}"# => {
                r#"une chaîne, un nombre, un booléen, une liste, une référence {"ref": ..., "attr": ...} ou une table {"map": {...}}"#
            }
            _ => return None,
        }
        .to_owned(),
    )
}

/// Writes a stack document: pretty JSON, two-space indent, final newline.
pub fn save_stack(stack: &Stack) -> String {
    let mut text = serde_json::to_string_pretty(stack).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_names_path_line_and_column() {
        let text = "{\"version\": 1, \"name\": \"lab\", \"resources\": [\n  {\"SecurityGroup\": {\"id\": \"sg\", \"ingres\": []}}\n]}";
        let err = load_stack(text).err();
        match err {
            Some(LoadError::Invalid {
                path,
                line,
                column,
                message,
            }) => {
                assert_eq!(path, "resources[0].SecurityGroup.ingres");
                assert_eq!(line, 2);
                assert!(column > 20, "{column}");
                assert!(message.contains("unknown field `ingres`"), "{message}");
            }
            other => panic!("unexpected: {other:?}"),
        }
    }

    #[test]
    /// A number given as a string: cdktf refuses it too (typeguard: "type of argument
    /// from_port must be one of (int, float, NoneType); got str instead").
    fn wrong_type_deep_inside() {
        let text = r#"{"version": 1, "name": "lab", "resources": [{"SecurityGroup": {"id": "sg", "ingress": [{"from_port": "22"}]}}]}"#;
        match load_stack(text) {
            Err(LoadError::Invalid { path, line, .. }) => {
                assert_eq!(path, "resources[0].SecurityGroup.ingress[0].from_port");
                assert_eq!(line, 1);
            }
            other => panic!("unexpected: {other:?}"),
        }
    }

    #[test]
    fn versions() {
        assert_eq!(
            load_stack(r#"{"version": 2, "name": "x"}"#),
            Err(LoadError::UnknownVersion { found: "2".into() })
        );
        assert_eq!(load_stack(r#"{"name": "x"}"#), Err(LoadError::MissingVersion));
        assert!(load_stack(r#"{"version": 1, "name": "x"}"#).is_ok());
    }

    /// Found by fuzzing (fuzz/fuzz_targets/share_decode.rs): text after the object hid an
    /// unknown version, and the stack loaded with `version: 0`.
    #[test]
    fn text_after_the_object_is_refused() {
        let text = r#"{"version":0,"name":"symbolsi-1"}},{"Instance":{"id":"1web","ami":"ami-2"}}]}"#;
        assert_eq!(
            load_stack(text),
            Err(LoadError::Invalid {
                path: ".".into(),
                line: 1,
                column: 34,
                message: "trailing characters".into()
            })
        );
        assert!(matches!(
            load_stack("{\"version\": 1, \"name\": \"x\"} x"),
            Err(LoadError::Invalid { column: 29, .. })
        ));
        // fuzz/fuzz_targets/load_stack.rs found it as a saved stack of version 2 that did not load.
        assert!(matches!(
            load_stack("{\"version\": 2, \"name\": \"x\"},\n  ]"),
            Err(LoadError::Invalid {
                line: 1,
                column: 28,
                ..
            })
        ));
        // Whitespace after the object is no text.
        assert!(load_stack("{\"version\": 1, \"name\": \"x\"}\n\n").is_ok());
    }

    #[test]
    fn not_json_at_all() {
        match load_stack("{\"version\": 1,\n  oops") {
            Err(LoadError::Invalid { line, .. }) => assert_eq!(line, 2),
            other => panic!("unexpected: {other:?}"),
        }
    }

    #[test]
    fn a_byte_order_mark_is_named() {
        let err = load_stack("\u{FEFF}{\"version\": 1, \"name\": \"x\"}").err();
        assert_eq!(err, Some(LoadError::ByteOrderMark));
        assert_eq!(
            load_stack_bytes(b"\xEF\xBB\xBF{}").err(),
            Some(LoadError::ByteOrderMark)
        );
        let err = err.expect("an error");
        assert!(err.message(Lang::En).contains("byte order mark (BOM"), "{err}");
        assert!(err.message(Lang::Fr).contains("marque d'ordre des octets (BOM"));
    }

    #[test]
    fn latin1_bytes_have_a_line_and_column() {
        let bytes = b"{\"version\": 1,\n  \"name\": \"caf\xE9\"}";
        let err = load_stack_bytes(&bytes[..]).err();
        assert_eq!(
            err,
            Some(LoadError::NotUtf8 {
                line: 2,
                column: 15,
                byte: 0xE9
            })
        );
        let err = err.expect("an error");
        assert!(
            err.message(Lang::En)
                .starts_with("line 2, column 15: the byte 0xE9 is not UTF-8"),
            "{err}"
        );
        assert!(err.message(Lang::Fr).starts_with("ligne 2, colonne 15 : l'octet 0xE9"));
    }

    #[test]
    fn a_wrong_top_level_shape_says_so() {
        let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
        let err = load_stack(&deep).err();
        assert_eq!(err, Some(LoadError::NotAnObject { found: "an array" }));
        let err = err.expect("an error");
        assert!(
            err.message(Lang::En)
                .starts_with("the document is an array; a stack document is a JSON object"),
            "{err}"
        );
        assert!(err.message(Lang::Fr).starts_with("le document est un tableau"));
        assert_eq!(
            load_stack("  \"x\"").err(),
            Some(LoadError::NotAnObject { found: "a string" })
        );
        assert_eq!(load_stack("").err(), Some(LoadError::NotAnObject { found: "empty" }));
    }

    #[test]
    fn long_values_are_quoted_in_part() {
        let huge = "x".repeat(5_000_000);
        let text = format!("{{\"version\": 1, \"name\": \"lab\", \"resources\": [{{\"{huge}\": {{}}}}]}}");
        let err = load_stack(&text).expect_err("an error");
        let (en, fr) = (err.message(Lang::En), err.message(Lang::Fr));
        assert!(en.len() < 600, "{} bytes", en.len());
        assert!(fr.len() < 600, "{} bytes", fr.len());
        assert!(en.contains("… (5000000 characters)"), "{en}");
    }

    /// Issue 13: a long version or map key is quoted in part, in both languages.
    #[test]
    fn long_versions_and_paths_are_quoted_in_part() {
        let huge = "v".repeat(5_000_000);
        let err = load_stack(&format!("{{\"version\": \"{huge}\", \"name\": \"x\"}}")).expect_err("unknown version");
        let head = "v".repeat(39);
        assert_eq!(
            err.message(Lang::En),
            format!(
                "this is a stack document of version \"{head}… (5000002 characters); this playground reads version 1"
            )
        );
        assert_eq!(
            err.message(Lang::Fr),
            format!(
                "ce document de stack est en version \"{head}… (5000002 caractères) ; ce playground lit la version 1"
            )
        );
        let key = "k".repeat(500);
        let text = format!(
            "{{\"version\": 1, \"name\": \"x\", \"resources\": [{{\"Instance\": {{\"id\": \"i\", \"tags\": {{\"{key}\": 1}}}}}}]}}"
        );
        let err = load_stack(&text).expect_err("a number as a tag");
        let (en, fr) = (err.message(Lang::En), err.message(Lang::Fr));
        assert!(en.len() < 400 && fr.len() < 400, "{en}\n{fr}");
        assert!(en.starts_with("resources[0].Instance.tags."), "{en}");
        assert!(en.contains("… (527 characters) (line 1, column"), "{en}");
        assert!(fr.contains("… (527 caractères) (ligne 1, colonne"), "{fr}");
    }

    /// Issue 14: the French text of a bad document is French throughout, serde's part
    /// included; the English text stays serde's.
    #[test]
    fn the_french_text_of_a_bad_document_is_all_french() {
        let bad = [
            (
                r#"{"version": 1, "name": "x", "resources": [{"SecurityGroup": {"id": "sg", "ingress": [{"from_port": "22"}]}}]}"#,
                "la chaîne \"22\" au lieu de un nombre",
            ),
            (
                r#"{"version": 1, "name": "x", "resources": [{"SecurityGroup": {"id": "sg", "ingres": []}}]}"#,
                "champ inconnu `ingres` ; champs possibles : `id`",
            ),
            (
                r#"{"version": 1, "name": "x", "resources": [{"Instanc": {}}]}"#,
                "nom inconnu `Instanc` ; noms possibles : `AwsProvider`",
            ),
            (
                r#"{"version": 1, "name": "x", "resources": [{"EbsVolume": {"id": "v", "size": 1e400}}]}"#,
                "nombre hors de portée",
            ),
            (
                r#"{"version": 1, "name": "x", "resources": [{"EbsVolume": {"size": 8}}]}"#,
                "il manque le champ `id`",
            ),
            (
                r#"{"version": 1, "name": "x", "resources": [{"TerraformOutput": {"id": "o", "value": null}}]}"#,
                "null au lieu de une chaîne, un nombre",
            ),
            (
                r#"{"version": 1, "name": "x", "resources": [{"TerraformOutput": {"id": "o", "value": {}}}]}"#,
                "un objet vide",
            ),
            (
                r#"{"version": 1, "name": "x", "resources": [{"Instance": {"id": "i", "ami": true}}]}"#,
                "le booléen `true` au lieu de une chaîne ou une référence",
            ),
            (
                "{\"version\": 1, \"name\": \"x\", \"resources\": [",
                "le document s'arrête",
            ),
            (r#"{"version": 1, "name": 5}"#, "l'entier `5` au lieu de une chaîne"),
        ];
        for (text, fr) in bad {
            let err = load_stack(text).expect_err(text);
            let (en, french) = (err.message(Lang::En), err.message(Lang::Fr));
            assert!(french.contains(fr), "{french}");
            for word in [
                "expected", "invalid", "unknown", "field", "EOF", "string", "while", "type:",
            ] {
                assert!(!french.contains(word), "{word} in {french}");
            }
            assert_ne!(en, french);
        }
    }

    /// Issue 14: a document holds numbers as JavaScript does: `1.5`, `1e22`, `-0.0`, and
    /// integers past 2^53 rounded to the nearest double.
    #[test]
    fn numbers_load_as_javascript_holds_them() {
        let text = r#"{"version": 1, "name": "x", "resources": [
            {"EbsVolume": {"id": "v", "availability_zone": "a", "size": 9007199254740993, "iops": 1.5, "throughput": -0}},
            {"TerraformOutput": {"id": "o", "value": [1e22, -0.0, 100000000000000000000000]}}
        ]}"#;
        let stack = load_stack(text).expect("loads");
        let again = load_stack(&save_stack(&stack)).expect("reloads");
        assert_eq!(stack, again);
        let saved = save_stack(&stack);
        for written in [
            "\"size\": 9007199254740992",
            "\"iops\": 1.5",
            "\"throughput\": -0.0",
            "1e+22",
            "1e+23",
        ] {
            assert!(saved.contains(written), "{written} not in {saved}");
        }
    }

    #[test]
    fn references_round_trip() {
        let text = r#"{"version": 1, "name": "x", "resources": [
            {"Instance": {"id": "web", "ami": {"ref": "al", "attr": "id"}}},
            {"TerraformOutput": {"id": "o", "value": {"map": {"b": [1, true, "s"], "a": {"ref": "web", "attr": "id"}}}}}
        ]}"#;
        let stack = load_stack(text).expect("loads");
        let again = load_stack(&save_stack(&stack)).expect("reloads");
        assert_eq!(stack, again);
    }
}
