//! A list of security groups (`vpc_security_group_ids`, a rule's `security_groups`): a
//! box for each group of the stack, and typed ids (`sg-0123...`) for groups made elsewhere.
//! Checking adds at the end and unchecking removes in place, so the order written stays.

use ec2_playground_core::{Lang, StrValue};
use yew::prelude::*;

use crate::components::fields::{holder_class, problem_class};

use super::Candidate;
use crate::i18n::tr;

/// Props of [`RefListField`].
#[derive(Properties, PartialEq)]
pub struct RefListFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// The list (`None`: not set).
    pub value: Option<Vec<StrValue>>,
    /// The groups of the stack.
    pub candidates: Vec<Candidate>,
    /// Sends the list (`None` when empty).
    pub on_change: Callback<Option<Vec<StrValue>>>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

/// Picks security groups.
#[function_component]
pub fn RefListField(props: &RefListFieldProps) -> Html {
    let lang = props.lang;
    let items: Vec<StrValue> = props.value.clone().unwrap_or_default();
    let emit = {
        let cb = props.on_change.clone();
        move |next: Vec<StrValue>| cb.emit(if next.is_empty() { None } else { Some(next) })
    };
    let id = props.id.to_string();
    let error_id = format!("{id}-err");
    let boxes = props.candidates.iter().enumerate().map(|(i, c)| {
        let wanted = StrValue::Ref(c.reference.clone());
        let checked = items.contains(&wanted);
        let onchange = {
            let items = items.clone();
            let emit = emit.clone();
            Callback::from(move |_: Event| {
                let mut next = items.clone();
                if checked {
                    next.retain(|v| v != &wanted);
                } else {
                    next.push(wanted.clone());
                }
                emit(next);
            })
        };
        let box_id = format!("{id}-c{i}");
        html! {
            <li class="check-row">
                <input type="checkbox" id={box_id.clone()} {checked} {onchange} />
                <label for={box_id} class="mono">{ c.label.clone() }</label>
            </li>
        }
    });
    let known = |v: &StrValue| {
        props
            .candidates
            .iter()
            .any(|c| StrValue::Ref(c.reference.clone()) == *v)
    };
    let others = items.iter().enumerate().filter(|(_, v)| !known(v)).map(|(i, v)| {
        let onremove = {
            let items = items.clone();
            let emit = emit.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = items.clone();
                if i < next.len() {
                    next.remove(i);
                }
                emit(next);
            })
        };
        let control = match v {
            StrValue::Literal(text) => {
                let oninput = {
                    let items = items.clone();
                    let emit = emit.clone();
                    Callback::from(move |e: InputEvent| {
                        let mut next = items.clone();
                        if let Some(slot) = next.get_mut(i) {
                            *slot = StrValue::Literal(e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
                        }
                        emit(next);
                    })
                };
                html! {
                    <input type="text" class="mono" id={format!("{id}-l{i}")} value={text.clone()} {oninput}
                        aria-label={format!("{} {}", props.label, tr(lang, "(identifiant saisi)", "(typed id)"))}
                        placeholder="sg-0123456789abcdef0" spellcheck="false" />
                }
            }
            StrValue::Ref(r) => html! { <span class="mono dangling">{ format!("{}.{} ⚠", r.resource, r.attr) }</span> },
        };
        html! {
            <li class="list-row">
                { control }
                <button type="button" class="icon-button" onclick={onremove} title={tr(lang, "Retirer", "Remove")}
                    aria-label={tr(lang, "Retirer ce groupe", "Remove this group")}>{ "✕" }</button>
            </li>
        }
    });
    let onadd = {
        let items = items.clone();
        let emit = emit.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = items.clone();
            next.push(StrValue::Literal(String::new()));
            emit(next);
        })
    };
    let class = classes!("field", "list-field", holder_class(props.error.as_deref()));
    html! {
        <fieldset class={class} id={id.clone()} aria-describedby={props.error.as_ref().map(|_| error_id.clone())}>
            <legend>
                <span class="label-text">{ props.label.clone() }</span>
                if let Some(k) = &props.kwarg { <code class="kwarg">{ k.clone() }</code> }
            </legend>
            if props.candidates.is_empty() {
                <p class="hint">{ tr(lang, "Aucun groupe de sécurité dans la stack.", "No security group in the stack.") }</p>
            }
            <ul class="check-rows">{ for boxes }</ul>
            <ul class="list-rows">{ for others }</ul>
            <button type="button" class="small" onclick={onadd}>{ tr(lang, "+ Identifiant saisi", "+ Typed id") }</button>
            if let Some(e) = &props.error {
                <p class={problem_class(e)} id={error_id.clone()} aria-live="polite">{ e.clone() }</p>
            }
        </fieldset>
    }
}
