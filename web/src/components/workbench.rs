//! The editor side of the page: the learner's `main.py` first (the course has them write
//! it), the forms second, as two tabs.

use yew::prelude::*;

use super::editor::Editor;
use super::python_panel::PythonPanel;
use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::document;
use crate::state::{Action, Workbench};

const VIEWS: [Workbench; 2] = [Workbench::Code, Workbench::Forms];

fn tab_id(view: Workbench) -> &'static str {
    match view {
        Workbench::Code => "tab-python",
        Workbench::Forms => "tab-forms",
    }
}

fn panel_id(view: Workbench) -> &'static str {
    match view {
        Workbench::Code => "panel-python",
        Workbench::Forms => "panel-forms",
    }
}

/// The code and the forms, one at a time.
#[function_component]
pub fn WorkbenchView() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let state = &app.state;
    let lang = state.lang;
    let current = state.workbench;
    let label = |view: Workbench| match view {
        Workbench::Code => "main.py",
        Workbench::Forms => tr(lang, "Formulaires", "Forms"),
    };
    let select = |view: Workbench| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ShowWorkbench(view)))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            let i = VIEWS.iter().position(|v| *v == current).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowLeft" => 1 - i,
                "Home" => 0,
                "End" => 1,
                _ => return,
            };
            e.prevent_default();
            state.dispatch(Action::ShowWorkbench(VIEWS[next]));
            document::focus(tab_id(VIEWS[next]));
        })
    };
    html! {
        <section class="workbench panels" aria-label={tr(lang, "Votre stack", "Your stack")}>
            <div class="tabs" role="tablist" aria-label={tr(lang, "Votre stack", "Your stack")} {onkeydown}>
                { for VIEWS.iter().map(|v| {
                    let selected = *v == current;
                    html! {
                        <button type="button" role="tab" id={tab_id(*v)} aria-selected={selected.to_string()}
                            aria-controls={panel_id(*v)} tabindex={if selected { "0" } else { "-1" }}
                            class={classes!("tab", selected.then_some("selected"))} onclick={select(*v)}>
                            { label(*v) }
                        </button>
                    }
                }) }
            </div>
            <div class="tab-panel" role="tabpanel" id={panel_id(current)} aria-labelledby={tab_id(current)}>
                if current == Workbench::Code {
                    <PythonPanel />
                } else {
                    <Editor />
                }
            </div>
        </section>
    }
}
