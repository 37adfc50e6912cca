//! A number (ports, sizes, IOPS), or nothing: any number cdktf takes, held as JavaScript
//! holds it ([`JsNumber`]); the core's checks say when Terraform wants a whole one.

use ec2_playground_core::{JsNumber, Lang};
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
    pub value: Option<JsNumber>,
    /// Sends the number when the text is one (or empty, when `optional`).
    pub on_change: Callback<Option<JsNumber>>,
    /// May be left empty.
    #[prop_or(true)]
    pub optional: bool,
    /// A problem with the value, from the core.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

/// The number `text` writes as Python reads it: an integer (any size, rounded to the nearest
/// double as JavaScript rounds it) or a float (`1.5`, `1e22`); never NaN nor infinite.
fn parse(text: &str, optional: bool) -> Result<Option<JsNumber>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return if optional { Ok(None) } else { Err(()) };
    }
    if let Some(n) = JsNumber::from_decimal_integer(t) {
        return Ok(Some(n));
    }
    let float = t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-' | b'_'));
    match t.replace('_', "").parse::<f64>() {
        Ok(v) if float => JsNumber::new(v).map(Some).ok_or(()),
        _ => Err(()),
    }
}

/// The text of a number as the Python writes it (`22`, `1.5`, `1e22`, `-0.0`).
fn text(value: Option<JsNumber>) -> String {
    value.map(JsNumber::python_text).unwrap_or_default()
}

/// A number field that keeps what the learner types until it is a number.
#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let draft = use_state(|| text(props.value));
    {
        // The value changed from elsewhere (undo, reset): show it.
        let draft = draft.clone();
        let optional = props.optional;
        use_effect_with(props.value, move |value| {
            if parse(&draft, optional) != Ok(*value) {
                draft.set(text(*value));
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
            "Entrez un nombre (22, 1.5 ou 1e22) : la sortie garde la dernière valeur valide.",
            "Enter a number (22, 1.5 or 1e22): the output keeps the last valid value.",
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
        <input type="text" inputmode="decimal" id={props.id.clone()} class="num" value={(*draft).clone()} {oninput}
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
    use super::{parse, text};
    use ec2_playground_core::JsNumber;

    fn n(v: f64) -> Option<JsNumber> {
        JsNumber::new(v)
    }

    #[test]
    fn parses_numbers_as_python_writes_them() {
        assert_eq!(parse(" 22 ", true), Ok(n(22.0)));
        assert_eq!(parse("-1", true), Ok(n(-1.0)));
        assert_eq!(parse("", true), Ok(None));
        assert_eq!(parse("", false), Err(()));
        assert_eq!(parse("2a", true), Err(()));
        assert_eq!(parse("2.5", true), Ok(n(2.5)));
        assert_eq!(parse("1e22", true), Ok(n(1e22)));
        assert_eq!(parse("99999999999999999999", true), Ok(n(1e20)));
        assert_eq!(parse("9007199254740993", true), Ok(n(9_007_199_254_740_992.0)));
        assert_eq!(parse("inf", true), Err(()));
        assert_eq!(parse("NaN", true), Err(()));
        assert_eq!(parse("1e400", true), Err(()));
        assert_eq!(text(n(1e22)), "1e22");
        assert_eq!(text(n(-0.0)), "-0.0");
        for t in ["22", "1.5", "1e22", "-0.0", "1e-7"] {
            assert_eq!(parse(t, true).map(text), Ok(t.to_owned()), "{t}");
        }
    }
}
