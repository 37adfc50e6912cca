//! Reading a stack document, with errors that say where the fault is.

use serde::Deserialize;
use thiserror::Error;

use crate::i18n::Lang;
use crate::model::{Stack, STACK_DOCUMENT_VERSION};

/// Why a stack document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    /// Not JSON, or JSON of the wrong shape (unknown fields included).
    #[error("{path} (line {line}, column {column}): {message}")]
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
    #[error("this is a stack document of version {found}; this playground reads version {STACK_DOCUMENT_VERSION}")]
    UnknownVersion {
        /// The version found, as written.
        found: String,
    },
    /// No `version` field.
    #[error("the document has no \"version\" field (expected {STACK_DOCUMENT_VERSION})")]
    MissingVersion,
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
                format!("{path} (ligne {line}, colonne {column}) : {message}")
            }
            (LoadError::UnknownVersion { found }, Lang::Fr) => format!(
                "ce document de stack est en version {found} ; ce playground lit la version {STACK_DOCUMENT_VERSION}"
            ),
            (LoadError::MissingVersion, Lang::Fr) => {
                format!("le document n'a pas de champ \"version\" (attendu : {STACK_DOCUMENT_VERSION})")
            }
        }
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    version: Option<serde_json::Value>,
}

/// Reads a stack document (JSON text).
///
/// Errors: [`LoadError::Invalid`] with the JSON path, line and column for bad JSON, a
/// wrong type or an unknown field; [`LoadError::UnknownVersion`] or
/// [`LoadError::MissingVersion`] for the version. Never panics.
pub fn load_stack(text: &str) -> Result<Stack, LoadError> {
    // The version first, so that a future document says so rather than listing its new fields.
    if let Ok(probe) = serde_json::from_str::<VersionProbe>(text) {
        match probe.version {
            None => return Err(LoadError::MissingVersion),
            Some(v) if v.as_u64() == Some(u64::from(STACK_DOCUMENT_VERSION)) => {}
            Some(v) => return Err(LoadError::UnknownVersion { found: v.to_string() }),
        }
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let stack: Stack = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::Invalid {
            path,
            line: inner.line(),
            column: inner.column(),
            message: strip_position(&inner.to_string()),
        }
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

    #[test]
    fn not_json_at_all() {
        match load_stack("{\"version\": 1,\n  oops") {
            Err(LoadError::Invalid { line, .. }) => assert_eq!(line, 2),
            other => panic!("unexpected: {other:?}"),
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
