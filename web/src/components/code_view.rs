//! A code panel: the file's name, a copy button, and the text in the code editor (plain
//! text until the editor has loaded).

use std::rc::Rc;

use ec2_playground_core::Lang;
use yew::prelude::*;

use super::code_editor::{CodeEditor, Mark};
use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::clipboard;

/// The language of a panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeLang {
    /// `cdk.tf.json`.
    Json,
    /// `main.py`.
    Python,
    /// `main.tf` (shown as plain text: the editor has no HCL mode).
    Hcl,
}

impl CodeLang {
    /// The editor's name for it (web/js/editor.js).
    pub fn code(self) -> &'static str {
        match self {
            CodeLang::Json => "json",
            CodeLang::Python => "python",
            CodeLang::Hcl => "plain",
        }
    }
}

/// Props of [`CodeView`].
#[derive(Properties, PartialEq)]
pub struct CodeViewProps {
    /// Element id of the `<code>`.
    pub id: AttrValue,
    /// The file's name (`cdk.tf.json`).
    pub file_name: AttrValue,
    /// The text (`None`: nothing to show yet).
    pub code: Option<Rc<String>>,
    /// How to colour it.
    pub code_lang: CodeLang,
    /// Why the text shown is not the current stack's, if it is not.
    #[prop_or_default]
    pub stale: Option<AttrValue>,
    /// Extra buttons (downloads) beside "copy".
    #[prop_or_default]
    pub children: Html,
    /// The learner's edits (the whole text each time); `None`: read-only.
    #[prop_or_default]
    pub on_change: Option<Callback<String>>,
    /// Marks in the text (the reader's findings).
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
    /// What to show between the head and the text (the code's status).
    #[prop_or_default]
    pub status: Html,
    /// The page's language.
    pub lang: Lang,
}

/// How many lines of plain text (before the editor is loaded) make one block that the browser
/// lays out only when it is in view.
const PLAIN_BLOCK_LINES: usize = 200;

/// The text shown before the editor is loaded: as it is, or, past [`PLAIN_BLOCK_LINES`]
/// lines, in blocks of that many lines that the browser skips while off screen
/// (`content-visibility: auto`, `static/style.css`). At 1,000 resources the JSON is about
/// 50,000 lines, whose layout held the page's opening 0.6 s. The text content is the same.
fn plain_text(text: &str) -> Html {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= PLAIN_BLOCK_LINES {
        return html! { { text.to_owned() } };
    }
    html! {
        { for lines.chunks(PLAIN_BLOCK_LINES).map(|block| html! {
            <span class="plain-block" style={format!("contain-intrinsic-size: auto {}lh", block.len())}>{ block.concat() }</span>
        }) }
    }
}

/// Coloured code with a copy button.
#[function_component]
pub fn CodeView(props: &CodeViewProps) -> Html {
    let lang = props.lang;
    let copied: UseStateHandle<Option<bool>> = use_state(|| None);
    {
        let copied = copied.clone();
        use_effect_with(props.code.clone(), move |_| copied.set(None));
    }
    let on_copy = {
        let code = props.code.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &code {
                let copied = copied.clone();
                clipboard::copy(text.to_string(), Callback::from(move |ok| copied.set(Some(ok))));
            }
        })
    };
    let editor_ready = use_context::<AppContext>().is_some_and(|app| app.editor_ready);
    let status = match *copied {
        Some(true) => tr(lang, "Copié !", "Copied!"),
        Some(false) => tr(
            lang,
            "Le navigateur a refusé la copie : sélectionnez le texte.",
            "The browser refused to copy: select the text.",
        ),
        None => "",
    };
    html! {
        <div class="code-view">
            <div class="code-head">
                <span class="file-name">{ props.file_name.clone() }</span>
                <span class="buttons">
                    <span class="copy-status" role="status">{ status }</span>
                    <button type="button" class="small" onclick={on_copy} disabled={props.code.is_none()}
                        aria-label={format!("{} {}", tr(lang, "Copier", "Copy"), props.file_name)}>{ tr(lang, "Copier", "Copy") }</button>
                    { props.children.clone() }
                </span>
            </div>
            if let Some(why) = &props.stale {
                <p class="stale" role="status">{ why.clone() }</p>
            }
            { props.status.clone() }
            if let Some(text) = &props.code {
                if editor_ready {
                    <CodeEditor id={props.id.clone()} text={text.clone()} language={props.code_lang.code()}
                        on_change={props.on_change.clone()} marks={props.marks.clone()} label={props.file_name.clone()} />
                } else {
                    <pre class="code" tabindex="0" aria-label={props.file_name.clone()}><code id={props.id.clone()}>{ plain_text(text) }</code></pre>
                }
            } else {
                <p class="hint">{ tr(lang, "Pas encore de sortie : corrigez l'erreur indiquée.", "No output yet: fix the error shown.") }</p>
            }
        </div>
    }
}
