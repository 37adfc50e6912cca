//! A whole number (ports, sizes, IOPS), or nothing.

use ec2_playground_core::Lang;
use yew::prelude::*;

use super::{described_by, shell};
use crate::i18n::tr;

/// Props of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// The number (`None`: not set).
    pub value: Option<i64>,
    /// Sends the number when the text is one (or empty, when `optional`).
    pub on_change: Callback<Option<i64>>,
    /// May be left empty.
    #[prop_or(true)]
    pub optional: bool,
    /// A problem with the value, from the core.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

fn parse(text: &str, optional: bool) -> Result<Option<i64>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return if optional { Ok(None) } else { Err(()) };
    }
    t.parse::<i64>().map(Some).map_err(|_| ())
}

/// A number field that keeps what the learner types until it is a number.
#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let draft = use_state(|| props.value.map(|v| v.to_string()).unwrap_or_default());
    {
        // The value changed from elsewhere (undo, reset): show it.
        let draft = draft.clone();
        let optional = props.optional;
        use_effect_with(props.value, move |value| {
            if parse(&draft, optional) != Ok(*value) {
                draft.set(value.map(|v| v.to_string()).unwrap_or_default());
            }
        });
    }
    let local_error = match parse(&draft, props.optional) {
        Ok(_) => None,
        Err(()) if draft.trim().is_empty() => Some(tr(
            props.lang,
            "Une valeur est requise ici.",
            "A value is required here.",
        )),
        Err(()) => Some(tr(
            props.lang,
            "Entrez un nombre entier (chiffres seulement) : la sortie garde la dernière valeur valide.",
            "Enter a whole number (digits only): the output keeps the last valid value.",
        )),
    };
    let error: Option<String> = match (local_error, props.error.as_deref()) {
        (Some(l), _) => Some(l.to_owned()),
        (None, Some(e)) => Some(e.to_owned()),
        (None, None) => None,
    };
    let oninput = {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        let optional = props.optional;
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Ok(v) = parse(&text, optional) {
                on_change.emit(v);
            }
            draft.set(text);
        })
    };
    let described = described_by(&props.id, error.as_deref());
    let control = html! {
        <input type="text" inputmode="numeric" id={props.id.clone()} class="num" value={(*draft).clone()} {oninput}
            aria-invalid={crate::components::fields::invalid(error.as_deref())} aria-describedby={described} />
    };
    shell(
        &props.id,
        &props.label,
        props.kwarg.as_deref(),
        error.as_deref(),
        control,
    )
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn parses_whole_numbers_only() {
        assert_eq!(parse(" 22 ", true), Ok(Some(22)));
        assert_eq!(parse("-1", true), Ok(Some(-1)));
        assert_eq!(parse("", true), Ok(None));
        assert_eq!(parse("", false), Err(()));
        assert_eq!(parse("2a", true), Err(()));
        assert_eq!(parse("2.5", true), Err(()));
        assert_eq!(parse("99999999999999999999", true), Err(()));
    }
}
