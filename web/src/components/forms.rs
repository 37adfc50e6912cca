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
    /// The optional kwargs the learner chose to show while still unset ("add a setting").
    pub added: Rc<Vec<&'static str>>,
    /// Shows one more optional kwarg (its key in the stack document). Not compared: the
    /// card's dispatcher, the same for the card's life.
    pub on_add: Callback<&'static str>,
}

impl PartialEq for FormCtx {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.index == other.index
            && Rc::ptr_eq(&self.stack, &other.stack)
            && self.issues == other.issues
            && self.added == other.added
    }
}

/// An optional kwarg a compact form leaves out until it is set or asked for: the form's
/// "add a setting" menu offers it with its label and a short explanation.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// Its key in the stack document (`"monitoring"`); the field's element id is
    /// `ctx.id(key)`.
    pub key: &'static str,
    /// True when the resource sets it.
    pub set: bool,
    /// Its label, French and English.
    pub label: (&'static str, &'static str),
    /// What it does, in a few words, French and English.
    pub help: (&'static str, &'static str),
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

    /// True when the form shows the optional kwarg `key`: it is set, the learner asked for
    /// it, or a check has something to say there.
    pub fn shows(&self, key: &str, set: bool) -> bool {
        set || self.added.contains(&key)
            || self.issues.iter().any(|i| {
                i.path == key || i.path.starts_with(&format!("{key}.")) || i.path.starts_with(&format!("{key}["))
            })
    }

    /// The "add a setting" menu: the `settings` this form does not show yet, each with its
    /// label, kwarg and explanation. Choosing one shows its field and puts the focus in it.
    /// Nothing when every setting is shown.
    pub fn add_menu(&self, settings: &[Setting]) -> Html {
        let hidden: Vec<&Setting> = settings.iter().filter(|s| !self.shows(s.key, s.set)).collect();
        if hidden.is_empty() {
            return html! {};
        }
        let id = self.id("add-setting");
        let on_add = self.on_add.clone();
        let index = self.index;
        let onchange = Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<web_sys::HtmlSelectElement>();
            let value = select.value();
            select.set_value("");
            if let Some(key) = ALL_SETTING_KEYS.iter().find(|k| **k == value) {
                on_add.emit(key);
                let field = dom_id(&["r", &index.to_string(), key]);
                crate::services::document::focus_later(&field);
            }
        });
        let fr = self.lang == Lang::Fr;
        let pick = |pair: (&'static str, &'static str)| if fr { pair.0 } else { pair.1 };
        html! {
            <div class="add-setting">
                <label for={id.clone()} class="visually-hidden">{ self.tr("Ajouter un réglage", "Add a setting") }</label>
                <select id={id} {onchange}>
                    <option value="" selected=true>{ self.tr("+ Ajouter un réglage…", "+ Add a setting…") }</option>
                    { for hidden.iter().map(|s| html! {
                        <option value={s.key} title={pick(s.help)}>
                            { format!("{} ({}) — {}", pick(s.label), s.key, pick(s.help)) }
                        </option>
                    }) }
                </select>
            </div>
        }
    }
}

/// Every key a form's [`Setting`] may have: the menu's choice is looked up here, so what
/// reaches the card is always a `'static` key.
const ALL_SETTING_KEYS: &[&str] = &[
    "profile",
    "default_tags",
    "name_regex",
    "owners",
    "most_recent",
    "description",
    "vpc_id",
    "tags",
    "key_name",
    "vpc_security_group_ids",
    "availability_zone",
    "subnet_id",
    "associate_public_ip_address",
    "user_data",
    "user_data_base64",
    "user_data_replace_on_change",
    "root_block_device",
    "ebs_block_device",
    "metadata_options",
    "monitoring",
    "ebs_optimized",
    "type",
    "iops",
    "throughput",
    "encrypted",
    "snapshot_id",
    "sensitive",
];

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
