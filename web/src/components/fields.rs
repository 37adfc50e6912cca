//! Form widgets: one per kind of value in the model, each saying beside itself what is
//! wrong with its value.
//!
//! A widget whose text does not parse (a port of `2a`) keeps the text, says why and sends
//! nothing: the stack, and so every panel, keeps its last good value.

pub mod bool_field;
pub mod list_field;
pub mod number_field;
pub mod output_value_field;
pub mod ref_field;
pub mod ref_list_field;
pub mod select_field;
pub mod tags_field;
pub mod text_field;
pub mod user_data_field;

pub use bool_field::BoolField;
pub use list_field::ListField;
pub use number_field::NumberField;
pub use output_value_field::OutputValueField;
pub use ref_field::{Candidate, RefField};
pub use ref_list_field::RefListField;
pub use select_field::SelectField;
pub use tags_field::TagsField;
pub use text_field::TextField;
pub use user_data_field::UserDataField;

use yew::prelude::*;

/// A callback that applies `f` with the new value to a copy of `value` and sends the copy:
/// how a form turns a widget's change into an edit of its resource.
pub fn edit<T, V>(value: &T, on_change: &Callback<T>, f: impl Fn(&mut T, V) + 'static) -> Callback<V>
where
    T: Clone + 'static,
    V: 'static,
{
    let value = value.clone();
    let on_change = on_change.clone();
    Callback::from(move |v: V| {
        let mut next = value.clone();
        f(&mut next, v);
        on_change.emit(next);
    })
}

/// An empty text means "not set" for an optional kwarg.
pub fn non_empty(text: String) -> Option<String> {
    if text.is_empty() {
        None
    } else {
        Some(text)
    }
}

/// An element id made from parts: letters and digits kept, the rest `-`.
pub fn dom_id(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| {
            p.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The class of a problem's paragraph: `field-error`, or `field-warning` when it is
/// only a warning.
pub fn problem_class(message: &str) -> &'static str {
    if crate::issues::is_warning(message) {
        "field-warning"
    } else {
        "field-error"
    }
}

/// The class of a field holding `message`: `has-error` or `has-warning`.
pub fn holder_class(message: Option<&str>) -> Option<&'static str> {
    message.map(|m| {
        if crate::issues::is_warning(m) {
            "has-warning"
        } else {
            "has-error"
        }
    })
}

/// `aria-invalid` for a control holding `message`: only for an error, not a warning.
pub fn invalid(message: Option<&str>) -> Option<AttrValue> {
    message
        .filter(|m| !crate::issues::is_warning(m))
        .map(|_| AttrValue::from("true"))
}

/// The label, the control and the problem of one field.
pub fn shell(id: &str, label: &str, kwarg: Option<&str>, error: Option<&str>, control: Html) -> Html {
    let class = classes!("field", holder_class(error));
    html! {
        <div class={class}>
            <label for={id.to_owned()}>
                <span class="label-text">{ label }</span>
                if let Some(k) = kwarg { <code class="kwarg">{ k }</code> }
            </label>
            { control }
            if let Some(e) = error {
                <p class={problem_class(e)} id={format!("{id}-err")} aria-live="polite">{ e }</p>
            }
        </div>
    }
}

/// The `aria-describedby` of a control with a problem.
pub fn described_by(id: &str, error: Option<&str>) -> Option<AttrValue> {
    error.map(|_| AttrValue::from(format!("{id}-err")))
}
