//! The lab panel: the steps of the lab the learner follows, each ticked live from the stack
//! (the core's [`lab_progress`]); an unticked step says what is missing, shows the code to
//! write and offers to add it (its template, an undoable edit); the steps after the stack
//! give the commands for the downloaded project, ticked by hand.

use std::rc::Rc;

use ec2_playground_core::lab::{Lab, TemplateState};
use ec2_playground_core::{lab_progress, load_lab, Lang, StepStatus};
use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;
use crate::labs;
use crate::state::{Action, Notice};

/// The largest lab file the page reads (bytes): a lab is a few kilobytes.
const MAX_LAB_BYTES: u32 = 512 * 1024;

/// `3 étapes sur 9 faites` / `3 of 9 steps done`.
fn progress_text(done: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{done} étape{} sur {total} faite{}",
            if done > 1 { "s" } else { "" },
            if done > 1 { "s" } else { "" }
        ),
        Lang::En => format!("{done} of {total} step{} done", if total == 1 { "" } else { "s" }),
    }
}

/// One step of the lab.
fn step_view(
    n: usize,
    status: &StepStatus,
    ticked: bool,
    lab: &Lab,
    lang: Lang,
    readonly: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let is_commands = !status.commands.is_empty();
    let done = if is_commands { ticked } else { status.done };
    let id = status.id.clone();
    let title_of = |step: &str| {
        lab.steps
            .iter()
            .find(|s| s.id == step)
            .map(|s| s.title.get(lang).to_owned())
            .unwrap_or_else(|| step.to_owned())
    };
    let body = if is_commands {
        let on_tick = {
            let dispatch = dispatch.clone();
            let id = id.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                dispatch.emit(Action::TickStep(id.clone(), input.checked()));
            })
        };
        html! {
            <>
                <p class="step-hint">{ status.hint.get(lang).to_owned() }</p>
                <ul class="step-commands">
                    { for status.commands.iter().map(|c| html! {
                        <li>
                            <pre class="command"><code>{ c.run.clone() }</code></pre>
                            <p class="see">
                                <span class="see-label">{ tr(lang, "Vous devriez voir : ", "You should see: ") }</span>
                                { c.see.get(lang).to_owned() }
                            </p>
                        </li>
                    }) }
                </ul>
                <label class="step-tick">
                    <input type="checkbox" id={format!("lab-tick-{id}")} checked={ticked} onchange={on_tick} disabled={readonly} />
                    { tr(lang, " C'est fait", " Done") }
                </label>
            </>
        }
    } else if status.done {
        html! {
            <p class="step-done">
                { tr(lang, "Fait : ", "Done: ") }
                { for status.matched.iter().enumerate().map(|(i, m)| html! {
                    <>{ if i > 0 { ", " } else { "" } }<code>{ m.clone() }</code></>
                }) }
            </p>
        }
    } else {
        let action = match &status.template {
            TemplateState::Applies if !readonly => {
                let dispatch = dispatch.clone();
                let id = id.clone();
                let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::ApplyStepTemplate(id.clone())));
                html! {
                    <button type="button" class="lab-add" id={format!("lab-add-{}", status.id)} {onclick}>
                        { tr(lang, "Ajouter pour moi", "Add it for me") }
                    </button>
                }
            }
            TemplateState::Blocked { step } => html! {
                <p class="step-blocked">
                    { match lang {
                        Lang::Fr => format!("Faites d'abord l'étape « {} ».", title_of(step)),
                        Lang::En => format!("Do the step “{}” first.", title_of(step)),
                    } }
                </p>
            },
            _ => html! {},
        };
        html! {
            <>
                if let Some(missing) = &status.missing {
                    <p class="step-missing">{ missing.get(lang).to_owned() }</p>
                }
                <p class="step-hint-label">{ tr(lang, "À écrire dans main.py :", "To write in main.py:") }</p>
                <pre class="step-code"><code>{ status.hint.get(lang).to_owned() }</code></pre>
                { action }
            </>
        }
    };
    html! {
        <li class={classes!("lab-step", if done { "done" } else { "todo" })} id={format!("lab-step-{}", status.id)}>
            <h3 class="step-title">
                <span class="tick" aria-hidden="true">{ if done { "✓" } else { "○" } }</span>
                { format!("{n}. {}", status.title.get(lang)) }
                <span class="visually-hidden">{ if done { tr(lang, " (fait)", " (done)") } else { tr(lang, " (à faire)", " (to do)") } }</span>
            </h3>
            { body }
        </li>
    }
}

/// The lab the learner follows, step by step.
#[function_component]
pub fn LabPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let state = app.state.clone();
    let lang = state.lang;
    let lab = state.lab.lab.clone();
    let progress = use_memo((lab.clone(), state.stack.clone()), |(lab, stack)| {
        lab_progress(lab, stack)
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let readonly = state.readonly();
    let ticked = |id: &str| state.lab.ticked.iter().any(|t| t == id);
    let done = progress
        .iter()
        .filter(|s| if s.commands.is_empty() { s.done } else { ticked(&s.id) })
        .count();
    let total = progress.len();
    let stack_done = progress.iter().filter(|s| s.commands.is_empty()).all(|s| s.done);

    let on_start = {
        let state = state.clone();
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::StartLab(lab.clone())))
    };
    let on_course = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::OpenLab(Rc::new(labs::course()))))
    };
    let file_input = use_node_ref();
    let on_open = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_pick = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|l| l.get(0));
            input.set_value("");
            let Some(file) = file else {
                return;
            };
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = if file.size() > f64::from(MAX_LAB_BYTES) {
                    None
                } else {
                    wasm_bindgen_futures::JsFuture::from(file.text())
                        .await
                        .ok()
                        .and_then(|v| v.as_string())
                };
                let Some(text) = text else {
                    state.dispatch(Action::Notify(Notice::ImportFailed {
                        name,
                        limit_bytes: MAX_LAB_BYTES,
                    }));
                    return;
                };
                match load_lab(&text) {
                    Ok(lab) => state.dispatch(Action::OpenLab(Rc::new(lab))),
                    Err(e) => state.dispatch(Action::Notify(Notice::LabFileBad(name, e))),
                }
            });
        })
    };

    html! {
        <div class="lab" id="lab">
            <div class="lab-head">
                <h2 class="lab-title" id="lab-title">{ lab.title.get(lang).to_owned() }</h2>
                if let Some(intro) = &lab.intro {
                    <p class="lab-intro">{ intro.get(lang).to_owned() }</p>
                }
                <p class="lab-progress" id="lab-progress" role="status">
                    <progress max={total.to_string()} value={done.to_string()} aria-hidden="true"></progress>
                    { progress_text(done, total, lang) }
                    if stack_done && total > 0 {
                        { tr(lang, " · la stack du lab est complète", " · the lab's stack is complete") }
                    }
                </p>
                if !readonly {
                    <div class="buttons">
                        <button type="button" class="primary" id="lab-start" onclick={on_start}
                            title={tr(lang, "Remplace la stack par une stack vide (annulable) pour construire le lab pas à pas",
                                "Replaces the stack with an empty one (undoable) to build the lab step by step")}>
                            { tr(lang, "Démarrer le lab (stack vide)", "Start the lab (empty stack)") }
                        </button>
                        <button type="button" id="lab-open" onclick={on_open}>
                            { tr(lang, "Ouvrir un fichier de lab…", "Open a lab file…") }
                        </button>
                        <input type="file" ref={file_input} class="visually-hidden" id="lab-file" accept=".json,application/json"
                            tabindex="-1" aria-hidden="true" onchange={on_pick} />
                        if !(state.lab.builtin && lab.id == labs::COURSE_ID) {
                            <button type="button" id="lab-course" onclick={on_course}>
                                { tr(lang, "Revenir au lab du cours", "Back to the course's lab") }
                            </button>
                        }
                    </div>
                }
            </div>
            <ol class="lab-steps">
                { for progress.iter().enumerate().map(|(i, s)| step_view(i + 1, s, ticked(&s.id), &lab, lang, readonly, &dispatch)) }
            </ol>
        </div>
    }
}
