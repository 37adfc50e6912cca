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

/// How a message about a warning starts (an error's has no mark): the sign the reader
/// sees, and what [`is_warning`] looks for.
pub const WARNING_MARK: &str = "⚠ ";

/// True when `message` (from [`message_at`]) starts with a warning, not an error: errors
/// come first, so a message with both starts with the error.
pub fn is_warning(message: &str) -> bool {
    message.starts_with(WARNING_MARK)
}

/// The messages of the problems at `path` among `issues`, joined, in `lang`; a warning
/// says it is one (the colour alone would not).
pub fn message_at(issues: &[FieldIssue], path: &str, lang: Lang) -> Option<String> {
    let mut here: Vec<&FieldIssue> = issues.iter().filter(|i| i.is_at(path)).collect();
    here.sort_by_key(|i| i.severity);
    let messages: Vec<String> = here
        .into_iter()
        .map(|i| match (i.severity, lang) {
            (Severity::Error, _) => i.message.get(lang).to_owned(),
            (_, Lang::Fr) => format!("{WARNING_MARK}Attention : {}", i.message.get(lang)),
            (_, Lang::En) => format!("{WARNING_MARK}Warning: {}", i.message.get(lang)),
        })
        .collect();
    if messages.is_empty() {
        None
    } else {
        Some(messages.join(" · "))
    }
}

/// `ingress[0].cidr_blocks[1]`, then `ingress[0].cidr_blocks`, `ingress[0]`, `ingress`:
/// the path and every field that holds it, most precise first.
pub fn path_prefixes(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        out.push(rest);
        match rest.rfind(['.', '[']) {
            Some(i) => rest = &rest[..i],
            None => break,
        }
    }
    out
}

/// The ids of the page elements where the problem at (`index`, `path`) may be shown, most
/// precise first, ending with the resource's card (see `components::forms::FormCtx::id`).
pub fn element_ids(index: Option<usize>, path: &str) -> Vec<String> {
    match index {
        Some(i) => {
            let n = i.to_string();
            let path = if path.is_empty() { "id" } else { path };
            let mut ids: Vec<String> = path_prefixes(path)
                .into_iter()
                .map(|p| crate::components::fields::dom_id(&["r", &n, p]))
                .collect();
            ids.push(format!("card-{i}"));
            ids
        }
        None => match path {
            "class_name" => vec!["stack-class".to_owned()],
            _ => vec!["stack-name".to_owned()],
        },
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
        let tag = FieldIssue {
            path: "tags[\"Name\"]".into(),
            ..whole
        };
        assert!(tag.is_at("tags"));
    }

    #[test]
    fn elements_from_paths() {
        assert_eq!(
            path_prefixes("ingress[0].cidr_blocks[1]"),
            [
                "ingress[0].cidr_blocks[1]",
                "ingress[0].cidr_blocks",
                "ingress[0]",
                "ingress"
            ]
        );
        assert_eq!(
            element_ids(Some(2), "ingress[0].from_port"),
            ["r-2-ingress-0--from-port", "r-2-ingress-0-", "r-2-ingress", "card-2"]
        );
        assert_eq!(element_ids(Some(3), ""), ["r-3-id", "card-3"]);
        assert_eq!(element_ids(None, "resources"), ["stack-name"]);
    }
}
