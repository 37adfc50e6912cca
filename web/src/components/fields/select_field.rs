//! A choice among fixed values.

use yew::prelude::*;

use super::{described_by, shell};

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// `(value, text)` of each option.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The chosen value.
    pub value: AttrValue,
    /// Sends the chosen value.
    pub on_change: Callback<String>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// A `<select>` with its label.
#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let error = props.error.as_deref();
    let cb = props.on_change.clone();
    let onchange =
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
    let control = html! {
        <select id={props.id.clone()} {onchange} aria-invalid={crate::components::fields::invalid(error)}
            aria-describedby={described_by(&props.id, error)}>
            { for props.options.iter().map(|(v, t)| html! {
                <option value={v.clone()} selected={*v == props.value}>{ t.clone() }</option>
            }) }
        </select>
    };
    shell(&props.id, &props.label, props.kwarg.as_deref(), error, control)
}
