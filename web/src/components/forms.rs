//! One form per resource kind: every kwarg of the model with the widget it calls for.
//!
//! A form receives its resource, sends the edited resource, and reads the rest of the
//! stack only to offer references.

pub mod ami;
pub mod ebs_snapshot;
pub mod ebs_volume;
pub mod instance;
pub mod key_pair;
pub mod output;
pub mod provider;
pub mod rule;
pub mod security_group;
pub mod volume_attachment;

use std::rc::Rc;

use ec2_playground_core::{Lang, Stack};
use yew::prelude::*;

use super::fields::dom_id;
use crate::issues::{message_at, FieldIssue};

/// What every form needs besides its resource. Two are equal when their stacks are the
/// same `Rc` (not compared field by field: at 1,000 resources that would cost more than
/// the render it saves).
#[derive(Debug, Clone)]
pub struct FormCtx {
    /// The page's language.
    pub lang: Lang,
    /// The resource's index in the stack.
    pub index: usize,
    /// The whole stack, for references.
    pub stack: Rc<Stack>,
    /// The problems of this resource.
    pub issues: Rc<Vec<FieldIssue>>,
}

impl PartialEq for FormCtx {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.index == other.index
            && Rc::ptr_eq(&self.stack, &other.stack)
            && self.issues == other.issues
    }
}

impl FormCtx {
    /// The element id of the field at `path`.
    pub fn id(&self, path: &str) -> AttrValue {
        dom_id(&["r", &self.index.to_string(), path]).into()
    }

    /// The problems at `path`, in the page's language.
    pub fn error(&self, path: &str) -> Option<AttrValue> {
        message_at(&self.issues, path, self.lang).map(AttrValue::from)
    }

    /// The problems about `path` itself, not about a field inside it: for a block whose
    /// fields show their own (`metadata_options` when it is left out).
    pub fn own_error(&self, path: &str) -> Option<AttrValue> {
        let own: Vec<FieldIssue> = self.issues.iter().filter(|i| i.path == path).cloned().collect();
        message_at(&own, path, self.lang).map(AttrValue::from)
    }

    /// `fr` or `en`.
    pub fn tr(&self, fr: &'static str, en: &'static str) -> &'static str {
        crate::i18n::tr(self.lang, fr, en)
    }
}

/// Props of every form.
#[derive(Properties, PartialEq)]
pub struct FormProps<T: PartialEq> {
    /// The resource.
    pub value: T,
    /// Sends the edited resource.
    pub on_change: Callback<T>,
    /// Language, index, stack, problems.
    pub ctx: FormCtx,
}
