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

/// `0 erreur, 4 avertissements, 3 infos` / `0 errors, 4 warnings, 3 infos`: the counts of
/// findings by severity with the plurals each language writes (French: plural from 2,
/// English: singular for 1 only). Shared by the page's checks panel and the CLI's `check`.
pub fn counts_summary(errors: usize, warnings: usize, infos: usize, lang: crate::Lang) -> String {
    let fr = |n: usize, word: &str| format!("{n} {word}{}", if n > 1 { "s" } else { "" });
    let en = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match lang {
        crate::Lang::Fr => format!(
            "{}, {}, {}",
            fr(errors, "erreur"),
            fr(warnings, "avertissement"),
            fr(infos, "info")
        ),
        crate::Lang::En => format!(
            "{}, {}, {}",
            en(errors, "error"),
            en(warnings, "warning"),
            en(infos, "info")
        ),
    }
}

#[cfg(test)]
mod summary_tests {
    use super::counts_summary;
    use crate::Lang;

    #[test]
    fn plurals_as_each_language_writes_them() {
        assert_eq!(counts_summary(0, 1, 2, Lang::Fr), "0 erreur, 1 avertissement, 2 infos");
        assert_eq!(counts_summary(0, 1, 2, Lang::En), "0 errors, 1 warning, 2 infos");
    }
}
