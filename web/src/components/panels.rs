//! The output panels, as tabs (or the one panel an embedding page asked for).

use yew::prelude::*;

use super::checks_panel::ChecksPanel;
use super::deploy_panel::DeployPanel;
use super::diagram_panel::{DiagramPanel, DrawingCache, ViewMemory};
use super::hcl_panel::HclPanel;
use super::json_panel::JsonPanel;
use super::lab_panel::LabPanel;
use super::python_panel::PythonPanel;
use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::document;
use crate::state::{Action, Panel};

fn tab_label(panel: Panel, lang: ec2_playground_core::Lang) -> &'static str {
    match panel {
        Panel::Json => "cdk.tf.json",
        Panel::Python => "main.py",
        Panel::Hcl => "main.tf",
        Panel::Diagram => tr(lang, "Diagramme", "Diagram"),
        Panel::Checks => tr(lang, "Vérifications", "Checks"),
        Panel::Lab => "Lab",
        Panel::Deploy => tr(lang, "Déploiement", "Deploy"),
    }
}

/// How long after the outputs settle the diagram is drawn ahead into its hidden panel, while
/// another tab is shown (milliseconds), for a stack of `resources`: long enough that a
/// learner typing again is not held by it. The browser lays a drawing out in one task that
/// grows with the stack (measured at 1,000 resources: about 250 ms, `scripts/page-bench.sh`),
/// so a large stack waits for a longer pause.
fn draw_ahead_ms(resources: usize) -> u32 {
    if resources > 300 {
        1500
    } else {
        400
    }
}

fn body(panel: Panel, memory: &ViewMemory, cache: &DrawingCache) -> Html {
    match panel {
        Panel::Json => html! { <JsonPanel /> },
        Panel::Python => html! { <PythonPanel /> },
        Panel::Hcl => html! { <HclPanel /> },
        Panel::Diagram => html! { <DiagramPanel memory={memory.clone()} cache={cache.clone()} /> },
        Panel::Checks => html! { <ChecksPanel /> },
        Panel::Lab => html! { <LabPanel /> },
        Panel::Deploy => html! { <DeployPanel /> },
    }
}

/// The tab panel shown and, beside it, the diagram's panel: kept (hidden, laid out) under
/// another tab once a drawing was made ahead, so that its tab opens without parsing or
/// laying out the drawing again. Keyed, so that the diagram's elements stay the same ones
/// when its tab is chosen.
fn panel_slots(current: Panel, memory: &ViewMemory, cache: &DrawingCache) -> Vec<Html> {
    let mut slots = Vec::with_capacity(2);
    if current != Panel::Diagram {
        slots.push(html! {
            <div key={format!("panel-{}", current.code())} class="tab-panel" role="tabpanel" id={format!("panel-{}", current.code())}
                aria-labelledby={format!("tab-{}", current.code())}>
                { body(current, memory, cache) }
            </div>
        });
    }
    let shown = current == Panel::Diagram;
    if shown || cache.has_drawing() {
        slots.push(html! {
            <div key="panel-diagram" class={classes!("tab-panel", (!shown).then_some("kept"))}
                role={shown.then_some("tabpanel")} id={shown.then_some("panel-diagram")}
                aria-labelledby={shown.then_some("tab-diagram")} aria-hidden={(!shown).then_some("true")}>
                <DiagramPanel memory={memory.clone()} cache={cache.clone()} active={shown} revision={cache.revision()} />
            </div>
        });
    }
    slots
}

/// The panels.
#[function_component]
pub fn Panels() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    // The diagram's zoom and pan, kept while another tab is shown.
    let memory = use_memo((), |_| ViewMemory::default());
    let cache = use_memo((), |_| DrawingCache::default());
    // A drawing made ahead is handed to the hidden diagram panel by a render of its own.
    let redraw = use_force_update();
    let state = &app.state;
    let lang = state.lang;
    // The diagram drawn ahead once the outputs settle, so that its tab opens at once.
    {
        let cache = (*cache).clone();
        let redraw = redraw.clone();
        // Past a large stack, laying the drawing out ahead would freeze the page for seconds
        // at a pause (10,000 resources: 1.2 s): its tab draws it when chosen instead.
        let wanted = state.mode.only_panel.is_none()
            && state.panel != Panel::Diagram
            && app.outputs.settled.resources.len() <= crate::state::LARGE_STACK;
        let (stack, diagnostics) = (app.outputs.settled.clone(), app.outputs.diagnostics.clone());
        // Keyed by pointers: the outputs renew their `Rc`s when they change, and a render
        // compares no stack.
        let key = (
            std::rc::Rc::as_ptr(&stack) as usize,
            std::rc::Rc::as_ptr(&diagnostics) as usize,
            lang,
            wanted,
        );
        use_effect_with(key, move |&(_, _, lang, wanted)| {
            let delay = draw_ahead_ms(stack.resources.len());
            let timer = wanted.then(|| {
                gloo::timers::callback::Timeout::new(delay, move || {
                    if cache.prepare(&stack, &diagnostics, lang) {
                        redraw.force_update();
                    }
                })
            });
            move || drop(timer)
        });
    }
    if let Some(only) = state.mode.only_panel {
        return html! {
            <section class="panels single" id={format!("panel-{}", only.code())} aria-label={tab_label(only, lang)}>
                { body(only, &memory, &cache) }
            </section>
        };
    }
    // main.py is on the editor side; an old choice of it shows the JSON.
    let current = if state.panel == Panel::Python {
        Panel::Json
    } else {
        state.panel
    };
    let select = |p: Panel| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SelectPanel(p)))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            let i = Panel::TABS.iter().position(|p| *p == current).unwrap_or(0);
            let n = Panel::TABS.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % n,
                "ArrowLeft" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            let p = Panel::TABS[next];
            state.dispatch(Action::SelectPanel(p));
            document::focus(&format!("tab-{}", p.code()));
        })
    };
    html! {
        <section class="panels" aria-label={tr(lang, "Sorties", "Outputs")}>
            <div class="tabs" role="tablist" aria-label={tr(lang, "Sorties", "Outputs")} {onkeydown}>
                { for Panel::TABS.iter().map(|p| {
                    let selected = *p == current;
                    html! {
                        <button type="button" role="tab" id={format!("tab-{}", p.code())} aria-selected={selected.to_string()}
                            aria-controls={format!("panel-{}", p.code())} tabindex={if selected { "0" } else { "-1" }}
                            class={classes!("tab", selected.then_some("selected"))} onclick={select(*p)}>
                            { tab_label(*p, lang) }
                        </button>
                    }
                }) }
            </div>
            <div class="tab-panels">
                { for panel_slots(current, &memory, &cache) }
            </div>
        </section>
    }
}
