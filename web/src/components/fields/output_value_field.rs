//! The value of a `TerraformOutput`: a reference (resource, then attribute), a text, a
//! number, a boolean, or a list or map written as JSON.

use ec2_playground_core::attributes::referenceable_attributes;
use ec2_playground_core::{Lang, OutputValue, Reference, Stack};
use yew::prelude::*;

use super::ref_field::reference_label;
use super::{shell, NumberField};
use crate::i18n::tr;

/// Props of [`OutputValueField`].
#[derive(Properties, PartialEq)]
pub struct OutputValueFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// The value.
    pub value: OutputValue,
    /// The stack, for the resources a reference may name.
    pub stack: std::rc::Rc<Stack>,
    /// Sends the value.
    pub on_change: Callback<OutputValue>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

fn mode_of(v: &OutputValue) -> &'static str {
    match v {
        OutputValue::Ref(_) => "ref",
        OutputValue::Str(_) => "str",
        OutputValue::Number(_) => "num",
        OutputValue::Bool(_) => "bool",
        OutputValue::List(_) | OutputValue::Map(_) => "json",
    }
}

fn pretty(v: &OutputValue) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// The output value editor.
#[function_component]
pub fn OutputValueField(props: &OutputValueFieldProps) -> Html {
    let lang = props.lang;
    let id = props.id.to_string();
    let stack = props.stack.clone();
    let mode = mode_of(&props.value);
    let json_draft = use_state(|| pretty(&props.value));
    {
        let json_draft = json_draft.clone();
        use_effect_with(props.value.clone(), move |value| {
            if serde_json::from_str::<OutputValue>(&json_draft).ok().as_ref() != Some(value) {
                json_draft.set(pretty(value));
            }
        });
    }
    let referenceable: Vec<(String, &'static [&'static str])> = stack
        .resources
        .iter()
        .map(|r| (r.id().to_owned(), referenceable_attributes(r.kind())))
        .filter(|(_, attrs)| !attrs.is_empty())
        .collect();
    let on_mode = {
        let cb = props.on_change.clone();
        let value = props.value.clone();
        let first = referenceable
            .first()
            .map(|(id, attrs)| Reference::new(id.clone(), *attrs.first().unwrap_or(&"id")));
        Callback::from(move |e: Event| {
            let m = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if m == mode_of(&value) {
                return;
            }
            let next = match m.as_str() {
                "ref" => first
                    .clone()
                    .map(OutputValue::Ref)
                    .unwrap_or_else(|| OutputValue::Str(String::new())),
                "num" => OutputValue::Number(0.into()),
                "bool" => OutputValue::Bool(true),
                "json" => OutputValue::List(vec![value.clone()]),
                _ => OutputValue::Str(String::new()),
            };
            cb.emit(next);
        })
    };
    let mode_select = html! {
        <select id={id.clone()} onchange={on_mode}>
            <option value="ref" selected={mode == "ref"}>{ tr(lang, "Référence à un attribut", "Reference to an attribute") }</option>
            <option value="str" selected={mode == "str"}>{ tr(lang, "Texte", "Text") }</option>
            <option value="num" selected={mode == "num"}>{ tr(lang, "Nombre", "Number") }</option>
            <option value="bool" selected={mode == "bool"}>{ tr(lang, "Booléen", "Boolean") }</option>
            <option value="json" selected={mode == "json"}>{ tr(lang, "Liste ou dictionnaire (JSON)", "List or map (JSON)") }</option>
        </select>
    };
    let body = match &props.value {
        OutputValue::Ref(r) => {
            let r = r.clone();
            let on_resource = {
                let cb = props.on_change.clone();
                let referenceable = referenceable.clone();
                let attr = r.attr.clone();
                Callback::from(move |e: Event| {
                    let target = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                    if let Some((rid, attrs)) = referenceable.iter().find(|(rid, _)| *rid == target) {
                        let attr = if attrs.contains(&attr.as_str()) {
                            attr.clone()
                        } else {
                            attrs.first().unwrap_or(&"id").to_string()
                        };
                        cb.emit(OutputValue::Ref(Reference::new(rid.clone(), attr)));
                    }
                })
            };
            let on_attr = {
                let cb = props.on_change.clone();
                let resource = r.resource.clone();
                Callback::from(move |e: Event| {
                    let attr = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                    cb.emit(OutputValue::Ref(Reference::new(resource.clone(), attr)));
                })
            };
            let attrs: Vec<&'static str> = referenceable
                .iter()
                .find(|(rid, _)| *rid == r.resource)
                .map(|(_, a)| a.to_vec())
                .unwrap_or_default();
            let known_target = referenceable.iter().any(|(rid, _)| *rid == r.resource);
            html! {
                <div class="ref-pair">
                    <select id={format!("{id}-resource")} onchange={on_resource} aria-label={tr(lang, "Ressource", "Resource")}>
                        { for referenceable.iter().map(|(rid, _)| html! {
                            <option value={rid.clone()} selected={*rid == r.resource}>{ rid.clone() }</option>
                        }) }
                        if !known_target {
                            <option value={r.resource.clone()} selected=true>{ format!("{} ⚠", r.resource) }</option>
                        }
                    </select>
                    <select id={format!("{id}-attr")} onchange={on_attr} aria-label={tr(lang, "Attribut", "Attribute")}>
                        { for attrs.iter().map(|a| html! {
                            <option value={a.to_string()} selected={*a == r.attr}>{ a.to_string() }</option>
                        }) }
                        if !attrs.contains(&r.attr.as_str()) {
                            <option value={r.attr.clone()} selected=true>{ format!("{} ⚠", r.attr) }</option>
                        }
                    </select>
                    <code class="python-hint">{ reference_label(&stack, &r) }</code>
                </div>
            }
        }
        OutputValue::Str(s) => {
            let cb = props.on_change.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                cb.emit(OutputValue::Str(
                    e.target_unchecked_into::<web_sys::HtmlInputElement>().value(),
                ))
            });
            html! { <input type="text" id={format!("{id}-text")} value={s.clone()} {oninput} aria-label={tr(lang, "Texte de la sortie", "Output text")} /> }
        }
        OutputValue::Number(n) => {
            let cb = props.on_change.clone();
            let on_change = Callback::from(move |v: Option<ec2_playground_core::JsNumber>| {
                cb.emit(OutputValue::Number(v.unwrap_or_else(|| 0.into())))
            });
            html! { <NumberField id={format!("{id}-number")} label={tr(lang, "Nombre", "Number")} value={Some(*n)} optional={false} {on_change} {lang} /> }
        }
        OutputValue::Bool(b) => {
            let cb = props.on_change.clone();
            let onchange = Callback::from(move |e: Event| {
                cb.emit(OutputValue::Bool(
                    e.target_unchecked_into::<web_sys::HtmlSelectElement>().value() == "true",
                ))
            });
            html! {
                <select id={format!("{id}-bool")} {onchange} aria-label={tr(lang, "Booléen", "Boolean")}>
                    <option value="true" selected={*b}>{ "True" }</option>
                    <option value="false" selected={!*b}>{ "False" }</option>
                </select>
            }
        }
        OutputValue::List(_) | OutputValue::Map(_) => {
            let parsed = serde_json::from_str::<OutputValue>(&json_draft);
            let oninput = {
                let cb = props.on_change.clone();
                let json_draft = json_draft.clone();
                Callback::from(move |e: InputEvent| {
                    let text = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
                    if let Ok(v) = serde_json::from_str::<OutputValue>(&text) {
                        cb.emit(v);
                    }
                    json_draft.set(text);
                })
            };
            let rows = (json_draft.lines().count() + 1).clamp(3, 12).to_string();
            html! {
                <>
                    <textarea id={format!("{id}-json")} class="mono" {rows} value={(*json_draft).clone()} {oninput} spellcheck="false"
                        aria-label={tr(lang, "Valeur en JSON", "Value as JSON")} />
                    <p class="hint">{ tr(lang,
                        "Une référence s'écrit {\"ref\": \"web\", \"attr\": \"public_ip\"}, un dictionnaire {\"map\": {...}}.",
                        "A reference is written {\"ref\": \"web\", \"attr\": \"public_ip\"}, a map {\"map\": {...}}.") }</p>
                    if let Err(e) = parsed {
                        <p class="field-error" aria-live="polite">{ format!("{} {e}", tr(lang,
                            "JSON invalide (la sortie garde la dernière valeur valide) :",
                            "Invalid JSON (the output keeps the last valid value):")) }</p>
                    }
                </>
            }
        }
    };
    let control = html! { <div class="output-value">{ mode_select }{ body }</div> };
    shell(
        &id,
        tr(lang, "Valeur", "Value"),
        Some("value"),
        props.error.as_deref(),
        control,
    )
}
