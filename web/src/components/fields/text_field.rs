//! A text: one line, or several in a monospace area (scripts, keys).

use yew::prelude::*;

use super::{described_by, shell};

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg, shown beside the label.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// The text.
    pub value: AttrValue,
    /// Sends every keystroke's text.
    pub on_change: Callback<String>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Shown while empty.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Several lines, monospace.
    #[prop_or_default]
    pub multiline: bool,
    /// Monospace on one line.
    #[prop_or_default]
    pub mono: bool,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// A remark under the field that is not a problem (`id="<id>-note"`, read with the
    /// field): how `main.py` will write a name, for one.
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// A text field.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let error = props.error.as_deref();
    let note_id = format!("{}-note", props.id);
    let described = match (described_by(&props.id, error), &props.note) {
        (Some(d), Some(_)) => Some(AttrValue::from(format!("{d} {note_id}"))),
        (None, Some(_)) => Some(AttrValue::from(note_id.clone())),
        (d, None) => d,
    };
    let invalid = crate::components::fields::invalid(error);
    let control = if props.multiline {
        let cb = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
        let rows = (props.value.lines().count() + 1).clamp(3, 16).to_string();
        html! {
            <textarea id={props.id.clone()} class="mono" rows={rows} spellcheck="false"
                value={props.value.clone()} {oninput} aria-invalid={invalid} aria-describedby={described}
                placeholder={props.placeholder.clone()} />
        }
    } else {
        let cb = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        });
        html! {
            <input type="text" id={props.id.clone()} class={classes!(props.mono.then_some("mono"))} spellcheck="false"
                value={props.value.clone()} {oninput} aria-invalid={invalid} aria-describedby={described}
                placeholder={props.placeholder.clone()} list={props.list.clone()} />
        }
    };
    let control = match &props.note {
        Some(note) => html! { <>{ control }<p class="hint field-note" id={note_id}>{ note.clone() }</p></> },
        None => control,
    };
    shell(&props.id, &props.label, props.kwarg.as_deref(), error, control)
}
