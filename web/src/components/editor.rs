//! The stack as forms: its name, one card per resource in the stack's order, and a way to
//! add resources.

use std::collections::BTreeMap;
use std::rc::Rc;

use ec2_playground_core::{Resource, ResourceKind};
use yew::prelude::*;

use super::fields::{dom_id, TextField};
use super::resource_card::{RefStack, ResourceCard};
use super::suggestions::Suggestions;
use crate::app::AppContext;
use crate::i18n::{kind_title, tr};
use crate::issues::{message_at, FieldIssue};
use crate::services::document;
use crate::state::Action;
use gloo::timers::callback::Timeout;

/// Stacks of up to this many resources open with every card unfolded; longer ones open
/// folded (the course lab has 9).
pub const OPEN_CARDS_UP_TO: usize = 16;

/// "Unfold all" is offered up to this many resources: past it, building every card's form
/// at once would hold the page too long (98 cards unfold in about 0.5 s in headless
/// Chromium, release build; the time grows with the cards).
pub const UNFOLD_ALL_UP_TO: usize = 100;

/// The problems of the fields, compared by pointer (the outputs renew the `Rc` when they
/// change).
#[derive(Clone)]
pub struct IssuesRef(pub Rc<Vec<FieldIssue>>);

impl PartialEq for IssuesRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`EditorBody`]: what the forms show, so that a change elsewhere in the page (a
/// tab chosen, a notice, the share box) does not draw a thousand cards' props again.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The stack.
    pub stack: RefStack,
    /// The problems of its fields.
    pub issues: IssuesRef,
    /// The page's language.
    pub lang: ec2_playground_core::Lang,
    /// The resource selected, if any.
    pub selected: Option<usize>,
    /// Counts the stack's replacements (cards are keyed by it).
    pub generation: u64,
    /// No editing.
    pub readonly: bool,
    /// Where the edits go.
    pub dispatcher: UseReducerDispatcher<crate::state::Playground>,
}

/// The editor.
#[function_component]
pub fn Editor() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let state = &app.state;
    html! {
        <EditorBody stack={RefStack(state.stack.clone())} issues={IssuesRef(app.outputs.issues.clone())} lang={state.lang}
            selected={state.selected} generation={state.generation} readonly={state.readonly()} dispatcher={state.dispatcher()} />
    }
}

/// The forms, drawn again only when what they show changes.
#[function_component]
fn EditorBody(props: &EditorProps) -> Html {
    let add_kind = use_state(|| ResourceKind::SecurityGroup);
    // "Fold all" / "unfold all": how many times pressed (cards are keyed by it, so that
    // they start again folded or open) and the last choice, with the stack's generation it
    // was made for (another stack opens as it would anyway).
    let fold_all = use_state(|| (0_u32, None::<(bool, u64)>));
    let lang = props.lang;
    let stack = props.stack.0.clone();
    let count = stack.resources.len();
    let issues = props.issues.0.clone();
    let dispatch = |a: fn(String) -> Action| {
        let d = props.dispatcher.clone();
        Callback::from(move |s: String| d.dispatch(a(s)))
    };
    let stack_issues: Vec<_> = issues.iter().filter(|i| i.index.is_none()).cloned().collect();
    // The problems of each resource, grouped once (not searched once per card).
    let by_resource = use_memo(issues.clone(), |issues| {
        let mut map: BTreeMap<usize, Rc<Vec<FieldIssue>>> = BTreeMap::new();
        for issue in issues.iter() {
            if let Some(i) = issue.index {
                Rc::make_mut(map.entry(i).or_default()).push(issue.clone());
            }
        }
        map
    });
    let none: Rc<Vec<FieldIssue>> = Rc::default();
    // What the forms read of the rest of the stack: renewed when a kind, an id or a
    // variable changes.
    let ref_key: Vec<(ResourceKind, String, Option<String>)> = stack
        .resources
        .iter()
        .map(|r| (r.kind(), r.id().to_owned(), r.var().map(str::to_owned)))
        .collect();
    let refs = {
        let stack = stack.clone();
        use_memo(ref_key, move |_| RefStack(stack))
    };
    // A long stack opens folded: a card's form is built only when the learner opens it.
    let long = count > OPEN_CARDS_UP_TO;
    let (presses, choice) = *fold_all;
    let open_at_first = match choice {
        Some((open, generation)) if generation == props.generation => open && count <= UNFOLD_ALL_UP_TO,
        _ => !long,
    };
    let dispatcher = props.dispatcher.clone();
    let cards = stack.resources.iter().enumerate().map(|(index, r)| {
        let issues = by_resource.get(&index).cloned().unwrap_or_else(|| none.clone());
        html! {
            <ResourceCard key={format!("{}-{presses}-{index}", props.generation)} resource={r.clone()} {count} {index} {lang} {issues}
                dispatcher={dispatcher.clone()} selected={props.selected == Some(index)} {open_at_first} />
        }
    });
    let on_kind = {
        let add_kind = add_kind.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(k) = ResourceKind::ALL.into_iter().find(|k| k.class_name() == v) {
                add_kind.set(k);
            }
        })
    };
    let on_add = {
        let d = props.dispatcher.clone();
        let kind = *add_kind;
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::AddResource(kind));
            // Once drawn: the new card in view, its first field focused.
            let first = vec![dom_id(&["r", &count.to_string(), "id"])];
            Timeout::new(0, move || {
                document::reveal(&first);
            })
            .forget();
        })
    };
    let add_id = dom_id(&["add", "kind"]);
    let fold = |open: bool| {
        let fold_all = fold_all.clone();
        let generation = props.generation;
        Callback::from(move |_: MouseEvent| fold_all.set((fold_all.0.wrapping_add(1), Some((open, generation)))))
    };
    // The zones offered are those of the region the stack's (first) provider names.
    let region = stack.resources.iter().find_map(|r| match r {
        Resource::AwsProvider(p) => p.region.clone().map(AttrValue::from),
        _ => None,
    });
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <div class="section-head">
                <h2 id="editor-title" class="section-title">{ tr(lang, "Votre stack", "Your stack") }</h2>
                if count > 0 {
                    <span class="fold-all">
                        <button type="button" class="small" id="fold-all" onclick={fold(false)}>{ tr(lang, "Tout replier", "Fold all") }</button>
                        if count <= UNFOLD_ALL_UP_TO {
                            <button type="button" class="small" id="unfold-all" onclick={fold(true)}>{ tr(lang, "Tout déplier", "Unfold all") }</button>
                        }
                    </span>
                }
                <a class="to-outputs" href="#outputs" onclick={document::in_page_link("outputs")}>{ tr(lang, "Voir les sorties ↓", "See the outputs ↓") }</a>
            </div>
            <fieldset class="stack-settings" disabled={props.readonly}>
                <legend class="visually-hidden">{ tr(lang, "Réglages de la stack", "Stack settings") }</legend>
                <div class="field-row">
                    <TextField id="stack-name" label={tr(lang, "Nom de la stack", "Stack name")} mono=true
                        value={stack.name.clone()} error={message_at(&stack_issues, "name", lang).map(AttrValue::from)}
                        on_change={dispatch(Action::SetStackName)} />
                    <TextField id="stack-class" label={tr(lang, "Classe Python", "Python class")} mono=true
                        value={stack.class_name.clone()} error={message_at(&stack_issues, "class_name", lang).map(AttrValue::from)}
                        on_change={dispatch(Action::SetClassName)}
                        note={crate::i18n::python_name_note(lang, &stack.class_name, &ec2_playground_core::python_identifier(&stack.class_name, "MyStack"))} />
                </div>
                <p class="hint">{ match lang {
                    ec2_playground_core::Lang::Fr => format!("Projet synthétisé comme dans /home/learner/{}", stack.name),
                    ec2_playground_core::Lang::En => format!("Synthesized as a project in /home/learner/{}", stack.name),
                } }</p>
            </fieldset>
            <fieldset class="resources-fieldset" disabled={props.readonly}>
                <legend class="visually-hidden">{ tr(lang, "Ressources", "Resources") }</legend>
                if count == 0 {
                    <p class="hint">{ tr(lang, "La stack est vide : ajoutez une ressource ci-dessous.", "The stack is empty: add a resource below.") }</p>
                }
                <ContextProvider<RefStack> context={(*refs).clone()}>
                    <ol class={classes!("cards", long.then_some("long"))}>{ for cards }</ol>
                </ContextProvider<RefStack>>
                <div class="add-resource">
                    <label for={add_id.clone()}>{ tr(lang, "Ajouter une ressource", "Add a resource") }</label>
                    <select id={add_id} onchange={on_kind}>
                        { for ResourceKind::ALL.iter().map(|k| html! {
                            <option value={k.class_name()} selected={*k == *add_kind}>
                                { format!("{} ({})", kind_title(lang, *k), k.class_name()) }
                            </option>
                        }) }
                    </select>
                    <button type="button" id="add-resource" onclick={on_add}>{ tr(lang, "Ajouter", "Add") }</button>
                </div>
            </fieldset>
            <Suggestions {region} />
        </section>
    }
}
