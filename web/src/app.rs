//! The application: boots from what the browser holds, keeps the stack saved, and lays
//! out the toolbar, the editor and the panels around one shared state.

use std::cell::Cell;
use std::rc::Rc;

use ec2_playground_core::save_stack;
use yew::prelude::*;

use crate::components::embed_bar::EmbedBar;
use crate::components::notices::Notices;
use crate::components::panels::Panels;
use crate::components::share_box::ShareBox;
use crate::components::toolbar::Toolbar;
use crate::components::workbench::WorkbenchView;
use crate::hooks::{use_outputs, Outputs};
use crate::i18n::tr;
use crate::services::{code_modules, document, location, storage};
use crate::state::{self, Action, Mode, Notice, Panel, Playground, Prefs, SavedCode, StartInput, Workbench};

/// What every part of the page may read: the state (with its dispatcher) and the outputs
/// derived from it.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The state.
    pub state: UseReducerHandle<Playground>,
    /// The outputs of its stack.
    pub outputs: Outputs,
    /// True once the code editor has loaded (until then, code shows as plain text).
    pub editor_ready: bool,
}

/// Reads the address and the storage, decides the first state, and keeps an unreadable
/// saved value under a backup key before anything can overwrite it.
fn boot() -> Playground {
    let params = location::query_params();
    let mode = Mode::from_query(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let embed = mode.embed;
    let started = state::start(StartInput {
        mode,
        fragment: location::fragment(),
        saved: if embed { None } else { storage::read(storage::STACK_KEY) },
        saved_code: if embed { None } else { storage::read(storage::CODE_KEY) },
        prefs: if embed { None } else { storage::read(storage::PREFS_KEY) },
        saved_lab: if embed { None } else { storage::read(storage::LAB_KEY) },
        saved_deployed: if embed {
            None
        } else {
            storage::read(storage::DEPLOYED_KEY)
        },
        browser_langs: document::browser_languages(),
    });
    let mut state = started.state;
    if let Some(raw) = started.backup {
        let key = storage::keep_backup(&raw).ok();
        for notice in &mut state.notices {
            if let Notice::SavedUnreadable { backup_key, .. } = notice {
                backup_key.clone_from(&key);
            }
        }
        if key.is_none() {
            // Not even a copy could be written: saving would destroy the only one.
            state.notices.push(Notice::CannotSave);
        }
    }
    if started.clear_fragment {
        location::replace_fragment(None);
    }
    state
}

/// The playground.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(boot);
    let outputs = use_outputs(state.stack.clone());
    let lang = state.lang;

    // Save on every change (of a large stack, once typing pauses), unless embedded or
    // while a shared stack is offered.
    {
        let dispatcher = state.clone();
        let cannot_save = state.notices.contains(&Notice::CannotSave);
        use_effect_with(
            (outputs.settled.clone(), state.autosave_suspended()),
            move |(stack, suspended)| {
                if !*suspended && !cannot_save && storage::write(storage::STACK_KEY, &save_stack(stack)).is_err() {
                    dispatcher.dispatch(Action::Notify(Notice::CannotSave));
                }
            },
        );
    }

    // The learner's code beside the stack; none saved when the code is the stack's own.
    {
        let dispatcher = state.clone();
        let cannot_save = state.notices.contains(&Notice::CannotSave);
        let saved = state.code.as_ref().map(SavedCode::of);
        use_effect_with((saved, state.autosave_suspended()), move |(saved, suspended)| {
            if *suspended || cannot_save {
                return;
            }
            let written = match saved {
                Some(code) => serde_json::to_string(code)
                    .map_err(|_| storage::StorageError)
                    .and_then(|text| storage::write(storage::CODE_KEY, &text)),
                None => storage::remove(storage::CODE_KEY),
            };
            if written.is_err() {
                dispatcher.dispatch(Action::Notify(Notice::CannotSave));
            }
        });
    }

    // The lab progress and the stack marked deployed, beside the stack.
    {
        let dispatcher = state.clone();
        let cannot_save = state.notices.contains(&Notice::CannotSave);
        // Keyed by the lab's pointer and the ticks: a render compares no lab file.
        let lab = state.lab.clone();
        let key = (
            Rc::as_ptr(&lab.lab) as usize,
            lab.ticked.clone(),
            state.autosave_suspended(),
        );
        use_effect_with(key, move |(_, _, suspended)| {
            if !*suspended && !cannot_save && storage::write(storage::LAB_KEY, &lab.progress().to_json()).is_err() {
                dispatcher.dispatch(Action::Notify(Notice::CannotSave));
            }
        });
    }
    {
        let dispatcher = state.clone();
        let cannot_save = state.notices.contains(&Notice::CannotSave);
        use_effect_with((state.deployed.clone(), state.mode.embed), move |(deployed, embed)| {
            if *embed || cannot_save {
                return;
            }
            let written = match deployed {
                Some(stack) => storage::write(storage::DEPLOYED_KEY, &save_stack(stack)),
                None => storage::remove(storage::DEPLOYED_KEY),
            };
            if written.is_err() {
                dispatcher.dispatch(Action::Notify(Notice::CannotSave));
            }
        });
    }

    // The code editor, once the first paint is done (the JSON shows as text until then).
    let editor_ready = use_state(code_modules::editor_ready);
    {
        let editor_ready = editor_ready.clone();
        let dispatcher = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if code_modules::load_editor().await {
                    editor_ready.set(true);
                } else {
                    dispatcher.dispatch(Action::Notify(Notice::ModuleFailed("editor/editor.js".into())));
                }
            });
        });
    }

    // The reader, once there is code to read or the learner opens main.py.
    {
        let dispatcher = state.clone();
        let wanted = state.code.is_some()
            || state.panel == Panel::Python
            || (state.workbench == Workbench::Code && !state.mode.embed);
        use_effect_with(wanted, move |&wanted| {
            if wanted {
                wasm_bindgen_futures::spawn_local(async move {
                    if code_modules::load_reader().await {
                        dispatcher.dispatch(Action::ReaderReady);
                    } else {
                        dispatcher.dispatch(Action::Notify(Notice::ModuleFailed("reader/".into())));
                    }
                });
            }
        });
    }

    // Once the learner has chosen between their work and a shared stack, the link has
    // done its job: take it out of the address so a reload opens their saved work.
    {
        let embed = state.mode.embed;
        use_effect_with(state.aside.is_some(), move |pending| {
            if !*pending && !embed && !location::fragment().is_empty() {
                location::replace_fragment(None);
            }
        });
    }

    // The language and the theme: on the document, and saved once the learner changes them.
    {
        let initial = use_memo((), {
            let prefs = (state.lang, state.theme);
            move |_| prefs
        });
        let changed = use_mut_ref(|| Cell::new(false));
        let embed = state.mode.embed;
        use_effect_with((state.lang, state.theme), move |&(lang, theme)| {
            document::set_language(lang.code());
            document::set_theme(theme.code());
            document::set_embedded(embed);
            document::set_title(tr(
                lang,
                "EC2 Playground · cdktf en Python",
                "EC2 Playground · cdktf in Python",
            ));
            if (lang, theme) != *initial {
                changed.borrow().set(true);
            }
            if changed.borrow().get() && !embed {
                let prefs = Prefs {
                    lang: Some(lang),
                    theme,
                };
                if let Ok(text) = serde_json::to_string(&prefs) {
                    let _ = storage::write(storage::PREFS_KEY, &text);
                }
            }
        });
    }

    let embed = state.mode.embed;
    let only_panel = state.mode.only_panel.is_some();
    let context = AppContext {
        state: state.clone(),
        outputs,
        editor_ready: *editor_ready,
    };
    html! {
        <ContextProvider<AppContext> context={context}>
            <div class={classes!("app", embed.then_some("embedded"), only_panel.then_some("single-panel"), state.readonly().then_some("readonly"))}>
                if !embed {
                    <a class="skip-link" href="#outputs" onclick={document::in_page_link("outputs")}>{ tr(lang, "Aller aux sorties", "Skip to the outputs") }</a>
                    <Toolbar />
                } else {
                    <EmbedBar />
                }
                <Notices />
                <ShareBox />
                <main class="layout">
                    if !(embed && only_panel) {
                        <WorkbenchView />
                    }
                    <div id="outputs" class="outputs" tabindex="-1">
                        <Panels />
                    </div>
                </main>
            </div>
        </ContextProvider<AppContext>>
    }
}
