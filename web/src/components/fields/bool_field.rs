//! A yes/no kwarg that may also be left out (`None`), as Python's `True`, `False` or nothing.

use ec2_playground_core::Lang;
use yew::prelude::*;

use super::SelectField;
use crate::i18n::tr;

/// Props of [`BoolField`].
#[derive(Properties, PartialEq)]
pub struct BoolFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// The value.
    pub value: Option<bool>,
    /// Sends the value.
    pub on_change: Callback<Option<bool>>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

/// Not set / True / False.
#[function_component]
pub fn BoolField(props: &BoolFieldProps) -> Html {
    let lang = props.lang;
    let options = vec![
        (
            AttrValue::from("unset"),
            AttrValue::from(tr(lang, "— non défini —", "— not set —")),
        ),
        (
            AttrValue::from("true"),
            AttrValue::from(tr(lang, "Oui (True)", "Yes (True)")),
        ),
        (
            AttrValue::from("false"),
            AttrValue::from(tr(lang, "Non (False)", "No (False)")),
        ),
    ];
    let value = match props.value {
        None => "unset",
        Some(true) => "true",
        Some(false) => "false",
    };
    let cb = props.on_change.clone();
    let on_change = Callback::from(move |v: String| {
        cb.emit(match v.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })
    });
    html! {
        <SelectField id={props.id.clone()} label={props.label.clone()} kwarg={props.kwarg.clone()}
            {options} value={value} {on_change} error={props.error.clone()} />
    }
}
