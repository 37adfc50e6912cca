//! Diagnostics: what the checks say about a stack, as data.
//!
//! The checks themselves live in `checks`; the playground's checks panel, the diagram's
//! warning style and `ec2-playground check` all read this one type.

use serde::{Deserialize, Serialize};

use crate::i18n::Text;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// AWS or Terraform will refuse the stack.
    Error,
    /// It deploys, but the learner will be surprised or exposed.
    Warning,
    /// Worth knowing.
    Info,
}

/// One finding about one field of the stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code (documented with the checks); never reused for another meaning.
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// Path of the field in the stack: `resources[2].ingress[0].from_port`, where the index
    /// is the resource's position in `Stack::resources` and the rest are kwarg names.
    pub path: String,
    /// What is wrong, in French and English.
    pub message: Text,
    /// How to fix it, in French and English.
    pub hint: Text,
    /// The id of the public checkov rule that checks the same thing (`CKV_AWS_24`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkov: Option<String>,
}
