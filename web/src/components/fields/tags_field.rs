//! A map of tags (`{"Name": "web-server"}`): key and value on each line. A line without
//! key is a draft; two lines with one key are refused until one changes.

use ec2_playground_core::{Lang, Tags};
use yew::prelude::*;

use crate::components::fields::{holder_class, problem_class};

use crate::i18n::tr;

/// Props of [`TagsField`].
#[derive(Properties, PartialEq)]
pub struct TagsFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg.
    #[prop_or_default]
    pub kwarg: Option<AttrValue>,
    /// The tags (`None`: not set).
    pub value: Option<Tags>,
    /// Sends the tags (`None` when no line has a key).
    pub on_change: Callback<Option<Tags>>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

type Rows = Vec<(String, String)>;

/// The tags the lines make, or the key written twice.
fn to_value(rows: &Rows) -> Result<Option<Tags>, String> {
    let mut tags = Tags::new();
    for (k, v) in rows.iter().filter(|(k, _)| !k.is_empty()) {
        if tags.insert(k.clone(), v.clone()).is_some() {
            return Err(k.clone());
        }
    }
    Ok(if tags.is_empty() { None } else { Some(tags) })
}

fn rows_of(value: &Option<Tags>) -> Rows {
    value.iter().flatten().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// A tags editor.
#[function_component]
pub fn TagsField(props: &TagsFieldProps) -> Html {
    let lang = props.lang;
    let rows = use_state(|| rows_of(&props.value));
    {
        let rows = rows.clone();
        use_effect_with(props.value.clone(), move |value| {
            let value = value.as_ref().filter(|v| !v.is_empty()).cloned();
            if to_value(&rows) != Ok(value.clone()) {
                rows.set(rows_of(&value));
            }
        });
    }
    let update = {
        let rows = rows.clone();
        let on_change = props.on_change.clone();
        move |next: Rows| {
            let before = to_value(&rows);
            let after = to_value(&next);
            rows.set(next);
            if let Ok(after) = after {
                if before != Ok(after.clone()) {
                    on_change.emit(after);
                }
            }
        }
    };
    let id = props.id.to_string();
    let error_id = format!("{id}-err");
    let duplicate = to_value(&rows).err();
    let error: Option<String> = match (&duplicate, &props.error) {
        (Some(k), _) => Some(match lang {
            Lang::Fr => format!("La clé « {k} » est écrite deux fois : changez l'une des deux (la sortie garde la dernière valeur valide)."),
            Lang::En => format!("The key “{k}” is written twice: change one of them (the output keeps the last valid value)."),
        }),
        (None, Some(e)) => Some(e.to_string()),
        (None, None) => None,
    };
    let lines = rows.iter().enumerate().map(|(i, (key, value))| {
        let edit = |is_key: bool| {
            let rows = rows.clone();
            let update = update.clone();
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                let mut next = (*rows).clone();
                if let Some((k, v)) = next.get_mut(i) {
                    if is_key {
                        *k = text;
                    } else {
                        *v = text;
                    }
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
        let n = i + 1;
        html! {
            <li class="list-row tag-row">
                <input type="text" id={format!("{id}-{i}-key")} value={key.clone()} oninput={edit(true)} spellcheck="false"
                    aria-label={format!("{} {n} : {}", props.label, tr(lang, "clé", "key"))}
                    placeholder={tr(lang, "clé", "key")} />
                <input type="text" id={format!("{id}-{i}-value")} value={value.clone()} oninput={edit(false)} spellcheck="false"
                    aria-label={format!("{} {n} : {}", props.label, tr(lang, "valeur", "value"))}
                    placeholder={tr(lang, "valeur", "value")} />
                <button type="button" class="icon-button" onclick={onremove} title={tr(lang, "Retirer", "Remove")}
                    aria-label={format!("{} {} {n}", tr(lang, "Retirer", "Remove"), props.label)}>{ "✕" }</button>
            </li>
        }
    });
    let onadd = {
        let rows = rows.clone();
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            next.push((String::new(), String::new()));
            update(next);
        })
    };
    let class = classes!("field", "list-field", holder_class(error.as_deref()));
    html! {
        <fieldset class={class} id={id.clone()} aria-describedby={error.as_ref().map(|_| error_id.clone())}>
            <legend>
                <span class="label-text">{ props.label.clone() }</span>
                if let Some(k) = &props.kwarg { <code class="kwarg">{ k.clone() }</code> }
            </legend>
            <ul class="list-rows">{ for lines }</ul>
            <button type="button" class="small" onclick={onadd}>{ tr(lang, "+ Ajouter un tag", "+ Add a tag") }</button>
            if let Some(e) = error {
                <p class={problem_class(&e)} id={error_id.clone()} aria-live="polite">{ e }</p>
            }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_and_duplicates() {
        let rows = vec![("Name".to_owned(), "web".to_owned()), (String::new(), "x".to_owned())];
        let tags = to_value(&rows).expect("no duplicate").expect("one tag");
        assert_eq!(tags.len(), 1);
        let dup = vec![("a".to_owned(), "1".to_owned()), ("a".to_owned(), "2".to_owned())];
        assert_eq!(to_value(&dup), Err("a".to_owned()));
        assert_eq!(to_value(&Vec::new()), Ok(None));
    }
}
