//! A string kwarg that is either typed or taken from another resource of the stack (the
//! AMI from a lookup, the key pair's name, an instance's zone): one select, and a text
//! field when "typed" is chosen.

use ec2_playground_core::{Lang, Reference, ResourceKind, Stack, StrValue};
use yew::prelude::*;

use super::{described_by, shell};
use crate::i18n::tr;

/// A reference the learner may pick, and how it reads in Python.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The reference.
    pub reference: Reference,
    /// `ami.id (amazon_linux)`.
    pub label: String,
}

/// How a reference reads: `var.attr`, or `"id".attr` when the resource has no variable.
pub fn reference_label(stack: &Stack, r: &Reference) -> String {
    match stack.find(&r.resource).and_then(|(_, res)| res.var()) {
        Some(var) if var != r.resource => format!("{var}.{} ({})", r.attr, r.resource),
        Some(var) => format!("{var}.{}", r.attr),
        None => format!("{}.{}", r.resource, r.attr),
    }
}

/// `attr` of every resource of `kind` in `stack`, in the stack's order.
pub fn candidates(stack: &Stack, kind: ResourceKind, attr: &str) -> Vec<Candidate> {
    stack
        .resources
        .iter()
        .filter(|r| r.kind() == kind)
        .map(|r| {
            let reference = Reference::new(r.id(), attr);
            Candidate {
                label: reference_label(stack, &reference),
                reference,
            }
        })
        .collect()
}

/// Props of [`RefField`].
#[derive(Properties, PartialEq)]
pub struct RefFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// The value (`None`: not set).
    pub value: Option<StrValue>,
    /// The references offered.
    pub candidates: Vec<Candidate>,
    /// How a reference not among the candidates reads (one to a deleted resource).
    #[prop_or_default]
    pub other_label: Option<AttrValue>,
    /// May be left out.
    #[prop_or(true)]
    pub optional: bool,
    /// Sends the value.
    pub on_change: Callback<Option<StrValue>>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Shown in the typed field while empty.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The id of a `<datalist>` of suggestions for the typed value.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

/// A literal-or-reference field.
#[function_component]
pub fn RefField(props: &RefFieldProps) -> Html {
    let lang = props.lang;
    let error = props.error.as_deref();
    let selected: String = match &props.value {
        None => "unset".into(),
        Some(StrValue::Literal(_)) => "literal".into(),
        Some(StrValue::Ref(r)) => match props.candidates.iter().position(|c| &c.reference == r) {
            Some(i) => format!("ref:{i}"),
            None => "other".into(),
        },
    };
    let onchange = {
        let candidates = props.candidates.clone();
        let value = props.value.clone();
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let choice = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let next = match choice.as_str() {
                "unset" => None,
                "literal" => Some(StrValue::Literal(
                    value
                        .as_ref()
                        .and_then(|v| v.as_literal())
                        .unwrap_or_default()
                        .to_owned(),
                )),
                "other" => value.clone(),
                c => c
                    .strip_prefix("ref:")
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| candidates.get(i))
                    .map(|c| StrValue::Ref(c.reference.clone()))
                    .or_else(|| value.clone()),
            };
            cb.emit(next);
        })
    };
    let id = props.id.to_string();
    let literal = props.value.as_ref().and_then(|v| v.as_literal()).map(str::to_owned);
    let oninput = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(Some(StrValue::Literal(
                e.target_unchecked_into::<web_sys::HtmlInputElement>().value(),
            )))
        })
    };
    let other = match &props.value {
        Some(StrValue::Ref(r)) if selected == "other" => Some(
            props
                .other_label
                .as_ref()
                .map(|l| l.to_string())
                .unwrap_or_else(|| format!("{}.{}", r.resource, r.attr)),
        ),
        _ => None,
    };
    let control = html! {
        <div class="ref-field">
            <select id={id.clone()} {onchange} aria-invalid={crate::components::fields::invalid(error)} aria-describedby={described_by(&id, error)}>
                if props.optional {
                    <option value="unset" selected={selected == "unset"}>{ tr(lang, "— non défini —", "— not set —") }</option>
                }
                { for props.candidates.iter().enumerate().map(|(i, c)| {
                    let v = format!("ref:{i}");
                    html! { <option value={v.clone()} selected={selected == v}>{ c.label.clone() }</option> }
                }) }
                if let Some(o) = other {
                    <option value="other" selected=true>{ format!("{o} ⚠") }</option>
                }
                <option value="literal" selected={selected == "literal"}>{ tr(lang, "Valeur saisie…", "Typed value…") }</option>
            </select>
            if let Some(text) = literal {
                <input type="text" class="mono" id={format!("{id}-literal")} value={text} {oninput} spellcheck="false"
                    aria-label={format!("{} ({})", props.label, tr(lang, "valeur saisie", "typed value"))}
                    placeholder={props.placeholder.clone()} list={props.list.clone()} />
            }
        </div>
    };
    shell(&id, &props.label, props.kwarg.as_deref(), error, control)
}
