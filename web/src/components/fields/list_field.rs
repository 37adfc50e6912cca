//! A list of texts (CIDR blocks, owners, filter values): a line each, added and removed
//! with buttons. An empty line is a draft, left out of the stack until it is filled.

use ec2_playground_core::Lang;
use yew::prelude::*;

use crate::components::fields::{holder_class, problem_class};

use crate::i18n::tr;

/// Props of [`ListField`].
#[derive(Properties, PartialEq)]
pub struct ListFieldProps {
    /// Element id (each line gets `<id>-<n>`).
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// The list (`None`: not set).
    pub value: Option<Vec<String>>,
    /// Sends the list without its empty lines (`None` when nothing is left).
    pub on_change: Callback<Option<Vec<String>>>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Example of a line (`0.0.0.0/0`).
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

fn to_value(rows: &[String]) -> Option<Vec<String>> {
    let items: Vec<String> = rows.iter().filter(|r| !r.is_empty()).cloned().collect();
    if items.is_empty() {
        None
    } else {
        Some(items)
    }
}

/// A list of texts.
#[function_component]
pub fn ListField(props: &ListFieldProps) -> Html {
    let lang = props.lang;
    let rows = use_state(|| props.value.clone().unwrap_or_default());
    {
        let rows = rows.clone();
        use_effect_with(props.value.clone(), move |value| {
            let value = value.as_ref().filter(|v| !v.is_empty()).cloned();
            if to_value(&rows) != value {
                rows.set(value.unwrap_or_default());
            }
        });
    }
    let update = {
        let rows = rows.clone();
        let on_change = props.on_change.clone();
        move |next: Vec<String>| {
            let before = to_value(&rows);
            let after = to_value(&next);
            rows.set(next);
            if before != after {
                on_change.emit(after);
            }
        }
    };
    let id = props.id.to_string();
    let error_id = format!("{id}-err");
    let lines = rows.iter().enumerate().map(|(i, text)| {
        let line_id = format!("{id}-{i}");
        let oninput = {
            let rows = rows.clone();
            let update = update.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*rows).clone();
                if let Some(slot) = next.get_mut(i) {
                    *slot = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                }
                update(next);
            })
        };
        let onremove = {
            let rows = rows.clone();
            let update = update.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*rows).clone();
                if i < next.len() {
                    next.remove(i);
                }
                update(next);
            })
        };
        let item_label = format!("{} {}", props.label, i + 1);
        html! {
            <li class="list-row">
                <input type="text" class="mono" id={line_id} value={text.clone()} {oninput} spellcheck="false"
                    aria-label={item_label.clone()} placeholder={props.placeholder.clone()}
                    aria-describedby={props.error.as_ref().map(|_| error_id.clone())} />
                <button type="button" class="icon-button" onclick={onremove}
                    aria-label={format!("{} {item_label}", tr(lang, "Retirer", "Remove"))}
                    title={tr(lang, "Retirer", "Remove")}>{ "✕" }</button>
            </li>
        }
    });
    let onadd = {
        let rows = rows.clone();
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            next.push(String::new());
            update(next);
        })
    };
    let class = classes!("field", "list-field", holder_class(props.error.as_deref()));
    html! {
        <fieldset class={class} id={id.clone()}>
            <legend>
                <span class="label-text">{ props.label.clone() }</span>
                if let Some(k) = &props.kwarg { <code class="kwarg">{ k.clone() }</code> }
            </legend>
            <ul class="list-rows">{ for lines }</ul>
            <button type="button" class="small" onclick={onadd}>{ tr(lang, "+ Ajouter une ligne", "+ Add a line") }</button>
            if let Some(e) = &props.error {
                <p class={problem_class(e)} id={error_id.clone()} aria-live="polite">{ e.clone() }</p>
            }
        </fieldset>
    }
}
