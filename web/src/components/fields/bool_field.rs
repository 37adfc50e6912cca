//! A yes/no kwarg that may also be left out (`None`), as Python's `True`, `False` or nothing.
//!
//! Where leaving it out means the same as `False` (the provider's default is false:
//! `monitoring`, `most_recent`, `sensitive`, `user_data_replace_on_change`, a rule's
//! `self`), the field is one checkbox: ticked writes `True`, unticked leaves the kwarg out.
//! Where unset means something else (`associate_public_ip_address` follows the subnet,
//! `encrypted` the account's default, `delete_on_termination` of a root volume is true,
//! `ebs_optimized` follows the instance type), the three states are offered, "not set"
//! included.

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
    /// Leaving the kwarg out means `False` (the provider's default): one checkbox.
    #[prop_or_default]
    pub unset_is_false: bool,
}

/// Not set / True / False, or one checkbox when unset means `False`.
#[function_component]
pub fn BoolField(props: &BoolFieldProps) -> Html {
    let lang = props.lang;
    if props.unset_is_false {
        let cb = props.on_change.clone();
        // An explicit `False` shows unticked and stays until the box is ticked; unticking
        // leaves the kwarg out, which the provider reads as false.
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            cb.emit(on.then_some(true))
        });
        let id = props.id.clone();
        let error = props.error.as_deref();
        return html! {
            <div class={classes!("field", "check-field", super::holder_class(error))}>
                <div class="check-row">
                    <input type="checkbox" id={id.clone()} checked={props.value == Some(true)} {onchange}
                        aria-invalid={super::invalid(error)} aria-describedby={super::described_by(&id, error)} />
                    <label for={id.clone()}>
                        <span class="label-text">{ props.label.clone() }</span>
                        if let Some(k) = &props.kwarg { <code class="kwarg">{ k.clone() }</code> }
                    </label>
                </div>
                if let Some(e) = error {
                    <p class={super::problem_class(e)} id={format!("{id}-err")} aria-live="polite">{ e }</p>
                }
            </div>
        };
    }
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
