//! A CodeMirror editor (web/js/editor.js) in a Yew component: the text, the language, the
//! marks, and the learner's edits handed back through a callback.

use std::rc::Rc;

use yew::prelude::*;

/// One mark in the text: UTF-16 offsets, a severity (`error`, `warning`, `info`) and the
/// message in the page's language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mark {
    /// Start (UTF-16 code units).
    pub from: usize,
    /// End (UTF-16 code units).
    pub to: usize,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// What the learner reads on hover and in the lint panel.
    pub message: String,
}

/// Props of [`CodeEditor`].
#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    /// Element id of the editor's host (tests and the checks panel find it by it).
    pub id: AttrValue,
    /// The text to show. When it changes from outside, the editor takes it, marking the
    /// lines that changed.
    pub text: Rc<String>,
    /// `python`, `json` or `plain`.
    pub language: &'static str,
    /// The learner's edits, each with the whole text; `None`: read-only.
    #[prop_or_default]
    pub on_change: Option<Callback<String>>,
    /// Marks to show.
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
    /// The editor's name for screen readers.
    pub label: AttrValue,
}

/// The editor. Made once the editor module is loaded ([`crate::services::code_modules`]);
/// the caller shows plain text until then.
#[function_component]
pub fn CodeEditor(props: &CodeEditorProps) -> Html {
    let host = use_node_ref();
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::RefCell;

        use crate::services::code_modules::{self, EditorHandle, OnChange};

        let handle: Rc<RefCell<Option<EditorHandle>>> = use_mut_ref(|| None);
        // The latest callback, read by the one closure handed to the editor.
        let on_change: Rc<RefCell<Option<Callback<String>>>> = use_mut_ref(|| None);
        *on_change.borrow_mut() = props.on_change.clone();
        let closure: Rc<OnChange> = {
            let on_change = on_change.clone();
            use_memo((), move |_| {
                OnChange::new(move |text: String| {
                    if let Some(cb) = on_change.borrow().as_ref() {
                        cb.emit(text);
                    }
                })
            })
        };
        {
            let host = host.clone();
            let handle = handle.clone();
            let text = props.text.clone();
            let language = props.language;
            let read_only = props.on_change.is_none();
            let label = props.label.clone();
            use_effect_with((), move |_| {
                if let Some(parent) = host.cast::<web_sys::Element>() {
                    *handle.borrow_mut() =
                        code_modules::create_editor(&parent, &text, language, read_only, &label, &closure);
                }
                move || {
                    if let Some(h) = handle.borrow_mut().take() {
                        h.destroy();
                    }
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(props.text.clone(), move |text| {
                if let Some(h) = handle.borrow().as_ref() {
                    h.set_doc(text, true);
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(props.marks.clone(), move |marks| {
                if let (Some(h), Ok(json)) = (handle.borrow().as_ref(), serde_json::to_string(&**marks)) {
                    if let Ok(list) = js_sys::JSON::parse(&json) {
                        h.set_diagnostics(&list);
                    }
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(props.label.clone(), move |label| {
                if let Some(h) = handle.borrow().as_ref() {
                    h.set_label(label);
                }
            });
        }
    }
    html! { <div class="cm-host" id={props.id.clone()} ref={host}></div> }
}
