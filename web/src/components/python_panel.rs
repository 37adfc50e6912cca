//! The `main.py` panel (and `user_data.py` when the project has one): the learner's code
//! editor. Until the learner writes in it, it shows the code written from the stack; their
//! first edit makes it theirs, and from then on the stack follows the code (and a form
//! edit is carried into the code).

use std::cell::RefCell;
use std::rc::Rc;

use ec2_playground_core::{python_files, Lang, ReplyDiagnostic, Severity};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::code_editor::Mark;
use super::code_view::{CodeLang, CodeView};
use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::download;
use crate::state::{Action, CodeStatus, LearnerCode, Notice};

/// How long typing must pause before the code is read (milliseconds).
pub const READ_DELAY_MS: u32 = 250;

/// The largest file the import takes (bytes); the reader refuses larger code anyway.
const MAX_IMPORT_BYTES: u32 = 2 * 1024 * 1024;

fn marks(diagnostics: &[ReplyDiagnostic], file: &str, lang: Lang) -> Rc<Vec<Mark>> {
    Rc::new(
        diagnostics
            .iter()
            .filter(|d| d.file == file)
            .map(|d| Mark {
                from: d.from,
                to: d.to,
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                },
                message: format!("{} — {}", d.message.get(lang), d.hint.get(lang)),
            })
            .collect(),
    )
}

/// The line `file:line:column: message — hint` of a finding.
fn finding(d: &ReplyDiagnostic, lang: Lang) -> Html {
    html! {
        <li class={classes!("diagnostic", if d.severity == Severity::Error { "error" } else { "warning" })}>
            <span class="severity">{ format!("{}:{}:{}", d.file, d.line, d.column) }</span>
            { d.message.get(lang) }
            <div class="hint">{ d.hint.get(lang) }</div>
        </li>
    }
}

/// What the panel says of the code, above it.
fn status(code: Option<&LearnerCode>, lang: Lang, on_regenerate: Callback<MouseEvent>) -> Html {
    let Some(code) = code else {
        return html! {
            <p class="hint code-status" id="code-status">{ tr(lang,
                "Ce code est écrit à partir de la stack. Modifiez-le ou collez le vôtre : il devient le vôtre, et la stack le suit.",
                "This code is written from the stack. Edit it or paste yours: it becomes yours, and the stack follows it.") }</p>
        };
    };
    let list = |errors_only: bool| -> Html {
        let items: Vec<Html> = code
            .diagnostics
            .iter()
            .filter(|d| !errors_only || d.severity == Severity::Error)
            .take(20)
            .map(|d| finding(d, lang))
            .collect();
        if items.is_empty() {
            html! {}
        } else {
            html! { <ul class="diagnostics code-diagnostics">{ for items }</ul> }
        }
    };
    match &code.status {
        CodeStatus::Unread | CodeStatus::EditPending => html! {
            <p class="hint code-status" id="code-status" role="status">{ tr(lang, "Lecture du code…", "Reading the code…") }</p>
        },
        CodeStatus::DoesNotRead => html! {
            <div class="code-status" id="code-status">
                <p class="stale" role="status">{ tr(lang,
                    "Votre code ne se lit pas encore : les autres panneaux montrent la dernière stack qu'il décrivait.",
                    "Your code does not read yet: the other panels show the last stack it described.") }</p>
                { list(true) }
            </div>
        },
        CodeStatus::NotPlaced(why) => html! {
            <div class="code-status" id="code-status">
                <p class="stale" role="status">
                    { format!("{} ({}). ", tr(lang,
                        "La dernière modification du formulaire n'a pas pu être reportée dans votre code",
                        "The last form edit could not be carried into your code"), why.get(lang)) }
                    { tr(lang, "Votre code est intact ; la stack a la modification. ",
                        "Your code is untouched; the stack has the edit. ") }
                    <button type="button" class="small" id="regenerate-code" onclick={on_regenerate}>
                        { tr(lang, "Réécrire main.py à partir de la stack", "Rewrite main.py from the stack") }
                    </button>
                </p>
                { list(false) }
            </div>
        },
        CodeStatus::InStep => html! {
            <div class="code-status" id="code-status">
                <p class="hint" role="status">{ tr(lang,
                    "Votre code se lit : la stack, le JSON, le diagramme et les vérifications le suivent.",
                    "Your code reads: the stack, the JSON, the diagram and the checks follow it.") }</p>
                { list(false) }
            </div>
        },
    }
}

/// Reads the `.py` files the learner picked or dropped: `user_data.py` by its name, any
/// other as `main.py`. Hands back `(main_py, user_data_py)`, each `None` when not given.
async fn read_files(files: Vec<web_sys::File>) -> Result<(Option<String>, Option<String>), String> {
    let mut main_py = None;
    let mut user_data_py = None;
    for file in files {
        let name = file.name();
        if file.size() > f64::from(MAX_IMPORT_BYTES) {
            return Err(name);
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| name.clone())?;
        if name == "user_data.py" {
            user_data_py = Some(text);
        } else if main_py.is_none() {
            main_py = Some(text);
        }
    }
    Ok((main_py, user_data_py))
}

/// The code of the stack, as the course writes it, and the learner's editor.
#[function_component]
pub fn PythonPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let state = app.state.clone();
    let lang = state.lang;
    // The code written from the stack the JSON panel shows: the last that synthesized.
    let stack = app.outputs.good_stack.clone().unwrap_or_else(|| state.stack.clone());
    let files = use_memo(stack, |stack| {
        let files = python_files(stack);
        (Rc::new(files.main_py), files.user_data_py.map(Rc::new))
    });
    let (main_py, user_data_py) = match &state.code {
        Some(code) => (code.main_py.clone(), code.user_data_py.clone()),
        None => (files.0.clone(), files.1.clone()),
    };

    // The latest text of both files, as typed: a change to one is read with the other.
    let latest: Rc<RefCell<(String, Option<String>)>> = use_mut_ref(Default::default);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        // What the state holds, unless typing is waiting to be read.
        if timer.borrow().is_none() {
            *latest.borrow_mut() = (main_py.to_string(), user_data_py.as_ref().map(|t| t.to_string()));
        }
    }
    let typed = |main: bool| -> Option<Callback<String>> {
        if state.readonly() {
            return None;
        }
        let latest = latest.clone();
        let timer = timer.clone();
        let state = state.clone();
        Some(Callback::from(move |text: String| {
            {
                let mut l = latest.borrow_mut();
                if main {
                    l.0 = text;
                } else {
                    l.1 = Some(text);
                }
            }
            let latest = latest.clone();
            let state = state.clone();
            let done = timer.clone();
            *timer.borrow_mut() = Some(Timeout::new(READ_DELAY_MS, move || {
                done.borrow_mut().take();
                let (main_py, user_data_py) = latest.borrow().clone();
                state.dispatch(Action::SetCode { main_py, user_data_py });
            }));
        }))
    };

    let stale = match &state.code {
        None => app.outputs.synth_error.as_ref().map(|e| {
            AttrValue::from(format!(
                "{} {}",
                tr(
                    lang,
                    "La stack actuelle ne se synthétise pas ; voici le code de la dernière stack valide. Erreur :",
                    "The current stack does not synthesize; this is the code of the last valid stack. Error:"
                ),
                e.message(lang)
            ))
        }),
        Some(_) => None,
    };
    let diagnostics = state.code.as_ref().map(|c| c.diagnostics.clone()).unwrap_or_default();
    let main_marks = use_memo((diagnostics.clone(), lang), |(d, lang)| marks(d, "main.py", *lang));
    let user_data_marks = use_memo((diagnostics, lang), |(d, lang)| marks(d, "user_data.py", *lang));
    let on_regenerate = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::RegenerateCode))
    };

    // Import: pick or drop main.py (and user_data.py).
    let import = {
        let state = state.clone();
        let latest = latest.clone();
        Callback::from(move |list: web_sys::FileList| {
            // Taken now: the list empties when the input is cleared.
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            let state = state.clone();
            let latest = latest.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match read_files(files).await {
                    Ok((None, None)) => {}
                    Ok((main, user_data)) => {
                        let (current_main, current_user_data) = latest.borrow().clone();
                        state.dispatch(Action::SetCode {
                            main_py: main.unwrap_or(current_main),
                            user_data_py: user_data.or(current_user_data),
                        });
                    }
                    Err(name) => state.dispatch(Action::Notify(Notice::ImportFailed {
                        name,
                        limit_bytes: MAX_IMPORT_BYTES,
                    })),
                }
            });
        })
    };
    let file_input = use_node_ref();
    let on_pick = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                import.emit(files);
            }
            input.set_value("");
        })
    };
    let on_open = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let import = import.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                import.emit(files);
            }
        })
    };
    // The text as typed, even before it is read: what the learner sees is what they get.
    let on_download = {
        let latest = latest.clone();
        Callback::from(move |_: MouseEvent| {
            let text = latest.borrow().0.clone();
            download::save("main.py", "text/x-python", text.as_bytes());
        })
    };
    let readonly = state.readonly();
    let status_html = status(state.code.as_ref(), lang, on_regenerate);
    html! {
        <div class="python-files" ondragover={on_drag_over} ondrop={on_drop}>
            <CodeView id="code-python" file_name="main.py" code={Some(main_py)} code_lang={CodeLang::Python} {stale} {lang}
                on_change={typed(true)} marks={(*main_marks).clone()} status={status_html}>
                <button type="button" class="small" id="download-python" onclick={on_download}
                    aria-label={tr(lang, "Télécharger main.py", "Download main.py")}>
                    { tr(lang, "Télécharger", "Download") }
                </button>
                if !readonly {
                    <button type="button" class="small" id="import-py" onclick={on_open}
                        title={tr(lang, "Ouvrir main.py (et user_data.py) depuis votre ordinateur ; vous pouvez aussi les déposer ici",
                            "Open main.py (and user_data.py) from your computer; you may also drop them here")}>
                        { tr(lang, "Ouvrir un fichier…", "Open a file…") }
                    </button>
                    <input type="file" ref={file_input} class="visually-hidden" accept=".py,text/x-python" multiple=true
                        tabindex="-1" aria-hidden="true" onchange={on_pick} />
                }
            </CodeView>
            if let Some(text) = user_data_py {
                <CodeView id="code-user-data" file_name="user_data.py" code={Some(text)} code_lang={CodeLang::Python} {lang}
                    on_change={typed(false)} marks={(*user_data_marks).clone()} />
            }
        </div>
    }
}
