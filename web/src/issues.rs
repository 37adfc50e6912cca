//! Problems found in the stack, placed beside the field they are about.
//!
//! They come from the core (a synth error's site, the checks' diagnostics); this module
//! only turns their paths into "which card, which field".

use ec2_playground_core::{Diagnostic, Lang, Severity, SynthError, Text};

/// One problem at one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The resource's index in the stack, or `None` for the stack itself (`name`, ...).
    pub index: Option<usize>,
    /// The kwarg path inside the resource (`ingress[0].from_port`); empty for the
    /// resource as a whole (shown at its id).
    pub path: String,
    /// How serious.
    pub severity: Severity,
    /// What is wrong.
    pub message: Text,
}

impl FieldIssue {
    /// The problem a synth error describes.
    pub fn from_synth_error(error: &SynthError) -> FieldIssue {
        let message = Text::new(error.message(Lang::Fr), error.message(Lang::En));
        match error.site() {
            Some(site) => FieldIssue {
                index: Some(site.index),
                path: site.path.clone(),
                severity: Severity::Error,
                message,
            },
            None => FieldIssue {
                index: None,
                path: "name".into(),
                severity: Severity::Error,
                message,
            },
        }
    }

    /// The problem a diagnostic of the checks describes (`resources[2].ingress[0].from_port`).
    pub fn from_diagnostic(d: &Diagnostic) -> FieldIssue {
        let (index, path) = split_path(&d.path);
        FieldIssue {
            index,
            path,
            severity: d.severity,
            message: d.message.clone(),
        }
    }

    /// True when this problem belongs beside the field at `path` (itself or inside it).
    /// The resource-wide problems (empty path) go beside the id.
    pub fn is_at(&self, path: &str) -> bool {
        let own = if self.path.is_empty() { "id" } else { self.path.as_str() };
        own == path
            || own
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
    }
}

/// `resources[2].ingress[0]` → `(Some(2), "ingress[0]")`; `name` → `(None, "name")`.
pub fn split_path(path: &str) -> (Option<usize>, String) {
    let Some(rest) = path.strip_prefix("resources[") else {
        return (None, path.to_owned());
    };
    let Some((index, after)) = rest.split_once(']') else {
        return (None, path.to_owned());
    };
    match index.parse::<usize>() {
        Ok(i) => (Some(i), after.trim_start_matches('.').to_owned()),
        Err(_) => (None, path.to_owned()),
    }
}

/// The messages of the problems at `path` among `issues`, joined, in `lang`.
pub fn message_at(issues: &[FieldIssue], path: &str, lang: Lang) -> Option<String> {
    let messages: Vec<&str> = issues
        .iter()
        .filter(|i| i.is_at(path))
        .map(|i| i.message.get(lang))
        .collect();
    if messages.is_empty() {
        None
    } else {
        Some(messages.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_and_match() {
        assert_eq!(
            split_path("resources[2].ingress[0].from_port"),
            (Some(2), "ingress[0].from_port".into())
        );
        assert_eq!(split_path("resources[3]"), (Some(3), String::new()));
        assert_eq!(split_path("name"), (None, "name".into()));
        assert_eq!(split_path("resources[x].a"), (None, "resources[x].a".into()));
        let issue = FieldIssue {
            index: Some(2),
            path: "vpc_security_group_ids[1]".into(),
            severity: Severity::Error,
            message: Text::new("a", "b"),
        };
        assert!(issue.is_at("vpc_security_group_ids"));
        assert!(!issue.is_at("vpc_security"));
        let whole = FieldIssue {
            path: String::new(),
            ..issue
        };
        assert!(whole.is_at("id"));
    }
}
